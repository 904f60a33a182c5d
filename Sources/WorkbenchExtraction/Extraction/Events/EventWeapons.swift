import WorkbenchModel

/// Weapons a sentence names, with their counts and the side their adjective gives them.
extension EventReader {
    /// A weapon mention: the weapon, its first token, and the country an adjective ties it to
    /// ("Russian drones", "Ukrainian long-range drones").
    struct WeaponMention {
        var weapon: Weapon
        var token: Int
        var side: String?
        /// One past its last token.
        var end: Int = 0
    }

    /// Every weapon named in `r`, with the count written before it.
    func readWeapons(in r: Range<Int>) -> [WeaponMention] {
        var out: [WeaponMention] = []
        // the sentence's counts by where they end
        var countsEndingAt: [Int: [Figure]] = [:]
        for f in c.figuresBySentence[c.sentenceOfToken[r.lowerBound]] where f.kind == .count {
            countsEndingAt[f.end, default: []].append(f)
        }
        var k = r.lowerBound
        while k < r.upperBound {
            guard let m = c.lexicon.weaponMatcher.match(c.tokens, at: k, limit: r.upperBound) else {
                k += 1
                continue
            }
            let entry = c.lexicon.weapons[m.payload]
            let end = c.tokens[k + m.length - 1].end
            // the count ends where the weapon does ("111 attack drones") and counts it
            let figure = countsEndingAt[end]?.last { $0.start <= c.tokens[k].start }
            let count = figure.flatMap { f -> Int? in
                guard let v = f.value, v >= 1, v == v.rounded(), v < 1e6 else { return nil }
                return Int(v)
            }
            var weapon = Weapon(
                name: entry.name, category: entry.category, count: count, destroyed: nil,
                approximate: figure?.approximate ?? false, qualifier: figure.flatMap(qualifier))
            if let f = figure, count == nil, f.value == nil { weapon.approximate = true }
            if let q = weapon.qualifier {
                weapon.approximate = true
                // "hundreds of drones" gives an order of magnitude, not a count
                if Grammar.approximateHundreds.contains(where: q.hasPrefix) { weapon.count = nil }
            }
            // a specific name right before a generic one is one weapon ("Iskander ballistic missiles", "Shahed drones")
            if let last = out.last, last.end == k, last.weapon.count == nil {
                out[out.count - 1].weapon.count = count
                out[out.count - 1].weapon.approximate = weapon.approximate
                out[out.count - 1].weapon.qualifier = weapon.qualifier
                out[out.count - 1].end = k + m.length
                k += m.length
                continue
            }
            out.append(
                WeaponMention(weapon: weapon, token: k, side: sideBefore(k, floor: r.lowerBound), end: k + m.length))
            k += m.length
        }
        var all = out
        ellipticalWeapons(in: r, found: &all)
        return all
    }

    /// Words that bound a count, as they open the figure ("more than 200 drones", "hundreds of drones").
    private static let qualifiers = [
        "more than", "at least", "over", "nearly", "almost", "about", "around", "roughly", "some",
        "approximately", "up to", "fewer than", "less than", "under", "hundreds of", "dozens of",
        "thousands of", "tens of", "hundreds", "dozens", "thousands",
    ]

    /// The qualifier opening a figure, if any.
    private func qualifier(_ f: Figure) -> String? {
        let t = f.text.lowercased()
        return Self.qualifiers.first { t.hasPrefix($0 + " ") }
    }

    /// The country an adjective right before a weapon or attack noun names ("Russian", "Ukraine's"),
    /// skipping up to two modifiers ("Russian long-range attack drones").
    func sideBefore(_ k: Int, floor: Int) -> String? {
        var j = k - 1
        var skipped = 0
        // a verb's modifiers never cross a conjunction ("killed Russian soldiers and destroyed …")
        let verb = c.tokens[k].lower.hasSuffix("ed")
        while j >= floor && skipped <= 3 {
            if verb && Grammar.coordinators.contains(c.tokens[j].lower) { return nil }
            if let e = c.entity(at: j) {
                let p = c.parties[e.party]
                if p.kind == .country
                    && (e.form == .demonym || c.tokens[min(j + 1, c.tokens.count - 1)].lower.hasPrefix("’s")
                        || c.tokens[min(j + 1, c.tokens.count - 1)].lower.hasPrefix("'s"))
                {
                    return p.name
                }
                if p.kind == .military || e.form == .group, let a = p.affiliation, isCountry(a) { return a }
                return nil
            }
            let t = c.tokens[j]
            guard t.kind == .word || t.kind == .number || t.text == "-" else { return nil }
            // only modifiers of the noun: a verb group or an adverb ("were also hit") ends the phrase
            // (and a verb judging the attack: "Russian officials condemned the drone attack")
            if Grammar.auxiliaries.contains(t.lower) || t.lower.hasSuffix("ly")
                || (t.has(.cueForm) && isSpeechCue(j)) || isWord(j, .comment)
            {
                return nil
            }
            if ["’s", "'s"].contains(t.lower) {
                j -= 1
                continue
            }
            j -= 1
            skipped += 1
        }
        return nil
    }

    /// Whether `name` is a country in the lexicon.
    func isCountry(_ name: String) -> Bool { c.lexicon.party(named: name)?.kind == .country }

    /// "18 ballistic and 7 cruise missiles": a counted modifier that, with the head noun of the weapon
    /// named next, is itself a weapon. "13 cruise or ballistic missiles" counts the two together: one
    /// weapon named by the shared head noun ("missile") takes the count in place of the uncounted one.
    private func ellipticalWeapons(in r: Range<Int>, found: inout [WeaponMention]) {
        let named = found.sorted { $0.token < $1.token }
        let lo = c.tokens[r.lowerBound].start
        let hi = c.tokens[r.upperBound - 1].end
        for f in c.figuresBySentence[c.sentenceOfToken[r.lowerBound]]
        where f.kind == .count && f.start >= lo && f.end <= hi {
            guard let counted = f.counted, !counted.contains(" "), let v = f.value, v >= 1, v == v.rounded(), v < 1e6,
                let fi = lastToken(of: f, in: r), fi + 1 < r.upperBound,
                ["and", ",", "or"].contains(c.tokens[fi + 1].lower),
                let next = firstMention(after: fi, in: named), next.token < fi + 8
            else { continue }
            let head = c.tokens[next.end - 1].text
            if c.tokens[fi + 1].lower == "or", next.weapon.count == nil,
                let alt = alternative(head, v: Int(v), f: f, fi: fi)
            {
                found.removeAll { $0.token == next.token }
                found.append(alt)
                continue
            }
            // the next weapon's head noun: "missiles" in "7 cruise missiles"
            let phrase = c.lexicon.tokens(counted + " " + head)
            guard let m = c.lexicon.weaponMatcher.match(phrase, at: 0), m.length == phrase.count else { continue }
            let e = c.lexicon.weapons[m.payload]
            if !found.contains(where: { $0.weapon.name == e.name }) {
                found.append(
                    WeaponMention(
                        weapon: Weapon(
                            name: e.name, category: e.category, count: Int(v), destroyed: nil,
                            approximate: f.approximate), token: fi, side: nil))
            }
        }
    }

    /// The token of `r` that ends figure `f`, if one does.
    private func lastToken(of f: Figure, in r: Range<Int>) -> Int? {
        guard var j = c.firstToken(from: f.start, in: r) else { return nil }
        while j + 1 < r.upperBound && c.tokens[j].end < f.end { j += 1 }
        return c.tokens[j].end == f.end ? j : nil
    }

    /// The first of `mentions` (sorted by token) after token `k` (binary search).
    private func firstMention(after k: Int, in mentions: [WeaponMention]) -> WeaponMention? {
        var lo = 0
        var hi = mentions.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if mentions[mid].token > k { hi = mid } else { lo = mid + 1 }
        }
        return lo < mentions.count ? mentions[lo] : nil
    }

    /// The weapon a head noun alone names ("missiles" → missile), counted `v`, for "N X or Y missiles".
    private func alternative(_ head: String, v: Int, f: Figure, fi: Int) -> WeaponMention? {
        let phrase = c.lexicon.tokens(head)
        guard let m = c.lexicon.weaponMatcher.match(phrase, at: 0), m.length == phrase.count else { return nil }
        let e = c.lexicon.weapons[m.payload]
        return WeaponMention(
            weapon: Weapon(
                name: e.name, category: e.category, count: v, destroyed: nil,
                approximate: f.approximate, qualifier: qualifier(f)), token: fi, side: nil)
    }

    /// One weapon per name: the first count given wins, a generic name gives way to a specific one
    /// counted the same ("drones" after "111 attack drones").
    func mergeWeapons(_ list: [Weapon]) -> [Weapon] {
        var out: [Weapon] = []
        for w in list {
            if let i = out.firstIndex(where: { $0.name == w.name }) {
                if out[i].count == nil, w.count != nil {
                    out[i].count = w.count
                    out[i].approximate = w.approximate
                    out[i].qualifier = w.qualifier
                }
                continue
            }
            // "drones" repeating "attack drones" adds nothing
            if w.count == nil,
                out.contains(where: { $0.category == w.category && $0.name != w.name && $0.name.hasSuffix(w.name) })
            {
                continue
            }
            out.append(w)
        }
        return out
    }
}
