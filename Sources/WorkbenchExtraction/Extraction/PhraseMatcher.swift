/// Finds lexicon phrases in token sequences: longest match first, whole tokens only.
///
/// Case rule per phrase token: an all-caps form (US, AP) matches only as written; a capitalised
/// form (Kremlin) needs a capitalised token; a lowercase form matches any case.
package struct PhraseMatcher<Payload: Sendable>: Sendable {
    private struct Entry: Sendable {
        var lower: [String]
        var rules: [CaseRule]
        var payload: Payload
    }

    private enum CaseRule: UInt8, Sendable { case any, capitalized, exact, lowercase }

    /// Phrases by first word: one-word phrases, and longer ones by their second word (so a common first word
    /// like "the" does not make every match walk all its phrases).
    private struct Bucket: Sendable {
        var single: [Entry] = []
        var bySecond: [String: [Entry]] = [:]
    }

    private var byFirst: [String: Bucket] = [:]

    /// The same buckets in word tables, for matching once all phrases are added (see `frozen()`).
    private struct FrozenBucket: Sendable {
        var single: [Entry]
        var bySecond: WordTable<[Entry]>
        var hasLonger: Bool
    }

    /// The frozen index, shared by copies of the matcher (lexicons hand matchers out by value).
    private final class FrozenIndex: Sendable {
        let index: WordTable<Int>
        let buckets: [FrozenBucket]

        init(index: WordTable<Int>, buckets: [FrozenBucket]) {
            self.index = index
            self.buckets = buckets
        }
    }

    private var frozenIndex: FrozenIndex?
    /// The word class meaning "this word starts a phrase of this matcher" (empty: no class).
    package let bit: WordClass
    /// The longest phrase, in tokens.
    package private(set) var maxLength = 0

    /// - Parameter bit: the word class the lexicon gives words that start a phrase here.
    package init(bit: WordClass = []) { self.bit = bit }

    /// Lowercased first words of all phrases.
    package var firstWords: [String] { Array(byFirst.keys) }

    /// Adds `phrase` with its payload; later additions of the same phrase take precedence.
    package mutating func add(_ phrase: String, _ payload: Payload, tokenizer: Tokenizer) {
        let words =
            Self.plainWords(phrase)
            ?? tokenizer.tokenize(TextBuffer(phrase)).map {
                PhraseWord(
                    lower: $0.lower, allCaps: $0.isAllCaps, capitalized: $0.isCapitalized, length: $0.end - $0.start)
            }
        guard let first = words.first else { return }
        let rules: [CaseRule] = words.map { t in
            if t.allCaps { return .exact }
            if t.capitalized { return .capitalized }
            // a one-letter lowercase form ("m" for metres, "p" for pence) does not match its capital ("1.2M" is millions)
            if words.count == 1 && t.length == 1 { return .lowercase }
            return .any
        }
        let entry = Entry(lower: words.map(\.lower), rules: rules, payload: payload)
        // changed in place, so the lists are not copied on every addition
        if words.count == 1 {
            Self.insert(entry, into: &byFirst[first.lower, default: Bucket()].single)
        } else {
            Self.insert(entry, into: &byFirst[first.lower, default: Bucket()].bySecond[words[1].lower, default: []])
        }
        maxLength = max(maxLength, words.count)
        frozenIndex = nil
    }

    /// A phrase's word as the case rules read it.
    private struct PhraseWord {
        var lower: String
        var allCaps: Bool
        var capitalized: Bool
        var length: Int
    }

    /// The words of a phrase of ASCII letters between single spaces (most lexicon phrases), read without the
    /// tokenizer, which splits such a phrase at its spaces and nowhere else; nil for any other phrase.
    private static func plainWords(_ phrase: String) -> [PhraseWord]? {
        var phrase = phrase
        return phrase.withUTF8 { bytes -> [PhraseWord]? in
            var words: [PhraseWord] = []
            var start = 0
            for i in 0...bytes.count {
                if i < bytes.count && bytes[i] != 0x20 {
                    guard (bytes[i] | 0x20) >= 0x61 && (bytes[i] | 0x20) <= 0x7A else { return nil }
                    continue
                }
                guard i > start else { return nil }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<i])
                let upper = word.reduce(0) { $0 + ($1 < 0x61 ? 1 : 0) }
                let text = String(decoding: word, as: UTF8.self)
                words.append(
                    PhraseWord(
                        lower: upper == 0 ? text : text.lowercased(), allCaps: upper == word.count && word.count >= 2,
                        capitalized: word[0] < 0x61, length: word.count))
                start = i + 1
            }
            return words
        }
    }

    /// This matcher with its phrases indexed for matching (a later `add` drops the index again).
    package func frozen() -> PhraseMatcher {
        var m = self
        var positions: [String: Int] = [:]
        var buckets: [FrozenBucket] = []
        for (word, b) in byFirst {
            positions[word] = buckets.count
            buckets.append(
                FrozenBucket(single: b.single, bySecond: WordTable(b.bySecond), hasLonger: !b.bySecond.isEmpty))
        }
        m.frozenIndex = FrozenIndex(index: WordTable(positions), buckets: buckets)
        return m
    }

    /// Adds `entry` to a list kept longest first, replacing the same phrase with the same case rules.
    private static func insert(_ entry: Entry, into list: inout [Entry]) {
        list.removeAll { $0.lower == entry.lower && $0.rules == entry.rules }
        list.append(entry)
        list.sort { $0.lower.count > $1.lower.count }
    }

    /// The longest phrase starting at token `i` (not reaching `limit`), with its length in tokens.
    package func match(_ tokens: [Token], at i: Int, limit: Int? = nil) -> (length: Int, payload: Payload)? {
        let limit = limit ?? tokens.count
        guard i < limit else { return nil }
        if !bit.isEmpty && !tokens[i].mayHave(bit) { return nil }  // looked up: no phrase starts here
        let single: [Entry]
        let longer: [Entry]?
        if let frozen = frozenIndex {
            guard let b = frozen.index[tokens[i].lower] else { return nil }
            single = frozen.buckets[b].single
            longer =
                i + 1 < limit && frozen.buckets[b].hasLonger ? frozen.buckets[b].bySecond[tokens[i + 1].lower] : nil
        } else {
            guard let bucket = byFirst[tokens[i].lower] else { return nil }
            single = bucket.single
            longer = i + 1 < limit && !bucket.bySecond.isEmpty ? bucket.bySecond[tokens[i + 1].lower] : nil
        }
        if let longer, let found = Self.first(of: longer, in: tokens, at: i, limit: limit) { return found }
        return Self.first(of: single, in: tokens, at: i, limit: limit)
    }

    /// The first entry of `list` whose words and case rules match the tokens from `i`.
    private static func first(of list: [Entry], in tokens: [Token], at i: Int, limit: Int) -> (
        length: Int, payload: Payload
    )? {
        outer: for e in list {
            let n = e.lower.count
            if i + n > limit { continue }
            for k in 0..<n {
                let t = tokens[i + k]
                if k > 0 && t.lower != e.lower[k] { continue outer }
                // no gap inside a phrase other than spaces: "U.S." vs "U.S. ," fine; a line break ends it
                if k > 0 && t.newlineBefore { continue outer }
                switch e.rules[k] {
                case .any: break
                case .capitalized: if !(t.text.unicodeScalars.first?.isUpper ?? false) { continue outer }
                case .lowercase: if t.text.unicodeScalars.contains(where: { $0.isUpper }) { continue outer }
                case .exact:
                    // all-caps forms match only all-caps tokens (US, not us)
                    if !t.isAllCaps && t.text.unicodeScalars.contains(where: { $0.isLower }) { continue outer }
                }
            }
            return (n, e.payload)
        }
        return nil
    }

    /// Whether any phrase starts with this lowercased token.
    package func mayStart(_ lower: String) -> Bool { byFirst[lower] != nil }
}
