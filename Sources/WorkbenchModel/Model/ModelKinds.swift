/// The closed vocabularies of the model: kinds, grains, statuses and attribution rules.
///
/// Each raw value is the string JSON, Lua and the docs use (`../shared/design/lua-api.md`), so the
/// enums change how Swift compares them, not what scripts see.

extension Paragraph {
    /// What a paragraph is.
    package enum Kind: String, Sendable, CaseIterable {
        case headline, body, byline, source
    }
}

extension Quote {
    /// What a quotation is.
    package enum Kind: String, Sendable, CaseIterable {
        /// A whole statement in quotation marks.
        case direct
        /// A phrase inside reported speech.
        case partial
        /// Several paragraphs, the opening mark repeated at each.
        case block
    }

    /// How a quote's speaker was found, from the most to the least direct evidence.
    package enum AttributionRule: String, Sendable, CaseIterable {
        case cueAfter = "cue after the quote"
        case cueBefore = "cue before the quote"
        case accordingTo = "according to"
        case signature = "signature line"
        case nearestCue = "nearest cue in the sentence"
        case clauseSpeaker = "speaker of the clause"
        case sameSentence = "shared with another quote in the sentence"
        case cueLater = "cue later in the sentence"
        case colon = "subject before a colon"
        case continuation = "continues the previous speaker"
        case subject = "sentence subject"
    }
}

extension Figure {
    /// What a figure measures.
    package enum Kind: String, Sendable, CaseIterable {
        case count, number, money, percent, duration, ordinal, quantity, distance, age, power, temperature, energy
    }
}

extension DateMention {
    /// How a date is written.
    package enum Kind: String, Sendable, CaseIterable {
        case absolute, weekday, relative, night, range, window, holiday
    }

    /// The span of time a resolved date stands for.
    package enum Grain: String, Sendable, CaseIterable {
        case day, night, week, weekend, month, year, interval
    }
}

extension Party {
    /// What a party is.
    package enum Kind: String, Sendable, CaseIterable {
        case person, country, organisation, military, agency, media, party, group
        /// An unnamed source ("a senior official", "sources close to the talks").
        case source
    }
}

extension StrikeEvent {
    /// What an event counts.
    package enum Kind: String, Sendable, CaseIterable {
        /// A night's launches counted across the country.
        case barrage
        /// A place hit.
        case strike
        /// An attack reported without a place or a count.
        case attack
    }
}

extension Window {
    /// One end of a pause window.
    package enum End: String, Sendable, CaseIterable {
        case start, end
    }
}

extension Commitment {
    /// Where a pause commitment stands, by what one statement (or the article's last word) says.
    package enum Status: String, Sendable, CaseIterable {
        case proposed, requested
        case claimedAgreed = "claimed agreed"
        case notConfirmed = "not confirmed"
        case confirmed, rejected
    }
}
