import WorkbenchModel

/// Subjects that speak without a cue next to the quote: the clause's or sentence's subject, the previous speaker, a signature.
extension Document {
    /// The nearest subject before token `o`: a pronoun or a named party followed by a verb-like word
    /// ("…, although she made it clear that she has “serious concerns”" → she).
    func clauseSubject(before o: Int, sentence: Range<Int>) -> Range<Int>? {
        var k = o - 1
        while k >= sentence.lowerBound {
            let t = tokens[k]
            if t.kind == .word && !isInsideQuote(k) {
                var np: Range<Int>?
                if t.has(.pronoun) && t.lower != "it" && t.lower != "you" {
                    np = k..<(k + 1)
                } else if let e = entity(at: k) {
                    let kind = partyTable[e.party].kind
                    if e.form != .demonym && e.range.upperBound - 1 == k && kind != .country {
                        switch nameRole(e.range, kind: kind, before: o) {
                        case .subject: np = e.range
                        case .modifierOfSubject(let phrase): return phrase
                        case .notSubject: break
                        }
                    }
                }
                if let np, np.upperBound < o {
                    var v = tokens[np.upperBound]
                    // "Gov. Pat McCrory (R) blamed": past a bracketed party and state
                    if v.text == "(",
                        let close = (np.upperBound + 1..<min(o, np.upperBound + 6)).first(where: {
                            tokens[$0].text == ")"
                        }), close + 1 < o
                    {
                        v = tokens[close + 1]
                    }
                    if v.kind == .word && !v.isCapitalized && !Grammar.notVerbsAfterSubject.contains(v.lower)
                        && entityAt[np.upperBound] == nil
                        && !v.has(.group)
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

    /// How a name before a quote stands in its clause.
    enum NameRole {
        /// It can be the clause's subject.
        case subject
        /// It modifies the head of the subject phrase ("the Sanders campaign rejected …").
        case modifierOfSubject(Range<Int>)
        /// It is an object or a modifier elsewhere ("from Republicans", "a Clinton supporter").
        case notSubject
    }

    /// Whether the name at `name` can be the subject before a quote at `o`: a name after a preposition is an
    /// object ("came under fire from Republicans over …") unless it speaks in a participle ("with Trump tweeting"),
    /// names whom a spokesman speaks for, or is a speech verb's agent ("asked by Thrush"); a person's name after a
    /// determiner or a number modifies the subject's head ("the Sanders campaign rejected …", "a Clinton supporter").
    func nameRole(_ name: Range<Int>, kind: Party.Kind, before o: Int) -> NameRole {
        var b = name.lowerBound - 1
        while b >= 0 && tokens[b].kind == .word && tokens[b].isCapitalized && entityAt[b] == nil
            && !tokens[b].has(.determiner) && b > name.lowerBound - 4
        {
            b -= 1
        }
        guard b >= 0 else { return .subject }
        let before = tokens[b]
        if before.kind == .word && Grammar.objectPrepositions.contains(before.lower) {
            return objectSpeaks(name, preposition: b, before: o) ? .subject : .notSubject
        }
        let modifies = (before.has(.determiner) && before.lower != "that") || before.kind == .number
        guard modifies, kind == .person else { return .subject }
        let head = name.upperBound
        guard head < o, tokens[head].kind == .word, !tokens[head].isCapitalized, !tokens[head].has(.auxiliary),
            !tokens[head].has(.cueForm)
        else { return .subject }
        let verb = tokens[head + 1]
        guard head + 1 < o, before.kind == .word, verb.kind == .word, !verb.isCapitalized,
            !Grammar.notVerbsAfterSubject.contains(verb.lower), !Grammar.objectPrepositions.contains(verb.lower)
        else { return .notSubject }
        return .modifierOfSubject(b..<(head + 1))
    }

    /// Whether a name after the preposition at `p` still speaks: "footage of Clinton asking", "with Cruz recently
    /// promising", "a spokesman for Sanders", "asked by Thrush".
    private func objectSpeaks(_ name: Range<Int>, preposition p: Int, before o: Int) -> Bool {
        var v = name.upperBound
        while v < o && tokens[v].kind == .word && tokens[v].lower.hasSuffix("ly") { v += 1 }
        // "with Trump tweeting", "footage of Clinton asking"; not "tweeted back at Trump pointing out"
        if v < o, tokens[v].kind == .word, tokens[v].lower.hasSuffix("ing"), ["with", "of"].contains(tokens[p].lower) {
            return true
        }
        guard p > 0, tokens[p - 1].kind == .word else { return false }
        switch tokens[p].lower {
        case "for", "of": return lexicon.roleMatcher.match(tokens, at: p - 1, limit: p) != nil
        case "by": return tokens[p - 1].has(.cueForm)
        default: return false
        }
    }

    /// The subject phrase of a sentence (after a leading adverbial such as "In 2014," or "After the debate,"),
    /// when it comes before token `limit` and names a speaker-like thing.
    func sentenceSubject(_ sentence: Range<Int>, before limit: Int) -> Range<Int>? {
        guard let k = subjectStart(sentence, before: limit), k < limit, tokens[k].kind == .word else { return nil }
        let t = tokens[k]
        if t.has(.pronoun) && t.lower != "it" && t.lower != "you" { return k..<(k + 1) }
        // "it referenced …", not "it is": "it" speaks when a past-tense verb follows
        if t.lower == "it", k + 1 < limit, tokens[k + 1].kind == .word, tokens[k + 1].lower.hasSuffix("ed"),
            !tokens[k + 1].has(.auxiliary)
        {
            return k..<(k + 1)
        }
        if entityAt[k] != nil || t.isCapitalized || lexicon.roleMatcher.match(tokens, at: k, limit: limit) != nil,
            let name = nameSubject(at: k, limit: limit)
        {
            return name
        }
        if !t.isCapitalized, !t.has(.determiner), let np = nounPhraseStarting(k, limit: limit),
            np.contains(where: { tokens[$0].isCapitalized })
        {
            return np  // "conservative commentator Jonah Goldberg"
        }
        if t.has(.determiner) {
            // "The Florida senator", "A campaign spokesman", "The report"
            var e = k + 1
            while e < limit && e - k < 6 && tokens[e].kind == .word && !tokens[e].has(.auxiliary)
                && !tokens[e].has(.cueForm) && !(tokens[e].lower.hasSuffix("ed") && e > k + 1)
                && !Grammar.phraseBreakers.contains(tokens[e].lower)
            {
                e += 1
            }
            if e > k + 1 { return k..<e }
        }
        return nil
    }

    /// Where the sentence's subject starts: past opening marks and a leading adverbial up to its comma
    /// ("In 2014, Pew found …", "Appearing before supporters on Monday, Suu Kyi said …"); nil when an
    /// adverbial has no comma to end it.
    private func subjectStart(_ sentence: Range<Int>, before limit: Int) -> Int? {
        var k = sentence.lowerBound
        // a dateline: "New York (AFP) – Vice President Joe Biden …", "KYIV, Ukraine — …"
        if let dash = (k..<min(limit, k + 8)).first(where: { tokens[$0].kind == .dash }), dash > k,
            (k..<dash).allSatisfy({
                tokens[$0].isCapitalized || tokens[$0].kind == .punct || tokens[$0].kind == .number
            }),
            tokens[dash - 1].text == ")" || tokens[dash - 1].isAllCaps
        {
            k = dash + 1
        }
        while k < limit && (tokens[k].kind == .quote || tokens[k].kind == .dash || tokens[k].text == "(") { k += 1 }
        guard k < limit else { return nil }
        // "Even before Sanders took the stage, his campaign …", "Early in his campaign, Trump …"
        let focused =
            Grammar.focusAdverbs.contains(tokens[k].lower) && k + 1 < limit
            && Grammar.clauseOpeners.contains(tokens[k + 1].lower)
        guard
            (Grammar.clauseOpeners.contains(tokens[k].lower) || focused || opensWithAdverbial(k, limit: limit))
                && entityAt[k] == nil
        else { return k }
        // skip the adverbial up to its comma ("In 2014, Pew found …"); "But Trump said" just drops "But"
        if let comma = (k..<min(limit, k + 12)).first(where: { tokens[$0].text == "," }) {
            k = comma + 1
            // "Speaking in Salem, New Hampshire, Trump …": past a state or country after the town
            if let next = (k..<min(limit, k + 6)).first(where: { tokens[$0].text == "," }),
                isAgeOrPlaceAppositive(k..<next)
            {
                k = next + 1
            }
            return k
        }
        return Grammar.leadingConjunctions.contains(tokens[k].lower) ? k + 1 : nil
    }

    /// Whether the sentence opens at `k` with a participial phrase ("Appearing before …"), a sentence adverb
    /// ("Suddenly, …") or a time phrase ("Minutes later, she …").
    private func opensWithAdverbial(_ k: Int, limit: Int) -> Bool {
        if tokens[k].kind == .word && tokens[k].isCapitalized && entityAt[k] == nil && tokens[k].lower.count > 5
            && (tokens[k].lower.hasSuffix("ing") || tokens[k].lower.hasSuffix("ed"))
        {
            return true
        }
        if tokens[k].lower.hasSuffix("ly") && entityAt[k] == nil && k + 1 < limit && tokens[k + 1].text == "," {
            return true
        }
        if let comma = (k..<min(limit, k + 5)).first(where: { tokens[$0].text == "," }), comma > k,
            Grammar.timeAfterWords.contains(tokens[comma - 1].lower)
        {
            return true
        }
        return false
    }

    /// A name subject at `k`, possibly with a title and a possessive head ("Hillary Clinton’s campaign").
    private func nameSubject(at k: Int, limit: Int) -> Range<Int>? {
        var e = k
        while e < limit && tokens[e].kind == .word
            && (tokens[e].isCapitalized || entityAt[e] != nil
                || lexicon.roleMatcher.match(tokens, at: e, limit: e + 1) != nil
                || (tokens[e].has(.connector) && e + 1 < limit && tokens[e + 1].isCapitalized
                    && tokens[e].lower != "and"))
            && e - k < 8
        {
            e += 1
        }
        guard e > k, !(e == k + 1 && tokens[k].has(.common) && entityAt[k] == nil) else { return nil }
        // "Ryan’s campaign", "Clinton’s spokesman": the possessive's head is the speaker
        if e + 1 < limit,
            tokens[e].lower == "’s" || tokens[e].lower == "'s" || tokens[e].text == "’" || tokens[e].text == "'"
        {
            // "Iowa State University's Dianne Bystrom", "The Post's Ruth Marcus": the name after the possessive
            var n = e + 1
            while n < limit && n < e + 5 && tokens[n].kind == .word && (tokens[n].isCapitalized || entityAt[n] != nil) {
                n += 1
            }
            if n > e + 1, (e + 1..<n).contains(where: { entity(at: $0).map { partyTable[$0.party].kind } == .person }) {
                return k..<n
            }
            var h = e + 1
            while h < limit && h < e + 4 && tokens[h].kind == .word && !tokens[h].isCapitalized
                && !tokens[h].has(.auxiliary)
                && !tokens[h].has(.cueForm) && !(tokens[h].lower.hasSuffix("ed"))
            { h += 1 }
            if h > e + 1 { return k..<h }
        }
        return k..<e
    }

    /// The speaker of a participial or coordinated cue before a quote — "Rubio pushed back, saying …",
    /// "The president noted …, and added: “…”", "Bradley apologized …, saying they were …": the subject of
    /// the main clause, not the nearest name (which is usually an object).
    func participleSubject(before o: Int, sentence: Range<Int>) -> Range<Int>? {
        // the nearest cue word before the quote, within a few words ("saying that the bill …")
        var k = o - 1
        while k > sentence.lowerBound && o - k < 16
            && !(tokens[k].kind == .word && tokens[k].has(.cueForm) && !isInsideQuote(k))
        {
            if isMark[k] { return nil }
            k -= 1
        }
        guard k >= sentence.lowerBound, tokens[k].kind == .word, tokens[k].has(.cueForm), !isInsideQuote(k)
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
            return tokens[j].has(.pronoun) ? j..<(j + 1) : nounPhraseStarting(j, limit: sentence.upperBound)
        }
        guard k > sentence.lowerBound else { return nil }
        let before = tokens[k - 1]
        let participle =
            tokens[k].lower.hasSuffix("ing")
            && (before.text == ","
                || ["upon", "by", "while", "before", "after", "and", "—", "-"].contains(before.lower)
                || (before.kind == .word && !before.has(.pronoun) && !before.has(.auxiliary)
                    && entityAt[k - 1] == nil && !before.isCapitalized))
        let coordinated = before.lower == "and" && k - 2 >= sentence.lowerBound && tokens[k - 2].text == ","
        guard participle || coordinated else { return nil }
        return sentenceSubject(sentence, before: k)
    }

    /// Whether a quote starts its sentence (possibly after a dash) and has no cue in it.
    func isQuoteLed(_ span: QuoteSpan, sentence: Range<Int>) -> Bool {
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
    func previousSpeaker(
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
                candidate = Attribution(party: previous[n].party, mention: previous[n].mention, cue: nil)
                candidatePos = spans[n].close ?? spans[n].inner.upperBound
                break
            }
            n -= 1
        }
        // The sentence just before, when it is narrative about someone ("Iowa State University's Dianne
        // Bystrom agreed.", "Schoen elaborated in an editorial …"), introduces the quote: its subject speaks.
        let narrative = narrativeSubjectBefore(position)
        // A later speech event without a quote ("Zelensky said." / "She said new mothers …") wins if it is nearer.
        if let ev = closingSpeechEvent(before: position, after: candidatePos) {
            return Attribution(party: ev.party, mention: ev.speaker, cue: nil)
        }
        if let ev = speechEvents.last(where: {
            $0.cue.lowerBound < position && $0.speaker != nil && paragraphOf($0.cue.lowerBound) >= paragraph - 2
        }),
            ev.cue.lowerBound > candidatePos, ev.cue.lowerBound > narrative?.np.lowerBound ?? -1
        {
            return Attribution(party: ev.party, mention: ev.speaker, cue: nil)
        }
        if let subject = narrative, subject.np.lowerBound > candidatePos {
            return Attribution(party: subject.party, mention: subject.np, cue: nil)
        }
        if let candidate { return candidate }
        return nil
    }

    /// The speech event that ends the sentence right before `position`, after the previous quote at `after`:
    /// "Or maybe Jeb Bush, digital consultant Phil Musser says. “…”".
    private func closingSpeechEvent(before position: Int, after: Int) -> SpeechEvent? {
        let i = countBefore(position, speechInTextOrder.count) { speechEvents[speechInTextOrder[$0]].cue.lowerBound }
        guard i > 0 else { return nil }
        let ev = speechEvents[speechInTextOrder[i - 1]]
        let end = ev.cue.upperBound
        // the speaker right before the cue ("Mr Howard said."), in a sentence of its own after the previous quote
        guard let np = ev.speaker, np.upperBound + 1 >= ev.cue.lowerBound, !isInsideQuote(np.lowerBound),
            end < position, tokens[end].text == ".", sentenceOfToken[position] == ev.sentence + 1,
            after < 0 || sentenceOfToken[min(after, tokens.count - 1)] < ev.sentence
        else { return nil }
        return ev
    }

    /// The subject of the sentence right before `position` (same or previous paragraph) when that sentence has
    /// no quotation of its own and its subject is a named person (or a pronoun for one).
    private func narrativeSubjectBefore(_ position: Int) -> (np: Range<Int>, party: Int?)? {
        let si = sentenceOfToken[position]
        guard si > 0 else { return nil }
        let prev = sentences[si - 1]
        guard paragraphs[prev.paragraph].kind == .body, sentences[si].paragraph - prev.paragraph <= 1 else {
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
        guard verb.kind == .word, !verb.isCapitalized, !verb.has(.auxiliary) || verb.has(.cueForm)
        else { return nil }
        let party = resolveSpeaker(np, sentence: r)
        if let party, partyTable[party].kind == .person { return (np, party) }
        if np.count == 1, tokens[np.lowerBound].has(.pronoun),
            Grammar.personPronouns.contains(tokens[np.lowerBound].lower)
        {
            return (np, party)
        }
        return nil
    }

    /// A signature line right after a paragraph: "- Sanders." / "—President Obama, tweeting after …".
    func signatureAfter(paragraph pi: Int) -> Attribution? {
        guard pi + 1 < paragraphs.count else { return nil }
        let next = paragraphs[pi + 1]
        guard next.kind == .body, next.tokens.count >= 2, tokens[next.tokens.lowerBound].kind == .dash else {
            return nil
        }
        let r = (next.tokens.lowerBound + 1)..<next.tokens.upperBound
        guard let np = nounPhraseStarting(r.lowerBound, limit: r.upperBound) else { return nil }
        return Attribution(party: resolveSpeaker(np, sentence: r), mention: np, cue: nil)
    }
}
