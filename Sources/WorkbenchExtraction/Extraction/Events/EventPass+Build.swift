import WorkbenchModel

/// Turning a gathered draft into the model's `StrikeEvent`.
extension EventPass {
    /// The event a draft describes: the details of its readings, the anchor sentence as evidence, and
    /// the actor and day worked out when no reading gives them.
    func build(_ d: Draft, timeContext: [Int: (day: Day, text: String, night: Bool)]) -> StrikeEvent {
        let rs = d.readings.sorted { $0.sentence < $1.sentence }
        let anchor = d.anchor
        let s = c.sentences[anchor]
        var weapons: [Weapon] = []
        for r in rs {
            for var w in r.weapons {
                if r.interception, w.count != nil { w.destroyed = w.count }
                if let i = weapons.firstIndex(where: { $0.name == w.name }) {
                    // how many were shot down is not how many were launched
                    if weapons[i].count == nil, !r.interception {
                        weapons[i].count = w.count
                        weapons[i].approximate = w.approximate
                        weapons[i].qualifier = w.qualifier
                    }
                    if weapons[i].destroyed == nil { weapons[i].destroyed = w.destroyed }
                } else if !(w.count == nil
                    && weapons.contains { $0.category == w.category && $0.name.hasSuffix(w.name) })
                {
                    weapons.append(w)
                }
            }
        }
        // shelling names its weapon: artillery
        if weapons.isEmpty || !weapons.contains(where: { $0.category == "artillery" }),
            rs.contains(where: { r in r.shelling }),
            let artillery = c.lexicon.weapons.first(where: { $0.name == "artillery" })
        {
            if !weapons.contains(where: { $0.category == "artillery" }) {
                weapons.append(Weapon(name: artillery.name, category: artillery.category, count: nil, destroyed: nil))
            }
        }
        // the latest figure is the largest: tolls rise as the dead are found
        let killed = rs.compactMap(\.killed).max { $0.value < $1.value }
        let wounded = rs.compactMap(\.wounded).max { $0.value < $1.value }
        let target = (rs.first { $0.sentence == anchor && $0.target != nil } ?? rs.first { $0.target != nil })?.target
        let when = d.when ?? (rs.contains { $0.vagueTime || $0.earlier } ? nil : timeContext[anchor])
        var whenValue: String?
        if let w = when { whenValue = w.night ? "\(w.day.iso)/\(w.day.adding(days: 1).iso)" : w.day.iso }
        let placeName = d.place.map { p in p.district.map { $0 == p.name ? $0 : "\($0), \(p.name)" } ?? p.name }
        let kind: StrikeEvent.Kind = d.isBarrage ? .barrage : (d.place != nil || target != nil ? .strike : .attack)
        return StrikeEvent(
            kind: kind, actor: d.explicitActor ?? fallbackActor(d), target: target?.text,
            targetType: target?.type ?? "unknown", place: placeName,
            launchPlace: rs.lazy.flatMap(\.places).first { $0.role == .launch }?.written,
            weapons: weapons, killed: killed?.value, wounded: wounded?.value,
            killedApproximate: killed?.approximate ?? false, woundedApproximate: wounded?.approximate ?? false,
            reportedBy: reporter(rs, anchor: anchor, placed: d.place != nil),
            when: whenValue, whenText: when?.text, text: c.text(s.start, s.end), start: s.start, end: s.end,
            sentence: anchor, evidence: Array(Set(rs.map(\.sentence))).sorted())
    }

    /// Who reported it: for a night's totals, whoever gave the counts ("Overnight, Russia launched 635 drones …,
    /// Ukraine's air force said" after "officials said three people were killed"); else the anchor's source,
    /// else the first source named.
    private func reporter(_ rs: [AttackReading], anchor: Int, placed: Bool) -> String? {
        if !placed,
            let counts = rs.filter({ $0.launched > 0 && $0.reporter != nil && !$0.quoted }).max(by: {
                $0.launched < $1.launched
            })
        {
            return counts.reporter
        }
        return (rs.first { $0.sentence == anchor && $0.reporter != nil } ?? rs.first { $0.reporter != nil })?.reporter
    }

    /// When no sentence names the attacker: the side opposite the one whose place was hit, among the
    /// two countries the article is about (a Russian strike on Kharkiv, a Ukrainian one on Belgorod).
    private func fallbackActor(_ d: Draft) -> String? {
        guard let entry = d.place?.entry, let hitCountry = entry.heldBy ?? entry.country else { return nil }
        let sides = belligerents
        guard sides.count == 2, sides.contains(hitCountry) else { return nil }
        return sides.first { $0 != hitCountry }
    }
    var belligerents: [String] { c.belligerents }
}
