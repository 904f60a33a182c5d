import ArgumentParser
import WorkbenchExport
import WorkbenchScripting

extension Workbench {
    /// `workbench export`: extracted items as a flat table.
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export one kind of extracted item as a flat table: CSV, JSON Lines or an SQLite database.",
            discussion: """
                One row per item, each with the article's id, date, source and url, the paragraph and sentence \
                it was read from (0-based), the whole sentence and the item's span. KIND is events, quotes, \
                figures, dates, parties or commitments; 'all' writes every kind into one SQLite database, beside \
                an articles table the items reference. The columns are in docs/export.md (workbench docs export).
                """
        )

        @Argument(
            help: ArgumentHelp(
                "events, quotes, figures, dates, parties, commitments, or all (SQLite only).", valueName: "kind"))
        var kind: String

        @Argument(help: ArgumentHelp("Article files or folders.", valueName: "path"))
        var paths: [String] = []

        @Option(
            name: .long,
            help: ArgumentHelp(
                "csv (default), jsonl or sqlite; by default the --out file's extension (.csv, .jsonl, .db) picks it.",
                valueName: "format"))
        var format: ExportCommand.Format?

        @Option(
            name: [.customLong("out"), .customShort("o")],
            help: ArgumentHelp("Write here instead of standard output (required for sqlite).", valueName: "file"))
        var out: String?

        @OptionGroup var input: InputOptions

        /// The kinds asked for.
        var kinds: [ExportKind] {
            kind == "all" ? ExportKind.allCases : ExportKind(rawValue: kind).map { [$0] } ?? []
        }

        /// The format asked for or implied by `--out`.
        var chosenFormat: ExportCommand.Format {
            format ?? out.flatMap(ExportCommand.Format.init(fileName:)) ?? (kind == "all" ? .sqlite : .csv)
        }

        func validate() throws {
            let names = ExportKind.allCases.map(\.rawValue) + ["all"]
            if kinds.isEmpty {
                let near = Spelling.closest(to: kind, in: names).map { " (did you mean '\($0)'?)" } ?? ""
                throw ValidationError("no kind '\(kind)'\(near); export \(names.joined(separator: ", "))")
            }
            if paths.isEmpty { throw ValidationError("give at least one article file or folder to export from") }
            if chosenFormat == .sqlite && out == nil {
                throw ValidationError("--format sqlite needs --out FILE (a database is not written to standard output)")
            }
            if chosenFormat != .sqlite && kinds.count > 1 {
                throw ValidationError(
                    "export all needs --format sqlite (one table per kind); for CSV or JSON Lines name one kind")
            }
        }

        func run() throws {
            let status = try ExportCommand.run(
                corpus: try input.corpus(paths), kinds: kinds, format: chosenFormat, out: out)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

extension ExportCommand.Format: ExpressibleByArgument {}
