import ArgumentParser
import WorkbenchExtraction
import WorkbenchScripting

extension Workbench {
    /// `workbench merge`: add up sharded runs.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Add up the slices of a sharded run and write the script's report.",
            discussion: """
                Run a script on N machines or jobs with `workbench run SCRIPT --shard K/N --out part-K.json CORPUS`; \
                each saves the script's named tallies (workbench.tally("name")). `workbench merge part-*.json` adds \
                them up and calls the script's finish() once, so the report is the one a single run would write.
                """
        )

        @OptionGroup var report: ReportOutputOptions

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Finish with this script instead of the one recorded in the shards.", valueName: "script"))
        var script: String?

        @Flag(name: .long, help: "Run the script without the sandbox.")
        var trusted = false

        @Argument(help: ArgumentHelp("The shard files.", valueName: "part.json"))
        var parts: [String]

        func validate() throws {
            if parts.isEmpty {
                throw ValidationError(
                    "give the shard files to merge (written by `workbench run --shard K/N --out FILE.json`)")
            }
        }

        func run() throws {
            let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: nil)
            let status = MergeCommand.run(
                partPaths: parts, script: script, out: report.out,
                format: report.chosenFormat, trusted: trusted, parser: parser)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
