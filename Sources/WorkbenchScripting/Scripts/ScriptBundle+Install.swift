import Foundation
import WorkbenchModel

/// What `scripts install` records beside an installed script: who signed it and where it came from.
package struct InstallRecord: Codable, Sendable, Equatable {
    static let fileName = ".workbench-install.json"

    package var name: String
    package var version: String
    /// The signer's name as your trusted keys know it (nil: unsigned, installed with --allow-unsigned).
    package var signer: String?
    package var fingerprint: String?
    /// The bundle file, folder or git URL it was installed from.
    package var origin: String
    /// The git URL, when installed from one (`scripts update` fetches it again).
    package var git: String?
    /// Installed with --allow-unsigned (kept for `scripts update`).
    package var allowUnsigned: Bool
    package var installedAt: String

    /// The record in an installed script's folder, if any.
    package static func read(folder: String) -> InstallRecord? {
        guard let data = FileManager.default.contents(atPath: folder + "/" + fileName) else { return nil }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try? decoder.decode(InstallRecord.self, from: data)
    }
}

extension ScriptBundle {
    /// How `install` treats signatures.
    package struct InstallOptions: Sendable {
        /// Replace an installed script of another version.
        package var force = false
        /// Accept unsigned bundles and signers you do not trust (a bad signature is always refused).
        package var allowUnsigned = false
        package var environment: [String: String] = ProcessInfo.processInfo.environment

        package init(force: Bool = false, allowUnsigned: Bool = false) {
            self.force = force
            self.allowUnsigned = allowUnsigned
        }
    }

    /// Where installed scripts go: `$XDG_DATA_HOME/workbench/scripts` (`~/.local/share/workbench/scripts`).
    package static func libraryFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? ".") + "/.local/share")
        return dataHome + "/workbench/scripts"
    }

    /// Installs from a bundle file, a folder (bundles, unpacked bundles, or scripts with headers) or a git URL.
    /// - Parameters:
    ///   - source: the file, folder or URL.
    ///   - warn: receives warnings (an unsigned bundle accepted, a built-in script shadowed).
    /// - Returns: one line per script installed.
    /// - Throws: `WorkbenchError` for tampered, unsigned or untrusted bundles, version conflicts without
    ///   `force`, and unreadable sources.
    package static func install(
        _ source: String, options: InstallOptions, library: String? = nil,
        warn: (String) -> Void = { StandardStreams.error("workbench: warning: " + $0) }
    ) throws -> [String] {
        let library = library ?? libraryFolder(environment: options.environment)
        if isGitURL(source) {
            let checkout = try cloneGit(source)
            defer { try? FileManager.default.removeItem(atPath: checkout) }
            return try installFolder(
                checkout, options: options, library: library, origin: source, git: source, warn: warn)
        }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDir) else {
            throw WorkbenchError.usage("\(source): no such bundle, folder or git repository")
        }
        if isDir.boolValue {
            return try installFolder(source, options: options, library: library, origin: source, git: nil, warn: warn)
        }
        return [
            try installContents(
                try readBundle(source), options: options, library: library, origin: source, git: nil, warn: warn)
        ]
    }

    /// Fetches every script installed from a git URL again, verifies it as `install` does, and
    /// replaces the installed copy when it changed.
    /// - Returns: one line per script.
    package static func update(
        options: InstallOptions, library: String? = nil,
        warn: (String) -> Void = { StandardStreams.error("workbench: warning: " + $0) }
    ) throws -> [String] {
        let library = library ?? libraryFolder(environment: options.environment)
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: library))?.filter { !$0.hasPrefix(".") }.sorted()
            ?? []
        var byURL: [String: [InstallRecord]] = [:]
        for n in names {
            if let r = InstallRecord.read(folder: library + "/" + n), let url = r.git {
                byURL[url, default: []].append(r)
            }
        }
        guard !byURL.isEmpty else {
            return ["no script in \(library) was installed from a git repository; nothing to update"]
        }
        var lines: [String] = []
        for (url, records) in byURL.sorted(by: { $0.key < $1.key }) {
            var o = options
            o.force = true
            o.allowUnsigned = options.allowUnsigned || records.allSatisfy(\.allowUnsigned)
            lines.append("\(url):")
            lines += try install(url, options: o, library: library, warn: warn).map { "  " + $0 }
        }
        return lines
    }

    /// Installs every bundle, unpacked bundle, or script with a header found in a folder (or its Scripts/).
    private static func installFolder(
        _ folder: String, options: InstallOptions, library: String, origin: String, git: String?,
        warn: (String) -> Void
    ) throws -> [String] {
        let fm = FileManager.default
        if fm.fileExists(atPath: folder + "/" + manifestFile) {
            return [
                try installContents(
                    try readBundleFolder(folder, origin: origin), options: options, library: library,
                    origin: origin, git: git, warn: warn)
            ]
        }
        var results: [String] = []
        for dir in [folder, folder + "/Scripts"] where fm.fileExists(atPath: dir) && !isSymbolicLink(dir) {
            for item in (try fm.contentsOfDirectory(atPath: dir)).sorted() where !item.hasPrefix(".") {
                let path = dir + "/" + item
                if isSymbolicLink(path) { continue }
                var isDir: ObjCBool = false
                _ = fm.fileExists(atPath: path, isDirectory: &isDir)
                if isDir.boolValue, fm.fileExists(atPath: path + "/" + manifestFile) {
                    results.append(
                        try installContents(
                            try readBundleFolder(path, origin: "\(origin) (\(item))"), options: options,
                            library: library, origin: "\(origin) (\(item))", git: git, warn: warn))
                } else if item.hasSuffix(".zip") || item.hasSuffix(".wbz") {
                    results.append(
                        try installContents(
                            try readBundle(path), options: options, library: library,
                            origin: "\(origin) (\(item))", git: git, warn: warn))
                } else if item.hasSuffix(".lua"), (try? ScriptMetadata.read(path: path)) != nil {
                    // pack it on the fly (with its modules): an unsigned bundle
                    let temp = fm.temporaryDirectory.appendingPathComponent("workbench-pack-\(UUID().uuidString).zip")
                        .path
                    defer { try? fm.removeItem(atPath: temp) }
                    try pack(script: path, to: temp)
                    results.append(
                        try installContents(
                            try readBundle(temp), options: options, library: library,
                            origin: "\(origin) (\(item))", git: git, warn: warn))
                }
            }
        }
        if results.isEmpty {
            throw WorkbenchError.message("\(origin) holds no script bundle and no script with a header")
        }
        return results
    }

    /// Decides whether the bundle's signature lets it in; returns the trusted signer (nil when unsigned and allowed).
    private static func admit(_ contents: Contents, options: InstallOptions, origin: String, warn: (String) -> Void)
        throws
        -> ScriptSigning.PublicKey?
    {
        let name = contents.manifest.name
        guard let signature = contents.signature else {
            guard options.allowUnsigned else {
                throw WorkbenchError.message(
                    "\(origin) is refused: \(name) is not signed (a teammate signs it with `workbench scripts pack \(name) --out FILE --sign KEY`); install it anyway with --allow-unsigned"
                )
            }
            warn("\(name) is not signed; installing it because of --allow-unsigned")
            return nil
        }
        let signer = try ScriptSigning.verify(manifest: contents.manifestData, signature: signature, origin: origin)
        if let trusted = ScriptSigning.trustedKeys(environment: options.environment).first(where: {
            $0.raw == signer.raw
        }) {
            return trusted
        }
        guard options.allowUnsigned else {
            throw WorkbenchError.message(
                "\(origin) is refused: \(name) is signed by '\(signer.name)' (key \(signer.fingerprint)), a key you do not trust; trust it with `workbench scripts trust KEY-LINE` once you have it from its owner, or install anyway with --allow-unsigned"
            )
        }
        warn(
            "\(name) is signed by '\(signer.name)' (key \(signer.fingerprint)), a key you do not trust; installing it because of --allow-unsigned"
        )
        return nil
    }

    /// Installs verified contents into `library/NAME/`.
    private static func installContents(
        _ contents: Contents, options: InstallOptions, library: String, origin: String, git: String?,
        warn: (String) -> Void
    ) throws -> String {
        let manifest = contents.manifest
        let signer = try admit(contents, options: options, origin: origin, warn: warn)
        let target = library + "/" + manifest.name
        if let existingData = FileManager.default.contents(atPath: target + "/" + manifestFile),
            let existing = try? JSONDecoder().decode(Manifest.self, from: existingData)
        {
            if existing == manifest && !options.force {
                return "\(manifest.name) \(manifest.version) is already installed in \(target)"
            }
            if !options.force {
                let relation =
                    existing.version == manifest.version
                    ? "a different build of the same version" : "version \(existing.version)"
                throw WorkbenchError.message(
                    "\(manifest.name) \(relation) is installed in \(target); installing \(manifest.version) from \(origin) needs --force"
                )
            }
            if existing == manifest { return "\(manifest.name) \(manifest.version) is up to date in \(target)" }
        }
        if manifest.api > WorkbenchInfo.api {
            throw WorkbenchError.message(
                "\(manifest.name) \(manifest.version) needs workbench API \(manifest.api); this workbench has API \(WorkbenchInfo.api)"
            )
        }
        if ScriptLocator.builtinNames().contains(manifest.name) {
            warn(
                "\(manifest.name) has the name of a script that ships with the workbench; once installed, `workbench run \(manifest.name)` runs the installed one outside the project folder (see `workbench scripts list`)"
            )
        }
        let record = InstallRecord(
            name: manifest.name, version: manifest.version, signer: signer?.name, fingerprint: signer?.fingerprint,
            origin: origin, git: git, allowUnsigned: signer == nil,
            installedAt: ISO8601DateFormatter().string(from: Date()))
        try writeInstalled(contents, record: record, library: library, target: target)
        let by = signer.map { "signed by \($0.name) (key \($0.fingerprint))" } ?? "unsigned"
        return
            "installed \(manifest.name) \(manifest.version), \(by), in \(target) (run it with: workbench run \(manifest.name))"
    }

    /// Writes the files into a fresh folder, then swaps it in.
    private static func writeInstalled(_ contents: Contents, record: InstallRecord, library: String, target: String)
        throws
    {
        let staging = library + "/.\(contents.manifest.name).installing"
        try? FileManager.default.removeItem(atPath: staging)
        var all = contents.files
        all[manifestFile] = contents.manifestData
        if let s = contents.signature { all[ScriptSigning.signatureFile] = s }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        all[InstallRecord.fileName] = try encoder.encode(record)
        for (path, data) in all {
            let url = URL(fileURLWithPath: staging + "/" + path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        try? FileManager.default.removeItem(atPath: target)
        try FileManager.default.moveItem(atPath: staging, toPath: target)
    }

    // MARK: Git

    /// Whether `s` names a git repository (a URL, or a path ending in .git).
    static func isGitURL(_ s: String) -> Bool {
        s.hasPrefix("https://") || s.hasPrefix("http://") || s.hasPrefix("git@") || s.hasPrefix("ssh://")
            || s.hasPrefix("git://")
            || s.hasPrefix("file://") || (s.hasSuffix(".git") && !s.hasPrefix("-") && !s.contains("::"))
    }

    /// Clones `url` (shallow) into a temporary folder; the URL can never be read as an option.
    private static func cloneGit(_ url: String) throws -> String {
        guard !url.hasPrefix("-") else { throw WorkbenchError.usage("'\(url)' is not a git URL") }
        let checkout = FileManager.default.temporaryDirectory.appendingPathComponent(
            "workbench-git-\(UUID().uuidString)"
        ).path
        // no exotic transports (ext:: runs commands), no hooks or templates from the environment
        try runGit([
            "-c", "protocol.ext.allow=never", "-c", "core.symlinks=false", "clone", "--quiet", "--depth", "1",
            "--no-tags", "--", url, checkout,
        ])
        return checkout
    }

    /// Runs the system's git.
    private static func runGit(_ args: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["git"] + args
        var env = ProcessInfo.processInfo.environment
        env["GIT_TERMINAL_PROMPT"] = "0"
        p.environment = env
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        p.standardInput = FileHandle.nullDevice
        do { try p.run() } catch { throw WorkbenchError.message("cannot run git: \(error.localizedDescription)") }
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        p.waitUntilExit()
        if p.terminationStatus != 0 {
            throw WorkbenchError.message("git clone failed: \(message)")
        }
    }
}
