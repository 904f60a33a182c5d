import WorkbenchModel

/// What `:run` was asked: the script, its named arguments (`--arg NAME=VALUE`) and positional ones
/// (after `--`), as `workbench run` takes them. Words may be quoted with ' or ".
struct ConsoleScriptRequest {
    var script: String
    var named: [String: String] = [:]
    var positional: [String] = []

    /// Reads `tally --arg top=5 -- extra`.
    /// - Throws: `WorkbenchError.message` for a malformed argument.
    init(parsing line: String) throws {
        var words = try Self.words(line)
        guard !words.isEmpty else { throw WorkbenchError.message("usage: :run SCRIPT [--arg NAME=VALUE]… [-- ARG…]") }
        script = words.removeFirst()
        var i = 0
        while i < words.count {
            let w = words[i]
            if w == "--" {
                positional = Array(words[(i + 1)...])
                break
            }
            let pair: String
            if w == "--arg" {
                guard i + 1 < words.count else { throw WorkbenchError.message(":run: --arg needs NAME=VALUE") }
                pair = words[i + 1]
                i += 2
            } else if w.hasPrefix("--arg=") {
                pair = String(w.dropFirst(6))
                i += 1
            } else {
                throw WorkbenchError.message(
                    ":run: unexpected '\(w)' (arguments are --arg NAME=VALUE; positional ones go after --)")
            }
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw WorkbenchError.message(":run: --arg needs NAME=VALUE, not '\(pair)'")
            }
            named[String(pair[..<eq])] = String(pair[pair.index(after: eq)...])
        }
    }

    /// Splits a line into words, keeping quoted stretches together.
    private static func words(_ line: String) throws -> [String] {
        var out: [String] = []
        var word = ""
        var quote: Character? = nil
        var inWord = false
        for ch in line {
            if let q = quote {
                if ch == q { quote = nil } else { word.append(ch) }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                inWord = true
            } else if ch == " " || ch == "\t" {
                if inWord {
                    out.append(word)
                    word = ""
                    inWord = false
                }
            } else {
                word.append(ch)
                inWord = true
            }
        }
        if quote != nil { throw WorkbenchError.message(":run: a quote is not closed") }
        if inWord { out.append(word) }
        return out
    }
}
