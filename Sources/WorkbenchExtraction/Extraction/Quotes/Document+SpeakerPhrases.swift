/// The noun phrases that name a speaker before or after a cue.
extension Document {
    /// The speaker noun phrase ending right before `j` (skipping auxiliaries, and an appositive set off by commas).
    func speakerBefore(_ j: Int, floor: Int) -> Range<Int>? {
        var k = subjectEnd(before: j, floor: floor)
        guard k >= floor else { return nil }
        // appositives of age and place: "Cory James, 22, of Flint, Mich., said" → back to the name
        if tokens[k].text == "," {
            switch ageOrPlaceAppositives(endingAt: k, floor: floor) {
            case .speaker(let np): return np
            case .before(let end): k = end
            case .none: break
            }
        }
        if tokens[k].text == "," || tokens[k].text == ")" { return speakerBeforeAppositive(k, floor: floor) }
        // a relative clause: "a headline that said", "the Chicago Police Department, which reported" → the noun before it
        if ["that", "which"].contains(tokens[k].lower), k - 1 >= floor {
            return relativeClauseSpeaker(k, floor: floor)
        }
        guard let np = nounPhraseEnding(at: k, floor: floor, strict: false) else { return nil }
        return modifiedSubject(before: np, floor: floor) ?? np
    }

    /// The subject before a modifier whose object `np` is: "Another intelligence source speaking to Fox News said",
    /// "a source familiar with the talks said", "officials briefed on the plan said".
    private func modifiedSubject(before np: Range<Int>, floor: Int) -> Range<Int>? {
        let p = np.lowerBound - 1
        guard p - 2 >= floor, tokens[p].kind == .word, Grammar.objectPrepositions.contains(tokens[p].lower) else {
            return nil
        }
        let m = tokens[p - 1]
        guard m.kind == .word, !m.isCapitalized, !m.has(.cueForm),
            m.lower.hasSuffix("ing") || m.lower.hasSuffix("ed") || Grammar.complementAdjectives.contains(m.lower),
            let subject = nounPhraseEnding(at: p - 2, floor: floor, strict: true),
            // "In a statement issued on Wednesday Lord Woolf said": a phrase inside an opening adverbial
            subject.lowerBound == floor || !Grammar.objectPrepositions.contains(tokens[subject.lowerBound - 1].lower),
            subject.contains(where: { entityAt[$0] != nil || tokens[$0].has(.group) || tokens[$0].has(.pronoun) })
                || lexicon.roleMatcher.match(tokens, at: p - 2, limit: p - 1) != nil
        else { return nil }
        return subject
    }

    /// The last token of the subject before the cue at `j`: past dates, auxiliaries, an aspect verb and a
    /// prepositional phrase between subject and verb (below `floor` when there is none).
    private func subjectEnd(before j: Int, floor: Int) -> Int {
        var k = j - 1
        // "Trump on Saturday tweeted", "Sanders’s campaign manager on Wednesday said"
        while k >= floor && dateToken[k] { k -= 1 }
        if k < j - 1 && k >= floor && ["on", "in", "at", "late", "early", "last"].contains(tokens[k].lower) { k -= 1 }
        var skipped = 0
        skipAuxiliaries(&k, floor: floor, skipped: &skipped)
        // "Johnson kept asking", "she began telling": an aspect verb before an -ing cue
        if k >= floor, j < tokens.count, tokens[j].lower.hasSuffix("ing"), Grammar.aspectVerbs.contains(tokens[k].lower)
        {
            k -= 1
            skipAuxiliaries(&k, floor: floor, skipped: &skipped)
        }
        // a prepositional phrase between subject and verb: "Trump at the time said", "Beck, who has in the past described"
        if k > floor, let pp = prepositionalPhrase(endingAt: k, floor: floor) {
            k = pp.lowerBound - 1
            skipAuxiliaries(&k, floor: floor, skipped: &skipped)
        }
        return k
    }

    /// Moves `k` back over auxiliaries ("has", "would have"), three at most in all (`skipped` counts them).
    private func skipAuxiliaries(_ k: inout Int, floor: Int, skipped: inout Int) {
        while k >= floor && skipped < 3 && tokens[k].kind == .word && tokens[k].has(.auxiliary)
            && !tokens[k].has(.cueForm)
        {
            k -= 1
            skipped += 1
        }
    }

    /// The relative pronoun at `k` as the speaker's mention when the noun before it can speak
    /// ("the Chicago Police Department, which reported"; "a piece that noted" is the paper's, not the piece's).
    private func relativeClauseSpeaker(_ k: Int, floor: Int) -> Range<Int>? {
        let n = tokens[k - 1].text == "," ? k - 2 : k - 1
        guard n >= floor, tokens[n].kind == .word, !tokens[n].has(.cueForm),
            !tokens[n].has(.auxiliary),
            let np = nounPhraseEnding(at: n, floor: floor, strict: true)
        else { return nil }
        let speaks =
            np.contains(where: { entityAt[$0] != nil }) || tokens[n].has(.group)
            || lexicon.roleMatcher.match(tokens, at: n, limit: n + 1) != nil
        // the mention stays the relative pronoun as written; resolving it finds the party before it
        return speaks ? k..<(k + 1) : nil
    }

    /// A prepositional phrase ending at `k` whose object is not a name: "at the time", "in the past", "on Twitter".
    private func prepositionalPhrase(endingAt k: Int, floor: Int) -> Range<Int>? {
        guard tokens[k].kind == .word, !tokens[k].has(.pronoun) else { return nil }
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
                    entityAt[$0] != nil && !tokens[$0].has(.place) && !dateToken[$0]
                        && tokens[$0].lower != "twitter"
                }) {
                    return nil
                }
                return (m - 1)..<(k + 1)
            }
            if u.isCapitalized && entityAt[m - 1] == nil && !u.has(.determiner) { return nil }
            m -= 1
        }
        return nil
    }

    /// The noun phrase whose last token is `k`: a pronoun, a name with titles, or a determiner + nominal.
    func nounPhraseEnding(at k: Int, floor: Int, strict: Bool) -> Range<Int>? {
        guard k >= floor else { return nil }
        let head = tokens[k]
        // a date is not a speaker ("… on Tuesday said" is handled by the caller; "March 1 states" is not a name)
        if dateToken[k] { return nil }
        // "the 34-year-old mother of three", "a father of two"
        if k - 2 >= floor, tokens[k - 1].lower == "of",
            head.kind == .number || Grammar.smallNumbers.contains(head.lower),
            let np = nounPhraseEnding(at: k - 2, floor: floor, strict: strict), np.upperBound == k - 1
        {
            return np.lowerBound..<(k + 1)
        }
        // quantities as speakers: "About four in 10 said", "Most said", "21 percent said"
        if head.kind == .number || Grammar.quantityHeads.contains(head.lower) {
            return quantityPhrase(endingAt: k, floor: floor)
        }
        guard head.kind == .word else { return nil }
        if head.has(.pronoun) { return k..<(k + 1) }
        // ", who said" — or "Tessa Jowell who said", a name before "who" with the comma left out
        if head.lower == "who" {
            return k > floor
                && (tokens[k - 1].text == ","
                    || entity(at: k - 1).map { partyTable[$0.party].kind == .person } == true)
                ? k..<(k + 1) : nil
        }
        // a function word never heads a speaker phrase ("… the nomination and said", "In responding")
        if head.has(.common) && entityAt[k] == nil && !Grammar.pronounLikeCommonWords.contains(head.lower) {
            return nil
        }
        if head.has(.cueForm) && !head.isCapitalized { return nil }
        // an adverb after the subject ("the FBI somehow managed"): the phrase ends before it
        if !head.isCapitalized
            && (head.lower.hasSuffix("ly")
                || Grammar.clauseAdverbs.contains(head.lower))
            && k > floor
        {
            return nounPhraseEnding(at: k - 1, floor: floor, strict: strict)
        }
        let headIsName = head.isCapitalized || entityAt[k] != nil
        let headIsNominal = head.has(.group) || lexicon.roleMatcher.match(tokens, at: k, limit: k + 1) != nil
        let (start, sawDeterminer, sawPossessor) = modifiers(before: k, floor: floor, headIsName: headIsName)
        var s = start
        if s == k && !headIsName && !headIsNominal {
            // a bare lowercase word: only a known group noun or role makes it a speaker
            return nil
        }
        if !headIsName && !headIsNominal && !sawDeterminer && !sawPossessor { return nil }
        if strict && !headIsName && !headIsNominal && !head.has(.pronoun) && !sawDeterminer && !sawPossessor {
            return nil
        }
        // a sentence-initial function word is not part of the name
        while s < k && tokens[s].has(.common) && !tokens[s].has(.determiner) && entityAt[s] == nil {
            s += 1
        }
        // "that Grayson said" / "that he": the complementizer is not part of the speaker
        if s < k && tokens[s].lower == "that" && (tokens[s + 1].isCapitalized || entityAt[s + 1] != nil) { s += 1 }
        // a relative clause: ", who said …" speaks for the name before it (the mention stays "who");
        // "a candidate who promised" without a comma is a description, not an attribution
        if ["which", "that"].contains(head.lower) { return nil }
        // a document issued by someone: "X issued a statement saying" → X
        if lexicon.documentNouns.contains(head.lower), s > floor, tokens[s - 1].kind == .word,
            !tokens[s - 1].isCapitalized,
            Grammar.issuingVerbs.contains(tokens[s - 1].lower),
            let issuer = nounPhraseEnding(at: s - 2, floor: floor, strict: strict)
        {
            return issuer
        }
        return s..<(k + 1)
    }

    /// A quantity ending at `k` with the words that measure it: "About four in 10", "21 percent", "Most".
    private func quantityPhrase(endingAt k: Int, floor: Int) -> Range<Int> {
        var s = k
        while s > floor && k - s < 5
            && (tokens[s - 1].kind == .number
                || tokens[s - 1].kind == .word && !tokens[s - 1].isCapitalized
                    && Grammar.quantityModifiers.contains(tokens[s - 1].lower))
        { s -= 1 }
        return s..<(k + 1)
    }

    /// How far the modifiers before head `k` reach: names, titles, adjectives, a possessor ("Clinton's
    /// campaign"), up to a determiner; with whether a determiner or a speaking possessor was seen.
    private func modifiers(before k: Int, floor: Int, headIsName: Bool) -> (
        start: Int, sawDeterminer: Bool, sawPossessor: Bool
    ) {
        var s = k
        var m = k - 1
        var sawDeterminer = false
        var sawPossessor = false
        let head = tokens[k]
        while m >= floor && k - m < 9 {
            let u = tokens[m]
            if u.kind != .word { break }
            // "the 34-year-old mother"
            if u.lower.hasSuffix("-old"), m - 2 >= floor, tokens[m - 1].kind == .dash, tokens[m - 2].kind == .number {
                s = m - 2
                m -= 3
                continue
            }
            if u.has(.determiner) && !(u.isCapitalized && m > floor && entityAt[m] != nil) {
                s = m
                sawDeterminer = true
                break
            }
            if u.isCapitalized || entityAt[m] != nil {
                s = m
                m -= 1
                continue
            }
            if u.lower == "’s" || u.lower == "'s" {
                // "Ivana Trump's brief", "Clinton's campaign": a named possessor of a document or team speaks through it
                if m == k - 1, m > floor, tokens[m - 1].isCapitalized || entityAt[m - 1] != nil,
                    lexicon.speakingNouns.contains(head.lower)
                {
                    sawPossessor = true
                }
                s = m
                m -= 1
                continue
            }
            if u.has(.connector) && m + 1 <= k && tokens[m + 1].isCapitalized && m - 1 >= floor
                && tokens[m - 1].isCapitalized
            {
                s = m
                m -= 1
                continue
            }
            if u.has(.speakerAdjective) || u.has(.group)
                || lexicon.roleMatcher.match(tokens, at: m, limit: m + 1) != nil
            {
                s = m
                m -= 1
                continue
            }
            if !headIsName && k - m <= 2 && u.lower.count > 2 && !u.has(.auxiliary)
                && !u.has(.cueForm)
                && !Grammar.modifierBreakers.contains(u.lower)
            {
                // an unknown modifier ("the prominent lawmaker"): accepted only if a determiner comes next
                if m - 1 >= floor && tokens[m - 1].has(.determiner) {
                    s = m
                    m -= 1
                    continue
                }
            }
            break
        }
        return (s, sawDeterminer, sawPossessor)
    }

    /// The noun phrase starting at `j` (after a cue: "said Zelensky", "said the spokesman, Dmitry Peskov",
    /// "said election lawyer Joe Birkenstock", "said the billionaire business mogul").
    func nounPhraseStarting(_ j: Int, limit: Int) -> Range<Int>? {
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
        if t.has(.pronoun) { return j..<(j + 1) }
        // lowercase modifiers before a capitalised name: "election lawyer Joe Birkenstock", "former Colorado Rep. …"
        var lead = j
        if t.has(.determiner) { lead += 1 }
        var m = lead
        while m < limit && m - lead < 5 && (tokens[m].kind == .word || tokens[m].kind == .number && m == lead)
            && !tokens[m].isCapitalized && entityAt[m] == nil
            && !tokens[m].has(.auxiliary) && !tokens[m].has(.cueForm)
            && !Grammar.subordinators.contains(tokens[m].lower)
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
            if u.isCapitalized || entityAt[e] != nil {
                e += 1
                sawName = true
                continue
            }
            if (u.lower == "’s" || u.lower == "'s") && sawName {
                e += 1
                continue
            }
            if u.has(.connector) && sawName && e + 1 < limit && tokens[e + 1].isCapitalized
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
            && (lead > j || tokens[m - 1].has(.group)
                || lexicon.roleMatcher.match(tokens, at: m - 1, limit: m) != nil)
        {
            return j..<m
        }
        return nil
    }
}
