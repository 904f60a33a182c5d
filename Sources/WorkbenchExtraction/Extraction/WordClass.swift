/// The lexicon lists a lowercased word belongs to or can start an entry of, looked up once per token so a pass
/// tests a bit before it looks a word up.
package struct WordClass: OptionSet, Sendable, Hashable {
    package let rawValue: UInt32

    /// The classes whose bits are set in `rawValue`.
    @inline(__always) package init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Starts a country, organisation or person name or alias.
    package static let party = WordClass(rawValue: 1 << 0)
    /// Starts a place name (places.tsv).
    package static let place = WordClass(rawValue: 1 << 1)
    /// Starts a role or title (roles.tsv).
    package static let role = WordClass(rawValue: 1 << 2)
    /// Starts a speech cue phrase (cues.tsv).
    package static let cue = WordClass(rawValue: 1 << 3)
    /// Starts a weapon name (weapons.tsv).
    package static let weapon = WordClass(rawValue: 1 << 4)
    /// Starts a target phrase (targets.tsv).
    package static let target = WordClass(rawValue: 1 << 5)
    /// Starts a unit of measure (units.tsv).
    package static let unit = WordClass(rawValue: 1 << 6)
    /// Starts a currency name or symbol (currencies.tsv).
    package static let currency = WordClass(rawValue: 1 << 7)
    /// Starts a pause or ceasefire term (pause_terms.tsv).
    package static let pause = WordClass(rawValue: 1 << 8)
    /// Is a one-word form of a speech cue ("said", "told").
    package static let cueForm = WordClass(rawValue: 1 << 9)
    /// Is a group word ("troops", "forces").
    package static let group = WordClass(rawValue: 1 << 10)
    /// Is a month name.
    package static let month = WordClass(rawValue: 1 << 11)
    /// Is a weekday name.
    package static let weekday = WordClass(rawValue: 1 << 12)
    /// Is a number word ("seven", "dozen").
    package static let numberWord = WordClass(rawValue: 1 << 13)
    /// Is a determiner.
    package static let determiner = WordClass(rawValue: 1 << 14)
    /// Is an auxiliary or adverb that may sit between a subject and its speech verb ("has", "also").
    package static let auxiliary = WordClass(rawValue: 1 << 15)
    /// Is a common word that is capitalised only at a sentence start.
    package static let common = WordClass(rawValue: 1 << 16)
    /// Is a subject pronoun.
    package static let pronoun = WordClass(rawValue: 1 << 17)
    /// Is an adjective that can stand before a speaker ("senior", "former").
    package static let speakerAdjective = WordClass(rawValue: 1 << 18)
    /// Is a word that ends organisation names ("ministry").
    package static let orgWord = WordClass(rawValue: 1 << 19)
    /// Joins parts of a name ("of", "de").
    package static let connector = WordClass(rawValue: 1 << 20)
    /// Words that can start a date expression besides months, weekdays and numbers.
    package static let dateStart = WordClass(rawValue: 1 << 21)
    /// Words that can start a figure besides numbers: about, minus, a, half, hundreds …
    package static let figureStart = WordClass(rawValue: 1 << 22)
    /// Words that report an attack or its toll (a sentence without one reports no strike event).
    package static let event = WordClass(rawValue: 1 << 23)
    /// Words that can start a holiday's name.
    package static let holiday = WordClass(rawValue: 1 << 24)
    /// Words that can start an event phrase (event_phrases.tsv).
    package static let eventPhrase = WordClass(rawValue: 1 << 25)
    /// Words that can start a phrase that is no figure (non_figures.tsv).
    package static let nonFigure = WordClass(rawValue: 1 << 26)
    /// Is a verb that reports a statement without introducing a quote ("agreed", "predicted").
    package static let statementVerb = WordClass(rawValue: 1 << 27)
    /// Set on every token the lexicon has looked up, so a token without other classes is in no list.
    package static let lookedUp = WordClass(rawValue: 1 << 31)
}
