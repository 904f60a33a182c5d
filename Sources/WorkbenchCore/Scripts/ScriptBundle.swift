import Crypto
import Foundation
import ZIPFoundation

/// A script packed for sharing: one ZIP file holding the script (`init.lua`), the modules it
/// requires, its header as `manifest.json`, and a SHA-256 checksum for every file.
package enum ScriptBundle {
    /// What `manifest.json` records.
    package struct Manifest: Codable, Sendable, Equatable {
        package var format: String
        package var formatVersion: Int
        package var name: String
        package var version: String
        package var description: String
        package var api: Int
        package var author: String?
        package var files: [File]

        package struct File: Codable, Sendable, Equatable {
            package var path: String
            package var sha256: String
            package var size: Int
        }
    }

    package static let formatName = "workbench-script-bundle"

    // MARK: Packing

    /// Packs the script `name` (found like `run NAME`) and the modules it requires into `output`.
    /// - Returns: the manifest written.
    /// - Throws: `WorkbenchError` when the script has no header, a module cannot be found, or the file cannot be written.
    @discardableResult
    package static func pack(script name: String, to output: String) throws -> Manifest {
        guard let path = ScriptLocator.find(name) else {
            throw WorkbenchError.usage("no script '\(name)' (looked for the file, then in \(ScriptLocator.searchPath().joined(separator: ", ")))")
        }
        guard let metadata = try ScriptMetadata.read(path: path) else {
            throw WorkbenchError.message("\(path) has no header; a shared script needs `script = { name = …, version = …, description = … }`")
        }
        let dir = (path as NSString).deletingLastPathComponent
        var files: [(path: String, data: Data)] = [("init.lua", try readFile(path))]
        for (module, file) in try requiredModules(of: path, searchPath: [dir.isEmpty ? "." : dir, "Scripts"] + ScriptLocator.searchPath()) {
            files.append((module.replacingOccurrences(of: ".", with: "/") + ".lua", try readFile(file)))
        }
        // the tests' fixtures and expected outputs travel with the script when they are inside its folder
        for t in metadata.tests {
            for rel in t.inputs + (t.expectFile.map { [$0] } ?? []) where !rel.hasPrefix("/") && !rel.contains("..") {
                for (relative, data) in collectFiles(dir + "/" + rel, relativeTo: dir) where !files.contains(where: { $0.path == relative }) {
                    files.append((relative, data))
                }
            }
        }
        let manifest = Manifest(format: formatName, formatVersion: 1, name: metadata.name, version: metadata.version,
                                description: metadata.description, api: metadata.api, author: metadata.author,
                                files: files.map { .init(path: $0.path, sha256: sha256($0.data), size: $0.data.count) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let manifestData = try encoder.encode(manifest)
        if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
        let archive = try Archive(url: URL(fileURLWithPath: output), accessMode: .create)
        for (p, data) in [("manifest.json", manifestData)] + files {
            try archive.addEntry(with: p, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
        return manifest
    }

    /// The modules a script requires (literal `require "name"` calls), found on `searchPath`, recursively.
    /// `workbench.*` modules ship with the workbench and are not packed.
    package static func requiredModules(of path: String, searchPath: [String]) throws -> [(module: String, file: String)] {
        var found: [(String, String)] = []
        var seen = Set<String>()
        var queue = [path]
        while let file = queue.popLast() {
            let source = String(decoding: try readFile(file), as: UTF8.self)
            for module in requires(in: source) where !seen.contains(module) && !module.hasPrefix("workbench") {
                seen.insert(module)
                if ["string", "table", "math", "utf8", "coroutine", "io", "os"].contains(module) { continue }
                let relative = module.replacingOccurrences(of: ".", with: "/")
                guard let hit = searchPath.lazy.flatMap({ ["\($0)/\(relative).lua", "\($0)/\(relative)/init.lua"] })
                        .first(where: { FileManager.default.fileExists(atPath: $0) }) else {
                    throw WorkbenchError.message("\(file) requires '\(module)', which is not on the script path (\(searchPath.joined(separator: ", ")))")
                }
                found.append((module, hit))
                queue.append(hit)
            }
        }
        return found
    }

    /// Module names in literal `require "x"` / `require('x')` calls.
    static func requires(in source: String) -> [String] {
        var out: [String] = []
        let s = Array(source.unicodeScalars)
        var i = 0
        let key = Array("require".unicodeScalars)
        while i + key.count < s.count {
            if Array(s[i..<(i + key.count)]) == key, i == 0 || !(s[i - 1].isLetter || s[i - 1].isDigit || s[i - 1] == "_" || s[i - 1] == ".") {
                var j = i + key.count
                while j < s.count && s[j].isSpace { j += 1 }
                if j < s.count && s[j] == "(" { j += 1; while j < s.count && s[j].isSpace { j += 1 } }
                if j < s.count && (s[j] == "\"" || s[j] == "'") {
                    let q = s[j]
                    var k = j + 1
                    while k < s.count && s[k] != q && s[k] != "\n" { k += 1 }
                    if k < s.count && s[k] == q { out.append(String(String.UnicodeScalarView(s[(j + 1)..<k]))) }
                    i = k
                }
            }
            i += 1
        }
        return out
    }

    // MARK: Installing

    /// Where installed scripts go: `$XDG_DATA_HOME/workbench/scripts` (`~/.local/share/workbench/scripts`).
    package static func libraryFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? ".") + "/.local/share")
        return dataHome + "/workbench/scripts"
    }

    /// Installs from a bundle file, a folder (an unpacked bundle, or scripts with headers) or a git URL.
    /// - Parameters:
    ///   - source: the file, folder or URL.
    ///   - force: replace an installed script of another version.
    /// - Returns: one line per script installed.
    /// - Throws: `WorkbenchError` for tampered bundles, version conflicts without `force`, and unreadable sources.
    package static func install(_ source: String, force: Bool, library: String = libraryFolder()) throws -> [String] {
        if isGitURL(source) {
            let checkout = FileManager.default.temporaryDirectory.appendingPathComponent("workbench-git-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: checkout) }
            try runGit(["clone", "--quiet", "--depth", "1", source, checkout])
            return try installFolder(checkout, force: force, library: library, origin: source)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDir) else {
            throw WorkbenchError.usage("\(source): no such bundle, folder or git repository")
        }
        if isDir.boolValue { return try installFolder(source, force: force, library: library, origin: source) }
        let files = try readBundle(source)
        return [try installFiles(files, force: force, library: library, origin: source)]
    }

    /// Reads and verifies a bundle file: every file listed with a matching checksum, nothing unlisted.
    package static func readBundle(_ path: String) throws -> [String: Data] {
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw WorkbenchError.message("\(path) is not a script bundle (not a ZIP archive)")
        }
        var files: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            guard !entry.path.hasPrefix("/"), !entry.path.split(separator: "/").contains("..") else {
                throw WorkbenchError.message("\(path) is refused: it holds a file outside the bundle (\(entry.path))")
            }
            var data = Data()
            do { _ = try archive.extract(entry) { data.append($0) } } catch {
                throw WorkbenchError.message("\(path) is refused: \(entry.path) is damaged (\(error))")
            }
            files[entry.path] = data
        }
        try verify(files, origin: path)
        return files
    }

    /// Checks the manifest against the files; throws naming what was tampered with.
    private static func verify(_ files: [String: Data], origin: String) throws {
        guard let manifestData = files["manifest.json"],
              let manifest = try? JSONDecoder().decode(Manifest.self, from: manifestData), manifest.format == formatName else {
            throw WorkbenchError.message("\(origin) is not a script bundle (no valid manifest.json)")
        }
        for f in manifest.files {
            guard let data = files[f.path] else { throw WorkbenchError.message("\(origin) is refused: \(f.path) is listed in the manifest but missing") }
            guard sha256(data) == f.sha256, data.count == f.size else {
                throw WorkbenchError.message("\(origin) is refused: \(f.path) does not match its checksum (the bundle was changed after it was packed)")
            }
        }
        let listed = Set(manifest.files.map(\.path) + ["manifest.json"])
        if let extra = files.keys.sorted().first(where: { !listed.contains($0) }) {
            throw WorkbenchError.message("\(origin) is refused: \(extra) is not listed in the manifest")
        }
        guard manifest.name.unicodeScalars.allSatisfy({ $0.isLetter || $0.isDigit || $0 == "_" || $0 == "-" }), !manifest.name.isEmpty else {
            throw WorkbenchError.message("\(origin) is refused: the script name '\(manifest.name)' is not a plain name")
        }
        // the script itself must carry the header the manifest claims
        guard let script = files["init.lua"], let m = try ScriptMetadata.parse(String(decoding: script, as: UTF8.self), path: "\(origin):init.lua"),
              m.name == manifest.name, m.version == manifest.version else {
            throw WorkbenchError.message("\(origin) is refused: init.lua does not carry the name and version in the manifest")
        }
    }

    /// Installs verified files into `library/NAME/`.
    private static func installFiles(_ files: [String: Data], force: Bool, library: String, origin: String) throws -> String {
        let manifest = try JSONDecoder().decode(Manifest.self, from: files["manifest.json"]!)
        let target = library + "/" + manifest.name
        if let existingData = FileManager.default.contents(atPath: target + "/manifest.json"),
           let existing = try? JSONDecoder().decode(Manifest.self, from: existingData) {
            if existing == manifest { return "\(manifest.name) \(manifest.version) is already installed in \(target)" }
            if !force {
                let relation = existing.version == manifest.version ? "a different build of the same version" : "version \(existing.version)"
                throw WorkbenchError.message("\(manifest.name) \(relation) is installed in \(target); installing \(manifest.version) from \(origin) needs --force")
            }
        }
        if manifest.api > WorkbenchInfo.api {
            throw WorkbenchError.message("\(manifest.name) \(manifest.version) needs workbench API \(manifest.api); this workbench has API \(WorkbenchInfo.api)")
        }
        // write into a fresh folder, then swap it in
        let staging = library + "/.\(manifest.name).installing"
        try? FileManager.default.removeItem(atPath: staging)
        for (path, data) in files {
            let url = URL(fileURLWithPath: staging + "/" + path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.moveItem(atPath: staging, toPath: target)
        return "installed \(manifest.name) \(manifest.version) in \(target) (run it with: workbench run \(manifest.name))"
    }

    /// Installs every bundle, unpacked bundle, or script with a header found in a folder (or its Scripts/).
    private static func installFolder(_ folder: String, force: Bool, library: String, origin: String) throws -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder + "/manifest.json") {
            var files: [String: Data] = [:]
            for case let rel as String in fm.enumerator(atPath: folder)! {
                var isDir: ObjCBool = false
                if rel.hasPrefix(".git") { continue }
                if fm.fileExists(atPath: folder + "/" + rel, isDirectory: &isDir), !isDir.boolValue { files[rel] = try readFile(folder + "/" + rel) }
            }
            try verify(files, origin: origin)
            return [try installFiles(files, force: force, library: library, origin: origin)]
        }
        var results: [String] = []
        let candidates = [folder, folder + "/Scripts"].filter { fm.fileExists(atPath: $0) }
        for dir in candidates {
            for item in (try fm.contentsOfDirectory(atPath: dir)).sorted() {
                let path = dir + "/" + item
                if item.hasSuffix(".zip") || item.hasSuffix(".wbz") {
                    results.append(try installFiles(try readBundle(path), force: force, library: library, origin: path))
                } else if item.hasSuffix(".lua"), (try? ScriptMetadata.read(path: path)) != nil {
                    // pack it on the fly (with its modules), then install the verified bundle
                    let temp = fm.temporaryDirectory.appendingPathComponent("workbench-pack-\(UUID().uuidString).zip").path
                    defer { try? fm.removeItem(atPath: temp) }
                    try pack(script: path, to: temp)
                    results.append(try installFiles(try readBundle(temp), force: force, library: library, origin: "\(origin) (\(item))"))
                }
            }
        }
        if results.isEmpty {
            throw WorkbenchError.message("\(origin) holds no script bundle and no script with a header")
        }
        return results
    }

    // MARK: Helpers

    package static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    private static func readFile(_ path: String) throws -> Data {
        guard let d = FileManager.default.contents(atPath: path) else { throw WorkbenchError.message("cannot read \(path)") }
        return d
    }

    /// Files at `path` (a file, or every file in a folder), keyed relative to `base`.
    private static func collectFiles(_ path: String, relativeTo base: String) -> [(String, Data)] {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        let prefix = (base as NSString).standardizingPath + "/"
        func rel(_ p: String) -> String { String((p as NSString).standardizingPath.dropFirst(prefix.count)) }
        if !isDir.boolValue { return (fm.contents(atPath: path)).map { [(rel(path), $0)] } ?? [] }
        var out: [(String, Data)] = []
        for case let item as String in fm.enumerator(atPath: path)! {
            let full = path + "/" + item
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue, let d = fm.contents(atPath: full) { out.append((rel(full), d)) }
        }
        return out.sorted { $0.0 < $1.0 }
    }

    /// Whether `s` names a git repository (a URL, or a path ending in .git).
    static func isGitURL(_ s: String) -> Bool {
        s.hasPrefix("https://") || s.hasPrefix("http://") || s.hasPrefix("git@") || s.hasPrefix("ssh://") || s.hasPrefix("git://")
            || s.hasPrefix("file://") || s.hasSuffix(".git")
    }

    /// Runs the system's git.
    private static func runGit(_ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        do { try p.run() } catch { throw WorkbenchError.message("cannot run git: \(error.localizedDescription)") }
        p.waitUntilExit()
        if p.terminationStatus != 0 {
            let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw WorkbenchError.message("git \(args.first ?? "") failed: \(message)")
        }
    }
}
