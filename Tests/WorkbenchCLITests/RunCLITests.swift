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
        try write(
            "local n = 0\nfor a in workbench.each() do n = n + 1 end\nlocal x = nil\nprint(x.field)\n",
            to: "broken.lua", in: dir)
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
        let r = try workbench([
            "run", dir.appendingPathComponent("args.lua").path, "seeds", "--arg", "top=5", "--", "one", "two",
        ])
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
        let probe = try workbench(
            ["run", dir.appendingPathComponent("probe.lua").path, projectRoot.appendingPathComponent("seeds").path],
            in: other)
        #expect(probe.stdout.hasPrefix("false"))
        #expect(!probe.stdout.contains("./sneaky.lua"))
    }

    @Test func aRunWithNoInputsAndNoSeedsSaysWhatToPass() throws {
        let elsewhere = try temporaryFolder()
        let r = try workbench(["run", "tally"], in: elsewhere)
        #expect(r.status == 64)
        #expect(r.stderr.contains("no articles to run tally over: pass files or folders"))
        // the shipped scripts are found from any folder
        let seeds = try workbench(["run", "tally", projectRoot.appendingPathComponent("seeds").path], in: elsewhere)
        #expect(seeds.status == 0, "\(seeds.stderr)")
        #expect(seeds.stdout.contains("Tally of 1 article"))
    }

    @Test func modelObjectsAndArgsAreStrict() throws {
        let dir = try temporaryFolder()
        let typo = try write(
            "for _, q in ipairs(workbench.articles[1].quotes) do print(q.speakr or '(unattributed)') end\n",
            to: "typo.lua", in: dir)
        let r = try workbench(["run", typo.path, "seeds"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("typo.lua:1: Quote has no field 'speakr' (did you mean 'speaker'?)"), "\(r.stderr)")
        // documented fields without a value are nil; rawget probes; other kinds say their own name
        let probe = try write(
            """
            local a = workbench.articles[1]
            local q = a.quotes[1]
            print(q.via == nil, rawget(q, "nope") == nil, q.sentence_text ~= nil, tostring(a.parties[1]):len() > 0)
            print(select(2, pcall(function() return a.events[1].wepons end)))
            print(select(2, pcall(function() return a.zzzzqqqq end)))
            """, to: "probe.lua", in: dir)
        let p = try workbench(["run", probe.path, "seeds"])
        #expect(p.status == 0, "\(p.stderr)")
        #expect(p.stdout.contains("true\ttrue\ttrue\ttrue\n"))
        #expect(p.stdout.contains("probe.lua:4: StrikeEvent has no field 'wepons' (did you mean 'weapons'?)"))
        #expect(p.stdout.contains("probe.lua:5: Article has no field 'zzzzqqqq'\n"))
        let args = try write(
            """
            script = { name = "a", version = "0.1.0", description = "d", api = "1",
              args = { top = { type = "integer", default = 10 }, place = { type = "string" } } }
            print(args.top, args.place)
            print(args.tpo)
            """, to: "args.lua", in: dir)
        let a = try workbench(["run", args.path, "seeds"])
        #expect(a.stdout == "10\tnil\n")
        #expect(a.stderr.contains("args.lua:4: args has no field 'tpo' (did you mean 'top'?)"))
    }

    @Test func modelHelpersWork() throws {
        let dir = try temporaryFolder()
        try write(
            """
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
        try FileManager.default.copyItem(
            at: projectRoot.appendingPathComponent("seeds/000_735b6c5849dd2fa6.txt"),
            to: dir.appendingPathComponent("seed.txt"))
        let r = try workbench(["run", "Scripts/tally.lua", dir.path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("empty.txt: is empty"))
        #expect(r.stdout.contains("Tally of 1 article"))
    }

    @Test func aLargeCorpusIsReadAsUsed() throws {
        // above the eager limit, workbench.articles parses articles when touched; the answers are the same
        // (figures: 10+20+30 and 11+21+31 drones, plus the headlines' report numbers 1+2+3 twice = 135)
        let dir = try temporaryFolder()
        for (n, sub) in ["east", "west"].enumerated() {
            let folder = dir.appendingPathComponent(sub)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for k in 1...3 {
                try write(
                    "Report \(k)\n“We hold the line,” said Ivan Fedorov. Russia launched \(10 * k + n) drones.\n",
                    to: "00\(k).txt", in: folder)
            }
        }
        try write("", to: "empty.txt", in: dir.appendingPathComponent("east"))
        let script = try write(
            """
            local a = workbench.articles
            local ids, drones = {}, 0
            for _, x in ipairs(a) do ids[#ids + 1] = x.id; drones = drones + x.figures:sum("value") end
            print(#a, table.concat(ids, ","), drones, a[2].quotes[1].speaker)
            """, to: "count.lua", in: dir)
        let lazy = try workbench(["run", script.path, dir.path], environment: ["WORKBENCH_EAGER_ARTICLES": "2"])
        let eager = try workbench(["run", script.path, dir.path])
        #expect(
            lazy.stdout == "6\teast/001,east/002,east/003,west/001,west/002,west/003\t135\tIvan Fedorov\n",
            "\(lazy.stderr)")
        #expect(lazy.stdout == eager.stdout)
        // the unreadable file is named once and the exit status says some inputs failed
        #expect(lazy.status == 2)
        #expect(lazy.stderr.components(separatedBy: "empty.txt").count == 2)
    }
}
