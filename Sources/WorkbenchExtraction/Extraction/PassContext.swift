import WorkbenchModel

/// What the later passes (events, commitments) read: the analysed text and what the earlier passes
/// found, as values. A pass takes this and returns its results; it writes nothing back.
struct PassContext {
    let lexicon: Lexicon
    let buf: TextBuffer
    let tokens: [Token]
    let paragraphs: [Document.ParagraphInfo]
    let sentences: [Document.SentenceInfo]
    let sentenceOfToken: [Int]
    let referenceDate: Day?
    let parties: [Document.PartyRecord]
    let entities: [Document.EntityMention]
    /// For each token, the index of the entity mention covering it, if any.
    let entityAt: [Int?]
    let figures: [Figure]
    let dates: [DateMention]
    /// For each token, whether a date expression uses it.
    let dateToken: [Bool]
    /// For each token, whether it is inside quotation marks.
    let inQuote: [Bool]
    /// Speech verbs with their speakers ("the governor said").
    let speech: [Document.SpeechEvent]
    /// Quotes with their speakers.
    let quotes: [Quote]
    /// For each token, whether it is a quotation mark.
    let isMark: [Bool]
    /// The two sides of the war the article is about (see `Document.belligerents`).
    let belligerents: [String]
    /// Dates, figures, speech events and quotes by sentence, in text order (a pass reads one sentence's
    /// without scanning the article's).
    let datesBySentence: [[DateMention]]
    let figuresBySentence: [[Figure]]
    let speechBySentence: [[Document.SpeechEvent]]
    let quotesBySentence: [[Quote]]

    /// The first token of `r` starting at or after scalar `start` (binary search: tokens are in text order).
    func firstToken(from start: Int, in r: Range<Int>) -> Int? {
        var lo = r.lowerBound
        var hi = r.upperBound
        while lo < hi {
            let mid = (lo + hi) / 2
            if tokens[mid].start >= start { hi = mid } else { lo = mid + 1 }
        }
        return lo < r.upperBound ? lo : nil
    }

    /// The text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String { buf.slice(start, end) }

    /// The text covered by tokens `range`.
    func text(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return buf.slice(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    /// Whether sentence `si` is in the headline.
    func isHeadline(_ si: Int) -> Bool { paragraphs[sentences[si].paragraph].kind == .headline }

    /// The party a token belongs to, if any.
    func party(at k: Int) -> Document.PartyRecord? {
        entity(at: k).map { parties[$0.party] }
    }

    /// The entity mention covering token `k`, if any.
    func entity(at k: Int) -> Document.EntityMention? { entityAt[k].map { entities[$0] } }

    /// Whether token `k` is inside quotation marks.
    func quoted(_ k: Int) -> Bool { k < inQuote.count && inQuote[k] }

    /// The lowercased token `k`.
    func w(_ k: Int) -> String { tokens[k].lower }

    /// Whether token `k` is a word of `role` (event_words.tsv).
    func isWord(_ k: Int, _ role: EventWordRole) -> Bool {
        lexicon.eventWords[role]?.contains(tokens[k].lower) ?? false
    }

    /// Whether `word` (lowercased) is a word of `role`.
    func isWord(_ word: String, _ role: EventWordRole) -> Bool { lexicon.eventWords[role]?.contains(word) ?? false }

    /// The country a party belongs to: itself, or its affiliation (a person's, an army's).
    func country(ofParty p: Int) -> String {
        let party = parties[p]
        return party.kind == .country ? party.name : (party.affiliation ?? party.name)
    }

    /// The country a party name belongs to (a name the article's parties know), else the name.
    func country(ofName name: String?) -> String? {
        guard let name, let i = parties.firstIndex(where: { $0.name == name }) else { return name }
        return country(ofParty: i)
    }

}

extension Document {
    /// The inputs of the later passes, taken after parties, dates, figures and quotes are done.
    func passContext() -> PassContext {
        func bySentence<T>(_ items: [T], _ sentence: (T) -> Int) -> [[T]] {
            var out = [[T]](repeating: [], count: sentences.count)
            for x in items where sentence(x) >= 0 && sentence(x) < out.count { out[sentence(x)].append(x) }
            return out
        }
        return PassContext(
            lexicon: lexicon, buf: buf, tokens: tokens, paragraphs: paragraphs, sentences: sentences,
            sentenceOfToken: sentenceOfToken, referenceDate: referenceDate, parties: partyTable, entities: entities,
            entityAt: entityAt, figures: figures, dates: dates, dateToken: dateToken, inQuote: inQuote,
            speech: speechEvents,
            quotes: quotes, isMark: isMark, belligerents: belligerents(),
            datesBySentence: bySentence(dates, \.sentence), figuresBySentence: bySentence(figures, \.sentence),
            speechBySentence: bySentence(speechEvents, \.sentence), quotesBySentence: bySentence(quotes, \.sentence))
    }

    /// The two sides of the war the article is about: of the wars in conflicts.tsv whose both sides it
    /// names, the one it names most.
    private func belligerents() -> [String] {
        var counts: [String: Int] = [:]
        for e in entities where partyTable[e.party].kind == .country {
            counts[partyTable[e.party].name, default: 0] += 1
        }
        let known = lexicon.conflicts.filter { counts[$0.0] != nil && counts[$0.1] != nil }
        guard let best = known.max(by: { (counts[$0.0]! + counts[$0.1]!) < (counts[$1.0]! + counts[$1.1]!) }) else {
            return []
        }
        return counts[best.0]! >= counts[best.1]! ? [best.0, best.1] : [best.1, best.0]
    }
}
