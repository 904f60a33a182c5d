import WorkbenchModel

/// Party records: adding a lexicon party, a person, an organisation or a group with its mentions.
extension Document {
    func addLexiconParty(_ index: Int, _ r: Range<Int>, form: EntityMention.Form, sentence: Int) {
        let entry = lexicon.parties[index]
        let p: Int
        if let existing = partyTable.firstIndex(where: { $0.lexiconIndex == index }) {
            p = existing
        } else if entry.kind == .person,
            let existing = personWithSurname(entry.name.split(separator: " ").last!.lowercased()),
            partyTable[existing].lexiconIndex == nil
        {
            // a person first seen without the lexicon (e.g. "Mr Hewitt") is the same person
            partyTable[existing].lexiconIndex = index
            partyTable[existing].name = entry.name
            p = existing
        } else {
            p = partyTable.count
            partyTable.append(
                PartyRecord(
                    name: entry.name, kind: entry.kind, role: entry.role, affiliation: entry.affiliation,
                    aliases: entry.aliases, mentions: [], lexiconIndex: index,
                    surname: entry.kind == .person
                        ? entry.name.split(separator: " ").last.map { $0.lowercased() } : nil))
        }
        addMention(p, r, form: form, sentence: sentence)
    }

    /// Adds (or joins) a person named by tokens `r`.
    func addPerson(_ r: Range<Int>, role: String?, affiliation: String?, sentence: Int) {
        // The lexicon may know the name itself.
        if let m = lexicon.partyMatcher.match(tokens, at: r.lowerBound, limit: r.upperBound), m.length == r.count,
            lexicon.parties[m.payload.index].kind == .person
        {
            addLexiconParty(m.payload.index, r, form: .name, sentence: sentence)
            if let role, let p = entities.last?.party, partyTable[p].role == nil { partyTable[p].role = role }
            return
        }
        let name = text(tokens: r)
        let surname = tokens[r.upperBound - 1].lower
        let p: Int
        if let existing = partyTable.firstIndex(where: {
            $0.kind == .person && ($0.name == name || (r.count == 1 && $0.surname == surname))
        }) {
            p = existing
        } else if r.count > 1,
            let existing = partyTable.firstIndex(where: {
                $0.kind == .person && $0.surname == surname && !$0.name.contains(Character(" "))
            })
        {
            // "Hewitt" seen first, "Patricia Hewitt" later: upgrade the name
            partyTable[existing].name = name
            p = existing
        } else {
            p = partyTable.count
            partyTable.append(
                PartyRecord(
                    name: name, kind: .person, role: role, affiliation: affiliation, aliases: [], mentions: [],
                    lexiconIndex: nil, surname: surname))
        }
        if partyTable[p].role == nil { partyTable[p].role = role }
        if partyTable[p].affiliation == nil { partyTable[p].affiliation = affiliation }
        addMention(p, r, form: .name, sentence: sentence)
    }

    func addOrganisation(_ r: Range<Int>, sentence: Int) {
        let name = text(tokens: r)
        let p: Int
        if let existing = partyTable.firstIndex(where: { $0.name == name }) {
            p = existing
        } else {
            // affiliation from a demonym inside ("Ukrainian Energy Ministry") or "of Ukraine"
            var affiliation: String?
            for k in r {
                if let m = lexicon.partyMatcher.match(tokens, at: k, limit: r.upperBound),
                    lexicon.parties[m.payload.index].kind == .country
                {
                    affiliation = lexicon.parties[m.payload.index].name
                    break
                }
            }
            let kind: Party.Kind =
                tokens[r].contains { lexicon.mediaWords.contains($0.lower) } ? .media : .organisation
            p = partyTable.count
            partyTable.append(
                PartyRecord(
                    name: name, kind: kind, role: nil, affiliation: affiliation, aliases: [], mentions: [],
                    lexiconIndex: nil, surname: nil))
        }
        addMention(p, r, form: .name, sentence: sentence)
    }

    func addGroup(_ r: Range<Int>, name: String, kind: Party.Kind, affiliation: String?, sentence: Int) {
        let p: Int
        if let existing = partyTable.firstIndex(where: {
            $0.kind == kind && $0.name == name && $0.affiliation == affiliation
        }) {
            p = existing
        } else {
            p = partyTable.count
            partyTable.append(
                PartyRecord(
                    name: name, kind: kind, role: nil, affiliation: affiliation, aliases: [], mentions: [],
                    lexiconIndex: nil, surname: nil))
        }
        addMention(p, r, form: .group, sentence: sentence)
    }

    func addMention(_ p: Int, _ r: Range<Int>, form: EntityMention.Form, sentence: Int) {
        if partyTable[p].kind == .person && partyTable[p].gender == nil {
            partyTable[p].gender = genderOf(p, mention: r)
        }
        let m = mention(tokens: r)
        partyTable[p].mentions.append(m)
        if form != .name && form != .group && m.text != partyTable[p].name && !partyTable[p].aliases.contains(m.text) {
            partyTable[p].aliases.append(m.text)
        }
        let e = entities.count
        entities.append(EntityMention(range: r, party: p, form: form, sentence: sentence))
        for k in r where entityAt[k] == nil { entityAt[k] = e }
    }

    /// A person already seen whose last name is `surname`.
    func personWithSurname(_ surname: String) -> Int? {
        partyTable.lastIndex { $0.kind == .person && $0.surname == surname }
    }
}
