import ArgumentParser

/// What a script may touch: the flags `run` and `console` share, so the two sandboxes are widened alike.
struct SandboxOptions: ParsableArguments {
    @Flag(name: .long, help: "Run without the sandbox (for your own scripts): the full Lua library, any file.")
    var trusted = false

    @Option(
        name: .customLong("allow-read"),
        help: ArgumentHelp("Let scripts read files under this folder (repeatable).", valueName: "dir"))
    var allowRead: [String] = []

    @Option(
        name: .customLong("allow-write"),
        help: ArgumentHelp("Let scripts write files under this folder (repeatable).", valueName: "dir"))
    var allowWrite: [String] = []

    @Option(
        name: .customLong("max-memory"),
        help: ArgumentHelp(
            "Memory Lua may use: megabytes, or a size such as 512M or 2G (0: no limit; at most 1T).", valueName: "size")
    )
    var maxMemory = MemorySize(megabytes: 2048)
}
