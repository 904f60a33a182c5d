import ArgumentParser
import WorkbenchCore

extension Workbench {
    /// `workbench run`: run a Lua script over articles.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a Lua script over articles (default: seeds/)."
        )

        @OptionGroup var input: InputOptions

        @Argument(help: ArgumentHelp("The script (a path, or a name found on the script search path).", valueName: "script"))
        var script: String

        @Argument(help: ArgumentHelp("Article files or folders; arguments after -- go to the script.", valueName: "path"))
        var paths: [String] = []

        func run() throws {
            throw ExitCode(1)
        }
    }
}
