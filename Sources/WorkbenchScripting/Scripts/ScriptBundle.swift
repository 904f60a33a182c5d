import Crypto
import Foundation
import WorkbenchModel
import ZIPFoundation

/// A script packed for sharing: one ZIP file holding the script (`init.lua`), the modules it
/// requires and its test fixtures, `manifest.json` listing every file with its SHA-256 and size,
/// and, when signed, `manifest.sig` (an Ed25519 signature over the manifest's bytes).
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
    static let manifestFile = "manifest.json"

    // MARK: Packing

    /// Packs the script `name` (found like `run NAME`) and the modules it requires into `output`.
    /// - Parameter signer: the name of your key to sign the bundle with (`scripts keygen NAME`), or nil.
    /// - Returns: the manifest written.
    /// - Throws: `WorkbenchError` when the script has no header, a module cannot be found, a fixture is a
    ///   symbolic link, the key is missing, or the file cannot be written.
    @discardableResult
    package static func pack(script name: String, to output: String, signer: String? = nil) throws -> Manifest {
        guard let path = ScriptLocator.find(name) else {
            throw WorkbenchError.usage(ScriptLocator.notFound(name))
        }
        guard let metadata = try ScriptMetadata.read(path: path) else {
            throw WorkbenchError.message(
                "\(path) has no header; a shared script needs `script = { name = …, version = …, description = … }`")
        }
        let dir = (path as NSString).deletingLastPathComponent
        var files: [(path: String, data: Data)] = [("init.lua", try readRegularFile(path))]
        for (module, file) in try requiredModules(
            of: path, searchPath: [dir.isEmpty ? "." : dir, "Scripts"] + ScriptLocator.searchPath())
        {
            files.append((module.replacingOccurrences(of: ".", with: "/") + ".lua", try readRegularFile(file)))
        }
        // the tests' fixtures and expected outputs travel with the script when they are inside its folder
        for t in metadata.tests {
            for rel in t.inputs + (t.expectFile.map { [$0] } ?? []) where !rel.hasPrefix("/") && !rel.contains("..") {
                for (relative, data) in try collectFiles(dir + "/" + rel, relativeTo: dir)
                where !files.contains(where: { $0.path == relative }) {
                    files.append((relative, data))
                }
            }
        }
        let manifest = Manifest(
            format: formatName, formatVersion: 1, name: metadata.name, version: metadata.version,
            description: metadata.description, api: metadata.api, author: metadata.author,
            files: files.map { .init(path: $0.path, sha256: sha256($0.data), size: $0.data.count) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let manifestData = try encoder.encode(manifest)
        var entries: [(String, Data)] = [(manifestFile, manifestData)]
        if let signer {
            entries.append(
                (ScriptSigning.signatureFile, try ScriptSigning.sign(manifest: manifestData, keyName: signer)))
        }
        try writeArchive(entries + files, to: output)
        return manifest
    }

    /// Writes a ZIP of `entries` to `output` (replacing it).
    private static func writeArchive(_ entries: [(String, Data)], to output: String) throws {
        if FileManager.default.fileExists(atPath: output) { try FileManager.default.removeItem(atPath: output) }
        let archive = try Archive(url: URL(fileURLWithPath: output), accessMode: .create)
        for (p, data) in entries {
            try archive.addEntry(with: p, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate)
            { position, size in
                data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
            }
        }
    }

    /// The modules a script requires (literal `require "name"` calls), found on `searchPath`, recursively.
    /// `workbench.*` modules ship with the workbench and are not packed.
    package static func requiredModules(of path: String, searchPath: [String]) throws -> [(
        module: String, file: String
    )] {
        var found: [(String, String)] = []
        var seen = Set<String>()
        var queue = [path]
        while let file = queue.popLast() {
            let source = String(decoding: try readRegularFile(file), as: UTF8.self)
            for module in requires(in: source) where !seen.contains(module) && !module.hasPrefix("workbench") {
                seen.insert(module)
                if ["string", "table", "math", "utf8", "coroutine", "io", "os"].contains(module) { continue }
                let relative = module.replacingOccurrences(of: ".", with: "/")
                guard
                    let hit = searchPath.lazy.flatMap({ ["\($0)/\(relative).lua", "\($0)/\(relative)/init.lua"] })
                        .first(where: { FileManager.default.fileExists(atPath: $0) })
                else {
                    throw WorkbenchError.message(
                        "\(file) requires '\(module)', which is not on the script path (\(searchPath.joined(separator: ", ")))"
                    )
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
            if s[i] == "r", Array(s[i..<(i + key.count)]) == key,
                i == 0 || !(s[i - 1].isLetter || s[i - 1].isDigit || s[i - 1] == "_" || s[i - 1] == ".")
            {
                var j = i + key.count
                while j < s.count && s[j].isSpace { j += 1 }
                if j < s.count && s[j] == "(" {
                    j += 1
                    while j < s.count && s[j].isSpace { j += 1 }
                }
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

    // MARK: Helpers

    package static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether `path` is a symbolic link (the link itself, not what it points to).
    static func isSymbolicLink(_ path: String) -> Bool {
        (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeSymbolicLink
    }

    /// The contents of a regular file; a symbolic link is refused (it could point outside the script's folder).
    static func readRegularFile(_ path: String) throws -> Data {
        if isSymbolicLink(path) {
            throw WorkbenchError.message(
                "\(path) is a symbolic link; bundles hold regular files only (copy the file in)")
        }
        guard let d = FileManager.default.contents(atPath: path) else {
            throw WorkbenchError.message("cannot read \(path)")
        }
        return d
    }

    /// Files at `path` (a file, or every file in a folder), keyed relative to `base`; links are refused.
    private static func collectFiles(_ path: String, relativeTo base: String) throws -> [(String, Data)] {
        let fm = FileManager.default
        if isSymbolicLink(path) {
            throw WorkbenchError.message(
                "\(path) is a symbolic link; bundles hold regular files only (copy the fixtures in)")
        }
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { return [] }
        let prefix = (base as NSString).standardizingPath + "/"
        func rel(_ p: String) -> String { String((p as NSString).standardizingPath.dropFirst(prefix.count)) }
        if !isDir.boolValue { return [(rel(path), try readRegularFile(path))] }
        var out: [(String, Data)] = []
        for case let item as String in fm.enumerator(atPath: path)! {
            let full = path + "/" + item
            if isSymbolicLink(full) {
                throw WorkbenchError.message(
                    "\(full) is a symbolic link; bundles hold regular files only (copy the fixtures in)")
            }
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out.append((rel(full), try readRegularFile(full)))
            }
        }
        return out.sorted { $0.0 < $1.0 }
    }
}
