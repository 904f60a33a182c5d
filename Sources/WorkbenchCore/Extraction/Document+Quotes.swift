/// Quotes and who said them.
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

    /// Who a quote is attributed to: the party, the phrase as written, and the cue.
    typealias Attribution = (party: Int?, mention: Range<Int>?, cue: String?)

    /// How a quote was attributed, from the most to the least direct evidence.
    enum AttributionRule: String {
        case cueAfter = "cue after the quote"
        case cueBefore = "cue before the quote"
        case accordingTo = "according to"
        case signature = "signature line"
        case nearestCue = "nearest cue in the sentence"
        case clauseSpeaker = "speaker of the clause"
        case sameSentence = "shared with another quote in the sentence"
        case cueLater = "cue later in the sentence"
        case colon = "subject before a colon"
        case continuation = "continues the previous speaker"
        case subject = "sentence subject"
        case none = ""

        /// 3: an explicit cue next to the quote; 2: a cue or speaker nearby; 1: only the sentence's subject.
        var strength: Int {
            switch self {
            case .cueAfter, .cueBefore, .accordingTo, .signature: return 3
            case .nearestCue, .clauseSpeaker, .sameSentence, .cueLater, .colon, .continuation: return 2
            case .subject: return 1
            case .none: return 0
            }
        }
    }

    /// How many tokens on each side of a quote the attribution rules may read.
    static let attributionWindow = 160

    /// The marks' roles inside one paragraph.
    private enum MarkRole { case open, close, ignore }

    // MARK: Finding quote spans

    /// Finds quotations in every paragraph, then attributes each to a speaker.
    func extractQuotes() {
        let spans = findQuoteSpans()
        inQuote = Array(repeating: false, count: tokens.count)
        for span in spans { for k in span.inner { inQuote[k] = true } }
        collectSpeechEvents()
        var attributed: [Attribution] = []
        var rules: [AttributionRule] = []
        for (n, span) in spans.enumerated() {
            var (a, rule) = attribute(span, index: n, spans: spans, previous: attributed)
            if a.mention == nil, let c = span.continues, c < attributed.count {
                a = attributed[c]
                rule = .continuation
            }
            // a named speaker no earlier rule knew becomes a person, for this quote and the pronouns after it
            if a.party == nil, let m = a.mention, let p = adoptSpeaker(m) {
                a.party = p
                for i in speechEvents.indices where speechEvents[i].speaker == m { speechEvents[i].party = p }
            }
            attributed.append(a)
            rules.append(rule)
        }
        // A weakly attributed quote takes the explicit attribution of another quote in its sentence
        // ("words like “maybe” and “perhaps”, he told reporters").
        var strongIn: [Int: [Int]] = [:]  // sentence → its explicitly attributed spans, in order
        for n in spans.indices where rules[n].strength >= 3 { strongIn[sentenceOf(spans[n]), default: []].append(n) }
        for n in spans.indices where rules[n].strength <= 1 {
            guard let strong = strongIn[sentenceOf(spans[n])] else { continue }
            if let m = strong.first(where: { $0 > n }) ?? strong.last {
                attributed[n] = attributed[m]
                rules[n] = .sameSentence
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
                && !body.contains { [".", "!", "?", ","].contains(tokens[$0].text) } && quoteKind(span) != "block"
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
                speakerMention: mention, cue: a.cue, attribution: a.mention == nil ? nil : rules[n].rawValue,
                sentence: sentenceOfToken[inner.lowerBound])
            // "…," Sanders said, according to CNN: the speaker is Sanders, CNN reports it
            if let m = a.mention, rules[n] != .accordingTo,
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

    /// Records every speech verb outside quotation marks with its subject ("Dianne Bystrom agreed.",
    /// "Bolton … by saying he would …"), so quotes that follow can be given to the last speaker.
    private func collectSpeechEvents() {
        for (si, s) in sentences.enumerated() {
            let r = s.tokens
            for k in r where tokens[k].kind == .word && !isInsideQuote(k) {
                guard
                    let cue = cueAt(k, limit: r.upperBound)
                        ?? (["agreed", "agrees", "countered", "disagreed", "predicted"].contains(tokens[k].lower)
                            ? k..<(k + 1) : nil)
                else { continue }
                if k > r.lowerBound && isMark[k - 1] { continue }  // "…" said X — handled with its quote
                var np = speakerBefore(k, floor: r.lowerBound)
                if np == nil || isParticiple(cue, sentence: r) { np = sentenceSubject(r, before: k) }
                guard let np, np.upperBound <= k else { continue }
                addSpeechEvent(SpeechEvent(cue: cue, speaker: np, party: resolveSpeaker(np, sentence: r), sentence: si))
            }
        }
    }

    /// Pairs quotation marks paragraph by paragraph; unbalanced marks degrade only their paragraph.
    private func findQuoteSpans() -> [QuoteSpan] {
        isMark = Array(repeating: false, count: tokens.count)
        var spans: [QuoteSpan] = []
        var carry: Int? = nil  // index of a span left open at the end of the previous paragraph
        for (pi, p) in paragraphs.enumerated() where !p.tokens.isEmpty {
            let roles = markRoles(p.tokens)
            for (k, role) in roles where role != .ignore { isMark[k] = true }
            var openAt: Int? = nil
            var pendingChain: Int? = nil
            var warned = false
            var firstMark = true
            let nextStartsWithOpen: Bool = {
                guard let next = paragraphs[(pi + 1)...].first(where: { !$0.tokens.isEmpty }), next.kind == "body"
                else { return false }
                let t = tokens[next.tokens.lowerBound]
                return t.kind == .quote
                    && (t.text == "“" || t.text == "\"" || t.text == "«" || t.text == "„" || t.text == "‘"
                        || lexicon.quoteMarks[t.text] != nil)
            }()
            for k in p.tokens {
                guard let role = roles[k], role != .ignore else { continue }
                defer { firstMark = false }
                switch role {
                case .open:
                    var chain: Int? = nil
                    if let o = openAt {
                        // A new quotation opens before the last one closed. After a full stop this is the
                        // multi-paragraph convention (paragraphs merged into one line): the same quote goes on.
                        let afterStop =
                            k > p.tokens.lowerBound && [".", "?", "!", "…", "..."].contains(tokens[k - 1].text)
                        var span = QuoteSpan(
                            open: o, close: nil, inner: (o + 1)..<k, paragraph: pi, block: afterStop, continues: nil)
                        if o == p.tokens.lowerBound, let c = carry {
                            span.continues = spans[c].continues ?? c
                            span.block = true
                        }
                        spans.append(span)
                        if afterStop {
                            chain = spans[spans.count - 1].continues ?? (spans.count - 1)
                        } else if !warned {
                            warn(
                                "quotation mark opened here is not closed before the next one opens",
                                at: tokens[o].start)
                            warned = true
                        }
                    }
                    openAt = k
                    pendingChain = chain
                    if firstMark, let c = carry, k == p.tokens.lowerBound {
                        // continuation paragraph of a multi-paragraph quote (opening mark repeated)
                        _ = c
                    }
                case .close:
                    if let o = openAt {
                        var span = QuoteSpan(
                            open: o, close: k, inner: (o + 1)..<k, paragraph: pi, block: false, continues: nil)
                        if o == p.tokens.lowerBound, let c = carry {
                            span.block = true
                            span.continues = spans[c].continues ?? c
                        }
                        if let c = pendingChain {
                            span.block = true
                            span.continues = c
                            pendingChain = nil
                        }
                        spans.append(span)
                        openAt = nil
                        carry = nil
                    } else if firstMark, let c = carry {
                        // continuation written without the opening mark: the paragraph start to here
                        spans.append(
                            QuoteSpan(
                                open: nil, close: k, inner: p.tokens.lowerBound..<k, paragraph: pi, block: true,
                                continues: spans[c].continues ?? c))
                        carry = nil
                    } else if tokens[k].text == "”" || tokens[k].text == "»" {
                        if !warned {
                            warn("closing quotation mark without an opening one", at: tokens[k].start)
                            warned = true
                        }
                    }
                case .ignore: break
                }
            }
            if let o = openAt {
                // Open at the paragraph end: a multi-paragraph quote if the next paragraph reopens, else unbalanced.
                var span = QuoteSpan(
                    open: o, close: nil, inner: (o + 1)..<p.tokens.upperBound, paragraph: pi, block: false,
                    continues: nil)
                if o == p.tokens.lowerBound, let c = carry {
                    span.continues = spans[c].continues ?? c
                    span.block = true
                }
                if let c = pendingChain {
                    span.continues = c
                    span.block = true
                }
                if nextStartsWithOpen {
                    span.block = true
                    spans.append(span)
                    carry = spans.count - 1
                } else {
                    if !warned {
                        warn("quotation mark opened here is not closed in its paragraph", at: tokens[o].start)
                    }
                    spans.append(span)
                    carry = nil
                }
            } else if carry != nil && !(spans.last.map { $0.paragraph == pi } ?? false) {
                carry = nil
            }
            if openAt == nil, let last = spans.last, last.paragraph != pi { carry = nil }
        }
        return spans
    }

    /// Decides which quote-like tokens of a paragraph open or close a quotation.
    private func markRoles(_ range: Range<Int>) -> [Int: MarkRole] {
        var roles: [Int: MarkRole] = [:]
        var doubleOpen = false
        var singleOpen = false
        for k in range where tokens[k].kind == .quote && roles[k] == nil {
            let t = tokens[k]
            let glueAfter = k + 1 < range.upperBound && !tokens[k + 1].spaceBefore && tokens[k + 1].kind != .punct
            let atStart =
                k == range.lowerBound || tokens[k].spaceBefore || tokens[k - 1].text == "("
                || tokens[k - 1].kind == .dash
            if let role = lexicon.quoteMarks[t.text] {
                let open = role == "open" || (role == "both" && (atStart || !doubleOpen) && glueAfter)
                roles[k] = open ? .open : .close
                doubleOpen = open
                continue
            }
            switch t.text {
            case "“"
            where doubleOpen && !t.spaceBefore && k > range.lowerBound
                && [",", ".", "?", "!"].contains(tokens[k - 1].text)
                && (k + 1 == range.upperBound || tokens[k + 1].spaceBefore):
                // a typo'd closing mark: “It's unusual,“ said …
                roles[k] = .close
                doubleOpen = false
            case "“", "„", "«", "‟":
                roles[k] = .open
                doubleOpen = true
            case "”", "»", "″":
                roles[k] = .close
                doubleOpen = false
            case "\"":
                if atStart && glueAfter {
                    roles[k] = .open
                    doubleOpen = true
                } else if !t.spaceBefore {
                    roles[k] = .close
                    doubleOpen = false
                } else if doubleOpen {
                    roles[k] = .close
                    doubleOpen = false
                } else {
                    roles[k] = .open
                    doubleOpen = true
                }
            case "‘", "'", "‛":
                // single marks quote only inside no double quote, opening before a word, and closed later
                if doubleOpen || singleOpen || !(atStart && glueAfter) {
                    roles[k] = .ignore
                    continue
                }
                if let c = singleClose(after: k, range) {
                    roles[k] = .open
                    roles[c] = .close
                    singleOpen = false
                } else {
                    roles[k] = .ignore
                }
            case "’":
                if roles[k] == nil { roles[k] = .ignore }
            default:
                roles[k] = .ignore
            }
        }
        return roles
    }

    /// The closing single mark for a single opening mark at `k`, if the paragraph has one.
    private func singleClose(after k: Int, _ range: Range<Int>) -> Int? {
        var j = k + 1
        while j < range.upperBound {
            let t = tokens[j]
            if t.kind == .quote && (t.text == "’" || t.text == "'") && !t.spaceBefore {
                let after = j + 1 < range.upperBound ? tokens[j + 1] : nil
                if after == nil || after!.spaceBefore || after!.kind == .punct || after!.kind == .quote {
                    return j - k > 1 ? j : nil
                }
            }
            if t.kind == .quote && (t.text == "“" || t.text == "\"") { return nil }
            j += 1
        }
        return nil
    }

    /// direct, partial or block.
    private func quoteKind(_ span: QuoteSpan) -> String {
        if span.block || span.continues != nil { return "block" }
        guard let o = span.open else { return "block" }
        let first = span.inner.isEmpty ? nil : tokens[span.inner.lowerBound]
        if let f = first, f.kind == .word, f.text.unicodeScalars.first?.isLower == true { return "partial" }
        if o > 0, sentenceOfToken[o] == sentenceOfToken[o - 1] {
            let prev = tokens[o - 1]
            if prev.kind == .word && !prev.has(Lexicon.cueFormBit) && prev.lower != "that" { return "partial" }
        }
        return "direct"
    }

    // MARK: Attribution

    /// Finds the speaker of a quote span: its sentence's cue, a preceding quote, or the sentence subject.
    private func attribute(_ span: QuoteSpan, index: Int, spans: [QuoteSpan], previous: [Attribution]) -> (
        Attribution, AttributionRule
    ) {
        let firstInner = span.inner.isEmpty ? (span.open ?? 0) : span.inner.lowerBound
        let si = sentenceOfToken[span.open ?? firstInner]
        let lastTok = span.close ?? max(firstInner, span.inner.upperBound - 1)
        let sEnd = sentenceOfToken[min(lastTok, tokens.count - 1)]
        // the rules read the quote's sentence, but no further than a window around the quote, so a
        // "sentence" of thousands of tokens (unclosed marks, text without stops) costs no more than a long one
        let sentence =
            max(
                sentences[si].tokens.lowerBound, firstInner - Self.attributionWindow)..<min(
                sentences[sEnd].tokens.upperBound, lastTok + 1 + Self.attributionWindow)

        // Another quote in the same sentence already attributed (split quotes: "…," he said, "…").
        func sameSentenceSpeaker() -> (Int?, Range<Int>?, String?)? {
            var n = index - 1
            while n >= 0 && n < previous.count {
                let s = spans[n]
                if (s.close ?? s.inner.upperBound) < sentence.lowerBound { break }
                let sk = sentenceOfToken[s.open ?? s.inner.lowerBound]
                if sk != si && sentenceOfToken[s.close ?? max(s.inner.lowerBound, s.inner.upperBound - 1)] != si {
                    break
                }
                if previous[n].mention != nil { return previous[n] }
                n -= 1
            }
            return nil
        }

        // A. After the closing mark: "…," Zelensky said / "…," said Zelensky / "…," Jane Doe, a spokeswoman, said
        if let c = span.close {
            if let a = attributionAfter(c + 1, sentence: sentence) { return (a, .cueAfter) }
        }
        // B. Right before the opening mark: Zelensky said: "…" / X told reporters, "…"
        if let o = span.open {
            if let a = attributionBefore(o, sentence: sentence) {
                if a.mention == nil, let s = sameSentenceSpeaker() { return ((s.0, s.1, a.cue), .clauseSpeaker) }
                if a.mention == nil,
                    let subject = participleSubject(before: o, sentence: sentence)
                        ?? clauseSubject(before: o, sentence: sentence) ?? sentenceSubject(sentence, before: o)
                {
                    return ((resolveSpeaker(subject, sentence: sentence), subject, a.cue), .clauseSpeaker)
                }
                return (a, .cueBefore)
            }
        }
        // C. "according to X" anywhere in the sentence.
        if let a = accordingTo(in: sentence) { return (a, .accordingTo) }
        // D. The nearest cue before the quote in its sentence: Trump … said he asked Putin “not to fire …”
        if let o = span.open ?? Optional(firstInner), let a = nearestCueBefore(o, sentence: sentence) {
            if a.mention == nil, let s = sameSentenceSpeaker() { return ((s.0, s.1, a.cue), .clauseSpeaker) }
            return (a, .nearestCue)
        }
        if let s = sameSentenceSpeaker() { return (s, .sameSentence) }
        // E. A cue later in the sentence, after other words: "…" was how the official put it / Zelensky later said
        if let c = span.close, let a = cueLater(c + 1, sentence: sentence) { return (a, .cueLater) }
        // F. Colon after the sentence subject: Zelensky … set a clear condition: "…"
        if let o = span.open, o > sentence.lowerBound, tokens[o - 1].text == ":",
            let a = colonSubject(o - 1, sentence: sentence)
        {
            if let np = a.mention { recordSpeech((o - 1)..<o, np, a.party) }
            return (a, .colon)
        }
        // H. The subject of the sentence that frames the quote: "She has proposed appointing a “chief trade prosecutor”",
        //    "Romney went after Trump, calling it “disqualifying”", "Pew found that “…”".
        if let o = span.open, o > sentence.lowerBound, !isQuoteLed(span, sentence: sentence),
            let subject = participleSubject(before: o, sentence: sentence)
                ?? clauseSubject(before: o, sentence: sentence) ?? sentenceSubject(sentence, before: o)
        {
            let r = resolveSpeaker(subject, sentence: sentence)
            let verb =
                subject.upperBound < o && tokens[subject.upperBound].kind == .word
                ? tokens[subject.upperBound].text : nil
            return ((r, subject, verb), .subject)
        }
        // J. A quote-led paragraph after one that ends with a colon: "17-year-old Jared Potts echoed:" ¶ "“…”"
        if isQuoteLed(span, sentence: sentence), let o = span.open, o > 0, tokens[o - 1].text == ":",
            paragraphOf(o - 1) != span.paragraph
        {
            let colon = o - 1
            let ps = sentences[sentenceOfToken[colon]].tokens
            if let a = attributionBefore(colon + 1, sentence: ps.lowerBound..<(colon + 1)), let np = a.mention {
                return ((a.party, np, a.cue), .colon)
            }
            if let a = nearestCueBefore(colon, sentence: ps), a.mention != nil { return (a, .colon) }
            // "When Wallace died, President Clinton released the following statement:" — the main clause's subject
            if let subject = sentenceSubject(ps, before: colon) ?? colonSubject(colon, sentence: ps)?.mention {
                let r = resolveSpeaker(subject, sentence: ps)
                recordSpeech(colon..<(colon + 1), subject, r)
                return ((r, subject, nil), .colon)
            }
        }
        // I. A quote-only paragraph signed on the next line: "“…”" / "- Sanders."
        if isQuoteLed(span, sentence: sentence), let a = signatureAfter(paragraph: span.paragraph) {
            return (a, .signature)
        }
        // G. A quote-only sentence continues the previous speaker in this or the previous paragraph.
        if isQuoteLed(span, sentence: sentence),
            let prev = previousSpeaker(
                before: span.open ?? firstInner, paragraph: span.paragraph, spans: spans, index: index,
                previous: previous)
        {
            return (prev, .continuation)
        }
        return ((nil, nil, nil), .none)
    }

    /// Attribution right after a closing mark (A).
    private func attributionAfter(_ j0: Int, sentence: Range<Int>) -> Attribution? {
        var j = j0
        var dashed = false
        while j < sentence.upperBound && (tokens[j].text == "," || tokens[j].kind == .dash || tokens[j].text == "…") {
            if tokens[j].kind == .dash { dashed = true }
            j += 1
        }
        guard j < sentence.upperBound else { return nil }
        let end = sentence.upperBound
        // a signature: "“…” ― Carla Sanchez."
        if dashed, let np = nounPhraseStarting(j, limit: end), tokens[np.lowerBound].isCapitalized,
            np.upperBound == end || (np.upperBound + 1 == end && tokens[np.upperBound].kind == .punct)
        {
            return (resolveSpeaker(np, sentence: sentence), np, nil)
        }
        // said Zelensky / said the spokesman, Dmitry Peskov / said election lawyer Joe Birkenstock
        if let cue = cueAt(j, limit: end), speakerMayFollow(cue) {
            if let np = nounPhraseStarting(j + cue.count, limit: end) {
                return attributed(np, cue: cue, sentence: sentence)
            }
            return nil
        }
        // according to X
        if tokens[j].lower == "according", j + 1 < end, tokens[j + 1].lower == "to",
            let np = nounPhraseStarting(j + 2, limit: end)
        {
            return (resolveSpeaker(np, sentence: sentence), np, "according to")
        }
        // Zelensky said / he told reporters / the billionaire business mogul told People / Jane Doe, a spokeswoman for X, said
        var q = j + 1
        while q < end && q < j + 20 && !isMark[q] {
            if let cue = cueAt(q, limit: end) {
                if let np = subjectBetween(j, q) { return attributed(np, cue: cue, sentence: sentence) }
                return nil
            }
            // an unlisted verb ending the attribution: "…," the Republican vice-presidential nominee riffed.
            let v = tokens[q]
            if q - j <= 6, v.kind == .word, !v.isCapitalized, v.lower.hasSuffix("ed"), v.lower.count > 4, !isNounUse(q),
                q + 1 >= end || [".", ",", ";"].contains(tokens[q + 1].text)
                    || ["on", "in", "at", "during", "to", "after", "before"].contains(tokens[q + 1].lower),
                let np = subjectBetween(j, q),
                (np.lowerBound..<np.upperBound).contains(where: {
                    tokens[$0].has(Lexicon.determinerBit) || tokens[$0].isCapitalized
                        || tokens[$0].has(Lexicon.pronounBit)
                })
            {
                return attributed(np, cue: q..<(q + 1), sentence: sentence)
            }
            if tokens[q].text == "." || tokens[q].text == ";" { break }
            q += 1
        }
        // An unlisted speech verb before a name: "…," mused Blaze co-host Stu Burguiere.
        if tokens[j].kind == .word && !tokens[j].isCapitalized && tokens[j].lower.hasSuffix("ed")
            && tokens[j].lower.count > 4,
            let np = nounPhraseStarting(j + 1, limit: end),
            (np.lowerBound..<np.upperBound).contains(where: { tokens[$0].isCapitalized })
        {
            return attributed(np, cue: j..<(j + 1), sentence: sentence)
        }
        // An unlisted speech verb right after a name or pronoun: "…," Toomey fumed.
        if let np = nounPhraseStarting(j, limit: end), np.upperBound < end {
            let v = tokens[np.upperBound]
            if v.kind == .word && !v.isCapitalized && (v.lower.hasSuffix("ed") || v.lower.hasSuffix("s"))
                && v.lower.count > 3
                && !v.has(Lexicon.auxiliaryBit) && (np.count <= 4)
            {
                return attributed(np, cue: np.upperBound..<(np.upperBound + 1), sentence: sentence)
            }
        }
        return nil
    }

    /// The speaker phrase spanning tokens `j..<q` before a cue: "Mr. Friedman", "the billionaire business mogul",
    /// "Jane Doe, a spokeswoman for the ministry," (the name before the appositive), with auxiliaries dropped.
    private func subjectBetween(_ j: Int, _ q: Int) -> Range<Int>? {
        // "“…” that border security is working, he said", "“…” if Sanders wins": a clause continues the quote;
        // the speaker is after its last comma, if anywhere
        if j < q, Self.clauseOpeners.contains(tokens[j].lower) {
            guard let comma = (j..<q).last(where: { tokens[$0].text == "," }), comma + 1 < q else { return nil }
            return subjectBetween(comma + 1, q)
        }
        var e = q
        while e > j && tokens[e - 1].kind == .word && tokens[e - 1].has(Lexicon.auxiliaryBit)
            && !tokens[e - 1].has(Lexicon.cueFormBit)
        { e -= 1 }
        while e > j && tokens[e - 1].text == "," { e -= 1 }
        guard e > j else { return nil }
        // an appositive: keep the part before the first comma, unless a title is named by it
        // ("the governor, Vasily Golubev," → Vasily Golubev)
        if let comma = (j..<e).first(where: { tokens[$0].text == "," || tokens[$0].text == "(" }) {
            if let name = appositiveName(title: j..<comma, rest: (comma + 1)..<e) { return name }
            e = comma
        }
        guard e > j, e - j <= 8 else { return nil }
        let first = tokens[j]
        guard first.kind == .word else { return nil }
        // "a Donald Trump tweet", "an Obama statement": a noun compound, not a speaker and a verb
        if ["a", "an"].contains(first.lower), e - j >= 2,
            (j + 1..<e).allSatisfy({ tokens[$0].isCapitalized || entityAt[$0] >= 0 }),
            lexicon.roleMatcher.match(tokens, at: j + 1, limit: e) == nil
        {
            return nil
        }
        let ok =
            first.isCapitalized || entityAt[j] >= 0 || first.has(Lexicon.determinerBit) || first.has(Lexicon.pronounBit)
            || first.has(Lexicon.groupBit) || lexicon.roleMatcher.match(tokens, at: j, limit: e) != nil
            || first.has(Lexicon.speakerAdjectiveBit)
        guard ok else { return nil }
        // no clause inside: a verb-like word or a preposition other than "of" means this is not a plain subject
        for k in j..<e where tokens[k].kind == .word && !tokens[k].isCapitalized {
            let l = tokens[k].lower
            if ["that", "which", "who", "when", "while", "because", "if", "and", "but"].contains(l) && k > j {
                return nil
            }
            if lexicon.cueForms[l] != nil { return nil }
        }
        return j..<e
    }

    /// The name set off after a titled nominal ("the mayor, Vitali Klitschko"): `title` starts with a
    /// determiner and `rest` is capitalised words only (a name, not "the ministry, however").
    private func appositiveName(title: Range<Int>, rest: Range<Int>) -> Range<Int>? {
        guard title.count >= 2, title.count <= 6, tokens[title.lowerBound].has(Lexicon.determinerBit),
            !rest.isEmpty, rest.count <= 4, tokens[rest.lowerBound].isCapitalized,
            rest.allSatisfy({ tokens[$0].isCapitalized || (tokens[$0].kind == .punct && tokens[$0].text == ".") }),
            title.dropFirst().contains(where: {
                lexicon.roleMatcher.match(tokens, at: $0, limit: title.upperBound) != nil
                    || tokens[$0].has(Lexicon.groupBit)
            })
        else { return nil }
        return rest
    }

    /// Resolves a speaker phrase, records the speech event and returns the attribution.
    private func attributed(_ np: Range<Int>, cue: Range<Int>, sentence: Range<Int>) -> Attribution {
        let r = resolveSpeaker(np, sentence: sentence)
        recordSpeech(cue, np, r)
        return (r, np, text(tokens: cue))
    }

    /// Attribution right before an opening mark (B): cue, then optional object and ":" "," "that".
    private func attributionBefore(_ o: Int, sentence: Range<Int>) -> Attribution? {
        var k = o - 1
        guard k >= sentence.lowerBound else { return nil }
        if tokens[k].text == ":" || tokens[k].text == "," || tokens[k].lower == "that" || tokens[k].kind == .dash {
            k -= 1
        }
        // skip a short object or adverbial: told reporters / said in a statement / wrote on Twitter
        var scanned = 0
        while k >= sentence.lowerBound && scanned < 7 {
            if let cue = cueEnding(at: k, floor: sentence.lowerBound) {
                // participles after a comma ("…, adding, “…”") belong to the clause's speaker
                let cueTok = tokens[cue.lowerBound]
                if isParticiple(cue, sentence: sentence)
                    || (cueTok.lower.hasSuffix("ing") && !namesSpeaker(before: cue.lowerBound, sentence: sentence))
                {
                    return (nil, nil, cueTok.text)
                }
                // a second verb of the same subject: "Lazar said he welcomed extradition … and added, “…”"
                if cue.lowerBound > sentence.lowerBound,
                    ["and", "but", "then"].contains(tokens[cue.lowerBound - 1].lower)
                {
                    if let subject = coordinatedSubject(cue, sentence: sentence) {
                        return attributed(subject, cue: cue, sentence: sentence)
                    }
                    return (nil, nil, cueTok.text)
                }
                if let np = speakerBefore(cue.lowerBound, floor: sentence.lowerBound) {
                    let r = resolveSpeaker(np, sentence: sentence)
                    if let outer = reportingCue(before: np, party: r, sentence: sentence) { return outer }
                    recordSpeech(cue, np, r)
                    return (r, np, text(tokens: cue))
                }
                // "said X:" with the speaker after the cue (rare)
                return nil
            }
            if isMark[k] || tokens[k].text == "." { break }
            k -= 1
            scanned += 1
        }
        return nil
    }

    /// "according to X" anywhere in the sentence.
    private func accordingTo(in sentence: Range<Int>) -> Attribution? {
        if accordingToAt == nil {
            accordingToAt = tokens.indices.dropLast().filter {
                tokens[$0].lower == "according" && tokens[$0 + 1].lower == "to"
            }
        }
        let at = accordingToAt ?? []
        // the first "according to" at or after the sentence's start, by binary search
        var lo = 0
        var hi = at.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if at[mid] < sentence.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        for k in at[lo...] {
            guard k + 2 < sentence.upperBound else { break }
            guard let np = nounPhraseStarting(k + 2, limit: sentence.upperBound), !isInsideQuote(k) else { continue }
            return (resolveSpeaker(np, sentence: sentence), np, "according to")
        }
        return nil
    }

    /// The nearest cue before token `o` in the sentence, outside quotation marks (D).
    private func nearestCueBefore(_ o: Int, sentence: Range<Int>) -> Attribution? {
        var k = o - 1
        while k >= sentence.lowerBound && o - k < 40 {
            if !isInsideQuote(k), let cue = cueEnding(at: k, floor: sentence.lowerBound) {
                if isParticiple(cue, sentence: sentence) {
                    k = cue.lowerBound - 1
                    continue
                }
                // "McConnell … clinched the nomination and said this week that …": the subject of the coordinated verbs
                if let subject = coordinatedSubject(cue, sentence: sentence) {
                    return attributed(subject, cue: cue, sentence: sentence)
                }
                if let np = speakerBefore(cue.lowerBound, floor: sentence.lowerBound) {
                    let r = resolveSpeaker(np, sentence: sentence)
                    if let outer = reportingCue(before: np, party: r, sentence: sentence) { return outer }
                    recordSpeech(cue, np, r)
                    return (r, np, text(tokens: cue))
                }
            }
            k -= 1
        }
        return nil
    }

    /// The named speaker who reports their own speech act: in "Trump … said he asked Putin “…”" the quote is Trump's
    /// report, so the mention is "Trump" and the cue "said" — when the pronoun opens the complement of that cue.
    private func reportingCue(before np: Range<Int>, party: Int?, sentence: Range<Int>) -> Attribution? {
        guard let party, np.count == 1, tokens[np.lowerBound].has(Lexicon.pronounBit) else { return nil }
        var j = np.lowerBound - 1
        if j >= sentence.lowerBound && tokens[j].lower == "that" { j -= 1 }
        guard j >= sentence.lowerBound, !isInsideQuote(j), let cue = cueEnding(at: j, floor: sentence.lowerBound),
            let outer = speakerBefore(cue.lowerBound, floor: sentence.lowerBound),
            !(outer.count == 1 && tokens[outer.lowerBound].has(Lexicon.pronounBit)),
            resolveSpeaker(outer, sentence: sentence) == party
        else { return nil }
        recordSpeech(cue, outer, party)
        return (party, outer, text(tokens: cue))
    }

    /// The subject of a verb coordinated with an earlier one ("X … and said", "X … but has boasted"), when no subject of its own comes between.
    private func coordinatedSubject(_ cue: Range<Int>, sentence: Range<Int>) -> Range<Int>? {
        var j = cue.lowerBound - 1
        while j > sentence.lowerBound && tokens[j].kind == .word && tokens[j].has(Lexicon.auxiliaryBit)
            && !tokens[j].has(Lexicon.cueFormBit)
        { j -= 1 }
        guard j > sentence.lowerBound, ["and", "but"].contains(tokens[j].lower) else { return nil }
        // the speaker of an earlier cue in the sentence ("He added that … and said …", "the president stressed … and said")
        var c = j - 1
        if tokens[c].text == "," { c -= 1 }
        while c > sentence.lowerBound && !(tokens[c].text == "," && !isInsideQuote(c)) {
            if !isInsideQuote(c), let earlier = cueEnding(at: c, floor: sentence.lowerBound),
                !isParticiple(earlier, sentence: sentence)
            {
                if let np = speakerBefore(earlier.lowerBound, floor: sentence.lowerBound) { return np }
                break
            }
            c -= 1
        }
        return clauseSubject(before: j, sentence: sentence) ?? sentenceSubject(sentence, before: j)
    }

    /// A cue after other words later in the sentence (E): "…," the official later told reporters.
    private func cueLater(_ j: Int, sentence: Range<Int>) -> Attribution? {
        var q = j
        while q < sentence.upperBound {
            if isMark[q] { return nil }
            if let cue = cueAt(q, limit: sentence.upperBound), q > j, tokens[q - 1].text == ",", speakerMayFollow(cue),
                let np = nounPhraseStarting(q + cue.count, limit: sentence.upperBound),
                // "…, said the days when …" is reported speech; "…, said the spokesman" / "said Jane Doe" name a speaker
                np.contains(where: {
                    tokens[$0].isCapitalized || entityAt[$0] >= 0 || tokens[$0].has(Lexicon.groupBit)
                        || tokens[$0].has(Lexicon.pronounBit)
                        || lexicon.roleMatcher.match(tokens, at: $0, limit: $0 + 1) != nil
                })
            {
                return attributed(np, cue: cue, sentence: sentence)
            }
            if let cue = cueAt(q, limit: sentence.upperBound), let np = speakerBefore(q, floor: j) {
                let r = resolveSpeaker(np, sentence: sentence)
                recordSpeech(cue, np, r)
                return (r, np, text(tokens: cue))
            }
            q += 1
        }
        return nil
    }

    /// The subject of a sentence whose quote follows a colon (F).
    private func colonSubject(_ colon: Int, sentence: Range<Int>) -> Attribution? {
        if let a = colonSubjectAtStart(colon, sentence: sentence) { return a }
        guard let subject = clauseSubject(before: colon, sentence: sentence) ?? sentenceSubject(sentence, before: colon)
        else { return nil }
        let cue =
            subject.upperBound < colon && tokens[subject.upperBound].kind == .word
            ? tokens[subject.upperBound].text : nil
        return (resolveSpeaker(subject, sentence: sentence), subject, cue)
    }

    /// The first party of a sentence whose quote follows a colon ("Zelensky … set a clear condition: “…”").
    private func colonSubjectAtStart(_ colon: Int, sentence: Range<Int>) -> Attribution? {
        // the first party mention of the sentence, when it starts the sentence
        var k = sentence.lowerBound
        while k < colon && (tokens[k].kind != .word || tokens[k].has(Lexicon.commonBit) && entityAt[k] < 0)
            && k < sentence.lowerBound + 3
        { k += 1 }
        guard k < colon else { return nil }
        var np: Range<Int>?
        if entityAt[k] >= 0 {
            let e = entities[entityAt[k]]
            np = e.range
        } else if tokens[k].has(Lexicon.pronounBit) {
            np = k..<(k + 1)
        }
        guard var subject = np else { return nil }
        // extend over a title before the name ("President Volodymyr Zelensky")
        if subject.lowerBound > sentence.lowerBound,
            lexicon.roleMatcher.match(tokens, at: subject.lowerBound - 1) != nil
        {
            subject = (subject.lowerBound - 1)..<subject.upperBound
        }
        let r = resolveSpeaker(subject, sentence: sentence)
        // the cue: the verb phrase just before the colon ("set a clear condition")
        var c = colon - 1
        while c > subject.upperBound && colon - c < 5 && tokens[c - 1].kind == .word && tokens[c - 1].lower != "and"
            && tokens[c - 1].text != ","
        { c -= 1 }
        let cue = c < colon ? text(tokens: c..<colon) : nil
        return (r, subject, cue)
    }

    /// The nearest subject before token `o`: a pronoun or a named party followed by a verb-like word
    /// ("…, although she made it clear that she has “serious concerns”" → she).
    func clauseSubject(before o: Int, sentence: Range<Int>) -> Range<Int>? {
        let notVerbs: Set<String> = [
            "to", "in", "on", "at", "for", "with", "by", "from", "of", "and", "or", "but", "as", "than", "the", "a",
            "an",
            "who", "which", "that", "’s", "'s", "is", "was",
        ]
        var k = o - 1
        while k >= sentence.lowerBound {
            let t = tokens[k]
            if t.kind == .word && !isInsideQuote(k) {
                var np: Range<Int>?
                if t.has(Lexicon.pronounBit) && t.lower != "it" && t.lower != "you" {
                    np = k..<(k + 1)
                } else if entityAt[k] >= 0 {
                    let e = entities[entityAt[k]]
                    let kind = partyTable[e.party].kind
                    if e.form != .demonym && e.range.upperBound - 1 == k && kind != "country" { np = e.range }
                }
                if let np, np.upperBound < o {
                    let v = tokens[np.upperBound]
                    if v.kind == .word && !v.isCapitalized && !notVerbs.contains(v.lower) && entityAt[np.upperBound] < 0
                        && !v.has(Lexicon.groupBit)
                        && lexicon.roleMatcher.match(tokens, at: np.upperBound, limit: np.upperBound + 1) == nil
                    {
                        return np
                    }
                }
            }
            k -= 1
        }
        return nil
    }

    /// The subject phrase of a sentence (after a leading adverbial such as "In 2014," or "After the debate,"),
    /// when it comes before token `limit` and names a speaker-like thing.
    func sentenceSubject(_ sentence: Range<Int>, before limit: Int) -> Range<Int>? {
        var k = sentence.lowerBound
        while k < limit && (tokens[k].kind == .quote || tokens[k].kind == .dash || tokens[k].text == "(") { k += 1 }
        guard k < limit else { return nil }
        let openers: Set<String> = [
            "in", "on", "at", "after", "before", "during", "when", "while", "as", "although", "though", "since",
            "despite", "for", "with", "without", "under", "like", "unlike", "following", "still", "yet", "but",
            "and", "so", "now", "then", "later", "earlier", "meanwhile", "instead", "also", "last", "this", "over",
            "by",
            "from", "if", "because", "whether", "once", "until", "amid", "among", "about", "against", "to", "across",
            "through",
        ]
        // a leading participial phrase: "Appearing before supporters on Monday, Suu Kyi said …"
        var participial =
            tokens[k].kind == .word && tokens[k].isCapitalized && entityAt[k] < 0 && tokens[k].lower.count > 5
            && (tokens[k].lower.hasSuffix("ing") || tokens[k].lower.hasSuffix("ed"))
        // a sentence adverb: "Suddenly, …", "Earlier, …"
        if tokens[k].lower.hasSuffix("ly") && entityAt[k] < 0 && k + 1 < limit && tokens[k + 1].text == "," {
            participial = true
        }
        // a leading time phrase: "Minutes later, she …", "Two weeks ago, Trump …"
        if let comma = (k..<min(limit, k + 5)).first(where: { tokens[$0].text == "," }), comma > k,
            ["later", "ago", "earlier", "afterward", "afterwards"].contains(tokens[comma - 1].lower)
        {
            participial = true
        }
        if (openers.contains(tokens[k].lower) || participial) && entityAt[k] < 0 {
            // skip the adverbial up to its comma ("In 2014, Pew found …"); "But Trump said" just drops "But"
            if let comma = (k..<min(limit, k + 12)).first(where: { tokens[$0].text == "," }) {
                k = comma + 1
                // "Speaking in Salem, New Hampshire, Trump …": past a state or country after the town
                if let next = (k..<min(limit, k + 6)).first(where: { tokens[$0].text == "," }),
                    isAgeOrPlaceAppositive(k..<next)
                {
                    k = next + 1
                }
            } else if ["but", "and", "so", "yet", "still", "now", "then", "also", "meanwhile"].contains(tokens[k].lower)
            {
                k += 1
            } else {
                return nil
            }
        }
        guard k < limit, tokens[k].kind == .word else { return nil }
        let t = tokens[k]
        if t.has(Lexicon.pronounBit) && t.lower != "it" && t.lower != "you" { return k..<(k + 1) }
        // "it referenced …", not "it is": "it" speaks when a past-tense verb follows
        if t.lower == "it", k + 1 < limit, tokens[k + 1].kind == .word, tokens[k + 1].lower.hasSuffix("ed"),
            !tokens[k + 1].has(Lexicon.auxiliaryBit)
        {
            return k..<(k + 1)
        }
        if entityAt[k] >= 0 || t.isCapitalized || lexicon.roleMatcher.match(tokens, at: k, limit: limit) != nil {
            // a name, possibly with a title and a possessive head ("Hillary Clinton’s campaign")
            var e = k
            while e < limit && tokens[e].kind == .word
                && (tokens[e].isCapitalized || entityAt[e] >= 0
                    || lexicon.roleMatcher.match(tokens, at: e, limit: e + 1) != nil
                    || (tokens[e].has(Lexicon.connectorBit) && e + 1 < limit && tokens[e + 1].isCapitalized
                        && tokens[e].lower != "and"))
                && e - k < 8
            {
                e += 1
            }
            if e > k, !(e == k + 1 && t.has(Lexicon.commonBit) && entityAt[k] < 0) {
                // "Ryan’s campaign", "Clinton’s spokesman": the possessive's head is the speaker
                if e + 1 < limit,
                    tokens[e].lower == "’s" || tokens[e].lower == "'s" || tokens[e].text == "’" || tokens[e].text == "'"
                {
                    var h = e + 1
                    while h < limit && h < e + 4 && tokens[h].kind == .word && !tokens[h].isCapitalized
                        && !tokens[h].has(Lexicon.auxiliaryBit)
                        && !tokens[h].has(Lexicon.cueFormBit) && !(tokens[h].lower.hasSuffix("ed"))
                    { h += 1 }
                    if h > e + 1 { return k..<h }
                }
                return k..<e
            }
        }
        if !t.isCapitalized, !t.has(Lexicon.determinerBit), let np = nounPhraseStarting(k, limit: limit),
            np.contains(where: { tokens[$0].isCapitalized })
        {
            return np  // "conservative commentator Jonah Goldberg"
        }
        if t.has(Lexicon.determinerBit) {
            // "The Florida senator", "A campaign spokesman", "The report"
            var e = k + 1
            while e < limit && e - k < 6 && tokens[e].kind == .word && !tokens[e].has(Lexicon.auxiliaryBit)
                && !tokens[e].has(Lexicon.cueFormBit) && !(tokens[e].lower.hasSuffix("ed") && e > k + 1)
                && ![
                    "to", "in", "on", "at", "for", "with", "by", "from", "that", "who", "which", "and", "or", "but",
                    "as", "of",
                ].contains(tokens[e].lower)
            {
                e += 1
            }
            if e > k + 1 { return k..<e }
        }
        return nil
    }

    /// Whether a quote starts its sentence (possibly after a dash) and has no cue in it.
    private func isQuoteLed(_ span: QuoteSpan, sentence: Range<Int>) -> Bool {
        guard let o = span.open else { return true }
        // only a dash, or connectives and commas, before it: "Instead, “he just acts like …”", "And: “…”"
        return (sentence.lowerBound..<o).allSatisfy { k in
            let t = tokens[k]
            return t.kind == .dash || t.text == "," || t.text == ":" || t.text == "…"
                || (t.kind == .word && Self.connectives.contains(t.lower))
        }
    }

    /// Sentence-opening connectives that do not change who is speaking.
    static let connectives: Set<String> = [
        "and", "but", "so", "instead", "still", "yet", "also", "then", "however", "later", "again",
        "plus", "or", "now", "meanwhile", "moreover", "besides", "indeed", "finally", "otherwise",
    ]

    /// The speaker of the latest attributed quote or speech event shortly before `position`.
    private func previousSpeaker(
        before position: Int, paragraph: Int, spans: [QuoteSpan], index: Int,
        previous: [Attribution]
    ) -> Attribution? {
        // Latest quote in this paragraph or the one before.
        var n = index - 1
        var candidate: Attribution?
        var candidatePos = -1
        while n >= 0 {
            if spans[n].paragraph < paragraph - 2 { break }
            if previous[n].mention != nil {
                candidate = (previous[n].party, previous[n].mention, nil)
                candidatePos = spans[n].close ?? spans[n].inner.upperBound
                break
            }
            n -= 1
        }
        // The sentence just before, when it is narrative about someone ("Iowa State University's Dianne
        // Bystrom agreed.", "Schoen elaborated in an editorial …"), introduces the quote: its subject speaks.
        let narrative = narrativeSubjectBefore(position)
        // A later speech event without a quote ("Zelensky said." / "She said new mothers …") wins if it is nearer.
        if let ev = speechEvents.last(where: {
            $0.cue.lowerBound < position && $0.speaker != nil && paragraphOf($0.cue.lowerBound) >= paragraph - 2
        }),
            ev.cue.lowerBound > candidatePos, ev.cue.lowerBound > narrative?.np.lowerBound ?? -1
        {
            return (ev.party, ev.speaker, nil)
        }
        if let subject = narrative, subject.np.lowerBound > candidatePos {
            return (subject.party, subject.np, nil)
        }
        if let candidate { return candidate }
        return nil
    }

    /// The subject of the sentence right before `position` (same or previous paragraph) when that sentence has
    /// no quotation of its own and its subject is a named person (or a pronoun for one).
    private func narrativeSubjectBefore(_ position: Int) -> (np: Range<Int>, party: Int?)? {
        let si = sentenceOfToken[position]
        guard si > 0 else { return nil }
        let prev = sentences[si - 1]
        guard paragraphs[prev.paragraph].kind == "body", sentences[si].paragraph - prev.paragraph <= 1 else {
            return nil
        }
        let r = prev.tokens
        guard !r.contains(where: { isMark[$0] }) else { return nil }
        guard let np = sentenceSubject(r, before: r.upperBound), np.count <= 8 else { return nil }
        // the verb right after the subject: a speech or stance verb, not "was" or "is"
        guard np.upperBound < r.upperBound else { return nil }
        var v = np.upperBound
        // "Sen. Bernie Sanders (Vt.), who lost …, identified": past a bracket
        if tokens[v].text == "(",
            let close = (v + 1..<min(r.upperBound, v + 8)).first(where: { tokens[$0].text == ")" })
        {
            v = close + 1
        }
        guard v < r.upperBound else { return nil }
        // "Olena Petrenko, a local historian, agreed.": past the appositive
        if tokens[v].text == ",",
            let close = (v + 1..<min(r.upperBound, v + 14)).first(where: { tokens[$0].text == "," })
        {
            v = close + 1
        }
        guard v < r.upperBound else { return nil }
        let verb = tokens[v]
        guard verb.kind == .word, !verb.isCapitalized, !verb.has(Lexicon.auxiliaryBit) || verb.has(Lexicon.cueFormBit)
        else { return nil }
        let party = resolveSpeaker(np, sentence: r)
        if let party, partyTable[party].kind == "person" { return (np, party) }
        if np.count == 1, tokens[np.lowerBound].has(Lexicon.pronounBit),
            Grammar.personPronouns.contains(tokens[np.lowerBound].lower)
        {
            return (np, party)
        }
        return nil
    }

    /// A signature line right after a paragraph: "- Sanders." / "—President Obama, tweeting after …".
    private func signatureAfter(paragraph pi: Int) -> Attribution? {
        guard pi + 1 < paragraphs.count else { return nil }
        let next = paragraphs[pi + 1]
        guard next.kind == "body", next.tokens.count >= 2, tokens[next.tokens.lowerBound].kind == .dash else {
            return nil
        }
        let r = (next.tokens.lowerBound + 1)..<next.tokens.upperBound
        guard let np = nounPhraseStarting(r.lowerBound, limit: r.upperBound) else { return nil }
        return (resolveSpeaker(np, sentence: r), np, nil)
    }

    /// The paragraph holding token `k`.
    private func paragraphOf(_ k: Int) -> Int { sentences[sentenceOfToken[k]].paragraph }

    /// Whether token `k` is inside quotation marks (between an opening and closing mark of its paragraph).
    func isInsideQuote(_ k: Int) -> Bool {
        if !inQuote.isEmpty { return inQuote[k] }
        let p = paragraphs[paragraphOf(k)]
        var open = false
        for j in p.tokens.lowerBound..<k where tokens[j].kind == .quote {
            switch tokens[j].text {
            case "“", "«", "„": open = true
            case "”", "»": open = false
            case "\"": open.toggle()
            default: break
            }
        }
        return open
    }

    // MARK: Cues and noun phrases

    /// The cue starting at `k` (a speech verb, "according to" excluded), as a token range.
    func cueAt(_ k: Int, limit: Int) -> Range<Int>? {
        guard k < limit, tokens[k].kind == .word else { return nil }
        // a capitalised cue word mid-sentence is a name ("State Department", "United States"), except in headlines
        if tokens[k].isCapitalized && !isSentenceStart(k) && paragraphs[paragraphOf(k)].kind != "headline" {
            return nil
        }
        if let m = lexicon.cueMatcher.match(tokens, at: k, limit: limit), !isNounUse(k) {
            return k..<(k + m.length)
        }
        return nil
    }

    /// Whether the speaker may come after this cue ("said Zelensky"), not its listener ("told reporters").
    private func speakerMayFollow(_ cue: Range<Int>) -> Bool {
        // "…,” adding that …": a participle continues the clause's speaker; nothing after it names one
        if tokens[cue.lowerBound].lower.hasSuffix("ing") { return false }
        return lexicon.cueMatcher.match(tokens, at: cue.lowerBound, limit: cue.upperBound)?.payload.speakerAfter ?? true
    }

    /// Whether a cue word is used as a noun: "the state", "a report", "his claims", "Trump’s offer".
    private func isNounUse(_ k: Int) -> Bool {
        guard k > 0, sentenceOfToken[k - 1] == sentenceOfToken[k] else { return false }
        let p = tokens[k - 1].lower
        if [
            "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those", "’s", "'s",
            "whose",
        ].contains(p) {
            return true
        }
        // "secretary of state"
        return p == "of"
    }

    /// Nouns for documents that "say" things on someone's behalf.
    static let documentNouns: Set<String> = [
        "statement", "statements", "report", "letter", "memo", "email", "e-mail", "release", "tweet",
        "post", "ad", "advertisement", "video", "book", "paper", "editorial", "note", "message", "resolution",
    ]

    /// Whether a pronoun or a name stands right before token `k` (so an -ing cue there has its own subject).
    private func namesSpeaker(before k: Int, sentence: Range<Int>) -> Bool {
        guard k > sentence.lowerBound else { return false }
        let p = tokens[k - 1]
        if p.has(Lexicon.pronounBit) { return true }
        guard entityAt[k - 1] >= 0, partyTable[entities[entityAt[k - 1]].party].kind != "country" else { return false }
        let start = entities[entityAt[k - 1]].range.lowerBound
        // "on Facebook writing" — the name is the object of a preposition
        return
            !(start > sentence.lowerBound
            && ["on", "in", "at", "to", "with", "by", "for", "from", "about", "of"].contains(tokens[start - 1].lower))
    }

    /// Whether a cue is a participle continuing the clause's speaker ("…, adding, “…”", "…,” adding").
    private func isParticiple(_ cue: Range<Int>, sentence: Range<Int>) -> Bool {
        let t = tokens[cue.lowerBound]
        guard t.lower.hasSuffix("ing") else { return false }
        // "Saying …, she": a participle opening the sentence
        guard cue.lowerBound > sentence.lowerBound else { return true }
        let prev = tokens[cue.lowerBound - 1]
        return prev.text == "," || prev.kind == .quote || prev.kind == .dash
            || ["in", "by", "after", "before", "while", "upon", "when", "since", "without"].contains(prev.lower)
    }

    /// The speaker of a participial or coordinated cue before a quote — "Rubio pushed back, saying …",
    /// "The president noted …, and added: “…”", "Bradley apologized …, saying they were …": the subject of
    /// the main clause, not the nearest name (which is usually an object).
    private func participleSubject(before o: Int, sentence: Range<Int>) -> Range<Int>? {
        // the nearest cue word before the quote, within a few words ("saying that the bill …")
        var k = o - 1
        while k > sentence.lowerBound && o - k < 16
            && !(tokens[k].kind == .word && tokens[k].has(Lexicon.cueFormBit) && !isInsideQuote(k))
        {
            if isMark[k] { return nil }
            k -= 1
        }
        guard k >= sentence.lowerBound, tokens[k].kind == .word, tokens[k].has(Lexicon.cueFormBit), !isInsideQuote(k)
        else { return nil }
        // "After saying her foot was “so swollen …,” she was …": the subject follows the opening clause
        if tokens[k].lower.hasSuffix("ing"),
            k == sentence.lowerBound
                || (k - 1 == sentence.lowerBound
                    && ["after", "before", "by", "while", "upon", "in", "since", "without"].contains(
                        tokens[k - 1].lower))
        {
            guard let j = (o..<sentence.upperBound).first(where: { tokens[$0].kind == .word && !isInsideQuote($0) })
            else { return nil }
            return tokens[j].has(Lexicon.pronounBit) ? j..<(j + 1) : nounPhraseStarting(j, limit: sentence.upperBound)
        }
        guard k > sentence.lowerBound else { return nil }
        let before = tokens[k - 1]
        let participle =
            tokens[k].lower.hasSuffix("ing")
            && (before.text == ","
                || ["upon", "by", "while", "before", "after", "and", "—", "-"].contains(before.lower)
                || (before.kind == .word && !before.has(Lexicon.pronounBit) && !before.has(Lexicon.auxiliaryBit)
                    && entityAt[k - 1] < 0 && !before.isCapitalized))
        let coordinated = before.lower == "and" && k - 2 >= sentence.lowerBound && tokens[k - 2].text == ","
        guard participle || coordinated else { return nil }
        return sentenceSubject(sentence, before: k)
    }

    /// Whether token `k` starts its sentence (or follows an opening quotation mark or bracket there).
    private func isSentenceStart(_ k: Int) -> Bool {
        let s = sentences[sentenceOfToken[k]].tokens.lowerBound
        var j = k - 1
        while j >= s && (tokens[j].kind == .quote || tokens[j].text == "(" || tokens[j].kind == .dash) { j -= 1 }
        return j < s
    }

    /// The cue ending at token `k`, if one does.
    private func cueEnding(at k: Int, floor: Int) -> Range<Int>? {
        guard k >= floor, tokens[k].kind == .word else { return nil }
        if tokens[k].isCapitalized && !isSentenceStart(k) && paragraphs[paragraphOf(k)].kind != "headline" {
            return nil
        }
        // "the so-called …", "so called": a label, not speech
        if tokens[k].lower == "called", k > floor,
            tokens[k - 1].lower == "so" || tokens[k - 1].lower == "-" && k - 2 >= floor && tokens[k - 2].lower == "so"
        {
            return nil
        }
        if tokens[k].has(Lexicon.cueFormBit) && !isNounUse(k) { return k..<(k + 1) }
        if k - 1 >= floor, let m = lexicon.cueMatcher.match(tokens, at: k - 1, limit: k + 1), m.length == 2 {
            return (k - 1)..<(k + 1)
        }
        return nil
    }

    /// The speaker noun phrase ending right before `j` (skipping auxiliaries, and an appositive set off by commas).
    func speakerBefore(_ j: Int, floor: Int) -> Range<Int>? {
        var k = j - 1
        // "Trump on Saturday tweeted", "Sanders’s campaign manager on Wednesday said"
        while k >= floor && dateToken[k] { k -= 1 }
        if k < j - 1 && k >= floor && ["on", "in", "at", "late", "early", "last"].contains(tokens[k].lower) { k -= 1 }
        var skipped = 0
        while k >= floor && skipped < 3 && tokens[k].kind == .word && tokens[k].has(Lexicon.auxiliaryBit)
            && !tokens[k].has(Lexicon.cueFormBit)
        {
            k -= 1
            skipped += 1
        }
        // "Johnson kept asking", "she began telling": an aspect verb before an -ing cue
        if k >= floor, j < tokens.count, tokens[j].lower.hasSuffix("ing"), Self.aspectVerbs.contains(tokens[k].lower) {
            k -= 1
            while k >= floor && skipped < 3 && tokens[k].kind == .word && tokens[k].has(Lexicon.auxiliaryBit)
                && !tokens[k].has(Lexicon.cueFormBit)
            {
                k -= 1
                skipped += 1
            }
        }
        // a prepositional phrase between subject and verb: "Trump at the time said", "Beck, who has in the past described"
        if k > floor, let pp = prepositionalPhrase(endingAt: k, floor: floor) {
            k = pp.lowerBound - 1
            while k >= floor && skipped < 3 && tokens[k].kind == .word && tokens[k].has(Lexicon.auxiliaryBit)
                && !tokens[k].has(Lexicon.cueFormBit)
            {
                k -= 1
                skipped += 1
            }
        }
        guard k >= floor else { return nil }
        // appositives of age and place: "Cory James, 22, of Flint, Mich., said" → back to the name
        if tokens[k].text == "," {
            var end = k
            var segments = 0
            while segments < 4, let c = (floor..<end).last(where: { tokens[$0].text == "," || isMark[$0] }),
                tokens[c].text == ",",
                isAgeOrPlaceAppositive((c + 1)..<end)
            {
                end = c
                segments += 1
            }
            if segments > 0 {
                // "Clinton, during a town hall meeting in Columbus, Ohio, said": a town inside a phrase is not the speaker
                if let np = nounPhraseEnding(at: end - 1, floor: floor, strict: true),
                    !(np.lowerBound > floor && Self.prepositions.contains(tokens[np.lowerBound - 1].lower))
                {
                    return np
                }
                k = end
            }
        }
        if tokens[k].text == "," || tokens[k].text == ")" {
            // "Jane Doe, a spokeswoman for the ministry, said" / "Trump, speaking during a Cabinet meeting, said"
            var c = k - 1
            while c > floor && k - c < 25 && tokens[c].text != "," && tokens[c].text != "(" && !isMark[c] { c -= 1 }
            guard c > floor, tokens[c].text == "," || tokens[c].text == "(" else { return nil }
            // "Sen. Claire McCaskill (D-Mo.), who has endorsed Clinton, said": past a bracketed party and state
            var before = c - 1
            if tokens[c].text == ",", tokens[before].text == ")",
                let open = (max(floor, before - 8)..<before).last(where: { tokens[$0].text == "(" }), open > floor
            {
                before = open - 1
            }
            // "One of the university's top executives, Michael Sexton, testified": the name between the commas
            if tokens[c].text == ",", c + 1 < k, tokens[c + 1].isCapitalized || entityAt[c + 1] >= 0,
                ((c + 1)..<k).allSatisfy({
                    tokens[$0].isCapitalized || entityAt[$0] >= 0 || tokens[$0].kind == .punct && tokens[$0].text == "."
                })
            {
                return (c + 1)..<k
            }
            return nounPhraseEnding(at: before, floor: floor, strict: true)
        }
        // a relative clause: "a headline that said", "the Chicago Police Department, which reported" → the noun before it
        if ["that", "which"].contains(tokens[k].lower), k - 1 >= floor {
            let n = tokens[k - 1].text == "," ? k - 2 : k - 1
            guard n >= floor, tokens[n].kind == .word, !tokens[n].has(Lexicon.cueFormBit),
                !tokens[n].has(Lexicon.auxiliaryBit),
                let np = nounPhraseEnding(at: n, floor: floor, strict: true)
            else { return nil }
            // only a party or a person-like nominal speaks through a relative clause ("a piece that noted" is the paper's)
            let speaks =
                np.contains(where: { entityAt[$0] >= 0 }) || tokens[n].has(Lexicon.groupBit)
                || lexicon.roleMatcher.match(tokens, at: n, limit: n + 1) != nil
            // the mention stays the relative pronoun as written; resolving it finds the party before it
            return speaks ? k..<(k + 1) : nil
        }
        return nounPhraseEnding(at: k, floor: floor, strict: false)
    }

    /// Nouns through which their possessor speaks ("Trump's lawyers said", "the ministry's statement said").
    static let speakingNouns: Set<String> = documentNouns.union([
        "brief", "lawyer", "lawyers", "attorney", "attorneys", "campaign", "office", "team",
        "website", "account", "page", "blog", "lawsuit", "complaint", "filing", "spokesperson",
    ])

    /// Verbs of beginning and continuing, before an -ing verb ("kept asking", "began telling").
    static let aspectVerbs: Set<String> = [
        "kept", "keeps", "keep", "began", "begins", "begin", "started", "starts", "start", "continued",
        "continues", "stopped", "stops", "went", "goes", "go",
    ]

    /// Words that open a clause rather than a subject phrase.
    static let clauseOpeners: Set<String> = [
        "that", "if", "while", "when", "because", "as", "after", "before", "since", "until", "unless",
        "although", "though", "whether", "where", "so",
    ]

    /// Number words that end phrases such as "a mother of three".
    static let smallNumbers: Set<String> = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// Prepositions that put a name inside a phrase rather than in the subject.
    static let prepositions: Set<String> = [
        "in", "at", "on", "of", "from", "near", "outside", "inside", "to", "for", "with", "by", "during", "after",
        "before",
    ]

    /// A prepositional phrase ending at `k` whose object is not a name: "at the time", "in the past", "on Twitter".
    private func prepositionalPhrase(endingAt k: Int, floor: Int) -> Range<Int>? {
        guard tokens[k].kind == .word, !tokens[k].has(Lexicon.pronounBit) else { return nil }
        var m = k
        while m > floor && k - m < 4 {
            let u = tokens[m - 1]
            guard u.kind == .word else { return nil }
            if ["in", "at", "on", "during", "over", "since", "for", "after", "before", "via", "through"].contains(
                u.lower)
            {
                // the object must not be a person who could be the speaker ("in Kyiv" is fine, "for Trump" is rare)
                let object = m..<(k + 1)
                if object.contains(where: {
                    entityAt[$0] >= 0 && !tokens[$0].has(Lexicon.placeBit) && !dateToken[$0]
                        && tokens[$0].lower != "twitter"
                }) {
                    return nil
                }
                return (m - 1)..<(k + 1)
            }
            if u.isCapitalized && entityAt[m - 1] < 0 && !u.has(Lexicon.determinerBit) { return nil }
            m -= 1
        }
        return nil
    }

    /// Whether a comma-delimited segment gives an age or a home town: "22", "of Flint", "Mich.", "Iowa".
    private func isAgeOrPlaceAppositive(_ r: Range<Int>) -> Bool {
        guard !r.isEmpty, r.count <= 5 else { return false }
        if r.count == 1 && tokens[r.lowerBound].kind == .number { return true }
        if ["of", "from"].contains(tokens[r.lowerBound].lower) {
            return r.dropFirst().allSatisfy { tokens[$0].isCapitalized || tokens[$0].text == "." }
        }
        // a state or place on its own: "Mich.", "Iowa", "Texas" (the places lexicon)
        guard r.allSatisfy({ tokens[$0].isCapitalized || tokens[$0].text == "." }),
            let m = lexicon.placeMatcher.match(tokens, at: r.lowerBound, limit: r.upperBound)
        else { return false }
        return r.lowerBound + m.length >= r.upperBound - (tokens[r.upperBound - 1].text == "." ? 1 : 0)
    }

    /// The noun phrase whose last token is `k`: a pronoun, a name with titles, or a determiner + nominal.
    private func nounPhraseEnding(at k: Int, floor: Int, strict: Bool) -> Range<Int>? {
        guard k >= floor else { return nil }
        let head = tokens[k]
        // a date is not a speaker ("… on Tuesday said" is handled by the caller; "March 1 states" is not a name)
        if dateToken[k] { return nil }
        // "the 34-year-old mother of three", "a father of two"
        if k - 2 >= floor, tokens[k - 1].lower == "of", head.kind == .number || Self.smallNumbers.contains(head.lower),
            let np = nounPhraseEnding(at: k - 2, floor: floor, strict: strict), np.upperBound == k - 1
        {
            return np.lowerBound..<(k + 1)
        }
        // quantities as speakers: "About four in 10 said", "Most said", "21 percent said"
        if head.kind == .number
            || [
                "most", "many", "some", "half", "all", "few", "several", "others", "majority", "percent", "both",
                "none",
            ].contains(head.lower)
        {
            var s = k
            while s > floor && k - s < 5
                && (tokens[s - 1].kind == .number
                    || tokens[s - 1].kind == .word && !tokens[s - 1].isCapitalized
                        && [
                            "about", "in", "of", "nearly", "almost", "some", "more", "than", "over", "under", "four",
                            "three", "two", "one", "five", "six", "seven", "eight", "nine", "ten", "a", "the",
                        ].contains(tokens[s - 1].lower))
            { s -= 1 }
            return s..<(k + 1)
        }
        guard head.kind == .word else { return nil }
        if head.has(Lexicon.pronounBit) { return k..<(k + 1) }
        // ", who said" — or "Tessa Jowell who said", a name before "who" with the comma left out
        if head.lower == "who" {
            return k > floor
                && (tokens[k - 1].text == ","
                    || entityAt[k - 1] >= 0 && partyTable[entities[entityAt[k - 1]].party].kind == "person")
                ? k..<(k + 1) : nil
        }
        // a function word never heads a speaker phrase ("… the nomination and said", "In responding")
        if head.has(Lexicon.commonBit) && entityAt[k] < 0
            && ![
                "that", "which", "another", "everyone", "each", "someone", "somebody", "nobody", "anyone", "everybody",
            ].contains(head.lower)
        {
            return nil
        }
        if head.has(Lexicon.cueFormBit) && !head.isCapitalized { return nil }
        // an adverb after the subject ("the FBI somehow managed"): the phrase ends before it
        if !head.isCapitalized
            && (head.lower.hasSuffix("ly")
                || ["somehow", "also", "again", "still", "now", "then", "just"].contains(head.lower))
            && k > floor
        {
            return nounPhraseEnding(at: k - 1, floor: floor, strict: strict)
        }
        let headIsName = head.isCapitalized || entityAt[k] >= 0
        let headIsNominal = head.has(Lexicon.groupBit) || lexicon.roleMatcher.match(tokens, at: k, limit: k + 1) != nil
        var s = k
        var m = k - 1
        var sawDeterminer = false
        var sawPossessor = false
        while m >= floor && k - m < 9 {
            let u = tokens[m]
            if u.kind != .word { break }
            // "the 34-year-old mother"
            if u.lower.hasSuffix("-old"), m - 2 >= floor, tokens[m - 1].kind == .dash, tokens[m - 2].kind == .number {
                s = m - 2
                m -= 3
                continue
            }
            if u.has(Lexicon.determinerBit) && !(u.isCapitalized && m > floor && entityAt[m] >= 0) {
                s = m
                sawDeterminer = true
                break
            }
            if u.isCapitalized || entityAt[m] >= 0 {
                s = m
                m -= 1
                continue
            }
            if u.lower == "’s" || u.lower == "'s" {
                // "Ivana Trump's brief", "Clinton's campaign": a named possessor of a document or team speaks through it
                if m == k - 1, m > floor, tokens[m - 1].isCapitalized || entityAt[m - 1] >= 0,
                    Self.speakingNouns.contains(head.lower)
                {
                    sawPossessor = true
                }
                s = m
                m -= 1
                continue
            }
            if u.has(Lexicon.connectorBit) && m + 1 <= k && tokens[m + 1].isCapitalized && m - 1 >= floor
                && tokens[m - 1].isCapitalized
            {
                s = m
                m -= 1
                continue
            }
            if u.has(Lexicon.speakerAdjectiveBit) || u.has(Lexicon.groupBit)
                || lexicon.roleMatcher.match(tokens, at: m, limit: m + 1) != nil
            {
                s = m
                m -= 1
                continue
            }
            if !headIsName && k - m <= 2 && u.lower.count > 2 && !u.has(Lexicon.auxiliaryBit)
                && !u.has(Lexicon.cueFormBit)
                && ![
                    "and", "or", "but", "to", "in", "on", "at", "with", "by", "for", "from", "as", "than", "who",
                    "which", "that",
                ].contains(u.lower)
            {
                // an unknown modifier ("the prominent lawmaker"): accepted only if a determiner comes next
                if m - 1 >= floor && tokens[m - 1].has(Lexicon.determinerBit) {
                    s = m
                    m -= 1
                    continue
                }
            }
            break
        }
        if s == k && !headIsName && !headIsNominal {
            // a bare lowercase word: only a known group noun or role makes it a speaker
            return nil
        }
        if !headIsName && !headIsNominal && !sawDeterminer && !sawPossessor { return nil }
        if strict && !headIsName && !headIsNominal && !head.has(Lexicon.pronounBit) && !sawDeterminer && !sawPossessor {
            return nil
        }
        // a sentence-initial function word is not part of the name
        while s < k && tokens[s].has(Lexicon.commonBit) && !tokens[s].has(Lexicon.determinerBit) && entityAt[s] < 0 {
            s += 1
        }
        // "that Grayson said" / "that he": the complementizer is not part of the speaker
        if s < k && tokens[s].lower == "that" && (tokens[s + 1].isCapitalized || entityAt[s + 1] >= 0) { s += 1 }
        // a relative clause: ", who said …" speaks for the name before it (the mention stays "who");
        // "a candidate who promised" without a comma is a description, not an attribution
        if ["which", "that"].contains(head.lower) { return nil }
        // a document issued by someone: "X issued a statement saying" → X
        if Self.documentNouns.contains(head.lower), s > floor, tokens[s - 1].kind == .word,
            !tokens[s - 1].isCapitalized,
            [
                "issued", "released", "sent", "posted", "published", "put", "emailed", "circulated", "distributed",
                "tweeted",
            ].contains(tokens[s - 1].lower),
            let issuer = nounPhraseEnding(at: s - 2, floor: floor, strict: strict)
        {
            return issuer
        }
        return s..<(k + 1)
    }

    /// The noun phrase starting at `j` (after a cue: "said Zelensky", "said the spokesman, Dmitry Peskov",
    /// "said election lawyer Joe Birkenstock", "said the billionaire business mogul").
    private func nounPhraseStarting(_ j: Int, limit: Int) -> Range<Int>? {
        guard j < limit else { return nil }
        let slashed =
            j + 2 < limit && tokens[j].kind == .number && tokens[j + 1].text == "/" && tokens[j + 2].kind == .number
        if dateToken[j] || slashed {
            // "said 9/11 widow Terry Strada": a date used as a modifier; otherwise a date is no speaker ("said Tuesday")
            var d = slashed ? j + 3 : j
            while d < limit && dateToken[d] { d += 1 }
            guard d < limit, tokens[d].kind == .word, !tokens[d].isCapitalized,
                let np = nounPhraseStarting(d, limit: limit)
            else { return nil }
            return j..<np.upperBound
        }
        let t = tokens[j]
        guard t.kind == .word else { return nil }
        if t.has(Lexicon.pronounBit) { return j..<(j + 1) }
        // lowercase modifiers before a capitalised name: "election lawyer Joe Birkenstock", "former Colorado Rep. …"
        var lead = j
        if t.has(Lexicon.determinerBit) { lead += 1 }
        var m = lead
        while m < limit && m - lead < 5 && (tokens[m].kind == .word || tokens[m].kind == .number && m == lead)
            && !tokens[m].isCapitalized && entityAt[m] < 0
            && !tokens[m].has(Lexicon.auxiliaryBit) && !tokens[m].has(Lexicon.cueFormBit)
            && !Self.clauseOpeners.contains(tokens[m].lower)
            && ![
                "to", "in", "on", "at", "for", "with", "by", "from", "that", "who", "which", "and", "or", "but", "as",
                "of",
            ].contains(tokens[m].lower)
        {
            m += 1
        }
        var e = m
        var sawName = false
        while e < limit && e - j < 12 {
            let u = tokens[e]
            if u.kind != .word { break }
            if u.isCapitalized || entityAt[e] >= 0 {
                e += 1
                sawName = true
                continue
            }
            if (u.lower == "’s" || u.lower == "'s") && sawName {
                e += 1
                continue
            }
            if u.has(Lexicon.connectorBit) && sawName && e + 1 < limit && tokens[e + 1].isCapitalized
                && u.lower != "and"
            {
                e += 1
                continue
            }
            break
        }
        if sawName { return j..<e }
        // no name: a determiner (or known group/role) and up to four lowercase words: "the billionaire business mogul"
        if m > lead
            && (lead > j || tokens[m - 1].has(Lexicon.groupBit)
                || lexicon.roleMatcher.match(tokens, at: m - 1, limit: m) != nil)
        {
            return j..<m
        }
        return nil
    }

    /// Records a speech event for salience and later quotes.
    private func recordSpeech(_ cue: Range<Int>, _ np: Range<Int>, _ party: Int?) {
        addSpeechEvent(SpeechEvent(cue: cue, speaker: np, party: party, sentence: sentenceOfToken[cue.lowerBound]))
    }

    /// Appends a speech event, keeping `speechInTextOrder` sorted (stable: among equal cues, recording order).
    private func addSpeechEvent(_ ev: SpeechEvent) {
        let at = countBefore(ev.cue.lowerBound + 1, speechInTextOrder.count) {
            speechEvents[speechInTextOrder[$0]].cue.lowerBound
        }
        speechEvents.append(ev)
        speechInTextOrder.insert(speechEvents.count - 1, at: at)
    }

    // MARK: Resolving speakers

    /// The party a speaker phrase refers to: a named entity inside it, a pronoun's antecedent, or a nominal's referent.
    func resolveSpeaker(_ np: Range<Int>, sentence: Range<Int>) -> Int? {
        // named inside: prefer a person, then organisations, then countries
        var best: (Int, Int)? = nil  // (rank, party)
        for k in np where entityAt[k] >= 0 {
            let p = entities[entityAt[k]].party
            let kind = partyTable[p].kind
            let rank = kind == "person" ? 3 : (kind == "country" ? 1 : 2)
            if best == nil || rank >= best!.0 { best = (rank, p) }
        }
        let head = tokens[np.upperBound - 1]
        if let best {
            // "The US president", "Russia's foreign minister": the person holding that role for that country
            if best.0 == 1, np.count > 1,
                let role = lexicon.roleMatcher.match(tokens, at: np.upperBound - 1, limit: np.upperBound)?.payload,
                let p = partyTable.indices.first(where: {
                    partyTable[$0].kind == "person" && partyTable[$0].affiliation == partyTable[best.1].name
                        && (partyTable[$0].role?.lowercased().contains(role.lowercased()) ?? false)
                        && firstMentionBefore($0, np.lowerBound)
                })
            {
                return p
            }
            return best.1
        }
        if np.count == 1 && head.has(Lexicon.pronounBit) {
            return antecedent(of: np.lowerBound, pronoun: head.lower)
        }
        // ", who said", "the department, which reported": the party named just before
        if np.count == 1 && ["who", "which", "that"].contains(head.lower) {
            var j = np.lowerBound - 1
            while j >= sentence.lowerBound && np.lowerBound - j < 8 {
                if entityAt[j] >= 0 { return entities[entityAt[j]].party }
                j -= 1
            }
            return nil
        }
        // nominals: "the president", "the ministry", "the spokesman"
        if let role = lexicon.roleMatcher.match(tokens, at: np.upperBound - 1, limit: np.upperBound)?.payload {
            if let p = latestMentioned(
                before: np.lowerBound,
                where: {
                    partyTable[$0].kind == "person"
                        && (partyTable[$0].role?.lowercased().contains(role.lowercased()) ?? false)
                })
            {
                return p
            }
        }
        // an institution's head word (orgwords.tsv): "the ministry", "the air force", "the embassy"
        if lexicon.orgWords.contains(head.lower) {
            if let p = latestMentioned(
                before: np.lowerBound,
                where: {
                    partyTable[$0].kind != "person" && partyTable[$0].kind != "group" && partyTable[$0].kind != "source"
                        && partyTable[$0].name.lowercased().contains(head.lower)
                })
            {
                return p
            }
            return institutionOfMentionedCountry(np, sentence: sentenceOfToken[np.lowerBound])
        }
        return nil
    }

    /// "the air force" when the lexicon has one such institution for the country the article is most
    /// about so far ("Ukrainian air force" in a report from Kyiv; nothing when two countries tie).
    private func institutionOfMentionedCountry(_ np: Range<Int>, sentence: Int) -> Int? {
        guard np.count >= 2, tokens[np.lowerBound].lower == "the" else { return nil }
        let tail = " " + text(tokens: (np.lowerBound + 1)..<np.upperBound).lowercased()
        // the country the article is most about so far: the one mentioned most before the phrase
        let before = tokens[np.lowerBound].start
        let counts = partyTable.filter { $0.kind == "country" }.map {
            ($0.name, $0.mentions.filter { $0.start < before }.count)
        }
        guard let top = counts.max(by: { $0.1 < $1.1 }), top.1 > 0, counts.filter({ $0.1 == top.1 }).count == 1 else {
            return nil
        }
        var found: [Int] = []
        for (i, e) in lexicon.parties.enumerated() where e.kind != "person" && e.kind != "country" {
            guard e.affiliation == top.0 else { continue }
            if ([e.name] + e.aliases).contains(where: { $0.lowercased().hasSuffix(tail) }) { found.append(i) }
        }
        guard found.count == 1 else { return nil }
        addLexiconParty(found[0], np, form: .alias, sentence: sentence)
        return partyTable.firstIndex { $0.lexiconIndex == found[0] }
    }

    /// The party satisfying `fits` whose latest mention before token `k` is nearest ("the president" after "Biden" is Biden).
    private func latestMentioned(before k: Int, where fits: (Int) -> Bool) -> Int? {
        let limit = tokens[k].start
        var best: (Int, Int)? = nil  // (mention start, party)
        for p in partyTable.indices where fits(p) {
            guard let last = partyTable[p].mentions.last(where: { $0.start < limit }) else { continue }
            if best == nil || last.start > best!.0 { best = (last.start, p) }
        }
        return best?.1
    }

    /// Whether party `p` was mentioned before token `k`.
    private func firstMentionBefore(_ p: Int, _ k: Int) -> Bool {
        guard let first = partyTable[p].mentions.first else { return false }
        return first.start < tokens[k].start
    }

    /// The antecedent of a pronoun at token `k`: the salient person (he/she) or group (they/we) in the last few sentences.
    private func antecedent(of k: Int, pronoun: String) -> Int? {
        let s = sentenceOfToken[k]
        let wantPerson = pronoun == "he" || pronoun == "she" || pronoun == "i"
        let otherGender: String? = pronoun == "he" ? "f" : (pronoun == "she" ? "m" : nil)
        func fits(_ p: Int) -> Bool {
            let kind = partyTable[p].kind
            if wantPerson { return kind == "person" && (otherGender == nil || partyTable[p].gender != otherGender) }
            if pronoun == "it" { return kind != "person" && kind != "group" && kind != "source" }
            return kind != "person"
        }
        // 1. the subject of this sentence, before the pronoun (not a name inside a leading phrase: "Echoing Putin, he …")
        let sr = sentences[s].tokens
        var j = sr.lowerBound
        let leadingPhrase =
            j < k && tokens[j].kind == .word && entityAt[j] < 0
            && (tokens[j].lower.hasSuffix("ing") || Self.prepositions.contains(tokens[j].lower))
        while !leadingPhrase && j < k && j < sr.lowerBound + 4 {
            if entityAt[j] >= 0, fits(entities[entityAt[j]].party) { return entities[entityAt[j]].party }
            j += 1
        }
        // (speech events and entities are in text order: walk back from k, no further than three sentences)
        let eventsBefore = countBefore(k, speechInTextOrder.count) {
            speechEvents[speechInTextOrder[$0]].cue.lowerBound
        }
        let entitiesBefore = countBefore(k, entities.count) { entities[$0].range.lowerBound }
        // 2. the latest speaker of a speech event in the last sentences
        // (no more than `Self.lookBack` events or mentions back: three real sentences hold far fewer)
        var i = eventsBefore - 1
        while i >= 0 && i >= eventsBefore - Self.lookBack && s - speechEvents[speechInTextOrder[i]].sentence <= 3 {
            let ev = speechEvents[speechInTextOrder[i]]
            i -= 1
            guard let party = ev.party, fits(party) else { continue }
            // unless a later sentence-initial subject of the right kind intervenes
            var n = entitiesBefore - 1
            while n >= 0 && n >= entitiesBefore - Self.lookBack && entities[n].sentence > ev.sentence {
                let e = entities[n]
                if e.sentence <= s && fits(e.party) && e.range.lowerBound == sentences[e.sentence].tokens.lowerBound {
                    return e.party
                }
                n -= 1
            }
            return party
        }
        // 3. the nearest fitting mention within three sentences, preferring sentence subjects
        var nearest: Int? = nil
        var n = entitiesBefore - 1
        while n >= 0 && n >= entitiesBefore - Self.lookBack && s - entities[n].sentence <= 3 {
            let e = entities[n]
            n -= 1
            if fits(e.party) {
                if e.range.lowerBound == sentences[e.sentence].tokens.lowerBound { return e.party }
                if nearest == nil { nearest = e.party }
            }
        }
        return nearest
    }

    /// How many speech events or mentions `antecedent` looks back through at most.
    private static let lookBack = 60

    /// How many of `count` items in text order start before token `k` (`start(i)` gives item i's token).
    private func countBefore(_ k: Int, _ count: Int, start: (Int) -> Int) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if start(mid) < k { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
