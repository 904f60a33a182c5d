import WorkbenchModel

/// Killed and wounded: each number goes to the toll word that governs it.
extension EventReader {
    /// A sentence's tolls: killed, wounded, a zero toll said outright, and the first toll word.
    struct Tolls {
        var killed: AttackReading.Toll?
        var wounded: AttackReading.Toll?
        var none = false
        var token: Int?
        /// The only victims are named people ("Lt Gen Rezantsev was killed"), who may have died in combat.
        var namedOnly = false
    }

    private enum TollRole { case killed, wounded }

    /// The toll role of token `k`, if it is a toll word; "killed or wounded" (casualties) is neither.
    private func tollRole(_ k: Int, in r: Range<Int>) -> TollRole? {
        let role: TollRole
        // killed and wounded words carry the event flag: most tokens stop at one bit test
        guard c.tokens[k].mayHave(.event) else { return nil }
        if isWord(k, .killed) { role = .killed } else if isWord(k, .wounded) { role = .wounded } else { return nil }
        // "killed or wounded", "killed and injured" count casualties together, not a death toll
        for j in [k - 2, k + 2] where r.contains(j) && ["or", "and", "/"].contains(w((j + k) / 2)) {
            if (role == .killed && isWord(j, .wounded)) || (role == .wounded && isWord(j, .killed)) {
                if w((j + k) / 2) == "or" { return nil }
            }
        }
        return role
    }

    /// Reads the tolls of sentence range `r`.
    func readTolls(in r: Range<Int>) -> Tolls {
        var out = Tolls()
        var killed: [AttackReading.Toll] = []
        var wounded: [AttackReading.Toll] = []
        for f in c.figuresBySentence[c.sentenceOfToken[r.lowerBound]] where f.kind == .count || f.kind == .number {
            // "were under ten": an age bound, not a count of people
            if f.counted == nil, f.text.lowercased().hasPrefix("under ") { continue }
            guard let v = f.value, v >= 0, v == v.rounded(), v < 1e6, !isAgeOrLabel(f),
                let first = firstToken(from: f.start, in: r)
            else { continue }
            var last = first
            while last + 1 < r.upperBound && c.tokens[last + 1].end <= f.end { last += 1 }
            if isSubset(first, last, in: r) || countsAWeapon(first, last, in: r) { continue }
            guard let (role, at) = governingToll(first, last, in: r) else { continue }
            // "claimed to have killed 200 reservists": the attacker's own claim is not a toll
            if role == .killed,
                (max(r.lowerBound, at - 4)..<at).contains(where: { isWord($0, .claim) })
            {
                continue
            }
            // "at least four", "more than 20": the figure is a lower bound, so the toll is approximate
            let bound = [
                "at least", "more than", "over ", "nearly", "almost", "about", "around", "some ", "up to", "at most",
            ]
            let approximate = f.approximate || bound.contains { f.text.lowercased().hasPrefix($0) }
            let toll = AttackReading.Toll(value: Int(v), approximate: approximate)
            if role == .killed { killed.append(toll) } else { wounded.append(toll) }
            out.token = out.token.map { min($0, at) } ?? at
        }
        let counted = !killed.isEmpty || !wounded.isEmpty
        var named = false
        for (role, k) in victimsWithoutNumber(in: r) {
            if k > r.lowerBound,
                c.party(at: (max(r.lowerBound, k - 4)..<k).last { c.entityAt[$0] != nil } ?? k)?.kind == .person
            {
                named = true
            }
            if role == .killed {
                killed.append(.init(value: 1, approximate: false))
            } else {
                wounded.append(.init(value: 1, approximate: false))
            }
            out.token = out.token.map { min($0, k) } ?? k
        }
        func total(_ list: [AttackReading.Toll]) -> AttackReading.Toll? {
            list.isEmpty
                ? nil : .init(value: list.reduce(0) { $0 + $1.value }, approximate: list.contains { $0.approximate })
        }
        out.killed = total(killed)
        out.wounded = total(wounded)
        out.namedOnly = named && !counted
        out.none = saysNoCasualties(in: r)
        if out.none && out.killed == nil && out.wounded == nil {
            out.killed = .init(value: 0, approximate: false)
            out.wounded = .init(value: 0, approximate: false)
        }
        return out
    }

    /// The toll word that governs the number at tokens `first...last`, with its token: "N (people) were
    /// killed", "N dead", "killing N", "wounded four people", "the death toll rose to N". The nearest wins;
    /// another number or a clause break in between stops the search.
    private func governingToll(_ first: Int, _ last: Int, in r: Range<Int>) -> (TollRole, Int)? {
        func isNumber(_ k: Int) -> Bool { c.tokens[k].kind == .number || NumberReader.wordValue(w(k)) != nil }
        var best: (TollRole, Int, Int)?
        // "22 of the 23 killed were in the block": the part takes the whole's toll word
        if last + 4 < r.upperBound, w(last + 1) == "of", w(last + 2) == "the", c.tokens[last + 3].kind == .number,
            let k = (last + 4..<min(r.upperBound, last + 6)).first(where: { tollRole($0, in: r) != nil }),
            let role = tollRole(k, in: r)
        {
            return (role, k)
        }
        // the toll word inside the figure's own words, right after the number or its people: "four deaths",
        // "at least one person dead" (not "one specific civilian death", a death named for another reason)
        if let k = (first + 1...max(first + 1, last)).first(where: { $0 <= last && tollRole($0, in: r) != nil }),
            let role = tollRole(k, in: r),
            k == last,
            k - 1 >= first
                && (c.tokens[k - 1].kind == .number || NumberReader.wordValue(w(k - 1)) != nil
                    || isWord(k - 1, .person))
        {
            return (role, k)
        }
        // forward: the counted noun, then a verb group, then the toll word
        var k = last + 1
        var skipped = 0
        // "Two residents of the village of Staryi Saltiv in the Kharkiv region were killed": places after the
        // counted people reach further
        let reach =
            ["of", "in", "from", "near"].contains(w(min(last + 1, r.upperBound - 1))) && c.tokens[last].kind == .word
            ? 20 : 10
        while k < min(r.upperBound, last + reach + skipped) {
            if reach > 10 && k > last + 10 && (c.tokens[k].text == "," || c.tokens[k].has(.cueForm)) { break }
            if w(k) == ";" || isNumber(k) { break }
            // "claimed 25 lives"
            if k == last + 1 && w(k) == "lives" {
                best = (.killed, k, 1)
                break
            }
            // an aside is skipped: "three people - including a child - were killed", ", including four children,"
            if let end = asideEnd(k, in: r) {
                skipped += end - k
                k = end
                continue
            }
            if let role = tollRole(k, in: r) {
                best = (role, k, k - last - skipped)
                break
            }
            k += 1
        }
        // backward: "killing", "wounded", "toll … to"
        k = first - 1
        while k >= max(r.lowerBound, first - 5) {
            // a coordination ends the search: in "three were killed and 10 more injured" the 10 is not killed
            if w(k) == ";" || w(k) == "," || isNumber(k) || (w(k) == "and" && best != nil) { break }
            if let role = tollRole(k, in: r), best == nil || first - k < best!.2 {
                best = (role, k, first - k)
                break
            }
            if w(k) == "to", k - 1 >= r.lowerBound,
                isWord(k - 1, .rise),
                (r.lowerBound..<k).contains(where: { w($0) == "toll" })
            {
                if best == nil || first - k < best!.2 { best = (.killed, k, first - k) }
                break
            }
            k -= 1
        }
        return best.map { ($0.0, $0.1) }
    }

    /// If an aside starts at `k` — a dash or bracket, or ", including …," — the token after it.
    private func asideEnd(_ k: Int, in r: Range<Int>) -> Int? {
        let t = c.tokens[k].text
        if ["-", "–", "—", "("].contains(t) {
            let close = t == "(" ? [")"] : ["-", "–", "—"]
            if let e = (k + 1..<min(r.upperBound, k + 16)).first(where: { close.contains(c.tokens[$0].text) }) {
                return e + 1
            }
            return nil
        }
        if t == ",", k + 1 < r.upperBound,
            ["including", "among", "mostly", "mainly", "many", "most", "a", "an", "the", "both"].contains(w(k + 1))
        {
            if let e = (k + 2..<min(r.upperBound, k + 12)).first(where: { c.tokens[$0].text == "," }) { return e + 1 }
        }
        return nil
    }

    /// Ages and labels are no tolls: "80-year-old", "a 30-month-old", "aged 14", "Flight 752".
    private func isAgeOrLabel(_ f: Figure) -> Bool {
        // a number glued to a word is an adjective: "five-storey", "30-day", "two-year-old"
        let glued = c.text(f.end, min(c.buf.count, f.end + 2))
        if glued.hasPrefix("-"), glued.unicodeScalars.dropFirst().first?.properties.isAlphabetic == true { return true }
        let before = c.text(max(0, f.start - 6), f.start).lowercased()
        if before.hasSuffix("aged ") || before.hasSuffix("age ") || before.hasSuffix("ages ") { return true }
        let after = c.text(f.end, min(c.buf.count, f.end + 12)).lowercased()
        if after.hasPrefix("-year") || after.hasPrefix("-month") || after.hasPrefix("-week")
            || after.hasPrefix(" years old")
            || after.hasPrefix(" year old") || after.hasPrefix("-day-old")
        {
            return true
        }
        return f.text.lowercased().containsText("year-old") || f.text.lowercased().containsText("month-old")
    }

    /// A number that picks out part of a toll given elsewhere: "including three children", "three of whom",
    /// and the whole in "22 of the 23 killed".
    private func isSubset(_ first: Int, _ last: Int, in r: Range<Int>) -> Bool {
        if first - 1 >= r.lowerBound, ["including", "includes", "incl"].contains(w(first - 1)) { return true }
        if first - 2 >= r.lowerBound, w(first - 2) == "among", ["them", "whom"].contains(w(first - 1)) { return true }
        if last + 2 < r.upperBound, w(last + 1) == "of", ["whom", "them", "which", "those"].contains(w(last + 2)) {
            return true
        }
        // "three of the children killed" picks out a part; "22 of the 23 killed" gives the part's own toll
        // (a number with its own noun is no part: "killing one member of the crew and wounding …")
        let bare = c.tokens[last].kind == .number || NumberReader.wordValue(w(last)) != nil
        if bare, last + 3 < r.upperBound, w(last + 1) == "of", w(last + 2) == "the", c.tokens[last + 3].kind != .number,
            NumberReader.wordValue(w(last + 3)) == nil,
            (last + 3..<min(r.upperBound, last + 6)).contains(where: {
                isWord($0, .killed) || isWord($0, .wounded) || isWord($0, .casualty)
            })
        {
            return true
        }
        // "Three of the children killed were …": the figure itself picks out a part
        // (the toll word describes the whole, its verb comes after; "53 of them died" is a toll)
        if (first..<last).contains(where: { w($0) == "of" }),
            let t = (last + 1..<min(r.upperBound, last + 3)).first(where: {
                isWord($0, .killed) || isWord($0, .wounded)
            }),
            t + 1 < r.upperBound, ["were", "was", "are", "is", "had", "have", "included", "include"].contains(w(t + 1))
        {
            return true
        }
        // "22 of the 23 killed": the 23 is the whole the sentence takes a part of
        if first - 2 >= r.lowerBound, w(first - 1) == "the", w(first - 2) == "of" { return true }
        if first - 1 >= r.lowerBound, w(first - 1) == "of", first - 2 >= r.lowerBound,
            c.tokens[first - 2].kind == .number
        {
            return true
        }
        return false
    }

    /// Whether the number at `last` counts a weapon ("25 drones"), not people.
    private func countsAWeapon(_ first: Int, _ last: Int, in r: Range<Int>) -> Bool {
        // the weapon may be the figure's own counted noun ("two missiles") or follow it ("two Iskander missiles")
        if (first + 1...max(first + 1, last)).contains(where: {
            $0 < r.upperBound && c.lexicon.weaponMatcher.match(c.tokens, at: $0, limit: r.upperBound) != nil
        }) {
            return true
        }
        var k = last + 1
        while k < min(r.upperBound, last + 4) {
            if c.lexicon.weaponMatcher.match(c.tokens, at: k, limit: r.upperBound) != nil { return true }
            guard c.tokens[k].kind == .word, !isWord(k, .killed), !isWord(k, .wounded) else { return false }
            k += 1
        }
        return false
    }

    /// One victim without a number: "a woman was killed", "another person was wounded", "a 76-year-old man died".
    private func victimsWithoutNumber(in r: Range<Int>) -> [(TollRole, Int)] {
        var out: [(TollRole, Int)] = []
        for k in r where k - 2 >= r.lowerBound {
            guard let role = tollRole(k, in: r) else { continue }
            if let one = oneVictimAround(k, role, in: r) {
                out.append((role, one))
                continue
            }
            var n = k - 1
            if ["was", "been"].contains(w(n)) { n -= 1 }
            if ["has", "had"].contains(w(n)) { n -= 1 }
            guard n > r.lowerBound, isWord(n, .victim) else { continue }
            guard let a = (max(r.lowerBound, n - 4)..<n).last(where: { ["a", "an", "another"].contains(w($0)) }),
                (a + 1..<n).allSatisfy({ c.tokens[$0].kind != .punct })
            else { continue }
            // the verb right after the noun, or "was" / "has been" between
            guard n + 1 == k || ["was", "been", "has", "had"].contains(w(n + 1)) else { continue }
            out.append((role, k))
        }
        return out
    }

    /// One victim next to the toll word in the forms news uses: "killed a 72-year-old", "killing an
    /// 11-year-old boy", "a child's death".
    private func oneVictimAround(_ k: Int, _ role: TollRole, in r: Range<Int>) -> Int? {
        func isOneVictimPhrase(_ a: Int) -> Bool {
            guard a + 1 < r.upperBound, ["a", "an", "her", "his", "their"].contains(w(a)) else { return false }
            var n = a + 1
            // an age before the noun, however it is tokenised: "72-year-old", "72 - year-old"
            if c.tokens[n].kind == .number {
                n += 1
                while n < r.upperBound, ["-", "–"].contains(c.tokens[n].text) { n += 1 }
            }
            guard n < r.upperBound else { return false }
            let next = c.tokens[n].lower
            if next.hasSuffix("year-old") || next.hasSuffix("month-old") {
                return n + 1 >= r.upperBound || isWord(n + 1, .victim) || c.tokens[n + 1].kind == .punct
                    || ["in", "and", "on"].contains(w(n + 1))
            }
            return isWord(n, .victim) && n <= a + 2
        }
        // "killed a 72-year-old", "injuring a woman"
        if k + 1 < r.upperBound, c.tokens[k].lower.hasSuffix("ed") || c.tokens[k].lower.hasSuffix("ing"),
            isOneVictimPhrase(k + 1),
            !Grammar.passiveAuxiliaries.contains(w(k - 1))
        {
            return k
        }
        // "Lt Gen Yakov Rezantsev was reportedly killed": one named person
        if k - 2 >= r.lowerBound, ["was", "reportedly", "had", "been"].contains(w(k - 1)) {
            var n = k - 1
            while n > r.lowerBound, ["was", "reportedly", "had", "been", "also"].contains(w(n)) { n -= 1 }
            if let p = c.party(at: n), p.kind == .person, n - 1 < r.lowerBound || !["of", "by"].contains(w(n - 1)) {
                return k
            }
        }
        // "Lt Gen Fanil Sarvarov - the head of … - died in the blast": a named person, past an aside in dashes
        if role == .killed, w(k) == "died", k - 1 > r.lowerBound {
            var n = k - 1
            if ["-", "–", "—"].contains(c.tokens[n].text),
                let open = (max(r.lowerBound, n - 24)..<n).last(where: { ["-", "–", "—"].contains(c.tokens[$0].text) })
            {
                n = open - 1
            }
            if n >= r.lowerBound, let p = c.party(at: n), p.kind == .person { return k }
        }
        // "a child's death"
        if role == .killed, ["death"].contains(w(k)), k - 3 >= r.lowerBound, ["’s", "'s"].contains(w(k - 1)),
            isWord(k - 2, .victim),
            ["a", "an", "one"].contains(w(k - 3))
        {
            return k
        }
        return nil
    }

    /// "No casualties were reported", "no one was hurt", "no injuries" (but not "no immediate reports of …").
    private func saysNoCasualties(in r: Range<Int>) -> Bool {
        for k in r where w(k) == "no" && k + 1 < r.upperBound {
            let next = w(k + 1)
            if next == "immediate" || next == "reports" || next == "information" { continue }
            if isWord(next, .tollnoun) { return true }
            if next == "one", k + 3 < r.upperBound, w(k + 2) == "was",
                isWord(k + 3, .harmed)
            {
                return true
            }
        }
        return false
    }
}
