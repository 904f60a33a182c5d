import WorkbenchModel

/// Parties: people, countries, organisations and groups, with every mention.
extension Document {
    /// A party found in this article.
    struct PartyRecord {
        var name: String
        var kind: Party.Kind
        var role: String?
        var affiliation: String?
        var aliases: [String]
        var mentions: [Mention]
        var lexiconIndex: Int?
        /// Lowercased last name, for people (joins "Zelensky" to "Volodymyr Zelensky").
        var surname: String?
        /// "m" or "f" for people when a given name or a title tells ("Jennifer", "Mrs."), so "he" and "she" can skip them.
        var gender: String? = nil
    }

    /// One mention of a party: its tokens and how it names the party.
    struct EntityMention {
        var range: Range<Int>
        var party: Int
        var form: Form
        var sentence: Int
        enum Form { case name, alias, demonym, capital, surname, group }
    }

    /// Finds parties sentence by sentence.
    func extractParties() {
        entityAt = Array(repeating: nil, count: tokens.count)
        for (si, s) in sentences.enumerated() {
            scanEntities(sentence: si, s.tokens)
        }
    }

    /// Reads the sentence's parties left to right: at each word the first rule that reads something wins
    /// (each rule is tried only where its first word can start what it reads).
    private func scanEntities(sentence si: Int, _ range: Range<Int>) {
        let (roleBit, partyBit) = (lexicon.roleMatcher.bit, lexicon.partyMatcher.bit)
        var i = range.lowerBound
        while i < range.upperBound {
            guard tokens[i].kind == .word else {
                i += 1
                continue
            }
            if tokens[i].mayHave(roleBit), let next = titledPerson(at: i, sentence: si, range) {
                i = next
            } else if tokens[i].mayHave(partyBit), let next = lexiconParty(at: i, sentence: si, range) {
                i = next
            } else if tokens[i].has(.group), let next = groupNoun(at: i, sentence: si, range) {
                i = next
            } else if tokens[i].isCapitalized, let next = capitalisedRun(at: i, sentence: si, range) {
                i = next
            } else {
                i += 1
            }
        }
    }

    /// A title or role before a capitalised name: "President Volodymyr Zelensky", "spokesman Dmitry Peskov".
    /// - Returns: the token after what it read, or nil when the rule does not apply at `i`.
    private func titledPerson(at i: Int, sentence si: Int, _ range: Range<Int>) -> Int? {
        let end = range.upperBound
        if var (len, role) = lexicon.roleMatcher.match(tokens, at: i, limit: end).map({ ($0.length, $0.payload) }),
            i + len < end, isNameStart(i + len, sentenceStart: false)
        {
            // titles in a row: "Maj Gen Andrei Kolesnikov", "Lt. Gen. Mark Milley"
            while i + len + 1 < end, let next = lexicon.roleMatcher.match(tokens, at: i + len, limit: end),
                i + len + next.length < end,
                isNameStart(i + len + next.length, sentenceStart: false)
            {
                role = role + " " + next.payload
                len += next.length
            }
            var nameEnd = nameRunEnd(from: i + len, limit: end)
            // "Sen. Chuck Schumer of New York": the place after "of" is not part of the name
            if nameEnd > i + len + 1, let of = (i + len + 1..<nameEnd).first(where: { tokens[$0].lower == "of" }),
                of + 1 < nameEnd,
                lexicon.placeMatcher.match(tokens, at: of + 1, limit: nameEnd) != nil || entityAt[of + 1] != nil
                    || lexicon.partyMatcher.match(tokens, at: of + 1, limit: nameEnd) != nil
            {
                nameEnd = of
            }
            if nameEnd > i + len, !isKnownNonPerson(i + len..<nameEnd) {
                let affiliation = affiliationBefore(i, sentenceStart: range.lowerBound)
                addPerson(
                    i + len..<nameEnd,
                    role: role == "Mr" || role == "Mrs" || role == "Ms" || role == "Miss" ? nil : role,
                    affiliation: affiliation, sentence: si)
                return nameEnd
            }
        }
        return nil
    }

    /// A lexicon party, longest match first ("Chelsea Clinton" is not Hillary Clinton).
    /// - Returns: the token after what it read, or nil when the rule does not apply at `i`.
    private func lexiconParty(at i: Int, sentence si: Int, _ range: Range<Int>) -> Int? {
        let end = range.upperBound
        if let m = lexicon.partyMatcher.match(tokens, at: i, limit: end) {
            let entry = lexicon.parties[m.payload.index]
            let r = i..<(i + m.length)
            if entry.kind == .person && m.length == 1 && partOfLongerName(r, sentenceStart: range.lowerBound) {
                // "Chelsea Clinton" is not Hillary Clinton: treat the run as a name of its own.
            } else if !(i == range.lowerBound && m.length == 1 && entry.kind == .person
                && tokens[i].has(.common))
            {
                let form: EntityMention.Form
                switch m.payload.form {
                case .name: form = .name
                case .alias: form = entry.kind == .person && m.length == 1 ? .surname : .alias
                case .demonym: form = .demonym
                case .capital: form = .capital
                }
                addLexiconParty(m.payload.index, r, form: form, sentence: si)
                return r.upperBound
            }
        }
        return nil
    }

    /// A group noun as speaker or actor: "officials said", "Ukrainian officials", "authorities in the Chernihiv region".
    /// - Returns: the token after what it read, or nil when the rule does not apply at `i`.
    private func groupNoun(at i: Int, sentence si: Int, _ range: Range<Int>) -> Int? {
        if tokens[i].has(.group), let kind = lexicon.groups[tokens[i].lower], kind != .person,
            let g = groupPhrase(at: i, sentence: range)
        {
            addGroup(
                g.range, name: g.name, kind: kind == .source ? .source : .group, affiliation: g.affiliation,
                sentence: si)
            return max(i + 1, g.range.upperBound)
        }
        return nil
    }

    /// A capitalised run not in the lexicons, split where a title stands inside it.
    /// - Returns: the token after what it read, or nil when the rule does not apply at `i`.
    private func capitalisedRun(at i: Int, sentence si: Int, _ range: Range<Int>) -> Int? {
        let end = range.upperBound
        if isNameStart(i, sentenceStart: i == range.lowerBound) {
            let runEnd = nameRunEnd(from: i, limit: end)
            if runEnd > i, let split = titleInsideRun(i..<runEnd) {
                // "Senate Majority Leader Mitch McConnell", "Charlotte Mayor Jennifer Roberts": the title splits the run
                classifyRun(i..<split.title.lowerBound, sentence: si, sentenceRange: range)
                let affiliation =
                    affiliationBefore(split.title.lowerBound, sentenceStart: range.lowerBound)
                    ?? lexicon.placeMatcher.match(tokens, at: i, limit: split.title.lowerBound).flatMap {
                        lexicon.places[$0.payload].country
                    }
                addPerson(split.name, role: split.role, affiliation: affiliation, sentence: si)
                return runEnd
            }
            if runEnd > i {
                classifyRun(i..<runEnd, sentence: si, sentenceRange: range)
                return runEnd
            }
        }
        return nil
    }
}
