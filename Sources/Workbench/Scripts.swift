import ArgumentParser
import WorkbenchCore

extension Workbench {
    /// `workbench scripts`: find, pack and install shared scripts.
    struct Scripts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find, pack and install scripts shared with teammates.",
            discussion: "Scripts are found in Scripts/, then the user's library ($XDG_DATA_HOME/workbench/scripts), then folders on WORKBENCH_PATH.",
            subcommands: [List.self]
        )

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the scripts on the search path.")

            @Option(name: .long, help: "Only scripts in this category.")
            var category: String?

            func run() throws {
                let status = ScriptsCommand.list(category: category)
                if status != 0 { throw ExitCode(status) }
            }
        }
    }
}
