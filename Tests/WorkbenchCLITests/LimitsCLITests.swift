import Foundation
import Testing

/// One time budget, one interrupt and one memory limit for a whole run, wherever the script is.
@Suite struct LimitsCLITests {
    private func script(_ code: String) throws -> String {
        try write(code, to: "s.lua", in: try temporaryFolder()).path
    }

    /// Runs the workbench and measures the wall time.
    private func timed(_ args: [String], environment: [String: String] = [:]) throws -> (RunResult, Double) {
        let start = Date()
        let r = try workbench(args, environment: environment)
        return (r, Date().timeIntervalSince(start))
    }

    @Test(arguments: [
        "print(xpcall(function() error('x') end, function(m) while true do end end))",
        "print(xpcall(function() while true do end end, function(m) while true do end end))",
        "while true do xpcall(function() while true do end end, function() while true do end end) end",
        "local co = coroutine.wrap(function() xpcall(function() while true do end end, function() while true do end end) end) co()",
        "local s = ('a'):rep(60000) while true do pcall(string.find, s, ('.-'):rep(20) .. 'b') end",
    ])
    func messageHandlersAndLoopsStopAtTheTimeout(_ code: String) throws {
        let (r, seconds) = try timed(["run", try script(code), "--timeout", "0.5"])
        #expect(r.status == 1, "\(r.stderr)")
        #expect(r.stderr.contains("time budget is exhausted"), "\(r.stderr)")
        #expect(seconds < 5, "took \(seconds) s")
    }

    @Test(arguments: [
        "setmetatable({}, { __gc = function() while true do end end })",
        "local mt = {} mt.__gc = function() end setmetatable({}, mt)",
        "rawset({}, '__gc', print)",
        "workbench.List.__gc = function() while true do end end",
        "getmetatable(workbench.list({})).__gc = print",
        "require('workbench.pause').Result.__gc = print",
    ])
    func finalizersAreRefusedInTheSandbox(_ code: String) throws {
        let (r, seconds) = try timed(["run", try script(code + "\ncollectgarbage() print('end')"), "--timeout", "1"])
        #expect(r.status == 1, "\(code): \(r.stdout) \(r.stderr)")
        #expect(r.stderr.contains("__gc finalizers are not allowed in the sandbox"), "\(code): \(r.stderr)")
        #expect(seconds < 5)
    }

    @Test func aTrustedScriptsLoopingFinalizerIsEndedWithItsReport() throws {
        let code = """
            local report = require("workbench.report")
            report.heading("before the finalizer")
            setmetatable({}, { __gc = function() while true do end end })
            collectgarbage()
            """
        let (r, seconds) = try timed(["run", try script(code), "--trusted", "--timeout", "0.5"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("before the finalizer"))
        #expect(r.stdout.contains("This report is incomplete"))
        #expect(r.stderr.contains("the script did not stop within"))
        #expect(seconds < 8, "took \(seconds) s")
        // a finalizer that loops only at exit is ended too
        let (exit, exitSeconds) = try timed([
            "run", try script("setmetatable({}, { __gc = function() while true do end end }) print('done')"),
            "--trusted",
        ])
        #expect(exit.stdout == "done\n")
        #expect(exit.status == 1)
        #expect(exit.stderr.contains("finalizers (__gc) were still running"))
        #expect(exitSeconds < 8)
    }

    @Test func theBudgetCountsAcrossEveryCallback() throws {
        let folder = try temporaryFolder()
        for i in 1...8 {
            try FileManager.default.copyItem(
                at: projectRoot.appendingPathComponent("seeds/000_735b6c5849dd2fa6.txt"),
                to: folder.appendingPathComponent("a\(i).txt"))
        }
        let code = "function each(a) local t = os.clock() while os.clock() - t < 0.4 do end print('article') end"
        let (r, seconds) = try timed(["run", try script(code), folder.path, "--timeout", "1"])
        #expect(r.status == 1)
        #expect(r.stdout.components(separatedBy: "article").count - 1 <= 3, "\(r.stdout)")
        #expect(seconds < 4)
        // report cells whose __tostring loops cost one budget in all, not one each
        let cells = """
            local report = require("workbench.report")
            local bad = setmetatable({}, { __tostring = function() while true do end end })
            for i = 1, 10 do pcall(report.table, { { bad } }, { "x" }) end
            """
        let (c, cellSeconds) = try timed(["run", try script(cells), "--timeout", "0.5"])
        #expect(c.status == 1)
        #expect(cellSeconds < 3, "took \(cellSeconds) s")
    }

    @Test func ctrlCDuringACorpusRunExits130() throws {
        guard let shared = sharedFolder else {
            print("skipped: ../shared is not here")
            return
        }
        let p = Process()
        p.executableURL = workbenchBinary
        p.arguments = ["run", "tally", shared.appendingPathComponent("corpus/bbc").path, "--serial"]
        p.currentDirectoryURL = projectRoot
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        try p.run()
        Thread.sleep(forTimeInterval: 0.4)
        p.interrupt()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        #expect(p.terminationStatus == 130, "\(text)")
        #expect(text.contains("interrupted (Ctrl-C)"))
    }

    @Test func workInSwiftFunctionsObeysBothLimits() throws {
        // a structure whose JSON doubles with each level, shared tables everywhere
        let dag =
            "local t = {'leaf'} for i = 1, 24 do t = {a = t, b = t} end print(pcall(workbench.json.encode, t)) print('after')"
        let (time, seconds) = try timed(["run", try script(dag), "--timeout", "1", "--max-memory", "2048"])
        #expect(time.status == 1)
        #expect(time.stderr.contains("time budget"), "\(time.stderr)")
        #expect(seconds < 4)
        let (memory, _) = try timed(["run", try script(dag), "--max-memory", "16"])
        #expect(memory.stdout.hasPrefix("false\tnot enough memory"), "\(memory.stdout) \(memory.stderr)")
        #expect(memory.stdout.contains("after"))
        let gsub = "local s = ('x'):rep(1e6) print(pcall(string.gsub, s, '.', ('y'):rep(1e4))) print('after')"
        let (g, _) = try timed(["run", try script(gsub), "--max-memory", "32"])
        #expect(g.status == 0, "\(g.stderr)")
        #expect(g.stdout.hasPrefix("false\tnot enough memory"))
        let decode =
            "local s = '[' .. ('{\"a\":1},'):rep(1e6) .. '1]' print(pcall(workbench.json.decode, s)) print('after')"
        let (d, _) = try timed(["run", try script(decode), "--max-memory", "48"])
        #expect(d.stdout.contains("not enough memory"), "\(d.stdout) \(d.stderr)")
    }

    @Test(arguments: [20, 60, 150, 300, 10000])
    func deepNestingIsAnErrorNotACrash(_ depth: Int) throws {
        let code =
            "local t = {} local c = t for i = 1, \(depth) do c[1] = {} c = c[1] end print(pcall(workbench.json.encode, t))"
        let r = try workbench(["run", try script(code)])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix(depth < 200 ? "true" : "false\tjson.encode: nested deeper than 200 levels"))
        let cycle = try workbench(["run", try script("local a = {} a.self = a print(pcall(workbench.json.encode, a))")])
        #expect(cycle.stdout.contains("a table contains itself"))
    }

    @Test(arguments: [
        "description = ('x'):rep(1e9)",
        "description = (function() while true do end end)()",
        "description = ('a'):rep(40):find(('.-'):rep(20) .. 'b')",
        "description = ('x'):gsub('x', ('y'):rep(1e8))",
        "description = tostring(setmetatable({}, {}))",
    ])
    func headersAreDataUnderLimits(_ field: String) throws {
        let path = try script("script = { name = \"h\", version = \"1.0.0\", \(field) }\nprint('ran')\n")
        for command in [["run", path], ["help", path]] {
            let (r, seconds) = try timed(command)
            #expect(r.status == 1, "\(command) \(field): \(r.stderr)")
            #expect(r.stderr.contains("the script header is not a plain table"), "\(r.stderr)")
            #expect(!r.stdout.contains("ran"))
            #expect(seconds < 4)
        }
        let dir = try temporaryFolder()
        try FileManager.default.copyItem(atPath: path, toPath: dir.appendingPathComponent("h.lua").path)
        let (list, listSeconds) = try timed(
            ["scripts", "list"], environment: ["WORKBENCH_PATH": dir.path, "XDG_DATA_HOME": dir.path])
        #expect(list.status == 0)
        #expect(list.stdout.contains("header problem"))
        #expect(listSeconds < 4)
    }
}

/// Inputs and scripts that used to trap or lose output.
@Suite struct CrashCLITests {
    private func script(_ code: String) throws -> String {
        try write(code, to: "s.lua", in: try temporaryFolder()).path
    }

    @Test(arguments: ["md", "html", "csv", "json"])
    func nonFiniteNumbersInReportsAreErrors(_ format: String) throws {
        let code = """
            local report = require("workbench.report")
            report.heading("h")
            print(pcall(report.bar_chart, { a = math.huge }))
            print(pcall(report.bar_chart, { a = 0/0 }))
            print(pcall(report.table, { { -math.huge } }, { "x" }))
            report.bar_chart({ a = 1e308, b = -1e308, c = 0 })
            report.bar_chart({ a = 0, b = 0 })
            report.table({ { 1e308, 2^63 } }, { "big", "bigger" })
            report.timeline({ { date = "0001-01-01", label = "a" }, { date = "9999-12-31", label = "b" } })
            """
        let out = try temporaryFolder().appendingPathComponent("r.\(format)").path
        let r = try workbench(["run", try script(code), "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.components(separatedBy: "reports take finite numbers only").count == 4, "\(r.stdout)")
        // a CSV report is a folder with one file per table
        let files =
            format == "csv"
            ? try FileManager.default.contentsOfDirectory(atPath: out).sorted().map { out + "/" + $0 } : [out]
        if format == "csv" { #expect(files.count == 3) }
        let text = try files.map { try String(contentsOfFile: $0, encoding: .utf8) }.joined()
        #expect(text.utf8.count < 200_000)
        if format == "json" {
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
            #expect((object?["blocks"] as? [Any])?.count == 5)
        }
    }

    @Test func shardCountsAreChecked() throws {
        let huge = try workbench([
            "run", "tally", "--shard", "9223372036854775807/9223372036854775807", "--out", "/tmp/x.json",
        ])
        #expect(huge.status == 64)
        let part = try temporaryFolder().appendingPathComponent("p.json")
        #expect(try workbench(["run", "tally", "seeds", "--shard", "1/2", "--out", part.path]).status == 0)
        for count in ["0", "-1", "1000000000000"] {
            var object = try JSONSerialization.jsonObject(with: Data(contentsOf: part)) as! [String: Any]
            object["shard"] = ["index": 1, "count": Int(count)!]
            let bad = try temporaryFolder().appendingPathComponent("bad.json")
            try JSONSerialization.data(withJSONObject: object).write(to: bad)
            let r = try workbench(["merge", bad.path])
            #expect(r.status == 1, "\(count)")
            #expect(r.stderr.contains("is damaged: it says it is shard 1 of \(count)"), "\(r.stderr)")
        }
    }

    @Test func aFailedWriteToStandardOutputIsAnError() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else {
            print("skipped: no /dev/full")
            return
        }
        for args in [["parse", "seeds"], ["run", "tally"], ["docs"]] {
            let p = Process()
            p.executableURL = workbenchBinary
            p.arguments = args
            p.currentDirectoryURL = projectRoot
            p.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
            let err = Pipe()
            p.standardError = err
            try p.run()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            p.waitUntilExit()
            #expect(p.terminationStatus == 1, "\(args)")
            #expect(text.contains("cannot write to standard output: No space left on device"), "\(args): \(text)")
        }
    }
}
