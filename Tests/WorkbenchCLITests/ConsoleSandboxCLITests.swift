import Foundation
import Testing

/// The console is sandboxed as `run` is, with the same flags, and so are the scripts it runs.
@Suite struct ConsoleSandboxCLITests {
    private func console(_ lines: [String], _ flags: [String] = [], in dir: URL? = nil) throws -> RunResult {
        try workbench(
            ["console", "--history", ""] + flags + ["seeds"], in: dir ?? projectRoot,
            stdin: lines.joined(separator: "\n") + "\n")
    }

    @Test func typedLinesHaveWhatAScriptHas() throws {
        let r = try console([
            "print(pcall(os.execute, 'true'))", "print(pcall(io.open, '/etc/hostname'))",
            "print(pcall(io.popen, 'id'))", "print(pcall(require, 'os'))", "print(#articles)",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("false\tos.execute is not allowed in the sandbox (run trusted scripts with --trusted)"))
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "false\treading /etc/hostname is not allowed in the sandbox (grant it with --allow-read /etc)")
            })
        #expect(lines.contains { $0.hasPrefix("false\tio.popen is not allowed") })
        #expect(lines.contains("1"))
    }

    @Test func flagsWidenItAsForRun() throws {
        let dir = try temporaryFolder()
        _ = try write("a,b\n1,2\n", to: "t.csv", in: dir)
        let denied = try console(["print(pcall(workbench.csv.read, '\(dir.path)/t.csv'))"])
        #expect(denied.stdout.contains("is not allowed in the sandbox"))
        let granted = try console(
            ["print(#assert(workbench.csv.read('\(dir.path)/t.csv')))"], ["--allow-read", dir.path])
        #expect(granted.stdout.split(separator: "\n").contains("1"), "\(granted.stdout) \(granted.stderr)")
        let trusted = try console(["print(type(io.popen('true')))"], ["--trusted"])
        #expect(trusted.stdout.contains("userdata"), "\(trusted.stdout) \(trusted.stderr)")
    }

    @Test func runTakesArgumentsAndStaysSandboxed() throws {
        let dir = try temporaryFolder()
        let script = try write(
            """
            script = { name = "s", version = "1.0.0", description = "t", args = { n = { type = "integer", default = 1 } } }
            print("n=" .. args.n, "arg1=" .. tostring(arg[1]))
            print(pcall(os.execute, "true"))
            helper = function() return "kept" end
            """, to: "s.lua", in: dir)
        let r = try console([
            ":run \(script.path) --arg n=7 -- extra", "print(helper())", ":run \(script.path) --arg m=1",
            ":run \(script.path) --arg",
        ])
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("n=7\targ1=extra"), "\(r.stdout) \(r.stderr)")
        #expect(lines.contains("false\tos.execute is not allowed in the sandbox (run trusted scripts with --trusted)"))
        // the script's globals stay for the session
        #expect(lines.contains("kept"))
        #expect(r.stderr.contains("unknown argument 'm' for s"))
        #expect(r.stderr.contains(":run: --arg needs NAME=VALUE"))
    }

    @Test func runShowsTheReportTheScriptBuilt() throws {
        let r = try console([":run tally --arg top=2"])
        #expect(r.stdout.contains("# Tally of 1 article"), "\(r.stdout) \(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
    }
}
