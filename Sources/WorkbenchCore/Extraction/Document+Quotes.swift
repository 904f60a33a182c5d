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

    /// The marks' roles inside one paragraph.
    private enum MarkRole { case open, close, ignore }

    // MARK: Finding quote spans

    /// Finds quotations in every paragraph, then attributes each to a speaker.
    func extractQuotes() {
        let spans = findQuoteSpans()
        var attributed: [(party: Int?, mention: Range<Int>?, cue: String?)] = []
        for (n, span) in spans.enumerated() {
            var a = attribute(span, index: n, spans: spans, previous: attributed)
            if a.mention == nil, let c = span.continues, c < attributed.count {
                a = attributed[c]
            }
            attributed.append(a)
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
            var mention: Mention?
            if let m = a.mention { mention = self.mention(tokens: m) }
            let speaker = a.party.map { partyTable[$0].name }
            quotes.append(Quote(text: text, start: start, end: end, kind: quoteKind(span), speaker: speaker,
                                speakerMention: mention, cue: a.cue, sentence: sentenceOfToken[inner.lowerBound]))
        }
    }

    /// Pairs quotation marks paragraph by paragraph; unbalanced marks degrade only their paragraph.
    private func findQuoteSpans() -> [QuoteSpan] {
        var spans: [QuoteSpan] = []
        var carry: Int? = nil  // index of a span left open at the end of the previous paragraph
        for (pi, p) in paragraphs.enumerated() where !p.tokens.isEmpty {
            let roles = markRoles(p.tokens)
            var openAt: Int? = nil
            var warned = false
            var firstMark = true
            let nextStartsWithOpen: Bool = {
                guard let next = paragraphs[(pi + 1)...].first(where: { !$0.tokens.isEmpty }), next.kind == "body" else { return false }
                let t = tokens[next.tokens.lowerBound]
                return t.kind == .quote && (t.text == "“" || t.text == "\"" || t.text == "«" || t.text == "„" || t.text == "‘")
            }()
            for k in p.tokens {
                guard let role = roles[k], role != .ignore else { continue }
                defer { firstMark = false }
                switch role {
                case .open:
                    if let o = openAt {
                        // A new quotation opens before the last one closed: close it here.
                        spans.append(QuoteSpan(open: o, close: nil, inner: (o + 1)..<k, paragraph: pi, block: false, continues: nil))
                        if !warned { warn("quotation mark opened here is not closed before the next one opens", at: tokens[o].start); warned = true }
                    }
                    openAt = k
                    if firstMark, let c = carry, k == p.tokens.lowerBound {
                        // continuation paragraph of a multi-paragraph quote (opening mark repeated)
                        _ = c
                    }
                case .close:
                    if let o = openAt {
                        var span = QuoteSpan(open: o, close: k, inner: (o + 1)..<k, paragraph: pi, block: false, continues: nil)
                        if o == p.tokens.lowerBound, let c = carry { span.block = true; span.continues = spans[c].continues ?? c }
                        spans.append(span)
                        openAt = nil
                        carry = nil
                    } else if firstMark, let c = carry {
                        // continuation written without the opening mark: the paragraph start to here
                        spans.append(QuoteSpan(open: nil, close: k, inner: p.tokens.lowerBound..<k, paragraph: pi, block: true, continues: spans[c].continues ?? c))
                        carry = nil
                    } else if tokens[k].text == "”" || tokens[k].text == "»" {
                        if !warned { warn("closing quotation mark without an opening one", at: tokens[k].start); warned = true }
                    }
                case .ignore: break
                }
            }
            if let o = openAt {
                // Open at the paragraph end: a multi-paragraph quote if the next paragraph reopens, else unbalanced.
                var span = QuoteSpan(open: o, close: nil, inner: (o + 1)..<p.tokens.upperBound, paragraph: pi, block: false, continues: nil)
                if o == p.tokens.lowerBound, let c = carry { span.continues = spans[c].continues ?? c; span.block = true }
                if nextStartsWithOpen {
                    span.block = true
                    spans.append(span)
                    carry = spans.count - 1
                } else {
                    if !warned { warn("quotation mark opened here is not closed in its paragraph", at: tokens[o].start) }
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
        for k in range where tokens[k].kind == .quote {
            let t = tokens[k]
            let glueAfter = k + 1 < range.upperBound && !tokens[k + 1].spaceBefore && tokens[k + 1].kind != .punct
            let atStart = k == range.lowerBound || tokens[k].spaceBefore || tokens[k - 1].text == "(" || tokens[k - 1].kind == .dash
            switch t.text {
            case "“", "„", "«", "‟":
                roles[k] = .open; doubleOpen = true
            case "”", "»", "″":
                roles[k] = .close; doubleOpen = false
            case "\"":
                if atStart && glueAfter { roles[k] = .open; doubleOpen = true }
                else if !t.spaceBefore { roles[k] = .close; doubleOpen = false }
                else if doubleOpen { roles[k] = .close; doubleOpen = false }
                else { roles[k] = .open; doubleOpen = true }
            case "‘", "'", "‛":
                // single marks quote only inside no double quote, opening before a word, and closed later
                if doubleOpen || singleOpen || !(atStart && glueAfter) { roles[k] = .ignore; continue }
                if let c = singleClose(after: k, range) { roles[k] = .open; roles[c] = .close; singleOpen = false } else { roles[k] = .ignore }
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
                if after == nil || after!.spaceBefore || after!.kind == .punct || after!.kind == .quote { return j - k > 1 ? j : nil }
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
            if prev.kind == .word && lexicon.cueForms[prev.lower] == nil && prev.lower != "that" { return "partial" }
        }
        return "direct"
    }

    // MARK: Attribution

    /// Finds the speaker of a quote span: its sentence's cue, a preceding quote, or the sentence subject.
    private func attribute(_ span: QuoteSpan, index: Int, spans: [QuoteSpan],
                           previous: [(party: Int?, mention: Range<Int>?, cue: String?)]) -> (party: Int?, mention: Range<Int>?, cue: String?) {
        let firstInner = span.inner.isEmpty ? (span.open ?? 0) : span.inner.lowerBound
        let si = sentenceOfToken[span.open ?? firstInner]
        let lastTok = span.close ?? max(firstInner, span.inner.upperBound - 1)
        let sEnd = sentenceOfToken[min(lastTok, tokens.count - 1)]
        let sentence = sentences[si].tokens.lowerBound..<sentences[sEnd].tokens.upperBound

        // Another quote in the same sentence already attributed (split quotes: "…," he said, "…").
        func sameSentenceSpeaker() -> (Int?, Range<Int>?, String?)? {
            var n = index - 1
            while n >= 0 && n < previous.count {
                let s = spans[n]
                let sk = sentenceOfToken[s.open ?? s.inner.lowerBound]
                if sk != si && sentenceOfToken[s.close ?? max(s.inner.lowerBound, s.inner.upperBound - 1)] != si { break }
                if previous[n].mention != nil { return previous[n] }
                n -= 1
            }
            return nil
        }

        // A. After the closing mark: "…," Zelensky said / "…," said Zelensky / "…," Jane Doe, a spokeswoman, said
        if let c = span.close {
            if let a = attributionAfter(c + 1, sentence: sentence) { return a }
        }
        // B. Right before the opening mark: Zelensky said: "…" / X told reporters, "…"
        if let o = span.open {
            if let a = attributionBefore(o, sentence: sentence) {
                if a.mention == nil, let s = sameSentenceSpeaker() { return (s.0, s.1, a.cue) }
                return a
            }
        }
        // C. "according to X" anywhere in the sentence.
        if let a = accordingTo(in: sentence) { return a }
        // D. The nearest cue before the quote in its sentence: Trump … said he asked Putin “not to fire …”
        if let o = span.open ?? Optional(firstInner), let a = nearestCueBefore(o, sentence: sentence) {
            if a.mention == nil, let s = sameSentenceSpeaker() { return (s.0, s.1, a.cue) }
            return a
        }
        if let s = sameSentenceSpeaker() { return s }
        // E. A cue later in the sentence, after other words: "…" was how the official put it / Zelensky later said
        if let c = span.close, let a = cueLater(c + 1, sentence: sentence) { return a }
        // F. Colon after the sentence subject: Zelensky … set a clear condition: "…"
        if let o = span.open, o > sentence.lowerBound, tokens[o - 1].text == ":", let a = colonSubject(o - 1, sentence: sentence) { return a }
        // G. A quote-only sentence continues the previous speaker in this or the previous paragraph.
        if isQuoteLed(span, sentence: sentence), let prev = previousSpeaker(before: span.open ?? firstInner, paragraph: span.paragraph, spans: spans, index: index, previous: previous) {
            return prev
        }
        return (nil, nil, nil)
    }

    /// Attribution right after a closing mark (A).
    private func attributionAfter(_ j0: Int, sentence: Range<Int>) -> (party: Int?, mention: Range<Int>?, cue: String?)? {
        var j = j0
        while j < sentence.upperBound && (tokens[j].text == "," || tokens[j].kind == .dash || tokens[j].text == "…") { j += 1 }
        guard j < sentence.upperBound else { return nil }
        // said Zelensky / said the spokesman, Dmitry Peskov
        if let cue = cueAt(j, limit: sentence.upperBound) {
            let after = j + cue.count
            if let np = nounPhraseStarting(after, limit: sentence.upperBound) {
                let r = resolveSpeaker(np, sentence: sentence)
                recordSpeech(cue, np, r)
                return (r, np, text(tokens: cue))
            }
            return nil
        }
        // according to X
        if tokens[j].lower == "according", j + 1 < sentence.upperBound, tokens[j + 1].lower == "to",
           let np = nounPhraseStarting(j + 2, limit: sentence.upperBound) {
            let r = resolveSpeaker(np, sentence: sentence)
            return (r, np, "according to")
        }
        // Zelensky said / he told reporters / Jane Doe, a spokeswoman for X, said
        var q = j
        while q < sentence.upperBound && q < j + 18 && tokens[q].kind != .quote {
            if let cue = cueAt(q, limit: sentence.upperBound), q > j {
                if let np = speakerBefore(q, floor: j), np.lowerBound == j {
                    let r = resolveSpeaker(np, sentence: sentence)
                    recordSpeech(cue, np, r)
                    return (r, np, text(tokens: cue))
                }
                return nil
            }
            q += 1
        }
        return nil
    }

    /// Attribution right before an opening mark (B): cue, then optional object and ":" "," "that".
    private func attributionBefore(_ o: Int, sentence: Range<Int>) -> (party: Int?, mention: Range<Int>?, cue: String?)? {
        var k = o - 1
        guard k >= sentence.lowerBound else { return nil }
        if tokens[k].text == ":" || tokens[k].text == "," || tokens[k].lower == "that" || tokens[k].kind == .dash { k -= 1 }
        // skip a short object or adverbial: told reporters / said in a statement / wrote on Twitter
        var scanned = 0
        while k >= sentence.lowerBound && scanned < 7 {
            if let cue = cueEnding(at: k, floor: sentence.lowerBound) {
                // participles after a comma ("…, adding, “…”") belong to the clause's speaker
                let cueTok = tokens[cue.lowerBound]
                if isParticiple(cue, sentence: sentence) { return (nil, nil, cueTok.text) }
                if let np = speakerBefore(cue.lowerBound, floor: sentence.lowerBound) {
                    let r = resolveSpeaker(np, sentence: sentence)
                    if np.count == 1, Grammar.subjectPronouns.contains(tokens[np.lowerBound].lower),
                       let outer = outerNamedCue(before: np.lowerBound, sentence: sentence), outer.party == r {
                        recordSpeech(outer.cue, outer.np, outer.party)
                        return (outer.party, outer.np, text(tokens: outer.cue))
                    }
                    recordSpeech(cue, np, r)
                    return (r, np, text(tokens: cue))
                }
                // "said X:" with the speaker after the cue (rare)
                return nil
            }
            if tokens[k].kind == .quote || tokens[k].text == "." { break }
            k -= 1
            scanned += 1
        }
        return nil
    }

    /// "according to X" anywhere in the sentence.
    private func accordingTo(in sentence: Range<Int>) -> (party: Int?, mention: Range<Int>?, cue: String?)? {
        var k = sentence.lowerBound
        while k + 2 < sentence.upperBound {
            if tokens[k].lower == "according" && tokens[k + 1].lower == "to", let np = nounPhraseStarting(k + 2, limit: sentence.upperBound) {
                if isInsideQuote(k) { k += 1; continue }
                let r = resolveSpeaker(np, sentence: sentence)
                return (r, np, "according to")
            }
            k += 1
        }
        return nil
    }

    /// The nearest cue before token `o` in the sentence, outside quotation marks (D).
    private func nearestCueBefore(_ o: Int, sentence: Range<Int>) -> (party: Int?, mention: Range<Int>?, cue: String?)? {
        var k = o - 1
        while k >= sentence.lowerBound && o - k < 40 {
            if !isInsideQuote(k), let cue = cueEnding(at: k, floor: sentence.lowerBound) {
                let cueTok = tokens[cue.lowerBound]
                if isParticiple(cue, sentence: sentence) {
                    _ = cueTok
                    k = cue.lowerBound - 1
                    continue
                }
                if let np = speakerBefore(cue.lowerBound, floor: sentence.lowerBound) {
                    let r = resolveSpeaker(np, sentence: sentence)
                    // "Trump … said he asked Putin “…”": the named speaker of the outer verb, when it is the same party
                    if np.count == 1, Grammar.subjectPronouns.contains(tokens[np.lowerBound].lower),
                       let outer = outerNamedCue(before: np.lowerBound, sentence: sentence), outer.party == r {
                        recordSpeech(outer.cue, outer.np, outer.party)
                        return (outer.party, outer.np, text(tokens: outer.cue))
                    }
                    recordSpeech(cue, np, r)
                    return (r, np, text(tokens: cue))
                }
            }
            k -= 1
        }
        return nil
    }

    /// A cue before `k` in the sentence whose speaker is named (not a pronoun).
    private func outerNamedCue(before k: Int, sentence: Range<Int>) -> (cue: Range<Int>, np: Range<Int>, party: Int?)? {
        var j = k - 1
        while j >= sentence.lowerBound {
            if !isInsideQuote(j), let cue = cueEnding(at: j, floor: sentence.lowerBound),
               let np = speakerBefore(cue.lowerBound, floor: sentence.lowerBound),
               !(np.count == 1 && Grammar.subjectPronouns.contains(tokens[np.lowerBound].lower)) {
                return (cue, np, resolveSpeaker(np, sentence: sentence))
            }
            j -= 1
        }
        return nil
    }

    /// A cue after other words later in the sentence (E): "…," the official later told reporters.
    private func cueLater(_ j: Int, sentence: Range<Int>) -> (party: Int?, mention: Range<Int>?, cue: String?)? {
        var q = j
        while q < sentence.upperBound {
            if tokens[q].kind == .quote { return nil }
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
    private func colonSubject(_ colon: Int, sentence: Range<Int>) -> (party: Int?, mention: Range<Int>?, cue: String?)? {
        // the first party mention of the sentence, when it starts the sentence
        var k = sentence.lowerBound
        while k < colon && (tokens[k].kind != .word || Grammar.sentenceInitialCommon.contains(tokens[k].lower) && entityAt[k] < 0) && k < sentence.lowerBound + 3 { k += 1 }
        guard k < colon else { return nil }
        var np: Range<Int>?
        if entityAt[k] >= 0 {
            let e = entities[entityAt[k]]
            np = e.range
        } else if Grammar.subjectPronouns.contains(tokens[k].lower) {
            np = k..<(k + 1)
        }
        guard var subject = np else { return nil }
        // extend over a title before the name ("President Volodymyr Zelensky")
        if subject.lowerBound > sentence.lowerBound, lexicon.roleMatcher.match(tokens, at: subject.lowerBound - 1) != nil { subject = (subject.lowerBound - 1)..<subject.upperBound }
        let r = resolveSpeaker(subject, sentence: sentence)
        // the cue: the verb phrase just before the colon ("set a clear condition")
        var c = colon - 1
        while c > subject.upperBound && colon - c < 5 && tokens[c - 1].kind == .word && tokens[c - 1].lower != "and" && tokens[c - 1].text != "," { c -= 1 }
        let cue = c < colon ? text(tokens: c..<colon) : nil
        return (r, subject, cue)
    }

    /// Whether a quote starts its sentence (possibly after a dash) and has no cue in it.
    private func isQuoteLed(_ span: QuoteSpan, sentence: Range<Int>) -> Bool {
        guard let o = span.open else { return true }
        return o == sentence.lowerBound || (o == sentence.lowerBound + 1 && tokens[sentence.lowerBound].kind == .dash)
    }

    /// The speaker of the latest attributed quote or speech event shortly before `position`.
    private func previousSpeaker(before position: Int, paragraph: Int, spans: [QuoteSpan], index: Int,
                                 previous: [(party: Int?, mention: Range<Int>?, cue: String?)]) -> (party: Int?, mention: Range<Int>?, cue: String?)? {
        // Latest quote in this paragraph or the one before.
        var n = index - 1
        var candidate: (party: Int?, mention: Range<Int>?, cue: String?)?
        var candidatePos = -1
        while n >= 0 {
            if spans[n].paragraph < paragraph - 1 { break }
            if previous[n].mention != nil {
                candidate = (previous[n].party, previous[n].mention, nil)
                candidatePos = spans[n].close ?? spans[n].inner.upperBound
                break
            }
            n -= 1
        }
        // A later speech event without a quote ("Zelensky said." / "She said new mothers …") wins if it is nearer.
        if let ev = speechEvents.last(where: { $0.cue.lowerBound < position && $0.speaker != nil && paragraphOf($0.cue.lowerBound) >= paragraph - 1 }),
           ev.cue.lowerBound > candidatePos {
            return (ev.party, ev.speaker, nil)
        }
        if let candidate { return candidate }
        // A paragraph that is a quote right after a paragraph ending "… X said." or "X told journalists."
        return nil
    }

    /// The paragraph holding token `k`.
    private func paragraphOf(_ k: Int) -> Int { sentences[sentenceOfToken[k]].paragraph }

    /// Whether token `k` is inside quotation marks (between an opening and closing mark of its paragraph).
    func isInsideQuote(_ k: Int) -> Bool {
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
        if let m = lexicon.cueMatcher.match(tokens, at: k, limit: limit) {
            // "said" is a cue; "said" as in "the said agreement" is too rare to care
            return k..<(k + m.length)
        }
        return nil
    }

    /// Whether a cue is a participle continuing the clause's speaker ("…, adding, “…”", "…,” adding").
    private func isParticiple(_ cue: Range<Int>, sentence: Range<Int>) -> Bool {
        let t = tokens[cue.lowerBound]
        guard t.lower.hasSuffix("ing"), cue.lowerBound > sentence.lowerBound else { return false }
        let prev = tokens[cue.lowerBound - 1]
        return prev.text == "," || prev.kind == .quote || prev.kind == .dash
    }

    /// The cue ending at token `k`, if one does.
    private func cueEnding(at k: Int, floor: Int) -> Range<Int>? {
        guard k >= floor, tokens[k].kind == .word else { return nil }
        if lexicon.cueForms[tokens[k].lower] != nil { return k..<(k + 1) }
        if k - 1 >= floor, let m = lexicon.cueMatcher.match(tokens, at: k - 1, limit: k + 1), m.length == 2 { return (k - 1)..<(k + 1) }
        return nil
    }

    /// The speaker noun phrase ending right before `j` (skipping auxiliaries, and an appositive set off by commas).
    func speakerBefore(_ j: Int, floor: Int) -> Range<Int>? {
        var k = j - 1
        var skipped = 0
        while k >= floor && skipped < 3 && tokens[k].kind == .word && Grammar.auxiliaries.contains(tokens[k].lower) && lexicon.cueForms[tokens[k].lower] == nil {
            k -= 1; skipped += 1
        }
        guard k >= floor else { return nil }
        if tokens[k].text == "," || tokens[k].text == ")" {
            // "Jane Doe, a spokeswoman for the ministry, said" / "Trump, speaking during a Cabinet meeting, said"
            var c = k - 1
            while c > floor && k - c < 25 && tokens[c].text != "," && tokens[c].text != "(" && tokens[c].kind != .quote { c -= 1 }
            guard c > floor, tokens[c].text == "," || tokens[c].text == "(" else { return nil }
            return nounPhraseEnding(at: c - 1, floor: floor, strict: true)
        }
        return nounPhraseEnding(at: k, floor: floor, strict: false)
    }

    /// The noun phrase whose last token is `k`: a pronoun, a name with titles, or a determiner + nominal.
    private func nounPhraseEnding(at k: Int, floor: Int, strict: Bool) -> Range<Int>? {
        guard k >= floor else { return nil }
        let head = tokens[k]
        guard head.kind == .word else { return nil }
        if Grammar.subjectPronouns.contains(head.lower) { return k..<(k + 1) }
        if lexicon.cueForms[head.lower] != nil && !head.isCapitalized { return nil }
        let headIsName = head.isCapitalized || entityAt[k] >= 0
        let headIsNominal = lexicon.groups[head.lower] != nil || lexicon.roleMatcher.match(tokens, at: k, limit: k + 1) != nil
        var s = k
        var m = k - 1
        var sawDeterminer = false
        while m >= floor && k - m < 9 {
            let u = tokens[m]
            if u.kind != .word { break }
            if Grammar.determiners.contains(u.lower) && !(u.isCapitalized && m > floor && entityAt[m] >= 0) { s = m; sawDeterminer = true; break }
            if u.isCapitalized || entityAt[m] >= 0 { s = m; m -= 1; continue }
            if u.lower == "’s" || u.lower == "'s" { s = m; m -= 1; continue }
            if Grammar.nameConnectors.contains(u.lower) && m + 1 <= k && tokens[m + 1].isCapitalized && m - 1 >= floor && tokens[m - 1].isCapitalized { s = m; m -= 1; continue }
            if Grammar.speakerAdjectives.contains(u.lower) || lexicon.groups[u.lower] != nil || lexicon.roleMatcher.match(tokens, at: m, limit: m + 1) != nil {
                s = m; m -= 1; continue
            }
            if !headIsName && k - m <= 2 && u.lower.count > 2 && !Grammar.auxiliaries.contains(u.lower) && lexicon.cueForms[u.lower] == nil
                && !["and", "or", "but", "to", "in", "on", "at", "with", "by", "for", "from", "as", "than", "who", "which", "that"].contains(u.lower) {
                // an unknown modifier ("the prominent lawmaker"): accepted only if a determiner comes next
                if m - 1 >= floor && Grammar.determiners.contains(tokens[m - 1].lower) { s = m; m -= 1; continue }
            }
            break
        }
        if s == k && !headIsName && !headIsNominal {
            // a bare lowercase word: only a known group noun or role makes it a speaker
            return nil
        }
        if !headIsName && !headIsNominal && !sawDeterminer { return nil }
        if strict && !headIsName && !headIsNominal && !Grammar.subjectPronouns.contains(head.lower) && !sawDeterminer { return nil }
        // a sentence-initial function word is not part of the name
        while s < k && Grammar.sentenceInitialCommon.contains(tokens[s].lower) && !Grammar.determiners.contains(tokens[s].lower) && entityAt[s] < 0 { s += 1 }
        return s..<(k + 1)
    }

    /// The noun phrase starting at `j` (after a cue: "said Zelensky", "said the spokesman, Dmitry Peskov").
    private func nounPhraseStarting(_ j: Int, limit: Int) -> Range<Int>? {
        guard j < limit else { return nil }
        let t = tokens[j]
        guard t.kind == .word else { return nil }
        if Grammar.subjectPronouns.contains(t.lower) { return j..<(j + 1) }
        var e = j
        var sawHead = false
        while e < limit && e - j < 8 {
            let u = tokens[e]
            if u.kind != .word { break }
            if Grammar.determiners.contains(u.lower) && e == j { e += 1; continue }
            if u.isCapitalized || entityAt[e] >= 0 { e += 1; sawHead = true; continue }
            if u.lower == "’s" || u.lower == "'s" { e += 1; continue }
            if Grammar.nameConnectors.contains(u.lower) && sawHead && e + 1 < limit && tokens[e + 1].isCapitalized && u.lower != "and" { e += 1; continue }
            if Grammar.speakerAdjectives.contains(u.lower) || lexicon.roleMatcher.match(tokens, at: e, limit: e + 1) != nil || lexicon.groups[u.lower] != nil {
                e += 1; sawHead = true; continue
            }
            if lexicon.cueForms[u.lower] != nil || Grammar.auxiliaries.contains(u.lower) { break }
            if !sawHead && e - j <= 2 && e + 1 < limit && (tokens[e + 1].kind != .word || lexicon.groups[tokens[e + 1].lower] != nil) {
                e += 1; sawHead = true; continue
            }
            break
        }
        guard sawHead, e > j else { return nil }
        // "Dmitry Peskov, the Kremlin spokesman" — the name is enough
        return j..<e
    }

    /// Records a speech event for salience and later quotes.
    private func recordSpeech(_ cue: Range<Int>, _ np: Range<Int>, _ party: Int?) {
        speechEvents.append(SpeechEvent(cue: cue, speaker: np, party: party, sentence: sentenceOfToken[cue.lowerBound]))
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
        if let best { return best.1 }
        let head = tokens[np.upperBound - 1]
        if np.count == 1 && Grammar.subjectPronouns.contains(head.lower) {
            return antecedent(of: np.lowerBound, pronoun: head.lower)
        }
        // nominals: "the president", "the ministry", "the spokesman"
        if let role = lexicon.roleMatcher.match(tokens, at: np.upperBound - 1, limit: np.upperBound)?.payload {
            if let p = partyTable.indices.reversed().first(where: { partyTable[$0].kind == "person" && (partyTable[$0].role?.lowercased().contains(role.lowercased()) ?? false) && firstMentionBefore($0, np.lowerBound) }) {
                return p
            }
        }
        if ["ministry", "kremlin", "government", "administration", "military", "army", "campaign", "agency", "company", "department", "office", "committee", "council", "party", "alliance"].contains(head.lower) {
            if let p = partyTable.indices.reversed().first(where: { partyTable[$0].kind != "person" && partyTable[$0].kind != "group" && partyTable[$0].kind != "source" && partyTable[$0].name.lowercased().contains(head.lower) && firstMentionBefore($0, np.lowerBound) }) {
                return p
            }
        }
        return nil
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
        func fits(_ p: Int) -> Bool {
            let kind = partyTable[p].kind
            if wantPerson { return kind == "person" }
            if pronoun == "it" { return kind != "person" && kind != "group" && kind != "source" }
            return kind != "person"
        }
        // 1. the subject of this sentence, before the pronoun
        let sr = sentences[s].tokens
        var j = sr.lowerBound
        while j < k && j < sr.lowerBound + 4 {
            if entityAt[j] >= 0, fits(entities[entityAt[j]].party) { return entities[entityAt[j]].party }
            j += 1
        }
        // 2. the latest speaker of a speech event in the last sentences
        if let ev = speechEvents.last(where: { $0.cue.lowerBound < k && s - $0.sentence <= 3 && $0.party != nil && fits($0.party!) }) {
            // unless a later sentence-initial subject of the right kind intervenes
            var later: Int? = nil
            for e in entities.reversed() where e.range.lowerBound < k && e.sentence > ev.sentence && e.sentence <= s {
                if fits(e.party) && e.range.lowerBound == sentences[e.sentence].tokens.lowerBound { later = e.party; break }
            }
            return later ?? ev.party
        }
        // 3. the nearest fitting mention within three sentences, preferring sentence subjects
        var nearest: Int? = nil
        for e in entities.reversed() where e.range.lowerBound < k && s - e.sentence <= 3 {
            if fits(e.party) {
                if e.range.lowerBound == sentences[e.sentence].tokens.lowerBound { return e.party }
                if nearest == nil { nearest = e.party }
            }
        }
        return nearest
    }
}
