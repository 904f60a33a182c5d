/// Words attributed to a speaker in quotation marks.
package struct Quote: Sendable {
    /// The quoted words, without the quotation marks.
    package var text: String
    package var start: Int
    package var end: Int
    /// direct (a whole statement), partial (a phrase inside reported speech), or block (several paragraphs).
    package var kind: Kind
    /// The speaker's canonical party name, when resolved.
    package var speaker: String?
    /// The speaker as written (may be a pronoun or a nominal such as "the ministry").
    package var speakerMention: Mention?
    /// The attribution cue as written: said, told, according to, …
    package var cue: String?
    /// How the speaker was found: "cue after the quote", "according to", "continues the previous speaker",
    /// "sentence subject" … (from the most to the least direct evidence); nil when unattributed.
    package var attribution: AttributionRule?
    /// Index into `sentences`.
    package var sentence: Int
    /// Who reports the words when that is not the speaker: "…," Sanders said, according to CNN → CNN.
    package var via: Mention? = nil

    /// Makes a value from all its fields.
    package init(
        text: String, start: Int, end: Int, kind: Kind, speaker: String? = nil, speakerMention: Mention? = nil,
        cue: String? = nil, attribution: AttributionRule? = nil, sentence: Int, via: Mention? = nil
    ) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.speaker = speaker
        self.speakerMention = speakerMention
        self.cue = cue
        self.attribution = attribution
        self.sentence = sentence
        self.via = via
    }
}

/// A short quoted phrase that is not speech: a title, a nickname or a scare quote.
package struct QuotedTerm: Sendable {
    package var text: String
    package var start: Int
    package var end: Int
    /// Index into `sentences`.
    package var sentence: Int

    /// Makes a value from all its fields.
    package init(text: String, start: Int, end: Int, sentence: Int) {
        self.text = text
        self.start = start
        self.end = end
        self.sentence = sentence
    }
}
