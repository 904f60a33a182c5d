import Foundation
import WorkbenchModel

/// Turns article text into the model: structure, parties, dates, figures, quotes, events, commitments.
package struct ArticleParser: Sendable {
    package let lexicon: Lexicon
    /// The reference date used when the file gives none (`--date`).
    package var defaultDate: Day?

    package init(lexicon: Lexicon, defaultDate: Day? = nil) {
        self.lexicon = lexicon
        self.defaultDate = defaultDate
    }

    /// Reads and parses a file.
    /// - Throws: `WorkbenchError.badInput` when the file is not a usable article.
    package func parse(path: String, maxBytes: Int = ArticleReader.defaultMaxBytes) throws -> Article {
        try parse(ArticleReader.read(path: path, maxBytes: maxBytes))
    }

    /// Whether `WORKBENCH_DEBUG_TOKENS` asks for a token dump on standard error (a development aid).
    private static let debugTokens = ProcessInfo.processInfo.environment["WORKBENCH_DEBUG_TOKENS"] != nil

    /// Parses text given directly (from Lua, tests or standard input).
    package func parse(text: String, path: String = "(text)") throws -> Article {
        try parse(ArticleReader.decode(Array(text.utf8), path: path))
    }

    /// Parses a checked source text.
    package func parse(_ source: SourceText) -> Article {
        let buf = TextBuffer(source.text)
        let doc = Document(buf: buf, lexicon: lexicon)
        let header = doc.readStructure(bodyStart: source.bodyStart)

        var article = Article(path: source.path, id: Self.id(for: source.path), text: source.text)
        article.title = source.frontMatter["title"] ?? header.title
        article.byline = source.frontMatter["author"] ?? source.frontMatter["byline"] ?? header.byline
        article.source = source.frontMatter["source"] ?? header.source
        article.url = source.frontMatter["url"]

        // The reference date: front matter, then --date, then a date written in the article, then the file name.
        if let d = source.frontMatter["date"].flatMap(Day.init(iso:)) {
            doc.referenceDate = d
            article.dateSource = source.frontMatter["date_source"] ?? "front_matter"
        } else if let d = defaultDate {
            doc.referenceDate = d
            article.dateSource = "option"
        } else if let d = doc.writtenDate() {
            doc.referenceDate = d
            article.dateSource = "text"
        } else if let d = Self.dateInFileName(source.path) {
            doc.referenceDate = d
            article.dateSource = "file_name"
        }
        article.date = doc.referenceDate?.iso
        if article.dateSource == "front_matter", let stamp = source.frontMatter["date"], Self.isInstant(stamp) {
            article.published = stamp
        }

        doc.extractParties()
        doc.extractDates()
        doc.extractFigures()
        doc.extractQuotes()
        let context = doc.passContext()
        doc.events = EventPass(context).run()
        doc.commitments = CommitmentPass(context).run()
        if Self.debugTokens { doc.dumpTokens() }

        article.paragraphs = doc.paragraphs.map {
            Paragraph(text: doc.text($0.start, $0.end), start: $0.start, end: $0.end, kind: $0.kind)
        }
        article.sentences = doc.sentences.map {
            Sentence(text: doc.text($0.start, $0.end), start: $0.start, end: $0.end, paragraph: $0.paragraph)
        }
        article.lede = article.paragraphs.first(where: { $0.kind == .body })?.text
        article.quotes = doc.quotes
        article.terms = doc.terms
        article.figures = doc.figures
        article.dates = doc.dates
        article.parties = doc.partyTable.map { p in
            Party(
                name: p.name, kind: p.kind, role: p.role, affiliation: p.affiliation,
                aliases: p.aliases.filter { $0 != p.name }, mentions: p.mentions)
        }
        article.events = doc.events
        article.commitments = doc.commitments
        article.warnings = doc.warnings
        return article
    }

    /// The article id: the file name without its extension.
    package static func id(for path: String) -> String {
        let name = (path as NSString).lastPathComponent
        return name.hasSuffix(".txt") ? String(name.dropLast(4)) : name
    }

    /// Whether a front-matter date is an instant: `YYYY-MM-DDTHH:MM[:SS]` then `Z` or an offset `±HH:MM`.
    static func isInstant(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        guard s.count >= 17, Day(iso: text) != nil, s[10] == "T" || s[10] == " " else { return false }
        func digits(_ r: Range<Int>) -> Bool { r.allSatisfy { $0 < s.count && ("0"..."9").contains(s[$0]) } }
        guard digits(11..<13), s[13] == ":", digits(14..<16) else { return false }
        var i = 16
        if i < s.count, s[i] == ":" {
            guard digits(17..<19) else { return false }
            i = 19
        }
        if i < s.count, s[i] == "." {
            i += 1
            while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
        }
        if i == s.count - 1 { return s[i] == "Z" }
        return i == s.count - 6 && (s[i] == "+" || s[i] == "-") && digits(i + 1..<i + 3) && s[i + 3] == ":"
            && digits(i + 4..<i + 6)
    }

    /// A `YYYY-MM-DD` in a file name (e.g. `breitbart_2016-09-12_….txt`).
    private static func dateInFileName(_ path: String) -> Day? {
        let name = Array((path as NSString).lastPathComponent.unicodeScalars)
        guard name.count >= 10 else { return nil }
        for i in 0...(name.count - 10) {
            let s = String(String.UnicodeScalarView(name[i..<(i + 10)]))
            if s.unicodeScalars.enumerated().allSatisfy({
                ($0.offset == 4 || $0.offset == 7) ? $0.element == "-" : $0.element.isDigit
            }),
                let d = Day(iso: s), d.year >= 1900, d.year <= 2100
            {
                return d
            }
        }
        return nil
    }
}
