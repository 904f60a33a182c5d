import ArgumentParser
import WorkbenchCore

extension Workbench {
    /// `workbench scripts`: find, pack and install shared scripts.
    struct Scripts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Find, pack and install scripts shared with teammates.",
            discussion: "Scripts are found in Scripts/, then the user's library ($XDG_DATA_HOME/workbench/scripts), then folders on WORKBENCH_PATH.",
            subcommands: [List.self, Pack.self, Install.self]
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

        struct Pack: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Pack a script, the modules it requires and its test fixtures into one bundle file (ZIP with checksums)."
            )

            @Argument(help: ArgumentHelp("The script (a path or a name on the search path).", valueName: "script"))
            var script: String

            @Option(name: .shortAndLong, help: ArgumentHelp("The bundle file to write.", valueName: "file"))
            var output: String

            func run() throws {
                do {
                    let m = try ScriptBundle.pack(script: script, to: output)
                    print("packed \(m.name) \(m.version) (\(m.files.count) file\(m.files.count == 1 ? "" : "s")) into \(output)")
                } catch let e as WorkbenchError {
                    throw ExitCode(ExitStatus.report(e))
                }
            }
        }

        struct Install: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Install scripts into your library from a bundle file, a folder or a git URL, after checking them.",
                discussion: "Bundles whose files do not match their checksums are refused. Installing another version over an installed script needs --force."
            )

            @Argument(help: ArgumentHelp("A bundle file, a folder, or a git URL.", valueName: "source"))
            var source: String

            @Flag(name: .long, help: "Replace an installed script of another version.")
            var force = false

            func run() throws {
                do {
                    for line in try ScriptBundle.install(source, force: force) { print(line) }
                } catch let e as WorkbenchError {
                    throw ExitCode(ExitStatus.report(e))
                }
            }
        }
    }
}
