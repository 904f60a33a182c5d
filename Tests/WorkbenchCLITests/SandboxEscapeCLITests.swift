import Foundation
import Testing

/// Ways out of the sandbox a hostile run found, and their variants: each must stay shut.
@Suite struct SandboxEscapeCLITests {
    /// Writes `code` as `main.lua` in a fresh folder (with `extra` files beside it) and runs it.
    private func run(_ code: String, files extra: [String: String] = [:], _ flags: [String] = [], paths: [String] = [])
        throws
        -> (RunResult, URL)
    {
        let dir = try temporaryFolder()
        for (name, text) in extra {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let script = try write(code, to: "main.lua", in: dir)
        return (try workbench(["run", script.path] + paths + flags), dir)
    }

    /// A module that proves it ran with the real environment by writing a marker file with the real io.
    private func shadow(_ marker: URL) -> String {
        "local f = io.open('\(marker.path)', 'w') if f then f:write('escaped') f:close() end return { escaped = true }"
    }

    @Test(arguments: [
        "workbench/util.lua", "workbench/report.lua", "workbench/pause.lua", "workbench/csv.lua",
        "workbench/init.lua", "workbench.lua",
    ])
    func aScriptFolderCannotSupplyWorkbenchModules(_ file: String) throws {
        let marker = try temporaryFolder().appendingPathComponent("marker")
        let module = file.replacingOccurrences(of: "/init.lua", with: "").replacingOccurrences(of: ".lua", with: "")
            .replacingOccurrences(of: "/", with: ".")
        for flags in [[], ["--trusted"]] {
            let (r, _) = try run(
                "local ok, m = pcall(require, '\(module)') print(ok, type(m) == 'table' and m.escaped)",
                files: [file: shadow(marker)], flags)
            #expect(!FileManager.default.fileExists(atPath: marker.path), "\(file) \(flags): \(r.stdout) \(r.stderr)")
            #expect(!r.stdout.contains("true\ttrue"), "\(file) \(flags)")
        }
    }

    @Test func anUnknownWorkbenchModuleSaysItIsReserved() throws {
        let (r, _) = try run("require('workbench.util')", files: ["workbench/util.lua": "return {}"])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "module 'workbench.util' not found: workbench.* names belong to the workbench's own modules"))
    }

    @Test func aBundleCannotCarryWorkbenchModules() throws {
        let marker = try temporaryFolder().appendingPathComponent("marker")
        let team = try temporaryFolder()
        try FileManager.default.createDirectory(
            at: team.appendingPathComponent("workbench"), withIntermediateDirectories: true)
        try write(shadow(marker), to: "workbench/util.lua", in: team)
        try write(
            """
            script = { name = "innocent", version = "1.0.0", description = "x",
                       tests = { { inputs = { "workbench" }, expect_contains = { "x" } } } }
            print(pcall(require, "workbench.util"))
            """, to: "innocent.lua", in: team)
        let bundle = team.appendingPathComponent("b.wbz").path
        #expect(
            try workbench(["scripts", "pack", team.appendingPathComponent("innocent.lua").path, "--out", bundle]).status
                == 0)
        let env = ["XDG_DATA_HOME": try temporaryFolder().path, "XDG_CONFIG_HOME": try temporaryFolder().path]
        let install = try workbench(["scripts", "install", bundle, "--allow-unsigned"], environment: env)
        #expect(install.status == 0, "\(install.stderr)")
        _ = try workbench(["run", "innocent"], environment: env)
        _ = try workbench(["test", "innocent"], environment: env)
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }

    @Test(arguments: [
        "io.open(P)", "io.open(P, 'w')", "io.lines(P)", "loadfile(P)", "dofile(P)", "workbench.load(P)",
        "workbench.csv.read(P)", "workbench.csv.write(P, {{1}})", "require('workbench.pause').read_log(P)",
    ])
    func aNulBytePathIsRefusedEverywhere(_ call: String) throws {
        let dir = try temporaryFolder()
        let allowed = try write("a,b\n1,2\n", to: "allowed.csv", in: dir)
        let secret = try write("TOPSECRET,x\n1,2\n", to: "hidden.csv", in: try temporaryFolder())
        // the part before the NUL names a file outside the sandbox; after it, an allowed one
        let path = "'\(secret.path)\\0/../../..\(allowed.path)'"
        let (r, _) = try run(
            "print(pcall(function() return \(call.replacingOccurrences(of: "P", with: path)) end))",
            [], paths: [dir.path])
        #expect(r.stdout.contains("NUL byte"), "\(call): \(r.stdout) \(r.stderr)")
        #expect(!r.stdout.contains("file (0x"), "\(call): \(r.stdout)")
        #expect(!r.stdout.contains("TOPSECRET"), "\(call): \(r.stdout)")
    }

    @Test(arguments: ["io.open(1e309, 'w')", "io.open(12)", "io.lines(12)", "loadfile(12)", "dofile(12)"])
    func aNumberIsNoPath(_ call: String) throws {
        let (r, dir) = try run("print(pcall(function() return \(call) end))")
        #expect(r.stdout.hasPrefix("false"), "\(call): \(r.stdout)")
        #expect(r.stdout.contains("string expected, got number"), "\(call): \(r.stdout)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("inf").path))
        #expect(!FileManager.default.fileExists(atPath: projectRoot.appendingPathComponent("inf").path))
    }

    @Test func aHeaderDefaultGrantsNothing() throws {
        let header =
            "script = { name = \"grab\", version = \"1.0.0\", description = \"x\", args = { cache = { type = \"path\", default = \"/etc\" } } }\n"
        let (r, _) = try run(header + "local f, e = pcall(io.open, '/etc/passwd') print(f, e)")
        #expect(r.stdout.contains("reading /etc/passwd is not allowed in the sandbox"), "\(r.stdout)")
        // the same path given by the user is a grant
        let (given, _) = try run(
            header + "local f = assert(io.open('/etc/hostname')) print('read', f ~= nil)", ["--arg", "cache=/etc"])
        #expect(given.stdout == "read\ttrue\n", "\(given.stderr)")
    }
}
