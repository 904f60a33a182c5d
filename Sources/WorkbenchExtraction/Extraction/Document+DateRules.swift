import WorkbenchModel

/// The date rules: the shapes of date expression, and the rules for numeric dates and parts of months.
extension Document {
    /// The shapes of date expression the reader knows, each read by one function.
    enum DateRule: Sendable {
        case iso
        case slashed
        case daySpanInMonth
        case dayOfRelativeMonth
        case upcomingUnits
        case dayMonthYear
        case year
        case offset
        case holiday
        case partOfMonth
        case sinceStartOf
        case nthDayOfMonth
        case ordinalDayOfMonth
        case monthFirst
        case weekday
        case dayAfterOrBefore
        case deicticDay
        case relativeUnit
        case weekend
        case comingOrPastUnits
        case recentUnits
        case earlierOrLaterThis
        case aUnitAgo
        case unitsBeforeOrAfter

        /// The rules for an expression that starts with a number, in the order they are tried.
        static let numberLed: [DateRule] = [
            .iso, .slashed, .daySpanInMonth, .dayOfRelativeMonth, .upcomingUnits, .dayMonthYear, .year, .offset,
        ]

        /// The rules for an expression that starts with a word, in the order they are tried.
        static let wordLed: [DateRule] = [
            .holiday, .dayOfRelativeMonth, .upcomingUnits, .partOfMonth, .sinceStartOf, .nthDayOfMonth,
            .ordinalDayOfMonth, .monthFirst, .weekday, .dayAfterOrBefore, .deicticDay, .relativeUnit, .weekend,
            .comingOrPastUnits, .recentUnits, .earlierOrLaterThis, .offset, .aUnitAgo, .unitsBeforeOrAfter,
        ]
    }

    /// Reads the date expression of shape `rule` starting at token `i`, if there is one.
    func read(_ rule: DateRule, at i: Int, limit: Int) -> DateMatch? {
        switch rule {
        case .iso: return isoDate(at: i, limit: limit)
        case .slashed: return slashDate(at: i, limit: limit)
        case .daySpanInMonth: return daySpanInMonth(at: i, limit: limit)
        case .dayOfRelativeMonth: return dayOfRelativeMonth(at: i, limit: limit)
        case .upcomingUnits: return upcomingUnits(at: i, limit: limit)
        case .dayMonthYear: return dayMonthYear(at: i, limit: limit)
        case .year: return bareYear(at: i, limit: limit)
        case .offset: return offsetMatch(at: i, limit: limit)
        case .holiday: return holidayMatch(at: i, limit: limit)
        case .partOfMonth: return partOfMonth(at: i, limit: limit)
        case .sinceStartOf: return sinceStartOf(at: i, limit: limit)
        case .nthDayOfMonth: return nthDate(at: i, limit: limit)
        case .ordinalDayOfMonth: return ordinalDayOfMonth(at: i, limit: limit)
        case .monthFirst: return monthLedDate(at: i, limit: limit)
        case .weekday: return weekdayLedDate(at: i, limit: limit)
        case .dayAfterOrBefore: return dayAfterOrBefore(at: i, limit: limit)
        case .deicticDay: return deicticDay(at: i, limit: limit)
        case .relativeUnit: return relativeUnit(at: i, limit: limit)
        case .weekend: return weekendPhrase(at: i, limit: limit)
        case .comingOrPastUnits: return comingOrPastUnits(at: i, limit: limit)
        case .recentUnits: return recentUnits(at: i, limit: limit)
        case .earlierOrLaterThis: return earlierOrLaterThis(at: i, limit: limit)
        case .aUnitAgo: return aUnitAgo(at: i, limit: limit)
        case .unitsBeforeOrAfter: return unitsBeforeOrAfter(at: i, limit: limit)
        }
    }

    /// The tokens from a start position up to a limit, read by offset (`next(1)` is the token after the start).
    struct TokenWindow {
        let tokens: [Token]
        let start: Int
        let limit: Int

        /// The token `k` places after the start, or nil at or past the limit.
        func callAsFunction(_ k: Int) -> Token? { start + k < limit ? tokens[start + k] : nil }
    }

    /// An ISO date: 2026-02-01.
    func isoDate(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        guard t.kind == .number, let v = Int(t.text) else { return nil }
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if t.text.count == 4, let d1 = next(1), d1.kind == .dash, !d1.spaceBefore, let m = next(2),
            m.kind == .number, !m.spaceBefore,
            let d2 = next(3), d2.kind == .dash, !d2.spaceBefore, let d = next(4), d.kind == .number, !d.spaceBefore,
            let mm = Int(m.text), let dd = Int(d.text), Day(v, mm, dd) != nil
        {
            return DateMatch(range: i..<(i + 5), expression: .day(year: v, month: mm, day: dd))
        }
        return nil
    }

    /// A numeric date: 10/31/1974, 2/15/26, and "on 2/15" (without a preposition "2/10" may be a fraction).
    func slashDate(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        guard t.kind == .number, let v = Int(t.text) else { return nil }
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if let s1 = next(1), s1.text == "/", !s1.spaceBefore, let b = next(2), b.kind == .number, !b.spaceBefore,
            let bv = Int(b.text),
            v >= 1, v <= 12, bv >= 1, bv <= 31, t.text.count <= 2, b.text.count <= 2
        {
            if let s2 = next(3), s2.text == "/", !s2.spaceBefore, let c = next(4), c.kind == .number,
                !c.spaceBefore, var y = Int(c.text)
            {
                if c.text.count == 2 { y += y < 50 ? 2000 : 1900 }
                if Day(y, v, bv) != nil {
                    return DateMatch(range: i..<(i + 5), expression: .day(year: y, month: v, day: bv))
                }
            }
            // "2/10" could be a fraction; only take it as a date with a preposition before
            if i > 0, ["on", "by", "until", "from", "since", "before", "after"].contains(tokens[i - 1].lower) {
                return DateMatch(range: i..<(i + 3), expression: .day(year: nil, month: v, day: bv))
            }
            return nil
        }
        return nil
    }

    /// A span of days in one month: 5-7 January, 5 to 7 January 2026, the night of 1-2 February.
    func daySpanInMonth(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        guard t.kind == .number, let v = Int(t.text) else { return nil }
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if v >= 1 && v <= 31 && t.text.count <= 2, let sep = next(1),
            sep.kind == .dash || ["to", "and", "until"].contains(sep.lower),
            let w = next(2), w.kind == .number, let wv = Int(w.text), wv > v, wv <= 31, w.text.count <= 2,
            let m = next(3), let month = Grammar.months[m.lower], m.isCapitalized
        {
            let y = yearAt(i + 4, limit: limit, allowComma: true)
            return DateMatch(
                range: i..<(i + 4 + (y?.length ?? 0)),
                expression: .range(
                    .day(year: y?.year, month: month, day: v), .day(year: y?.year, month: month, day: wv)))
        }
        return nil
    }

    /// A day before its month: 1 February 2026, 1st of February.
    func dayMonthYear(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        guard t.kind == .number, let v = Int(t.text) else { return nil }
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if v >= 1 && v <= 31 && t.text.count <= 2 {
            var k = 1
            if let s = next(k), !s.spaceBefore, ["st", "nd", "rd", "th"].contains(s.lower) { k += 1 }
            if let o = next(k), o.lower == "of" { k += 1 }
            if let m = next(k), let month = Grammar.months[m.lower], m.isCapitalized || m.lower.count > 3 {
                k += 1
                if let y = yearAt(i + k, limit: limit, allowComma: true) {
                    return DateMatch(
                        range: i..<(i + k + y.length), expression: .day(year: y.year, month: month, day: v))
                }
                return DateMatch(range: i..<(i + k), expression: .day(year: nil, month: month, day: v))
            }
        }
        return nil
    }

    /// A year after a preposition: "in 2025", "since 2014." (not "2014 rounds").
    func bareYear(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        guard t.kind == .number, let v = Int(t.text) else { return nil }
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if t.text.count == 4 && v >= 1900 && v <= 2100 && i > 0 {
            let p = tokens[i - 1].lower
            if [
                "in", "since", "until", "by", "of", "from", "before", "after", "during", "year", "early", "late",
                "mid", "through", "to", "for", "and", "between", "till",
            ].contains(p)
                && !(next(1)?.kind == .word && next(1)!.lower.hasSuffix("s") && !(next(1)!.isCapitalized))
            {
                return DateMatch(range: i..<(i + 1), expression: .year(v))
            }
        }
        return nil
    }

    /// Part of a month: mid-January, early February 2026, late March.
    func partOfMonth(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l.utf8.first == UInt8(ascii: "m"), l.hasPrefix("mid-"), let month = Grammar.months[String(l.dropFirst(4))] {
            let y = yearAt(i + 1, limit: limit, allowComma: false)
            return DateMatch(
                range: i..<(i + 1 + (y?.length ?? 0)), expression: .monthPart(year: y?.year, month: month, part: 1))
        }
        if let m = next(1), m.mayHave(.month), let part = Grammar.monthParts[l], let month = Grammar.months[m.lower],
            m.isCapitalized
        {
            let y = yearAt(i + 2, limit: limit, allowComma: false)
            return DateMatch(
                range: i..<(i + 2 + (y?.length ?? 0)), expression: .monthPart(year: y?.year, month: month, part: part))
        }
        return nil
    }

    /// "since the start (beginning) of the year / the month / this year".
    func sinceStartOf(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l == "since", next(1)?.lower == "the", ["start", "beginning"].contains(next(2)?.lower ?? ""),
            next(3)?.lower == "of",
            ["the", "this"].contains(next(4)?.lower ?? ""), let unit = next(5),
            unit.lower == "year" || unit.lower == "month"
        {
            return DateMatch(range: i..<(i + 6), expression: .sinceStart(month: unit.lower == "month"))
        }
        return nil
    }

    /// An ordinal day with "the": "the first of March", "the 15th of June 2014".
    func ordinalDayOfMonth(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l == "the", let o = next(1), let ord = ordinalDay(o, next(2)) {
            var k = 1 + ord.length
            if let of = next(k), of.lower == "of", let m = next(k + 1), let month = Grammar.months[m.lower] {
                k += 2
                if let y = yearAt(i + k, limit: limit, allowComma: true) {
                    return DateMatch(
                        range: i..<(i + k + y.length), expression: .day(year: y.year, month: month, day: ord.day))
                }
                return DateMatch(range: i..<(i + k), expression: .day(year: nil, month: month, day: ord.day))
            }
        }
        return nil
    }
}
