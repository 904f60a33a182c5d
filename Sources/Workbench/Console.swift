import ArgumentParser
import WorkbenchCore

extension Workbench {
    /// `workbench console`: an interactive Lua session with the articles loaded.
    struct Console: ParsableCommand {
        static let configuration = CommandConfiguration(
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

        @Flag(name: .long, help: "Run without the sandbox (for your own work): the full Lua library, any file.")
        var trusted = false

        @Option(name: .customLong("allow-read"), help: ArgumentHelp("Let the console and its scripts read files under this folder (repeatable).", valueName: "dir"))
        var allowRead: [String] = []

        @Option(name: .customLong("allow-write"), help: ArgumentHelp("Let the console and its scripts write files under this folder (repeatable).", valueName: "dir"))
        var allowWrite: [String] = []

        @Option(name: .customLong("max-memory"), help: ArgumentHelp("Memory the console's Lua may use: megabytes, or a size such as 512M or 2G (0: no limit; at most 1T).", valueName: "size"))
        var maxMemory = MemorySize(megabytes: 2048)

        @Argument(help: ArgumentHelp("Article files or folders.", valueName: "path"))
        var paths: [String] = []

        func validate() throws {
        }

        func run() throws {
            var access = ConsoleCommand.Access()
            access.trusted = trusted
            access.allowRead = allowRead
            access.allowWrite = allowWrite
            access.memoryLimit = maxMemory.bytes
            let status = try ConsoleCommand.run(paths: paths, parser: input.parser(), history: history,
                                                maxBytes: input.maxFileSize << 20, serial: input.serial, access: access)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
