import ArgumentParser
import WorkbenchCore

/// The `workbench` command: subcommands live one per file as extensions.
@main
struct Workbench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn conflict and political news into a structured model, and analyse it with Lua scripts.",
        discussion: """
        Exit status: 0 success; 1 the script or command failed; 2 some inputs could not be read \
        (the rest were processed); 64 usage error; 130 interrupted.
        """,
        version: WorkbenchInfo.version,
        subcommands: [Parse.self, Run.self]
    )
}
