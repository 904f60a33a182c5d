import Foundation
import WorkbenchModel

/// What must hold for any input the parser accepts: used by the fuzz target and its regression tests.
package enum ParserInvariants {
    /// Reads `bytes` as an article file (rejecting what the reader rejects), parses it, writes its
    /// JSON, and returns every broken invariant (empty when all hold).
    package static func check(_ bytes: [UInt8], parser: ArticleParser) -> [String] {
        guard let source = try? ArticleReader.decode(bytes, path: "fuzz.txt") else { return [] }
        return problems(in: parser.parse(source))
    }

    /// Every broken invariant of a parsed article.
    package static func problems(in article: Article) -> [String] {
        var problems: [String] = []
        let scalars = Array(article.text.unicodeScalars)
        let n = scalars.count
        func span(_ what: String, _ start: Int, _ end: Int, _ text: String? = nil) {
            guard 0 <= start, start <= end, end <= n else {
                problems.append("\(what): span \(start)..<\(end) outside the text (\(n) scalars)")
                return
            }
            if let text {
                let slice = String(String.UnicodeScalarView(scalars[start..<end]))
                if slice != text {
                    problems.append(
                        "\(what): text \(text.debugDescription) is not the span's \(slice.debugDescription)")
                }
            }
        }
        func sentence(_ what: String, _ index: Int?) {
            if let index, !article.sentences.indices.contains(index) {
                problems.append("\(what): sentence \(index) does not exist (\(article.sentences.count) sentences)")
            }
        }
        for (i, s) in article.sentences.enumerated() {
            span("sentence \(i)", s.start, s.end, s.text)
            if !article.paragraphs.indices.contains(s.paragraph) {
                problems.append("sentence \(i): paragraph \(s.paragraph) does not exist")
            }
        }
        for (i, p) in article.paragraphs.enumerated() { span("paragraph \(i)", p.start, p.end, p.text) }
        for (i, q) in article.quotes.enumerated() {
            span("quote \(i)", q.start, q.end)
            if let m = q.speakerMention { span("quote \(i) speaker", m.start, m.end, m.text) }
            sentence("quote \(i)", q.sentence)
        }
        for (i, f) in article.figures.enumerated() {
            span("figure \(i)", f.start, f.end, f.text)
            if let v = f.value, !v.isFinite { problems.append("figure \(i): value \(v) is not finite") }
            sentence("figure \(i)", f.sentence)
        }
        for (i, d) in article.dates.enumerated() {
            span("date \(i)", d.start, d.end, d.text)
            if let v = d.value, Day(iso: v) == nil { problems.append("date \(i): value \(v) is not a date") }
            sentence("date \(i)", d.sentence)
        }
        for (i, e) in article.events.enumerated() {
            span("event \(i)", e.start, e.end)
            sentence("event \(i)", e.sentence)
        }
        for (i, c) in article.commitments.enumerated() {
            span("commitment \(i)", c.start, c.end)
            sentence("commitment \(i)", c.sentence)
        }
        for p in article.parties { for m in p.mentions { span("party \(p.name) mention", m.start, m.end, m.text) } }
        // the JSON is valid
        let writer = JSONWriter(pretty: false)
        article.write(to: writer)
        if (try? JSONSerialization.jsonObject(with: Data(writer.bytes))) == nil {
            problems.append("the JSON does not parse")
        }
        return problems
    }
}
