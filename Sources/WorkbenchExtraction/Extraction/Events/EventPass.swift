import Foundation
import WorkbenchModel

/// The strike-events pass: reads every sentence for attacks, then gathers what the article says about
/// each attack — across sentences and paragraphs — into one event.
///
/// A place hit inside a night's barrage and described with its own details (target, toll) is its own
/// event; what a later sentence adds without naming another place (a toll, a source, a target) goes to
/// the attack just told. See ../shared/eval/conflict/README.md for the reading this follows.
struct EventPass {
    let c: PassContext
    private let reader: EventReader

    init(_ context: PassContext) {
        c = context
        reader = EventReader(context)
    }

    /// An event being gathered.
    struct Draft {
        var readings: [AttackReading]
        var place: AttackReading.PlaceMention?
        var explicitActor: String?

        /// The first body sentence reporting it (the headline only when nothing else does).
        var anchor: Int {
            let body = readings.filter { !$0.headline }
            return (body.first { !$0.summary } ?? body.first ?? readings[0]).sentence
        }
        var last: Int { readings.map(\.sentence).max() ?? anchor }
        var when: (day: Day, text: String, night: Bool)? { readings.lazy.compactMap(\.when).first }
        /// A night's totals: counted launches and no place.
        var isBarrage: Bool { place == nil && readings.contains { $0.launched > 0 } }
    }

    /// The events of the article, in the order they are first reported.
    func run() -> [StrikeEvent] {
        var readings: [AttackReading] = []
        var headline: [AttackReading] = []
        for si in c.sentences.indices {
            for reading in reader.read(si) where reading.blocked == nil {
                if c.isHeadline(si) {
                    var h = reading
                    h.headline = true
                    headline.append(h)
                } else {
                    readings.append(reading)
                }
            }
        }
        var drafts: [Draft] = []
        for reading in readings {
            let before = drafts.count
            place(reading, in: &drafts)
            if Self.debug {
                debugLine(
                    reading,
                    drafts.count > before
                        ? "new E\(drafts.count)"
                        : (drafts.lastIndex { $0.readings.contains { $0.sentence == reading.sentence } }.map {
                            "→ E\($0 + 1)"
                        } ?? "dropped"))
            }
        }
        drafts = mergeNights(drafts)
        if drafts.isEmpty, let first = headline.first(where: isConcrete) { drafts.append(newDraft(first)) }
        for h in headline where !drafts.isEmpty {
            let i =
                drafts.firstIndex { d in
                    h.hitPlaces.isEmpty || d.place.map { p in h.hitPlaces.contains { same($0, p) } } == true
                } ?? 0
            if !drafts[i].readings.contains(where: { $0.sentence == h.sentence }) {
                drafts[i].readings.insert(h, at: 0)
            }
        }
        let context = timeContext(readings)
        return drafts.map { build($0, timeContext: context) }
    }

    /// `WORKBENCH_DEBUG_EVENTS=1` prints each reading and where it went, on standard error (a development aid).
    static let debug = ProcessInfo.processInfo.environment["WORKBENCH_DEBUG_EVENTS"] != nil

    private func debugLine(_ r: AttackReading, _ outcome: String) {
        let places = r.places.map {
            "\($0.role == .launch ? "from " : "")\($0.name)\($0.district.map { "/" + $0 } ?? "")"
        }.joined(separator: ",")
        let weapons = r.weapons.map { "\($0.name)×\($0.count.map(String.init) ?? "?")" }.joined(separator: ",")
        let line =
            "s\(r.sentence) \(outcome): places[\(places)] weapons[\(weapons)] k=\(r.killed?.value.description ?? "-") w=\(r.wounded?.value.description ?? "-") target=\(r.target?.type ?? "-") actor=\(r.actor ?? "-") rep=\(r.reporter ?? "-") when=\(r.when.map { $0.day.iso + ($0.night ? "N" : "") } ?? "-")\(r.quoted ? " quoted" : "")\(r.opensNew ? " new" : "")\(r.summary ? " summary" : "")\(r.interception ? " intercept" : "")"
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    // MARK: Gathering

    /// Whether a reading can open an event of its own.
    private func isConcrete(_ r: AttackReading) -> Bool {
        if r.quoted { return false }
        if r.launched > 0 || r.interception { return true }
        // a toll opens an attack with an attack word or a weapon, or as the count of the victims at a place;
        // a named person's death alone may have been in combat ("Maj Gen X was killed outside Kharkiv")
        if (r.killed?.value ?? 0) > 0 || (r.wounded?.value ?? 0) > 0 {
            return r.hasAttackWord || !r.weapons.isEmpty || (!r.hitPlaces.isEmpty && !r.namedVictims)
        }
        let places = !r.hitPlaces.isEmpty
        // "Russia's egregious attacks on residential areas": a plural attack with nothing of one is a pattern
        if r.pluralCuesOnly && !places && r.when == nil { return false }
        if r.explosionOnly { return places || !r.weapons.isEmpty || r.target != nil }
        return places || r.target != nil
    }

    private func newDraft(_ r: AttackReading) -> Draft {
        Draft(readings: [r], place: r.hitPlaces.first, explicitActor: r.actor)
    }

    /// Puts a reading into the event it continues, or opens a new one.
    private func place(_ r: AttackReading, in drafts: inout [Draft]) {
        if let i = continuedDraft(r, drafts) {
            drafts[i].readings.append(r)
            if drafts[i].place == nil, let p = r.hitPlaces.first, r.hasDetails || drafts[i].readings.count == 2 {
                drafts[i].place = p
            }
            if drafts[i].explicitActor == nil { drafts[i].explicitActor = r.actor }
        } else if isConcrete(r)
            && !(r.damageOnly && r.hitPlaces.isEmpty && !drafts.isEmpty && r.killed == nil && r.wounded == nil)
        {
            drafts.append(newDraft(r))
        }
    }

    /// The event a reading goes on with, if any.
    private func continuedDraft(_ r: AttackReading, _ drafts: [Draft]) -> Int? {
        guard let current = drafts.indices.last, !r.coordinated, !r.earlier else { return nil }
        if let p = r.hitPlaces.first { return placedContinuation(r, at: p, drafts, current: current) }
        return unplacedContinuation(r, drafts)
    }

    /// The event a reading that names the place `p` it hit goes on with, if any.
    private func placedContinuation(
        _ r: AttackReading, at p: AttackReading.PlaceMention, _ drafts: [Draft], current: Int
    ) -> Int? {
        // the damage in a district, told by the same source as the city's attack ("… was destroyed in
        // the worst-hit Shevchenkivskyi district, he says"), is that attack's
        if p.district != nil, r.damageOnly, r.target == nil,
            let i = drafts.lastIndex(where: { d in
                d.place.map { $0.name == p.name && $0.district == nil } == true && compatible(r, d)
            })
        {
            return i
        }
        // the same place told again (not necessarily just before)
        // (not a different target hit in its own telling: the hospital, then "a museum … was destroyed after shelling")
        if let i = drafts.lastIndex(where: { d in
            d.place.map { same($0, p) } == true && compatible(r, d) && !otherTarget(r, d)
        }) {
            return i
        }
        // a place within the event's place, adding no toll of its own (or only its damage)
        if !r.hasDetails || r.damageOnly,
            let i = drafts.lastIndex(where: { d in d.place.map { related($0, p) } == true && compatible(r, d) })
        {
            return i
        }
        // places named without details in a night's overview go to the night's totals
        if !r.hasDetails, let i = drafts.lastIndex(where: { $0.isBarrage && compatible(r, $0) }) { return i }
        // an attack told earlier by its target alone, now with its place ("a rocket attack on a train
        // station" … "the deadly strike on the train station in Chaplyne")
        if let t = r.target,
            let i = drafts.lastIndex(where: { d in
                (d.place == nil || d.place.map { related($0, p) || same($0, p) } == true || r.placesInSource)
                    && !d.isBarrage && compatible(r, d)
                    && d.readings.contains { $0.target?.text.lowercased() == t.text.lowercased() }
            })
        {
            return i
        }
        // the event just opened had no place yet: this names it (a place with its own toll after a night's
        // totals or an overview "across Ukraine" is that place's own attack)
        if drafts[current].place == nil, !r.opensNew, r.sentence - drafts[current].last <= 2,
            compatible(r, drafts[current]),
            !((drafts[current].isBarrage || drafts[current].readings.allSatisfy(\.summary)) && r.hasDetails)
        {
            return current
        }
        return nil
    }

    /// The event a reading that names no place goes on with: the attack just told, or the night's barrage.
    private func unplacedContinuation(_ r: AttackReading, _ drafts: [Draft]) -> Int? {
        if r.opensNew && isConcrete(r) { return nil }
        // counts that differ from an event's own are another barrage
        // (how many were shot down is no launch count: "273 drones" … "88 drones were intercepted")
        func countsDiffer(_ d: Draft) -> Bool {
            !r.interception && r.launched > 0
                && d.readings.contains { !$0.interception && $0.launched > 0 && $0.launched != r.launched }
        }
        // what a sentence adds without naming a place goes to the attack just told — but not to a district's
        // own event (it takes only what names it), and a night's targets and totals go to the night's barrage
        // the attack told last takes what follows for longer than one told before it
        // (of two told up to the same sentence, the one opened later: the attack that sentence ended on)
        let latest = drafts.indices.max { (drafts[$0].last, $0) < (drafts[$1].last, $1) }
        let recent = drafts.indices.sorted { (drafts[$0].last, $0) > (drafts[$1].last, $1) }.filter { i in
            let d = drafts[i]
            // "The explosions, which killed one …" refers back further than a sentence that only adds a toll
            let window =
                i == latest ? (r.definite ? 12 : r.killed == nil && r.wounded == nil && d.place != nil ? 8 : 6) : 3
            // an earlier attack named in passing takes only what the next sentence adds ("… died in the blast")
            if d.readings[0].earlier && r.sentence - d.last > 1 { return false }
            return d.place?.district == nil && r.sentence - d.last <= window && compatible(r, d) && !countsDiffer(d)
        }
        // "Russian forces also struck a naval vessel, killing one": another target told as another attack
        if r.alsoAnother, r.target != nil, isConcrete(r), let first = recent.first, drafts[first].place != nil {
            return nil
        }
        if r.killed == nil && r.wounded == nil,
            let b = drafts.indices.reversed().first(where: { i in
                drafts[i].isBarrage && compatible(r, drafts[i]) && r.sentence - drafts[i].last <= 12
                    && !countsDiffer(drafts[i])
            }), recent.first != b, recent.first.map({ drafts[$0].place != nil }) ?? true
        {
            return b
        }
        return recent.first
    }

    /// Events with no place told of the same night by the same side are one: the lede's summary and the
    /// air force's totals given later ("three people were killed in massive overnight strikes" … "Overnight,
    /// Russia launched 635 drones").
    ///
    /// The attacker's own account of a night ("the Russian Defense Ministry said it had carried out a massive
    /// strike overnight"), with no place of its own, is the attack the article told already for that night.
    private func mergeNights(_ drafts: [Draft]) -> [Draft] {
        var out: [Draft] = []
        for d in drafts {
            if d.place == nil, let day = d.when?.day, let actor = d.explicitActor,
                d.readings.first?.selfReported == true,
                d.readings.allSatisfy({ $0.killed == nil && $0.wounded == nil && $0.hitPlaces.isEmpty }),
                let i = out.firstIndex(where: { $0.when?.day == day && $0.explicitActor == actor })
            {
                out[i].readings += d.readings
            } else if d.place == nil, let day = d.when?.day,
                let i = out.firstIndex(where: { o in
                    o.place == nil && o.when?.day == day
                        && (o.explicitActor == nil || d.explicitActor == nil || o.explicitActor == d.explicitActor)
                        && !(o.isBarrage && d.isBarrage)
                })
            {
                out[i].readings += d.readings
                if out[i].explicitActor == nil { out[i].explicitActor = d.explicitActor }
            } else {
                out.append(d)
            }
        }
        return out
    }

    /// Whether a reading can belong to an event: no other explicit side, no other day.
    /// Whether a reading tells of its own attack on a target of another kind than the event's.
    private func otherTarget(_ r: AttackReading, _ d: Draft) -> Bool {
        // told as a new item: the sentence opens on its own day ("On Saturday, a museum …")
        let start = c.sentences[r.sentence].start
        guard let t = r.target, r.hasAttackWord, r.when != nil,
            c.datesBySentence[r.sentence].contains(where: { $0.start - start <= 12 })
        else { return false }
        let told = d.readings.compactMap(\.target)
        return !told.isEmpty && !told.contains { $0.type == t.type }
    }

    private func compatible(_ r: AttackReading, _ d: Draft) -> Bool {
        if let a = r.actor, let b = d.explicitActor, a != b { return false }
        if let t = r.when, let u = d.when, t.day != u.day { return false }
        return true
    }

    /// The same place: same name and the same district (or neither names one).
    private func same(_ a: AttackReading.PlaceMention, _ b: AttackReading.PlaceMention) -> Bool {
        a.name == b.name && a.district == b.district
    }

    /// One place inside the other (a city and its region, a district and its city).
    private func related(_ a: AttackReading.PlaceMention, _ b: AttackReading.PlaceMention) -> Bool {
        // a district described has its own event; the city's does not take it
        if a.district != b.district { return false }
        if a.name == b.name { return true }
        return a.entry?.within == b.name || b.entry?.within == a.name
    }

    // MARK: Time

    /// For each sentence, the day the telling is at: set by the last reading that gives a day, cleared
    /// by one that gives only a month or a year ("in April"). Events without a day of their own take it.
    private func timeContext(_ readings: [AttackReading]) -> [Int: (day: Day, text: String, night: Bool)] {
        var out: [Int: (day: Day, text: String, night: Bool)] = [:]
        var current: (day: Day, text: String, night: Bool)?
        var byS: [Int: AttackReading] = [:]
        for r in readings where byS[r.sentence] == nil { byS[r.sentence] = r }
        for si in c.sentences.indices {
            if let r = byS[si], !r.earlier {
                if let w = r.when { current = w } else if r.vagueTime { current = nil }
            }
            if let current { out[si] = current }
        }
        return out
    }
}
