import WorkbenchModel

/// Who attacked, who reported it, and when.
extension EventReader {
    /// Words that report speech or a finding, after which a party is the source, not the attacker.
    private func isReportVerb(_ k: Int) -> Bool {
        isSpeechCue(k) || isWord(k, .allege)
    }

    /// A speech verb used as one: "continued" in "forces continued shelling" (or "continued to shell") only
    /// says the attack went on.
    func isSpeechCue(_ k: Int) -> Bool {
        guard c.tokens[k].has(.cueForm) else { return false }
        guard k + 1 < c.tokens.count else { return true }
        let next = c.tokens[k + 1]
        return
            !(next.kind == .word && (next.lower.hasSuffix("ing") || next.lower == "to")
            && c.sentenceOfToken[k + 1] == c.sentenceOfToken[k])
    }

    /// The side that attacked, as the sentence says it.
    ///
    /// In order: the weapons' own side when air defence downed them ("Russia said it downed 25 Ukrainian
    /// drones" → Ukraine); a country adjective on the attack or its weapons ("Russian strike", "Ukrainian
    /// drones"); the agent after "by"; a country or its forces as the subject before the attack word
    /// (not one that only reports it); the country the weapons were launched from.
    func readActor(
        in r: Range<Int>, cue: Int, weapons: [WeaponMention], places: [AttackReading.PlaceMention],
        interception: Bool
    ) -> String? {
        if interception, let side = weapons.first(where: { $0.side != nil })?.side { return side }
        if let side = sideBefore(cue, floor: r.lowerBound) { return side }
        if let side = weapons.first(where: { $0.side != nil })?.side, !interception { return side }
        if let agent = agentAfterBy(cue, in: r) { return agent }
        if let subject = subjectBefore(cue, in: r) { return subject }
        if let hit = sideHit(cue, in: r), c.belligerents.count == 2, c.belligerents.contains(hit) {
            return c.belligerents.first { $0 != hit }
        }
        if let launch = places.first(where: { $0.role == .launch }) {
            // "from the Russian-occupied Zaporizhzhia power station": launched by the side that holds it
            if let occupier = occupier(of: launch.token, in: r) { return occupier }
            if let country = launch.entry?.country { return country }
        }
        return nil
    }

    /// "Russian-occupied Kherson", "the occupied … held by Russia": the side an adjective says holds a place.
    private func occupier(of k: Int, in r: Range<Int>) -> String? {
        guard
            let occupied = (max(r.lowerBound, k - 2)..<k).last(where: {
                isWord($0, .control)
            })
        else { return nil }
        for j in stride(from: occupied - 1, through: max(r.lowerBound, occupied - 2), by: -1) {
            if let side = sideNamed(j) { return side }
        }
        return nil
    }

    /// The side whose forces the attack hit: "killed scores of Russian soldiers", "destroyed key Russian
    /// targets" (the object of an attack word), "nine Russian warplanes were destroyed" (a passive's subject).
    func sideHit(_ cue: Int, in r: Range<Int>) -> String? {
        for k in r where isWord(k, .forces) {
            // the side's adjective or name just before the noun ("Russian soldiers", "Russia's Black Sea Fleet")
            guard
                let j = stride(from: k - 1, through: max(r.lowerBound, k - 3), by: -1).first(where: {
                    sideNamed($0) != nil
                }),
                let side = sideNamed(j)
            else { continue }
            let object = (max(r.lowerBound, j - 4)..<j).contains { hits($0) }
            let passive =
                (k + 1..<min(r.upperBound, k + 3)).contains { Grammar.passiveAuxiliaries.contains(w($0)) }
                && (k + 2..<min(r.upperBound, k + 5)).contains { hits($0) }
            if object || passive { return side }
        }
        return nil
    }

    /// Whether token `k` says something was hit or its people killed.
    private func hits(_ k: Int) -> Bool {
        isWord(k, .attack) || isWord(k, .killed) || isWord(k, .damage)
            || isWord(k, .hitverb)
    }

    /// The country a demonym or a side's name at `k` names.
    private func sideNamed(_ k: Int) -> String? {
        guard let e = c.entity(at: k) else { return nil }
        let p = c.parties[e.party]
        if p.kind == .country { return p.name }
        if let a = p.affiliation, isCountry(a), p.kind == .military || e.form == .group { return a }
        return nil
    }

    /// The side a reporter's words belong to: the first country, force or ministry named in them.
    func side(of range: Range<Int>) -> String? {
        range.lazy.compactMap { self.countryOf($0, agencies: true) }.first
    }

    /// The country a party names: itself, or the country its forces belong to.
    private func countryOf(_ k: Int, agencies: Bool = false) -> String? {
        guard let e = c.entity(at: k) else { return nil }
        let p = c.parties[e.party]
        if p.kind == .country { return p.name }
        // a side's forces, groups and ministries ("the Russian Defense Ministry said it had carried out …")
        if p.kind == .military || (agencies && p.kind == .agency) || e.form == .group, let a = p.affiliation,
            isCountry(a)
        {
            return a
        }
        return nil
    }

    /// "… by Russian forces", "by Russia"; "the drone attack from Russia" (one of the sides at war: drones
    /// "from Belarus" were still launched by someone else).
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
            if w(k) == "from", k == cue + 1, k + 1 < r.upperBound, let country = countryOf(k + 1),
                c.belligerents.contains(country),
                c.party(at: k + 1)?.kind == .country
            {
                return country
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
            if let country = countryOf(k)
                ?? countryOf(k, agencies: true).flatMap({ a in selfReport(after: k, cue: cue) ? a : nil })
            {
                // "Ukraine said Russia attacked": a party followed by a report verb before the attack is the
                // source — unless what it reports is its own attack ("the military said it struck …")
                let between = (k + 1)..<cue
                // "Ukrainian authorities interpreted the attack as payback": who judges an attack did not make it
                if between.contains(where: { isWord($0, .comment) }) { return nil }
                // "Russia suffered a new blow when a series of explosions …": the side that undergoes it was hit
                // (its verb right after it: not "Mariupol, … which has suffered a six-week assault")
                if let verb = between.first(where: { !Grammar.auxiliaries.contains(w($0)) }), isWord(verb, .undergo) {
                    return c.belligerents.count == 2 && c.belligerents.contains(country)
                        ? c.belligerents.first { $0 != country } : nil
                }
                if let v = between.first(where: { isReportVerb($0) }) {
                    var j = v + 1
                    while j < cue, c.dateToken[j] { j += 1 }  // "said Saturday it had …"
                    if j < cue, w(j) == "that" { j += 1 }
                    if j < cue, Grammar.nonPersonPronouns.contains(w(j)) { return country }
                    return nil
                }
                // "killed scores of Russian soldiers and destroyed …": the object of an earlier verb, not the subject
                let first = c.entity(at: k)?.range.lowerBound ?? k
                if (max(r.lowerBound, first - 4)..<first).contains(where: { hits($0) }) {
                    k = first - 1
                    continue
                }
                // "the Ukrainian capital was hit": a place, not an agent (a locative or passive use)
                if k > r.lowerBound, ["in", "on", "at", "over", "near", "of", "against", "into"].contains(w(k - 1)) {
                    k -= 1
                    continue
                }
                // "In the Ukrainian capital, many suspect …": the demonym names a city there
                if k + 1 < r.upperBound, w(k + 1) == "capital" {
                    k -= 1
                    continue
                }
                if (k + 1..<cue).contains(where: { Grammar.passiveAuxiliaries.contains(w($0)) }) {
                    k -= 1
                    continue
                }
                return country
            }
            k -= 1
        }
        return nil
    }

    /// "… said (Saturday) (that) it had carried out …": the reporter tells of its own side's attack.
    private func selfReport(after k: Int, cue: Int) -> Bool {
        guard let v = ((k + 1)..<cue).first(where: { isReportVerb($0) }) else { return false }
        var j = v + 1
        while j < cue, c.dateToken[j] { j += 1 }
        if j < cue, w(j) == "that" { j += 1 }
        return j < cue && Grammar.nonPersonPronouns.contains(w(j))
    }

    /// Who reported it: "according to X"; the source closing the sentence ("…, the governor said"); the
    /// subject of a speech verb opening it ("Officials said …"); else a speaker the quotes pass found. A
    /// pronoun with no party behind it names nobody.
    func readReporter(in r: Range<Int>) -> (name: String, range: Range<Int>?)? {
        var k = r.lowerBound
        while k + 2 < r.upperBound {
            if w(k) == "according", w(k + 1) == "to" {
                let end =
                    (k + 2..<min(r.upperBound, k + 10)).first { [",", ".", ";", "—", "–"].contains(c.tokens[$0].text) }
                    ?? min(r.upperBound, k + 10)
                if end > k + 2 { return (reporterName((k + 2)..<end), (k + 2)..<end) }
            }
            k += 1
        }
        // "…, the region's governor said." / "…, Ukraine's air force said, adding …" (not "were reported wounded")
        for cue in r
        where c.tokens[cue].has(.cueForm) && isReportVerb(cue) && !c.quoted(cue)
            && !(cue > r.lowerBound && Grammar.beForms.contains(w(cue - 1)))
        {
            if let comma = (max(r.lowerBound, cue - 9)..<cue).last(where: {
                c.tokens[$0].text == "," || c.tokens[$0].kind == .quote
            }), cue - comma >= 2,
                (comma + 1..<cue).allSatisfy({
                    (c.tokens[$0].kind == .word || ["’s", "'s", "-"].contains(c.tokens[$0].text)) && !c.quoted($0)
                })
            {
                if let name = sourceName((comma + 1)..<cue) { return (name, (comma + 1)..<cue) }
            }
            if cue - r.lowerBound >= 1, cue - r.lowerBound <= 8,
                (r.lowerBound..<cue).allSatisfy({
                    c.tokens[$0].kind == .word || ["’s", "'s", "-"].contains(c.tokens[$0].text)
                })
            {
                if let name = sourceName(r.lowerBound..<cue) { return (name, r.lowerBound..<cue) }
            }
        }
        // a passive report verb names what was reported, not who ("Three more deaths were reported in …")
        for ev in c.speechBySentence[c.sentenceOfToken[r.lowerBound]]
        where r.contains(ev.cue.lowerBound)
            && !(ev.cue.lowerBound > r.lowerBound
                && Grammar.beForms.contains(w(ev.cue.lowerBound - 1)))
        {
            if let s = ev.speaker, !s.isEmpty, let name = sourceName(s) { return (name, s) }
            if let p = ev.party { return (c.parties[p].name, nil) }
        }
        return nil
    }

    /// A source as written, trimmed of auxiliaries ("officials have said"), or nil for a pronoun or a word
    /// that names nobody.
    private func sourceName(_ range: Range<Int>) -> String? {
        var r = range
        while r.count > 1, Grammar.auxiliaries.contains(w(r.upperBound - 1)) { r = r.lowerBound..<(r.upperBound - 1) }
        if r.count == 1,
            Grammar.subjectPronouns.contains(w(r.lowerBound)) || Grammar.objectPronouns.contains(w(r.lowerBound))
                || Grammar.relativePronouns.contains(w(r.lowerBound))
        {
            return nil
        }
        if r.count == 1, c.tokens[r.lowerBound].kind == .number || NumberReader.wordValue(w(r.lowerBound)) != nil {
            return nil
        }
        return reporterName(r)
    }

    /// How a reporter is named: a person by name; a country behind a group or a role ("Ukrainian officials",
    /// "Russia's defence ministry") as written, whose words say more.
    private func reporterName(_ range: Range<Int>) -> String {
        var range = range
        // "the Ukrainian air force" is named without its article
        if range.count > 1, Grammar.articles.contains(w(range.lowerBound)) {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        let written = c.text(tokens: range)
        guard let e = (range.lowerBound..<range.upperBound).lazy.compactMap({ self.c.entity(at: $0) }).first else {
            return written
        }
        let p = c.parties[e.party]
        if p.kind == .person && e.range.count >= range.count - 3 { return p.name }
        if p.kind == .country || e.form == .group || range.count > e.range.count { return written }
        return p.name
    }

    /// When the attack happened, from the sentence's dates: not a date the report was made on ("officials
    /// said on Saturday"); an overnight attack dates from the evening it began.
    func readWhen(in r: Range<Int>, sentence si: Int, cues: [Int]) -> (
        day: (day: Day, text: String, night: Bool)?, vague: Bool
    ) {
        var vague = false
        // "overnight" dates the attack of its sentence wherever it stands ("…, Ukraine, overnight Tuesday, the
        // mayor said"); a day that agrees with it ("Earlier on Saturday, … overnight") is the report's
        let night =
            cues.isEmpty
            ? nil
            : c.datesBySentence[si].first { d in
                d.grain == .night && d.value != nil
                    && firstToken(from: d.start, in: r).map { !isReportDate($0, in: r) } == true
            }.flatMap { d in d.value.flatMap(Day.init(iso:)).map { (day: $0, text: d.text, night: true) } }
        for d in c.datesBySentence[si] {
            guard let first = firstToken(from: d.start, in: r), !isReportDate(first, in: r),
                datesAnAttack(first, cues: cues, in: r)
            else { continue }
            guard let v = d.value.flatMap(Day.init(iso:)) else { continue }
            let grain = d.grain ?? .day
            if grain == .night { return ((v, d.text, true), false) }
            if grain == .day {
                // "in the early hours of Thursday": the night before
                if first >= r.lowerBound + 2, w(first - 1) == "of", w(first - 2) == "hours" {
                    return ((v.adding(days: -1), d.text, true), false)
                }
                if let night, v == night.day || v == night.day.adding(days: 1) { return (night, false) }
                return ((v, d.text, false), false)
            }
            vague = true
        }
        if let night { return (night, false) }
        return (nil, vague)
    }

    /// The first token of `r` starting at or after scalar `start`.
    func firstToken(from start: Int, in r: Range<Int>) -> Int? { c.firstToken(from: start, in: r) }

    /// Whether the date at token `k` dates one of the attack words `cues` (sorted): only cues within 12
    /// tokens can, unless the date opens the sentence or follows "took place", so few are tried.
    private func datesAnAttack(_ k: Int, cues: [Int], in r: Range<Int>) -> Bool {
        guard let nearest = cues.min(by: { abs($0 - k) < abs($1 - k) }) else { return false }
        if abs(nearest - k) <= 12 { return cues.contains { abs($0 - k) <= 12 && datesTheAttack(k, cue: $0, in: r) } }
        return datesTheAttack(k, cue: nearest, in: r)
    }

    /// Whether a date dates the clause of the attack word: in the same stretch between commas, close to
    /// it, or set before the sentence's main clause ("Overnight, Russia launched …").
    private func datesTheAttack(_ k: Int, cue: Int, in r: Range<Int>) -> Bool {
        if abs(k - cue) <= 8 { return true }
        // "the attack, which took place Wednesday"
        if (max(r.lowerBound, k - 3)..<k).contains(where: {
            isWord($0, .occur)
        }) {
            return true
        }
        if abs(k - cue) > 12 && !(k <= r.lowerBound + 6) { return false }
        let (a, b) = (min(k, cue), max(k, cue))
        if !(a..<b).contains(where: { [",", ";", ":", "—", "–"].contains(c.tokens[$0].text) }) { return true }
        // a date in the sentence's opening phrase, before its first comma ("In the early hours of Thursday, …")
        var e = k
        while e < r.upperBound && c.dateToken[e] { e += 1 }
        let opening =
            k <= r.lowerBound + 6 && !(r.lowerBound..<k).contains { [",", ";", ":"].contains(c.tokens[$0].text) }
        return opening && e < r.upperBound && c.tokens[e].text == ","
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
