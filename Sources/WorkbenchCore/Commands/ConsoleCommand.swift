import Foundation

/// `workbench console`: sets up the runtime and hands over to the console.
package enum ConsoleCommand {
    /// Opens the console on `paths` (or `seeds/` when none are given and it exists).
    /// - Returns: the exit status.
    package static func run(paths: [String], parser: ArticleParser, history: String?, maxBytes: Int, serial: Bool) -> Int32 {
        var paths = paths
        if paths.isEmpty && FileManager.default.fileExists(atPath: "seeds") { paths = ["seeds"] }
        let corpus = paths.isEmpty ? nil : Corpus(paths: paths, parser: parser, maxBytes: maxBytes, serial: serial)
        let runtime: ScriptRuntime
        do {
            runtime = try ScriptRuntime(parser: parser, corpus: corpus, modulePath: ["Scripts", Resources.scriptsDirectory])
        } catch {
            StandardStreams.error("workbench: \(error.description)")
            return ExitStatus.failure
        }
        let historyFile = history.map { $0.isEmpty ? nil : $0 } ?? Console.historyPath()
        return Console.run(runtime: runtime, history: historyFile)
    }
}
