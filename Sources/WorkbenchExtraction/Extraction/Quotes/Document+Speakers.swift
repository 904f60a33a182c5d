/// Resolving a speaker phrase to a party: names, titles, institutions and pronoun antecedents.
extension Document {

    /// The party a speaker phrase refers to: a named entity inside it, a pronoun's antecedent, or a nominal's referent.
    func resolveSpeaker(_ np: Range<Int>, sentence: Range<Int>) -> Int? {
        // named inside: prefer a person, then organisations, then countries
        var best: (Int, Int)? = nil  // (rank, party)
        for k in np {
            guard let p = entity(at: k)?.party else { continue }
            let kind = partyTable[p].kind
            let rank = kind == .person ? 3 : (kind == .country ? 1 : 2)
            if best == nil || rank >= best!.0 { best = (rank, p) }
        }
        let head = tokens[np.upperBound - 1]
        if let best {
            // "The US president", "Russia's foreign minister": the person holding that role for that country
            if best.0 == 1, np.count > 1,
                let role = lexicon.roleMatcher.match(tokens, at: np.upperBound - 1, limit: np.upperBound)?.payload,
                let p = partyTable.indices.first(where: {
                    partyTable[$0].kind == .person && partyTable[$0].affiliation == partyTable[best.1].name
                        && (partyTable[$0].role?.lowercased().containsText(role.lowercased()) ?? false)
                        && firstMentionBefore($0, np.lowerBound)
                })
            {
                return p
            }
            return best.1
        }
        if np.count == 1 && head.has(.pronoun) {
            return antecedent(of: np.lowerBound, pronoun: head.lower)
        }
        // ", who said", "the department, which reported": the party named just before
        if np.count == 1 && ["who", "which", "that"].contains(head.lower) {
            var j = np.lowerBound - 1
            while j >= sentence.lowerBound && np.lowerBound - j < 8 {
                if let e = entity(at: j) { return e.party }
                j -= 1
            }
            return nil
        }
        // nominals: "the president", "the ministry", "the spokesman"
        if let role = lexicon.roleMatcher.match(tokens, at: np.upperBound - 1, limit: np.upperBound)?.payload {
            if let p = latestMentioned(
                before: np.lowerBound,
                where: {
                    partyTable[$0].kind == .person
                        && (partyTable[$0].role?.lowercased().containsText(role.lowercased()) ?? false)
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
                    partyTable[$0].kind != .person && partyTable[$0].kind != .group && partyTable[$0].kind != .source
                        && partyTable[$0].name.lowercased().containsText(head.lower)
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
        let counts = partyTable.filter { $0.kind == .country }.map {
            ($0.name, $0.mentions.filter { $0.start < before }.count)
        }
        guard let top = counts.max(by: { $0.1 < $1.1 }), top.1 > 0, counts.filter({ $0.1 == top.1 }).count == 1 else {
            return nil
        }
        var found: [Int] = []
        for (i, e) in lexicon.parties.enumerated() where e.kind != .person && e.kind != .country {
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
            if wantPerson { return kind == .person && (otherGender == nil || partyTable[p].gender != otherGender) }
            if pronoun == "it" { return kind != .person && kind != .group && kind != .source }
            return kind != .person
        }
        // 1. the subject of this sentence, before the pronoun (not a name inside a leading phrase: "Echoing Putin, he …")
        let sr = sentences[s].tokens
        var j = sr.lowerBound
        let leadingPhrase =
            j < k && tokens[j].kind == .word && entityAt[j] == nil
            && (tokens[j].lower.hasSuffix("ing") || Grammar.phrasePrepositions.contains(tokens[j].lower))
        while !leadingPhrase && j < k && j < sr.lowerBound + 4 {
            if let e = entity(at: j), fits(e.party) { return e.party }
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
    func countBefore(_ k: Int, _ count: Int, start: (Int) -> Int) -> Int {
        var lo = 0
        var hi = count
        while lo < hi {
            let mid = (lo + hi) / 2
            if start(mid) < k { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
