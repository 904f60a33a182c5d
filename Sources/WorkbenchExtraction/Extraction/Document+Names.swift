import WorkbenchModel

/// Names: where a proper name starts and ends, titles and affiliations around it, and what an unknown name is.
extension Document {
    /// Whether token `i` can start a proper name.
    func isNameStart(_ i: Int, sentenceStart: Bool) -> Bool {
        guard tokens[i].kind == .word, tokens[i].isCapitalized else { return false }
        // months and weekdays, and common capitalised words (He, The, But …), are never names by themselves
        if tokens[i].has([.month, .weekday, .common]) { return false }
        _ = sentenceStart
        if tokens[i].lower.hasPrefix("’") || tokens[i].lower.hasPrefix("'") { return false }
        return true
    }

    /// Whether token `i` follows an opening quotation mark or bracket (a second sentence start).
    func isAfterOpeningMark(_ i: Int) -> Bool {
        guard i > 0 else { return true }
        let p = tokens[i - 1]
        return (p.kind == .quote && !isClosingMark(i - 1)) || p.text == "(" || p.kind == .dash || p.text == ":"
    }

    /// End (exclusive) of a run of capitalised words starting at `i` (with connectors such as "of" inside).
    func nameRunEnd(from i: Int, limit: Int) -> Int {
        var j = i
        while j < limit {
            let t = tokens[j]
            if t.kind == .word && t.isCapitalized && !(j > i && t.has(.month)) && !(j > i && t.newlineBefore) {
                // a cue verb capitalised at a headline does not join ("Putin Says")
                j += 1
                continue
            }
            if j > i, t.kind == .word, t.has(.connector), j + 1 < limit, tokens[j + 1].isCapitalized,
                t.lower != "and" && t.lower != "for"
            {
                j += 1
                continue
            }
            if j > i, t.kind == .word, t.lower == "al-" || t.text.hasPrefix("al-") {
                j += 1
                continue
            }
            break
        }
        return j
    }

    /// The gender a person's given name or a title before the mention tells ("Jennifer Roberts", "Mrs. Clinton", "spokeswoman Jane Doe").
    func genderOf(_ p: Int, mention r: Range<Int>) -> String? {
        if let first = partyTable[p].name.split(separator: " ").first, let g = lexicon.givenNameGender[String(first)] {
            return g
        }
        if let g = lexicon.givenNameGender[tokens[r.lowerBound].text] { return g }
        guard r.lowerBound > 0 else { return nil }
        return lexicon.genderWords[tokens[r.lowerBound - 1].lower]
    }

    /// Makes the name in a speaker phrase a person when no rule found one before ("said Mycle Schneider, a consultant",
    /// "pensioner Arcadiy Volenchuk said"): a run of two to four capitalised words at the end of the phrase.
    /// - Returns: the person's party, or nil when the phrase holds no such name.
    func adoptSpeaker(_ np: Range<Int>) -> Int? {
        var e = np.upperBound
        while e > np.lowerBound && tokens[e - 1].kind != .word { e -= 1 }
        var s = e
        while s > np.lowerBound && tokens[s - 1].kind == .word && tokens[s - 1].isCapitalized && entityAt[s - 1] == nil
            && !tokens[s - 1].has(.common) && lexicon.roleMatcher.match(tokens, at: s - 1, limit: e) == nil
        { s -= 1 }
        // "Tory MP Peter Luff": an all-caps title before the name is not part of it
        while s < e && tokens[s].isAllCaps { s += 1 }
        let run = s..<e
        // "the International Campaign to Abolish Nuclear Weapons": a name's tail after a connector is no person
        if run.lowerBound > 0, ["to", "of", "for", "and", "the", "on"].contains(tokens[run.lowerBound - 1].lower) {
            return nil
        }
        guard run.count >= 2 && run.count <= 4, !isKnownNonPerson(run),
            !run.contains(where: { dateToken[$0] || tokens[$0].isAllCaps }),
            !(run.lowerBound == sentences[sentenceOfToken[run.lowerBound]].tokens.lowerBound
                && tokens[run.lowerBound].has(.common))
        else { return nil }
        // lowercase words before the name describe the person ("local administrator", "pensioner")
        let before = np.lowerBound..<run.lowerBound
        let role =
            !before.isEmpty && before.count <= 3
                && before.allSatisfy({
                    tokens[$0].kind == .word && !tokens[$0].isCapitalized && !tokens[$0].has(.determiner)
                })
            ? text(tokens: before) : nil
        addPerson(run, role: role, affiliation: nil, sentence: sentenceOfToken[run.lowerBound])
        return entities.last?.party
    }

    /// A title inside a capitalised run with a name after it ("Senate Majority Leader Mitch McConnell" → "Leader", "Mitch McConnell").
    func titleInsideRun(_ r: Range<Int>) -> (title: Range<Int>, role: String, name: Range<Int>)? {
        guard r.count >= 3 else { return nil }
        for p in (r.lowerBound + 1)..<(r.upperBound - 1) {
            guard let m = lexicon.roleMatcher.match(tokens, at: p, limit: r.upperBound), p + m.length < r.upperBound,
                !["Mr", "Mrs", "Ms", "Miss"].contains(m.payload) || p + m.length + 1 < r.upperBound
            else { continue }
            // "Chairman Gen. Mark Milley": titles in a row
            var start = p + m.length
            while start + 1 < r.upperBound,
                let next = lexicon.roleMatcher.match(tokens, at: start, limit: r.upperBound),
                start + next.length < r.upperBound
            {
                start += next.length
            }
            let name = start..<r.upperBound
            guard name.count <= 4, isNameStart(name.lowerBound, sentenceStart: false), !isKnownNonPerson(name),
                !name.contains(where: { tokens[$0].has(.orgWord) })
            else { return nil }
            return (p..<(p + m.length), m.payload, name)
        }
        return nil
    }

    /// Whether the tokens name a country, place or organisation rather than a person.
    func isKnownNonPerson(_ r: Range<Int>) -> Bool {
        if let m = lexicon.partyMatcher.match(tokens, at: r.lowerBound, limit: r.upperBound), m.length == r.count {
            return lexicon.parties[m.payload.index].kind != .person
        }
        if let m = lexicon.placeMatcher.match(tokens, at: r.lowerBound, limit: r.upperBound), m.length == r.count {
            return true
        }
        return tokens[r.upperBound - 1].has(.orgWord)
    }

    /// Whether a one-word lexicon person alias at `r` is part of a longer, different name ("Chelsea Clinton").
    func partOfLongerName(_ r: Range<Int>, sentenceStart: Int) -> Bool {
        let i = r.lowerBound
        if i > sentenceStart {
            let p = tokens[i - 1]
            if p.kind == .word && p.isCapitalized && !p.has(.common) && entityAt[i - 1] == nil
                && lexicon.roleMatcher.match(tokens, at: i - 1) == nil && !p.text.hasSuffix(".")
                && lexicon.givenNames.contains(p.text)
            {
                return true
            }
        }
        if r.upperBound < tokens.count {
            let n = tokens[r.upperBound]
            if n.kind == .word && n.isCapitalized && n.has(.orgWord) { return true }
        }
        return false
    }

    /// A demonym, country or organisation right before a title ("Russian President", "Kremlin spokesman").
    func affiliationBefore(_ i: Int, sentenceStart: Int) -> String? {
        var k = i - 1
        // skip "'s" ("Ukraine's foreign minister")
        if k >= sentenceStart && (tokens[k].lower == "’s" || tokens[k].lower == "'s") { k -= 1 }
        guard k >= sentenceStart, let e = entity(at: k) else { return nil }
        let p = partyTable[e.party]
        if p.kind == .person { return nil }
        return p.kind == .country ? p.name : (p.affiliation ?? p.name)
    }

    /// Classifies a capitalised run that no lexicon knows.
    func classifyRun(_ r: Range<Int>, sentence si: Int, sentenceRange: Range<Int>) {
        // Places are not parties, but they are remembered for events and group affiliation.
        if let m = lexicon.placeMatcher.match(tokens, at: r.lowerBound, limit: r.upperBound), m.length == r.count {
            return
        }
        var r = r
        // "High Commissioner for Refugees Filippo Grandi": the first word after "for" finishes the title
        if r.count >= 3, r.lowerBound >= 2, ["for", "of"].contains(tokens[r.lowerBound - 1].lower),
            tokens[r.lowerBound - 2].isCapitalized
        {
            r = (r.lowerBound + 1)..<r.upperBound
        }
        // "James Nixey of Chatham House": a person of an organisation
        if let of = r.first(where: { tokens[$0].lower == "of" }), of - r.lowerBound >= 2, of - r.lowerBound <= 3,
            lexicon.givenNames.contains(tokens[r.lowerBound].text), r.upperBound - of >= 2
        {
            addPerson(r.lowerBound..<of, role: nil, affiliation: nil, sentence: si)
            classifyRun((of + 1)..<r.upperBound, sentence: si, sentenceRange: sentenceRange)
            return
        }
        // a shouted headline before a name: "CALLS FOR INTERNATIONAL MONITORING Rafael Mariano Grossi"
        if tokens[r.lowerBound].isAllCaps, let firstMixed = r.first(where: { !tokens[$0].isAllCaps }),
            firstMixed > r.lowerBound + 1
        {
            classifyRun(firstMixed..<r.upperBound, sentence: si, sentenceRange: sentenceRange)
            return
        }
        let words = r.map { tokens[$0] }
        let last = words.last!.lower
        if lexicon.orgWords.contains(last)
            || words.contains(where: {
                lexicon.orgWords.contains($0.lower) && $0.lower != "post" && $0.lower != "times"
            })
        {
            if r.count >= 2 || words[0].isAllCaps {
                addOrganisation(r, sentence: si)
            }
            return
        }
        // A single surname that joins a person seen before.
        if r.count == 1, let p = personWithSurname(words[0].lower) {
            addMention(p, r, form: .surname, sentence: si)
            return
        }
        let cueAfter = cueFollows(r.upperBound, limit: sentenceRange.upperBound)
        let givenName = lexicon.givenNames.contains(words[0].text)
        let appositive = appositiveRoleFollows(r.upperBound, limit: sentenceRange.upperBound)
        if (givenName && r.count >= 2 && r.count <= 4) || (cueAfter && r.count >= 2 && r.count <= 3)
            || (appositive != nil && r.count >= 2 && r.count <= 4)
        {
            if words.contains(where: { $0.isAllCaps }) && !givenName { return }
            addPerson(r, role: appositive, affiliation: nil, sentence: si)
            return
        }
        if r.count == 1 && cueAfter && !words[0].isAllCaps && r.lowerBound != sentenceRange.lowerBound {
            addPerson(r, role: nil, affiliation: nil, sentence: si)
            return
        }
        if r.count == 1 && cueAfter && words[0].isAllCaps {
            addOrganisation(r, sentence: si)
            return
        }
        _ = r
        r = r.lowerBound..<r.upperBound
    }

    /// Whether a speech verb follows at `j` (after up to two auxiliaries/adverbs).
    func cueFollows(_ j: Int, limit: Int) -> Bool {
        var k = j
        var skipped = 0
        while k < limit && skipped < 2 && tokens[k].kind == .word && tokens[k].has(.auxiliary)
            && !tokens[k].has(.cueForm)
        {
            k += 1
            skipped += 1
        }
        return k < limit && tokens[k].kind == .word && tokens[k].has(.cueForm)
    }

    /// The role in an appositive after a name: ", a spokeswoman for …," / ", the Kremlin spokesman,".
    func appositiveRoleFollows(_ j: Int, limit: Int) -> String? {
        guard j + 2 < limit, tokens[j].text == "," else { return nil }
        var k = j + 1
        let det = tokens[k].lower
        guard Grammar.determiners.contains(det) || tokens[k].lower == "who" else { return nil }
        k += 1
        var n = 0
        while k < limit && n < 6 {
            if let m = lexicon.roleMatcher.match(tokens, at: k, limit: limit) {
                return m.payload == "Mr" ? nil : m.payload
            }
            if tokens[k].text == "," { break }
            k += 1
            n += 1
        }
        return nil
    }
}
