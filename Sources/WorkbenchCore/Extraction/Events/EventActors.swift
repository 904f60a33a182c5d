/// Who attacked, who reported it, and when.
extension EventReader {
    /// Words that report speech or a finding, after which a party is the source, not the attacker.
    private func isReportVerb(_ k: Int) -> Bool {
        c.tokens[k].has(Lexicon.cueFormBit) || ["reported", "accused", "blamed", "denied", "claimed", "alleged"].contains(w(k))
    }

    /// The side that attacked, as the sentence says it.
    ///
    /// In order: the weapons' own side when air defence downed them ("Russia said it downed 25 Ukrainian
    /// drones" → Ukraine); a country adjective on the attack or its weapons ("Russian strike", "Ukrainian
    /// drones"); the agent after "by"; a country or its forces as the subject before the attack word
    /// (not one that only reports it); the country the weapons were launched from.
    func readActor(in r: Range<Int>, cue: Int, weapons: [WeaponMention], places: [AttackReading.PlaceMention],
                   interception: Bool) -> String? {
        if interception, let side = weapons.first(where: { $0.side != nil })?.side { return side }
        if let side = sideBefore(cue, floor: r.lowerBound) { return side }
        if let side = weapons.first(where: { $0.side != nil })?.side, !interception { return side }
        if let agent = agentAfterBy(cue, in: r) { return agent }
        if let subject = subjectBefore(cue, in: r) { return subject }
        if let launch = places.first(where: { $0.role == .launch })?.entry?.country { return launch }
        return nil
    }

    /// The country a party names: itself, or the country its forces belong to.
    private func countryOf(_ k: Int) -> String? {
        guard let e = c.entity(at: k) else { return nil }
        let p = c.parties[e.party]
        if p.kind == "country" { return p.name }
        if p.kind == "military" || e.form == .group, let a = p.affiliation, isCountry(a) { return a }
        return nil
    }

    /// "… by Russian forces", "by Russia".
    private func agentAfterBy(_ cue: Int, in r: Range<Int>) -> String? {
        var k = cue + 1
        while k < min(r.upperBound, cue + 6) {
            if w(k) == "by" {
                var j = k + 1
                while j < min(r.upperBound, k + 4) {
                    if let country = countryOf(j) { return country }
                    j += 1
                }
                return nil
            }
            if c.tokens[k].kind == .punct { return nil }
            k += 1
        }
        return nil
    }

    /// The nearest country or armed force before the attack word that is its subject, not a source.
    private func subjectBefore(_ cue: Int, in r: Range<Int>) -> String? {
        var k = cue - 1
        while k >= r.lowerBound {
            if let country = countryOf(k) {
                // "Ukraine said Russia attacked": a party followed by a report verb before the attack is the source
                let between = (k + 1)..<cue
                if between.contains(where: { isReportVerb($0) }) { return nil }
                // "the Ukrainian capital was hit": a place, not an agent (a locative or passive use)
                if k > r.lowerBound, ["in", "on", "at", "over", "near", "of", "against", "into"].contains(w(k - 1)) { k -= 1; continue }
                if (k + 1..<cue).contains(where: { ["was", "were", "been"].contains(w($0)) }) { k -= 1; continue }
                return country
            }
            k -= 1
        }
        return nil
    }

    /// Who reported it: "according to X", or the speaker of a speech verb in the sentence, named as written
    /// when the party is only a country behind a group ("Ukrainian officials", "the region's head").
    func readReporter(in r: Range<Int>) -> String? {
        var k = r.lowerBound
        while k + 2 < r.upperBound {
            if w(k) == "according", w(k + 1) == "to" {
                var j = k + 2
                while j < min(r.upperBound, k + 9) {
                    if c.entityAt[j] >= 0 { return reporterName(c.entities[c.entityAt[j]].range) }
                    j += 1
                }
                let end = (k + 2..<min(r.upperBound, k + 8)).first { c.tokens[$0].kind == .punct } ?? min(r.upperBound, k + 8)
                if end > k + 2 { return c.text(tokens: (k + 2)..<end) }
            }
            k += 1
        }
        for ev in c.speech where r.contains(ev.cue.lowerBound) {
            if let s = ev.speaker, !s.isEmpty { return reporterName(s) }
        }
        return nil
    }

    /// How a reporter is named: the party's name, unless it is a country behind a group or role
    /// ("Ukrainian officials", "Russia's defence ministry"), whose own words say more.
    private func reporterName(_ range: Range<Int>) -> String {
        let written = c.text(tokens: range)
        guard let e = c.entity(at: range.lowerBound) else { return written }
        let p = c.parties[e.party]
        if p.kind == "country" && (e.form == .group || e.form == .demonym || range.count > e.range.count) { return written }
        if e.form == .group { return written }
        return p.name
    }

    /// When the attack happened, from the sentence's dates: not a date the report was made on ("officials
    /// said on Saturday"); an overnight attack dates from the evening it began.
    func readWhen(in r: Range<Int>, sentence si: Int) -> (day: (day: Day, text: String, night: Bool)?, vague: Bool) {
        var vague = false
        for d in c.dates where d.sentence == si {
            guard let first = r.first(where: { c.tokens[$0].start >= d.start }), !isReportDate(first, in: r) else { continue }
            guard let v = d.value.flatMap(Day.init(iso:)) else { continue }
            let grain = d.grain ?? "day"
            if grain == "night" { return ((v, d.text, true), false) }
            if grain == "day" {
                // "in the early hours of Thursday": the night before
                if first >= r.lowerBound + 2, w(first - 1) == "of", w(first - 2) == "hours" { return ((v.adding(days: -1), d.text, true), false) }
                return ((v, d.text, false), false)
            }
            vague = true
        }
        return (nil, vague)
    }

    /// Whether the date at token `k` dates the report rather than the attack: right after a report verb
    /// ("said on Saturday", "said late Friday") or right before one ("… on Friday said").
    private func isReportDate(_ k: Int, in r: Range<Int>) -> Bool {
        var j = k - 1
        var steps = 0
        while j >= r.lowerBound && steps < 3 {
            if isReportVerb(j) { return true }
            guard ["on", "late", "early", "this", "last", "in"].contains(w(j)) else { break }
            j -= 1
            steps += 1
        }
        var e = k
        while e < r.upperBound && c.dateToken[e] { e += 1 }
        return e < r.upperBound && isReportVerb(e)
    }
}
