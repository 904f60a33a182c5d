import ArgumentParser
import WorkbenchCore

extension Workbench {
    /// `workbench console`: an interactive Lua session with the articles loaded.
    struct Console: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explore articles in an interactive Lua console (default: the seeds/ folder).",
            discussion: """
            Type Lua: an expression prints its value. `articles` holds the articles; :help lists the \
            console commands. History is kept in $XDG_STATE_HOME/workbench/history (or --history).
            """
        )

        @OptionGroup var input: InputOptions

        @Option(name: .long, help: ArgumentHelp("History file ('' for none).", valueName: "path"))
        var history: String?

        @Argument(help: ArgumentHelp("Article files or folders.", valueName: "path"))
        var paths: [String] = []

        func run() throws {
            let status = try ConsoleCommand.run(paths: paths, parser: input.parser(), history: history,
                                                maxBytes: input.maxFileSize << 20, serial: input.serial)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
