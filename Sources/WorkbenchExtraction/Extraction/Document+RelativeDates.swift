import WorkbenchModel

/// Dates placed against the reference date by a relative word: a day of next month, the nth weekday
/// of last month, a weekday of next week, "three Fridays from now", "the upcoming two months".
extension Document {
    /// Words that place a month, week or year relative to the reference one.
    private static let relativeOffsets: [String: Int] = [
        "next": 1, "following": 1, "coming": 1, "this": 0, "current": 0, "last": -1, "previous": -1, "past": -1,
    ]

    /// "(the) next month", "this month", "the current month", "the month": the month's year and number and
    /// the tokens it takes, counted from the reference date.
    func relativeMonth(at k: Int, limit: Int) -> (year: Int, month: Int, length: Int)? {
        guard let ref = referenceDate, k < limit else { return nil }
        var j = k
        if tokens[j].lower == "the" { j += 1 }
        var offset = 0
        if j < limit, let o = Self.relativeOffsets[tokens[j].lower] {
            offset = o
            j += 1
        } else if j == k {
            return nil
        }
        guard j < limit, tokens[j].lower == "month" else { return nil }
        let first = Day(ref.year, ref.month, 1)!.adding(months: offset)
        return (first.year, first.month, j + 1 - k)
    }

    /// "20th of next month", "the 5th of this month", "20 of the current month", "20th day of the previous month".
    func dayOfRelativeMonth(at i: Int, limit: Int) -> DateMatch? {
        var k = i
        if tokens[k].lower == "the" { k += 1 }
        guard k < limit, tokens[k].kind == .number || tokens[k].kind == .word && tokens[k].mayHave(.numberWord) else {
            return nil
        }
        let day: Int
        if let ord = ordinalDay(tokens[k], k + 1 < limit ? tokens[k + 1] : nil) {
            day = ord.day
            k += ord.length
        } else if tokens[k].kind == .number, tokens[k].text.count <= 2, let v = Int(tokens[k].text),
            (1...31).contains(v)
        {
            day = v
            k += 1
        } else {
            return nil
        }
        if k < limit, tokens[k].lower == "day" { k += 1 }
        guard k < limit, tokens[k].lower == "of", let m = relativeMonth(at: k + 1, limit: limit),
            let d = Day(m.year, m.month, day),
            d.month == m.month
        else { return nil }
        return DateMatch(range: i..<(k + 1 + m.length), expression: .day(year: d.year, month: d.month, day: d.day))
    }

    /// The nth (or last) `weekday` of a month: 1 = Monday.
    static func nthWeekday(_ n: Int, _ weekday: Int, year: Int, month: Int) -> Day? {
        if n == -1 {
            let last = Day(year, month, Day.daysIn(month, year))!
            return last.adding(days: -((last.weekday - weekday + 7) % 7))
        }
        let first = Day(year, month, 1)!
        let d = first.adding(days: (weekday - first.weekday + 7) % 7 + 7 * (n - 1))
        return d.month == month ? d : nil
    }

    /// After a weekday at `k`: "next week", "of this week", "of next week", "after next": the day it names.
    func weekdayInWeek(_ weekday: Int, after k: Int, limit: Int) -> (day: Day, end: Int)? {
        guard let ref = referenceDate, k < limit else { return nil }
        var j = k
        if tokens[j].lower == "after", j + 1 < limit, tokens[j + 1].lower == "next" {
            // "Wednesday after next": the one after the coming one
            let diff = weekday - ref.weekday
            return (ref.adding(days: (diff > 0 ? diff : diff + 7) + 7), j + 2)
        }
        if tokens[j].lower == "of" { j += 1 }
        guard j + 1 < limit, let offset = Self.relativeOffsets[tokens[j].lower], tokens[j + 1].lower == "week",
            offset != 0 || tokens[k].lower == "of"
        else { return nil }
        let monday = ref.adding(days: 1 - ref.weekday + 7 * offset)
        return (monday.adding(days: weekday - 1), j + 2)
    }

    /// "three Fridays from now", "2 Thursdays ago": the nth such weekday after (or before) the reference date.
    func weekdaysAway(_ n: Int, weekdayWord: String, direction: Int) -> DateExpression? {
        guard let ref = referenceDate, weekdayWord.hasSuffix("s"),
            let wd = Grammar.weekdays[String(weekdayWord.dropLast())],
            wd > 0, n >= 1
        else { return nil }
        let diff = wd - ref.weekday
        let day =
            direction > 0
            ? ref.adding(days: (diff > 0 ? diff : diff + 7) + 7 * (n - 1))
            : ref.adding(days: (diff < 0 ? diff : diff - 7) - 7 * (n - 1))
        return .day(year: day.year, month: day.month, day: day.day)
    }

    /// "the upcoming two months", "2 upcoming days": the last of those units, from its start (as Duckling
    /// reads it: "upcoming two months" in February is April).
    func upcomingUnits(at i: Int, limit: Int) -> DateMatch? {
        guard let ref = referenceDate else { return nil }
        let reader = NumberReader(tokens: tokens)
        var k = i
        let n: Int
        if tokens[k].lower == "upcoming", let r = reader.read(at: k + 1, limit: limit), !r.ordinal {
            n = Int(r.value)
            k += 1 + r.length
        } else if let r = reader.read(at: k, limit: limit), !r.ordinal, k + r.length < limit,
            tokens[k + r.length].lower == "upcoming"
        {
            n = Int(r.value)
            k += r.length + 1
        } else {
            return nil
        }
        guard n >= 1, n < 1000, k < limit else { return nil }
        let day: Day
        switch tokens[k].lower {
        case "day", "days": day = ref.adding(days: n)
        case "week", "weeks": day = ref.adding(days: 1 - ref.weekday + 7 * n)
        case "month", "months": day = Day(ref.year, ref.month, 1)!.adding(months: n)
        case "year", "years": day = Day(ref.year + n, 1, 1)!
        default: return nil
        }
        return DateMatch(range: i..<(k + 1), expression: .day(year: day.year, month: day.month, day: day.day))
    }

    /// "in 3 years", "six years hence", "two years from now", "two years ago" at `k`: how many years away
    /// (negative: before) and the index after the phrase.
    func yearsAway(at k: Int, limit: Int) -> (years: Int, end: Int)? {
        let reader = NumberReader(tokens: tokens)
        var j = k
        let leadingIn = j < limit && tokens[j].lower == "in"
        if leadingIn { j += 1 }
        guard let r = reader.read(at: j, limit: limit), !r.ordinal, r.value >= 1, r.value < 100,
            r.value == r.value.rounded()
        else { return nil }
        j += r.length
        guard j < limit, ["year", "years"].contains(tokens[j].lower) else { return nil }
        j += 1
        let n = Int(r.value)
        if leadingIn { return (n, j) }
        guard j < limit else { return nil }
        switch tokens[j].lower {
        case "hence", "later": return (n, j + 1)
        case "ago", "earlier": return (-n, j + 1)
        case "from" where j + 1 < limit && ["now", "today"].contains(tokens[j + 1].lower): return (n, j + 2)
        default: return nil
        }
    }
}
