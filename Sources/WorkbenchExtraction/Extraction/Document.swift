import Foundation
import WorkbenchModel

/// The working state of one article while it is analysed: text, tokens, paragraphs, sentences.
///
/// Extractors read it and add their findings; `ArticleParser` turns it into an `Article` at the end.
final class Document {
    let buf: TextBuffer
    let lexicon: Lexicon
    /// Tokens of the headline and body paragraphs, in text order.
    var tokens: [Token] = []
    var paragraphs: [ParagraphInfo] = []
    var sentences: [SentenceInfo] = []
    /// For each token, the sentence it belongs to.
    var sentenceOfToken: [Int] = []
    var warnings: [Warning] = []
    /// The reference date for resolving relative dates.
    var referenceDate: Day?
    /// Parties found so far, and their mentions (see Document+Parties).
    var partyTable: [PartyRecord] = []
    var entities: [EntityMention] = []
    /// For each token, the index of the entity mention covering it, if any.
    var entityAt: [Int?] = []

    /// The entity mention covering token `k`, if any.
    func entity(at k: Int) -> EntityMention? { entityAt[k].map { entities[$0] } }
    /// Quotes, figures and dates found so far.
    var quotes: [Quote] = []
    var terms: [QuotedTerm] = []
    var figures: [Figure] = []
    var dates: [DateMention] = []
    var events: [StrikeEvent] = []
    var commitments: [Commitment] = []
    /// For each token, whether a date expression uses it (figures skip those).
    var dateToken: [Bool] = []
    /// For each token, whether it is a quotation mark that opens or closes a quote (apostrophes are not).
    var isMark: [Bool] = []
    /// For each token, whether it is inside quotation marks.
    var inQuote: [Bool] = []
    /// Attribution speech events (cue + speaker), used for quotes and pronoun salience.
    var speechEvents: [SpeechEvent] = []
    /// Indices into `speechEvents` in text order of their cues (events are recorded out of order).
    var speechInTextOrder: [Int] = []
    /// Token positions of "according to", found once for every sentence that asks.
    var accordingToAt: [Int]?

    struct ParagraphInfo {
        var start: Int
        var end: Int
        var kind: Paragraph.Kind
        /// Token range (only headline and body paragraphs are tokenized).
        var tokens: Range<Int>
    }

    struct SentenceInfo {
        var start: Int
        var end: Int
        var paragraph: Int
        var tokens: Range<Int>
    }

    init(buf: TextBuffer, lexicon: Lexicon) {
        self.buf = buf
        self.lexicon = lexicon
    }

    /// The text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String { buf.slice(start, end) }

    /// The text covered by tokens `range` (from the first token's start to the last one's end).
    func text(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return buf.slice(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    /// A mention for tokens `range`.
    func mention(tokens range: Range<Int>) -> Mention {
        Mention(text: text(tokens: range), start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end)
    }

    /// The sentence holding scalar offset `offset` (binary search).
    func sentence(atOffset offset: Int) -> Int {
        var lo = 0
        var hi = sentences.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if sentences[mid].start <= offset { lo = mid } else { hi = mid - 1 }
        }
        return max(0, lo)
    }

    /// Line and column (1-based) of a scalar offset, for warnings.
    func lineColumn(_ offset: Int) -> (Int, Int) {
        var line = 1
        var col = 1
        for i in 0..<min(offset, buf.count) {
            if buf.scalars[i] == "\n" {
                line += 1
                col = 1
            } else {
                col += 1
            }
        }
        return (line, col)
    }

    /// Writes one line per token to standard error: text, kind, and whether it is a date, a mark or inside an entity.
    func dumpTokens() {
        var out = ""
        for (k, t) in tokens.enumerated() {
            let entity = self.entity(at: k).map { partyTable[$0.party].name } ?? ""
            out +=
                "\(k)\t\(t.text)\t\(t.kind)\(dateToken[k] ? "\tdate" : "")\(isMark[k] ? "\tmark" : "")\(inQuote.isEmpty || !inQuote[k] ? "" : "\tquoted")\t\(entity)\n"
        }
        FileHandle.standardError.write(Data(out.utf8))
    }

    /// Records a warning at `offset`.
    func warn(_ message: String, at offset: Int) {
        let (l, c) = lineColumn(offset)
        warnings.append(Warning(message: message, start: offset, line: l, column: c))
    }
}
