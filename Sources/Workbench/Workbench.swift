import ArgumentParser
import Foundation
import WorkbenchConsole
import WorkbenchModel
import WorkbenchScripting

/// The `workbench` command: subcommands live one per file as extensions.
@main
struct Workbench: ParsableCommand {
    /// Arguments after `--` on a `run` command line: they belong to the script.
    nonisolated(unsafe) static var scriptArguments: [String] = []

    static func main() {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if let run = arguments.firstIndex(of: "run"), let dashes = arguments[run...].firstIndex(of: "--") {
            scriptArguments = Array(arguments[(dashes + 1)...])
            arguments = Array(arguments[..<dashes])
        }
        // `workbench help SCRIPT` describes a script; `workbench help run` stays the command's help
        if arguments.count == 2, arguments[0] == "help",
            !configuration.subcommands.contains(where: { $0._commandName == arguments[1] })
        {
            Foundation.exit(ScriptsCommand.help(arguments[1]))
        }
        // a mistyped subcommand names the closest one
        let commands = configuration.subcommands.map { $0._commandName } + ["help"]
        if let first = arguments.first, !first.hasPrefix("-"), !commands.contains(first) {
            let near = Spelling.closest(to: first, in: commands).map { " (did you mean '\($0)'?)" } ?? ""
            StandardStreams.error(
                "workbench: unknown command '\(first)'\(near); the commands are \(commands.dropLast().joined(separator: ", ")) (see workbench --help)"
            )
            Foundation.exit(ExitStatus.usage)
        }
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            // a failed write to standard output turns success into failure, never the other way
            if !StandardStreams.finish(), (error as? ExitCode)?.rawValue == 0 { exit(withError: ExitCode.failure) }
            exit(withError: error)
        }
        if !StandardStreams.finish() { exit(withError: ExitCode.failure) }
    }

    static let configuration = CommandConfiguration(
        commandName: "workbench",
        abstract: "Turn conflict and political news into a structured model, and analyse it with Lua scripts.",
        discussion: """
            Exit status: 0 success; 1 the script or command failed; 2 some inputs could not be read \
            (the rest were processed); 64 usage error; 130 interrupted.
            """,
        version: WorkbenchInfo.version,
        subcommands: [Parse.self, Export.self, Run.self, Merge.self, Console.self, Scripts.self, Test.self, Docs.self]
    )
}
