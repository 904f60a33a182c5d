/// Where an attack hit or came from, and what it hit.
extension EventReader {
    /// Places the sentence names: lexicon places, "the town of X", "X region", a city's district.
    func readPlaces(in r: Range<Int>) -> [AttackReading.PlaceMention] {
        var out: [AttackReading.PlaceMention] = []
        var k = r.lowerBound
        while k < r.upperBound {
            if c.tokens[k].isCapitalized, let m = c.lexicon.placeMatcher.match(c.tokens, at: k, limit: r.upperBound),
                !c.quoted(k)
            {
                var end = k + m.length
                var entry = c.lexicon.places[m.payload]
                if end < r.upperBound, isWord(end, .regionnoun) || w(end) == "regional" {
                    if w(end) != "regional" { end += 1 }
                    // "Kharkiv region": the region, not the city
                    if let region = regionEntry(named: entry.within ?? entry.name + " region") { entry = region }
                } else if entry.kind == .city, k >= r.lowerBound + 2, w(k - 1) == "of",
                    isWord(k - 2, .regionnoun),
                    let region = regionEntry(named: entry.within ?? entry.name + " region")
                {
                    // "the central region of Dnipropetrovsk": the region, not the city
                    entry = region
                }
                if m.length == 1, isGovernmentUse(k, end, in: r) {
                    k = end
                    continue
                }
                // "nearly 300 miles from Valdai", "20 km away from Kharkiv": a reference point, neither hit nor launch site
                if isDistanceReference(k, in: r) {
                    k = end
                    continue
                }
                // "the reconnaissance ship Simferopol": a vessel's name, not a place
                if k > r.lowerBound,
                    isWord(k - 1, .vessel)
                {
                    k = end
                    continue
                }
                var place = AttackReading.PlaceMention(
                    name: entry.name, entry: entry, district: nil, role: role(at: k, in: r), token: k,
                    written: c.text(tokens: k..<end))
                place.district = districtAfter(end, in: r) ?? districtBefore(k, in: r)
                // "the Chernihiv region … in the regional capital": the region's capital city
                if entry.kind == .region, let city = regionalCapital(of: entry, in: r) {
                    place.name = city.name
                    place.entry = city
                }
                out.append(place)
                k = end
            } else if let (entry, length) = nationalCapital(at: k, in: r) {
                out.append(
                    .init(
                        name: entry.name, entry: entry, district: nil, role: role(at: k, in: r), token: k,
                        written: c.text(tokens: k..<(k + length))))
                k += length
            } else if let (name, length) = unknownPlace(at: k, in: r) {
                out.append(
                    .init(name: name, entry: nil, district: nil, role: role(at: k, in: r), token: k, written: name))
                k += length
            } else if let (district, length) = districtPhrase(at: k, in: r) {
                // a district of a city named before ("Kyiv's Podilsky district") or only implied
                if !out.contains(where: { $0.district == district }) {
                    if let i = out.lastIndex(where: { $0.district == nil && ($0.entry?.kind ?? .city) == .city }) {
                        out[i].district = district
                    } else {
                        out.append(
                            .init(
                                name: district, entry: nil, district: district, role: .hit, token: k, written: district)
                        )
                    }
                }
                k += length
            } else {
                k += 1
            }
        }
        return out
    }

    /// The capital of a region when the sentence points at it ("the regional capital", "the region's capital"):
    /// the city the region is named after.
    private func regionalCapital(of region: PlaceEntry, in r: Range<Int>) -> PlaceEntry? {
        let pointed = r.contains { k in
            (w(k) == "regional" && k + 1 < r.upperBound && w(k + 1) == "capital")
                || (w(k) == "capital" && k >= r.lowerBound + 1
                    && ["region’s", "region's", "oblast’s", "oblast's"].contains(w(k - 1)))
                || (w(k) == "capital" && k >= r.lowerBound + 2 && ["region", "oblast"].contains(w(k - 2))
                    && ["’s", "'s"].contains(w(k - 1)))
        }
        guard pointed else { return nil }
        let cityName = region.name.replacingOccurrences(of: " region", with: "")
        guard let m = c.lexicon.placeMatcher.match(c.lexicon.tokens(cityName), at: 0) else { return nil }
        let city = c.lexicon.places[m.payload]
        return city.kind == .city && city.within == region.name ? city : nil
    }

    /// "the Ukrainian capital", "Russia's capital": the country's capital city (from the countries lexicon).
    private func nationalCapital(at k: Int, in r: Range<Int>) -> (PlaceEntry, Int)? {
        guard c.tokens[k].isCapitalized, let m = c.lexicon.partyMatcher.match(c.tokens, at: k, limit: r.upperBound)
        else { return nil }
        let party = c.lexicon.parties[m.payload.index]
        var end = k + m.length
        if end < r.upperBound, ["’s", "'s"].contains(w(end)) { end += 1 }
        guard party.kind == .country, let capital = party.capital, end < r.upperBound, w(end) == "capital",
            let p = c.lexicon.placeMatcher.match(c.lexicon.tokens(capital), at: 0)
        else { return nil }
        let entry = c.lexicon.places[p.payload]
        return entry.kind == .city ? (entry, end + 1 - k) : nil
    }

    /// The lexicon's region of that name.
    private func regionEntry(named name: String) -> PlaceEntry? {
        guard let m = c.lexicon.placeMatcher.match(c.lexicon.tokens(name), at: 0) else { return nil }
        let e = c.lexicon.places[m.payload]
        return e.kind == .region ? e : nil
    }

    /// A capital used for its government ("Kyiv said", "Moscow has denied"), not as a place: a speech or
    /// action verb right after it, and no locative word before it.
    private func isGovernmentUse(_ k: Int, _ end: Int, in r: Range<Int>) -> Bool {
        guard let p = c.party(at: k), p.kind == .country, end < r.upperBound else { return false }
        if k > r.lowerBound,
            [
                "in", "on", "at", "near", "over", "outside", "around", "into", "towards", "toward", "across", "hit",
                "struck", "targeted", "attacked", "pounded", "shelled", "capital",
            ].contains(w(k - 1))
        {
            return false
        }
        let next = c.tokens[end]
        // "Moscow turned its attention to …": a capital doing something in the past tense is its government
        // (not "Kyiv shelled", an attack word, nor "Kyiv suffered", which the city undergoes)
        if next.kind == .word, !next.isCapitalized, next.lower.hasSuffix("ed"), !next.has(.event),
            !isWord(end, .undergo)
        {
            return true
        }
        return next.has(.cueForm)
            || [
                "has", "have", "had", "is", "was", "will", "would", "wants", "denied", "accused", "blamed", "insists",
                "and", "to", "’s", "'s",
                // the capital as the side that fired: "when Moscow launched 267 drones"
                "launched", "fired", "unleashed", "sent", "deployed",
            ].contains(next.lower)
    }

    /// Whether the place at `k` is named as a distance from it: "300 miles from Valdai", "away from Kharkiv".
    private func isDistanceReference(_ k: Int, in r: Range<Int>) -> Bool {
        guard k - 2 >= r.lowerBound, w(k - 1) == "from" else { return false }
        if w(k - 2) == "away" { return true }
        return c.lexicon.unitMatcher.match(c.tokens, at: k - 2, limit: k - 1)?.payload.kind == .distance
    }

    /// Whether the place at `k` is where the attack came from ("launched from Russia's Voronezh region").
    private func role(at k: Int, in r: Range<Int>) -> AttackReading.PlaceMention.Role {
        var j = k - 1
        var steps = 0
        while j >= r.lowerBound && steps < 4 {
            if w(j) == "from" { return .launch }
            if c.tokens[j].kind == .punct || ["in", "on", "at", "over", "near", "to"].contains(w(j)) { break }
            j -= 1
            steps += 1
        }
        return .hit
    }

    /// A place the lexicon does not know, named as one: "the town of Vilniansk", "the village of Staryi Saltiv",
    /// "Marhanets district", "the Azot plant" is a target, not a place.
    private func unknownPlace(at k: Int, in r: Range<Int>) -> (String, Int)? {
        guard k + 2 < r.upperBound,
            isWord(k, .settlement),
            w(k + 1) == "of", c.tokens[k + 2].isCapitalized,
            c.lexicon.placeMatcher.match(c.tokens, at: k + 2, limit: r.upperBound) == nil
        else { return nil }
        var end = k + 3
        while end < r.upperBound, c.tokens[end].isCapitalized, end < k + 5 { end += 1 }
        return (c.text(tokens: (k + 2)..<end), end - k)
    }

    /// "Shevchenkivskyi district" (a capitalised name and the word district), at `k`.
    private func districtPhrase(at k: Int, in r: Range<Int>) -> (String, Int)? {
        guard c.tokens[k].isCapitalized, k + 1 < r.upperBound, w(k + 1) == "district", c.party(at: k) == nil,
            k == r.lowerBound || !c.tokens[k - 1].isCapitalized || ["’s", "'s"].contains(w(k - 1))
        else { return nil }
        return (c.tokens[k].text + " district", 2)
    }

    /// A district named right after a city ("Kyiv's Podilsky district" is read before the city).
    private func districtAfter(_ end: Int, in r: Range<Int>) -> String? {
        guard end + 2 < r.upperBound, ["’s", "'s"].contains(w(end)) else { return nil }
        return districtPhrase(at: end + 1, in: r)?.0
    }

    /// "… in the central Shevchenkivskyi district of Kyiv".
    private func districtBefore(_ k: Int, in r: Range<Int>) -> String? {
        guard k - 3 >= r.lowerBound, w(k - 1) == "of", w(k - 2) == "district" else { return nil }
        return districtPhrase(at: k - 3, in: r)?.0
    }

    /// What was hit: the target the attack word points at ("attacks on energy infrastructure"), else the
    /// first target phrase outside quotation marks.
    func readTarget(in r: Range<Int>, cues: [Int]) -> (text: String, type: String)? {
        var found: [(Int, String, String)] = []
        var k = r.lowerBound
        while k < r.upperBound {
            if let m = c.lexicon.targetMatcher.match(c.tokens, at: k, limit: r.upperBound), !c.quoted(k) {
                found.append((k, c.text(tokens: k..<(k + m.length)), m.payload))
                k += m.length
            } else {
                k += 1
            }
        }
        for cue in cues {
            if let t = found.first(where: {
                $0.0 > cue && $0.0 - cue <= 6
                    && (cue + 1..<$0.0).contains {
                        ["on", "at", "against", "targeting", "hit", "struck"].contains(w($0))
                    }
            }) {
                return (t.1, t.2)
            }
        }
        if let t = found.first { return (t.1, t.2) }
        // a side's forces killed or hit are a military target: "the killing of a top Russian general",
        // "killed scores of Russian soldiers"
        if let f = r.first(where: {
            isWord($0, .forces) && !c.quoted($0) && (max(r.lowerBound, $0 - 5)..<$0).contains { isWord($0, .killed) }
        }) {
            return (c.text(tokens: f..<(f + 1)), "military")
        }
        return nil
    }
}
