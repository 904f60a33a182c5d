/// Date rules for expressions relative to the time of writing: today, last week, in the coming days, a year ago.
extension Document {
    /// "the day after tomorrow", "the day before yesterday".
    func dayAfterOrBefore(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l == "the", next(1)?.lower == "day", let rel = next(2), let w = next(3) {
            if rel.lower == "after" && w.lower == "tomorrow" {
                return DateMatch(range: i..<(i + 4), expression: .offset(days: 2))
            }
            if rel.lower == "before" && w.lower == "yesterday" {
                return DateMatch(range: i..<(i + 4), expression: .offset(days: -2))
            }
        }
        return nil
    }

    /// today, yesterday, tomorrow, tonight, overnight.
    func deicticDay(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        switch l {
        case "today": return DateMatch(range: i..<(i + 1), expression: .offset(days: 0))
        case "yesterday": return DateMatch(range: i..<(i + 1), expression: .offset(days: -1))
        case "tomorrow": return DateMatch(range: i..<(i + 1), expression: .offset(days: 1))
        case "tonight": return DateMatch(range: i..<(i + 1), expression: .night(offset: 1))
        case "overnight": return DateMatch(range: i..<(i + 1), expression: .night(offset: 0))
        default: break
        }
        return nil
    }

    /// last/this/next week, weekend, month, year; "last night", "this morning".
    func relativeUnit(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if ["last", "this", "next", "past", "previous", "coming"].contains(l), let u = next(1) {
            let dir = l == "last" || l == "past" || l == "previous" ? -1 : (l == "this" ? 0 : 1)
            switch u.lower {
            case "week": return DateMatch(range: i..<(i + 2), expression: .week(dir))
            case "weekend": return DateMatch(range: i..<(i + 2), expression: .weekend(dir))
            case "month": return DateMatch(range: i..<(i + 2), expression: .relativeMonth(dir))
            case "year", "yr": return DateMatch(range: i..<(i + 2), expression: .relativeYear(dir))
            case "night" where dir == -1: return DateMatch(range: i..<(i + 2), expression: .night(offset: 0))
            case "morning" where dir == 0: return DateMatch(range: i..<(i + 2), expression: .offset(days: 0))
            default: break
            }
        }
        return nil
    }

    /// "over the weekend", "at the weekend", "during the weekend": the last one.
    func weekendPhrase(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l == "over" || l == "at" || l == "during", next(1)?.lower == "the", next(2)?.lower == "weekend" {
            return DateMatch(range: i..<(i + 3), expression: .weekend(-1))
        }
        return nil
    }

    /// "in the coming days", "in the next weeks", "in the past months".
    func comingOrPastUnits(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l == "in", next(1)?.lower == "the", let c = next(2),
            c.lower == "coming" || c.lower == "next" || c.lower == "past" || c.lower == "last", let u = next(3)
        {
            let sign = c.lower == "past" || c.lower == "last" ? -1 : 1
            switch u.lower {
            case "days":
                return DateMatch(
                    range: i..<(i + 4), expression: sign > 0 ? .span(from: 1, to: 7) : .span(from: -7, to: -1))
            case "weeks":
                return DateMatch(
                    range: i..<(i + 4), expression: sign > 0 ? .span(from: 1, to: 28) : .span(from: -28, to: -1))
            case "months":
                return DateMatch(
                    range: i..<(i + 4), expression: sign > 0 ? .span(from: 1, to: 90) : .span(from: -90, to: -1))
            default: break
            }
        }
        return nil
    }

    /// "in recent days", "in recent weeks".
    func recentUnits(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l == "in", next(1)?.lower == "recent", let u = next(2), u.lower == "days" || u.lower == "weeks" {
            return DateMatch(
                range: i..<(i + 3), expression: u.lower == "days" ? .span(from: -7, to: -1) : .span(from: -28, to: -1))
        }
        return nil
    }

    /// "earlier this week", "later this month", "earlier this year".
    func earlierOrLaterThis(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l == "earlier" || l == "later", next(1)?.lower == "this", let u = next(2) {
            switch u.lower {
            case "week": return DateMatch(range: i..<(i + 3), expression: .week(0))
            case "month": return DateMatch(range: i..<(i + 3), expression: .relativeMonth(0))
            case "year": return DateMatch(range: i..<(i + 3), expression: .relativeYear(0))
            default: break
            }
        }
        return nil
    }

    /// "a day ago", "a week ago", "a month ago", "a year ago".
    func aUnitAgo(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l == "a", let u = next(1), let ago = next(2), ago.lower == "ago" {
            switch u.lower {
            case "day": return DateMatch(range: i..<(i + 3), expression: .offset(days: -1))
            case "week": return DateMatch(range: i..<(i + 3), expression: .offset(days: -7))
            case "month": return DateMatch(range: i..<(i + 3), expression: .monthOffset(-1))
            case "year": return DateMatch(range: i..<(i + 3), expression: .monthOffset(-12))
            default: break
            }
        }
        return nil
    }

    /// "days before", "weeks later", "hours earlier": a vague time.
    func unitsBeforeOrAfter(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        let next = TokenWindow(tokens: tokens, start: i, limit: limit)
        if l == "days" || l == "weeks" || l == "hours", let b = next(1),
            b.lower == "before" || b.lower == "after" || b.lower == "earlier" || b.lower == "later"
        {
            return DateMatch(range: i..<(i + 2), expression: .vague)
        }
        return nil
    }

    /// "3 days ago", "a week hence", "two years from now", "in three months": a day that many units
    /// before or after the reference date.
    func offsetMatch(at i: Int, limit: Int) -> DateMatch? {
        func next(_ k: Int) -> Token? { i + k < limit ? tokens[i + k] : nil }
        // "in" or the number the reader starts at
        guard
            tokens[i].kind == .number || tokens[i].kind == .word && tokens[i].mayHave(.numberWord)
                || tokens[i].lower == "in"
        else { return nil }
        let l = tokens[i].lower
        // in three days / in two weeks
        if l == "in", let r = NumberReader(tokens: tokens).read(at: i + 1, limit: limit), !r.ordinal, r.value >= 1,
            r.value < 1000,
            let u = next(1 + r.length), let e = future(Int(r.value), unit: u.lower)
        {
            return DateMatch(range: i..<(i + 2 + r.length), expression: e)
        }
        guard let r = NumberReader(tokens: tokens).read(at: i, limit: limit), !r.ordinal, r.value >= 1,
            r.value < 1000 || l == "a",
            let u = next(r.length), let after = next(r.length + 1)
        else { return nil }
        let n = Int(r.value)
        // "three Fridays from now", "2 Thursdays ago"
        let ahead =
            after.lower == "hence"
            || (after.lower == "from" && ["now", "today"].contains(next(r.length + 2)?.lower ?? ""))
        if ahead || after.lower == "ago" || after.lower == "back",
            let e = weekdaysAway(n, weekdayWord: u.lower, direction: ahead ? 1 : -1)
        {
            return DateMatch(range: i..<(i + r.length + (after.lower == "from" ? 3 : 2)), expression: e)
        }
        switch after.lower {
        case "ago", "before", "earlier", "back":
            // "days before" alone is vague; "3 days ago" is a day
            guard after.lower == "ago" || after.lower == "back", let e = future(-n, unit: u.lower) else { return nil }
            return DateMatch(range: i..<(i + r.length + 2), expression: e)
        case "hence", "later":
            guard after.lower == "hence", let e = future(n, unit: u.lower) else { return nil }
            return DateMatch(range: i..<(i + r.length + 2), expression: e)
        case "from":
            guard let now = next(r.length + 2), ["now", "today"].contains(now.lower), let e = future(n, unit: u.lower)
            else { return nil }
            return DateMatch(range: i..<(i + r.length + 3), expression: e)
        default:
            return nil
        }
    }

    /// The date `n` units after the reference date (negative: before): "in three days", "two weeks from now".
    private func future(_ n: Int, unit: String) -> DateExpression? {
        switch unit {
        case "day", "days": return .offset(days: n)
        case "week", "weeks": return .offset(days: 7 * n)
        case "month", "months": return .monthOffset(n)
        case "year", "years": return .monthOffset(12 * n)
        default: return nil
        }
    }
}
