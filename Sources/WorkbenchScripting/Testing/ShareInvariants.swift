import Foundation

/// What must hold for any script header or bundle, however hostile: used by the fuzz targets
/// (`make fuzz`) and their regression tests. Refusing is fine; crashing, hanging or accepting a
/// bundle whose files do not match its manifest is not.
package enum ShareInvariants {
    /// Reads `bytes` as a script's source and its header; returns broken invariants.
    package static func checkHeader(_ bytes: [UInt8]) -> [String] {
        let start = Date()
        let source = String(decoding: bytes, as: UTF8.self)
        do {
            if let m = try ScriptMetadata.parse(source, path: "fuzz.lua") {
                if m.name.isEmpty { return ["a header with an empty name was accepted"] }
                _ = m.usage(source: "fuzz.lua")
            }
        } catch {}
        let seconds = Date().timeIntervalSince(start)
        return seconds > 5 ? ["reading the header took \(Int(seconds)) s"] : []
    }

    /// Installs `bytes` as a bundle file into a scratch library; returns broken invariants.
    package static func checkBundle(_ bytes: [UInt8]) -> [String] {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("workbench-fuzz-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            let file = dir.appendingPathComponent("b.wbz")
            try Data(bytes).write(to: file)
            return accepted(try? ScriptBundle.readBundle(file.path))
        } catch {
            return []
        }
    }

    /// Reads `bytes` as the manifest of an unpacked bundle holding one small script; returns broken invariants.
    package static func checkManifest(_ bytes: [UInt8]) -> [String] {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("workbench-fuzz-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: dir) }
        do {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            try Data(bytes).write(to: dir.appendingPathComponent("manifest.json"))
            try Data("script = { name = \"f\", version = \"1.0.0\", description = \"x\" }\nprint(1)\n".utf8)
                .write(to: dir.appendingPathComponent("init.lua"))
            return accepted(try? ScriptBundle.readBundleFolder(dir.path, origin: "fuzz"))
        } catch {
            return []
        }
    }

    /// A bundle that was accepted must be exactly what its manifest lists.
    private static func accepted(_ contents: ScriptBundle.Contents?) -> [String] {
        guard let contents else { return [] }
        var problems: [String] = []
        for f in contents.manifest.files {
            guard let data = contents.files[f.path] else {
                problems.append("accepted without \(f.path)")
                continue
            }
            if data.count != f.size || ScriptBundle.sha256(data) != f.sha256 {
                problems.append("accepted \(f.path) that does not match its manifest")
            }
            if f.path.split(separator: "/").contains("..") || f.path.hasPrefix("/") {
                problems.append("accepted the path \(f.path)")
            }
        }
        if contents.files.count != contents.manifest.files.count {
            problems.append("accepted files the manifest does not list")
        }
        return problems
    }
}
