import Foundation
import Testing
import ZIPFoundation

/// Sharing scripts: pack, install from a file, a folder and a git repository, refuse tampering.
@Suite struct BundleCLITests {
    private func teamFolder(version: String = "1.0.0") throws -> URL {
        let dir = try temporaryFolder()
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("lib"), withIntermediateDirectories: true)
        try write(
            """
            script = { name = "share_tally", version = "\(version)", description = "Counts quotes with a helper.",
                       args = { prefix = {type = "string", default = "quotes"} } }
            local util = require("lib.util")
            local n = 0
            for a in workbench.each() do n = n + #a.quotes end
            print(util.label(args.prefix, n))
            """, to: "share_tally.lua", in: dir)
        try write(
            "local M = {}\nfunction M.label(p, n) return p .. ': ' .. n end\nreturn M\n", to: "lib/util.lua", in: dir)
        return dir
    }

    /// A teammate's own library and keys.
    private func env() throws -> [String: String] {
        ["XDG_DATA_HOME": try temporaryFolder().path, "XDG_CONFIG_HOME": try temporaryFolder().path]
    }

    @Test func packInstallAndRun() throws {
        let team = try teamFolder()
        let bundle = team.appendingPathComponent("share.zip").path
        let alice = try env()
        let e = try env()
        let key = try workbench(["scripts", "keygen", "alice"], environment: alice)
        #expect(key.status == 0, "\(key.stderr)")
        let pack = try workbench(
            ["scripts", "pack", team.appendingPathComponent("share_tally.lua").path, "-o", bundle, "--sign", "alice"],
            environment: alice)
        #expect(pack.status == 0, "\(pack.stderr)")
        #expect(pack.stdout.contains("packed share_tally 1.0.0 (2 files)"))
        #expect(
            try workbench(["scripts", "trust", key.stdout.trimmingCharacters(in: .newlines)], environment: e).status
                == 0)
        let install = try workbench(["scripts", "install", bundle], environment: e)
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains("installed share_tally 1.0.0, signed by alice"))
        let run = try workbench(["run", "share_tally", "seeds", "--arg", "prefix=found"], environment: e)
        #expect(run.stdout == "found: 7\n", "\(run.stderr)")
        let again = try workbench(["scripts", "install", bundle], environment: e)
        #expect(again.stdout.contains("already installed"))
    }

    @Test func tamperedBundlesAreRefused() throws {
        let team = try teamFolder()
        let bundle = team.appendingPathComponent("share.zip")
        _ = try workbench([
            "scripts", "pack", team.appendingPathComponent("share_tally.lua").path, "--out", bundle.path,
        ])
        // change a module inside the bundle after packing
        let archive = try Archive(url: bundle, accessMode: .update)
        try archive.remove(archive["lib/util.lua"]!)
        let evil = Data("local M = {}\nfunction M.label() os.execute('id') end\nreturn M\n".utf8)
        try archive.addEntry(with: "lib/util.lua", type: .file, uncompressedSize: Int64(evil.count)) { p, s in
            evil.subdata(in: Int(p)..<min(evil.count, Int(p) + s))
        }
        let e = try env()
        let r = try workbench(["scripts", "install", bundle.path, "--allow-unsigned"], environment: e)
        #expect(r.status == 1)
        #expect(r.stderr.contains("is refused: lib/util.lua does not match its checksum"))
        #expect(!FileManager.default.fileExists(atPath: e["XDG_DATA_HOME"]! + "/workbench/scripts/share_tally"))
        let notZip = try write("hello", to: "not.zip", in: team)
        let n = try workbench(["scripts", "install", notZip.path], environment: e)
        #expect(n.stderr.contains("is not a script bundle"))
    }

    @Test func otherVersionsNeedForce() throws {
        let e = try env()
        let v1 = try teamFolder(version: "1.0.0")
        _ = try workbench(["scripts", "install", v1.path, "--allow-unsigned"], environment: e)
        let v2 = try teamFolder(version: "1.1.0")
        let refused = try workbench(["scripts", "install", v2.path, "--allow-unsigned"], environment: e)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("share_tally version 1.0.0 is installed"))
        #expect(refused.stderr.contains("needs --force"))
        let forced = try workbench(["scripts", "install", v2.path, "--force", "--allow-unsigned"], environment: e)
        #expect(forced.stdout.contains("installed share_tally 1.1.0"), "\(forced.stderr)")
        let listed = try workbench(["scripts", "list"], environment: e).stdout.split(separator: "\n").first {
            $0.hasPrefix("share_tally ")
        }
        #expect(listed?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "1.1.0")
    }

    @Test func installFromAGitRepository() throws {
        let repo = try teamFolder()
        func git(_ args: [String]) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", repo.path, "-c", "user.email=t@example.org", "-c", "user.name=t"] + args
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
        }
        try git(["init", "--quiet"])
        try git(["add", "."])
        try git(["commit", "--quiet", "-m", "share"])
        let e = try env()
        let unsigned = try workbench(["scripts", "install", "file://" + repo.path], environment: e)
        #expect(unsigned.status == 1)
        #expect(unsigned.stderr.contains("share_tally is not signed"))
        let r = try workbench(["scripts", "install", "file://" + repo.path, "--allow-unsigned"], environment: e)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("installed share_tally 1.0.0"))
        #expect(try workbench(["run", "share_tally", "seeds"], environment: e).stdout == "quotes: 7\n")
        let update = try workbench(["scripts", "update"], environment: e)
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("share_tally 1.0.0 is up to date"), "\(update.stdout)")
        let bad = try workbench(["scripts", "install", "file:///nonexistent/repo.git"], environment: e)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("git clone failed"))
    }
}
