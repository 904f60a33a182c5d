import WorkbenchModel

/// A date expression as written, before it is resolved against a reference date.
indirect enum DateExpression: Sendable {
    /// A calendar day; `year` nil when not written.
    case day(year: Int?, month: Int, day: Int)
    /// A month (of a year, when written).
    case month(year: Int?, month: Int)
    case year(Int)
    /// A weekday with a direction: -1 last/past, 0 this/unspecified (news reads backward), 1 next.
    case weekday(Int, direction: Int)
    /// A day offset from the reference date (yesterday = -1).
    case offset(days: Int)
    /// The night before the reference date's morning (overnight, last night).
    case night(offset: Int)
    /// A week relative to the reference week (-1 last week).
    case week(Int)
    /// A weekend relative to the reference date (-1 the last one, 0 this one, 1 next).
    case weekend(Int)
    /// A month relative to the reference month.
    case relativeMonth(Int)
    /// The day `n` months from the reference ("three months ago", "two years from now": months × 12).
    case monthOffset(Int)
    /// A year relative to the reference year.
    case relativeYear(Int)
    /// A span of days relative to the reference date (in the coming days = 1…7).
    case span(from: Int, to: Int)
    /// An expression that cannot be placed on the calendar ("days before").
    case vague
    /// From one expression to another.
    case range(DateExpression, DateExpression)
    /// A window of `days` ending at (and including) an expression: "for a week until Feb. 1".
    case window(days: Int, until: DateExpression)
    /// A holiday by rule.
    case holiday(HolidayRule, year: Int?, direction: Int)
    /// Part of a month: early (days 1–10), mid (11–20) or late (21 to the end): part 0, 1, 2.
    case monthPart(year: Int?, month: Int, part: Int)
    /// From the start of the current year or month to the reference date ("since the start of the year").
    case sinceStart(month: Bool)

    /// The kind reported in the model.
    var kind: DateMention.Kind {
        switch self {
        case .day, .month, .year, .monthPart: return .absolute
        case .weekday: return .weekday
        case .offset, .week, .weekend, .relativeMonth, .relativeYear, .span, .vague, .sinceStart, .monthOffset:
            return .relative
        case .night: return .night
        case .range: return .range
        case .window: return .window
        case .holiday: return .holiday
        }
    }

    /// Resolves to a first and last day against `ref` (nil when it cannot be placed).
    /// - Parameter tense: the time the clause speaks of: in the future weekdays read forward; in the
    ///   past a day or holiday without a year is the most recent one on or before `ref`.
    func resolve(_ ref: Day?, tense: ClauseTense) -> (Day, Day, DateMention.Grain)? {
        switch self {
        case .day(let y, let m, let d): return Self.resolveDay(year: y, month: m, day: d, ref: ref, tense: tense)
        case .month(let y, let m): return Self.resolveMonth(year: y, month: m, ref: ref)
        case .year(let y): return (Day(y, 1, 1)!, Day(y, 12, 31)!, .year)
        case .vague: return nil
        case .monthPart(let y, let m, let part):
            guard let whole = DateExpression.month(year: y, month: m).resolve(ref, tense: tense) else { return nil }
            let first = whole.0.adding(days: 10 * part)
            let last = part == 2 ? whole.1 : first.adding(days: 9)
            return (first, last, .interval)
        case .range(let a, let b): return Self.resolveRange(a, b, ref: ref, tense: tense)
        case .window(let days, let until):
            guard let r = until.resolve(ref, tense: tense == .past ? .unmarked : tense) else { return nil }
            return (r.1.adding(days: -days), r.1, .interval)
        case .holiday(let rule, let y, let direction):
            return rule.resolve(year: y, direction: direction, ref: ref, tense: tense)
        case .weekday, .offset, .monthOffset, .night, .week, .weekend, .relativeMonth, .relativeYear, .span,
            .sinceStart:
            guard let ref else { return nil }
            return resolveRelative(to: ref, future: tense == .future)
        }
    }

    /// A day without a year is the nearest such day; in a report of the past, last year's when it is more than
    /// two weeks ahead.
    private static func resolveDay(year y: Int?, month m: Int, day d: Int, ref: Day?, tense: ClauseTense) -> (
        Day, Day, DateMention.Grain
    )? {
        if let y { return Day(y, m, d).map { ($0, $0, .day) } }
        guard let ref else { return nil }
        var best: Day?
        for yy in [ref.year - 1, ref.year, ref.year + 1] {
            guard let c = Day(yy, m, d) else { continue }
            if best == nil || abs(c.ordinal - ref.ordinal) < abs(best!.ordinal - ref.ordinal) { best = c }
        }
        // a report of what happened "on 20 March", written in January: last year's (a date just ahead
        // may be one announced: "said the talks open on 5 February")
        if tense == .past, let b = best, b.ordinal - ref.ordinal > 14,
            let earlier = Day(b.year - 1, m, d) ?? Day(b.year - 1, m, d - 1)
        {
            best = earlier
        }
        return best.map { ($0, $0, .day) }
    }

    /// A month without a year is the nearest such month.
    private static func resolveMonth(year y: Int?, month m: Int, ref: Day?) -> (Day, Day, DateMention.Grain)? {
        let year: Int
        if let y {
            year = y
        } else {
            guard let ref else { return nil }
            let diff = m - ref.month
            year = diff > 6 ? ref.year - 1 : (diff < -6 ? ref.year + 1 : ref.year)
        }
        guard let first = Day(year, m, 1) else { return nil }
        return (first, Day(year, m, Day.daysIn(m, year))!, .month)
    }

    /// From one expression to another; an end before the start is read in the next year.
    private static func resolveRange(_ a: DateExpression, _ b: DateExpression, ref: Day?, tense: ClauseTense) -> (
        Day, Day, DateMention.Grain
    )? {
        // a window announced in the past may still lie ahead ("announced a truce from 8 May until 11 May")
        let tense = tense == .past ? .unmarked : tense
        guard let ra = a.resolve(ref, tense: tense), var rb = b.resolve(ref, tense: tense) else { return nil }
        if rb.1 < ra.0, case .day(nil, let m, let d) = b, let fixed = Day(ra.0.year + 1, m, d) {
            rb = (fixed, fixed, .day)
        }
        return (ra.0, rb.1, .interval)
    }

    /// The expressions told relative to the reference date: weekdays, offsets, nights, weeks, weekends, months,
    /// years, spans and "since the start of".
    private func resolveRelative(to ref: Day, future: Bool) -> (Day, Day, DateMention.Grain)? {
        switch self {
        case .weekday(let wd, let direction):
            let diff = wd - ref.weekday
            let day: Day
            switch direction {
            case -1: day = ref.adding(days: diff < 0 ? diff : diff - 7)
            case 1: day = ref.adding(days: diff > 0 ? diff : diff + 7)
            default:
                if future {
                    day = ref.adding(days: diff >= 0 ? diff : diff + 7)
                } else {
                    day = ref.adding(days: diff <= 0 ? diff : diff - 7)
                }
            }
            return (day, day, .day)
        case .offset(let n):
            let d = ref.adding(days: n)
            return (d, d, .day)
        case .monthOffset(let n):
            // the same day of the month, or the month's last when it is shorter
            let first = Day(ref.year, ref.month, 1)!.adding(months: n)
            let d = Day(first.year, first.month, min(ref.day, Day.daysIn(first.month, first.year)))!
            return (d, d, .day)
        case .night(let n):
            return (ref.adding(days: n - 1), ref.adding(days: n), .night)
        case .week(let n):
            let monday = ref.adding(days: 1 - ref.weekday + 7 * n)
            return (monday, monday.adding(days: 6), .week)
        case .weekend(let n):
            let wd = ref.weekday
            let saturday: Day
            switch n {
            case -1: saturday = ref.adding(days: wd >= 6 ? 6 - wd - 7 : -(wd + 1))
            case 1: saturday = ref.adding(days: 6 - wd + (wd >= 6 ? 7 : 0))
            default: saturday = ref.adding(days: 6 - wd)
            }
            return (saturday, saturday.adding(days: 1), .weekend)
        case .relativeMonth(let n):
            let d = Day(ref.year, ref.month, 1)!.adding(months: n)
            return (d, Day(d.year, d.month, Day.daysIn(d.month, d.year))!, .month)
        case .relativeYear(let n):
            return (Day(ref.year + n, 1, 1)!, Day(ref.year + n, 12, 31)!, .year)
        case .span(let a, let b):
            return (ref.adding(days: a), ref.adding(days: b), .interval)
        case .sinceStart(let month):
            return (Day(ref.year, month ? ref.month : 1, 1)!, ref, .interval)
        default:
            return nil
        }
    }
}

/// When a holiday falls: a fixed day, the nth weekday of a month, or relative to Easter.
struct HolidayRule: Sendable {
    enum Kind: Sendable {
        case fixed(month: Int, day: Int)
        /// nth (1-based; -1 = last) weekday (1 = Monday) of a month, plus `offset` days (Black Friday).
        case nthWeekday(month: Int, weekday: Int, n: Int, offset: Int)
        /// Days after Western Easter Sunday.
        case easter(offset: Int)
        /// Days after Orthodox Easter Sunday.
        case orthodoxEaster(offset: Int)
        /// Dates listed per year (lunar calendars), in the file's order; the first of a year counts.
        case table([Day])
        /// The last day of a month ("the last day of October").
        case lastDay(month: Int)
    }
    var kind: Kind

    init(kind: Kind) { self.kind = kind }

    /// Reads a rule as written in holidays.tsv: "fixed 12-25", "nth 11 thu 4 +1", "easter -2",
    /// "orthodox_easter 0", "dates 2025-03-30;2026-03-20".
    init?(parsing text: String) {
        let parts = text.fields(separatedBy: UInt8(ascii: " "))
        guard let head = parts.first else { return nil }
        func offset(_ s: String?) -> Int? { s.flatMap { Int($0.hasPrefix("+") ? String($0.dropFirst()) : $0) } }
        switch head {
        case "fixed":
            let md = parts.count == 2 ? parts[1].split(separator: "-").compactMap { Int($0) } : []
            guard md.count == 2, (1...12).contains(md[0]), (1...31).contains(md[1]) else { return nil }
            kind = .fixed(month: md[0], day: md[1])
        case "nth":
            let days = ["mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7]
            guard parts.count >= 4, let m = Int(parts[1]), (1...12).contains(m), let wd = days[parts[2]],
                let n = Int(parts[3]),
                n == -1 || (1...5).contains(n)
            else { return nil }
            kind = .nthWeekday(month: m, weekday: wd, n: n, offset: parts.count > 4 ? offset(parts[4]) ?? 0 : 0)
        case "easter", "orthodox_easter":
            guard parts.count == 2, let o = offset(parts[1]) else { return nil }
            kind = head == "easter" ? .easter(offset: o) : .orthodoxEaster(offset: o)
        case "dates":
            guard parts.count == 2 else { return nil }
            // the plain form read from bytes; another form Day(iso:) accepts ("2025-3-30") the slow way
            guard
                let table = Self.isoDays(parts[1])
                    ?? {
                        let days = parts[1].fields(separatedBy: UInt8(ascii: ";")).map { Day(iso: $0) }
                        return days.contains { $0 == nil } ? nil : days.compactMap { $0 }
                    }()
            else { return nil }
            kind = .table(table)
        default:
            return nil
        }
    }

    /// The days of a `;`-separated list of ISO dates, read from the bytes (a lunar holiday lists one a year, and
    /// lexicons are read at every start); nil when one is not `YYYY-MM-DD` or no such day exists.
    private static func isoDays(_ list: String) -> [Day]? {
        var list = list
        return list.withUTF8 { bytes -> [Day]? in
            var days: [Day] = []
            days.reserveCapacity(bytes.count / 11 + 1)
            var i = 0
            while i < bytes.count {
                if bytes[i] == UInt8(ascii: ";") {
                    i += 1
                    continue
                }
                guard i + 10 <= bytes.count, i + 10 == bytes.count || bytes[i + 10] == UInt8(ascii: ";"),
                    bytes[i + 4] == UInt8(ascii: "-"), bytes[i + 7] == UInt8(ascii: "-")
                else { return nil }
                func number(_ from: Int, _ to: Int) -> Int? {
                    var n = 0
                    for k in from..<to {
                        guard bytes[k] >= 0x30 && bytes[k] <= 0x39 else { return nil }
                        n = n * 10 + Int(bytes[k] - 0x30)
                    }
                    return n
                }
                guard let y = number(i, i + 4), let m = number(i + 5, i + 7), let d = number(i + 8, i + 10),
                    let day = Day(y, m, d)
                else { return nil }
                days.append(day)
                i += 10
            }
            return days
        }
    }

    /// The holiday meant, against `ref`: the year's when written; else the next one (this year's if not past), the
    /// last one for "last Christmas", and in news looking back the one passed in the last two months (or, in a
    /// report of the past, the last one whenever it was).
    func resolve(year y: Int?, direction: Int, ref: Day?, tense: ClauseTense) -> (Day, Day, DateMention.Grain)? {
        guard let ref = ref ?? y.flatMap({ Day($0, 1, 1) }) else { return nil }
        if let y { return date(in: y).map { ($0, $0, .day) } }
        if direction < 0 {
            if let d = date(in: ref.year), d < ref { return (d, d, .day) }
            return date(in: ref.year - 1).map { ($0, $0, .day) }
        }
        let upcoming = date(in: ref.year).flatMap { $0 >= ref ? $0 : nil } ?? date(in: ref.year + 1)
        if direction == 0, tense != .future {
            // "at Christmas" is the one that passed in the last two months; "on New Year's Eve, Russia launched"
            // in a report of the past is the last one whenever it was
            let past = date(in: ref.year).flatMap { $0 <= ref ? $0 : nil } ?? date(in: ref.year - 1)
            if let past, ref.ordinal - past.ordinal <= 60 || tense == .past { return (past, past, .day) }
        }
        return upcoming.map { ($0, $0, .day) }
    }

    func date(in year: Int) -> Day? {
        switch kind {
        case .fixed(let m, let d): return Day(year, m, d)
        case .nthWeekday(let m, let wd, let n, let offset):
            if n > 0 {
                guard let first = Day(year, m, 1) else { return nil }
                let shift = (wd - first.weekday + 7) % 7
                let d = first.adding(days: shift + 7 * (n - 1))
                return d.month == m ? d.adding(days: offset) : nil
            }
            guard let last = Day(year, m, Day.daysIn(m, year)) else { return nil }
            let shift = (last.weekday - wd + 7) % 7
            return last.adding(days: -shift + offset)
        case .easter(let offset):
            return HolidayRule.westernEaster(year).adding(days: offset)
        case .orthodoxEaster(let offset):
            return HolidayRule.orthodoxEaster(year).adding(days: offset)
        case .table(let days):
            return days.first { $0.year == year }
        case .lastDay(let m):
            return Day(year, m, Day.daysIn(m, year))
        }
    }

    /// Western Easter Sunday (anonymous Gregorian algorithm).
    static func westernEaster(_ y: Int) -> Day {
        let a = y % 19
        let b = y / 100
        let c = y % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(y, month, day)!
    }

    /// Orthodox Easter Sunday (Meeus's Julian algorithm, converted to Gregorian).
    static func orthodoxEaster(_ y: Int) -> Day {
        let a = y % 4
        let b = y % 7
        let c = y % 19
        let d = (19 * c + 15) % 30
        let e = (2 * a + 4 * b - d + 34) % 7
        let month = (d + e + 114) / 31
        let day = (d + e + 114) % 31 + 1
        let julianToGregorian = y / 100 - y / 400 - 2
        return Day(y, month, day)!.adding(days: julianToGregorian)
    }
}
