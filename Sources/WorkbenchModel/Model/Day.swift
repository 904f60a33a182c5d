/// A calendar day (proleptic Gregorian), with the arithmetic date resolution needs.
package struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    /// Creates a day when the components form a real date.
    package init?(_ year: Int, _ month: Int, _ day: Int) {
        guard month >= 1, month <= 12, day >= 1, day <= Day.daysIn(month, year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (a longer datetime's date part is accepted).
    package init?(iso: String) {
        if let (y, m, d) = Day.plainISO(iso.utf8) {
            self.init(y, m, d)
            return
        }
        let parts = iso.prefix(10).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(y, m, d)
    }

    /// The fields of text starting with exactly `DDDD-DD-DD` (then the end or an ASCII byte), read from bytes;
    /// nil for anything else, which the general reading handles.
    private static func plainISO(_ u: String.UTF8View) -> (Int, Int, Int)? {
        var fields = (0, 0, 0)
        var n = 0
        for b in u {
            if n == 10 {
                guard b < 0x80 else { return nil }
                break
            }
            if n == 4 || n == 7 {
                guard b == UInt8(ascii: "-") else { return nil }
            } else {
                guard b >= 0x30, b <= 0x39 else { return nil }
                let v = Int(b - 0x30)
                if n < 4 {
                    fields.0 = fields.0 * 10 + v
                } else if n < 7 {
                    fields.1 = fields.1 * 10 + v
                } else {
                    fields.2 = fields.2 * 10 + v
                }
            }
            n += 1
        }
        return n == 10 ? fields : nil
    }

    /// The day `n` days after 1970-01-01 (before it, for negative `n`).
    package init(ordinal n: Int) {
        // Inverse of `ordinal` (days since 0000-03-01 based civil algorithm).
        let z = n + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        year = m <= 2 ? y + 1 : y
        month = m
        day = d
    }

    /// Days since 1970-01-01.
    package var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// 1 = Monday … 7 = Sunday (ISO).
    package var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday
        return (w < 0 ? w + 7 : w) + 1
    }

    /// This day moved by `n` days.
    package func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// This day moved by `n` months (the day clamped to the month's length).
    package func adding(months n: Int) -> Day {
        let total = year * 12 + (month - 1) + n
        let y = total / 12
        let m = total % 12 + 1
        return Day(y, m, min(day, Day.daysIn(m, y)))!
    }

    /// `YYYY-MM-DD`.
    package var iso: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(String(repeating: "0", count: max(0, 4 - y.count)))\(y)-\(m)-\(d)"
    }

    package var description: String { iso }

    package static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// Number of days in `month` of `year`.
    package static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
