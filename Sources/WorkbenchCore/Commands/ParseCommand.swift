/// `workbench parse`: prints the model of each article as JSON or JSON Lines.
package enum ParseCommand {
    /// Output formats.
    package enum Format: String, CaseIterable, Sendable {
        case json, jsonl
    }

    /// Parses `corpus` and writes each article; unreadable inputs are named on standard error.
    /// - Returns: the exit status (2 when some inputs failed).
    package static func run(corpus: Corpus, format: Format, includeText: Bool = false) -> Int32 {
        let writer = JSONWriter(pretty: format == .json)
        var failed = 0
        var written = 0
        if format == .json { StandardStreams.write("[") }
        corpus.forEach { entry in
            switch entry {
            case .failure(let path, let reason):
                failed += 1
                StandardStreams.error("workbench: \(path): \(reason)")
            case .article(let article):
                writer.reset()
                article.write(to: writer)
                if format == .json { StandardStreams.write(written == 0 ? "\n" : ",\n") }
                StandardStreams.write(writer.bytes)
                if format == .jsonl { StandardStreams.write("\n") }
                for w in article.warnings {
                    StandardStreams.error("workbench: \(article.path):\(w.line):\(w.column): warning: \(w.message)")
                }
                written += 1
            }
            return true
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
