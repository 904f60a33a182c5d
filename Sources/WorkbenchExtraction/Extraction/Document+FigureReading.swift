import WorkbenchModel

/// The phases of reading one figure: modifiers, a currency before, the number, units or the counted thing.
extension Document {
    /// A figure being read: what the phases have found so far.
    struct FigureDraft {
        /// The first token (modifiers included).
        let start: Int
        /// The first token of the number itself, after modifiers and a currency.
        var numberStart: Int
        /// The next token to read.
        var end: Int
        var value: Double = 0
        var valueMax: Double?
        var unit: String?
        var kind: Figure.Kind = .number
        var counted: String?
        var approximate = false
        var negative = false
        var currency: UnitEntry?
        var ordinal = false
        var digits = false
        /// How many tokens the number took.
        var consumed = 0

        init(start: Int) {
            self.start = start
            numberStart = start
            end = start
        }
    }

    /// What reading the number found: nothing, a number to go on with, or a whole figure ("four-year").
    enum NumberReadResult {
        case none
        case number
        case whole(Figure, next: Int)
    }

    /// Modifiers that make a figure approximate or a bound ("at least", "up to", "no more than").
    private static let boundModifiers: Set<String> = [
        "at", "up", "no", "more", "less", "fewer", "over", "under", "below", "above", "exceeding", "upwards",
    ]

    /// Whether a figure may start at token `i` (a number, a number word, a currency, a sign).
    func mayStartFigure(_ i: Int, limit: Int) -> Bool {
        switch tokens[i].kind {
        case .number: return true
        case .word:
            return tokens[i].has([.numberWord, .figureStart, .currency])
                || tokens[i].text.containsByte(UInt8(ascii: "-"))
        case .symbol: return tokens[i].has(.currency)
        case .dash: return i + 1 < limit && tokens[i + 1].kind == .number
        default: return false
        }
    }

    /// Reads modifiers before the number: about, more than, at least, up to, minus, a minus sign.
    func readModifiers(_ d: inout FigureDraft, limit: Int) {
        var j = d.start
        while j < limit && j - d.start < 3 {
            let l = tokens[j].lower
            if Self.approximators.contains(l) && j + 1 < limit {
                // "some" / "over" / "at" / "up" / "no" only count before numbers ("at least", "up to", "no more than")
                let n = tokens[j + 1].lower
                if l == "at" && n != "least" && n != "most" { break }
                if l == "up" && n != "to" { break }
                if l == "no" && n != "more" && n != "fewer" && n != "less" { break }
                if (l == "more" || l == "less" || l == "fewer") && n != "than" { break }
                if l == "just" && n != "over" && n != "under" { break }
                d.approximate = d.approximate || !Self.boundModifiers.contains(l)
                j += 1
                if ["least", "most", "to", "than", "more", "fewer", "less", "over", "under"].contains(tokens[j].lower)
                    && j + 1 < limit && ["least", "most", "to", "than", "over", "under"].contains(tokens[j].lower)
                {
                    j += 1
                }
                if j < limit && tokens[j].lower == "than" { j += 1 }
                continue
            }
            if (l == "minus" || l == "negative") && j + 1 < limit {
                d.negative = true
                j += 1
                continue
            }
            if tokens[j].kind == .dash && j + 1 < limit && tokens[j + 1].kind == .number && !tokens[j + 1].spaceBefore
                && (j == 0 || tokens[j].spaceBefore) && (tokens[j].text == "-" || tokens[j].text == "−")
            {
                d.negative = true
                j += 1
                continue
            }
            break
        }
        d.numberStart = j
    }

    /// Reads a currency before the number: $2bn, £1.5m, US$5, pounds 1,400, Rs 20.
    func readCurrencyBefore(_ d: inout FigureDraft, limit: Int) {
        let j = d.numberStart
        guard j < limit, let c = lexicon.currencyMatcher.match(tokens, at: j, limit: limit),
            c.payload.position != .after
        else { return }
        let k = j + c.length
        if k < limit
            && (tokens[k].kind == .number || (NumberReader.wordValue(tokens[k].lower) != nil && tokens[k].spaceBefore))
        {
            d.currency = c.payload
            d.numberStart = k
        }
    }

    /// Reads the number itself: digits or words, a slash fraction before a unit, "half hour", "hundreds of",
    /// "a dozen", "a dollar", "an hour", "half a", or a hyphenated compound ("four-year", which is a whole figure).
    func readNumber(_ d: inout FigureDraft, limit: Int, reader: NumberReader, sentence: Int) -> NumberReadResult {
        let j = d.numberStart
        defer { d.end = d.numberStart + d.consumed }
        if let f = fractionBeforeUnit(at: j, limit: limit) {
            // "1/2 hour", "3/4 mile"
            (d.value, d.consumed, d.digits) = (f, 3, true)
        } else if j < limit, tokens[j].lower == "half", j + 1 < limit,
            lexicon.unitMatcher.match(tokens, at: j + 1, limit: limit)?.payload.kind == .duration
        {
            // "half hour", "half day"
            (d.value, d.consumed) = (0.5, 1)
        } else if j < limit, let r = reader.read(at: j, limit: limit) {
            (d.value, d.consumed, d.ordinal, d.digits) = (r.value, r.length, r.ordinal, r.digits)
            d.approximate = d.approximate || r.approximate
        } else if j < limit, let v = Self.vagueQuantities[tokens[j].lower], j + 1 < limit, tokens[j + 1].lower == "of" {
            // hundreds of people, tens of thousands of
            (d.value, d.consumed, d.approximate) = (v, 1, true)
            if tokens[j].lower == "tens", j + 3 < limit,
                tokens[j + 2].lower == "thousands" || tokens[j + 2].lower == "millions"
            {
                (d.value, d.consumed) = (tokens[j + 2].lower == "thousands" ? 10_000 : 10_000_000, 3)
            }
        } else if j < limit, tokens[j].lower == "a" || tokens[j].lower == "an", j + 1 < limit {
            guard let a = indefiniteNumber(at: j, limit: limit) else { return .none }
            (d.value, d.consumed) = (a.value, a.consumed)
        } else if j < limit, tokens[j].lower == "half", j + 2 < limit,
            tokens[j + 1].lower == "a" || tokens[j + 1].lower == "an"
        {
            (d.value, d.consumed) = (0.5, 2)
        } else if j < limit, tokens[j].kind == .word, tokens[j].lower.contains(Character("-")),
            let compound = hyphenCompound(tokens[j])
        {
            // four-year, 30-day, two-week
            let f = Figure(
                text: tokens[j].text, start: tokens[j].start, end: tokens[j].end, value: compound.value, valueMax: nil,
                unit: compound.unit?.unit, kind: compound.unit?.kind ?? .count,
                counted: compound.unit == nil ? compound.rest : nil,
                approximate: false, sentence: sentence)
            return .whole(f, next: j + 1)
        } else {
            return .none
        }
        return .number
    }

    /// The number an indefinite article stands for: a week, a dozen, a hundred, an hour, "a dollar"
    /// ("a euro and 42 cents", "a dollar a day"; not "a dollars 1bn deal", "a renminbi revaluation").
    private func indefiniteNumber(at j: Int, limit: Int) -> (value: Double, consumed: Int)? {
        let n = tokens[j + 1].lower
        if n == "dozen" { return (12, 2) }
        if let s = NumberReader.scales[n] { return (s, 2) }
        if let c = lexicon.currencyMatcher.match(tokens, at: j + 1, limit: limit), c.payload.position != .before,
            tokens[j + 1].kind == .word,
            j + 1 + c.length >= limit || tokens[j + 1 + c.length].kind != .word
                || ["and", "or", "a", "an", "per", "each", "apiece"].contains(tokens[j + 1 + c.length].lower)
        {
            let next = j + 1 + c.length < limit ? tokens[j + 1 + c.length] : nil
            return next?.kind == .number ? nil : (1, 1)
        }
        if let u = lexicon.unitMatcher.match(tokens, at: j + 1, limit: limit),
            u.payload.kind == .duration || n == "kg" || n == "mile" || n == "kilometre" || n == "kilometer",
            // "a second round" is an ordinal, not a duration
            !(n == "second" && j + 2 < limit && tokens[j + 2].kind == .word
                && !["later", "ago", "before", "after", "or", "and"].contains(tokens[j + 2].lower))
        {
            return (1, 1)
        }
        return nil
    }

    /// Whether the number read is no figure: "one of the", "no one", "one another", a clock time, a year.
    func isNotAFigure(_ d: FigureDraft, limit: Int) -> Bool {
        let numberStart = d.numberStart
        let first = tokens[numberStart]
        if !d.digits && !d.ordinal && d.value == 1 && d.consumed == 1 && first.lower == "one" {
            let next = numberStart + 1 < limit ? tokens[numberStart + 1].lower : ""
            if ["of", "another", "who", "that", "which", "thing", "day", "point", "side", "way", "hand"].contains(next)
            {
                return true
            }
            if numberStart > 0
                && ["no", "the", "every", "any", "each", "this", "that", "which", "someone", "only"].contains(
                    tokens[numberStart - 1].lower)
                && d.currency == nil
            {
                return true
            }
        }
        if d.ordinal && !d.digits && numberStart + 1 < limit && tokens[numberStart + 1].kind != .word
            && first.lower == "second"
        {
            return true
        }
        // a clock time: 10:30
        if d.digits && d.end < limit && tokens[d.end].text == ":" { return true }
        let k = d.end
        if d.digits && !d.ordinal && first.text.count == 4 && !first.text.contains(Character(","))
            && !first.text.contains(Character(".")) && d.value >= 1800 && d.value <= 2100 && d.currency == nil
        {
            // a year, unless it counts something ("1900 soldiers")
            if !(k < limit && tokens[k].kind == .word && tokens[k].lower.hasSuffix("s") && !tokens[k].isCapitalized) {
                return true
            }
        }
        return false
    }

    /// Reads the upper end of a range: 10 to 15, 10-15, between 10 and 15.
    func readRange(_ d: inout FigureDraft, limit: Int, reader: NumberReader) {
        let k = d.end
        guard k + 1 < limit, ["to", "-", "–", "—", "and"].contains(tokens[k].lower),
            let r = reader.read(at: k + 1, limit: limit), !r.ordinal,
            tokens[k].lower != "and" || (d.numberStart > 0 && tokens[d.numberStart - 1].lower == "between")
        else { return }
        // a spaced dash between a numeral and a number word joins no range
        if tokens[k].kind == .dash && (tokens[k].spaceBefore || tokens[k + 1].spaceBefore) && r.digits != d.digits {
            return
        }
        d.valueMax = r.value
        d.end = k + 1 + r.length
    }

    /// Whether the number labels something rather than counting it: "Article 438 of the code", "Flight 752".
    func isLabelNumber(_ d: FigureDraft) -> Bool {
        let n = d.numberStart
        return d.currency == nil && d.digits && n > 0 && n == d.start && tokens[n - 1].kind == .word
            && tokens[n - 1].isCapitalized && !isSentenceStartToken(n - 1) && entityAt[n - 1] == nil
            && !tokens[n - 1].has(.month)
    }
}
