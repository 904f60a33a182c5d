import Foundation
import WorkbenchConsole
import WorkbenchExtraction
import WorkbenchModel
import WorkbenchScripting

/// `workbench console`: sets up the runtime and hands over to the console.
package enum ConsoleCommand {
    /// Opens the console on `paths` (or `seeds/` when none are given and it exists).
    /// - Returns: the exit status.
    /// What the console's code may do: the same sandbox as `run` (its inputs and --allow-read to read,
    /// --allow-write to write) unless trusted, and the same memory limit.
    package struct Access {
        package var trusted = false
        package var allowRead: [String] = []
        package var allowWrite: [String] = []
        package var memoryLimit = 2048 << 20
        package init() {}
    }

    package static func run(
        paths: [String], parser: ArticleParser, history: String?, maxBytes: Int, serial: Bool,
        access: Access = Access()
    ) -> Int32 {
        var paths = paths
        if paths.isEmpty && FileManager.default.fileExists(atPath: "seeds") { paths = ["seeds"] }
        let corpus = paths.isEmpty ? nil : Corpus(paths: paths, parser: parser, maxBytes: maxBytes, serial: serial)
        let runtime: ScriptRuntime
        do {
            runtime = try ScriptRuntime(
                parser: parser, corpus: corpus, modulePath: ["Scripts", Resources.scriptsDirectory],
                memoryLimit: access.memoryLimit)
        } catch {
            StandardStreams.error("workbench: \(error.description)")
            return ExitStatus.failure
        }
        // typed lines and :run scripts get what a script gets with `run`: the inputs, the workbench's
        // data and --allow-read to read, --allow-write to write, no commands — unless --trusted
        runtime.policy = SandboxPolicy(
            trusted: access.trusted, readRoots: paths + [Resources.directory] + access.allowRead,
            writeRoots: access.allowWrite)
        let historyFile = history.map { $0.isEmpty ? nil : $0 } ?? Console.historyPath()
        return Console.run(runtime: runtime, history: historyFile)
    }
}
