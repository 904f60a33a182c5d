import Foundation

/// What a script may touch: files it may read and write. Scripts run sandboxed unless trusted.
package struct SandboxPolicy: Sendable {
    /// Trusted scripts get the full Lua standard library and any file.
    package var trusted: Bool
    /// Folders and files that may be read (inputs, the script's own folder, --allow-read).
    package var readRoots: [String]
    /// Folders and files that may be written (the --out file, --allow-write).
    package var writeRoots: [String]

    package init(trusted: Bool = false, readRoots: [String] = [], writeRoots: [String] = []) {
        self.trusted = trusted
        self.readRoots = readRoots.map(SandboxPolicy.canonical)
        self.writeRoots = writeRoots.map(SandboxPolicy.canonical)
    }

    /// A policy that allows everything.
    package static let trustedPolicy = SandboxPolicy(trusted: true)

    /// Whether `path` may be opened for `write` (or reading); nil when allowed, else the reason and the flag granting it.
    package func denial(for path: String, write: Bool) -> String? {
        // C cuts a path at a NUL byte, so the file opened would not be the one checked
        if path.utf8.contains(0) {
            return
                "\(write ? "writing" : "reading") a path with a NUL byte in it is not allowed (\(Self.visible(path)))"
        }
        if trusted { return nil }
        let p = SandboxPolicy.canonical(path)
        let roots = write ? writeRoots : readRoots + writeRoots
        if roots.contains(where: { p == $0 || p.hasPrefix($0.hasSuffix("/") ? $0 : $0 + "/") }) { return nil }
        let folder = (p as NSString).deletingLastPathComponent
        if write {
            return
                "writing \(path) is not allowed in the sandbox (grant it with --allow-write \(folder), or --out \(path))"
        }
        return "reading \(path) is not allowed in the sandbox (grant it with --allow-read \(folder))"
    }

    /// The path with control characters shown as escapes, for messages.
    static func visible(_ path: String) -> String {
        path.unicodeScalars.map {
            $0.value < 0x20 || $0.value == 0x7F
                ? "\\x" + String($0.value, radix: 16, uppercase: false).leftPadded(2) : String($0)
        }.joined()
    }

    /// An absolute path with `.`/`..` and symbolic links resolved (as far as the path exists), so
    /// `inputs/../../etc/passwd` and links out of an allowed folder are seen for what they are.
    package static func canonical(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        let standardized = (absolute as NSString).standardizingPath
        // resolve links on the longest existing prefix
        var existing = standardized
        var rest: [String] = []
        while !existing.isEmpty && existing != "/" && !FileManager.default.fileExists(atPath: existing) {
            rest.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        var resolved = (existing as NSString).resolvingSymlinksInPath
        for part in rest { resolved = (resolved as NSString).appendingPathComponent(part) }
        return resolved
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
