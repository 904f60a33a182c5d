import WorkbenchModel

/// What `workbench export` can write: one kind of item, one row each.
package enum ExportKind: String, CaseIterable, Sendable {
    case events, quotes, figures, dates, parties, commitments

    /// The kind's table: its columns and how rows are read from an article.
    package var table: ExportTable {
        switch self {
        case .events: return eventsTable
        case .quotes: return quotesTable
        case .figures: return figuresTable
        case .dates: return datesTable
        case .parties: return partiesTable
        case .commitments: return commitmentsTable
        }
    }
}

/// ACLED's sub-event type for a weapon category (ACLED's "Explosions/Remote violence" event type).
let acledSubEventTypes: [String: String] = [
    "drone": "Air/drone strike", "bomb": "Air/drone strike", "aircraft": "Air/drone strike",
    "ballistic missile": "Shelling/artillery/missile attack", "cruise missile": "Shelling/artillery/missile attack",
    "missile": "Shelling/artillery/missile attack", "rocket": "Shelling/artillery/missile attack",
    "artillery": "Shelling/artillery/missile attack", "explosive": "Remote explosive/landmine/IED",
]

extension StrikeEvent {
    /// The ACLED sub-event type of the weapon used most (by count), when its category maps to one.
    var acledSubEventType: String? {
        let main = weapons.enumerated().max { a, b in
            (a.element.count ?? 0, b.offset) < (b.element.count ?? 0, a.offset)
        }?.element
        return main?.category.flatMap { acledSubEventTypes[$0] }
    }

    /// "Shahed 90 (80 destroyed); Iskander-M 2".
    var weaponSummary: String? {
        guard !weapons.isEmpty else { return nil }
        return weapons.map { w in
            var s = w.name
            if let c = w.count { s += " \(w.qualifier.map { $0 + " " } ?? "")\(c)" }
            if let d = w.destroyed { s += " (\(d) destroyed)" }
            return s
        }.joined(separator: "; ")
    }

    /// Weapons launched in all, when every weapon's count is known.
    var launchedTotal: Int? {
        let counts = weapons.compactMap(\.count)
        return counts.isEmpty || counts.count < weapons.count ? nil : counts.reduce(0, +)
    }

    /// Weapons destroyed in all, when any is reported.
    var destroyedTotal: Int? {
        let counts = weapons.compactMap(\.destroyed)
        return counts.isEmpty ? nil : counts.reduce(0, +)
    }
}

private let eventsColumns: [ExportColumn<StrikeEvent>] = [
    .init("event_date", .text, "First day of the attack (ISO): `when`, or its start for an overnight interval.") {
        ExportValue($0.when.map { String($0.prefix(10)) })
    },
    .init("when", .text, "ISO date or interval (`2026-01-29/2026-01-30` for an overnight attack).") {
        ExportValue($0.when)
    },
    .init("when_text", .text, "The time expression as written.") { ExportValue($0.whenText) },
    .init("kind", .text, "barrage (a night's launches), strike (a place hit) or attack.") { .text($0.kind) },
    .init(
        "sub_event_type", .text,
        "ACLED's sub-event type read from the main weapon: Air/drone strike, Shelling/artillery/missile attack …"
    ) { ExportValue($0.acledSubEventType) },
    .init("actor", .text, "Who attacked (a party name).") { ExportValue($0.actor) },
    .init("target", .text, "What was hit, as written.") { ExportValue($0.target) },
    .init(
        "target_type", .text,
        "energy, residential, civilian infrastructure, military, transport, industrial, medical, education, government or unknown."
    ) { .text($0.targetType) },
    .init("place", .text, "Where it hit.") { ExportValue($0.place) },
    .init("launch_place", .text, "Where the weapons were launched from.") { ExportValue($0.launchPlace) },
    .init(
        "weapons", .text, "Weapons with counts and how many were destroyed: `Shahed 90 (80 destroyed); Iskander-M 2`."
    ) { ExportValue($0.weaponSummary) },
    .init("launched", .integer, "Weapons launched in all, when every weapon's count is given.") {
        ExportValue($0.launchedTotal)
    },
    .init("destroyed", .integer, "Weapons shot down or stopped in all, when reported.") {
        ExportValue($0.destroyedTotal)
    },
    .init("killed", .integer, "People killed.") { ExportValue($0.killed) },
    .init("killed_approximate", .boolean, "The death toll was given as approximate (\"at least four\").") {
        .boolean($0.killedApproximate)
    },
    .init("wounded", .integer, "People wounded.") { ExportValue($0.wounded) },
    .init("wounded_approximate", .boolean, "The number wounded was given as approximate.") {
        .boolean($0.woundedApproximate)
    },
    .init("reported_by", .text, "Who reported it.") { ExportValue($0.reportedBy) },
    .init("evidence", .text, "Every sentence reporting it (0-based indices, `;`-separated).") {
        ExportValue($0.evidence.map(String.init))
    },
]

let eventsTable = ExportTable(
    "events", "One row per reported attack; the names are the model's, and the table below sets them beside ACLED's.",
    columns: eventsColumns,
    items: { $0.events }, span: { e, _ in ExportSpan(sentence: e.sentence, start: e.start, end: e.end) })

private let quotesColumns: [ExportColumn<Quote>] = [
    .init("text", .text, "The quoted words, without the quotation marks.") { .text($0.text) },
    .init("kind", .text, "direct, partial or block.") { .text($0.kind) },
    .init("speaker", .text, "The speaker's canonical name, when resolved.") { ExportValue($0.speaker) },
    .init("speaker_mention", .text, "The speaker as written (a name, a pronoun, \"the ministry\").") {
        ExportValue($0.speakerMention?.text)
    },
    .init("cue", .text, "The attribution cue: said, told, according to …") { ExportValue($0.cue) },
    .init("attribution", .text, "How the speaker was found.") { ExportValue($0.attribution) },
    .init("via", .text, "Who reports the words when that is not the speaker.") { ExportValue($0.via?.text) },
]

let quotesTable = ExportTable(
    "quotes", "One row per quotation, with its speaker.",
    columns: quotesColumns,
    items: { $0.quotes }, span: { q, _ in ExportSpan(sentence: q.sentence, start: q.start, end: q.end) })

private let figuresColumns: [ExportColumn<Figure>] = [
    .init("text", .text, "As written.") { .text($0.text) },
    .init("value", .real, "The value (for a range, its lower bound).") { ExportValue($0.value) },
    .init("value_max", .real, "For a range, the upper bound.") { ExportValue($0.valueMax) },
    .init("unit", .text, "Unit or currency: °C, km, %, USD, week …") { ExportValue($0.unit) },
    .init(
        "kind", .text,
        "count, number, money, percent, temperature, distance, quantity, power, energy, duration, age or ordinal."
    ) {
        .text($0.kind)
    },
    .init("counted", .text, "For counts, what is counted.") { ExportValue($0.counted) },
    .init("approximate", .boolean, "\"about 40\", \"hundreds of\" …") { .boolean($0.approximate) },
]

let figuresTable = ExportTable(
    "figures", "One row per number, normalised.",
    columns: figuresColumns,
    items: { $0.figures }, span: { f, _ in ExportSpan(sentence: f.sentence, start: f.start, end: f.end) })

private let datesColumns: [ExportColumn<DateMention>] = [
    .init("text", .text, "As written.") { .text($0.text) },
    .init("kind", .text, "absolute, weekday, relative, night, range, window or holiday.") { .text($0.kind) },
    .init("value", .text, "ISO date (the first day of an interval), when resolved.") { ExportValue($0.value) },
    .init("end_value", .text, "The last day of an interval, inclusive.") { ExportValue($0.endValue) },
    .init("grain", .text, "day, night, week, weekend, month, year or interval.") { ExportValue($0.grain) },
]

let datesTable = ExportTable(
    "dates", "One row per date or time expression, resolved against the article's date.",
    columns: datesColumns,
    items: { $0.dates }, span: { d, _ in ExportSpan(sentence: d.sentence, start: d.start, end: d.end) })

private let partiesColumns: [ExportColumn<Party>] = [
    .init("name", .text, "Canonical name.") { .text($0.name) },
    .init("kind", .text, "person, country, organisation, military, agency, media, party, group or source.") {
        .text($0.kind)
    },
    .init("role", .text, "Office or function.") { ExportValue($0.role) },
    .init("affiliation", .text, "The country or organisation it belongs to.") { ExportValue($0.affiliation) },
    .init("aliases", .text, "Other names it goes by (`;`-separated).") { ExportValue($0.aliases) },
    .init("mentions", .integer, "How many times the article mentions it.") { .integer($0.mentions.count) },
    .init("first_mention", .text, "The first mention as written.") { ExportValue($0.mentions.first?.text) },
]

let partiesTable = ExportTable(
    "parties", "One row per party of an article; the evidence is its first mention.",
    columns: partiesColumns,
    items: { $0.parties },
    span: { p, a in
        let m = p.mentions.first
        return ExportSpan(sentence: m.flatMap { a.sentenceIndex(at: $0.start) }, start: m?.start ?? 0, end: m?.end ?? 0)
    })

private let commitmentsColumns: [ExportColumn<Commitment>] = [
    .init("party", .text, "The party that would hold fire.") { ExportValue($0.party) },
    .init("counterparty", .text, "The other side.") { ExportValue($0.counterparty) },
    .init("requested_by", .text, "Who asked for it, for requests.") { ExportValue($0.requestedBy) },
    .init("status", .text, "proposed, requested, claimed agreed, confirmed, not confirmed or rejected.") {
        .text($0.status)
    },
    .init("action", .text, "What is paused, as written.") { ExportValue($0.action) },
    .init("scope", .text, "What it covers, as written.") { ExportValue($0.scope) },
    .init("scope_types", .text, "Target types covered (`;`-separated).") { ExportValue($0.scopeTypes) },
    .init("scope_places", .text, "Places covered (`;`-separated).") { ExportValue($0.scopePlaces) },
    .init("condition", .text, "The condition, as written.") { ExportValue($0.condition) },
    .init("reciprocal", .boolean, "Whether the other side must do the same.") { .boolean($0.reciprocal) },
    .init("window_start", .text, "First day (ISO).") { ExportValue($0.window.start) },
    .init("window_end", .text, "Last day (ISO), inclusive.") { ExportValue($0.window.end) },
    .init("window_days", .integer, "How many days it lasts, when said.") { ExportValue($0.window.days) },
    .init("window_text", .text, "The words the window was read from.") { ExportValue($0.window.text) },
    .init("claims", .text, "Each statement about it: `by: status`, `;`-separated.") { c in
        ExportValue(c.claims.map { "\($0.by ?? "(unnamed)"): \($0.status)" })
    },
]

let commitmentsTable = ExportTable(
    "commitments", "One row per pause or ceasefire commitment.",
    columns: commitmentsColumns,
    items: { $0.commitments }, span: { c, _ in ExportSpan(sentence: c.sentence, start: c.start, end: c.end) })
