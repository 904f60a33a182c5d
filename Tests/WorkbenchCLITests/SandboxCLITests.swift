import Foundation
import Testing

/// Hostile and careless scripts: each is stopped with a clear message, and the workbench stays healthy.
@Suite struct SandboxCLITests {
    /// Runs `code` as a script in a fresh folder; returns the result.
    private func run(_ code: String, _ extra: [String] = [], paths: [String] = []) throws -> RunResult {
        let dir = try temporaryFolder()
        let script = try write(code, to: "s.lua", in: dir)
        return try workbench(["run", script.path] + paths + extra)
    }

    @Test func systemCommandsAreRefused() throws {
        let r = try run("os.execute(':(){ :|:& };:')")
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("s.lua:1: os.execute is not allowed in the sandbox (run trusted scripts with --trusted)"))
        let p = try run("io.popen('id')")
        #expect(p.stderr.contains("io.popen is not allowed in the sandbox"))
        let e = try run("os.exit(3)")
        #expect(e.status == 1)
        #expect(e.stderr.contains("os.exit is not allowed in the sandbox"))
        let g = try run("print(os.getenv('HOME'))")
        #expect(g.stderr.contains("os.getenv is not allowed in the sandbox (pass values with --arg name=value)"))
    }

    @Test func secretsCannotBeRead() throws {
        let r = try run("local f = io.open('/etc/passwd') print(f:read('a'))")
        #expect(r.status == 1)
        #expect(
            r.stderr.contains("reading /etc/passwd is not allowed in the sandbox (grant it with --allow-read /etc)"))
        #expect(!r.stdout.contains("root:"))
        let d = try run("dofile('/etc/passwd')")
        #expect(d.stderr.contains("reading /etc/passwd is not allowed"))
        let w = try run("workbench.load('/etc/passwd')")
        #expect(w.stderr.contains("reading /etc/passwd is not allowed"))
        let up = try run("io.open('" + projectRoot.path + "/../../etc/passwd')")
        #expect(up.stderr.contains("/etc/passwd is not allowed"))
        // the grant works
        let ok = try run("local f = io.open('/etc/hostname') print(f ~= nil)", ["--allow-read", "/etc"])
        #expect(ok.stdout == "true\n")
    }

    @Test func writesNeedPermission() throws {
        let dir = try temporaryFolder()
        let target = dir.appendingPathComponent("out.txt").path
        let r = try run("local f = assert(io.open('\(target)', 'w')) f:write('x') f:close()")
        #expect(r.stderr.contains("writing \(target) is not allowed in the sandbox (grant it with --allow-write"))
        #expect(!FileManager.default.fileExists(atPath: target))
        let ok = try run(
            "local f = assert(io.open('\(target)', 'w')) f:write('x') f:close()", ["--allow-write", dir.path])
        #expect(ok.status == 0)
        #expect(FileManager.default.fileExists(atPath: target))
    }

    @Test func debugBytecodeAndCModulesAreOutOfReach() throws {
        let r = try run("print(debug.getinfo, debug.sethook, package.loadlib ~= nil, string.dump)")
        #expect(r.stdout == "nil\tnil\ttrue\tnil\n")
        let d = try run("require('debug')")
        #expect(d.stderr.contains("require(\"debug\") is not allowed in the sandbox"))
        let b = try run("print(load('\\27Lua\\84\\0', 'x', 'b'))")
        #expect(b.stderr.contains("only text chunks can be loaded in the sandbox"))
        let b2 = try run("print(load('\\27Lua\\84\\0'))")
        #expect(b2.stdout.contains("nil"))
        #expect(b2.stdout.contains("binary chunk"))
        let l = try run("package.loadlib('/lib/x.so', 'f')")
        #expect(l.stderr.contains("package.loadlib is not allowed in the sandbox"))
        let c = try run("collectgarbage('stop')")
        #expect(c.stderr.contains("collectgarbage(\"stop\") is not allowed"))
    }

    @Test func stringMetatableAndCustomEnvironmentsDoNotEscape() throws {
        let r = try run(
            """
            local mt = getmetatable('')
            print(type(mt))
            local f = load('return os and os.execute', 'x', 't', {})
            print(f())
            local g = load('return io.popen')
            print(pcall(g()))
            """)
        #expect(r.stdout.hasPrefix("string\nnil\nfalse"))
    }

    @Test func requireStaysOnTheScriptPath() throws {
        let outside = try temporaryFolder()
        try write("return 'secret module'", to: "evil.lua", in: outside)
        let r = try run("print(pcall(require, '../../\(outside.lastPathComponent)/evil'))")
        #expect(r.stdout.hasPrefix("false"))
        #expect(r.stdout.contains("not file paths"))
        let r2 = try run("print(pcall(require, 'evil'))")
        #expect(r2.stdout.hasPrefix("false"))
    }

    @Test func infiniteLoopsStopAtTheTimeout() throws {
        let r = try run("while true do pcall(function() while true do end end) end", ["--timeout", "0.5"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("stopped: the time budget is exhausted (raise it with --timeout)"))
    }

    @Test func patternBlowUpsStopAtTheTimeout() throws {
        let r = try run(
            "print('before') local s = ('a'):rep(50000) print(pcall(s.find, s, ('.-'):rep(15) .. 'b'))",
            ["--timeout", "0.5"])
        #expect(r.status == 1)
        #expect(r.stdout.hasPrefix("before\n"))
        #expect(r.stderr.contains("time budget"))
    }

    @Test func memoryBombsStopAtTheLimit() throws {
        let r = try run(
            "print('before') local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end", ["--max-memory", "64"])
        #expect(r.status == 1)
        #expect(r.stdout == "before\n")
        #expect(r.stderr.contains("memory limit of 64 MB (raise it with --max-memory)"))
        // sizes take units; nonsense and overflowing sizes are usage errors
        let sized = try run("local t = {} for i = 1, 1e9 do t[i] = ('x'):rep(1000) .. i end", ["--max-memory", "32M"])
        #expect(sized.stderr.contains("memory limit of 32 MB"))
        for bad in ["64Q", "99999999999999", "-1"] {
            #expect(try run("print(1)", ["--max-memory", bad]).status == 64, "--max-memory \(bad)")
        }
        #expect(try run("print(1)", ["--max-memory", "1G"]).stdout == "1\n")
    }

    @Test func trustedScriptsGetTheFullLibrary() throws {
        let r = try run("print(type(os.execute), type(io.popen), os.getenv('HOME') ~= nil)", ["--trusted"])
        #expect(r.stdout == "function\tfunction\ttrue\n")
    }

    @Test func typosInGlobalsWarn() throws {
        let r = try run("count = 0\nfunction bump() coutn = count + 1 end\nbump()\nprint(count, totl)")
        #expect(r.status == 0)
        #expect(r.stderr.contains("s.lua:2: assignment to undeclared global 'coutn'"))
        #expect(r.stderr.contains("s.lua:4: undefined global 'totl'"))
    }
}
