import Foundation
import WorkbenchExtraction
import WorkbenchModel
import ZIPFoundation

/// Reading bundles without trusting them: nothing is extracted before the manifest has been read and
/// every entry checked against it, no entry is read past the size the manifest gives it, entry names
/// must be plain relative paths (no `..`, `./`, absolute paths or duplicates), and links are refused.
extension ScriptBundle {
    /// A bundle's files once read and checked against its manifest.
    package struct Contents: Sendable {
        package var manifest: Manifest
        /// The manifest's exact bytes (what a signature covers).
        package var manifestData: Data
        /// `manifest.sig`, when the bundle is signed.
        package var signature: Data?
        /// Every file the manifest lists, by path.
        package var files: [String: Data]
    }

    /// The largest manifest or signature file read.
    static let maxManifestBytes = 1 << 20
    /// The most a bundle may hold in all.
    static let maxBundleBytes = 256 << 20
    /// The most files a bundle may hold.
    static let maxFiles = 10_000

    /// Reads and verifies a bundle file: every file listed with a matching checksum, nothing unlisted.
    package static func readBundle(_ path: String) throws -> Contents {
        try preflight(path)
        let archive: Archive
        do { archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read) } catch {
            throw WorkbenchError.message("\(path) is not a script bundle (not a ZIP archive)")
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            switch entry.type {
            case .directory: continue
            case .symlink:
                throw WorkbenchError.message(
                    "\(path) is refused: \(entry.path) is a symbolic link; bundles hold regular files only")
            case .file: break
            }
            let name = try plainPath(entry.path, origin: path)
            guard entries.updateValue(entry, forKey: name) == nil else {
                throw WorkbenchError.message("\(path) is refused: it holds \(name) twice")
            }
            if entries.count > maxFiles + 2 {
                throw WorkbenchError.message("\(path) is refused: it holds more than \(maxFiles) files")
            }
        }
        guard let manifestEntry = entries[manifestFile] else {
            throw WorkbenchError.message("\(path) is not a script bundle (no manifest.json)")
        }
        let manifestData = try extract(manifestEntry, from: archive, limit: maxManifestBytes, origin: path)
        let manifest = try decodeManifest(manifestData, origin: path)
        try checkListed(Set(entries.keys), manifest: manifest, origin: path)
        var files: [String: Data] = [:]
        for f in manifest.files {
            guard let entry = entries[f.path] else {
                throw WorkbenchError.message("\(path) is refused: \(f.path) is listed in the manifest but missing")
            }
            files[f.path] = try extract(entry, from: archive, limit: f.size, origin: path)
        }
        let signature = try entries[ScriptSigning.signatureFile].map {
            try extract($0, from: archive, limit: maxManifestBytes, origin: path)
        }
        let contents = Contents(manifest: manifest, manifestData: manifestData, signature: signature, files: files)
        try verify(contents, origin: path)
        return contents
    }

    /// Refuses a file too large to be a bundle, or one whose ZIP structure is damaged (see `ZipPreflight`).
    private static func preflight(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw WorkbenchError.message("cannot read \(path)")
        }
        defer { try? handle.close() }
        // the files, the manifest, the signature and the ZIP records around them
        let limit = maxBundleBytes + 2 * maxManifestBytes + (maxFiles + 2) * 512
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        if data.count > limit {
            throw WorkbenchError.message("\(path) is refused: it is larger than \(formatBytes(limit))")
        }
        if data.count < 4 || !data.starts(with: [0x50, 0x4B]) {
            throw WorkbenchError.message("\(path) is not a script bundle (not a ZIP archive)")
        }
        try ZipPreflight.check([UInt8](data), origin: path)
    }

    /// Reads an unpacked bundle (a folder holding manifest.json), refusing links and unlisted files.
    package static func readBundleFolder(_ folder: String, origin: String) throws -> Contents {
        let fm = FileManager.default
        var present = Set<String>()
        for case let rel as String in fm.enumerator(atPath: folder)! {
            if rel == ".git" || rel.hasPrefix(".git/") || rel == InstallRecord.fileName { continue }
            let full = folder + "/" + rel
            if isSymbolicLink(full) {
                throw WorkbenchError.message(
                    "\(origin) is refused: \(rel) is a symbolic link; bundles hold regular files only")
            }
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                present.insert(try plainPath(rel, origin: origin))
            }
            if present.count > maxFiles + 2 {
                throw WorkbenchError.message("\(origin) is refused: it holds more than \(maxFiles) files")
            }
        }
        let manifestData = try readLimited(folder + "/" + manifestFile, limit: maxManifestBytes, origin: origin)
        let manifest = try decodeManifest(manifestData, origin: origin)
        try checkListed(present, manifest: manifest, origin: origin)
        var files: [String: Data] = [:]
        for f in manifest.files {
            guard present.contains(f.path) else {
                throw WorkbenchError.message("\(origin) is refused: \(f.path) is listed in the manifest but missing")
            }
            files[f.path] = try readLimited(folder + "/" + f.path, limit: f.size, origin: origin)
        }
        let signature =
            present.contains(ScriptSigning.signatureFile)
            ? try readLimited(folder + "/" + ScriptSigning.signatureFile, limit: maxManifestBytes, origin: origin) : nil
        let contents = Contents(manifest: manifest, manifestData: manifestData, signature: signature, files: files)
        try verify(contents, origin: origin)
        return contents
    }

    /// An entry name as a plain relative path (`a/b.lua`), or a refusal.
    static func plainPath(_ name: String, origin: String) throws -> String {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        let plain =
            !name.isEmpty && !name.hasPrefix("/") && !name.contains("\\")
            && parts.allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
            && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
        guard plain else {
            throw WorkbenchError.message(
                "\(origin) is refused: the entry '\(SandboxPolicy.visible(name))' is not a plain relative path")
        }
        return name
    }

    /// Decodes and sanity-checks the manifest.
    private static func decodeManifest(_ data: Data, origin: String) throws -> Manifest {
        guard let manifest = try? JSONDecoder().decode(Manifest.self, from: data), manifest.format == formatName else {
            throw WorkbenchError.message("\(origin) is not a script bundle (no valid manifest.json)")
        }
        guard manifest.files.count <= maxFiles, manifest.files.allSatisfy({ $0.size >= 0 }),
            manifest.files.reduce(0, { $0 &+ $1.size }) <= maxBundleBytes
        else {
            throw WorkbenchError.message(
                "\(origin) is refused: its manifest lists more than \(maxFiles) files or \(formatBytes(maxBundleBytes))"
            )
        }
        var seen = Set<String>()
        for f in manifest.files {
            _ = try plainPath(f.path, origin: origin)
            guard f.path != manifestFile, f.path != ScriptSigning.signatureFile, seen.insert(f.path).inserted else {
                throw WorkbenchError.message(
                    "\(origin) is refused: its manifest lists \(f.path) twice or as a file of its own")
            }
        }
        guard !manifest.name.isEmpty,
            manifest.name.unicodeScalars.allSatisfy({ $0.isLetter || $0.isDigit || $0 == "_" || $0 == "-" })
        else {
            throw WorkbenchError.message("\(origin) is refused: the script name '\(manifest.name)' is not a plain name")
        }
        return manifest
    }

    /// Refuses a bundle holding files its manifest does not list.
    private static func checkListed(_ present: Set<String>, manifest: Manifest, origin: String) throws {
        let listed = Set(manifest.files.map(\.path) + [manifestFile, ScriptSigning.signatureFile])
        if let extra = present.sorted().first(where: { !listed.contains($0) }) {
            throw WorkbenchError.message("\(origin) is refused: \(extra) is not listed in the manifest")
        }
    }

    /// An entry's bytes, refusing to read more than `limit` whatever its header claims.
    private static func extract(_ entry: Entry, from archive: Archive, limit: Int, origin: String) throws -> Data {
        struct TooLarge: Error {}
        var data = Data()
        do {
            _ = try archive.extract(entry, bufferSize: 1 << 14) { chunk in
                if data.count + chunk.count > limit { throw TooLarge() }
                data.append(chunk)
            }
        } catch is TooLarge {
            throw WorkbenchError.message(
                "\(origin) is refused: \(entry.path) is larger than its manifest says (\(limit) bytes)")
        } catch {
            throw WorkbenchError.message("\(origin) is refused: \(entry.path) is damaged (\(error))")
        }
        return data
    }

    /// A file's bytes, refusing one larger than `limit` or a link.
    private static func readLimited(_ path: String, limit: Int, origin: String) throws -> Data {
        if isSymbolicLink(path) { throw WorkbenchError.message("\(origin) is refused: \(path) is a symbolic link") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw WorkbenchError.message("\(origin) is refused: cannot read \(path)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: limit + 1)) ?? Data()
        if data.count > limit {
            throw WorkbenchError.message(
                "\(origin) is refused: \(path) is larger than its manifest says (\(limit) bytes)")
        }
        return data
    }

    /// Checks every file against its checksum and the script against the manifest's name and version.
    private static func verify(_ contents: Contents, origin: String) throws {
        for f in contents.manifest.files {
            guard let data = contents.files[f.path], data.count == f.size, sha256(data) == f.sha256 else {
                throw WorkbenchError.message(
                    "\(origin) is refused: \(f.path) does not match its checksum (the bundle was changed after it was packed)"
                )
            }
        }
        guard let script = contents.files["init.lua"],
            let m = try ScriptMetadata.parse(String(decoding: script, as: UTF8.self), path: "\(origin):init.lua"),
            m.name == contents.manifest.name, m.version == contents.manifest.version
        else {
            throw WorkbenchError.message(
                "\(origin) is refused: init.lua does not carry the name and version in the manifest")
        }
    }
}
