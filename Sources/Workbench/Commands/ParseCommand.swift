import WorkbenchExtraction
import WorkbenchModel
import WorkbenchScripting

/// `workbench parse`: prints the model of each article as JSON or JSON Lines.
package enum ParseCommand {
    /// One input's output: its JSON (nil when it could not be read) and its messages for standard error.
    private struct Printed: Sendable {
        var json: [UInt8]?
        var messages: [String]
    }

    /// Output formats.
    package enum Format: String, CaseIterable, Sendable {
        case json, jsonl
    }

    /// Parses `corpus` and writes each article; unreadable inputs are named on standard error.
    /// - Parameter listWarnings: name every article warning on standard error; otherwise one input's
    ///   warnings are listed and a corpus's are summed up in one line (they are in the JSON either way).
    /// - Returns: the exit status (2 when some inputs failed).
    package static func run(corpus: Corpus, format: Format, includeText: Bool = false, listWarnings: Bool = false)
        -> Int32
    {
        let pretty = format == .json
        var failed = 0
        var written = 0
        let list = listWarnings || corpus.count == 1
        var warned = 0
        var warnings = 0
        if format == .json { StandardStreams.write("[") }
        // each article's JSON is written by the worker that parsed it; this thread only prints, in order
        corpus.forEach(transform: { entry -> Printed in
            switch entry {
            case .failure(let path, let reason):
                return Printed(json: nil, messages: ["workbench: \(path): \(reason)"])
            case .article(let article):
                let writer = JSONWriter(pretty: pretty)
                article.write(to: writer)
                let warnings = article.warnings.map {
                    "workbench: \(article.path):\($0.line):\($0.column): warning: \($0.message)"
                }
                return Printed(json: writer.bytes, messages: warnings)
            }
        }) { printed in
            if let json = printed.json {
                if format == .json { StandardStreams.write(written == 0 ? "\n" : ",\n") }
                StandardStreams.write(json)
                if format == .jsonl { StandardStreams.write("\n") }
                written += 1
            } else {
                failed += 1
            }
            let articleWarnings = printed.json == nil ? [] : printed.messages
            if !articleWarnings.isEmpty {
                warned += 1
                warnings += articleWarnings.count
            }
            for m in printed.messages where list || printed.json == nil { StandardStreams.error(m) }
            return !StandardStreams.outputFailed
        }
        if !list && warnings > 0 {
            StandardStreams.error(
                "workbench: \(warnings) warning\(warnings == 1 ? "" : "s") in \(warned) of \(written) articles (each article's JSON has them under \"warnings\"; --warnings lists them)"
            )
        }
        if format == .json { StandardStreams.write(written == 0 ? "]\n" : "\n]\n") }
        StandardStreams.flush()
        if failed > 0 {
            StandardStreams.error("workbench: \(failed) of \(corpus.count) inputs could not be read")
            return ExitStatus.someInputsFailed
        }
        return ExitStatus.success
    }
}
