import Foundation

@testable import WorkbenchExtraction
@testable import WorkbenchModel
@testable import WorkbenchScripting

/// Parses a short text written for a test (headline first), with a fixed reference date.
func parse(_ text: String, date: Day? = Day(2026, 1, 30)) throws -> Article {
    let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: date)
    return try parser.parse(text: text, path: "test.txt")
}

/// Parses a one-paragraph body under a dummy headline.
func parseBody(_ body: String, date: Day? = Day(2026, 1, 30)) throws -> Article {
    try parse("Headline\n" + body, date: date)
}

/// Runs Lua that builds a report through `workbench.report` (bound to `report`) and returns the document.
func buildReport(_ code: String) throws -> ReportDocument? {
    let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: Day(2026, 1, 30))
    let runtime = try ScriptRuntime(parser: parser, corpus: nil, modulePath: [])
    try runtime.state.run("local report = require('workbench.report')\n" + code)
    return runtime.collectedReport()
}

extension Article {
    /// The scalar slice [start, end) of the article text.
    func slice(_ start: Int, _ end: Int) -> String {
        let s = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(s[start..<end]))
    }
}

/// The project folder (two levels above this file).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
