import Foundation

/// `workbench run`: runs an analyst's script over articles.
package enum RunCommand {
    /// What `run` needs to know.
    package struct Options {
        package var script: String
        package var paths: [String]
        package var positional: [String] = []
        package var named: [String: String] = [:]
        package var memoryLimit: Int = 0
        package var timeout: Double = 0

        package init(script: String, paths: [String]) {
            self.script = script
            self.paths = paths
        }
    }

    /// Runs the script; errors are printed as Lua prints them (file:line: message, then the traceback).
    /// - Returns: the exit status.
    package static func run(_ options: Options, parser: ArticleParser, corpus makeCorpus: ([String]) -> Corpus) -> Int32 {
        guard let scriptPath = ScriptLocator.find(options.script) else {
            StandardStreams.error("workbench: no script '\(options.script)' (looked for the file, then in \(ScriptLocator.searchPath().joined(separator: ", ")))")
            return ExitStatus.usage
        }
        var paths = options.paths
        if paths.isEmpty {
            if FileManager.default.fileExists(atPath: "seeds") { paths = ["seeds"] }
        }
        let corpus = paths.isEmpty ? nil : makeCorpus(paths)
        let scriptDir = (scriptPath as NSString).deletingLastPathComponent
        let runtime: ScriptRuntime
        do {
            runtime = try ScriptRuntime(parser: parser, corpus: corpus,
                                        modulePath: [scriptDir.isEmpty ? "." : scriptDir, "Scripts"], memoryLimit: options.memoryLimit)
        } catch {
            StandardStreams.error("workbench: \(error.description)")
            return ExitStatus.failure
        }
        runtime.state.timeout = options.timeout
        runtime.setArguments(script: options.script, positional: options.positional, named: options.named)
        do {
            try runtime.runScript(at: scriptPath, displayPath: scriptPath)
        } catch {
            StandardStreams.flush()
            StandardStreams.error(error.description)
            return ExitStatus.failure
        }
        StandardStreams.flush()
        if runtime.failedInputs > 0 {
            StandardStreams.error("workbench: \(runtime.failedInputs) of \(corpus?.count ?? 0) inputs could not be read")
            return ExitStatus.someInputsFailed
        }
        return ExitStatus.success
    }
}
