import Foundation
import Testing
import ZIPFoundation

/// Signed sharing between two teammates with their own keys and libraries, and hostile bundles.
@Suite struct SigningCLITests {
    /// A teammate: their own config (keys, trusted keys) and data (library) folders.
    private struct Teammate {
        var env: [String: String]
        init() throws {
            env = ["XDG_CONFIG_HOME": try temporaryFolder().path, "XDG_DATA_HOME": try temporaryFolder().path]
        }
        var library: String { env["XDG_DATA_HOME"]! + "/workbench/scripts" }
    }

    /// A folder with a shareable script.
    private func scriptFolder(name: String = "counter", version: String = "1.0.0") throws -> URL {
        let dir = try temporaryFolder()
        try write(
            "script = { name = \"\(name)\", version = \"\(version)\", description = \"Counts articles.\" }\n"
                + "local n = 0 for a in workbench.each() do n = n + 1 end print('articles', n)\n", to: "\(name).lua",
            in: dir)
        return dir
    }

    /// Keygen + pack --sign by `signer`; returns the bundle and the public key line.
    private func signedBundle(by signer: Teammate, key: String = "alice", folder: URL? = nil) throws -> (String, String)
    {
        let dir = try folder ?? scriptFolder()
        let keygen = try workbench(["scripts", "keygen", key], environment: signer.env)
        #expect(keygen.status == 0, "\(keygen.stderr)")
        let bundle = dir.appendingPathComponent("counter.wbz").path
        let pack = try workbench(
            ["scripts", "pack", dir.appendingPathComponent("counter.lua").path, "--out", bundle, "--sign", key],
            environment: signer.env)
        #expect(pack.status == 0, "\(pack.stderr)")
        return (bundle, keygen.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func keygenWritesAPrivateKeyOnlyItsOwnerReads() throws {
        let alice = try Teammate()
        let r = try workbench(["scripts", "keygen", "alice"], environment: alice.env)
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("workbench-ed25519 ") && r.stdout.hasSuffix(" alice\n"))
        let keyFile = alice.env["XDG_CONFIG_HOME"]! + "/workbench/keys/alice.key"
        let mode = try FileManager.default.attributesOfItem(atPath: keyFile)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try workbench(["scripts", "keygen", "alice"], environment: alice.env)
        #expect(again.status == 1)
        #expect(again.stderr.contains("a key named alice exists already"))
        let bad = try workbench(["scripts", "keygen", "../evil"], environment: alice.env)
        #expect(bad.status == 64)
    }

    @Test func aTrustedSignerInstallsAndIsNamed() throws {
        let alice = try Teammate()
        let bob = try Teammate()
        let (bundle, key) = try signedBundle(by: alice)
        let untrusted = try workbench(["scripts", "install", bundle], environment: bob.env)
        #expect(untrusted.status == 1)
        #expect(untrusted.stderr.contains("is signed by 'alice'"))
        #expect(untrusted.stderr.contains("a key you do not trust"))
        #expect(!FileManager.default.fileExists(atPath: bob.library + "/counter"))
        let trust = try workbench(["scripts", "trust", key], environment: bob.env)
        #expect(trust.stdout.hasPrefix("trusted: alice ("))
        let install = try workbench(["scripts", "install", bundle], environment: bob.env)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("signed by alice"))
        let list = try workbench(["scripts", "list"], environment: bob.env)
        let row = list.stdout.split(separator: "\n").first { $0.hasPrefix("counter ") }
        #expect(row?.contains("alice (") == true, "\(list.stdout)")
        #expect(row?.contains(bundle) == true)
        // trusting the same key twice says so
        #expect(try workbench(["scripts", "trust", key], environment: bob.env).stdout.hasPrefix("already trusted"))
    }

    @Test func aTeamKeysFileCanBeTrusted() throws {
        let alice = try Teammate()
        let bob = try Teammate()
        let (bundle, key) = try signedBundle(by: alice)
        let file = try write("# our team\n\(key)\n", to: "trusted_keys", in: try temporaryFolder())
        #expect(try workbench(["scripts", "trust", file.path], environment: bob.env).status == 0)
        #expect(try workbench(["scripts", "install", bundle], environment: bob.env).status == 0)
        let junk = try write("not a key\n", to: "junk", in: try temporaryFolder())
        let r = try workbench(["scripts", "trust", junk.path], environment: bob.env)
        #expect(r.status == 64)
        #expect(r.stderr.contains("junk:1: not a workbench public key line"))
    }

    @Test func unsignedBundlesNeedAllowUnsigned() throws {
        let bob = try Teammate()
        let dir = try scriptFolder()
        let bundle = dir.appendingPathComponent("u.wbz").path
        #expect(
            try workbench(["scripts", "pack", dir.appendingPathComponent("counter.lua").path, "-o", bundle]).status == 0
        )
        let refused = try workbench(["scripts", "install", bundle], environment: bob.env)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("counter is not signed"))
        let allowed = try workbench(["scripts", "install", bundle, "--allow-unsigned"], environment: bob.env)
        #expect(allowed.status == 0)
        #expect(allowed.stderr.contains("warning: counter is not signed"))
        #expect(allowed.stdout.contains(", unsigned,"))
    }

    @Test func aRewrittenManifestBreaksTheSignatureEvenWithAllowUnsigned() throws {
        let alice = try Teammate()
        let bob = try Teammate()
        let (bundle, key) = try signedBundle(by: alice)
        _ = try workbench(["scripts", "trust", key], environment: bob.env)
        // the attacker edits the script and rewrites its hash in the manifest: the checksums agree again
        let url = URL(fileURLWithPath: bundle)
        var files: [String: Data] = [:]
        let archive = try Archive(url: url, accessMode: .read)
        for entry in archive {
            var d = Data()
            _ = try archive.extract(entry) { d.append($0) }
            files[entry.path] = d
        }
        let evil = Data((String(decoding: files["init.lua"]!, as: UTF8.self) + "\nos.execute('id')\n").utf8)
        files["init.lua"] = evil
        var manifest = try JSONSerialization.jsonObject(with: files["manifest.json"]!) as! [String: Any]
        manifest["files"] = (manifest["files"] as! [[String: Any]]).map { f in
            var f = f
            if f["path"] as? String == "init.lua" {
                f["size"] = evil.count
                f["sha256"] = sha256Hex(evil)
            }
            return f
        }
        files["manifest.json"] = try JSONSerialization.data(withJSONObject: manifest, options: [.sortedKeys])
        try FileManager.default.removeItem(at: url)
        let out = try Archive(url: url, accessMode: .create)
        for (p, d) in files {
            try out.addEntry(with: p, type: .file, uncompressedSize: Int64(d.count)) { s, n in
                d.subdata(in: Int(s)..<min(d.count, Int(s) + n))
            }
        }
        for flags in [[], ["--allow-unsigned"]] {
            let r = try workbench(["scripts", "install", bundle] + flags, environment: bob.env)
            #expect(r.status == 1)
            #expect(r.stderr.contains("its signature does not match its manifest"), "\(r.stderr)")
        }
    }

    @Test func hostileEntriesAreRefusedBeforeAnythingIsRead() throws {
        let bob = try Teammate()
        let dir = try scriptFolder()
        let good = dir.appendingPathComponent("good.wbz")
        #expect(
            try workbench(["scripts", "pack", dir.appendingPathComponent("counter.lua").path, "-o", good.path]).status
                == 0)
        func variant(_ name: String, _ change: (Archive) throws -> Void) throws -> String {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.copyItem(at: good, to: url)
            try change(try Archive(url: url, accessMode: .update))
            return url.path
        }
        func add(_ a: Archive, _ path: String, _ data: Data, type: Entry.EntryType = .file) throws {
            try a.addEntry(with: path, type: type, uncompressedSize: Int64(data.count)) { s, n in
                data.subdata(in: Int(s)..<min(data.count, Int(s) + n))
            }
        }
        let cases: [(String, String)] = [
            (
                try variant("dot.wbz") { try add($0, "./init.lua", Data("os.execute('id')".utf8)) },
                "is not a plain relative path"
            ),
            (try variant("up.wbz") { try add($0, "../evil.lua", Data("x".utf8)) }, "is not a plain relative path"),
            (
                try variant("extra.wbz") { try add($0, "extra.lua", Data("x".utf8)) },
                "extra.lua is not listed in the manifest"
            ),
            // 64 MB of zeros compresses to a few KB: never read, because it is not listed
            (
                try variant("bomb.wbz") { a in
                    try a.addEntry(
                        with: "bomb.bin", type: .file, uncompressedSize: Int64(64 << 20), compressionMethod: .deflate
                    ) { _, n in Data(count: n) }
                }, "bomb.bin is not listed in the manifest"
            ),
        ]
        for (path, message) in cases {
            let r = try workbench(["scripts", "install", path, "--allow-unsigned"], environment: bob.env)
            #expect(r.status == 1, "\(path)")
            #expect(r.stderr.contains(message), "\(path): \(r.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: bob.library + "/counter"))
    }

    @Test func symbolicLinksNeverTravel() throws {
        let dir = try temporaryFolder()
        let secret = try write("secret", to: "secret.txt", in: try temporaryFolder())
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("fixtures"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: dir.appendingPathComponent("fixtures/a.txt").path, withDestinationPath: secret.path)
        try write(
            "script = { name = \"linky\", version = \"1.0.0\", description = \"x\", tests = { { inputs = { \"fixtures\" }, expect_contains = { \"x\" } } } }\nprint('x')\n",
            to: "linky.lua", in: dir)
        let r = try workbench([
            "scripts", "pack", dir.appendingPathComponent("linky.lua").path, "-o",
            dir.appendingPathComponent("l.wbz").path,
        ])
        #expect(r.status == 1)
        #expect(r.stderr.contains("is a symbolic link; bundles hold regular files only"))
        // an unpacked folder with a link is refused too
        let bob = try Teammate()
        let i = try workbench(["scripts", "install", dir.path, "--allow-unsigned"], environment: bob.env)
        #expect(i.status == 1)
        #expect(!FileManager.default.fileExists(atPath: bob.library + "/linky"))
    }

    @Test func shadowingABuiltInWarns() throws {
        let bob = try Teammate()
        let dir = try scriptFolder(name: "tally", version: "9.0.0")
        try FileManager.default.moveItem(
            at: dir.appendingPathComponent("tally.lua"), to: dir.appendingPathComponent("counter.lua"))
        let bundle = dir.appendingPathComponent("t.wbz").path
        #expect(
            try workbench(["scripts", "pack", dir.appendingPathComponent("counter.lua").path, "-o", bundle]).status == 0
        )
        let r = try workbench(["scripts", "install", bundle, "--allow-unsigned"], environment: bob.env)
        #expect(r.status == 0)
        #expect(r.stderr.contains("tally has the name of a script that ships with the workbench"))
    }

    @Test func optionsCannotBeSmuggledAsGitURLs() throws {
        let bob = try Teammate()
        let r = try workbench(["scripts", "install", "--upload-pack=touch /tmp/pwned.git"], environment: bob.env)
        #expect(r.status != 0)
        let ext = try workbench(["scripts", "install", "ext::sh -c touch% /tmp/wb-pwned.git"], environment: bob.env)
        #expect(ext.status != 0)
        #expect(!FileManager.default.fileExists(atPath: "/tmp/wb-pwned"))
    }
}

/// SHA-256 of `data` in hex (through the system's sha256sum, so the test does not share the code it checks).
func sha256Hex(_ data: Data) -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["sha256sum"]
    let input = Pipe()
    let output = Pipe()
    p.standardInput = input
    p.standardOutput = output
    try? p.run()
    input.fileHandleForWriting.write(data)
    try? input.fileHandleForWriting.close()
    let out = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return String(out.prefix(64))
}
