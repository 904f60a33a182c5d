/// Group phrases ("Ukrainian officials", "authorities in the Chernihiv region") and the sentence facts they use.
extension Document {
    /// A group phrase around the group noun at `i`, when it names an actor.
    func groupPhrase(at i: Int, sentence: Range<Int>) -> (
        range: Range<Int>, name: String, affiliation: String?
    )? {
        let (start, modifierAffiliation) = groupModifiers(before: i, sentence: sentence)
        var affiliation = modifierAffiliation
        var end = i + 1
        // "authorities in the northern Chernihiv region"
        if let place = placeAfterGroup(end, sentence: sentence) {
            affiliation = affiliation ?? place.country
            end = place.end
        }
        let speaks =
            cueFollows(end, limit: sentence.upperBound)
            || (end < sentence.upperBound && tokens[end].text == "," && cueFollows(end + 1, limit: sentence.upperBound))
            || (i > sentence.lowerBound && tokens[i - 1].has(.cueForm))
            || precededByAccordingTo(start, sentence: sentence)
        guard speaks || affiliation != nil else { return nil }
        if affiliation == nil {
            // officials in a sentence about a place belong to that place's country
            affiliation = placeCountry(in: sentence)
        }
        var nameStart = start
        while nameStart < i && tokens[nameStart].has(.determiner) { nameStart += 1 }
        // a bare noun ("the official", "a source", "the ministry") names nobody: with no country it is
        // no party (the quote keeps its mention), with one it is that country's ("official (United States)")
        if nameStart == i && end == i + 1 && lexicon.anonymousGroups.contains(tokens[i].lower) {
            guard let affiliation else { return nil }
            return (start..<end, tokens[i].lower + " (" + affiliation + ")", affiliation)
        }
        let name = text(tokens: nameStart..<end)
        // "Authorities in …" at a sentence start is lowercased; "Ukrainian negotiators" keeps its demonym's capital
        let properStart =
            entityAt[nameStart] != nil || (tokens[nameStart].isCapitalized && !isSentenceInitial(nameStart))
        return (start..<end, properStart ? name : name.prefix(1).lowercased() + name.dropFirst(), affiliation)
    }

    /// The start of a group noun's modifiers — a demonym or country ("Ukrainian officials", "U.S. officials"),
    /// adjectives, a determiner — and the country or organisation they name.
    private func groupModifiers(before i: Int, sentence: Range<Int>) -> (start: Int, affiliation: String?) {
        var start = i
        var affiliation: String?
        var k = i - 1
        while k >= sentence.lowerBound && i - k <= 3 {
            let t = tokens[k]
            if let e = entity(at: k) {
                let p = partyTable[e.party]
                if p.kind != .person {
                    affiliation = p.kind == .country ? p.name : (p.affiliation ?? p.name)
                    start = e.range.lowerBound
                    k = start - 1
                    continue
                }
                break
            }
            if t.kind == .word && t.has(.speakerAdjective) {
                start = k
                k -= 1
                continue
            }
            if t.kind == .word && t.has(.determiner) { start = k }
            break
        }
        return (start, affiliation)
    }

    /// A place or country after a group noun ending before `end`: "in the northern Chernihiv region",
    /// "of Ukraine" — where the phrase then ends and the country it belongs to.
    private func placeAfterGroup(_ end: Int, sentence: Range<Int>) -> (end: Int, country: String?)? {
        guard end + 1 < sentence.upperBound, tokens[end].lower == "in" || tokens[end].lower == "of" else { return nil }
        var m = end + 1
        if m < sentence.upperBound && tokens[m].lower == "the" { m += 1 }
        var adj = 0
        while m < sentence.upperBound && adj < 2 && tokens[m].kind == .word && !tokens[m].isCapitalized
            && [
                "northern", "southern", "eastern", "western", "central", "north", "south", "east", "west",
                "northeastern", "southeastern", "northwestern", "southwestern", "frontline", "occupied",
            ].contains(tokens[m].lower)
        {
            m += 1
            adj += 1
        }
        guard m < sentence.upperBound else { return nil }
        if let place = lexicon.placeMatcher.match(tokens, at: m, limit: sentence.upperBound) {
            var e = m + place.length
            if e < sentence.upperBound
                && ["region", "oblast", "province", "city", "district"].contains(tokens[e].lower)
            {
                e += 1
            }
            return (e, lexicon.places[place.payload].country)
        }
        if let c = lexicon.partyMatcher.match(tokens, at: m, limit: sentence.upperBound),
            lexicon.parties[c.payload.index].kind == .country
        {
            return (m + c.length, lexicon.parties[c.payload.index].name)
        }
        return nil
    }

    /// Whether token `k` is the first word of its sentence (after any opening marks).
    func isSentenceInitial(_ k: Int) -> Bool {
        var j = k - 1
        let s = sentences[sentenceOfToken[k]].tokens.lowerBound
        while j >= s && (tokens[j].kind == .quote || tokens[j].kind == .dash || tokens[j].text == "(") { j -= 1 }
        return j < s
    }

    /// Whether "according to" comes right before token `i`.
    func precededByAccordingTo(_ i: Int, sentence: Range<Int>) -> Bool {
        i - 2 >= sentence.lowerBound && tokens[i - 1].lower == "to" && tokens[i - 2].lower == "according"
    }

    /// The country of the first known place in a sentence.
    func placeCountry(in sentence: Range<Int>) -> String? {
        var k = sentence.lowerBound
        while k < sentence.upperBound {
            if tokens[k].isCapitalized, let m = lexicon.placeMatcher.match(tokens, at: k, limit: sentence.upperBound) {
                if let c = lexicon.places[m.payload].country { return c }
                k += m.length
            } else {
                k += 1
            }
        }
        return nil
    }
}
