import Foundation

/// Reads one sentence at a time for what it says about an attack (see `AttackReading`).
struct EventReader {
    let c: PassContext

    init(_ context: PassContext) { c = context }

    typealias Phrases = [(range: Range<Int>, role: EventPhraseRole)]

    /// Whether token `k` is a word of `role` (event_words.tsv).
    func isWord(_ k: Int, _ role: EventWordRole) -> Bool { c.isWord(k, role) }

    /// Whether `word` (lowercased) is a word of `role`.
    func isWord(_ word: String, _ role: EventWordRole) -> Bool { c.isWord(word, role) }

    /// The lowercased token `k`.
    func w(_ k: Int) -> String { c.tokens[k].lower }

    /// Every steering phrase in `r` (event_phrases.tsv), as token ranges with their role.
    func phrases(in r: Range<Int>) -> [(range: Range<Int>, role: EventPhraseRole)] {
        var out: [(Range<Int>, EventPhraseRole)] = []
        let matcher = c.lexicon.eventPhraseMatcher
        var k = r.lowerBound
        while k < r.upperBound {
            // (a word that starts no phrase is passed over without a call)
            if c.tokens[k].mayHave(matcher.bit), let m = matcher.match(c.tokens, at: k, limit: r.upperBound) {
                out.append((k..<(k + m.length), m.payload))
                k += m.length
            } else {
                k += 1
            }
        }
        return out
    }

    /// The attack words of a sentence: attack, shelling and explosion words, outside steering phrases
    /// that make them something else ("after the attack", "air defences").
    func attackCues(in r: Range<Int>, phrases: [(range: Range<Int>, role: EventPhraseRole)]) -> [Int] {
        let covered = phrases.filter { $0.role == .reference }.flatMap { Array($0.range) }
        let phraseCues = phrases.filter { $0.role == .attack }.map(\.range.lowerBound)
        return r.filter { k in
            // only flagged words can be attack words (one bit test before any lookup)
            guard c.tokens[k].has(.event) else { return false }
            return phraseCues.contains(k)
                || (c.tokens[k].kind == .word && !covered.contains(k)
                    && (isWord(k, .attack) || isWord(k, .shelling) || isWord(k, .explosion) || isWord(k, .damage)))
        }
    }

    /// Reads sentence `si`: one reading per attack it reports (none when it reports none).
    func read(_ si: Int) -> [AttackReading] {
        var r = c.sentences[si].tokens
        // a sentence without an attack, toll or weapon word reports no strike, whole or in parts
        guard r.contains(where: { c.tokens[$0].has([.event, .weapon]) }) else { return [] }
        // "…, comparing it to the attack on New Year's Eve in which 90 Shaheds were launched": what
        // follows the comparison is another attack, named only to measure this one
        if let cut = phrases(in: r).first(where: { $0.role == .comparison })?.range.lowerBound, cut > r.lowerBound {
            r = r.lowerBound..<cut
        }
        // "The attack on the hospital came just a week after a deadly strike on a residential building in
        // Vilniansk that killed 11": what follows the offset is an earlier attack of its own
        if let (after, offset) = earlierAttackStart(in: r) {
            let earlier = read(si, (after + 1)..<r.upperBound).map { reading -> AttackReading in
                var e = reading
                e.earlier = true
                // "a week after …": some other day, which the sentence does not give
                if offset { e.when = nil }
                return e
            }
            if !earlier.isEmpty { return read(si, r.lowerBound..<after) + earlier }
        }
        // "… a drone had struck a petrol station in Kharkiv, and explosions were also heard in Sumy": two attacks
        if let cut = clauseSplit(in: r) {
            let parts = [r.lowerBound..<cut, cut..<r.upperBound].flatMap { read(si, $0) }
            if parts.count >= 2 { return parts }
        }
        return read(si, r)
    }

    /// Word pairs that tie an attack to an earlier one ("in retaliation for", "linked to").
    private static let causalLinks: [(String, String)] = [
        ("linked", "to"), ("retaliation", "for"), ("response", "to"), ("revenge", "for"), ("payback", "for"),
    ]

    /// Where an earlier attack named to explain or date the one told begins: after the "after" of "a week
    /// after", "two days after", or after "linked to", "retaliation for", "response to" — when an attack or
    /// explosion word follows (not "after the attack", the same one). `offset` says a time span separates them.
    private func earlierAttackStart(in r: Range<Int>) -> (at: Int, offset: Bool)? {
        for a in r where a - 1 >= r.lowerBound && a + 1 < r.upperBound {
            // "after", or the second word of a causal link
            let word = w(a)
            guard word == "after" || word == "to" || word == "for" else { continue }
            let offset = word == "after" && Grammar.calendarSpans.contains(w(a - 1))
            guard offset || Self.causalLinks.contains(where: { $0.0 == w(a - 1) && $0.1 == w(a) }) else { continue }
            // "a week after the attack" dates a report of the same attack
            if Grammar.definiteDeterminers.contains(w(a + 1)) { continue }
            let span = (a + 1)..<min(r.upperBound, a + (offset ? 6 : 16))
            if span.contains(where: {
                isWord($0, .attack) || isWord($0, .explosion)
                    || (!offset && c.tokens[$0].has(.weapon))
            }) {
                return (a, offset)
            }
        }
        return nil
    }

    /// Where a sentence joins two attack reports, each with its own place: ", and" or ";" before a clause
    /// that has an attack word and a place of its own. (Running counts keep it linear in the sentence.)
    private func clauseSplit(in r: Range<Int>) -> Int? {
        // attacks[i], places[i]: attack words and capitalised places among the first i tokens of r
        var attacks = [0]
        var places = [0]
        attacks.reserveCapacity(r.count + 1)
        places.reserveCapacity(r.count + 1)
        for k in r {
            let flagged = c.tokens[k].has(.event)
            let attack = flagged && (isWord(k, .attack) || isWord(k, .explosion) || isWord(k, .shelling))
            attacks.append(attacks.last! + (attack ? 1 : 0))
            places.append(places.last! + (c.tokens[k].has(.place) && c.tokens[k].isCapitalized ? 1 : 0))
        }
        func attackWithPlace(_ part: Range<Int>) -> Bool {
            let a = part.lowerBound - r.lowerBound
            let b = part.upperBound - r.lowerBound
            return attacks[b] > attacks[a] && places[b] > places[a]
        }
        for k in r
        where (w(k) == "," && k + 1 < r.upperBound && Grammar.contrastConjunctions.contains(w(k + 1))) || w(k) == ";" {
            if attackWithPlace(r.lowerBound..<k) && attackWithPlace((k + 1)..<r.upperBound) { return k + 1 }
        }
        return nil
    }

    /// Reads the tokens `r` of sentence `si` (the whole sentence, or one of its clauses).
    private func read(_ si: Int, _ r: Range<Int>) -> [AttackReading] {
        // a sentence without an attack, toll or weapon word reports no strike (one flag test per token)
        guard r.contains(where: { c.tokens[$0].has([.event, .weapon]) }) else { return [] }
        let found = phrases(in: r)
        let cues = attackCues(in: r, phrases: found)
        let weapons = readWeapons(in: r).filter { !isAircraftHit($0, in: r) }
        let tolls = readTolls(in: r)
        let interception = isInterception(weapons, phrases: found, in: r)
        // counted weapons are a launch report only with an attack word or air defence ("1,390 tanks" lost is none)
        guard !cues.isEmpty || tolls.killed != nil || tolls.wounded != nil || interception else { return [] }
        let cue = cues.first ?? weapons.first?.token ?? tolls.token ?? r.lowerBound
        var reading = AttackReading(sentence: si, cue: cue)
        reading.weapons = mergeWeapons(weapons.map(\.weapon))
        if cues.isEmpty && !interception {
            reading.weapons = reading.weapons.map {
                var w = $0
                w.count = nil
                w.qualifier = nil
                return w
            }
        }
        reading.killed = tolls.killed
        reading.wounded = tolls.wounded
        reading.noCasualties = tolls.none
        reading.namedVictims = tolls.namedOnly
        reading.pluralCuesOnly =
            !cues.isEmpty
            && cues.allSatisfy {
                isWord($0, .attackplural)
            }
        reading.interception = interception
        reading.explosionOnly = !cues.isEmpty && cues.allSatisfy { isWord($0, .explosion) }
        reading.damageOnly = !cues.isEmpty && cues.allSatisfy { isWord($0, .damage) }
        let source = readReporter(in: r)
        reading.reporter = source?.name
        // a place in the source's name ("Authorities in the Chernihiv region said …") is where the source answers
        // for: the place hit when the sentence names no other
        var places = readPlaces(in: r)
        // "… pleaded for Russia to end operations near the nuclear plant - but Nikopol came under fire …": the
        // attack's clause names its place
        if let turn = (r.lowerBound..<cue).last(where: { ["but", "while", "whereas", ";"].contains(w($0)) }),
            places.contains(where: { $0.token > turn })
        {
            places.removeAll { $0.token < turn }
        }
        let inSource = places.filter { p in source?.range.map { $0.contains(p.token) } ?? false }
        reading.places = places.filter { p in !inSource.contains { $0.token == p.token } } + inSource
        reading.placesInSource = !places.isEmpty && inSource.count == places.count
        reading.hasAttackWord = !cues.isEmpty
        reading.target = readTarget(in: r, cues: cues)
        // told inside quotation marks, unless the sentence names the place or target outside them
        // ("In Kyiv's Podilsky district, a healthcare centre was “almost completely destroyed”")
        reading.quoted = c.quoted(cue) && reading.places.isEmpty && reading.target == nil
        reading.actor = readActor(in: r, cue: cue, weapons: weapons, places: reading.places, interception: interception)
        if let actor = reading.actor, let range = source?.range { reading.selfReported = side(of: range) == actor }
        // a sentence with only a toll dates the count, not the attack ("the toll had risen to 10 by Sunday")
        if !cues.isEmpty {
            let time = readWhen(in: r, sentence: si, cues: cues)
            reading.when = time.day
            reading.vagueTime = time.vague
        }
        reading.opensNew = opensNew(r, phrases: found)
        reading.shelling = cues.contains { isWord($0, .shelling) } && !c.quoted(cue)
        reading.alsoAnother = (max(r.lowerBound, cue - 3)..<cue).contains { w($0) == "also" }
        reading.definite =
            Grammar.demonstratives.contains(w(r.lowerBound)) && cue <= r.lowerBound + 3
            && (isWord(cue, .attack) || isWord(cue, .explosion))
        reading.summary =
            found.contains { $0.role == .summary } || (reading.hitPlaces.count >= 3 && !reading.hasDetails)
        reading.blocked = blocker(in: r, cue: cue, cues: cues, phrases: found, reading: reading)
        if EventPass.debug, let b = reading.blocked {
            FileHandle.standardError.write(Data("s\(si) blocked: \(b.rawValue)\n".utf8))
        }
        if let two = coordinated(reading, cues: cues, in: r) { return two }
        return split(reading, in: r)
    }

    /// Aircraft told as what was hit ("nine Russian warplanes were destroyed … at an air base"): a target, not
    /// the weapon of the attack.
    private func isAircraftHit(_ m: WeaponMention, in r: Range<Int>) -> Bool {
        guard m.weapon.category == "aircraft", !["air strike", "airstrike"].contains(c.w(m.token)) else { return false }
        let after = m.end..<min(r.upperBound, m.end + 4)
        guard let be = after.first(where: { Grammar.passiveAuxiliaries.contains(w($0)) }) else { return false }
        return ((be + 1)..<min(r.upperBound, be + 3)).contains {
            isWord($0, .damaged)
        }
    }

    /// Air defence downing counted weapons: "shot down 25 drones", "25 drones were intercepted" (not
    /// "launched 635 drones …, adding that 621 of them were downed", where the launch is the report).
    private func isInterception(_ weapons: [WeaponMention], phrases: Phrases, in r: Range<Int>) -> Bool {
        let downing = phrases.filter { $0.role == .interception }
        guard !downing.isEmpty else { return false }
        for m in weapons where m.weapon.count != nil {
            // the count's first token: the figure that ends at the weapon
            let start =
                c.figuresBySentence[c.sentenceOfToken[r.lowerBound]].last { $0.end == c.tokens[m.end - 1].end }
                .flatMap { f in firstToken(from: f.start, in: r) } ?? m.token
            for p in downing {
                if p.range.upperBound <= start && start - p.range.upperBound <= 3 { return true }
                if p.range.lowerBound >= m.end && p.range.lowerBound - m.end <= 3 { return true }
            }
        }
        return false
    }

    /// Whether the sentence opens another attack ("Elsewhere,", "Meanwhile,", "In other developments").
    private func opensNew(_ r: Range<Int>, phrases: [(range: Range<Int>, role: EventPhraseRole)]) -> Bool {
        if phrases.contains(where: { $0.role == .newevent && $0.range.lowerBound <= r.lowerBound + 1 }) { return true }
        // "Another 60,000 consumers were left without power in …" (not "another person was wounded", a toll)
        if w(r.lowerBound) == "another", !isWord(min(r.lowerBound + 1, r.upperBound - 1), .victim),
            !["person", "people", "two", "three", "four", "five", "one"].contains(
                w(min(r.lowerBound + 1, r.upperBound - 1)))
        {
            return true
        }
        return r.prefix(3).contains { isWord($0, .newevent) }
    }

    /// "Russian forces launched a missile attack on the Kyiv area … and pounded the Chernihiv region", "rockets hit a
    /// school in Kharkiv and another attack occurred an hour later": two attacks in one sentence.
    private func coordinated(_ reading: AttackReading, cues: [Int], in r: Range<Int>) -> [AttackReading]? {
        guard reading.blocked == nil, let firstCue = cues.first else { return nil }
        for k in r where k > firstCue && w(k) == "and" {
            let after = (k + 1)..<min(r.upperBound, k + 4)
            let another = after.lowerBound < r.upperBound && w(after.lowerBound) == "another"
            guard
                let cue2 = after.first(where: { j in
                    cues.contains(j) && isWord(j, .attack) && (another || c.tokens[j].lower.hasSuffix("ed"))
                })
            else { continue }
            let before = reading.places.filter { $0.token < k }
            let later = reading.places.filter { $0.token > k }
            if !another {
                guard before.contains(where: { $0.role == .hit }), let p = later.first(where: { $0.role == .hit }),
                    !before.contains(where: { $0.name == p.name })
                else { continue }
            }
            var first = reading
            first.places = before
            var second = reading
            second.places = another ? before : later
            second.cue = cue2
            second.weapons = []
            second.killed = nil
            second.wounded = nil
            second.target = another ? nil : reading.target
            second.coordinated = true
            return [first, second]
        }
        return nil
    }

    /// A sentence that gives a night's totals and then one place with its own toll ("… 200 drones were
    /// fired, most targeting Dnipropetrovsk, where three people were killed") reports two events.
    private func split(_ reading: AttackReading, in r: Range<Int>) -> [AttackReading] {
        guard reading.blocked == nil, reading.launched >= 20, reading.killed != nil || reading.wounded != nil,
            let place = reading.hitPlaces.first,
            let lastWeapon = r.last(where: { c.tokens[$0].has(.weapon) }), place.token > lastWeapon,
            (lastWeapon..<place.token).contains(where: { [",", ";", "—", "–"].contains(c.tokens[$0].text) })
        else { return [reading] }
        var totals = reading
        totals.places = reading.places.filter { $0.role == .launch }
        totals.killed = nil
        totals.wounded = nil
        totals.target = nil
        var local = reading
        local.weapons = reading.weapons.map {
            var w = $0
            w.count = nil
            w.approximate = false
            w.qualifier = nil
            return w
        }
        local.cue = place.token
        local.reporter = nil
        return [totals, local]
    }
}
