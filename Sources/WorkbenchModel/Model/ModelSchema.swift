/// The fields of every model type: names, types and meanings, shared by JSON, Lua and the docs.

extension Article: ModelType {
    package static let typeName = "Article"
    package static let summary = "One article and everything extracted from it."
    package static let fields: [ModelField<Article>] = [
        .init("path", "string", "The file as given or found in a folder.") { $1.string($0.path) },
        .init("id", "string", "The file name without extension.") { $1.string($0.id) },
        .init("title", "string?", "The headline (front matter `title:` or the first line).") { $1.value($0.title) },
        .init("lede", "string?", "The first body paragraph.") { $1.value($0.lede) },
        .init("byline", "string?", "The author line without \"By\".") { $1.value($0.byline) },
        .init("source", "string?", "The publisher or agency (front matter, source line or dateline).") {
            $1.value($0.source)
        },
        .init("date", "string?", "The reference date (ISO) relative dates are resolved against.") { $1.value($0.date) },
        .init(
            "date_source", "string?",
            "Where the date came from: front_matter, index (the folder's INDEX.tsv), option (--date), text, file_name."
        ) { $1.value($0.dateSource) },
        .init(
            "published", "string?",
            "The publication instant when the front matter's date gives a time with its offset (`2026-03-10T21:30-04:00`), for ordering reports across time zones."
        ) { $1.value($0.published) },
        .init("url", "string?", "The article's URL from front matter.") { $1.value($0.url) },
        .init("paragraphs", "Paragraph[]", "Headline, body, byline and source paragraphs (boilerplate dropped).") {
            $1.value($0.paragraphs)
        },
        .init("sentences", "Sentence[]", "Sentences of the headline and body.") { $1.value($0.sentences) },
        .init("quotes", "Quote[]", "Quoted words with their speakers.") { $1.value($0.quotes) },
        .init("terms", "QuotedTerm[]", "Quoted titles, nicknames and scare quotes: no speaker, not speech.") {
            $1.value($0.terms)
        },
        .init("figures", "Figure[]", "Numbers: counts, money, measures, percentages, ordinals, durations.") {
            $1.value($0.figures)
        },
        .init("dates", "DateMention[]", "Date and time expressions, resolved to ISO dates when possible.") {
            $1.value($0.dates)
        },
        .init("parties", "Party[]", "People, countries, organisations and groups, with their mentions.") {
            $1.value($0.parties)
        },
        .init("events", "StrikeEvent[]", "Reported attacks.") { $1.value($0.events) },
        .init("commitments", "Commitment[]", "Pause and ceasefire commitments and their status.") {
            $1.value($0.commitments)
        },
        .init("warnings", "Warning[]", "Problems noticed while reading (unbalanced quotation marks …).") {
            $1.value($0.warnings)
        },
    ]
}

extension Paragraph: ModelType {
    package static let typeName = "Paragraph"
    package static let summary = "A paragraph: headline, body, byline or source line."
    package static let fields: [ModelField<Paragraph>] = [
        .init("text", "string", "The paragraph's text.") { $1.string($0.text) },
        .init("start", "integer", "Offset of the first character (Unicode scalars).") { $1.int($0.start) },
        .init("end", "integer", "Offset after the last character.") { $1.int($0.end) },
        .init("kind", "string", "headline, body, byline or source.") { $1.string($0.kind) },
    ]
}

extension Sentence: ModelType {
    package static let typeName = "Sentence"
    package static let summary = "A sentence of the headline or body."
    package static let fields: [ModelField<Sentence>] = [
        .init("text", "string", "The sentence's text.") { $1.string($0.text) },
        .init("start", "integer", "Offset of the first character (Unicode scalars).") { $1.int($0.start) },
        .init("end", "integer", "Offset after the last character.") { $1.int($0.end) },
        .init("paragraph", "index", "The paragraph it belongs to (0-based in JSON, 1-based in Lua).") {
            $1.index($0.paragraph)
        },
    ]
}

extension Mention: ModelType {
    package static let typeName = "Mention"
    package static let summary = "A stretch of text as written, with its offsets."
    package static let fields: [ModelField<Mention>] = [
        .init("text", "string", "As written.") { $1.string($0.text) },
        .init("start", "integer", "Offset of the first character.") { $1.int($0.start) },
        .init("end", "integer", "Offset after the last character.") { $1.int($0.end) },
    ]
}

extension Quote: ModelType {
    package static let typeName = "Quote"
    package static let summary = "Words in quotation marks and who said them."
    package static let fields: [ModelField<Quote>] = [
        .init("text", "string", "The quoted words, without the quotation marks.") { $1.string($0.text) },
        .init("start", "integer", "Offset of the first quoted character.") { $1.int($0.start) },
        .init("end", "integer", "Offset after the last quoted character.") { $1.int($0.end) },
        .init("kind", "string", "direct, partial (a phrase inside reported speech) or block (several paragraphs).") {
            $1.string($0.kind)
        },
        .init("speaker", "string?", "The speaker's canonical name (a party's name), when resolved.") {
            $1.value($0.speaker)
        },
        .init(
            "speaker_mention", "Mention?",
            "The speaker as written: a name, a pronoun (\"he\") or a nominal (\"the ministry\")."
        ) { $1.value($0.speakerMention) },
        .init("cue", "string?", "The attribution cue: said, told, according to …") { $1.value($0.cue) },
        .init(
            "attribution", "string?",
            "How the speaker was found, most direct first: cue after the quote, cue before the quote, according to, signature line, nearest cue in the sentence, speaker of the clause, shared with another quote in the sentence, cue later in the sentence, subject before a colon, continues the previous speaker, sentence subject."
        ) { $1.value($0.attribution) },
        .init("sentence", "index", "The sentence holding the opening quotation mark.") { $1.index($0.sentence) },
        .init(
            "via", "Mention?",
            "Who reports the words when that is not the speaker: \"…,\" Sanders said, according to CNN → CNN."
        ) { $1.value($0.via) },
    ]
}

extension QuotedTerm: ModelType {
    package static let typeName = "QuotedTerm"
    package static let summary =
        "A quoted phrase that is not speech: a title (“Good Morning America”), a nickname or a scare quote."
    package static let fields: [ModelField<QuotedTerm>] = [
        .init("text", "string", "The words, without the quotation marks.") { $1.string($0.text) },
        .init("start", "integer", "Offset of the first character.") { $1.int($0.start) },
        .init("end", "integer", "Offset after the last character.") { $1.int($0.end) },
        .init("sentence", "index", "The sentence it is in.") { $1.index($0.sentence) },
    ]
}

extension Figure: ModelType {
    package static let typeName = "Figure"
    package static let summary = "A number, normalised, with its unit or what it counts."
    package static let fields: [ModelField<Figure>] = [
        .init("text", "string", "As written.") { $1.string($0.text) },
        .init("start", "integer", "Offset of the first character.") { $1.int($0.start) },
        .init("end", "integer", "Offset after the last character.") { $1.int($0.end) },
        .init("value", "number?", "The value (for a range, its lower bound); minus 30C is -30.") { $1.value($0.value) },
        .init("value_max", "number?", "For a range (\"10 to 15\"), the upper bound.") { $1.value($0.valueMax) },
        .init("unit", "string?", "Unit or currency: °C, km, %, USD, week …") { $1.value($0.unit) },
        .init(
            "kind", "string",
            "count, number, money, percent, temperature, distance, quantity, power, energy, duration, age (\"a 30-month-old\": 30 month) or ordinal."
        ) { $1.string($0.kind) },
        .init("counted", "string?", "For counts, what is counted (\"attack drones\").") { $1.value($0.counted) },
        .init("approximate", "boolean", "True for \"about 40\", \"hundreds of\", \"two dozen\"-style values.") {
            $1.bool($0.approximate)
        },
        .init("sentence", "index", "The sentence it is in.") { $1.index($0.sentence) },
    ]
}

extension DateMention: ModelType {
    package static let typeName = "DateMention"
    package static let summary = "A date or time expression, resolved against the article's date."
    package static let fields: [ModelField<DateMention>] = [
        .init("text", "string", "As written.") { $1.string($0.text) },
        .init("start", "integer", "Offset of the first character.") { $1.int($0.start) },
        .init("end", "integer", "Offset after the last character.") { $1.int($0.end) },
        .init("kind", "string", "absolute, weekday, relative, night, range, window or holiday.") { $1.string($0.kind) },
        .init("value", "string?", "ISO date (the first day of an interval); null when it cannot be resolved.") {
            $1.value($0.value)
        },
        .init("end_value", "string?", "The last day of an interval, inclusive.") { $1.value($0.endValue) },
        .init("grain", "string?", "day, night, week, weekend, month, year or interval.") { $1.value($0.grain) },
        .init("sentence", "index", "The sentence it is in.") { $1.index($0.sentence) },
    ]
}

extension Party: ModelType {
    package static let typeName = "Party"
    package static let summary = "A person, country, organisation or group, with every mention."
    package static let fields: [ModelField<Party>] = [
        .init("name", "string", "Canonical name (Kyiv and Ukrainian are mentions of Ukraine).") { $1.string($0.name) },
        .init("kind", "string", "person, country, organisation, military, agency, media, party, group or source.") {
            $1.string($0.kind)
        },
        .init("role", "string?", "Office or function: President, Kremlin spokesman …") { $1.value($0.role) },
        .init("affiliation", "string?", "The country or organisation it belongs to.") { $1.value($0.affiliation) },
        .init("aliases", "string[]", "Other names it goes by.") { $1.value($0.aliases) },
        .init("mentions", "Mention[]", "Every mention in the article, in order.") { $1.value($0.mentions) },
    ]
}

extension Weapon: ModelType {
    package static let typeName = "Weapon"
    package static let summary = "A weapon type used in an attack, with how many."
    package static let fields: [ModelField<Weapon>] = [
        .init("name", "string", "Canonical weapon name (Shahed, Iskander-M, attack drone …).") { $1.string($0.name) },
        .init("category", "string?", "drone, ballistic missile, cruise missile, bomb …") { $1.value($0.category) },
        .init("count", "integer?", "How many were launched or used.") { $1.value($0.count) },
        .init("destroyed", "integer?", "How many were shot down, when reported.") { $1.value($0.destroyed) },
        .init("approximate", "boolean", "Whether the count was approximate (\"nearly 300\").") {
            $1.bool($0.approximate)
        },
        .init(
            "qualifier", "string?",
            "The words bounding the count: \"more than\", \"almost\", \"about\", \"hundreds of\"."
        ) { $1.value($0.qualifier) },
    ]
}

extension StrikeEvent: ModelType {
    package static let typeName = "StrikeEvent"
    package static let summary = "A reported attack: who struck what, where, with what, and the toll."
    package static let fields: [ModelField<StrikeEvent>] = [
        .init("kind", "string", "barrage (a night's launches), strike (a place hit) or attack.") { $1.string($0.kind) },
        .init("actor", "string?", "Who attacked (a party name).") { $1.value($0.actor) },
        .init("target", "string?", "What was hit, as written.") { $1.value($0.target) },
        .init(
            "target_type", "string",
            "energy, residential, civilian infrastructure, military, transport, industrial, medical, education, government or unknown."
        ) { $1.string($0.targetType) },
        .init("place", "string?", "Where it hit.") { $1.value($0.place) },
        .init("launch_place", "string?", "Where the weapons were launched from.") { $1.value($0.launchPlace) },
        .init("weapons", "Weapon[]", "Weapons with counts.") { $1.value($0.weapons) },
        .init("killed", "integer?", "People killed.") { $1.value($0.killed) },
        .init("wounded", "integer?", "People wounded.") { $1.value($0.wounded) },
        .init("killed_approximate", "boolean", "The death toll was given as approximate (\"at least four\").") {
            $1.value($0.killedApproximate)
        },
        .init("wounded_approximate", "boolean", "The number wounded was given as approximate.") {
            $1.value($0.woundedApproximate)
        },
        .init("reported_by", "string?", "Who reported it.") { $1.value($0.reportedBy) },
        .init("when", "string?", "ISO date or interval (2026-01-29/2026-01-30 for an overnight attack).") {
            $1.value($0.when)
        },
        .init("when_text", "string?", "The time expression as written.") { $1.value($0.whenText) },
        .init("text", "string", "The sentence that first reports it.") { $1.string($0.text) },
        .init("start", "integer", "Offset of that sentence.") { $1.int($0.start) },
        .init("end", "integer", "Offset after that sentence.") { $1.int($0.end) },
        .init("sentence", "index", "The first sentence reporting it.") { $1.index($0.sentence) },
        .init("evidence", "index[]", "Every sentence reporting it, in text order (the headline included).") { e, w in
            w.array(nil, count: e.evidence.count) { for i in e.evidence { w.index(i) } }
        },
    ]
}

extension Window: ModelType {
    package static let typeName = "Window"
    package static let summary = "When a pause runs: ISO start and end dates (either may be null)."
    package static let fields: [ModelField<Window>] = [
        .init("start", "string?", "First day (ISO).") { $1.value($0.start) },
        .init("end", "string?", "Last day (ISO), inclusive.") { $1.value($0.end) },
        .init("text", "string?", "The words the window was read from (\"for a week until Feb. 1\").") {
            $1.value($0.text)
        },
        .init(
            "derived", "string?",
            "Which end was worked out rather than written: \"start\" when a duration ends on a date."
        ) { $1.value($0.derived) },
        .init("days", "integer?", "How many days it lasts, when said (\"a 30-day ceasefire\").") { $1.value($0.days) },
    ]
}

extension Claim: ModelType {
    package static let typeName = "Claim"
    package static let summary = "One statement about a commitment's status, and who made it."
    package static let fields: [ModelField<Claim>] = [
        .init("by", "string?", "Who said it.") { $1.value($0.by) },
        .init("status", "string", "The status it supports.") { $1.string($0.status) },
        .init("text", "string", "The sentence.") { $1.string($0.text) },
        .init("sentence", "index", "The sentence's index.") { $1.index($0.sentence) },
    ]
}

extension Commitment: ModelType {
    package static let typeName = "Commitment"
    package static let summary =
        "A pause or ceasefire commitment: who holds fire on what, when, on which condition, and its status."
    package static let fields: [ModelField<Commitment>] = [
        .init("party", "string?", "The party that would hold fire.") { $1.value($0.party) },
        .init("counterparty", "string?", "The other side (whose targets are spared, or who must reciprocate).") {
            $1.value($0.counterparty)
        },
        .init("requested_by", "string?", "Who asked for it, for requests.") { $1.value($0.requestedBy) },
        .init("action", "string?", "What is paused, as written.") { $1.value($0.action) },
        .init("scope", "string?", "What it covers: target categories and places.") { $1.value($0.scope) },
        .init("scope_types", "string[]", "Target types covered (energy …).") { $1.value($0.scopeTypes) },
        .init("scope_places", "string[]", "Places covered (Kyiv, other cities …).") { $1.value($0.scopePlaces) },
        .init("condition", "string?", "The condition, as written.") { $1.value($0.condition) },
        .init("reciprocal", "boolean", "Whether the other side must do the same.") { $1.bool($0.reciprocal) },
        .init("window", "Window", "Start and end dates.") { $1.value($0.window) },
        .init("status", "string", "proposed, requested, claimed agreed, confirmed, not confirmed or rejected.") {
            $1.string($0.status)
        },
        .init("claims", "Claim[]", "Each statement about it, with who made it.") { $1.value($0.claims) },
        .init("text", "string", "The evidence sentence.") { $1.string($0.text) },
        .init("start", "integer", "Offset of the evidence.") { $1.int($0.start) },
        .init("end", "integer", "Offset after the evidence.") { $1.int($0.end) },
        .init("sentence", "index", "The evidence sentence's index.") { $1.index($0.sentence) },
    ]
}

extension Warning: ModelType {
    package static let typeName = "Warning"
    package static let summary = "A problem noticed while reading the article."
    package static let fields: [ModelField<Warning>] = [
        .init("message", "string", "What is wrong.") { $1.string($0.message) },
        .init("start", "integer", "Offset where it was noticed.") { $1.int($0.start) },
        .init("line", "integer", "Line (1-based).") { $1.int($0.line) },
        .init("column", "integer", "Column (1-based).") { $1.int($0.column) },
    ]
}

/// Every model type, for docs and `help()`.
package let modelTypes: [ModelTypeInfo] = [
    Article.info, Paragraph.info, Sentence.info, Quote.info, QuotedTerm.info, Mention.info, Figure.info,
    DateMention.info, Party.info,
    StrikeEvent.info, Weapon.info, Commitment.info, Window.info, Claim.info, Warning.info,
]
