import CEditLine
import Foundation

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
    }

    /// The time budget of sandboxed scripts when --timeout is not given.
    package static let defaultSandboxTimeout: Double = 300

    /// Runs the script; errors are printed as Lua prints them (file:line: message, then the traceback).
    /// - Returns: the exit status.
    package static func run(_ options: Options, parser: ArticleParser, corpus makeCorpus: ([String]) -> Corpus) -> Int32 {
        guard let scriptPath = ScriptLocator.find(options.script) else {
            StandardStreams.error("workbench: no script '\(options.script)' (looked for the file, then in \(ScriptLocator.searchPath().joined(separator: ", ")))")
            return ExitStatus.usage
        }
        // The header is read and checked before anything runs.
        let metadata: ScriptMetadata?
        let named: [String: ArgumentValue]
        do {
            metadata = try ScriptMetadata.read(path: scriptPath)
            if let m = metadata, m.api > WorkbenchInfo.api {
                StandardStreams.error("workbench: \(m.name) needs workbench API \(m.api); this workbench \(WorkbenchInfo.version) has API \(WorkbenchInfo.api) (upgrade the workbench)")
                return ExitStatus.failure
            }
            var given = try options.argsFile.map(ScriptArguments.readFile) ?? [:]
            for (k, v) in options.named { given[k] = v }
            named = try ScriptArguments.resolve(given, metadata: metadata)
        } catch {
            return ExitStatus.report(error)
        }

        var paths = options.paths
        if paths.isEmpty, options.mergeParts.isEmpty, FileManager.default.fileExists(atPath: "seeds") { paths = ["seeds"] }
        let corpus = paths.isEmpty || !options.mergeParts.isEmpty ? nil : makeCorpus(paths)
        let scriptDir = (scriptPath as NSString).deletingLastPathComponent
        let runtime: ScriptRuntime
        do {
            runtime = try ScriptRuntime(parser: parser, corpus: corpus,
                                        modulePath: [scriptDir.isEmpty ? "." : scriptDir, "Scripts"], memoryLimit: options.memoryLimit)
        } catch {
            StandardStreams.error("workbench: \(error.description)")
            return ExitStatus.failure
        }
        // What the script may read: its inputs, its own folder, the workbench's data, paths given as
        // path arguments, and --allow-read; what it may write: --out and --allow-write.
        var readRoots = paths + [scriptDir.isEmpty ? "." : scriptDir, Resources.directory] + options.allowRead
        for case .string(let p)? in metadata?.arguments.filter({ $0.type == "path" }).map({ named[$0.name] }) ?? [] { readRoots.append(p) }
        runtime.policy = SandboxPolicy(trusted: options.trusted, readRoots: readRoots,
                                       writeRoots: options.allowWrite + (options.out.map { [$0] } ?? []))
        runtime.state.timeout = options.timeout ?? (options.trusted ? 0 : defaultSandboxTimeout)
        runtime.state.watchesInterrupts = true
        CEditLine_installSigint(LuaState.interruptAllFromSignal)
        defer { CEditLine_restoreSigint() }
        runtime.setArguments(script: options.script, positional: options.positional, named: named)

        var status = ExitStatus.success
        var failure: String?
        let merging = !options.mergeParts.isEmpty
        do throws(LuaError) {
            let splitRun = merging || options.shard != nil
            try runtime.runScript(at: scriptPath, displayPath: scriptPath, beforeFinish: splitRun ? { () throws(LuaError) in
                // a sharded script counts in each(article) and reports in finish(), so slices add up
                guard runtime.scriptDefines("finish") else {
                    throw LuaError(kind: .runtime, message: "\(scriptPath) cannot be \(merging ? "merged" : "sharded"): it defines no finish() function; count into named tallies (workbench.tally(\"name\")) in each(article) and build the report in finish()")
                }
                for part in options.mergeParts { try runtime.mergeTallies(part.tallies) }
            } : nil, callFinish: options.shard == nil)
            if let shard = options.shard, let out = options.out {
                let tallies = try runtime.namedTallies()
                if tallies.isEmpty {
                    StandardStreams.error("workbench: \(scriptPath) keeps no named tallies (workbench.tally(\"name\")), so shard \(shard.index)/\(shard.count) has nothing to save; put the counting in each(article) and the report in finish()")
                    return ExitStatus.failure
                }
                let part = ShardPart(script: metadata?.name ?? (scriptPath as NSString).lastPathComponent, version: metadata?.version,
                                     path: scriptPath, arguments: options.named, shard: shard.index, shards: shard.count,
                                     inputs: corpus?.count ?? 0, failedInputs: runtime.failedInputs, tallies: tallies)
                do {
                    try part.write(to: out)
                    StandardStreams.error("workbench: shard \(shard.index)/\(shard.count) (\(corpus?.count ?? 0) inputs) saved to \(out); add the shards up with: workbench merge PARTS…")
                } catch {
                    StandardStreams.error("workbench: cannot write \(out): \(error.localizedDescription)")
                    return ExitStatus.failure
                }
                return runtime.failedInputs > 0 ? ExitStatus.someInputsFailed : ExitStatus.success
            }
        } catch {
            failure = error.message
            StandardStreams.flush()
            if error.kind == .stopped && error.message.hasSuffix("interrupted") {
                StandardStreams.error("workbench: \(scriptPath) interrupted (Ctrl-C)")
                status = ExitStatus.interrupted
            } else if error.kind == .stopped {
                StandardStreams.error(error.description)
                status = ExitStatus.failure
            } else {
                StandardStreams.error(error.description)
                status = ExitStatus.failure
            }
        }
        StandardStreams.flush()
        // The report is rendered once, at the end; a failed run still delivers what it built, marked incomplete.
        if var report = runtime.collectedReport() {
            if let failure { report.blocks.append(.note("This report is incomplete: the script stopped early (\(failure)).")) }
            let format = options.format ?? options.out.flatMap(ReportDocument.Format.forFile) ?? .markdown
            let text = report.render(format)
            if let out = options.out {
                do {
                    try text.write(toFile: out, atomically: true, encoding: .utf8)
                    StandardStreams.error("workbench: report written to \(out) (\(format.rawValue))")
                } catch {
                    StandardStreams.error("workbench: cannot write the report to \(out): \(error.localizedDescription)")
                    if status == ExitStatus.success { status = ExitStatus.failure }
                }
            } else {
                StandardStreams.write(text)
                StandardStreams.flush()
            }
        } else if let out = options.out, status == ExitStatus.success {
            StandardStreams.error("workbench: warning: the script built no report (workbench.report), so nothing was written to \(out)")
        }
        if status == ExitStatus.success, runtime.failedInputs > 0 {
            StandardStreams.error("workbench: \(runtime.failedInputs) of \(corpus?.count ?? 0) inputs could not be read")
            return ExitStatus.someInputsFailed
        }
        return status
    }
}
