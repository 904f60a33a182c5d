import ArgumentParser
import WorkbenchScripting

extension Workbench {
    /// `workbench parse`: print the model.
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Print the model of each article as JSON (an array) or JSON Lines (one object per line).",
            discussion:
                "Folders are walked for *.txt files in sorted order. Unreadable files are named on standard error and the rest are still printed (exit status 2)."
        )

        @Option(name: .long, help: "json or jsonl.")
        var format: ParseCommand.Format = .jsonl

        @Flag(
            name: .long,
            help:
                "List every article's warnings on standard error (by default a corpus's are summed up in one line; they are in the JSON either way)."
        )
        var warnings = false

        @OptionGroup var input: InputOptions

        @Argument(help: ArgumentHelp("Article files or folders.", valueName: "path"))
        var paths: [String]

        func validate() throws {
            if paths.isEmpty { throw ValidationError("give at least one article file or folder") }
        }

        func run() throws {
            let status = ParseCommand.run(corpus: try input.corpus(paths), format: format, listWarnings: warnings)
            if status != 0 { throw ExitCode(status) }
        }
    }
}

extension ParseCommand.Format: ExpressibleByArgument {}
