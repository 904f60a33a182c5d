/// How each lexicon file becomes the lists and matchers the extractors read: one small reader per file or family.
extension Lexicon {
    /// The rows of the tables by file name.
    struct Rows: Sendable {
        let tables: [String: LexiconTable]

        /// The rows of file `name` (none when the file is absent).
        func callAsFunction(_ name: String) -> [[String: String]] { tables[name]?.rows ?? [] }
    }

    /// The tokenizer, which needs the abbreviations, the doubled quotation marks and the glued currency codes.
    static func readTokenizer(_ rows: Rows) -> (
        tokenizer: Tokenizer, abbreviations: [String: AbbreviationKind], quoteMarks: [String: QuoteMarkRole]
    ) {
        var abbreviations: [String: AbbreviationKind] = [:]
        for r in rows("abbreviations") {
            if let a = r.value("abbreviation") { abbreviations[a.lowercased()] = r.choice("kind", default: .other) }
        }
        var quoteMarks: [String: QuoteMarkRole] = [:]
        for r in rows("quote_marks") { if let m = r.value("mark") { quoteMarks[m] = r.choice("role", default: .both) } }
        // currency codes written before an amount ("USD3.14", "Rs20", "RM42") are split from it
        let codes = Set(
            rows("currencies").compactMap { r -> String? in
                guard let f = r.value("form"), (2...3).contains(f.count), f.allSatisfy({ $0.isLetter }),
                    f.first?.isUppercase == true,
                    r.value("position") != "after"
                else { return nil }
                return f
            })
        let tokenizer = Tokenizer(
            abbreviations: Set(abbreviations.keys), doubledMarks: Set(quoteMarks.keys.filter { $0.count == 2 }),
            gluedPrefixes: codes)
        return (tokenizer, abbreviations, quoteMarks)
    }

    /// Parties: countries, then organisations, then people; the same name merges.
    static func readParties(_ rows: Rows, tokenizer: Tokenizer) -> (
        entries: [PartyEntry], index: [String: Int], matcher: PhraseMatcher<PartyRef>
    ) {
        var parties: [PartyEntry] = []
        var index: [String: Int] = [:]
        var matcher = PhraseMatcher<PartyRef>(bit: .party)
        func addParty(_ e: PartyEntry, demonyms: [String] = [], capital: String? = nil) {
            let i: Int
            if let existing = index[e.name] {
                i = existing
                for a in e.aliases where !parties[i].aliases.contains(a) { parties[i].aliases.append(a) }
                if parties[i].role == nil { parties[i].role = e.role }
                if parties[i].affiliation == nil { parties[i].affiliation = e.affiliation }
            } else {
                i = parties.count
                parties.append(e)
                index[e.name] = i
            }
            matcher.add(e.name, PartyRef(index: i, form: .name), tokenizer: tokenizer)
            for a in e.aliases { matcher.add(a, PartyRef(index: i, form: .alias), tokenizer: tokenizer) }
            for d in demonyms { matcher.add(d, PartyRef(index: i, form: .demonym), tokenizer: tokenizer) }
            if let capital { matcher.add(capital, PartyRef(index: i, form: .capital), tokenizer: tokenizer) }
        }
        for r in rows("countries") {
            guard let name = r.value("name") else { continue }
            let demonyms = r.list("demonyms")
            let capital = r.value("capital")
            var aliases = r.list("aliases")
            if let capital { aliases.append(capital) }
            addParty(
                PartyEntry(
                    name: name, kind: .country, affiliation: nil, role: nil, aliases: aliases + demonyms,
                    capital: capital),
                demonyms: demonyms, capital: capital)
        }
        for r in rows("organisations") {
            guard let name = r.value("name") else { continue }
            addParty(
                PartyEntry(
                    name: name, kind: r.choice("kind", default: .organisation), affiliation: r.value("affiliation"),
                    role: nil,
                    aliases: r.list("aliases")))
        }
        for r in rows("people") {
            guard let name = r.value("name") else { continue }
            addParty(
                PartyEntry(
                    name: name, kind: .person, affiliation: r.value("affiliation"), role: r.value("role"),
                    aliases: r.list("aliases")))
        }
        return (parties, index, matcher.frozen())
    }

    /// Places with their aliases.
    static func readPlaces(_ rows: Rows, tokenizer: Tokenizer) -> ([PlaceEntry], PhraseMatcher<Int>) {
        readNamed(rows, "places", bit: .place, tokenizer: tokenizer) { name, r in
            PlaceEntry(
                name: name, kind: r.choice("kind", default: .place), country: r.value("country"),
                within: r.value("within"),
                heldBy: r.value("held_by"))
        }
    }

    /// Weapons with their aliases.
    static func readWeapons(_ rows: Rows, tokenizer: Tokenizer) -> ([WeaponEntry], PhraseMatcher<Int>) {
        readNamed(rows, "weapons", bit: .weapon, tokenizer: tokenizer) { name, r in
            WeaponEntry(name: name, category: r.value("category") ?? "weapon")
        }
    }

    /// Entries named in column `name` of `file`, found by their name and aliases (the matcher gives the index).
    static func readNamed<E>(
        _ rows: Rows, _ file: String, bit: WordClass, tokenizer: Tokenizer, _ entry: (String, [String: String]) -> E
    ) -> ([E], PhraseMatcher<Int>) {
        var entries: [E] = []
        var matcher = PhraseMatcher<Int>(bit: bit)
        for r in rows(file) {
            guard let name = r.value("name") else { continue }
            let i = entries.count
            entries.append(entry(name, r))
            matcher.add(name, i, tokenizer: tokenizer)
            for a in r.list("aliases") { matcher.add(a, i, tokenizer: tokenizer) }
        }
        return (entries, matcher.frozen())
    }

    /// A matcher over the phrases each row of `file` gives (`phrases` returns them with their payloads).
    static func readPhrases<P: Sendable>(
        _ rows: Rows, _ file: String, bit: WordClass, tokenizer: Tokenizer,
        _ phrases: ([String: String]) -> [(String, P)]
    ) -> PhraseMatcher<P> {
        var matcher = PhraseMatcher<P>(bit: bit)
        for r in rows(file) { for (p, payload) in phrases(r) { matcher.add(p, payload, tokenizer: tokenizer) } }
        return matcher.frozen()
    }

    /// The pairs of sides at war (conflicts.tsv).
    static func readConflicts(_ rows: Rows) -> [(String, String)] {
        rows("conflicts").compactMap { r in r.value("side_a").flatMap { a in r.value("side_b").map { (a, $0) } } }
    }

    /// Office and function titles (roles.tsv): each form and abbreviation gives its role.
    static func readRoles(_ rows: Rows, tokenizer: Tokenizer) -> PhraseMatcher<String> {
        readPhrases(rows, "roles", bit: .role, tokenizer: tokenizer) { r in
            guard let role = r.value("role") else { return [] }
            return r.list("forms").map { ($0.lowercased(), role) } + r.list("abbr").map { ($0, role) }
        }
    }

    /// What attacks hit (targets.tsv): each phrase gives its target type.
    static func readTargets(_ rows: Rows, tokenizer: Tokenizer) -> PhraseMatcher<String> {
        readPhrases(rows, "targets", bit: .target, tokenizer: tokenizer) { r in
            r.value("phrase").map { [($0.lowercased(), r.value("type") ?? "unknown")] } ?? []
        }
    }

    /// Units of measure written after a number (units.tsv), with their factor to the normalised unit.
    static func readUnits(_ rows: Rows, tokenizer: Tokenizer) -> PhraseMatcher<UnitEntry> {
        readPhrases(rows, "units", bit: .unit, tokenizer: tokenizer) { r in
            guard let form = r.value("form"), let unit = r.value("unit") else { return [] }
            let factor = Double(r.value("factor") ?? "") ?? 1
            return [
                (
                    form,
                    UnitEntry(unit: unit, kind: r.choice("kind", default: .quantity), factor: factor, position: .after)
                )
            ]
        }
    }

    /// Currency words, symbols and codes (currencies.tsv), with the side of the number they are written on.
    static func readCurrencies(_ rows: Rows, tokenizer: Tokenizer) -> PhraseMatcher<UnitEntry> {
        readPhrases(rows, "currencies", bit: .currency, tokenizer: tokenizer) { r in
            guard let form = r.value("form"), let unit = r.value("unit") else { return [] }
            return [
                (form, UnitEntry(unit: unit, kind: .money, factor: 1, position: r.choice("position", default: .either)))
            ]
        }
    }

    /// Pause and ceasefire terms (pause_terms.tsv), with their kind.
    static func readPauseTerms(_ rows: Rows, tokenizer: Tokenizer) -> PhraseMatcher<PauseTermKind> {
        readPhrases(rows, "pause_terms", bit: .pause, tokenizer: tokenizer) { r in
            r.value("phrase").map { [($0.lowercased(), r.choice("kind", default: PauseTermKind.pause))] } ?? []
        }
    }

    /// Phrases whose numbers are no figures (non_figures.tsv: "first responders", "one of the").
    static func readNonFigures(_ rows: Rows, tokenizer: Tokenizer) -> PhraseMatcher<Bool> {
        readPhrases(rows, "non_figures", bit: .nonFigure, tokenizer: tokenizer) { r in
            r.value("phrase").map { [($0.lowercased(), true)] } ?? []
        }
    }

    /// Speech cues, and their one-word forms (which mark tokens with the cue-form flag).
    static func readCues(_ rows: Rows, tokenizer: Tokenizer) -> (PhraseMatcher<CueEntry>, [String: CueEntry]) {
        var cues = PhraseMatcher<CueEntry>(bit: .cue)
        var cueForms: [String: CueEntry] = [:]
        for r in rows("cues") {
            guard let lemma = r.value("lemma") else { continue }
            let entry = CueEntry(
                lemma: lemma, kind: r.choice("kind", default: .speech), speakerAfter: r.value("after") != "no")
            // the base form counts too ("they conclude", "we say") unless it is also a common noun (report, claim, note …)
            let base = r.value("base") == "no" || lemma.contains(" ") ? [] : [lemma]
            for f in r.list("forms") + base {
                cues.add(f.lowercased(), entry, tokenizer: tokenizer)
                if !f.contains(" ") { cueForms[f.lowercased()] = entry }
            }
        }
        return (cues.frozen(), cueForms)
    }

    /// Holidays under their names and aliases, with either apostrophe and with or without "day".
    static func readHolidays(_ rows: Rows, tokenizer: Tokenizer) -> PhraseMatcher<HolidayRule> {
        var holidays = PhraseMatcher<HolidayRule>(bit: .holiday)
        for r in rows("holidays") {
            guard let name = r.value("name"), let rule = r.value("rule").flatMap(HolidayRule.init(parsing:)) else {
                continue
            }
            let forms = [name] + r.list("aliases")
            // "New Year's Eve" is written with either apostrophe
            let curly = forms.filter { $0.containsByte(UInt8(ascii: "'")) }.map { form in
                String(String.UnicodeScalarView(form.unicodeScalars.map { $0 == "'" ? "’" : $0 }))
            }
            for form in forms + curly {
                holidays.add(form.lowercased(), rule, tokenizer: tokenizer)
                // "Thanksgiving" and "Thanksgiving Day" both name it
                if !form.lowercased().hasSuffix(" day") {
                    holidays.add(form.lowercased() + " day", rule, tokenizer: tokenizer)
                }
            }
        }
        return holidays.frozen()
    }

    /// Event phrases, and the first words of attack phrases (which mark tokens with the event flag).
    static func readEventPhrases(_ rows: Rows, tokenizer: Tokenizer) -> (PhraseMatcher<EventPhraseRole>, [String]) {
        var eventPhrases = PhraseMatcher<EventPhraseRole>(bit: .eventPhrase)
        var attackPhraseStarts: [String] = []
        for r in rows("event_phrases") {
            if let p = r.value("phrase"), let role = r.value("role").flatMap(EventPhraseRole.init(rawValue:)) {
                eventPhrases.add(p.lowercased(), role, tokenizer: tokenizer)
                if role == .attack, let first = tokenizer.tokenize(TextBuffer(p.lowercased())).first {
                    attackPhraseStarts.append(first.lower)
                }
            }
        }
        return (eventPhrases.frozen(), attackPhraseStarts)
    }

    /// Event words by role name (event_words.tsv).
    static func readEventWords(_ rows: Rows) -> [String: Set<String>] {
        var eventWords: [String: Set<String>] = [:]
        for r in rows("event_words") {
            if let w = r.value("word")?.lowercased(), let role = r.value("role") {
                eventWords[role, default: []].insert(w)
            }
        }
        return eventWords
    }

    /// The lowercased words of `role` in noun_roles.tsv.
    static func words(_ rows: [[String: String]], role: NounRole) -> Set<String> {
        Set(rows.filter { $0.value("role") == role.rawValue }.compactMap { $0.value("word")?.lowercased() })
    }

    /// Group nouns with their kinds, and those that may stand alone as an anonymous source.
    static func readGroups(_ rows: Rows) -> ([String: GroupKind], Set<String>) {
        var groups: [String: GroupKind] = [:]
        var anonymous: Set<String> = []
        for r in rows("groups") {
            guard let n = r.value("noun")?.lowercased() else { continue }
            groups[n] = r.choice("kind", default: .group)
            if r.value("alone")?.lowercased() == "anonymous" { anonymous.insert(n) }
        }
        return (groups, anonymous)
    }

    /// Words that mark a clause's tense, and the words that open a time window.
    static func readTenseWords(_ rows: Rows) -> ([String: ClauseTense], Set<String>) {
        var tenseWords: [String: ClauseTense] = [:]
        var windowWords: Set<String> = []
        for r in rows("tense_words") {
            guard let w = r.value("word")?.lowercased() else { continue }
            if r.value("tense") == "window" { windowWords.insert(w) }
            if let t = r.value("tense").flatMap(ClauseTense.init(rawValue:)) { tenseWords[w] = t }
        }
        return (tenseWords, windowWords)
    }

    /// Boilerplate lines matched whole, and those matched by their start.
    static func readBoilerplate(_ rows: Rows) -> (Set<String>, [String]) {
        var exact = Set<String>()
        var prefixes: [String] = []
        for r in rows("boilerplate") {
            guard let p = r.value("phrase")?.lowercased() else { continue }
            if r.value("match") == "prefix" { prefixes.append(p) } else { exact.insert(p) }
        }
        return (exact, prefixes)
    }

    /// Key → "m" or "f" from a table's gender column (rows without one are left out).
    static func readGenders(_ rows: Rows, _ file: String, key: String, lowercase: Bool) -> [String: String] {
        var out: [String: String] = [:]
        for r in rows(file) {
            if let k = r.value(key), let g = r.value("gender")?.lowercased(), g == "m" || g == "f" {
                out[lowercase ? k.lowercased() : k] = g
            }
        }
        return out
    }

    /// The classes of every word: each list's class on its words, set once so tokens are looked up once.
    static func classTable(_ lists: [(words: [String], bit: WordClass)]) -> WordTable<WordClass> {
        var flags: [String: WordClass] = [:]
        for (words, bit) in lists { for w in words { flags[w, default: []].insert(bit) } }
        return WordTable(flags)
    }
}
