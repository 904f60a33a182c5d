import WorkbenchModel

// The rows and closed vocabularies of the lexicon files, as the extractors read them.

/// What a word in event_words.tsv does for the event and commitment rules.
package enum EventWordRole: String, Sendable, CaseIterable {
    case attack, killed, wounded, destroyed, victim, explosion, ground, hypothetical, habitual, newevent, casualty,
        shelling, damage, forces, recall, undergo, comment
    case request, propose, agree, confirm, reject, declare
    /// Words the event rules read in their contexts (event_words.tsv lists what each means).
    case strikeword, regionnoun, claim, person, rise, tollnoun, harmed, allege, control, hitverb, occur
    case lulllength, deny, superlative, warstart, attackplural, intent, fire, vessel, settlement, damaged
    /// Words the commitment rules read in their contexts.
    case strikeobject, talknoun, demand, deal, threaten, ready, support, hedge, establish, firing, places, accord,
        mediation, broker
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
package enum ClauseTense: String, Sendable, CaseIterable {
    /// `present` marks a clause with a verb of its own that says neither ("is", "says"): read as unmarked.
    case future, past, present, unmarked
}

/// What a phrase in event_phrases.tsv does for the event rules.
package enum EventPhraseRole: String, Sendable, CaseIterable {
    case cumulative, period, habitual, reference, ground, newevent, interception, disputed, summary, backdrop, attack,
        comparison, time, hypothetical
}

/// A known party (country, person, organisation) from the lexicons.
package struct PartyEntry: Sendable {
    package var name: String
    package var kind: Party.Kind
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
    /// What a place is (places.tsv `kind`).
    package enum Kind: String, Sendable, CaseIterable {
        case city, state, region, site, place
    }

    package var name: String
    package var kind: Kind
    package var country: String?
    /// The region a city is in ("Kharkiv region" for Kharkiv), when the lexicon says.
    package var within: String? = nil
    /// The country that has held it since 2014, when not `country` (Crimea: Russia).
    package var heldBy: String? = nil
}

/// An attribution cue verb.
package struct CueEntry: Sendable {
    /// What a cue does (cues.tsv `kind`): says what was said, reports or claims, or puts in writing.
    package enum Kind: String, Sendable, CaseIterable {
        case speech, report, write
    }

    package var lemma: String
    package var kind: Kind
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
    /// Which side of the number a unit or currency is written on (currencies.tsv `position`).
    package enum Position: String, Sendable, CaseIterable {
        case before, after, either
    }

    package var unit: String
    package var kind: Figure.Kind
    package var factor: Double
    package var position: Position
}

/// What an extra quotation mark does (quote_marks.tsv `role`): "both" opens before a word and closes otherwise.
package enum QuoteMarkRole: String, Sendable, CaseIterable {
    case open, close, both
}

/// The kind of pause word (pause_terms.tsv `kind`).
package enum PauseTermKind: String, Sendable, CaseIterable {
    /// A noun naming a pause: ceasefire, truce, moratorium.
    case pause
    /// A verb phrase: halt strikes, hold fire, stop attacks.
    case halt
    /// "not strike", "not to fire".
    case negatedStrike = "negated-strike"
    /// A humanitarian corridor: a local pause for evacuations.
    case corridor
}

/// What a noun in noun_roles.tsv is to the rules.
package enum NounRole: String, Sendable, CaseIterable {
    case media, document, speaking
}

/// What a group noun names (groups.tsv `kind`): people, unnamed sources, an institution's staff, or one person.
package enum GroupKind: String, Sendable, CaseIterable {
    case group, source, body, person
}

/// What an abbreviation written with a final period is (abbreviations.tsv `kind`): a title or month never ends a
/// sentence; an initial is a single capital letter.
package enum AbbreviationKind: String, Sendable, CaseIterable {
    case title, month, other, initial
}
