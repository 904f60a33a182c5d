import WorkbenchModel

/// Quotes: spans found, attributed, and turned into the model's quotes and quoted terms.
extension Document {
    /// A cue and the speaker it introduces ("Zelensky said").
    struct SpeechEvent {
        var cue: Range<Int>
        var speaker: Range<Int>?
        var party: Int?
        var sentence: Int
    }

    /// A stretch between quotation marks.
    struct QuoteSpan {
        /// Token index of the opening mark (nil when the paragraph continues a quote without one).
        var open: Int?
        /// Token index of the closing mark (nil when the quote runs to the paragraph end).
        var close: Int?
        /// Tokens inside the marks.
        var inner: Range<Int>
        var paragraph: Int
        /// Part of a quote running over several paragraphs.
        var block: Bool
        /// Index of the first span of the block this one continues.
        var continues: Int?
    }

    /// Finds quotations in every paragraph, then attributes each to a speaker.
    func extractQuotes() {
        let spans = findQuoteSpans()
        inQuote = Array(repeating: false, count: tokens.count)
        for span in spans { for k in span.inner { inQuote[k] = true } }
        collectSpeechEvents()
        var attributed: [Attribution] = []
        for (n, span) in spans.enumerated() {
            var a = attribute(span, index: n, spans: spans, previous: attributed)
            if a.mention == nil, let c = span.continues, c < attributed.count {
                a = attributed[c].by(.continuation)
            }
            // a named speaker no earlier rule knew becomes a person, for this quote and the pronouns after it
            if a.party == nil, let m = a.mention, let p = adoptSpeaker(m) {
                a.party = p
                for i in speechEvents.indices where speechEvents[i].speaker == m { speechEvents[i].party = p }
            }
            attributed.append(a)
        }
        // A weakly attributed quote takes the explicit attribution of another quote in its sentence
        // ("words like “maybe” and “perhaps”, he told reporters").
        var strongIn: [Int: [Int]] = [:]  // sentence → its explicitly attributed spans, in order
        for n in spans.indices where attributed[n].strength >= 3 {
            strongIn[sentenceOf(spans[n]), default: []].append(n)
        }
        for n in spans.indices where attributed[n].strength <= 1 {
            guard let strong = strongIn[sentenceOf(spans[n])] else { continue }
            if let m = strong.first(where: { $0 > n }) ?? strong.last {
                attributed[n] = attributed[m].by(.sameSentence)
            }
        }
        for (n, span) in spans.enumerated() {
            let a = attributed[n]
            let inner = span.inner
            guard !inner.isEmpty else { continue }
            var start = tokens[inner.lowerBound].start
            var end = tokens[inner.upperBound - 1].end
            // trim a trailing comma (the sentence's, moved inside the marks) and spaces
            while end > start, buf[end - 1] == "," || buf[end - 1].isSpace { end -= 1 }
            while start < end, buf[start].isSpace { start += 1 }
            guard end > start else { continue }
            let text = self.text(start, end)
            guard text.unicodeScalars.contains(where: { $0.isLetter || $0.isDigit }) else { continue }
            // Titles, names and scare quotes are terms, not speech: “Good Morning America”, a so-called “peace plan”.
            let words = inner.filter { tokens[$0].kind == .word }
            // (a final period or comma inside the marks is the sentence's, American style: “Trainwreck.”)
            var body = inner
            while let last = body.last, body.count > 1, [".", ","].contains(tokens[last].text) {
                body = body.lowerBound..<last
            }
            let capitals = words.filter { tokens[$0].isCapitalized }.count
            let titleLike =
                words.count <= 6 && !words.isEmpty
                && words.allSatisfy { tokens[$0].isCapitalized || Self.titleFunctionWords.contains(tokens[$0].lower) }
                && !body.contains { [".", "!", "?", ","].contains(tokens[$0].text) } && quoteKind(span) != .block
                // with the sentence's stop inside, only a run of capitalised words is a title ("Meet the Press.", not "Okay.")
                && (body == inner || capitals >= 2)
            if titleLike || (a.mention == nil && words.count <= 3) {
                terms.append(
                    QuotedTerm(text: text, start: start, end: end, sentence: sentenceOfToken[inner.lowerBound]))
                continue
            }
            var mention: Mention?
            if let m = a.mention { mention = self.mention(tokens: m) }
            let speaker = a.party.map { partyTable[$0].name }
            var quote = Quote(
                text: text, start: start, end: end, kind: quoteKind(span), speaker: speaker,
                speakerMention: mention, cue: a.cue, attribution: a.mention == nil ? nil : a.rule,
                sentence: sentenceOfToken[inner.lowerBound])
            // "…," Sanders said, according to CNN: the speaker is Sanders, CNN reports it
            if let m = a.mention, a.rule != .accordingTo,
                let via = accordingTo(in: sentences[sentenceOf(span)].tokens)?.mention,
                via.upperBound <= m.lowerBound || via.lowerBound >= m.upperBound
            {
                quote.via = self.mention(tokens: via)
            }
            quotes.append(quote)
        }
    }

    /// Lowercase words inside titles ("Game of Thrones", "Voices of the People").
    static let titleFunctionWords: Set<String> = [
        "of", "the", "and", "for", "in", "a", "an", "to", "on", "at", "by", "with", "from", "or", "&",
    ]

    /// The sentence a quote span starts in.
    private func sentenceOf(_ span: QuoteSpan) -> Int {
        sentenceOfToken[span.open ?? span.inner.lowerBound]
    }
}
