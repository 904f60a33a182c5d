import ArgumentParser
import WorkbenchExtraction
import WorkbenchModel

/// Options every command that reads articles shares.
struct InputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Reference date (YYYY-MM-DD) for relative dates, when an article has none.", valueName: "date"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("A folder of extra lexicon files (repeatable).", valueName: "dir"))
    var lexicon: [String] = []

    @Option(name: .customLong("max-file-size"), help: ArgumentHelp("Largest article accepted, in MB.", valueName: "MB"))
    var maxFileSize: Int = 16

    @Flag(name: .long, help: "Parse on one thread (results are identical; for comparison).")
    var serial = false

    func validate() throws {
        if let date, Day(iso: date) == nil || date.count != 10 {
            throw ValidationError("--date must be a real date written YYYY-MM-DD, not '\(date)'")
        }
        if maxFileSize < 1 { throw ValidationError("--max-file-size must be at least 1 (MB)") }
    }

    /// The parser these options describe.
    func parser() throws -> ArticleParser {
        let lexicon: Lexicon
        if self.lexicon.isEmpty {
            lexicon = try Lexicon.standard.get()
        } else {
            lexicon = try Lexicon.load(extraDirectories: Lexicon.defaultExtraDirectories() + self.lexicon)
        }
        return ArticleParser(lexicon: lexicon, defaultDate: date.flatMap(Day.init(iso:)))
    }

    /// A corpus over `paths` with these options; a long one shows progress when standard error is a terminal.
    func corpus(_ paths: [String], shard: (Int, Int)? = nil) throws -> Corpus {
        let corpus = Corpus(
            paths: paths, parser: try parser(), maxBytes: maxFileSize << 20,
            shard: shard.map { (index: $0.0, count: $0.1) }, serial: serial)
        corpus.progress = ProgressMeter.forTerminal(total: corpus.count)
        return corpus
    }
}
