import Foundation
import GRDB
import WorkbenchModel

/// Writes an SQLite database: an `articles` table and one table per kind whose `article` column
/// references it, so `sqlite3` and `pandas.read_sql` can join items to their articles.
///
/// The database is built beside its final name and moved into place when complete.
package struct SQLiteExport {
    /// The columns of `articles` after its `key`.
    static let articleColumns: [(name: String, doc: String, value: @Sendable (Article) -> String?)] = [
        ("id", "The article's id (as in every item table's `article_id`).", { $0.id }),
        ("path", "The file as given or found in a folder.", { $0.path }),
        ("title", "The headline.", { $0.title }),
        ("date", "The reference date (ISO).", { $0.date }),
        ("date_source", "Where the date came from.", { $0.dateSource }),
        ("source", "The publisher or agency.", { $0.source }),
        ("url", "The article's URL.", { $0.url }),
        ("byline", "The author line.", { $0.byline }),
    ]

    let path: String
    let tables: [ExportTable]

    /// An export of `tables` into the database at `path`.
    package init(path: String, tables: [ExportTable]) {
        self.path = path
        self.tables = tables
    }

    /// Creates the database and calls `body` with a function that adds one article and its items.
    /// - Throws: `WorkbenchError.message` when the database cannot be written.
    package func write(_ body: (_ add: (Article) throws -> Void) throws -> Void) throws {
        let partial = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? FileManager.default.removeItem(atPath: partial)
        do {
            let queue = try DatabaseQueue(path: partial)
            try queue.inDatabase { db in
                try createSchema(db)
                try db.execute(sql: "BEGIN")
                let insertArticle = try db.makeStatement(
                    sql: "INSERT INTO articles VALUES (?\(String(repeating: ", ?", count: Self.articleColumns.count)))")
                let inserts = try tables.map { t in
                    try db.makeStatement(
                        sql: "INSERT INTO \(t.name) VALUES (?\(String(repeating: ", ?", count: t.allColumns.count)))")
                }
                var key = 0
                try body { article in
                    key += 1
                    var values: [(any DatabaseValueConvertible)?] = [key]
                    for c in Self.articleColumns { values.append(c.value(article)) }
                    try insertArticle.execute(arguments: StatementArguments(values))
                    for (t, insert) in zip(tables, inserts) {
                        for row in t.rows(of: article) {
                            values = [key]
                            for v in row { values.append(v.databaseValue) }
                            try insert.execute(arguments: StatementArguments(values))
                        }
                    }
                }
                try db.execute(sql: "COMMIT")
            }
            try queue.close()
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: partial, toPath: path)
        } catch let e as DatabaseError {
            try? FileManager.default.removeItem(atPath: partial)
            throw WorkbenchError.message("cannot write \(path): \(e.message ?? e.description)")
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }

    /// `articles` and one table per kind, each row pointing at its article, with an index on that column.
    private func createSchema(_ db: Database) throws {
        let articleColumns = Self.articleColumns.map { "\"\($0.name)\" TEXT" }.joined(separator: ", ")
        try db.execute(sql: "CREATE TABLE articles (\"key\" INTEGER PRIMARY KEY, \(articleColumns))")
        for t in tables {
            let columns = t.allColumns.map { "\"\($0.name)\" \($0.type.rawValue)" }.joined(separator: ", ")
            try db.execute(
                sql: "CREATE TABLE \(t.name) (\"article\" INTEGER NOT NULL REFERENCES articles(\"key\"), \(columns))")
            try db.execute(sql: "CREATE INDEX \(t.name)_article ON \(t.name)(\"article\")")
        }
    }
}

extension ExportValue {
    /// The value as SQLite stores it (booleans as 0 and 1).
    var databaseValue: DatabaseValueConvertible? {
        switch self {
        case .text(let s): return s
        case .integer(let n): return n
        case .real(let d): return d
        case .boolean(let b): return b
        case .null: return nil
        }
    }
}
