import ArgumentParser
import WorkbenchExtraction
import WorkbenchModel
import WorkbenchScripting

extension Workbench {
    /// `workbench run`: run a Lua script over articles.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a Lua script over articles (default: the seeds/ folder).",
            discussion: """
                The script sees the articles as workbench.articles (or streams them with workbench.each()), \
                named arguments as args.NAME (typed by the script's header) and positional ones (after --) \
                as arg[1], arg[2] … Scripts run sandboxed: no system commands, and files only from the \
                inputs, the script's folder and --allow-read folders; writes only to --out and --allow-write.
                """
        )

        @OptionGroup var input: InputOptions

        @Option(
            name: .customLong("arg"),
            help: ArgumentHelp("A named argument for the script (repeatable).", valueName: "name=value"))
        var namedArguments: [String] = []

        @Option(
            name: .customLong("args-file"),
            help: ArgumentHelp("Arguments from a file: a JSON object or name=value lines.", valueName: "file"))
        var argsFile: String?

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Stop the script after this many seconds (default 300 sandboxed, none with --trusted; 0: no limit).",
                valueName: "seconds"))
        var timeout: Double?

        @OptionGroup var report: ReportOutputOptions

        @Option(
            name: .long,
            help: ArgumentHelp(
                "Run only slice K of N of the inputs and save the script's named tallies to --out (JSON); add the slices up with `workbench merge`.",
                valueName: "K/N"))
        var shard: String?

        @OptionGroup var sandbox: SandboxOptions

        @Argument(
            help: ArgumentHelp("The script: a path, or a name found on the script search path.", valueName: "script"))
        var script: String

        @Argument(
            help: ArgumentHelp(
                "Article files or folders. Arguments after -- go to the script as arg[1], arg[2] …", valueName: "path"))
        var paths: [String] = []

        func validate() throws {
            for a in namedArguments where !a.contains("=") || a.hasPrefix("=") {
                throw ValidationError("--arg needs name=value, not '\(a)'")
            }
            if let timeout, timeout < 0 { throw ValidationError("--timeout must not be negative") }
            if let shard {
                guard Self.parseShard(shard) != nil else {
                    throw ValidationError(
                        "--shard must be K/N with 1 ≤ K ≤ N ≤ \(ShardPart.maxShards) (for example 2/8), not '\(shard)'")
                }
                guard let out = report.out, out.lowercased().hasSuffix(".json") else {
                    throw ValidationError(
                        "--shard needs --out FILE.json: the slice's tallies are saved there for `workbench merge`")
                }
                if report.format != nil {
                    throw ValidationError(
                        "--format does not apply to --shard (the slice is saved as JSON for `workbench merge`)")
                }
            }
        }

        func run() throws {
            var options = RunCommand.Options(script: script, paths: paths)
            options.positional = Workbench.scriptArguments
            for a in namedArguments {
                let parts = a.split(separator: "=", maxSplits: 1).map(String.init)
                options.named[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            options.argsFile = argsFile
            options.timeout = timeout
            options.memoryLimit = sandbox.maxMemory.bytes
            options.trusted = sandbox.trusted
            options.allowRead = sandbox.allowRead
            options.allowWrite = sandbox.allowWrite
            options.out = report.out
            options.format = report.chosenFormat
            options.shard = shard.flatMap(Self.parseShard)
            let parser = try input.parser()
            let status = RunCommand.run(options, parser: parser) { [shard = options.shard] paths in
                let corpus = Corpus(
                    paths: paths, parser: parser, maxBytes: input.maxFileSize << 20, shard: shard, serial: input.serial)
                corpus.progress = ProgressMeter.forTerminal(total: corpus.count)
                return corpus
            }
            if status != 0 { throw ExitCode(status) }
        }

        /// "K/N" as (K, N) when 1 ≤ K ≤ N.
        static func parseShard(_ text: String) -> (index: Int, count: Int)? {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), (1...ShardPart.maxShards).contains(n),
                (1...n).contains(k)
            else { return nil }
            return (k, n)
        }
    }
}
