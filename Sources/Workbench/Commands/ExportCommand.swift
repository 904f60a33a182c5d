import Foundation
import WorkbenchExport
import WorkbenchExtraction
import WorkbenchModel
import WorkbenchScripting

/// `workbench export`: one kind of extracted item as a flat table (CSV, JSON Lines or SQLite).
package enum ExportCommand {
    /// Output formats.
    package enum Format: String, CaseIterable, Sendable {
        case csv, jsonl, sqlite

        /// The format a file name implies (`x.csv`, `x.jsonl`, `x.db`/`x.sqlite`), if any.
        package init?(fileName: String) {
            switch (fileName as NSString).pathExtension.lowercased() {
            case "csv": self = .csv
            case "jsonl", "ndjson": self = .jsonl
            case "db", "sqlite", "sqlite3": self = .sqlite
            default: return nil
            }
        }
    }

    /// Exports `kinds` from `corpus`; unreadable inputs are named on standard error.
    /// - Parameters:
    ///   - kinds: one kind for CSV and JSON Lines; any number for SQLite (one table each).
    ///   - out: the file to write; nil writes CSV or JSON Lines to standard output.
    /// - Returns: the exit status (2 when some inputs failed).
    /// - Throws: `WorkbenchError` when the output cannot be written or the request is not possible.
    package static func run(corpus: Corpus, kinds: [ExportKind], format: Format, out: String?) throws -> Int32 {
        var failed = 0
        var articles = 0
        func each(_ add: (Article) throws -> Void) throws {
            var failure: Error?
            corpus.forEach { entry in
                switch entry {
                case .failure(let path, let reason):
                    failed += 1
                    StandardStreams.error("workbench: \(path): \(reason)")
                case .article(let a):
                    articles += 1
                    do { try add(a) } catch {
                        failure = error
                        return false
                    }
                }
                return true
            }
            if let failure { throw failure }
        }
        switch format {
        case .sqlite:
            guard let out else {
                throw WorkbenchError.usage(
                    "--format sqlite needs --out FILE (a database is not written to standard output)")
            }
            try SQLiteExport(path: out, tables: kinds.map(\.table)).write(each)
        case .csv, .jsonl:
            guard kinds.count == 1, let table = kinds.first?.table else {
                throw WorkbenchError.usage(
                    "export 'all' needs --format sqlite (one table per kind); for CSV or JSON Lines name one kind")
            }
            let output = try ExportOutput(path: out)
            do {
                if format == .csv {
                    let sink = CSVSink(output: output, table: table)
                    try sink.begin()
                    try each { try sink.add(table.rows(of: $0)) }
                } else {
                    let sink = JSONLinesSink(output: output, table: table)
                    try each { try sink.add(table.rows(of: $0)) }
                }
                if try !output.finish() { return ExitStatus.failure }
            } catch {
                output.discard()
                throw error
            }
        }
        if failed > 0 {
            StandardStreams.error(
                "workbench: \(failed) of \(corpus.count) inputs could not be read; the other \(articles) were exported")
            return ExitStatus.someInputsFailed
        }
        return ExitStatus.success
    }
}
