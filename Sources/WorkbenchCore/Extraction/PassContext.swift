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
    /// For each token, the entity mention covering it (-1 for none).
    let entityAt: [Int]
    let figures: [Figure]
    let dates: [DateMention]
    /// For each token, whether a date expression uses it.
    let dateToken: [Bool]
    /// For each token, whether it is inside quotation marks.
    let inQuote: [Bool]
    /// Speech verbs with their speakers ("the governor said").
    let speech: [Document.SpeechEvent]

    /// The text of scalars `start..<end`.
    func text(_ start: Int, _ end: Int) -> String { buf.slice(start, end) }

    /// The text covered by tokens `range`.
    func text(tokens range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        return buf.slice(tokens[range.lowerBound].start, tokens[range.upperBound - 1].end)
    }

    /// Whether sentence `si` is in the headline.
    func isHeadline(_ si: Int) -> Bool { paragraphs[sentences[si].paragraph].kind == "headline" }

    /// The party a token belongs to, if any.
    func party(at k: Int) -> Document.PartyRecord? {
        entityAt[k] >= 0 ? parties[entities[entityAt[k]].party] : nil
    }

    /// The entity mention covering token `k`, if any.
    func entity(at k: Int) -> Document.EntityMention? { entityAt[k] >= 0 ? entities[entityAt[k]] : nil }

    /// Whether token `k` is inside quotation marks.
    func quoted(_ k: Int) -> Bool { k < inQuote.count && inQuote[k] }
}

extension Document {
    /// The inputs of the later passes, taken after parties, dates, figures and quotes are done.
    func passContext() -> PassContext {
        PassContext(lexicon: lexicon, buf: buf, tokens: tokens, paragraphs: paragraphs, sentences: sentences,
                    sentenceOfToken: sentenceOfToken, referenceDate: referenceDate, parties: partyTable, entities: entities,
                    entityAt: entityAt, figures: figures, dates: dates, dateToken: dateToken, inQuote: inQuote, speech: speechEvents)
    }
}
