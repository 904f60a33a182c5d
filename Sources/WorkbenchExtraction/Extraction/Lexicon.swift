import Foundation
import WorkbenchModel

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
    package let groups: [String: GroupKind]
    /// Group nouns that, bare and singular ("the official", "a source"), name nobody in particular.
    package let anonymousGroups: Set<String>
    package let orgWords: Set<String>
    /// Words that can stand before a group or role noun in a speaker phrase ("a senior official").
    package let speakerAdjectives: Set<String>
    /// Words that make an organisation's name a newspaper or broadcaster ("Post", "Herald"; noun_roles.tsv).
    package let mediaWords: Set<String>
    /// Documents that say things on someone's behalf ("a statement said"; noun_roles.tsv).
    package let documentNouns: Set<String>
    /// Nouns through which their possessor speaks: the documents, and "lawyers", "campaign", "website" …
    package let speakingNouns: Set<String>
    package let weapons: [WeaponEntry]
    package let weaponMatcher: PhraseMatcher<Int>
    package let targetMatcher: PhraseMatcher<String>
    package let unitMatcher: PhraseMatcher<UnitEntry>
    package let currencyMatcher: PhraseMatcher<UnitEntry>
    package let abbreviations: [String: AbbreviationKind]
    package let givenNames: Set<String>
    /// Given name → "m" or "f", for names used mostly by one gender.
    package let givenNameGender: [String: String]
    /// Title and family words before a name → "m" or "f" ("Mrs.", "spokeswoman").
    package let genderWords: [String: String]
    package let pauseMatcher: PhraseMatcher<PauseTermKind>
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
    package let quoteMarks: [String: QuoteMarkRole]
    /// For each lowercased word, the lists it belongs to or can start an entry of.
    package let wordClasses: WordTable<WordClass>

    /// The raw tables, kept so rows can be added later (from Lua) and the lexicon rebuilt.
    package let tables: [String: LexiconTable]

    /// The names of the lexicon files, without `.tsv`.
    package static let fileNames = [
        "countries", "people", "organisations", "places", "roles", "cues", "groups", "orgwords",
        "weapons", "targets", "units", "currencies", "abbreviations", "given_names", "pause_terms", "boilerplate",
        "quote_marks", "event_words", "holidays", "gender_words", "event_phrases", "conflicts", "tense_words",
        "non_figures", "speaker_adjectives", "noun_roles",
    ]

    /// Builds a lexicon from tables keyed by file name (each file read by its reader in Lexicon+Building).
    package init(tables: [String: LexiconTable]) {
        self.tables = tables
        let rows = Rows(tables: tables)
        let tokenizer: Tokenizer
        (tokenizer, abbreviations, quoteMarks) = Self.readTokenizer(rows)
        self.tokenizer = tokenizer
        // the large matchers do not depend on each other: built side by side, largest first
        let jobs = ConcurrentJobs()
        let partyJob = jobs.add { Self.readParties(rows, tokenizer: tokenizer) }
        let holidayJob = jobs.add { Self.readHolidays(rows, tokenizer: tokenizer) }
        let cueJob = jobs.add { Self.readCues(rows, tokenizer: tokenizer) }
        let placeJob = jobs.add { Self.readPlaces(rows, tokenizer: tokenizer) }
        let weaponJob = jobs.add { Self.readWeapons(rows, tokenizer: tokenizer) }
        let eventPhraseJob = jobs.add { Self.readEventPhrases(rows, tokenizer: tokenizer) }
        let roleJob = jobs.add { Self.readRoles(rows, tokenizer: tokenizer) }
        let targetJob = jobs.add { Self.readTargets(rows, tokenizer: tokenizer) }
        let unitJob = jobs.add { Self.readUnits(rows, tokenizer: tokenizer) }
        let currencyJob = jobs.add { Self.readCurrencies(rows, tokenizer: tokenizer) }
        let pauseJob = jobs.add { Self.readPauseTerms(rows, tokenizer: tokenizer) }
        let nonFigureJob = jobs.add { Self.readNonFigures(rows, tokenizer: tokenizer) }
        jobs.run()
        (parties, partyIndex, partyMatcher) = partyJob.value
        (places, placeMatcher) = placeJob.value
        roleMatcher = roleJob.value
        (cueMatcher, cueForms) = cueJob.value
        (groups, anonymousGroups) = Self.readGroups(rows)
        orgWords = Set(rows("orgwords").compactMap { $0.value("word")?.lowercased() })
        speakerAdjectives = Set(rows("speaker_adjectives").compactMap { $0.value("word")?.lowercased() })
        mediaWords = Self.words(rows("noun_roles"), role: .media)
        documentNouns = Self.words(rows("noun_roles"), role: .document)
        speakingNouns = documentNouns.union(Self.words(rows("noun_roles"), role: .speaking))
        (weapons, weaponMatcher) = weaponJob.value
        targetMatcher = targetJob.value
        unitMatcher = unitJob.value
        currencyMatcher = currencyJob.value
        givenNames = Set(rows("given_names").compactMap { $0.value("name") })
        givenNameGender = Self.readGenders(rows, "given_names", key: "name", lowercase: false)
        genderWords = Self.readGenders(rows, "gender_words", key: "word", lowercase: true)
        pauseMatcher = pauseJob.value
        holidayMatcher = holidayJob.value
        nonFigureMatcher = nonFigureJob.value
        let eventWords = Self.readEventWords(rows)
        self.eventWords = EventWordTable(
            Dictionary(
                uniqueKeysWithValues: eventWords.compactMap { k, v in EventWordRole(rawValue: k).map { ($0, v) } }))
        tollWords = (eventWords["killed"] ?? []).union(eventWords["wounded"] ?? [])
        (tenseWords, windowWords) = Self.readTenseWords(rows)
        conflicts = Self.readConflicts(rows)
        let attackPhraseStarts: [String]
        (eventPhraseMatcher, attackPhraseStarts) = eventPhraseJob.value
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
        (boilerplateExact, boilerplatePrefixes) = Self.readBoilerplate(rows)
        let eventFlagged = ["attack", "killed", "wounded", "explosion", "shelling", "casualty", "damage"]
            .flatMap { eventWords[$0].map(Array.init) ?? [] }
        wordClasses = Self.classTable([
            (partyMatcher.firstWords, partyMatcher.bit), (placeMatcher.firstWords, placeMatcher.bit),
            (roleMatcher.firstWords, roleMatcher.bit), (cueMatcher.firstWords, cueMatcher.bit),
            (weaponMatcher.firstWords, weaponMatcher.bit), (targetMatcher.firstWords, targetMatcher.bit),
            (unitMatcher.firstWords, unitMatcher.bit), (currencyMatcher.firstWords, currencyMatcher.bit),
            (pauseMatcher.firstWords, pauseMatcher.bit), (holidayMatcher.firstWords, holidayMatcher.bit),
            (nonFigureMatcher.firstWords, nonFigureMatcher.bit),
            (eventPhraseMatcher.firstWords, eventPhraseMatcher.bit),
            (Array(cueForms.keys), .cueForm), (eventFlagged + attackPhraseStarts, .event),
            (Array(groups.keys), .group), (Grammar.months.keys, .month),
            (Grammar.weekdays.keys, .weekday), (NumberReader.wordForms, .numberWord),
            (Array(Grammar.determiners), .determiner), (Array(Grammar.auxiliaries), .auxiliary),
            (Array(Grammar.sentenceInitialCommon), .common),
            (Array(Grammar.subjectPronouns), .pronoun),
            (Array(speakerAdjectives), .speakerAdjective), (Array(orgWords), .orgWord),
            (Array(Grammar.nameConnectors), .connector), (Array(Grammar.dateStarts), .dateStart),
            (Array(Grammar.figureStarts), .figureStart), (Array(Grammar.statementVerbs), .statementVerb),
        ])
    }

    /// Sets each token's word classes from the lexicon (one lookup per token instead of one per list).
    package func flag(_ tokens: inout [Token]) {
        for i in tokens.indices { tokens[i].classes = (wordClasses[tokens[i].lower] ?? []).union(.lookedUp) }
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
        }
        // every file is read and parsed side by side, then added in folder order (later folders extend earlier ones)
        let files = dirs.flatMap { dir in
            fileNames.map { (name: $0, path: (dir as NSString).appendingPathComponent($0 + ".tsv")) }
        }
        let jobs = ConcurrentJobs()
        let reads = files.map { file in jobs.add { Result { try readTable(file.name, at: file.path) } } }
        jobs.run()
        var tables: [String: LexiconTable] = [:]
        for (file, read) in zip(files, reads) {
            guard let table = try read.value.get() else { continue }
            if var t = tables[file.name] {
                t.append(table)
                tables[file.name] = t
            } else {
                tables[file.name] = table
            }
        }
        return Lexicon(tables: tables)
    }

    /// The columns whose values are a closed vocabulary, by file: a value outside it is an error, not a default.
    static let vocabularies: [String: [(column: String, values: [String])]] = [
        "organisations": [("kind", Party.Kind.allCases.map(\.rawValue))],
        "places": [("kind", PlaceEntry.Kind.allCases.map(\.rawValue))],
        "groups": [("kind", GroupKind.allCases.map(\.rawValue))],
        "cues": [("kind", CueEntry.Kind.allCases.map(\.rawValue))],
        "units": [("kind", Figure.Kind.allCases.map(\.rawValue))],
        "currencies": [("position", UnitEntry.Position.allCases.map(\.rawValue))],
        "quote_marks": [("role", QuoteMarkRole.allCases.map(\.rawValue))],
        "pause_terms": [("kind", PauseTermKind.allCases.map(\.rawValue))],
        "event_words": [("role", EventWordRole.allCases.map(\.rawValue))],
        "event_phrases": [("role", EventPhraseRole.allCases.map(\.rawValue))],
        "tense_words": [("tense", ClauseTense.allCases.map(\.rawValue) + ["window"])],
        "noun_roles": [("role", NounRole.allCases.map(\.rawValue))],
        "abbreviations": [("kind", AbbreviationKind.allCases.filter { $0 != .initial }.map(\.rawValue))],
    ]

    /// Reads the lexicon file `name` at `path`, or nil when the folder has no such file.
    /// - Throws: `WorkbenchError.lexicon` when it is unreadable or malformed.
    private static func readTable(_ name: String, at path: String) throws -> LexiconTable? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw WorkbenchError.lexicon("\(path) is not readable UTF-8 text")
        }
        let table = try LexiconTable(parsing: text, source: path)
        for (column, values) in vocabularies[name] ?? [] {
            try table.check(column: column, isOneOf: values, source: path)
        }
        // a holiday whose rule cannot be read would be dropped without a word: say which one
        if name == "holidays", let bad = table.rows.first(where: { HolidayRule(parsing: $0["rule"] ?? "") == nil }) {
            throw WorkbenchError.lexicon(
                "\(path): the holiday '\(bad["name"] ?? "?")' has the rule '\(bad["rule"] ?? "")', which is not \"fixed MM-DD\", \"nth MONTH WEEKDAY N [+DAYS]\", \"easter ±DAYS\", \"orthodox_easter ±DAYS\" or \"dates YYYY-MM-DD;…\""
            )
        }
        return table
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
