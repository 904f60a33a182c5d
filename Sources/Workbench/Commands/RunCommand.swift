import Foundation
import WorkbenchConsole
import WorkbenchExtraction
import WorkbenchLua
import WorkbenchModel
import WorkbenchScripting

/// `workbench run`: runs an analyst's script over articles.
package enum RunCommand {
    /// What `run` needs to know.
    package struct Options {
        package var script: String
        package var paths: [String]
        package var positional: [String] = []
        /// `--arg` values as given (converted by the script's header).
        package var named: [String: String] = [:]
        package var argsFile: String?
        package var memoryLimit: Int = 2048 << 20
        /// Seconds; nil means the default (5 minutes sandboxed, none when trusted); 0 means none.
        package var timeout: Double?
        package var trusted = false
        package var allowRead: [String] = []
        package var allowWrite: [String] = []
        /// The report's output file (its extension picks the format unless `format` is set).
        package var out: String?
        /// The report's format.
        package var format: ReportDocument.Format?
        /// `(k, n)`: run only the k-th of n slices of the inputs and save the named tallies to `out` (JSON).
        package var shard: (index: Int, count: Int)?
        /// Saved tallies from sharded runs to add up before `finish()` (`workbench merge`).
        package var mergeParts: [ShardPart] = []

        package init(script: String, paths: [String]) {
            self.script = script
            self.paths = paths
        }

        /// The report's format: `format`, else the `--out` file's extension, else Markdown.
        var reportFormat: ReportDocument.Format { format ?? out.flatMap(ReportDocument.Format.forFile) ?? .markdown }
    }

    /// The time budget of sandboxed scripts when --timeout is not given.
    package static let defaultSandboxTimeout: Double = 300

    /// Seconds a stop (Ctrl-C, the time budget) may take to be honoured before the process is ended.
    package static let stopGrace: Double = 3

    /// Runs the script; errors are printed as Lua prints them (file:line: message, then the traceback).
    /// - Returns: the exit status.
    package static func run(_ options: Options, parser: ArticleParser, corpus makeCorpus: ([String]) -> Corpus) -> Int32
    {
        guard let scriptPath = ScriptLocator.find(options.script) else {
            StandardStreams.error("workbench: " + ScriptLocator.notFound(options.script))
            return ExitStatus.usage
        }
        // The header is read and checked before anything runs.
        let header: (metadata: ScriptMetadata?, given: [String: String], named: [String: ArgumentValue])
        do { header = try readHeader(scriptPath, options) } catch { return ExitStatus.report(error) }

        var paths = options.paths
        if paths.isEmpty, options.mergeParts.isEmpty {
            guard FileManager.default.fileExists(atPath: "seeds") else {
                StandardStreams.error(
                    "workbench: no articles to run \(options.script) over: pass files or folders (workbench run \(options.script) ARTICLES…), or run it in a folder that has seeds/"
                )
                return ExitStatus.usage
            }
            paths = ["seeds"]
        }
        let corpus = paths.isEmpty || !options.mergeParts.isEmpty ? nil : makeCorpus(paths)
        let scriptDir = (scriptPath as NSString).deletingLastPathComponent
        let runtime: ScriptRuntime
        do {
            runtime = try ScriptRuntime(
                parser: parser, corpus: corpus,
                modulePath: [scriptDir.isEmpty ? "." : scriptDir, "Scripts", Resources.scriptsDirectory],
                memoryLimit: options.memoryLimit)
        } catch {
            StandardStreams.error("workbench: \(error.description)")
            return ExitStatus.failure
        }
        // What the script may read: its inputs, its own folder, the workbench's data, paths the user
        // gave as path arguments (never a header's defaults), and --allow-read; what it may write:
        // --out and --allow-write.
        var readRoots = paths + [scriptDir.isEmpty ? "." : scriptDir, Resources.directory] + options.allowRead
        for arg in header.metadata?.arguments ?? [] where arg.type == "path" && header.given[arg.name] != nil {
            if case .string(let p)? = header.named[arg.name] { readRoots.append(p) }
        }
        runtime.policy = SandboxPolicy(
            trusted: options.trusted, readRoots: readRoots,
            writeRoots: options.allowWrite + (options.out.map { [$0] } ?? []))
        // one budget and one interrupt for the whole run, and a watchdog for code they cannot reach
        runtime.state.timeout = options.timeout ?? (options.trusted ? 0 : defaultSandboxTimeout)
        runtime.state.startClock()
        runtime.state.watchesInterrupts = true
        RunEmergency.arm(RunEmergency(collector: runtime.reportCollector, options: options))
        defer { RunEmergency.disarm() }
        ScriptInterrupts.install()
        defer { ScriptInterrupts.restore() }
        runtime.setArguments(
            script: options.script, positional: options.positional, named: header.named,
            declared: header.metadata.map { $0.arguments.map(\.name) })

        var (status, failure) = execute(
            runtime, scriptPath: scriptPath, metadata: header.metadata, options: options, corpus: corpus)
        corpus?.progress?.finish()
        if options.shard != nil && failure == nil { return status }
        StandardStreams.flush()
        // The report is rendered once, at the end; a failed run still delivers what it built, marked incomplete.
        if let report = runtime.reportCollector.takeForDelivery() {
            if !deliver(report, failure: failure, options: options), status == ExitStatus.success {
                status = ExitStatus.failure
            }
        } else if let out = options.out, status == ExitStatus.success {
            StandardStreams.error(
                "workbench: warning: the script built no report (workbench.report), so nothing was written to \(out)")
        }
        if status == ExitStatus.success, runtime.failedInputs > 0 {
            StandardStreams.error(
                "workbench: \(runtime.failedInputs) of \(corpus?.count ?? 0) inputs could not be read")
            return ExitStatus.someInputsFailed
        }
        return status
    }

    /// Reads the script's header and converts the arguments it declares.
    private static func readHeader(_ scriptPath: String, _ options: Options) throws
        -> (metadata: ScriptMetadata?, given: [String: String], named: [String: ArgumentValue])
    {
        let metadata = try ScriptMetadata.read(path: scriptPath)
        if let m = metadata, m.api > WorkbenchInfo.api {
            throw WorkbenchError.message(
                "\(m.name) needs workbench API \(m.api); this workbench \(WorkbenchInfo.version) has API \(WorkbenchInfo.api) (upgrade the workbench)"
            )
        }
        var given = try options.argsFile.map(ScriptArguments.readFile) ?? [:]
        for (k, v) in options.named { given[k] = v }
        return (metadata, given, try ScriptArguments.resolve(given, metadata: metadata))
    }

    /// Runs the script (and saves a shard's tallies); returns the status and, when it stopped early, why.
    private static func execute(
        _ runtime: ScriptRuntime, scriptPath: String, metadata: ScriptMetadata?, options: Options,
        corpus: Corpus?
    ) -> (Int32, String?) {
        let merging = !options.mergeParts.isEmpty
        do throws(LuaError) {
            let splitRun = merging || options.shard != nil
            try runtime.state.whileActive { () throws(LuaError) in
                try runtime.runScript(
                    at: scriptPath, displayPath: scriptPath,
                    beforeFinish: splitRun
                        ? { () throws(LuaError) in
                            // a sharded script counts in each(article) and reports in finish(), so slices add up
                            guard runtime.scriptDefines("finish") else {
                                throw LuaError(
                                    kind: .runtime,
                                    message:
                                        "\(scriptPath) cannot be \(merging ? "merged" : "sharded"): it defines no finish() function; count into named tallies (workbench.tally(\"name\")) in each(article) and build the report in finish()"
                                )
                            }
                            for part in options.mergeParts { try runtime.mergeTallies(part.tallies) }
                        } : nil, callFinish: options.shard == nil)
            }
            if let shard = options.shard, let out = options.out {
                return (
                    try saveShard(
                        runtime, shard: shard, out: out, scriptPath: scriptPath, metadata: metadata,
                        options: options, corpus: corpus), nil
                )
            }
            return (ExitStatus.success, nil)
        } catch {
            StandardStreams.flush()
            if runtime.state.stopReason == 1 {
                StandardStreams.error("workbench: \(scriptPath) interrupted (Ctrl-C)")
                return (ExitStatus.interrupted, "interrupted (Ctrl-C)")
            }
            StandardStreams.error(error.description)
            let reason = runtime.state.stopReason
            return (ExitStatus.failure, reason != 0 ? LuaState.stopMessage(reason) : error.message)
        }
    }

    /// Saves a sharded run's named tallies for `workbench merge`.
    private static func saveShard(
        _ runtime: ScriptRuntime, shard: (index: Int, count: Int), out: String, scriptPath: String,
        metadata: ScriptMetadata?, options: Options, corpus: Corpus?
    ) throws(LuaError) -> Int32 {
        let tallies = try runtime.namedTallies()
        if tallies.isEmpty {
            StandardStreams.error(
                "workbench: \(scriptPath) keeps no named tallies (workbench.tally(\"name\")), so shard \(shard.index)/\(shard.count) has nothing to save; put the counting in each(article) and the report in finish()"
            )
            return ExitStatus.failure
        }
        let part = ShardPart(
            script: metadata?.name ?? (scriptPath as NSString).lastPathComponent, version: metadata?.version,
            path: scriptPath, arguments: options.named, shard: shard.index, shards: shard.count,
            inputs: corpus?.count ?? 0, failedInputs: runtime.failedInputs, tallies: tallies)
        do {
            try part.write(to: out)
            StandardStreams.error(
                "workbench: shard \(shard.index)/\(shard.count) (\(corpus?.count ?? 0) inputs) saved to \(out); add the shards up with: workbench merge PARTS…"
            )
        } catch {
            StandardStreams.error("workbench: cannot write \(out): \(error.localizedDescription)")
            return ExitStatus.failure
        }
        return runtime.failedInputs > 0 ? ExitStatus.someInputsFailed : ExitStatus.success
    }

    /// Writes the report to `--out` or standard output, marked incomplete when the script stopped early.
    ///
    /// A CSV report written to `--out` is a folder with one CSV file per table (`01-weapons.csv` …),
    /// which Python's csv module and pandas read as they are.
    /// - Returns: whether it was written.
    static func deliver(_ document: ReportDocument, failure: String?, options: Options) -> Bool {
        var report = document
        if let failure {
            report.blocks.append(.note("This report is incomplete: the script stopped early (\(failure))."))
        }
        let format = options.reportFormat
        guard let out = options.out else {
            StandardStreams.write(report.render(format))
            let tables = format == .csv ? report.csvTables().count : 0
            if tables > 1 {
                StandardStreams.error(
                    "workbench: the report has \(tables) tables, printed one after another; --out DIR writes one CSV file per table"
                )
            }
            return StandardStreams.finish()
        }
        do {
            if format == .csv {
                let files = try ReportFolder.write(report, to: out)
                StandardStreams.error(
                    "workbench: report written to \(out)/ (\(files.count) CSV file\(files.count == 1 ? "" : "s"): \(files.joined(separator: ", ")))\(failure == nil ? "" : ", marked incomplete")"
                )
            } else {
                try report.render(format).write(toFile: out, atomically: true, encoding: .utf8)
                StandardStreams.error(
                    "workbench: report written to \(out) (\(format.rawValue))\(failure == nil ? "" : ", marked incomplete")"
                )
            }
            return true
        } catch {
            StandardStreams.error(
                "workbench: cannot write the report to \(out): \((error as? WorkbenchError)?.description ?? error.localizedDescription)"
            )
            return false
        }
    }
}

/// What the watchdog does when a script does not honour a stop: delivers the report built so far,
/// marked incomplete, says why, and ends the process with the stop's status.
final class RunEmergency: @unchecked Sendable {
    let collector: ReportCollector
    let options: RunCommand.Options

    init(collector: ReportCollector, options: RunCommand.Options) {
        self.collector = collector
        self.options = options
    }

    nonisolated(unsafe) private static var current: RunEmergency?

    /// Makes `emergency` what the watchdog uses for this run.
    static func arm(_ emergency: RunEmergency) {
        current = emergency
        CLuaWatchdog.start(grace: RunCommand.stopGrace, onStuck: RunEmergency.stuck)
    }

    /// The run is over: the watchdog goes back to its default (exit with a message).
    static func disarm() { current = nil }

    /// Called on the watchdog's thread; never returns.
    private static let stuck: @convention(c) (Int32) -> Void = { reason in
        if reason == 4 {
            StandardStreams.error(
                "workbench: the script's finalizers (__gc) were still running \(Int(RunCommand.stopGrace)) s after it ended, so the workbench ended them"
            )
            _exit(ExitStatus.failure)
        }
        let why = reason == 1 ? "interrupted (Ctrl-C)" : "stopped: the time budget is exhausted"
        if let e = current, let report = e.collector.takeForDelivery() {
            _ = RunCommand.deliver(report, failure: "\(why); the script did not stop in time", options: e.options)
        }
        StandardStreams.error(
            "workbench: \(why); the script did not stop within \(Int(RunCommand.stopGrace)) s, so the workbench ended it"
        )
        _exit(reason == 1 ? ExitStatus.interrupted : ExitStatus.failure)
    }
}
