import WorkbenchModel

/// Figures read with their neighbours: ages ("a two-year-old"), tolls told without a noun ("four
/// injured", "injured seven"), and counts whose noun is elsewhere ("44 out of 91", "30 of them").
extension Document {
    /// Pronouns that stand for what an earlier phrase counted ("30 of them").
    private static let countedPronouns: Set<String> = ["them", "those", "these", "us"]

    /// An age written as an adjective at token `j`: "two-year-old", "one-and-a-half-year-old",
    /// "30-month-old": its value, unit (year, month, week, day) and length in tokens.
    func ageAt(_ j: Int, limit: Int) -> (value: Double, unit: String, length: Int)? {
        let t = tokens[j]
        if t.kind == .word, t.lower.hasSuffix("-old") {
            var parts = t.lower.dropLast(4).split(separator: "-").map(String.init)
            guard parts.count >= 2, let unit = ageUnit(parts.removeLast()) else { return nil }
            var half = 0.0
            if parts.count >= 4, parts.suffix(3) == ["and", "a", "half"] {
                half = 0.5
                parts.removeLast(3)
            }
            guard let v = NumberReader.wordValue(parts.joined(separator: "-")), !v.ordinal else { return nil }
            return (v.value + half, unit, 1)
        }
        guard t.kind == .number, let v = NumberReader.digitValue(t.text), j + 2 < limit, tokens[j + 1].kind == .dash,
            !tokens[j + 1].spaceBefore, !tokens[j + 2].spaceBefore, tokens[j + 2].lower.hasSuffix("-old")
        else { return nil }
        let rest = tokens[j + 2].lower.dropLast(4)
        guard !rest.utf8.contains(UInt8(ascii: "-")), let unit = ageUnit(String(rest)) else { return nil }
        return (v, unit, 3)
    }

    /// The unit of an age's middle word ("year", "months" → month), from the units lexicon.
    private func ageUnit(_ word: String) -> String? {
        guard let u = lexicon.unitMatcher.match(lexicon.tokens(word), at: 0)?.payload, u.kind == .duration,
            ["year", "month", "week", "day"].contains(u.unit)
        else { return nil }
        return u.unit
    }

    /// Whether a phrase at `j` names a thing with a number word in it ("first responders").
    func isNonFigurePhrase(at j: Int, limit: Int) -> Bool {
        lexicon.nonFigureMatcher.match(tokens, at: j, limit: limit) != nil
    }

    /// The casualty word a bare number tells of: the participle after it ("four injured", "two dead") or
    /// the verb before it ("injured seven", "killing two"), from the event words' killed and wounded rows.
    func casualtyWord(before numberStart: Int, after k: Int, limit: Int, sentence: Range<Int>) -> (
        word: String, after: Bool
    )? {
        let toll = lexicon.tollWords
        // (a participle, not the intransitive "died": "of 11 volunteers, eight died" counts volunteers)
        if k < limit, tokens[k].kind == .word, toll.contains(tokens[k].lower), tokens[k].lower != "died",
            tokens[k].lower.hasSuffix("ed") || ["dead", "hurt"].contains(tokens[k].lower)
        {
            return (tokens[k].text, true)
        }
        let p = numberStart - 1
        if p >= sentence.lowerBound, tokens[p].kind == .word, toll.contains(tokens[p].lower),
            tokens[p].lower.hasSuffix("ed") || tokens[p].lower.hasSuffix("ing")
        {
            // the number ends the phrase: "injured seven." / "killing two and wounding four"
            if k >= limit || tokens[k].kind != .word
                || ["and", "or", "but", "in", "on", "at", "when", "after"].contains(tokens[k].lower)
            {
                return (tokens[p].text, false)
            }
        }
        return nil
    }

    /// Fills the counted thing of counts told by ellipsis: "N out of M" takes the total's noun; "N out of M"
    /// and "N of them" the noun of an "Of the passengers, …" opener or of an earlier count in the sentence.
    func resolveEllipticalCounts(_ list: [Figure]) -> [Figure] {
        var out = list
        for (n, f) in list.enumerated() {
            guard f.kind == .count || f.kind == .number, f.unit == nil else { continue }
            // "two of them children": the noun after the pronoun is what is counted
            if let c = f.counted, let space = c.firstIndex(of: " "),
                Self.countedPronouns.contains(c[..<space].lowercased())
            {
                out[n].counted = String(c[c.index(after: space)...])
                continue
            }
            let pronoun = f.counted.map { Self.countedPronouns.contains($0.lowercased()) } ?? false
            let side = f.counted == nil ? outOfSide(f) : nil
            guard pronoun || side != nil else { continue }
            // "three out of four girls": the part takes the total's noun, and "39 nations out of 65" the total the part's;
            // else an opener or an earlier count in the sentence
            let partner = side == .part ? n + 1 : side == .total ? n - 1 : -1
            let paired =
                list.indices.contains(partner) && list[partner].sentence == f.sentence ? list[partner].counted : nil
            guard let noun = paired ?? openerNoun(of: f.sentence) ?? earlierCounted(in: out, before: n) else {
                continue
            }
            out[n].counted = noun
            out[n].kind = .count
        }
        return out
    }

    /// The two numbers of "N out of M": the part and the total.
    private enum RatioSide { case part, total }

    /// Which side of "N out of M" a bare number is, if any.
    private func outOfSide(_ f: Figure) -> RatioSide? {
        if text(f.end, min(buf.count, f.end + 8)).lowercased().hasPrefix(" out of ") { return .part }
        if text(max(0, f.start - 8), f.start).lowercased().hasSuffix(" out of ") { return .total }
        return nil
    }

    /// "Of the passengers, …" / "Of those killed, …" opening sentence `si`: the noun it names.
    private func openerNoun(of si: Int) -> String? {
        let r = sentences[si].tokens
        guard r.count > 3, tokens[r.lowerBound].lower == "of",
            ["the", "those", "these"].contains(tokens[r.lowerBound + 1].lower)
        else { return nil }
        var k = r.lowerBound + 2
        while k < r.upperBound, tokens[k].kind == .word, k - r.lowerBound < 6 { k += 1 }
        guard k < r.upperBound, tokens[k].text == ",", k > r.lowerBound + 2 else { return nil }
        return text(tokens: (r.lowerBound + 2)..<k)
    }

    /// The counted noun of the nearest count before figure `n` in its sentence ("Four people, two of them …").
    private func earlierCounted(in list: [Figure], before n: Int) -> String? {
        let sentence = list[n].sentence
        for m in stride(from: n - 1, through: 0, by: -1) {
            let g = list[m]
            if g.sentence != sentence { break }
            if g.kind == .count, let c = g.counted, !Self.countedPronouns.contains(c.lowercased()) { return c }
        }
        return nil
    }
}
