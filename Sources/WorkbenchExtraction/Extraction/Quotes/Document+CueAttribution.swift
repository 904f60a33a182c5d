import WorkbenchModel

/// Attribution read from a cue next to a quote: after it, before it, later in its sentence, or at a colon.
extension Document {
    /// Attribution right after a closing mark (A).
    func attributionAfter(_ j0: Int, sentence: Range<Int>) -> Attribution? {
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
            return Attribution(party: resolveSpeaker(np, sentence: sentence), mention: np, cue: nil)
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
            return Attribution(party: resolveSpeaker(np, sentence: sentence), mention: np, cue: "according to")
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
                    || ["on", "in", "at", "during", "after", "before"].contains(tokens[q + 1].lower),
                let np = subjectBetween(j, q),
                (np.lowerBound..<np.upperBound).contains(where: {
                    tokens[$0].has(.determiner) || tokens[$0].isCapitalized
                        || tokens[$0].has(.pronoun)
                })
            {
                return attributed(np, cue: q..<(q + 1), sentence: sentence)
            }
            if tokens[q].text == ";" || (tokens[q].text == "." && !isInnerPeriod(q, limit: end)) { break }
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
                && !v.has(.auxiliary) && (np.count <= 4)
            {
                return attributed(np, cue: np.upperBound..<(np.upperBound + 1), sentence: sentence)
            }
        }
        return nil
    }

    /// Whether the period at `k` sits inside a word ("fivethirtyeight.com") rather than ending a clause.
    private func isInnerPeriod(_ k: Int, limit: Int) -> Bool {
        k > 0 && k + 1 < limit && !tokens[k].spaceBefore && !tokens[k + 1].spaceBefore && tokens[k + 1].kind == .word
            && tokens[k - 1].kind == .word
    }

    /// The speaker phrase spanning tokens `j..<q` before a cue: "Mr. Friedman", "the billionaire business mogul",
    /// "Jane Doe, a spokeswoman for the ministry," (the name before the appositive), with auxiliaries dropped.
    private func subjectBetween(_ j: Int, _ q: Int) -> Range<Int>? {
        // "“…” that border security is working, he said", "“…” if Sanders wins": a clause continues the quote;
        // the speaker is after its last comma, if anywhere
        if j < q, Grammar.subordinators.contains(tokens[j].lower) {
            guard let comma = (j..<q).last(where: { tokens[$0].text == "," }), comma + 1 < q else { return nil }
            return subjectBetween(comma + 1, q)
        }
        var e = q
        while e > j && tokens[e - 1].kind == .word && tokens[e - 1].has(.auxiliary)
            && !tokens[e - 1].has(.cueForm)
        { e -= 1 }
        while e > j && tokens[e - 1].text == "," { e -= 1 }
        guard e > j else { return nil }
        // an appositive: keep the part before the first comma, unless a title is named by it
        // ("the governor, Vasily Golubev," → Vasily Golubev)
        if let comma = (j..<e).first(where: { tokens[$0].text == "," || tokens[$0].text == "(" }) {
            // "“…” they need to win, DFA spokesman Neil Sroka said": a clause continues the quote before the speaker
            if comma - j > 1, tokens[j].has(.pronoun), let last = (comma..<e).last(where: { tokens[$0].text == "," }),
                last + 1 < e
            {
                return subjectBetween(last + 1, q)
            }
            if let name = appositiveName(title: j..<comma, rest: (comma + 1)..<e) { return name }
            e = comma
        }
        guard e > j, e - j <= 8 else { return nil }
        let first = tokens[j]
        guard first.kind == .word else { return nil }
        // "a Donald Trump tweet", "an Obama statement": a noun compound, not a speaker and a verb
        if ["a", "an"].contains(first.lower), e - j >= 2,
            (j + 1..<e).allSatisfy({ tokens[$0].isCapitalized || entityAt[$0] != nil }),
            lexicon.roleMatcher.match(tokens, at: j + 1, limit: e) == nil
        {
            return nil
        }
        let ok =
            first.isCapitalized || entityAt[j] != nil || first.has(.determiner) || first.has(.pronoun)
            || first.has(.group) || lexicon.roleMatcher.match(tokens, at: j, limit: e) != nil
            || first.has(.speakerAdjective)
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
        guard title.count >= 2, title.count <= 6, tokens[title.lowerBound].has(.determiner),
            !rest.isEmpty, rest.count <= 4, tokens[rest.lowerBound].isCapitalized,
            rest.allSatisfy({ tokens[$0].isCapitalized || (tokens[$0].kind == .punct && tokens[$0].text == ".") }),
            title.dropFirst().contains(where: {
                lexicon.roleMatcher.match(tokens, at: $0, limit: title.upperBound) != nil
                    || tokens[$0].has(.group)
            })
        else { return nil }
        return rest
    }

    /// Resolves a speaker phrase, records the speech event and returns the attribution.
    func attributed(_ np: Range<Int>, cue: Range<Int>, sentence: Range<Int>) -> Attribution {
        let r = resolveSpeaker(np, sentence: sentence)
        recordSpeech(cue, np, r)
        return Attribution(party: r, mention: np, cue: text(tokens: cue))
    }

    /// Attribution right before an opening mark (B): cue, then optional object and ":" "," "that".
    func attributionBefore(_ o: Int, sentence: Range<Int>) -> Attribution? {
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
                    return Attribution(party: nil, mention: nil, cue: cueTok.text)
                }
                // a second verb of the same subject: "Lazar said he welcomed extradition … and added, “…”"
                if cue.lowerBound > sentence.lowerBound,
                    ["and", "but", "then"].contains(tokens[cue.lowerBound - 1].lower)
                {
                    if let subject = coordinatedSubject(cue, sentence: sentence) {
                        return attributed(subject, cue: cue, sentence: sentence)
                    }
                    return Attribution(party: nil, mention: nil, cue: cueTok.text)
                }
                if let np = speakerBefore(cue.lowerBound, floor: sentence.lowerBound) {
                    let r = resolveSpeaker(np, sentence: sentence)
                    if let outer = reportingCue(before: np, party: r, sentence: sentence) { return outer }
                    recordSpeech(cue, np, r)
                    return Attribution(party: r, mention: np, cue: text(tokens: cue))
                }
                // "But, said Solovey, “…”": the speaker after the cue, set off before the quote
                return speakerAfterCue(cue, before: o, sentence: sentence)
            }
            if isMark[k] || tokens[k].text == "." { break }
            k -= 1
            scanned += 1
        }
        return nil
    }

    /// The name between a cue and the comma or colon before the quote at `o`: "said Solovey, “…”".
    private func speakerAfterCue(_ cue: Range<Int>, before o: Int, sentence: Range<Int>) -> Attribution? {
        guard speakerMayFollow(cue), o - 1 > cue.upperBound, tokens[o - 1].text == "," || tokens[o - 1].text == ":",
            let np = nounPhraseStarting(cue.upperBound, limit: o - 1), np.upperBound == o - 1,
            np.contains(where: { tokens[$0].isCapitalized || entityAt[$0] != nil })
        else { return nil }
        return attributed(np, cue: cue, sentence: sentence)
    }

    /// "according to X" anywhere in the sentence.
    func accordingTo(in sentence: Range<Int>) -> Attribution? {
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
            return Attribution(party: resolveSpeaker(np, sentence: sentence), mention: np, cue: "according to")
        }
        return nil
    }

    /// The nearest cue before token `o` in the sentence, outside quotation marks (D).
    func nearestCueBefore(_ o: Int, sentence: Range<Int>) -> Attribution? {
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
                    return Attribution(party: r, mention: np, cue: text(tokens: cue))
                }
            }
            k -= 1
        }
        return nil
    }

    /// The named speaker who reports their own speech act: in "Trump … said he asked Putin “…”" the quote is Trump's
    /// report, so the mention is "Trump" and the cue "said" — when the pronoun opens the complement of that cue.
    private func reportingCue(before np: Range<Int>, party: Int?, sentence: Range<Int>) -> Attribution? {
        guard let party, np.count == 1, tokens[np.lowerBound].has(.pronoun) else { return nil }
        var j = np.lowerBound - 1
        if j >= sentence.lowerBound && tokens[j].lower == "that" { j -= 1 }
        guard j >= sentence.lowerBound, !isInsideQuote(j), let cue = cueEnding(at: j, floor: sentence.lowerBound),
            let outer = speakerBefore(cue.lowerBound, floor: sentence.lowerBound),
            !(outer.count == 1 && tokens[outer.lowerBound].has(.pronoun)),
            resolveSpeaker(outer, sentence: sentence) == party
        else { return nil }
        recordSpeech(cue, outer, party)
        return Attribution(party: party, mention: outer, cue: text(tokens: cue))
    }

    /// The subject of a verb coordinated with an earlier one ("X … and said", "X … but has boasted"), when no subject of its own comes between.
    private func coordinatedSubject(_ cue: Range<Int>, sentence: Range<Int>) -> Range<Int>? {
        var j = cue.lowerBound - 1
        while j > sentence.lowerBound && tokens[j].kind == .word && tokens[j].has(.auxiliary)
            && !tokens[j].has(.cueForm)
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
    func cueLater(_ j: Int, sentence: Range<Int>) -> Attribution? {
        var q = j
        while q < sentence.upperBound {
            if isMark[q] { return nil }
            if let cue = cueAt(q, limit: sentence.upperBound), q > j, tokens[q - 1].text == ",", speakerMayFollow(cue),
                let np = nounPhraseStarting(q + cue.count, limit: sentence.upperBound),
                // "…, said the days when …" is reported speech; "…, said the spokesman" / "said Jane Doe" name a speaker
                np.contains(where: {
                    tokens[$0].isCapitalized || entityAt[$0] != nil || tokens[$0].has(.group)
                        || tokens[$0].has(.pronoun)
                        || lexicon.roleMatcher.match(tokens, at: $0, limit: $0 + 1) != nil
                })
            {
                return attributed(np, cue: cue, sentence: sentence)
            }
            if let cue = cueAt(q, limit: sentence.upperBound), let np = speakerBefore(q, floor: j) {
                let r = resolveSpeaker(np, sentence: sentence)
                recordSpeech(cue, np, r)
                return Attribution(party: r, mention: np, cue: text(tokens: cue))
            }
            q += 1
        }
        return nil
    }

    /// The subject of a sentence whose quote follows a colon (F).
    func colonSubject(_ colon: Int, sentence: Range<Int>) -> Attribution? {
        if let label = dashedLabel(before: colon, sentence: sentence) {
            return Attribution(party: resolveSpeaker(label, sentence: sentence), mention: label, cue: nil)
        }
        if let a = colonSubjectAtStart(colon, sentence: sentence) { return a }
        guard let subject = clauseSubject(before: colon, sentence: sentence) ?? sentenceSubject(sentence, before: colon)
        else { return nil }
        let cue =
            subject.upperBound < colon && tokens[subject.upperBound].kind == .word
            ? tokens[subject.upperBound].text : nil
        return Attribution(party: resolveSpeaker(subject, sentence: sentence), mention: subject, cue: cue)
    }

    /// A name set off by a dash before a colon, as in digests and transcripts: "Pollsters agree - Carl Bialik: “…”".
    private func dashedLabel(before colon: Int, sentence: Range<Int>) -> Range<Int>? {
        guard let dash = (max(sentence.lowerBound, colon - 8)..<colon).last(where: { tokens[$0].kind == .dash }),
            dash + 1 < colon
        else { return nil }
        let label = (dash + 1)..<colon
        let isName = label.allSatisfy { k in
            let t = tokens[k]
            return (t.kind == .word && (t.isCapitalized && !t.isAllCaps || t.lower == "and"))
                || (t.text == "." && k > label.lowerBound)
        }
        guard isName, tokens[label.lowerBound].isCapitalized, tokens[colon - 1].kind == .word else { return nil }
        return label
    }

    /// The first party of a sentence whose quote follows a colon ("Zelensky … set a clear condition: “…”").
    private func colonSubjectAtStart(_ colon: Int, sentence: Range<Int>) -> Attribution? {
        // the first party mention of the sentence, when it starts the sentence
        var k = sentence.lowerBound
        while k < colon && (tokens[k].kind != .word || tokens[k].has(.common) && entityAt[k] == nil)
            && k < sentence.lowerBound + 3
        { k += 1 }
        // "In a Fox interview later that day, Trump went further:": a name in an opening phrase is not the subject
        // (but "For Henry Reichhold, this is progress:" names whose view follows)
        guard k < colon,
            !(sentence.lowerBound..<k).contains(where: {
                Grammar.objectPrepositions.contains(tokens[$0].lower) && !["for", "to"].contains(tokens[$0].lower)
            })
        else { return nil }
        var np: Range<Int>?
        if let e = entity(at: k) {
            np = e.range
        } else if tokens[k].has(.pronoun) {
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
        return Attribution(party: r, mention: subject, cue: cue)
    }
}
