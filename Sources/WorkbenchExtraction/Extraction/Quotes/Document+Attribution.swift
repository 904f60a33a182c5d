import WorkbenchModel

/// The ordered attribution rules that give a quote span its speaker.
extension Document {
    /// Who a quote is attributed to: the party, the phrase as written, the cue, and the rule that found them.
    struct Attribution {
        /// The speaker's party in the party table, when the phrase resolves to one.
        var party: Int?
        /// The speaker phrase as written (token range).
        var mention: Range<Int>?
        /// The cue's text ("said", "according to"), when there is one.
        var cue: String?
        /// The rule that gave this attribution (nil when none did).
        var rule: AttributionRule? = nil

        /// No speaker found.
        static let unattributed = Attribution()

        /// 3: an explicit cue next to the quote; 2: a cue or speaker nearby; 1: only the sentence's subject.
        var strength: Int { rule?.strength ?? 0 }

        /// This attribution, credited to `rule`.
        func by(_ rule: AttributionRule) -> Attribution {
            var a = self
            a.rule = rule
            return a
        }
    }

    /// How a quote was attributed (the model's rules, from the most to the least direct evidence).
    typealias AttributionRule = Quote.AttributionRule

    /// How many tokens on each side of a quote the attribution rules may read.
    static let attributionWindow = 160

    /// What the attribution rules read about one quote span.
    struct QuoteContext {
        /// The span being attributed, its position among the article's spans, and all spans.
        let span: QuoteSpan
        let index: Int
        let spans: [QuoteSpan]
        /// The attributions of the spans before this one.
        let previous: [Attribution]
        /// The first token inside the marks (the opening mark when the span is empty).
        let firstInner: Int
        /// The sentence the span opens in.
        let sentenceIndex: Int
        /// The quote's sentence, clipped to a window around the quote, so a "sentence" of thousands of
        /// tokens (unclosed marks, text without stops) costs no more than a long one.
        let sentence: Range<Int>
    }

    /// The readings that attribute a quote, tried in the order of the cases; the first that finds a speaker wins.
    enum AttributionReading: CaseIterable, Sendable {
        case cueAfterQuote, cueBeforeQuote, accordingToInSentence, nearestCueInSentence, sharedWithSentenceQuote
        case cueLaterInSentence, subjectBeforeColon, framingSubject, colonEndedParagraph, signatureLine
        case continuesPreviousSpeaker
    }

    /// Attributes a quote by one reading.
    private func read(_ reading: AttributionReading, _ c: QuoteContext) -> Attribution? {
        switch reading {
        case .cueAfterQuote: return cueAfterQuote(c)
        case .cueBeforeQuote: return cueBeforeQuote(c)
        case .accordingToInSentence: return accordingToInSentence(c)
        case .nearestCueInSentence: return nearestCueInSentence(c)
        case .sharedWithSentenceQuote: return sharedWithSentenceQuote(c)
        case .cueLaterInSentence: return cueLaterInSentence(c)
        case .subjectBeforeColon: return subjectBeforeColon(c)
        case .framingSubject: return framingSubject(c)
        case .colonEndedParagraph: return colonEndedParagraph(c)
        case .signatureLine: return signatureLine(c)
        case .continuesPreviousSpeaker: return continuesPreviousSpeaker(c)
        }
    }

    /// Finds the speaker of a quote span by the first attribution rule that applies.
    /// - Parameters:
    ///   - span: the quote span; `index` its position in `spans`.
    ///   - previous: the attributions of the spans before it.
    func attribute(_ span: QuoteSpan, index: Int, spans: [QuoteSpan], previous: [Attribution]) -> Attribution {
        let firstInner = span.inner.isEmpty ? (span.open ?? 0) : span.inner.lowerBound
        let si = sentenceOfToken[span.open ?? firstInner]
        let lastTok = span.close ?? max(firstInner, span.inner.upperBound - 1)
        let sEnd = sentenceOfToken[min(lastTok, tokens.count - 1)]
        let from = max(sentences[si].tokens.lowerBound, firstInner - Self.attributionWindow)
        let to = min(sentences[sEnd].tokens.upperBound, lastTok + 1 + Self.attributionWindow)
        let context = QuoteContext(
            span: span, index: index, spans: spans, previous: previous, firstInner: firstInner, sentenceIndex: si,
            sentence: from..<to)
        for reading in AttributionReading.allCases {
            if let a = read(reading, context) { return a }
        }
        return .unattributed
    }

    /// Another quote in the same sentence already attributed (split quotes: "…," he said, "…").
    private func sameSentenceSpeaker(_ c: QuoteContext) -> Attribution? {
        var n = c.index - 1
        while n >= 0 && n < c.previous.count {
            let s = c.spans[n]
            if (s.close ?? s.inner.upperBound) < c.sentence.lowerBound { break }
            let sk = sentenceOfToken[s.open ?? s.inner.lowerBound]
            if sk != c.sentenceIndex
                && sentenceOfToken[s.close ?? max(s.inner.lowerBound, s.inner.upperBound - 1)] != c.sentenceIndex
            {
                break
            }
            if c.previous[n].mention != nil { return c.previous[n] }
            n -= 1
        }
        return nil
    }

    /// A cue after the closing mark: "…," Zelensky said / "…," said Zelensky / "…," Jane Doe, a spokeswoman, said.
    private func cueAfterQuote(_ c: QuoteContext) -> Attribution? {
        guard let close = c.span.close else { return nil }
        return attributionAfter(close + 1, sentence: c.sentence)?.by(.cueAfter)
    }

    /// A cue right before the opening mark: Zelensky said: "…" / X told reporters, "…"; a cue without its own
    /// speaker ("…, adding, “…”") takes the clause's.
    private func cueBeforeQuote(_ c: QuoteContext) -> Attribution? {
        guard let o = c.span.open, let a = attributionBefore(o, sentence: c.sentence) else { return nil }
        guard a.mention == nil else { return a.by(.cueBefore) }
        if let s = sameSentenceSpeaker(c) {
            return Attribution(party: s.party, mention: s.mention, cue: a.cue, rule: .clauseSpeaker)
        }
        if let subject = participleSubject(before: o, sentence: c.sentence)
            ?? clauseSubject(before: o, sentence: c.sentence) ?? sentenceSubject(c.sentence, before: o)
        {
            return Attribution(
                party: resolveSpeaker(subject, sentence: c.sentence), mention: subject, cue: a.cue, rule: .clauseSpeaker
            )
        }
        return a.by(.cueBefore)
    }

    /// "according to X" anywhere in the sentence.
    private func accordingToInSentence(_ c: QuoteContext) -> Attribution? {
        accordingTo(in: c.sentence)?.by(.accordingTo)
    }

    /// The nearest cue before the quote in its sentence: Trump … said he asked Putin “not to fire …”.
    private func nearestCueInSentence(_ c: QuoteContext) -> Attribution? {
        guard let a = nearestCueBefore(c.span.open ?? c.firstInner, sentence: c.sentence) else { return nil }
        if a.mention == nil, let s = sameSentenceSpeaker(c) {
            return Attribution(party: s.party, mention: s.mention, cue: a.cue, rule: .clauseSpeaker)
        }
        return a.by(.nearestCue)
    }

    /// The speaker of another quote in the same sentence.
    private func sharedWithSentenceQuote(_ c: QuoteContext) -> Attribution? {
        sameSentenceSpeaker(c)?.by(.sameSentence)
    }

    /// A cue later in the sentence, after other words: "…" was how the official put it / Zelensky later said.
    private func cueLaterInSentence(_ c: QuoteContext) -> Attribution? {
        guard let close = c.span.close else { return nil }
        return cueLater(close + 1, sentence: c.sentence)?.by(.cueLater)
    }

    /// The sentence subject before a colon: Zelensky … set a clear condition: "…".
    private func subjectBeforeColon(_ c: QuoteContext) -> Attribution? {
        guard let o = c.span.open, o > c.sentence.lowerBound, tokens[o - 1].text == ":",
            let a = colonSubject(o - 1, sentence: c.sentence)
        else { return nil }
        if let np = a.mention { recordSpeech((o - 1)..<o, np, a.party) }
        return a.by(.colon)
    }

    /// The subject of the sentence that frames the quote: "She has proposed appointing a “chief trade prosecutor”",
    /// "Romney went after Trump, calling it “disqualifying”", "Pew found that “…”".
    private func framingSubject(_ c: QuoteContext) -> Attribution? {
        guard let o = c.span.open, o > c.sentence.lowerBound, !isQuoteLed(c.span, sentence: c.sentence),
            let subject = participleSubject(before: o, sentence: c.sentence)
                ?? clauseSubject(before: o, sentence: c.sentence) ?? sentenceSubject(c.sentence, before: o)
        else { return nil }
        let verb =
            subject.upperBound < o && tokens[subject.upperBound].kind == .word ? tokens[subject.upperBound].text : nil
        return Attribution(
            party: resolveSpeaker(subject, sentence: c.sentence), mention: subject, cue: verb, rule: .subject)
    }

    /// A quote-led paragraph after one that ends with a colon: "17-year-old Jared Potts echoed:" ¶ "“…”".
    private func colonEndedParagraph(_ c: QuoteContext) -> Attribution? {
        guard isQuoteLed(c.span, sentence: c.sentence), let o = c.span.open, o > 0, tokens[o - 1].text == ":",
            paragraphOf(o - 1) != c.span.paragraph
        else { return nil }
        let colon = o - 1
        let ps = sentences[sentenceOfToken[colon]].tokens
        if let a = attributionBefore(colon + 1, sentence: ps.lowerBound..<(colon + 1)), a.mention != nil {
            return a.by(.colon)
        }
        if let a = nearestCueBefore(colon, sentence: ps), a.mention != nil { return a.by(.colon) }
        // "When Wallace died, President Clinton released the following statement:" — the main clause's subject
        guard let subject = sentenceSubject(ps, before: colon) ?? colonSubject(colon, sentence: ps)?.mention else {
            return nil
        }
        let r = resolveSpeaker(subject, sentence: ps)
        recordSpeech(colon..<(colon + 1), subject, r)
        return Attribution(party: r, mention: subject, cue: nil, rule: .colon)
    }

    /// A quote-only paragraph signed on the next line: "“…”" / "- Sanders.".
    private func signatureLine(_ c: QuoteContext) -> Attribution? {
        guard isQuoteLed(c.span, sentence: c.sentence) else { return nil }
        return signatureAfter(paragraph: c.span.paragraph)?.by(.signature)
    }

    /// A quote-only sentence continues the previous speaker in this or the previous paragraph.
    private func continuesPreviousSpeaker(_ c: QuoteContext) -> Attribution? {
        guard isQuoteLed(c.span, sentence: c.sentence) else { return nil }
        return previousSpeaker(
            before: c.span.open ?? c.firstInner, paragraph: c.span.paragraph, spans: c.spans, index: c.index,
            previous: c.previous)?.by(.continuation)
    }
}

extension Quote.AttributionRule {
    /// 3: an explicit cue next to the quote; 2: a cue or speaker nearby; 1: only the sentence's subject.
    var strength: Int {
        switch self {
        case .cueAfter, .cueBefore, .accordingTo, .signature: return 3
        case .nearestCue, .clauseSpeaker, .sameSentence, .cueLater, .colon, .continuation: return 2
        case .subject: return 1
        }
    }
}
