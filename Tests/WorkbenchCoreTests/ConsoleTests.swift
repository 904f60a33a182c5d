import Testing

@testable import WorkbenchConsole
@testable import WorkbenchExtraction
@testable import WorkbenchModel
@testable import WorkbenchScripting

/// A console session on a given article, with its output captured.
private final class Harness {
    var out = ""
    var err = ""
    let session: ConsoleSession

    init(article: String = "Headline\n“We are ready,” Zelensky said. Russia launched 111 attack drones.") throws {
        let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: Day(2026, 1, 30))
        let runtime = try ScriptRuntime(parser: parser, corpus: nil, modulePath: [])
        let a = try parser.parse(text: article, path: "a.txt")
        runtime.push(article: a)
        runtime.lua.newTable()
        runtime.lua.pushValue(at: -2)
        runtime.lua.setIndex(1, in: -2)
        runtime.lua.setMetatable(named: "workbench.List")
        // typed lines run in the console's environment, so the articles go there
        try runtime.setConsoleValue("articles", from: -1)
        runtime.lua.pop(2)
        var o = ""
        var e = ""
        session = ConsoleSession(runtime: runtime, output: { o += $0 }, errors: { e += $0 + "\n" })
        session.output = { [unowned self] in self.out += $0 }
        session.errors = { [unowned self] in self.err += $0 + "\n" }
        _ = (o, e)
    }

    /// Feeds lines; returns what they printed.
    func feed(_ lines: String...) -> String {
        out = ""
        for l in lines { session.handle(l) }
        return out
    }
}

@Suite struct ConsoleTests {
    @Test func expressionsPrintTheirValues() throws {
        let h = try Harness()
        #expect(h.feed("1 + 1") == "2\n")
        #expect(h.feed("=2 * 3") == "6\n")
        #expect(h.feed("'x', 4") == "\"x\"\t4\n")
        #expect(h.feed("x = 5") == "")
        #expect(h.feed("x") == "5\n")
    }

    @Test func unfinishedChunksContinue() throws {
        let h = try Harness()
        h.session.handle("function sq(x)")
        #expect(h.session.prompt == ">> ")
        h.session.handle("  return x * x")
        h.session.handle("end")
        #expect(h.session.prompt == "> ")
        #expect(h.feed("sq(9)") == "81\n")
        // an expression split over lines
        h.session.handle("1 +")
        #expect(h.session.isContinuing)
        #expect(h.feed("2") == "3\n")
    }

    @Test func errorsAreShownAndTheSessionGoesOn() throws {
        let h = try Harness()
        _ = h.feed("error('boom')")
        #expect(h.err.contains("stdin:1: boom"))
        #expect(h.err.contains("stack traceback:"))
        _ = h.feed("local = 1")
        #expect(h.err.contains("stdin:1:"))
        #expect(h.feed("'still here'") == "\"still here\"\n")
    }

    @Test func resultsAreKept() throws {
        let h = try Harness()
        _ = h.feed("10")
        _ = h.feed("20")
        #expect(h.feed("_") == "20\n")
        #expect(h.feed("_1 + _2") == "30\n")
    }

    @Test func modelObjectsPrintReadably() throws {
        let h = try Harness()
        #expect(h.feed("articles[1].quotes[1]") == "Volodymyr Zelensky: “We are ready”\n")
        let list = h.feed("articles[1].quotes")
        #expect(list.hasPrefix("List of 1 Quote\n  [1] Volodymyr Zelensky: “We are ready”"))
        let table = h.feed("{b = 2, a = {1, 2}}")
        #expect(table == "{\n  a = {\n    1,\n    2,\n  },\n  b = 2,\n}\n")
    }

    @Test func cyclesAndDepthAreMarked() throws {
        let h = try Harness()
        _ = h.feed("t = {name = 'x'}; t.self = t")
        #expect(h.feed("t").contains("self = <cycle>"))
        #expect(h.feed("{a = {b = {c = {d = 1}}}}").contains("{...}"))
    }

    @Test func helpDescribesModelTypes() throws {
        let h = try Harness()
        let text = h.feed("help(articles[1].quotes[1])")
        #expect(text.hasPrefix("Quote — "))
        #expect(text.contains("speaker_mention"))
        #expect(h.feed(":help").contains(":load PATH"))
    }

    @Test func completion() throws {
        let h = try Harness()
        #expect(h.session.completions(for: "articles[1].qu") == ["articles[1].quotes"])
        #expect(
            h.session.completions(for: "articles[1].quotes[1].spe") == [
                "articles[1].quotes[1].speaker", "articles[1].quotes[1].speaker_mention",
            ])
        #expect(h.session.completions(for: "workb") == ["workbench"])
        #expect(h.session.completions(for: "articles[1].quotes:fil") == ["articles[1].quotes:filter"])
        #expect(h.session.completions(for: "os.exit(1).x").isEmpty)  // not a plain path: never evaluated
        #expect(h.session.completions(for: "whi").contains("while"))
    }

    @Test func unknownCommandsAreExplained() throws {
        let h = try Harness()
        _ = h.feed(":frobnicate")
        #expect(h.err.contains("unknown command :frobnicate"))
        #expect(h.session.handle(":quit") == false)
    }
}
