import WorkbenchModel

/// Amounts written in parts: "20 dollars 43 cents" is one sum of money, "2 years and 3 months" one length
/// of time (27 months), "7 feet 10 inches" one distance (94 in).
extension Document {
    /// How many of the smaller unit make the larger one, for the pairs news writes together.
    private static let unitRatios: [String: [String: Double]] = [
        "year": ["month": 12, "week": 52, "day": 365], "month": ["week": 4, "day": 30], "week": ["day": 7, "h": 168],
        "day": ["h": 24, "min": 1440], "h": ["min": 60, "s": 3600], "min": ["s": 60],
        "km": ["m": 1000, "cm": 100_000, "mm": 1_000_000], "m": ["cm": 100, "mm": 1000], "cm": ["mm": 10],
        "mi": ["yd": 1760, "ft": 5280, "in": 63360], "yd": ["ft": 3, "in": 36], "ft": ["in": 12],
    ]

    /// Words and units that name a hundredth of the money before them.
    private static let minorUnits: Set<String> = [
        "¢", "c", "cent", "cents", "pence", "p", "penny", "pennies", "kopecks", "kopiyok",
    ]

    /// "and a quarter", "and three quarters of", "and half" after a number and before a unit of time or
    /// measure ("one and a quarter hours", "two and three quarters of an hour"): the fraction and the
    /// index of the unit, or nil.
    func fractionBeforeUnit(and k: Int, limit: Int, reader: NumberReader) -> (value: Double, unit: Int)? {
        guard k + 2 < limit, tokens[k].lower == "and" else { return nil }
        var j = k + 1
        var value: Double
        if let half = reader.halfAt(j, limit: limit) {
            value = 0.5
            j += half
        } else {
            var n = 1.0
            if ["a", "one"].contains(tokens[j].lower) {
                j += 1
            } else if let w = NumberReader.wordValue(tokens[j].lower)?.value, w == 2 || w == 3 {
                n = w
                j += 1
            }
            guard j < limit, tokens[j].lower == "quarter" || tokens[j].lower == "quarters" else { return nil }
            value = n / 4
            j += 1
        }
        if j < limit, tokens[j].lower == "of" { j += 1 }
        if j < limit, ["a", "an"].contains(tokens[j].lower) { j += 1 }
        guard j < limit, let u = lexicon.unitMatcher.match(tokens, at: j, limit: limit), u.payload.unit != "quarter",
            [.duration, .distance, .quantity].contains(u.payload.kind)
        else { return nil }
        return (value, j)
    }

    /// The minutes told after hours without their unit ("1 hour thirty", "2 hours and 10"): their number
    /// and the index after them, when the phrase ends there.
    func minutesAfterHours(at k: Int, limit: Int, reader: NumberReader) -> (minutes: Double, end: Int)? {
        var j = k
        if j < limit, tokens[j].lower == "and" { j += 1 }
        guard j < limit, let r = reader.read(at: j, limit: limit), !r.ordinal, r.value >= 1, r.value < 60,
            r.value == r.value.rounded()
        else { return nil }
        let end = j + r.length
        // the phrase ends: nothing counted or measured follows ("2 hours and 10 minutes" is joined elsewhere)
        if end < limit, tokens[end].kind == .word || tokens[end].kind == .number { return nil }
        return (r.value, end)
    }

    /// Joins each amount with the smaller parts written right after it ("and", a comma or nothing between),
    /// into one figure.
    func joinAmountParts(_ list: [Figure]) -> [Figure] {
        var out: [Figure] = []
        out.reserveCapacity(list.count)
        for f in list {
            if let last = out.last, let joined = joined(last, f) ?? joinedMeasure(last, f) {
                out[out.count - 1] = joined
            } else {
                out.append(f)
            }
        }
        return out
    }

    /// Two lengths of time or distances told together, in the smaller unit: "2 years, 3 months" → 27 months.
    private func joinedMeasure(_ big: Figure, _ small: Figure) -> Figure? {
        guard big.kind == small.kind, big.kind == .duration || big.kind == .distance, big.sentence == small.sentence,
            let u = big.unit, let v = small.unit, let ratio = Self.unitRatios[u]?[v], let a = big.value,
            let b = small.value,
            big.valueMax == nil, small.valueMax == nil,
            // parts are whole units ("2 years and 3 months"); "an hour and a half" is an amount of its own
            a == a.rounded()
        else { return nil }
        let between = text(big.end, small.start).trimmingCharacters(in: .whitespaces).lowercased()
        guard between.isEmpty || between == "and" || between == "," || between == ", and" else { return nil }
        var f = small
        f.start = big.start
        f.text = text(big.start, small.end)
        f.value = a * ratio + b
        f.approximate = big.approximate || small.approximate
        return f
    }

    /// `major` and `minor` as one amount, when `minor` is its hundredths told right after it.
    private func joined(_ major: Figure, _ minor: Figure) -> Figure? {
        guard major.kind == .money, major.sentence == minor.sentence, let v = major.value, v == v.rounded(),
            major.valueMax == nil,
            let m = minor.value, m == m.rounded(), m >= 0, m < 100
        else { return nil }
        let between = text(major.end, minor.start).trimmingCharacters(in: .whitespaces).lowercased()
        guard between.isEmpty || between == "and" || between == "," else { return nil }
        let named =
            minor.unit.map { $0 == "¢" || $0.contains("-") } == true
            || minor.counted.map { Self.minorUnits.contains($0.lowercased()) } == true
        // a bare number closes the amount only where the phrase ends: "$20 43.", "20 dollars 43"
        let after = text(minor.end, min(buf.count, minor.end + 1))
        let bare =
            minor.kind == .number && minor.unit == nil && minor.counted == nil
            && (after.isEmpty || after.first.map { $0.isPunctuation || $0.isNewline } == true)
        guard named || bare else { return nil }
        var f = major
        f.value = v + m / 100
        f.text = text(major.start, minor.end)
        f.end = minor.end
        f.approximate = major.approximate || minor.approximate
        return f
    }
}
