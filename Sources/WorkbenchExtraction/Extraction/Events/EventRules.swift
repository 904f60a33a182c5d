import WorkbenchModel

/// The rules that decide a sentence talks of attacks but reports none: each a small named function,
/// tried in order by `blocker`.
extension EventReader {
    /// Why the sentence reports no attack, or nil when it reports one.
    func blocker(in r: Range<Int>, cue: Int, cues: [Int], phrases all: Phrases, reading: AttackReading) -> AttackReading
        .Blocker?
    {
        // an aside about something else does not make the sentence's attack a total or a pattern:
        // "In Bakhmut, where fighting has raged for eight years, a Russian attack killed seven"
        let asides = relativeAsides(in: r)
        let phrases = all.filter { p in !asides.contains { $0.contains(p.range.lowerBound) } }
        if talksOfAPause(r, cue: cue) { return .pause }
        if isNegated(cue, in: r) { return .negated }
        if isCumulative(r, phrases: phrases, reading: reading, asides: asides) { return .cumulative }
        if isHabitual(r, cue: cue, phrases: phrases, reading: reading, asides: asides) { return .habitual }
        if isHypothetical(r, cue: cue, reading: reading) { return .hypothetical }
        if isGroundCombat(r, cue: cue, phrases: phrases, reading: reading, asides: asides) { return .ground }
        if isOnlyAReference(r, cues: cues, phrases: phrases, reading: reading) { return .reference }
        if phrases.contains(where: { $0.role == .backdrop }) { return .reference }
        if phrases.contains(where: { $0.role == .disputed }) && reading.killed == nil && reading.wounded == nil {
            return .reference
        }
        return nil
    }

    /// Relative clauses set off by commas ("…, where fighting has raged for years, …", "…, which has been
    /// held by separatists since 2014, …"): what they say is about the place, not the attack.
    private func relativeAsides(in r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        for k in r
        where w(k) == "," && k + 1 < r.upperBound && ["where", "which", "who", "whose", "including"].contains(w(k + 1))
        {
            let end = (k + 2..<r.upperBound).first { w($0) == "," } ?? r.upperBound
            out.append(k..<end)
        }
        return out
    }

    /// The tokens of `r` outside the asides.
    private func outside(_ r: Range<Int>, _ asides: [Range<Int>]) -> [Int] {
        r.filter { k in !asides.contains { $0.contains(k) } }
    }

    /// Ceasefire and pause talk ("a halt to strikes on energy facilities") is about not attacking.
    /// A pause in the attack's own part of the sentence: "… pleaded for Russia to end military operations
    /// — but Nikopol came under fire overnight" reports the attack after "but".
    private func talksOfAPause(_ r: Range<Int>, cue: Int) -> Bool {
        func turns(_ k: Int) -> Bool { ["but", "while", "whereas", ";"].contains(w(k)) }
        let from = (r.lowerBound..<cue).last(where: turns).map { $0 + 1 } ?? r.lowerBound
        let to = ((cue + 1)..<r.upperBound).first(where: turns) ?? r.upperBound
        return (from..<to).contains {
            c.lexicon.pauseMatcher.match(c.tokens, at: $0, limit: to) != nil && !isLull($0, from: from)
        }
    }

    /// "After a short pause, Russia is again bombarding Kharkiv": a lull in the telling, not a pause agreed.
    private func isLull(_ k: Int, from: Int) -> Bool {
        var j = k - 1
        if j >= from, isWord(j, .lulllength) { j -= 1 }
        return j - 1 >= from && ["a", "the"].contains(w(j)) && ["after", "following"].contains(w(j - 1))
    }

    /// "no strikes", "did not attack", "never hit", "denied that its forces attacked".
    private func isNegated(_ cue: Int, in r: Range<Int>) -> Bool {
        let before = (max(r.lowerBound, cue - 3)..<cue).map { w($0) }
        if before.last == "no" || before.contains("not") || before.contains("never") || before.contains("n't")
            || before.contains("without")
        {
            return true
        }
        return (max(r.lowerBound, cue - 8)..<cue).contains { isWord($0, .deny) }
    }

    /// A superlative frames a total as a record, not a total: "the largest attack since the start of the war".
    private func hasSuperlative(before k: Int, in r: Range<Int>) -> Bool {
        (r.lowerBound..<k).contains {
            isWord($0, .superlative)
        }
    }

    /// Totals over the war or a long period ("1,250 missiles since the start of the war", "this year").
    private func isCumulative(_ r: Range<Int>, phrases: Phrases, reading: AttackReading, asides: [Range<Int>]) -> Bool {
        for p in phrases where p.role == .cumulative || p.role == .period {
            if hasSuperlative(before: p.range.lowerBound, in: r) { continue }
            // a night or a day of its own outweighs a period named in passing ("on Monday, the first time this year")
            if p.role == .period && reading.when != nil { continue }
            return true
        }
        // "since" a war, a month or a year: "shelling since the February invasion", "pounding since July 12"
        for k in outside(r, asides) where w(k) == "since" && !hasSuperlative(before: k, in: r) {
            let ahead = (k + 1..<min(r.upperBound, k + 5))
            if ahead.contains(where: {
                isWord($0, .warstart)
                    || c.tokens[$0].has(.month)
            })
                || ahead.contains(where: { c.tokens[$0].kind == .number && c.tokens[$0].text.count == 4 })
            {
                return true
            }
        }
        // a span of more than a month ("from 2014 to 2016"), or a toll no single strike reaches
        let si = c.sentenceOfToken[r.lowerBound]
        for d in c.datesBySentence[si] {
            guard let a = d.value.flatMap(Day.init(iso:)), let b = d.endValue.flatMap(Day.init(iso:)) else { continue }
            if b.ordinal - a.ordinal > 31 { return true }
            // weapons counted over several days are a period's total ("1,300 drones … this week")
            // (not a record: "the biggest attack this month")
            if reading.launched > 0, b.ordinal - a.ordinal >= 3, reading.when == nil,
                !hasSuperlative(before: r.first { c.tokens[$0].start >= d.start } ?? r.upperBound, in: r)
            {
                return true
            }
        }
        let toll = max(reading.killed?.value ?? 0, reading.wounded?.value ?? 0)
        return toll >= 400 && reading.when == nil
    }

    /// A repeated pattern or a campaign: "every night", "regularly", "has intensified its attacks".
    private func isHabitual(_ r: Range<Int>, cue: Int, phrases: Phrases, reading: AttackReading, asides: [Range<Int>])
        -> Bool
    {
        if reading.when != nil && reading.hasDetails { return false }
        if phrases.contains(where: { $0.role == .habitual }) { return true }
        if outside(r, asides).contains(where: { isWord($0, .habitual) }) { return true }
        // "100 soldiers a day": a rate
        for k in outside(r, asides)
        where ["day", "week", "month", "night"].contains(w(k)) && k - 1 >= r.lowerBound && w(k - 1) == "a"
            && k - 2 >= r.lowerBound && c.tokens[k - 2].kind == .word && !(c.tokens[k - 2].has(.determiner))
            && (k - 5..<k - 1).contains(where: { $0 >= r.lowerBound && c.tokens[$0].kind == .number })
        {
            return true
        }
        // "the Russians were running bombing raids in the region": a past progressive over plural attacks is a
        // campaign, unless the sentence gives a night or a toll
        if reading.killed == nil && reading.wounded == nil && reading.when == nil,
            let v = (max(r.lowerBound + 1, cue - 4)...max(r.lowerBound + 1, cue)).first(where: {
                $0 < r.upperBound && w($0).hasSuffix("ing") && ["was", "were"].contains(w($0 - 1))
            }),
            ((v + 1)..<min(r.upperBound, v + 5)).contains(where: {
                isWord($0, .attackplural)
            })
        {
            return true
        }
        // "continues to strike", "intensified its attacks": a campaign, unless the sentence gives a night, a toll or a town
        let campaign = [
            "intensified", "intensify", "intensifying", "escalated", "escalating", "continues", "continue", "continued",
            "stepped",
        ]
        let town = reading.hitPlaces.contains { ($0.entry?.kind ?? .city) == .city }
        if (max(r.lowerBound, cue - 4)..<cue).contains(where: { campaign.contains(w($0)) }) && reading.killed == nil
            && reading.wounded == nil
            && reading.when == nil && !town
        {
            return true
        }
        return false
    }

    /// A conditional, modal or threat governs the attack: "if Russia strikes", "could hit", "threatened to strike",
    /// "will launch". A sentence with a toll is a report whatever its modal ("the toll could rise").
    private func isHypothetical(_ r: Range<Int>, cue: Int, reading: AttackReading) -> Bool {
        if reading.killed.map({ $0.value > 0 }) == true || reading.wounded.map({ $0.value > 0 }) == true {
            return false
        }
        var k = cue - 1
        while k >= max(r.lowerBound, cue - 14) {
            if [";", ":"].contains(w(k)) { break }
            if isWord(k, .hypothetical) || isHypotheticalPhrase(at: k, before: cue) { return true }
            if w(k) == "to", k - 1 >= r.lowerBound,
                isWord(k - 1, .intent)
            {
                return true
            }
            k -= 1
        }
        return false
    }

    /// A phrase that makes what follows a possibility, not an attack ("the threat of", "capable of"), ending
    /// before the attack word.
    private func isHypotheticalPhrase(at k: Int, before cue: Int) -> Bool {
        let matcher = c.lexicon.eventPhraseMatcher
        guard c.tokens[k].mayHave(matcher.bit), let m = matcher.match(c.tokens, at: k, limit: cue) else { return false }
        return m.payload == .hypothetical
    }

    /// Ground combat, shooting and executions: "killed in fighting", "sniper fire", "street battles". A
    /// weapon of a strike in the sentence (artillery, drones, missiles, bombs) makes it a strike after all.
    private func isGroundCombat(
        _ r: Range<Int>, cue: Int, phrases: Phrases, reading: AttackReading, asides: [Range<Int>]
    ) -> Bool {
        let strikeWeapon =
            reading.weapons.contains { !["armour", "explosive"].contains($0.category ?? "") }
            || r.contains { isWord($0, .shelling) }
            || r.contains { isWord($0, .strikeword) }
        if strikeWeapon { return false }
        if phrases.contains(where: { $0.role == .ground })
            || outside(r, asides).contains(where: { isWord($0, .ground) })
        {
            return true
        }
        // soldiers firing, "shot dead": gunfire, not a strike
        if isWord(cue, .fire) { return true }
        return false
    }

    /// An attack named only as a reason or a time, with nothing of its own: "in response to the attack on its
    /// fleet", "after the strike". Every attack word sits in such a phrase or right after one.
    private func isOnlyAReference(_ r: Range<Int>, cues: [Int], phrases: Phrases, reading: AttackReading) -> Bool {
        let references = phrases.filter { $0.role == .reference }
        guard !references.isEmpty, !reading.hasDetails else { return false }
        return cues.allSatisfy { k in
            references.contains { $0.range.contains(k) || ($0.range.upperBound <= k && k - $0.range.upperBound <= 3) }
        }
    }
}
