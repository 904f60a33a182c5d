import Foundation

/// What a word in event_words.tsv does for the event and commitment rules.
package enum EventWordRole: String, Sendable, CaseIterable {
    case attack, killed, wounded, destroyed, victim, explosion, ground, hypothetical, habitual, newevent, casualty,
        shelling, damage, forces, recall, undergo, comment
    case request, propose, agree, confirm, reject, declare
}

/// The words of each `EventWordRole`, looked up by the role's position (read per token, so no hashing of the role).
package struct EventWordTable: Sendable {
    private var sets: [Set<String>?]

    /// - Parameter words: the words of each role.
    init(_ words: [EventWordRole: Set<String>]) {
        let roles = EventWordRole.allCases
        sets = roles.map { words[$0] }
        precondition(roles.indices.allSatisfy { Self.position(roles[$0]) == $0 })
    }

    /// The words of `role`, nil when the lexicon lists none.
    package subscript(_ role: EventWordRole) -> Set<String>? { sets[Self.position(role)] }

    /// The role's position in `EventWordRole.allCases` (a payload-free enum is stored as its case index).
    @inline(__always) private static func position(_ role: EventWordRole) -> Int {
        Int(unsafeBitCast(role, to: UInt8.self))
    }
}

/// The time a clause speaks of, as far as its words say: dates without a year or weekday read by it.
package enum ClauseTense: String, Sendable {
    /// `present` marks a clause with a verb of its own that says neither ("is", "says"): read as unmarked.
    case future, past, present, unmarked
}

/// What a phrase in event_phrases.tsv does for the event rules.
package enum EventPhraseRole: String, Sendable {
    case cumulative, period, habitual, reference, ground, newevent, interception, disputed, summary, backdrop, attack,
        comparison, time
}

/// A known party (country, person, organisation) from the lexicons.
package struct PartyEntry: Sendable {
    package var name: String
    /// country, person, organisation, military, agency, media, party, group.
    package var kind: String
    package var affiliation: String?
    package var role: String?
    package var aliases: [String]
    /// A country's capital city ("Kyiv"), for "the capital" and capital metonyms.
    package var capital: String? = nil
}

/// How a lexicon phrase refers to a party.
package struct PartyRef: Sendable {
    /// Index into `Lexicon.parties`.
    package var index: Int
    /// How the phrase names it: name, alias, demonym, capital, surname.
    package var form: Form
    package enum Form: UInt8, Sendable { case name, alias, demonym, capital }
}

/// A place below country level.
package struct PlaceEntry: Sendable {
    package var name: String
    package var kind: String
    package var country: String?
    /// The region a city is in ("Kharkiv region" for Kharkiv), when the lexicon says.
    package var within: String? = nil
    /// The country that has held it since 2014, when not `country` (Crimea: Russia).
    package var heldBy: String? = nil
}

/// An attribution cue verb.
package struct CueEntry: Sendable {
    package var lemma: String
    package var kind: String
    /// Whether the speaker may follow the verb ("…," said Zelensky); not for "told", whose object is the listener.
    package var speakerAfter: Bool = true
}

/// A weapon type.
package struct WeaponEntry: Sendable {
    package var name: String
    package var category: String
}

/// A unit written after (or before) a number.
package struct UnitEntry: Sendable {
    package var unit: String
    package var kind: String
    package var factor: Double
    /// For currencies: before, after, either.
    package var position: String
}

/// Every word list the extractors use, loaded from data files that teams can extend without rebuilding.
///
/// Files live in the built-in `lexicons` folder; folders on `WORKBENCH_LEXICONS` (colon-separated),
/// `$XDG_DATA_HOME/workbench/lexicons` and `--lexicon DIR` add rows to the files of the same name.
package final class Lexicon: Sendable {
    package let tokenizer: Tokenizer
    package let parties: [PartyEntry]
    package let partyIndex: [String: Int]
    package let partyMatcher: PhraseMatcher<PartyRef>
    package let places: [PlaceEntry]
    package let placeMatcher: PhraseMatcher<Int>
    package let roleMatcher: PhraseMatcher<String>
    package let cueMatcher: PhraseMatcher<CueEntry>
    package let cueForms: [String: CueEntry]
    package let groups: [String: String]
    /// Group nouns that, bare and singular ("the official", "a source"), name nobody in particular.
    package let anonymousGroups: Set<String>
    package let orgWords: Set<String>
    package let weapons: [WeaponEntry]
    package let weaponMatcher: PhraseMatcher<Int>
    package let targetMatcher: PhraseMatcher<String>
    package let unitMatcher: PhraseMatcher<UnitEntry>
    package let currencyMatcher: PhraseMatcher<UnitEntry>
    package let abbreviations: [String: String]
    package let givenNames: Set<String>
    /// Given name → "m" or "f", for names used mostly by one gender.
    package let givenNameGender: [String: String]
    /// Title and family words before a name → "m" or "f" ("Mrs.", "spokeswoman").
    package let genderWords: [String: String]
    package let pauseMatcher: PhraseMatcher<String>
    /// Holidays by name and alias, with the rule that dates them.
    let holidayMatcher: PhraseMatcher<HolidayRule>
    /// Phrases whose number word is no figure ("first responders"): non_figures.tsv.
    let nonFigureMatcher: PhraseMatcher<Bool>
    /// Words by role (from event_words): attack, killed, wounded, destroyed (events); request,
    /// propose, agree, confirm, reject (commitments).
    package let attackWords, killedWords, woundedWords, destroyedWords: Set<String>
    /// Nouns for one victim counted without a number ("a woman was killed").
    package let victimWords: Set<String>
    /// Every event word by role (event_words.tsv), including the roles that steer event rules.
    package let eventWords: EventWordTable
    /// The killed and wounded words together: the tolls a bare number may count ("four injured").
    package let tollWords: Set<String>
    /// Words that mark a clause's time (tense_words.tsv): "will" the future, "was" the past.
    package let tenseWords: [String: ClauseTense]
    /// Words before a date that make it a window's edge (tense_words.tsv, tense `window`): "until", "from".
    package let windowWords: Set<String>
    /// Wars by their two sides (conflicts.tsv).
    package let conflicts: [(String, String)]
    /// Multi-word phrases that steer event rules (event_phrases.tsv).
    package let eventPhraseMatcher: PhraseMatcher<EventPhraseRole>
    package let requestWords, proposeWords, agreeWords, confirmWords, rejectWords, declareWords: Set<String>
    /// Boilerplate lines: exact phrases and prefixes (lowercase).
    package let boilerplateExact: Set<String>
    package let boilerplatePrefixes: [String]
    /// Extra quotation marks (`''`, ``` `` ```) and their role: open, close or both.
    package let quoteMarks: [String: String]
    /// For each lowercased word, the lists it can start an entry of (bits below).
    package let wordFlags: WordTable<UInt32>

    package static let partyBit: UInt32 = 1 << 0
    package static let placeBit: UInt32 = 1 << 1
    package static let roleBit: UInt32 = 1 << 2
    package static let cueBit: UInt32 = 1 << 3
    package static let weaponBit: UInt32 = 1 << 4
    package static let targetBit: UInt32 = 1 << 5
    package static let unitBit: UInt32 = 1 << 6
    package static let currencyBit: UInt32 = 1 << 7
    package static let pauseBit: UInt32 = 1 << 8
    package static let cueFormBit: UInt32 = 1 << 9
    package static let groupBit: UInt32 = 1 << 10
    package static let monthBit: UInt32 = 1 << 11
    package static let weekdayBit: UInt32 = 1 << 12
    package static let numberWordBit: UInt32 = 1 << 13
    package static let determinerBit: UInt32 = 1 << 14
    package static let auxiliaryBit: UInt32 = 1 << 15
    package static let commonBit: UInt32 = 1 << 16
    package static let pronounBit: UInt32 = 1 << 17
    package static let speakerAdjectiveBit: UInt32 = 1 << 18
    package static let orgWordBit: UInt32 = 1 << 19
    package static let connectorBit: UInt32 = 1 << 20
    /// Words that can start a date expression besides months, weekdays and numbers.
    package static let dateStartBit: UInt32 = 1 << 21
    /// Words that can start a figure besides numbers: about, minus, a, half, hundreds …
    package static let figureStartBit: UInt32 = 1 << 22
    /// Words that report an attack or its toll (a sentence without one reports no strike event).
    package static let eventBit: UInt32 = 1 << 23
    /// Words that can start a holiday's name.
    package static let holidayBit: UInt32 = 1 << 24
    /// Words that can start an event phrase (event_phrases.tsv).
    package static let eventPhraseBit: UInt32 = 1 << 25
    /// Words that can start a phrase that is no figure (non_figures.tsv).
    package static let nonFigureBit: UInt32 = 1 << 26

    /// The raw tables, kept so rows can be added later (from Lua) and the lexicon rebuilt.
    package let tables: [String: LexiconTable]

    /// The names of the lexicon files, without `.tsv`.
    package static let fileNames = [
        "countries", "people", "organisations", "places", "roles", "cues", "groups", "orgwords",
        "weapons", "targets", "units", "currencies", "abbreviations", "given_names", "pause_terms", "boilerplate",
        "quote_marks", "event_words", "holidays", "gender_words", "event_phrases", "conflicts", "tense_words",
        "non_figures",
    ]

    /// Builds a lexicon from tables keyed by file name.
    package init(tables: [String: LexiconTable]) {
        self.tables = tables
        func rows(_ name: String) -> [[String: String]] { tables[name]?.rows ?? [] }

        var abbreviations: [String: String] = [:]
        for r in rows("abbreviations") {
            if let a = r.value("abbreviation") { abbreviations[a.lowercased()] = r.value("kind") ?? "other" }
        }
        self.abbreviations = abbreviations
        var quoteMarks: [String: String] = [:]
        for r in rows("quote_marks") { if let m = r.value("mark") { quoteMarks[m] = r.value("role") ?? "both" } }
        self.quoteMarks = quoteMarks
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
        self.tokenizer = tokenizer

        // Parties: countries, then organisations, then people; the same name merges.
        var parties: [PartyEntry] = []
        var index: [String: Int] = [:]
        var matcher = PhraseMatcher<PartyRef>(bit: Lexicon.partyBit)
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
                    name: name, kind: "country", affiliation: nil, role: nil, aliases: aliases + demonyms,
                    capital: capital),
                demonyms: demonyms, capital: capital)
        }
        for r in rows("organisations") {
            guard let name = r.value("name") else { continue }
            addParty(
                PartyEntry(
                    name: name, kind: r.value("kind") ?? "organisation", affiliation: r.value("affiliation"), role: nil,
                    aliases: r.list("aliases")))
        }
        for r in rows("people") {
            guard let name = r.value("name") else { continue }
            addParty(
                PartyEntry(
                    name: name, kind: "person", affiliation: r.value("affiliation"), role: r.value("role"),
                    aliases: r.list("aliases")))
        }
        self.parties = parties
        self.partyIndex = index
        self.partyMatcher = matcher.frozen()

        var places: [PlaceEntry] = []
        var placeMatcher = PhraseMatcher<Int>(bit: Lexicon.placeBit)
        for r in rows("places") {
            guard let name = r.value("name") else { continue }
            let i = places.count
            places.append(
                PlaceEntry(
                    name: name, kind: r.value("kind") ?? "place", country: r.value("country"),
                    within: r.value("within"),
                    heldBy: r.value("held_by")))
            placeMatcher.add(name, i, tokenizer: tokenizer)
            for a in r.list("aliases") { placeMatcher.add(a, i, tokenizer: tokenizer) }
        }
        self.places = places
        self.placeMatcher = placeMatcher.frozen()

        var roles = PhraseMatcher<String>(bit: Lexicon.roleBit)
        for r in rows("roles") {
            guard let role = r.value("role") else { continue }
            for f in r.list("forms") { roles.add(f.lowercased(), role, tokenizer: tokenizer) }
            for a in r.list("abbr") { roles.add(a, role, tokenizer: tokenizer) }
        }
        self.roleMatcher = roles.frozen()

        var cues = PhraseMatcher<CueEntry>(bit: Lexicon.cueBit)
        var cueForms: [String: CueEntry] = [:]
        for r in rows("cues") {
            guard let lemma = r.value("lemma") else { continue }
            let entry = CueEntry(
                lemma: lemma, kind: r.value("kind") ?? "speech", speakerAfter: r.value("after") != "no")
            // the base form counts too ("they conclude", "we say") unless it is also a common noun (report, claim, note …)
            let base = r.value("base") == "no" || lemma.contains(" ") ? [] : [lemma]
            for f in r.list("forms") + base {
                cues.add(f.lowercased(), entry, tokenizer: tokenizer)
                if !f.contains(" ") { cueForms[f.lowercased()] = entry }
            }
        }
        self.cueMatcher = cues.frozen()
        self.cueForms = cueForms

        var groups: [String: String] = [:]
        var anonymous: Set<String> = []
        for r in rows("groups") {
            guard let n = r.value("noun")?.lowercased() else { continue }
            groups[n] = r.value("kind") ?? "group"
            if r.value("alone")?.lowercased() == "anonymous" { anonymous.insert(n) }
        }
        self.groups = groups
        self.anonymousGroups = anonymous
        self.orgWords = Set(rows("orgwords").compactMap { $0.value("word")?.lowercased() })

        var weapons: [WeaponEntry] = []
        var weaponMatcher = PhraseMatcher<Int>(bit: Lexicon.weaponBit)
        for r in rows("weapons") {
            guard let name = r.value("name") else { continue }
            let i = weapons.count
            weapons.append(WeaponEntry(name: name, category: r.value("category") ?? "weapon"))
            weaponMatcher.add(name.lowercased() == name ? name : name, i, tokenizer: tokenizer)
            for a in r.list("aliases") { weaponMatcher.add(a, i, tokenizer: tokenizer) }
        }
        self.weapons = weapons
        self.weaponMatcher = weaponMatcher.frozen()

        var targets = PhraseMatcher<String>(bit: Lexicon.targetBit)
        for r in rows("targets") {
            if let p = r.value("phrase") {
                targets.add(p.lowercased(), r.value("type") ?? "unknown", tokenizer: tokenizer)
            }
        }
        self.targetMatcher = targets.frozen()

        var units = PhraseMatcher<UnitEntry>(bit: Lexicon.unitBit)
        for r in rows("units") {
            guard let form = r.value("form"), let unit = r.value("unit") else { continue }
            units.add(
                form,
                UnitEntry(
                    unit: unit, kind: r.value("kind") ?? "quantity", factor: Double(r.value("factor") ?? "") ?? 1,
                    position: "after"), tokenizer: tokenizer)
        }
        self.unitMatcher = units.frozen()
        var currencies = PhraseMatcher<UnitEntry>(bit: Lexicon.currencyBit)
        for r in rows("currencies") {
            guard let form = r.value("form"), let unit = r.value("unit") else { continue }
            currencies.add(
                form, UnitEntry(unit: unit, kind: "money", factor: 1, position: r.value("position") ?? "either"),
                tokenizer: tokenizer)
        }
        self.currencyMatcher = currencies.frozen()

        self.givenNames = Set(rows("given_names").compactMap { $0.value("name") })
        // key → "m" or "f" from a table's gender column (rows without one are left out)
        func genders(_ file: String, key: String, lowercase: Bool) -> [String: String] {
            var out: [String: String] = [:]
            for r in rows(file) {
                if let k = r.value(key), let g = r.value("gender")?.lowercased(), g == "m" || g == "f" {
                    out[lowercase ? k.lowercased() : k] = g
                }
            }
            return out
        }
        self.givenNameGender = genders("given_names", key: "name", lowercase: false)
        self.genderWords = genders("gender_words", key: "word", lowercase: true)
        var pause = PhraseMatcher<String>(bit: Lexicon.pauseBit)
        for r in rows("pause_terms") {
            if let p = r.value("phrase") { pause.add(p.lowercased(), r.value("kind") ?? "pause", tokenizer: tokenizer) }
        }
        self.pauseMatcher = pause.frozen()
        var holidays = PhraseMatcher<HolidayRule>(bit: Lexicon.holidayBit)
        for r in rows("holidays") {
            guard let name = r.value("name"), let rule = r.value("rule").flatMap(HolidayRule.init(parsing:)) else {
                continue
            }
            let forms = [name] + r.list("aliases")
            // "New Year's Eve" is written with either apostrophe
            for form in forms + forms.filter { $0.contains("'") }.map { $0.replacingOccurrences(of: "'", with: "’") } {
                holidays.add(form.lowercased(), rule, tokenizer: tokenizer)
                // "Thanksgiving" and "Thanksgiving Day" both name it
                if !form.lowercased().hasSuffix(" day") {
                    holidays.add(form.lowercased() + " day", rule, tokenizer: tokenizer)
                }
            }
        }
        self.holidayMatcher = holidays.frozen()
        var nonFigures = PhraseMatcher<Bool>(bit: Lexicon.nonFigureBit)
        for r in rows("non_figures") {
            if let p = r.value("phrase") { nonFigures.add(p.lowercased(), true, tokenizer: tokenizer) }
        }
        self.nonFigureMatcher = nonFigures.frozen()
        var eventWords: [String: Set<String>] = [:]
        for r in rows("event_words") {
            if let w = r.value("word")?.lowercased(), let role = r.value("role") {
                eventWords[role, default: []].insert(w)
            }
        }
        var typedEventWords: [EventWordRole: Set<String>] = [:]
        for (role, words) in eventWords { if let r = EventWordRole(rawValue: role) { typedEventWords[r] = words } }
        self.eventWords = EventWordTable(typedEventWords)
        self.tollWords = (typedEventWords[.killed] ?? []).union(typedEventWords[.wounded] ?? [])
        var tenseWords: [String: ClauseTense] = [:]
        var windowWords: Set<String> = []
        for r in rows("tense_words") {
            guard let w = r.value("word")?.lowercased() else { continue }
            if r.value("tense") == "window" { windowWords.insert(w) }
            if let t = r.value("tense").flatMap(ClauseTense.init(rawValue:)) { tenseWords[w] = t }
        }
        self.tenseWords = tenseWords
        self.windowWords = windowWords
        self.conflicts = rows("conflicts").compactMap { r in
            r.value("side_a").flatMap { a in r.value("side_b").map { (a, $0) } }
        }
        var eventPhrases = PhraseMatcher<EventPhraseRole>(bit: Lexicon.eventPhraseBit)
        var attackPhraseStarts: [String] = []
        for r in rows("event_phrases") {
            if let p = r.value("phrase"), let role = r.value("role").flatMap(EventPhraseRole.init(rawValue:)) {
                eventPhrases.add(p.lowercased(), role, tokenizer: tokenizer)
                if role == .attack, let first = tokenizer.tokenize(TextBuffer(p.lowercased())).first {
                    attackPhraseStarts.append(first.lower)
                }
            }
        }
        self.eventPhraseMatcher = eventPhrases.frozen()
        attackWords = eventWords["attack"] ?? []
        killedWords = eventWords["killed"] ?? []
        woundedWords = eventWords["wounded"] ?? []
        destroyedWords = eventWords["destroyed"] ?? []
        victimWords = eventWords["victim"] ?? []
        requestWords = eventWords["request"] ?? []
        proposeWords = eventWords["propose"] ?? []
        agreeWords = eventWords["agree"] ?? []
        confirmWords = eventWords["confirm"] ?? []
        rejectWords = eventWords["reject"] ?? []
        declareWords = eventWords["declare"] ?? []
        var exact = Set<String>()
        var prefixes: [String] = []
        for r in rows("boilerplate") {
            guard let p = r.value("phrase")?.lowercased() else { continue }
            if r.value("match") == "prefix" { prefixes.append(p) } else { exact.insert(p) }
        }
        self.boilerplateExact = exact
        self.boilerplatePrefixes = prefixes
        var flags: [String: UInt32] = [:]
        func mark<P>(_ m: PhraseMatcher<P>) { for w in m.firstWords { flags[w, default: 0] |= m.bit } }
        mark(self.partyMatcher)
        mark(self.placeMatcher)
        mark(self.roleMatcher)
        mark(self.cueMatcher)
        mark(self.weaponMatcher)
        mark(self.targetMatcher)
        mark(self.unitMatcher)
        mark(self.currencyMatcher)
        mark(self.pauseMatcher)
        mark(self.holidayMatcher)
        mark(self.nonFigureMatcher)
        mark(self.eventPhraseMatcher)
        func mark<S: Sequence>(_ words: S, _ bit: UInt32) where S.Element == String {
            for w in words { flags[w, default: 0] |= bit }
        }
        mark(cueForms.keys, Lexicon.cueFormBit)
        for role in ["attack", "killed", "wounded", "explosion", "shelling", "casualty", "damage"] {
            mark(eventWords[role] ?? [], Lexicon.eventBit)
        }
        mark(attackPhraseStarts, Lexicon.eventBit)
        mark(groups.keys, Lexicon.groupBit)
        mark(Grammar.months.keys, Lexicon.monthBit)
        mark(Grammar.weekdays.keys, Lexicon.weekdayBit)
        mark(NumberReader.wordForms, Lexicon.numberWordBit)
        mark(Grammar.determiners, Lexicon.determinerBit)
        mark(Grammar.auxiliaries, Lexicon.auxiliaryBit)
        mark(Grammar.sentenceInitialCommon, Lexicon.commonBit)
        mark(Grammar.subjectPronouns, Lexicon.pronounBit)
        mark(Grammar.speakerAdjectives, Lexicon.speakerAdjectiveBit)
        mark(self.orgWords, Lexicon.orgWordBit)
        mark(Grammar.nameConnectors, Lexicon.connectorBit)
        mark(Grammar.dateStarts, Lexicon.dateStartBit)
        mark(Grammar.figureStarts, Lexicon.figureStartBit)
        self.wordFlags = WordTable(flags)
    }

    /// Sets each token's flags from the lexicon (one lookup per token instead of one per list).
    package func flag(_ tokens: inout [Token]) {
        for i in tokens.indices { tokens[i].flags = (wordFlags[tokens[i].lower] ?? 0) | Token.flagged }
    }

    /// Tokenizes and flags a short text (a phrase, a place name).
    package func tokens(_ text: String) -> [Token] {
        var t = tokenizer.tokenize(TextBuffer(text))
        flag(&t)
        return t
    }

    /// A copy of this lexicon with `rows` added to the file `name` (e.g. from Lua or a team folder).
    package func adding(_ rows: LexiconTable, to name: String) -> Lexicon {
        var tables = self.tables
        if var t = tables[name] {
            t.append(rows)
            tables[name] = t
        } else {
            tables[name] = rows
        }
        return Lexicon(tables: tables)
    }

    /// The party entry for a canonical name.
    package func party(named name: String) -> PartyEntry? { partyIndex[name].map { parties[$0] } }
}

extension Lexicon {
    /// Loads the built-in lexicons plus every folder in `extraDirectories`, in order.
    /// - Throws: `WorkbenchError.lexicon` for unreadable or malformed files.
    package static func load(extraDirectories: [String] = []) throws -> Lexicon {
        var tables: [String: LexiconTable] = [:]
        let dirs = [Resources.lexiconDirectory] + extraDirectories
        for (n, dir) in dirs.enumerated() {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
                if n == 0 {
                    throw WorkbenchError.lexicon(
                        "the built-in lexicons are missing at \(dir) (set WORKBENCH_RESOURCES to the Resources folder)")
                }
                throw WorkbenchError.lexicon("\(dir) is not a folder")
            }
            for name in fileNames {
                let path = (dir as NSString).appendingPathComponent(name + ".tsv")
                guard FileManager.default.fileExists(atPath: path) else { continue }
                guard let data = FileManager.default.contents(atPath: path),
                    let text = String(data: data, encoding: .utf8)
                else {
                    throw WorkbenchError.lexicon("\(path) is not readable UTF-8 text")
                }
                let table = try LexiconTable(parsing: text, source: path)
                // a holiday whose rule cannot be read would be dropped without a word: say which one
                if name == "holidays",
                    let bad = table.rows.first(where: { HolidayRule(parsing: $0["rule"] ?? "") == nil })
                {
                    throw WorkbenchError.lexicon(
                        "\(path): the holiday '\(bad["name"] ?? "?")' has the rule '\(bad["rule"] ?? "")', which is not \"fixed MM-DD\", \"nth MONTH WEEKDAY N [+DAYS]\", \"easter ±DAYS\", \"orthodox_easter ±DAYS\" or \"dates YYYY-MM-DD;…\""
                    )
                }
                if var t = tables[name] {
                    t.append(table)
                    tables[name] = t
                } else {
                    tables[name] = table
                }
            }
        }
        return Lexicon(tables: tables)
    }

    /// Folders that extend the built-in lexicons: `WORKBENCH_LEXICONS`, then the user's data folder.
    package static func defaultExtraDirectories(environment: [String: String] = ProcessInfo.processInfo.environment)
        -> [String]
    {
        var dirs: [String] = []
        let dataHome =
            environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? "") + "/.local/share")
        let user = dataHome + "/workbench/lexicons"
        if FileManager.default.fileExists(atPath: user) { dirs.append(user) }
        if let env = environment["WORKBENCH_LEXICONS"] {
            dirs += env.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        return dirs
    }

    /// The lexicon used when nothing else is configured (built-ins plus the default extra folders), loaded once.
    package static let standard: Result<Lexicon, WorkbenchError> = {
        do { return .success(try load(extraDirectories: defaultExtraDirectories())) } catch let e as WorkbenchError {
            return .failure(e)
        } catch { return .failure(.lexicon("\(error)")) }
    }()
}
