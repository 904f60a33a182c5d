/// One article and everything extracted from it: the model scripts and `parse` work on.
///
/// Offsets (`start`, `end`) everywhere are Unicode scalar offsets into `text`, end exclusive;
/// `text` is the file's contents decoded as UTF-8, without a leading byte-order mark and with
/// CRLF/CR line ends turned into LF (what Python's `open(path, encoding="utf-8-sig").read()` gives).
package struct Article: Sendable {
    /// The path as given on the command line (or found in a folder).
    package var path: String
    /// The file name without extension.
    package var id: String
    package var title: String?
    package var lede: String?
    package var byline: String?
    package var source: String?
    /// The article's date (ISO `YYYY-MM-DD`) from front matter, the text, or `--date`.
    package var date: String?
    /// Where `date` came from: front_matter, text, option.
    package var dateSource: String?
    /// The publication instant when the front matter's date carries a time and offset (ISO 8601).
    package var published: String?
    package var url: String?
    package var paragraphs: [Paragraph]
    package var sentences: [Sentence]
    package var quotes: [Quote]
    /// Quoted titles, nicknames and scare quotes (no speaker).
    package var terms: [QuotedTerm]
    package var figures: [Figure]
    package var dates: [DateMention]
    package var parties: [Party]
    package var events: [StrikeEvent]
    package var commitments: [Commitment]
    /// Problems found while reading (unbalanced quotation marks, …), each with a position.
    package var warnings: [Warning]
    /// The decoded text all offsets refer to.
    package var text: String

    package init(path: String, id: String, text: String) {
        self.path = path
        self.id = id
        self.text = text
        paragraphs = []
        sentences = []
        quotes = []
        terms = []
        figures = []
        dates = []
        parties = []
        events = []
        commitments = []
        warnings = []
    }
}

/// A paragraph of the article body (headline, byline and source lines are kept with their kind).
package struct Paragraph: Sendable {
    package var text: String
    package var start: Int
    package var end: Int
    /// headline, body, byline, source.
    package var kind: Kind

    /// Makes a value from all its fields.
    package init(text: String, start: Int, end: Int, kind: Kind) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// A sentence of the headline or body.
package struct Sentence: Sendable {
    package var text: String
    package var start: Int
    package var end: Int
    /// Index into `paragraphs`.
    package var paragraph: Int

    /// Makes a value from all its fields.
    package init(text: String, start: Int, end: Int, paragraph: Int) {
        self.text = text
        self.start = start
        self.end = end
        self.paragraph = paragraph
    }
}

/// A text span: what was written and where.
package struct Mention: Sendable, Hashable {
    package var text: String
    package var start: Int
    package var end: Int

    /// Makes a value from all its fields.
    package init(text: String, start: Int, end: Int) {
        self.text = text
        self.start = start
        self.end = end
    }
}

/// Something noticed while reading the file that a user should know about.
package struct Warning: Sendable {
    package var message: String
    package var start: Int
    package var line: Int
    package var column: Int

    /// Makes a value from all its fields.
    package init(message: String, start: Int, line: Int, column: Int) {
        self.message = message
        self.start = start
        self.line = line
        self.column = column
    }
}
