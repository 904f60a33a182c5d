import ArgumentParser
import WorkbenchConsole
import WorkbenchScripting

extension Workbench {
    /// `workbench console`: an interactive Lua session with the articles loaded.
    struct Console: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "console",
            abstract: "Explore articles in an interactive Lua console (default: the seeds/ folder).",
            discussion: """
                Type Lua: an expression prints its value. `articles` holds the articles; :help lists the \
                console commands. The console is sandboxed as `workbench run` is (no system commands; files \
                only from the inputs and --allow-read; writes only under --allow-write), and so are the \
                scripts it runs with :run; --trusted lifts it. History is kept in $XDG_STATE_HOME/workbench/history \
                (or --history).
                """
        )

        @OptionGroup var input: InputOptions

        @Option(name: .long, help: ArgumentHelp("History file ('' for none).", valueName: "path"))
        var history: String?

        @OptionGroup var sandbox: SandboxOptions

        @Argument(help: ArgumentHelp("Article files or folders.", valueName: "path"))
        var paths: [String] = []

        func run() throws {
            var access = ConsoleCommand.Access()
            access.trusted = sandbox.trusted
            access.allowRead = sandbox.allowRead
            access.allowWrite = sandbox.allowWrite
            access.memoryLimit = sandbox.maxMemory.bytes
            let status = try ConsoleCommand.run(
                paths: paths, parser: input.parser(), history: history,
                maxBytes: input.maxFileSize << 20, serial: input.serial, access: access)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
