import WorkbenchModel

/// Date rules for calendar names: months, weekdays, holidays and nth days of a month, with the years they take.
extension Document {
    /// A date that starts with its month: Feb. 1, February 1st, 2026, February the 15th, February 2026, "in February", "March after next".
    func monthLedDate(at i: Int, limit: Int) -> DateMatch? {
        guard tokens[i].mayHave(.month), let month = Grammar.months[tokens[i].lower] else { return nil }
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        let dayFollows: Bool = {
            guard let d = next(1) else { return false }
            if d.kind == .number, let v = Int(d.text), (1...31).contains(v), d.text.count <= 2 { return true }
            return ordinalDay(d, next(2)) != nil
        }()
        if t.isCapitalized || (l.count >= 4 && l != "may" && l != "march") || dayFollows {
            if l == "may" && !t.isCapitalized && !dayFollows { return nil }
            // "February the 15th"
            if let the = next(1), the.lower == "the", let d = next(2), let ord = ordinalDay(d, next(3)) {
                let k = 2 + ord.length
                if let y = yearAt(i + k, limit: limit, allowComma: true) {
                    return DateMatch(
                        range: i..<(i + k + y.length), expression: .day(year: y.year, month: month, day: ord.day))
                }
                return DateMatch(range: i..<(i + k), expression: .day(year: nil, month: month, day: ord.day))
            }
            var k = 1
            if let d = next(k), d.kind == .number, let dv = Int(d.text), dv >= 1, dv <= 31, d.text.count <= 2 {
                k += 1
                if let s = next(k), !s.spaceBefore, ["st", "nd", "rd", "th"].contains(s.lower) { k += 1 }
                if let y = yearAt(i + k, limit: limit, allowComma: true) {
                    return DateMatch(
                        range: i..<(i + k + y.length), expression: .day(year: y.year, month: month, day: dv))
                }
                return DateMatch(range: i..<(i + k), expression: .day(year: nil, month: month, day: dv))
            }
            if let d = next(1), let ord = ordinalDay(d, next(2)), ord.word {
                if let y = yearAt(i + 1 + ord.length, limit: limit, allowComma: true) {
                    return DateMatch(
                        range: i..<(i + 1 + ord.length + y.length),
                        expression: .day(year: y.year, month: month, day: ord.day))
                }
                return DateMatch(
                    range: i..<(i + 1 + ord.length), expression: .day(year: nil, month: month, day: ord.day))
            }
            if let y = yearAt(i + 1, limit: limit, allowComma: false) {
                return DateMatch(range: i..<(i + 1 + y.length), expression: .month(year: y.year, month: month))
            }
            // "March after next": the March after the coming one
            if let ref = referenceDate, next(1)?.lower == "after", next(2)?.lower == "next" {
                return DateMatch(
                    range: i..<(i + 3),
                    expression: .month(year: (month > ref.month ? ref.year : ref.year + 1) + 1, month: month))
            }
            // a bare month needs a preposition or modifier before it ("May" is also a verb)
            if i > 0, sentenceOfToken[i - 1] == sentenceOfToken[i],
                [
                    "in", "since", "until", "by", "early", "late", "mid", "of", "last", "next", "this", "from",
                    "through", "till", "before", "after", "during", "end",
                ].contains(tokens[i - 1].lower) || t.text.hasPrefix("mid-")
            {
                if i > 0, tokens[i - 1].lower == "last" {
                    return DateMatch(range: (i - 1)..<(i + 1), expression: .month(year: nil, month: month))
                }
                return DateMatch(range: i..<(i + 1), expression: .month(year: nil, month: month))
            }
            return nil
        }
        return nil
    }

    /// A weekday, possibly with its week or date: (on|last|next|this) Monday (morning), "Wednesday next week", "Fri, Jul 18", "Tuesday the 19th".
    func weekdayLedDate(at i: Int, limit: Int) -> DateMatch? {
        guard tokens[i].mayHave(.weekday) else { return nil }
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if let wd = Grammar.weekdays[l], t.isCapitalized || l.count >= 6 || Grammar.weekdayAbbreviations.contains(l) {
            var end = i + 1
            if let tod = next(1), ["morning", "afternoon", "evening", "night"].contains(tod.lower) { end += 1 }
            var start = i
            var dir = 0
            // (the word before belongs to the same sentence: "… after next" ending a paragraph is not "next Sunday")
            if i > 0, sentenceOfToken[i - 1] == sentenceOfToken[i] {
                switch tokens[i - 1].lower {
                case "last", "past":
                    dir = -1
                    start = i - 1
                case "next", "coming":
                    dir = 1
                    start = i - 1
                case "this": start = i - 1
                default: break
                }
            }
            // "Wednesday next week", "Wednesday of this week", "Friday after next"
            if start == i, let w = weekdayInWeek(wd, after: i + 1, limit: limit) {
                return DateMatch(
                    range: i..<w.end, expression: .day(year: w.day.year, month: w.day.month, day: w.day.day))
            }
            // "Fri, Jul 18" / "Monday, February 2": the date that follows says which day
            var after = i + 1
            if after < limit, tokens[after].text == "," { after += 1 }
            if after < limit, Grammar.months[tokens[after].lower] != nil, let d = dateMatch(at: after, limit: limit),
                case .day(let y, let m, let dd) = d.expression
            {
                // without a year, the weekday says which: "Fri, Jul 18" is the nearest 18 July that is a Friday
                if y == nil, let ref = referenceDate, let year = Self.year(of: wd, month: m, day: dd, near: ref) {
                    return DateMatch(range: start..<d.range.upperBound, expression: .day(year: year, month: m, day: dd))
                }
                return DateMatch(range: start..<d.range.upperBound, expression: d.expression)
            }
            // "Tuesday the 19th", "Thu 15th": that day of the reference month
            var o = i + 1
            if o < limit, tokens[o].lower == "the" { o += 1 }
            if o < limit, let ord = ordinalDay(tokens[o], o + 1 < limit ? tokens[o + 1] : nil), !ord.word || o > i + 1,
                let ref = referenceDate
            {
                return DateMatch(
                    range: start..<(o + ord.length), expression: .day(year: nil, month: ref.month, day: ord.day))
            }
            return DateMatch(range: start..<end, expression: .weekday(wd, direction: dir))
        }
        return nil
    }

    /// A holiday: "(last|next|this) Christmas (Eve)", "Orthodox Easter 2025", "Eid al-Adha of next year".
    func holidayMatch(at i: Int, limit: Int) -> DateMatch? {
        guard tokens[i].has(.holiday) || (i + 1 < limit && tokens[i + 1].has(.holiday)) else { return nil }
        var k = i
        var direction = 0
        if ["last", "next", "this", "past", "coming"].contains(tokens[i].lower), i + 1 < limit {
            direction = ["last", "past"].contains(tokens[i].lower) ? -1 : tokens[i].lower == "this" ? 0 : 1
            k = i + 1
        }
        guard tokens[k].has(.holiday), let m = lexicon.holidayMatcher.match(tokens, at: k, limit: limit)
        else { return nil }
        var end = k + m.length
        var year: Int?
        if let y = yearAt(end, limit: limit, allowComma: true) {
            year = y.year
            end += y.length
        } else if end + 2 < limit, tokens[end].lower == "of", ["next", "last", "this"].contains(tokens[end + 1].lower),
            tokens[end + 2].lower == "year",
            let ref = referenceDate
        {
            year = ref.year + (tokens[end + 1].lower == "next" ? 1 : tokens[end + 1].lower == "last" ? -1 : 0)
            end += 3
        } else if end + 1 < limit, ["next", "last", "this"].contains(tokens[end].lower),
            tokens[end + 1].lower == "year", let ref = referenceDate
        {
            year = ref.year + (tokens[end].lower == "next" ? 1 : tokens[end].lower == "last" ? -1 : 0)
            end += 2
        } else if end + 1 < limit, tokens[end].lower == "in", let y = yearAt(end + 1, limit: limit, allowComma: false) {
            // "Diwali in 2019"
            year = y.year
            end += 1 + y.length
        } else if let ref = referenceDate, let shift = yearsAway(at: end, limit: limit) {
            // "Thanksgiving in 3 years", "Diwali six years hence", "Easter two years ago"
            year = ref.year + shift.years
            end = shift.end
        }
        return DateMatch(range: i..<end, expression: .holiday(m.payload, year: year, direction: direction))
    }

    /// "(the) second Tuesday of March (2014)", "last Monday in October", "third day of October",
    /// "the last day of October 2015", "second of March" — an nth weekday or day of a month.
    func nthDate(at i: Int, limit: Int) -> DateMatch? {
        var k = i
        if tokens[k].lower == "the" { k += 1 }
        guard k < limit,
            tokens[k].kind == .number || tokens[k].kind == .word && tokens[k].mayHave(.numberWord)
                || tokens[k].lower == "last"
        else { return nil }
        var n: Int?
        var length = 1
        if tokens[k].lower == "last" {
            n = -1
        } else if let ord = ordinalDay(tokens[k], k + 1 < limit ? tokens[k + 1] : nil) {
            n = ord.day
            length = ord.length
        }
        guard let nth = n else { return nil }
        var j = k + length
        guard j < limit else { return nil }
        var weekday: Int?
        var dayWord = false
        if let wd = Grammar.weekdays[tokens[j].lower] {
            weekday = wd
            j += 1
        } else if tokens[j].lower == "day" {
            dayWord = true
            j += 1
        }
        guard j + 1 < limit, ["of", "in"].contains(tokens[j].lower) else { return nil }
        // "the first Monday of last month", "second Tuesday of the month"
        if let wd = weekday, let m = relativeMonth(at: j + 1, limit: limit), nth == -1 || (1...5).contains(nth),
            let d = Self.nthWeekday(nth, wd, year: m.year, month: m.month)
        {
            return DateMatch(range: i..<(j + 1 + m.length), expression: .day(year: d.year, month: d.month, day: d.day))
        }
        guard let month = Grammar.months[tokens[j + 1].lower] else { return nil }
        // without a weekday: "second of March", "third day of October", "the last day of (or in) May"
        if weekday == nil {
            if !dayWord && nth < 1 { return nil }
            if tokens[j].lower != "of" && !(dayWord && nth == -1) { return nil }
        }
        var end = j + 2
        let year = yearAt(end, limit: limit, allowComma: true)
        if let y = year { end += y.length }
        let expression: DateExpression
        if let wd = weekday {
            guard nth == -1 || (1...5).contains(nth) else { return nil }
            expression = .holiday(
                HolidayRule(kind: .nthWeekday(month: month, weekday: wd, n: nth, offset: 0)), year: year?.year,
                direction: 0)
        } else if nth == -1 {
            guard dayWord else { return nil }
            expression = .holiday(HolidayRule(kind: .lastDay(month: month)), year: year?.year, direction: 0)
        } else {
            guard (1...31).contains(nth) else { return nil }
            expression = .day(year: year?.year, month: month, day: nth)
        }
        return DateMatch(range: i..<end, expression: expression)
    }

    /// A four-digit year at `k` (after an optional comma).
    func yearAt(_ k: Int, limit: Int, allowComma: Bool) -> (year: Int, length: Int)? {
        var k = k
        var n = 0
        if allowComma, k < limit, tokens[k].text == "," {
            k += 1
            n = 1
        }
        guard k < limit, tokens[k].kind == .number, tokens[k].text.count == 4, let y = Int(tokens[k].text), y >= 1800,
            y <= 2200
        else { return nil }
        return (y, n + 1)
    }

    /// A day of the month written as an ordinal: "first", "15th", "twenty-first".
    func ordinalDay(_ t: Token, _ after: Token?) -> (day: Int, length: Int, word: Bool)? {
        if t.kind == .number, let v = Int(t.text), v >= 1, v <= 31, let s = after, !s.spaceBefore,
            ["st", "nd", "rd", "th"].contains(s.lower)
        {
            return (v, 2, false)
        }
        if t.kind == .word, t.mayHave(.numberWord), let (v, ord) = NumberReader.wordValue(t.lower), ord,
            v >= 1, v <= 31
        {
            return (Int(v), 1, true)
        }
        return nil
    }

    /// The year, within six of `ref`'s, whose `month`/`day` falls on `weekday` (1 = Monday) nearest to `ref`.
    static func year(of weekday: Int, month: Int, day: Int, near ref: Day) -> Int? {
        (ref.year - 6...ref.year + 6).compactMap { y -> (Int, Int)? in
            guard let d = Day(y, month, day), d.month == month, d.weekday == weekday else { return nil }
            return (y, abs(d.ordinal - ref.ordinal))
        }.min { $0.1 < $1.1 }?.0
    }
}
