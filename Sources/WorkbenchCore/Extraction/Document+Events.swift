/// Strike events: sentences that report attacks, merged into one event per reported attack.
extension Document {
    private static let hypotheticalWords: Set<String> = ["if", "would", "could", "might", "may", "should", "will", "unless", "whether", "any", "threatened", "threatens", "vowed", "pledged"]

    /// Finds attack reports and turns them into events.
    func extractEvents() {
        var previous: (event: StrikeEvent, sentence: Int, paragraph: Int)?
        for (si, s) in sentences.enumerated() where paragraphs[s.paragraph].kind == "body" {
            guard var e = event(in: si) else { continue }
            // Inherit actor and time from an attack reported in the sentence just before (a hit within a barrage).
            if let p = previous, si - p.sentence == 1 {
                if e.actor == nil { e.actor = p.event.actor }
                if e.when == nil { e.when = p.event.when; e.whenText = p.event.whenText }
                if e.weapons.isEmpty && e.place == nil && e.target == nil, let last = events.indices.last {
                    // a follow-up about the same attack: merge tolls and sources
                    events[last].killed = events[last].killed ?? e.killed
                    events[last].wounded = events[last].wounded ?? e.wounded
                    events[last].text += " " + e.text
                    events[last].end = e.end
                    previous = (events[last], si, s.paragraph)
                    continue
                }
            }
            events.append(e)
            previous = (e, si, s.paragraph)
        }
    }

    /// The attack a sentence reports, if it reports one concretely.
    private func event(in si: Int) -> StrikeEvent? {
        let s = sentences[si]
        let r = s.tokens
        // a sentence without an attack or toll word reports no strike (one flag test per token)
        guard r.contains(where: { tokens[$0].flags & Lexicon.eventBit != 0 }) else { return nil }
        // Pause talk and hypotheticals are not attacks.
        if r.contains(where: { lexicon.pauseMatcher.match(tokens, at: $0, limit: r.upperBound)?.payload == "pause" }) { return nil }
        // Weapons with counts.
        var weapons: [Weapon] = []
        var k = r.lowerBound
        while k < r.upperBound {
            if let m = lexicon.weaponMatcher.match(tokens, at: k, limit: r.upperBound), !isInsideQuote(k) {
                let w = lexicon.weapons[m.payload]
                let end = tokens[k + m.length - 1].end
                let figure = figures.last(where: { $0.sentence == si && $0.end == end && $0.kind == "count" })
                let count = figure.flatMap { $0.value.map { Int($0) } }
                if let i = weapons.firstIndex(where: { $0.name == w.name }) {
                    if weapons[i].count == nil { weapons[i].count = count; weapons[i].approximate = figure?.approximate ?? false }
                } else {
                    weapons.append(Weapon(name: w.name, category: w.category, count: count, destroyed: nil, approximate: figure?.approximate ?? false))
                }
                k += m.length
            } else { k += 1 }
        }
        // Elliptical counts: "18 ballistic and 7 cruise missiles" — a count of a modifier that, with the head noun
        // of the weapon named next, is itself a weapon.
        for f in figures where f.sentence == si && f.kind == "count" {
            guard let counted = f.counted, !counted.contains(" "), let v = f.value, v >= 1, v == v.rounded() else { continue }
            guard let fi = r.first(where: { tokens[$0].end == f.end }), fi + 1 < r.upperBound,
                  ["and", ",", "or"].contains(tokens[fi + 1].lower) else { continue }
            // the next weapon phrase's last word: "missiles" in "7 cruise missiles"
            var j = fi + 1
            var head: String?
            while j < min(r.upperBound, fi + 8) {
                if let m = lexicon.weaponMatcher.match(tokens, at: j, limit: r.upperBound) { head = tokens[j + m.length - 1].text; break }
                j += 1
            }
            guard let head else { continue }
            let phrase = lexicon.tokens(counted + " " + head)
            guard let m = lexicon.weaponMatcher.match(phrase, at: 0), m.length == phrase.count else { continue }
            let w = lexicon.weapons[m.payload]
            if !weapons.contains(where: { $0.name == w.name }) {
                weapons.append(Weapon(name: w.name, category: w.category, count: Int(v), destroyed: nil, approximate: f.approximate))
            }
        }
        // Tolls.
        var killed: Int?, wounded: Int?, destroyed: Int?
        for f in figures where f.sentence == si && (f.kind == "count" || f.kind == "number") {
            guard let v = f.value, v >= 0, v == v.rounded() else { continue }
            let (before, after) = wordsAround(f)
            let counted = f.counted?.lowercased() ?? ""
            // the nearest toll word decides: "killing two people and wounding five", "… killed and another two people injured"
            func distance(_ words: Set<String>) -> Int? {
                if counted.split(separator: " ").contains(where: { words.contains(String($0)) }) { return 0 }
                let b = before.lastIndex(where: { words.contains($0) }).map { before.count - $0 }
                let a = after.firstIndex(where: { words.contains($0) }).map { $0 + 1 }
                return [b, a].compactMap { $0 }.min()
            }
            let dk = distance(lexicon.killedWords), dw = distance(lexicon.woundedWords)
            if let dk, dw == nil || dk <= dw! { killed = (killed ?? 0) + Int(v) }
            else if dw != nil { wounded = (wounded ?? 0) + Int(v) }
            else if after.contains(where: { lexicon.destroyedWords.contains($0) }) || before.contains(where: { lexicon.destroyedWords.contains($0) }) { destroyed = Int(v) }
        }
        if let destroyed, weapons.count == 1 { weapons[0].destroyed = destroyed }
        // one victim without a number: "a woman was killed", "a 60-year-old man was wounded"
        for k in r where k - 3 >= r.lowerBound && ["was", "been"].contains(tokens[k - 1].lower) {
            let toll = lexicon.killedWords.contains(tokens[k].lower) ? 0 : (lexicon.woundedWords.contains(tokens[k].lower) ? 1 : -1)
            guard toll >= 0 else { continue }
            var n = k - 2
            if tokens[n].lower == "has" || tokens[n].lower == "had" { n -= 1 }
            guard n > r.lowerBound, lexicon.victimWords.contains(tokens[n].lower),
                  let a = (max(r.lowerBound, n - 4)..<n).last(where: { ["a", "an", "one"].contains(tokens[$0].lower) }),
                  (a + 1..<n).allSatisfy({ tokens[$0].kind != .punct }) else { continue }
            if toll == 0 { killed = (killed ?? 0) + 1 } else { wounded = (wounded ?? 0) + 1 }
        }
        // Places: where it hit, and where it was launched from.
        var place: String?, launchPlace: String?, placeCountry: String?
        k = r.lowerBound
        while k < r.upperBound {
            if tokens[k].isCapitalized, let m = lexicon.placeMatcher.match(tokens, at: k, limit: r.upperBound), !isInsideQuote(k) {
                var end = k + m.length
                if end < r.upperBound && ["region", "oblast", "province"].contains(tokens[end].lower) { end += 1 }
                let written = text(tokens: k..<end)
                let entry = lexicon.places[m.payload]
                let from = (k >= r.lowerBound + 1 && tokens[k - 1].lower == "from")
                    || (k >= r.lowerBound + 3 && tokens[k - 3].lower == "from" && (tokens[k - 1].lower == "’s" || tokens[k - 1].lower == "'s"))
                    || (k >= r.lowerBound + 2 && tokens[k - 2].lower == "from" && tokens[k - 1].lower == "the")
                if from { launchPlace = launchPlace ?? written } else if place == nil {
                    place = regionalCapital(in: r) ?? written
                    placeCountry = entry.country
                }
                k = end
            } else { k += 1 }
        }
        // What was hit.
        var target: String?, targetType = "unknown"
        k = r.lowerBound
        while k < r.upperBound {
            if let m = lexicon.targetMatcher.match(tokens, at: k, limit: r.upperBound), !isInsideQuote(k) {
                target = text(tokens: k..<(k + m.length))
                targetType = m.payload
                break
            }
            k += 1
        }
        // Concrete evidence is needed: counted weapons, a place hit, or a toll; and not a hypothetical.
        let concrete = weapons.contains { $0.count != nil } || killed != nil || wounded != nil || (place != nil && (target != nil || !weapons.isEmpty))
            || (target != nil && !weapons.isEmpty)
        guard concrete else { return nil }
        let attackAt = r.first { lexicon.attackWords.contains(tokens[$0].lower) } ?? r.lowerBound
        if r.contains(where: { $0 < attackAt && Self.hypotheticalWords.contains(tokens[$0].lower) }) && weapons.allSatisfy({ $0.count == nil }) && killed == nil && wounded == nil { return nil }
        if isInsideQuote(attackAt) && weapons.allSatisfy({ $0.count == nil }) { return nil }
        // Who attacked: a party before the attack verb, the launch place's country, or a demonym on the weapons.
        var actor: String?
        if let lp = launchPlace, let m = lexicon.placeMatcher.match(lexicon.tokens(lp), at: 0) {
            actor = lexicon.places[m.payload].country
        }
        if actor == nil {
            for k in r where k < attackAt && entityAt[k] >= 0 {
                let p = partyTable[entities[entityAt[k]].party]
                let e = entities[entityAt[k]]
                if (p.kind == "country" || p.kind == "military") && e.form != .group && !isSubjectOfReport(k, attackAt) {
                    actor = p.kind == "country" ? p.name : (p.affiliation ?? p.name)
                }
            }
        }
        // Who reported it.
        let reportedBy = reporter(in: r)
        // When.
        let when = dates.first { $0.sentence == si && $0.value != nil }
        let kind = weapons.contains(where: { $0.count != nil }) && place == nil ? "barrage" : (place != nil || target != nil ? "strike" : "attack")
        var whenValue: String?
        if let w = when { whenValue = w.endValue.map { "\(w.value!)/\($0)" } ?? w.value }
        _ = placeCountry
        return StrikeEvent(kind: kind, actor: actor, target: target, targetType: targetType, place: place, launchPlace: launchPlace,
                           weapons: weapons, killed: killed, wounded: wounded, reportedBy: reportedBy, when: whenValue,
                           whenText: when?.text, text: text(s.start, s.end), start: s.start, end: s.end, sentence: si)
    }

    /// Lowercased words just before and after a figure (three each way).
    private func wordsAround(_ f: Figure) -> ([String], [String]) {
        guard let first = tokens.firstIndex(where: { $0.start >= f.start }) else { return ([], []) }
        var last = first
        while last + 1 < tokens.count && tokens[last + 1].end <= f.end { last += 1 }
        let s = sentences[f.sentence].tokens
        // the window stops at another number: in "of 11 volunteers, eight died" only the eight died
        func isNumber(_ k: Int) -> Bool { tokens[k].kind == .number || NumberReader.wordValue(tokens[k].lower) != nil }
        var b = first
        while b > max(s.lowerBound, first - 3) && !isNumber(b - 1) { b -= 1 }
        var a = last + 1
        while a < min(s.upperBound, last + 4) && !isNumber(a) { a += 1 }
        return ((b..<first).map { tokens[$0].lower }, ((last + 1)..<a).map { tokens[$0].lower })
    }

    /// "the regional capital" next to a region named after its capital ("Chernihiv region") → "Chernihiv".
    private func regionalCapital(in r: Range<Int>) -> String? {
        guard let cap = r.first(where: { tokens[$0].lower == "regional" && $0 + 1 < r.upperBound && tokens[$0 + 1].lower == "capital" }) else { return nil }
        _ = cap
        for k in r where tokens[k].isCapitalized {
            if let m = lexicon.placeMatcher.match(tokens, at: k, limit: r.upperBound) {
                var end = k + m.length
                if end < r.upperBound && ["region", "oblast", "province"].contains(tokens[end].lower) { end += 1 }
                guard ["region", "oblast", "province"].contains(tokens[end - 1].lower), end - 1 > k else { continue }
                return text(tokens: k..<(end - 1))
            }
        }
        return nil
    }

    /// Whether the party at `k` is the one reporting ("Ukraine reported … attack") rather than attacking.
    private func isSubjectOfReport(_ k: Int, _ attackAt: Int) -> Bool {
        (k + 1..<attackAt).contains { ["reported", "said", "says", "reports", "accused", "claimed", "told"].contains(tokens[$0].lower) }
    }

    /// Who a sentence says reported it: "according to X", "X said", "X reported".
    private func reporter(in r: Range<Int>) -> String? {
        var candidates: [Int] = []
        for ev in speechEvents where r.contains(ev.cue.lowerBound) { if let p = ev.party { candidates.append(p) } }
        var k = r.lowerBound
        while k + 2 < r.upperBound {
            if tokens[k].lower == "according" && tokens[k + 1].lower == "to" {
                var j = k + 2
                while j < r.upperBound && j < k + 8 {
                    if entityAt[j] >= 0 { candidates.insert(entities[entityAt[j]].party, at: 0); break }
                    j += 1
                }
            }
            k += 1
        }
        // "officials said" without a recorded speech event
        if candidates.isEmpty {
            for j in r where tokens[j].has(Lexicon.cueFormBit) {
                var b = j - 1
                while b >= r.lowerBound && b > j - 6 {
                    if entityAt[b] >= 0 { candidates.append(entities[entityAt[b]].party); break }
                    b -= 1
                }
            }
        }
        // prefer specific sources (organisations, people, groups) over countries
        let best = candidates.first { partyTable[$0].kind != "country" } ?? candidates.first
        return best.map { partyTable[$0].name }
    }
}
