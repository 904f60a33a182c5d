import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchModel
@testable import WorkbenchScripting

/// The byte-level readers and tables the hot paths use answer as the general ones do.
@Suite struct LookupTests {
    @Test func wordTableFindsWhatADictionaryFinds() {
        var entries: [String: Int] = [:]
        for (i, w) in ["the", "a", "kyiv", "zelensky", "air-defence", "u.s.", "président", "café", "", "x"].enumerated()
        {
            entries[w] = i
        }
        for n in 0..<500 { entries["word\(n)"] = 100 + n }  // enough to fill and probe the table
        let table = WordTable(entries)
        for (w, v) in entries { #expect(table[w] == v, "\(w)") }
        #expect(table["them"] == nil)
        #expect(table["word500"] == nil)
        #expect(table["The"] == nil)  // exact: callers look up lowercased words
        // non-ASCII words compare as Swift strings do: a decomposed é is the same word
        #expect(table["cafe\u{301}"] == entries["café"])
        #expect(Set(table.keys) == Set(entries.keys))
        let set: WordSet = ["agreed", "predicted"]
        #expect(set.contains("agreed") && !set.contains("agree"))
    }

    @Test func isoDaysReadFromBytesAsFromText() {
        #expect(Day(iso: "2026-03-05") == Day(2026, 3, 5))
        #expect(Day(iso: "2026-03-05T21:30-04:00") == Day(2026, 3, 5))
        #expect(Day(iso: "2026-02-30") == nil)
        #expect(Day(iso: "2026-3-5") == Day(2026, 3, 5))  // the general reading still takes short fields
        #expect(Day(iso: "2026-03-0") == nil)
        #expect(Day(iso: "20260305") == nil)
    }

    @Test func lexiconTablesReadLineEndsAndComments() throws {
        let text = "word\trole\r\n# a comment\r\nkilled\tkilled\r\n \t\r\nstruck\tattack\r\r\nlast\tx"
        let table = try LexiconTable(parsing: text, source: "t.tsv")
        #expect(table.columns == ["word", "role"])
        #expect(table.rows.map { $0["word"] ?? "" } == ["killed", "struck", "last"])
        #expect(table.rows.map { $0["role"] ?? "" } == ["killed", "attack", "x"])
    }

    @Test func tokensCarryTheirWordClasses() throws {
        let lexicon = try Lexicon.standard.get()
        let tokens = lexicon.tokens("On Monday the ministry said")
        #expect(tokens.map(\.text) == ["On", "Monday", "the", "ministry", "said"])
        #expect(tokens[1].has(.weekday) && !tokens[1].has(.month))
        #expect(tokens[1].has([.month, .weekday]))
        #expect(tokens[2].has(.determiner) && !tokens[2].has(.weekday))
        #expect(tokens[3].has(.orgWord))
        #expect(tokens[4].has(.cueForm))
        // a token never looked up may be in any list; a looked-up one only in its own
        var unread = tokens[1]
        unread.classes = []
        #expect(unread.mayHave(.month))
        #expect(!tokens[1].mayHave(.month) && tokens[1].mayHave(.weekday))
    }

    @Test func phraseMatchersMatchTheSameFrozenOrNot() throws {
        let lexicon = try Lexicon.standard.get()
        var m = PhraseMatcher<Int>()
        for (i, p) in ["the air force", "the air", "air force", "the", "Kremlin", "US"].enumerated() {
            m.add(p, i, tokenizer: lexicon.tokenizer)
        }
        let frozen = m.frozen()
        let tokens = lexicon.tokens("the air force said the Kremlin and the US, the air, us")
        for i in tokens.indices {
            let a = m.match(tokens, at: i).map { [$0.length, $0.payload] }
            let b = frozen.match(tokens, at: i).map { [$0.length, $0.payload] }
            #expect(a == b, "token \(i)")
        }
        #expect(frozen.match(tokens, at: 0)?.payload == 0)  // longest first
        #expect(frozen.match(tokens, at: tokens.count - 1) == nil)  // "us" is not "US"
    }

    @Test func plainAndTokenizedPhrasesFollowTheSameCaseRules() throws {
        // "Kremlin", "US", "m" are split without the tokenizer; "U.S.", "Iskander-M" and "New Year's" go through it
        let lexicon = try Lexicon.standard.get()
        var m = PhraseMatcher<Int>()
        for (i, p) in ["Kremlin", "US", "m", "air force", "U.S.", "Iskander-M", "New Year's"].enumerated() {
            m.add(p, i, tokenizer: lexicon.tokenizer)
        }
        let frozen = m.frozen()
        func payloads(_ text: String) -> [Int] {
            let tokens = lexicon.tokens(text)
            return tokens.indices.compactMap { frozen.match(tokens, at: $0)?.payload }
        }
        #expect(payloads("Kremlin kremlin KREMLIN") == [0, 0])
        #expect(payloads("US us Us") == [1])
        #expect(payloads("m M") == [2])
        #expect(payloads("Air Force air force AIR FORCE") == [3, 3, 3])
        #expect(payloads("U.S. Iskander-M New Year's") == [4, 5, 6])
    }
}
