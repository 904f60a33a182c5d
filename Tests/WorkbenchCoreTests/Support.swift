import Foundation
@testable import WorkbenchCore

/// Parses a short text written for a test (headline first), with a fixed reference date.
func parse(_ text: String, date: Day? = Day(2026, 1, 30)) throws -> Article {
    let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: date)
    return try parser.parse(text: text, path: "test.txt")
}

/// Parses a one-paragraph body under a dummy headline.
func parseBody(_ body: String, date: Day? = Day(2026, 1, 30)) throws -> Article {
    try parse("Headline\n" + body, date: date)
}

extension Article {
    /// The scalar slice [start, end) of the article text.
    func slice(_ start: Int, _ end: Int) -> String {
        let s = Array(text.unicodeScalars)
        return String(String.UnicodeScalarView(s[start..<end]))
    }
}

/// The project folder (two levels above this file).
let projectRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
