/// Amounts written in two parts: "20 dollars 43 cents", "$20 and 43c", "3 GBP 1 pence" are one sum of money.
extension Document {
    /// Words and units that name a hundredth of the money before them.
    private static let minorUnits: Set<String> = ["¢", "c", "cent", "cents", "pence", "p", "penny", "pennies", "kopecks", "kopiyok"]

    /// Joins each amount of money with the hundredths written right after it, into one figure.
    func joinMoneyParts(_ list: [Figure]) -> [Figure] {
        var out: [Figure] = []
        out.reserveCapacity(list.count)
        var i = 0
        while i < list.count {
            if i + 1 < list.count, let joined = joined(list[i], list[i + 1]) {
                out.append(joined)
                i += 2
            } else {
                out.append(list[i])
                i += 1
            }
        }
        return out
    }

    /// `major` and `minor` as one amount, when `minor` is its hundredths told right after it.
    private func joined(_ major: Figure, _ minor: Figure) -> Figure? {
        guard major.kind == "money", major.sentence == minor.sentence, let v = major.value, v == v.rounded(), major.valueMax == nil,
              let m = minor.value, m == m.rounded(), m >= 0, m < 100 else { return nil }
        let between = text(major.end, minor.start).trimmingCharacters(in: .whitespaces).lowercased()
        guard between.isEmpty || between == "and" || between == "," else { return nil }
        let named = minor.unit.map { $0 == "¢" || $0.hasSuffix("-pence") } == true || minor.counted.map { Self.minorUnits.contains($0.lowercased()) } == true
        // a bare number closes the amount only where the phrase ends: "$20 43.", "20 dollars 43"
        let after = text(minor.end, min(buf.count, minor.end + 1))
        let bare = minor.kind == "number" && minor.unit == nil && minor.counted == nil && (after.isEmpty || after.first.map { $0.isPunctuation || $0.isNewline } == true)
        guard named || bare else { return nil }
        var f = major
        f.value = v + m / 100
        f.text = text(major.start, minor.end)
        f.end = minor.end
        f.approximate = major.approximate || minor.approximate
        return f
    }
}
