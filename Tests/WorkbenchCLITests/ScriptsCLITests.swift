import Foundation
import Testing

@testable import WorkbenchScripting

/// Script headers, typed arguments, help, the search path, API versions and carried tests.
@Suite struct ScriptsCLITests {
    static let header = """
        script = {
          name = "quotes_by_speaker", version = "1.2.0", api = "1",
          description = "Who is quoted, how often.",
          author = "Monitoring desk", license = "MIT", categories = {"tally", "quotes"},
          args = {
            top = {type = "integer", default = 10, help = "how many speakers to list"},
            since = {type = "date", help = "first day", required = true},
            mode = {type = "string", choices = {"brief", "full"}, default = "brief"},
          },
          tests = { {name = "seed", inputs = {"seeds"}, args = {since = "2026-01-01"}, expect_contains = {"top=10"}} },
        }
        print(("top=%d %s since=%s %s"):format(args.top, math.type(args.top), args.since, args.mode))
        """

    private func scriptFolder() throws -> URL {
        let dir = try temporaryFolder()
        try write(Self.header, to: "quotes_by_speaker.lua", in: dir)
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: projectRoot.appendingPathComponent("seeds/000_735b6c5849dd2fa6.txt"),
            to: dir.appendingPathComponent("seeds/a.txt"))
        return dir
    }

    @Test func typedArgumentsAndDefaults() throws {
        let dir = try scriptFolder()
        let r = try workbench(
            ["run", "quotes_by_speaker", "--arg", "since=2026-01-30", "--arg", "top=3"],
            environment: ["WORKBENCH_PATH": dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "top=3 integer since=2026-01-30 brief\n")
    }

    @Test func argumentErrorsAreClear() throws {
        let dir = try scriptFolder()
        let env = ["WORKBENCH_PATH": dir.path]
        let missing = try workbench(["run", "quotes_by_speaker"], environment: env)
        #expect(missing.status == 64)
        #expect(
            missing.stderr.contains(
                "missing argument 'since' for quotes_by_speaker: give it with --arg since=YYYY-MM-DD"))
        let unknown = try workbench(
            ["run", "quotes_by_speaker", "--arg", "since=2026-01-01", "--arg", "topp=3"], environment: env)
        #expect(
            unknown.stderr.contains(
                "unknown argument 'topp' for quotes_by_speaker (did you mean 'top'? it takes: mode, since, top"))
        let typed = try workbench(["run", "quotes_by_speaker", "--arg", "since=yesterday"], environment: env)
        #expect(
            typed.stderr.contains(
                "argument 'since' of quotes_by_speaker must be a date written YYYY-MM-DD, not 'yesterday'"))
        let choice = try workbench(
            ["run", "quotes_by_speaker", "--arg", "since=2026-01-01", "--arg", "mode=loud"], environment: env)
        #expect(choice.stderr.contains("must be one of brief, full, not 'loud'"))
    }

    @Test func argsFile() throws {
        let dir = try scriptFolder()
        try write("{\"since\": \"2026-02-01\", \"top\": 7}", to: "args.json", in: dir)
        try write("# comment\nsince = 2026-03-01\nmode=full\n", to: "args.txt", in: dir)
        let env = ["WORKBENCH_PATH": dir.path]
        let json = try workbench(
            ["run", "quotes_by_speaker", "--args-file", dir.appendingPathComponent("args.json").path], environment: env)
        #expect(json.stdout == "top=7 integer since=2026-02-01 brief\n")
        let lines = try workbench(
            ["run", "quotes_by_speaker", "--args-file", dir.appendingPathComponent("args.txt").path, "--arg", "top=1"],
            environment: env)
        #expect(lines.stdout == "top=1 integer since=2026-03-01 full\n")
    }

    @Test func helpIsGeneratedFromTheHeader() throws {
        let dir = try scriptFolder()
        let r = try workbench(["help", "quotes_by_speaker"], environment: ["WORKBENCH_PATH": dir.path])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("quotes_by_speaker 1.2.0 — Who is quoted, how often."))
        #expect(
            r.stdout.contains(
                "Usage: workbench run quotes_by_speaker [PATHS…] [--arg mode=STRING] --arg since=YYYY-MM-DD [--arg top=INTEGER]"
            ))
        #expect(r.stdout.contains("top    integer   how many speakers to list (default 10)"))
        #expect(try workbench(["help", "run"]).stdout.contains("Run a Lua script over articles"))
    }

    @Test func badHeadersAreRejectedBeforeRunning() throws {
        let dir = try temporaryFolder()
        let s = try write(
            "script = { name = 'x', version = 'one', description = 'd' }\nprint('ran')", to: "x.lua", in: dir)
        let r = try workbench(["run", s.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("script.version must look like \"1.2.0\", not \"one\""))
        #expect(!r.stdout.contains("ran"))
        let code = try write(
            "script = { name = 'y', version = '1.0.0', description = os.execute('id') }\nprint('ran')", to: "y.lua",
            in: dir)
        let c = try workbench(["run", code.path])
        #expect(c.status == 1)
        #expect(c.stderr.contains("the script header is not a plain table"))
    }

    @Test func newerAPIIsRefusedClearly() throws {
        let dir = try temporaryFolder()
        let s = try write(
            "script = { name = 'future', version = '1.0.0', description = 'd', api = '7' }\nprint('ran')", to: "f.lua",
            in: dir)
        let r = try workbench(["run", s.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("future needs workbench API 7; this workbench"))
        #expect(r.stderr.contains("has API 1 (upgrade the workbench)"))
    }

    @Test func searchPathAndListing() throws {
        let dir = try scriptFolder()
        let env = ["WORKBENCH_PATH": dir.path, "XDG_DATA_HOME": try temporaryFolder().path]
        let list = try workbench(["scripts", "list"], environment: env)
        #expect(list.stdout.contains("tally"))
        let row = list.stdout.split(separator: "\n").first { $0.hasPrefix("quotes_by_speaker ") }
        #expect(row?.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first == "1.2.0")
        #expect(list.stdout.contains(dir.path))
        let quotes = try workbench(["scripts", "list", "--category", "quotes"], environment: env)
        #expect(quotes.stdout.contains("quotes_by_speaker"))
        let none = try workbench(["scripts", "list", "--category", "nothing"], environment: env)
        #expect(none.stdout.contains("no scripts in category nothing"))
        let missing = try workbench(["run", "../etc/passwd"], environment: env)
        #expect(missing.status == 64)
    }

    @Test func carriedTestsRun() throws {
        let dir = try scriptFolder()
        let env = ["WORKBENCH_PATH": dir.path]
        let r = try workbench(["test", "quotes_by_speaker"], environment: env)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("PASS  quotes_by_speaker: seed"))
        try write(
            Self.header.replacingOccurrences(
                of: "expect_contains = {\"top=10\"}", with: "expect_contains = {\"top=11\"}"),
            to: "quotes_by_speaker.lua", in: dir)
        let failing = try workbench(["test", "quotes_by_speaker"], environment: env)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("FAIL  quotes_by_speaker: seed"))
        #expect(failing.stdout.contains("expected the output to contain: \"top=11\""))
        #expect(failing.stdout.contains("got:\n    top=10"), "a failure shows what came instead: \(failing.stdout)")
    }

    @Test func carriedTestsCheckTheReportInTheFormatTheyName() throws {
        let dir = try temporaryFolder()
        let script = """
            script = { name = "r", version = "0.1.0", description = "d", api = "1",
              tests = { { name = "md", inputs = { "\(projectRoot.path)/seeds" }, expect_contains = { "# Seen 1" } },
                        { name = "json", inputs = { "\(projectRoot.path)/seeds" }, format = "json", expect_contains = { "\\"title\\" : \\"Seen 1\\"" } } } }
            local report = require("workbench.report")
            local n = 0
            function each(a) n = n + 1 end
            function finish() report.title("Seen " .. n) end
            """
        let s = try write(script, to: "r.lua", in: dir)
        let r = try workbench(["test", s.path])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("2 passed, 0 failed"))
        try write(script.replacingOccurrences(of: "format = \"json\"", with: "format = \"pdf\""), to: "r.lua", in: dir)
        let bad = try workbench(["test", s.path])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("format is 'pdf'; use markdown, html, csv or json"))
    }

    @Test func theShippedScriptsPassTheirOwnTests() throws {
        let r = try workbench(["test"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("PASS  tally: the seed"))
        #expect(r.stdout.contains("PASS  pause_compliance:"))
    }

    @Test func listArgumentsTakeATableDefault() throws {
        let dir = try temporaryFolder()
        let header = """
            script = { name = "l", version = "0.1.0", description = "d", api = "1",
              args = { places = { type = "list", default = { "Kyiv", "Lviv" } } } }
            print(#args.places, args.places[1], args.places[2])
            """
        let s = try write(header, to: "l.lua", in: dir)
        #expect(try workbench(["run", s.path, "seeds"]).stdout == "2\tKyiv\tLviv\n")
        #expect(try workbench(["run", s.path, "seeds", "--arg", "places=Odesa"]).stdout == "1\tOdesa\tnil\n")
        try write(header.replacingOccurrences(of: "type = \"list\"", with: "type = \"string\""), to: "l.lua", in: dir)
        let wrong = try workbench(["run", s.path, "seeds"])
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("default is a table, but only a list argument takes one"))
    }

    @Test func mistypedNamesGetASuggestion() throws {
        let script = try workbench(["run", "taly", "seeds"])
        #expect(script.status == 64)
        #expect(script.stderr.contains("no script 'taly' (did you mean 'tally'?)"))
        let command = try workbench(["rnu", "tally"])
        #expect(command.status == 64)
        #expect(command.stderr.contains("unknown command 'rnu' (did you mean 'run'?)"))
        let far = try workbench(["qqqqqq"])
        #expect(far.status == 64)
        #expect(!far.stderr.contains("did you mean"))
        #expect(Spelling.closest(to: "pause_complaince", in: ["pause_compliance", "tally"]) == "pause_compliance")
        #expect(Spelling.closest(to: "x", in: ["y"]) == nil)
    }

    @Test func deprecatedNamesWarnOnceAndWork() throws {
        let dir = try temporaryFolder()
        let s = try write(
            "print(workbench.help('Quote'):sub(1, 5))\nprint(workbench.help('Figure'):sub(1, 6))", to: "d.lua", in: dir)
        let r = try workbench(["run", s.path])
        #expect(r.stdout == "Quote\nFigure\n")
        #expect(r.stderr.components(separatedBy: "is deprecated").count == 2)
        #expect(r.stderr.contains("d.lua:1: workbench.help is deprecated; use workbench.describe"))
    }
}
