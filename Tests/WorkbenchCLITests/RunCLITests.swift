import Foundation
import Testing

@Suite struct RunCLITests {
    @Test func tallyOfTheSeed() throws {
        let r = try workbench(["run", "Scripts/tally.lua", "--date", "2026-01-30"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Tally of 1 article"))
        #expect(r.stdout.contains("Volodymyr Zelensky"))
        #expect(r.stdout.contains("111 attack drone + 1 Iskander-M"))
    }

    @Test func brokenScriptFailsWithFileAndLine() throws {
        let dir = try temporaryFolder()
        try write("local n = 0\nfor a in workbench.each() do n = n + 1 end\nlocal x = nil\nprint(x.field)\n", to: "broken.lua", in: dir)
        let r = try workbench(["run", dir.appendingPathComponent("broken.lua").path, "seeds"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("broken.lua:4: attempt to index a nil value (local 'x')"))
        #expect(r.stderr.contains("stack traceback:"))
    }

    @Test func badArgumentErrorsNameTheFunction() throws {
        let dir = try temporaryFolder()
        try write("local a = workbench.articles[1]\nlocal c = a.quotes:count_by()\n", to: "x.lua", in: dir)
        let r = try workbench(["run", dir.appendingPathComponent("x.lua").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("x.lua:2: bad argument #1 to 'count_by'"))
    }

    @Test func syntaxErrorsAreReported() throws {
        let dir = try temporaryFolder()
        try write("print('a'\n", to: "syntax.lua", in: dir)
        let r = try workbench(["run", dir.appendingPathComponent("syntax.lua").path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("syntax.lua:2:"))
    }

    @Test func argumentsReachTheScript() throws {
        let dir = try temporaryFolder()
        try write("print(args.top, arg[1], arg[2], #workbench.articles)\n", to: "args.lua", in: dir)
        let r = try workbench(["run", dir.appendingPathComponent("args.lua").path, "seeds", "--arg", "top=5", "--", "one", "two"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "5\tone\ttwo\t1\n")
    }

    @Test func requireFindsModulesBesideTheScriptNotInTheWorkingFolder() throws {
        let dir = try temporaryFolder()
        try write("local M = {} function M.hi() return 'hi from helper' end return M\n", to: "helper.lua", in: dir)
        try write("print(require('helper').hi())\n", to: "main.lua", in: dir)
        let other = try temporaryFolder()
        try write("return {}\n", to: "sneaky.lua", in: other)
        try write("print(pcall(require, 'sneaky'))\n", to: "probe.lua", in: dir)
        let r = try workbench(["run", dir.appendingPathComponent("main.lua").path])
        #expect(r.stdout == "hi from helper\n")
        let probe = try workbench(["run", dir.appendingPathComponent("probe.lua").path], in: other)
        #expect(probe.stdout.hasPrefix("false"))
        #expect(!probe.stdout.contains("./sneaky.lua"))
    }

    @Test func modelHelpersWork() throws {
        let dir = try temporaryFolder()
        try write("""
        local a = workbench.articles[1]
        local by = a.quotes:count_by("speaker")
        print(by["Volodymyr Zelensky"])
        print(#a.figures:filter(function(f) return f.kind == "count" end))
        print(tostring(a.quotes[1]))
        print(a.quotes[2]:cite(20))
        print(a.quotes[1].sentence_text:sub(1, 17))
        """, to: "helpers.lua", in: dir)
        let r = try workbench(["run", dir.appendingPathComponent("helpers.lua").path, "--date", "2026-01-30"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0] == "4")
        #expect(lines[1] == "4")
        #expect(lines[2].hasPrefix("Volodymyr Zelensky: “If Russia does not strike"))
        #expect(lines[3] == "000_735b6c5849dd2fa6 ¶3 “favorable conditions”")
        #expect(lines[4] == "Zelensky welcomed")
    }

    @Test func unreadableInputsGiveExitStatus2() throws {
        let dir = try temporaryFolder()
        try write("", to: "empty.txt", in: dir)
        try FileManager.default.copyItem(at: projectRoot.appendingPathComponent("seeds/000_735b6c5849dd2fa6.txt"), to: dir.appendingPathComponent("seed.txt"))
        let r = try workbench(["run", "Scripts/tally.lua", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("empty.txt: is empty"))
        #expect(r.stdout.contains("Tally of 1 article"))
    }
}
