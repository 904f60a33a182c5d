import Foundation
import WorkbenchExtraction
import WorkbenchModel
import WorkbenchScripting

/// `workbench merge`: adds up the tallies of sharded runs and runs the script's `finish()` once.
package enum MergeCommand {
    /// Merges the shard files and renders the script's report.
    /// - Parameters:
    ///   - partPaths: files written by `workbench run --shard K/N --out FILE.json`.
    ///   - script: the script to finish with (default: the one recorded in the parts).
    /// - Returns: the exit status.
    package static func run(
        partPaths: [String], script: String?, out: String?, format: ReportDocument.Format?,
        trusted: Bool, parser: ArticleParser
    ) -> Int32 {
        let parts: [ShardPart]
        let incomplete: Bool
        do {
            let checked = try ShardPart.check(try partPaths.map(ShardPart.read))
            parts = checked.parts
            incomplete = !checked.warnings.isEmpty
            for w in checked.warnings { StandardStreams.error("workbench: warning: " + w) }
        } catch {
            return ExitStatus.report(error)
        }
        let first = parts[0]
        // the script as recorded (its path when it still exists, else its name on the search path)
        let chosen = script ?? (FileManager.default.fileExists(atPath: first.path) ? first.path : first.script)
        if script == nil, let found = ScriptLocator.find(chosen), let m = try? ScriptMetadata.read(path: found),
            let recorded = first.version, m.version != recorded
        {
            StandardStreams.error(
                "workbench: warning: the shards were made by \(first.script) \(recorded); finishing with \(m.version)")
        }
        var options = RunCommand.Options(script: chosen, paths: [])
        options.named = first.arguments
        options.out = out
        options.format = format
        options.trusted = trusted
        options.mergeParts = parts
        let inputs = parts.reduce(0) { $0 + $1.inputs }
        let failed = parts.reduce(0) { $0 + $1.failedInputs }
        let status = RunCommand.run(options, parser: parser) { _ in Corpus(paths: [], parser: parser) }
        StandardStreams.error("workbench: merged \(parts.count) of \(first.shards) shards (\(inputs) inputs)")
        if status == ExitStatus.success, failed > 0 {
            StandardStreams.error("workbench: \(failed) of \(inputs) inputs could not be read when the shards ran")
            return ExitStatus.someInputsFailed
        }
        // a merge that misses shards covers part of the corpus, like a run where some inputs failed
        if status == ExitStatus.success, incomplete { return ExitStatus.someInputsFailed }
        return status
    }
}
