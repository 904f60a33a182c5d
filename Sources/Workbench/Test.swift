import ArgumentParser
import WorkbenchScripting

extension Workbench {
    /// `workbench test`: run the checks scripts carry.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run the tests scripts carry in their headers (all scripts on the search path by default)."
        )

        @OptionGroup var input: InputOptions

        @Argument(help: ArgumentHelp("Scripts (paths or names).", valueName: "script"))
        var scripts: [String] = []

        func run() throws {
            let status = TestCommand.run(names: scripts, parser: try input.parser())
            if status != 0 { throw ExitCode(status) }
        }
    }
}
