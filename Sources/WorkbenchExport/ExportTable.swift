import WorkbenchExtraction
import WorkbenchModel

/// One cell of an exported row.
package enum ExportValue: Sendable, Equatable {
    case text(String)
    case integer(Int)
    case real(Double)
    case boolean(Bool)
    case null

    init(_ s: String?) { self = s.map(ExportValue.text) ?? .null }
    /// A closed-vocabulary value (a kind, grain or status) as its raw string.
    init<E: RawRepresentable>(_ e: E?) where E.RawValue == String { self.init(e?.rawValue) }
    /// A closed-vocabulary value as text.
    static func text<E: RawRepresentable>(_ e: E) -> ExportValue where E.RawValue == String { .text(e.rawValue) }
    init(_ n: Int?) { self = n.map(ExportValue.integer) ?? .null }
    init(_ d: Double?) {
        guard let d else {
            self = .null
            return
        }
        // whole values stay integers, so 450 drones is 450 in CSV and an INTEGER-like REAL in SQLite
        self = d.rounded() == d && abs(d) < 1e15 ? .integer(Int(d)) : .real(d)
    }
    init(_ list: [String]) { self = list.isEmpty ? .null : .text(list.joined(separator: "; ")) }
}

/// A column's type, as SQLite declares it.
package enum ExportColumnType: String, Sendable {
    case text = "TEXT"
    case integer = "INTEGER"
    case real = "REAL"
    case boolean = "BOOLEAN"
}

/// A column of an export: its name, type and meaning, and how to read it from an item.
package struct ExportColumn<Item>: Sendable {
    package let name: String
    package let type: ExportColumnType
    package let doc: String
    let value: @Sendable (Item) -> ExportValue

    init(_ name: String, _ type: ExportColumnType, _ doc: String, _ value: @escaping @Sendable (Item) -> ExportValue) {
        self.name = name
        self.type = type
        self.doc = doc
        self.value = value
    }
}

/// Where an item sits in its article: the sentence holding it (nil when it has none) and its span.
struct ExportSpan: Sendable {
    var sentence: Int?
    var start: Int
    var end: Int
}

/// The columns every exported row begins with: the article and the evidence.
let evidenceColumns: [(name: String, type: ExportColumnType, doc: String)] = [
    (
        "article_id", .text,
        "The article's id (its file name without extension; below the folder given for nested folders)."
    ),
    ("article_date", .text, "The article's date (ISO), which relative dates were resolved against."),
    ("article_source", .text, "The article's publisher or agency."),
    ("article_url", .text, "The article's URL, when its front matter gives one."),
    ("paragraph", .integer, "The paragraph holding the evidence (0-based, as in `workbench parse`)."),
    ("sentence", .integer, "The sentence holding the evidence (0-based)."),
    ("sentence_text", .text, "The whole evidence sentence."),
    ("start", .integer, "Offset of the item (or its sentence) in the article text, in Unicode scalars."),
    ("end", .integer, "Offset after it (end exclusive)."),
]

/// One kind of item as a flat table: its columns and its rows in an article.
package struct ExportTable: Sendable {
    /// The table's name (`events`).
    package let name: String
    /// One sentence on what a row is.
    package let summary: String
    /// Columns after the evidence columns.
    package let columns: [(name: String, type: ExportColumnType, doc: String)]
    private let rowsOf: @Sendable (Article) -> [(ExportSpan, [ExportValue])]

    init<Item>(
        _ name: String, _ summary: String, columns: [ExportColumn<Item>],
        items: @escaping @Sendable (Article) -> [Item], span: @escaping @Sendable (Item, Article) -> ExportSpan
    ) {
        self.name = name
        self.summary = summary
        self.columns = columns.map { ($0.name, $0.type, $0.doc) }
        rowsOf = { article in items(article).map { item in (span(item, article), columns.map { $0.value(item) }) } }
    }

    /// Every column, evidence first.
    package var allColumns: [(name: String, type: ExportColumnType, doc: String)] { evidenceColumns + columns }

    /// The article's items as rows of `allColumns`.
    package func rows(of article: Article) -> [[ExportValue]] {
        rowsOf(article).map { span, values in
            let sentence = span.sentence.flatMap {
                article.sentences.indices.contains($0) ? article.sentences[$0] : nil
            }
            return [
                .text(article.id), ExportValue(article.date), ExportValue(article.source), ExportValue(article.url),
                ExportValue(sentence?.paragraph), ExportValue(span.sentence), ExportValue(sentence?.text),
                .integer(span.start), .integer(span.end),
            ] + values
        }
    }
}

extension Article {
    /// The sentence holding offset `offset` (binary search over the sentences), or nil.
    func sentenceIndex(at offset: Int) -> Int? {
        var lo = 0
        var hi = sentences.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if sentences[mid].end <= offset { lo = mid + 1 } else { hi = mid }
        }
        return lo < sentences.count && sentences[lo].start <= offset ? lo : nil
    }
}
