/// Dates and times: absolute, weekday, relative, ranges and windows.
extension Document {
    /// A date expression found at a token range.
    struct DateMatch {
        var range: Range<Int>
        var expression: DateExpression
        /// For ranges and windows: the dates written inside ("Feb. 1" in "for a week until Feb. 1").
        var parts: [DateMatch] = []
    }

    /// The time the clause holding tokens `range` speaks of, by its words (tense_words.tsv) between the
    /// nearest clause breaks (`,` `;` `:` or the sentence's ends): a future marker ("will", "is expected
    /// to") wins; else a past one ("was", "said", a verb in -ed); else it is unmarked. A clause with no
    /// verb marker ("On New Year's Eve, Russia launched …") takes the tense of the clauses beside it.
    private func clauseTense(_ range: Range<Int>, sentence: Range<Int>) -> ClauseTense {
        func isBreak(_ k: Int) -> Bool { [",", ";", ":", "—", "–"].contains(tokens[k].text) }
        // (a clause is read no further than 40 tokens each way, so text without commas stays linear)
        var a = range.lowerBound
        while a > max(sentence.lowerBound, range.lowerBound - 40) && !isBreak(a - 1) { a -= 1 }
        var b = range.upperBound
        while b < min(sentence.upperBound, range.upperBound + 40) && !isBreak(b) { b += 1 }
        let own = tense(of: a..<b, skipping: range)
        // only a short opener or closer without a verb of its own borrows its neighbour's
        guard own == .unmarked, b - a <= 14 else { return own }
        // (there the first marker counts: "On Sunday, Zelensky said the coming week will …" is the day he spoke)
        if a == sentence.lowerBound, b < sentence.upperBound {
            var after = b + 1
            while after < min(sentence.upperBound, b + 40) && !isBreak(after) { after += 1 }
            return tense(of: (b + 1)..<after, skipping: range, firstMarker: true)
        }
        if b >= sentence.upperBound - 1, a > sentence.lowerBound {
            var before = a - 1
            while before > max(sentence.lowerBound, a - 40) && !isBreak(before - 1) { before -= 1 }
            return tense(of: before..<(a - 1), skipping: range, firstMarker: true)
        }
        return own
    }

    /// Words that, with "to" and a verb, speak of what is to come.
    private static let prospective: Set<String> = [
        "expected", "expects", "expect", "plans", "planned", "set", "going", "due",
        "intends", "ready", "willing", "prepared", "wants", "hopes", "hoped",
    ]

    /// Words that open a noun phrase: after "due to" they make it a cause, not a plan.
    private static let determiners: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those",
    ]

    /// Whether the date at `range` is all its sentence says: no other words but a preposition or article.
    private func standsAlone(_ range: Range<Int>, sentence: Range<Int>) -> Bool {
        sentence.allSatisfy { k in
            range.contains(k) || tokens[k].kind != .word
                || ["on", "at", "in", "the", "for", "by", "of"].contains(tokens[k].lower)
        }
    }

    /// Whether the clause holding `range` opens with a window word ("Before schools reopen on Sept. 1, …").
    private func opensWithWindowWord(_ range: Range<Int>, sentence: Range<Int>) -> Bool {
        var a = range.lowerBound
        while a > max(sentence.lowerBound, range.lowerBound - 40)
            && ![",", ";", ":", "—", "–"].contains(tokens[a - 1].text)
        { a -= 1 }
        return a < range.lowerBound && lexicon.windowWords.contains(tokens[a].lower)
    }

    /// The tense the words of `span` (outside the date itself) mark: any future marker wins, or with
    /// `firstMarker` the first past or future marker.
    private func tense(of span: Range<Int>, skipping date: Range<Int>, firstMarker: Bool = false) -> ClauseTense {
        var past = false
        var present = false
        for k in span where !date.contains(k) {
            let w = tokens[k].lower
            let marked = lexicon.tenseWords[w]
            if marked == .future { return .future }
            if marked == .present { present = true }
            // "is expected to", "plans to", "set to", "going to", "due to" + a verb (not "due to the danger"),
            // also with its subject between ("expected Denmark to join")
            if Self.prospective.contains(w), k + 1 < span.upperBound - 1,
                let to = ((k + 1)..<min(span.upperBound - 1, k + 4)).first(where: { tokens[$0].lower == "to" }),
                !Self.determiners.contains(tokens[to + 1].lower)
            {
                return .future
            }
            // a verb in -ed, unless a present passive ("is proposed", "are expected")
            let participle =
                marked == nil && tokens[k].kind == .word && w.count >= 5 && w.hasSuffix("ed")
                && !tokens[k].isCapitalized
                && !(k > span.lowerBound && ["is", "are", "am", "be", "being"].contains(tokens[k - 1].lower))
            if marked == .past || participle {
                if firstMarker { return .past }
                past = true
            }
        }
        return past ? .past : (present ? .present : .unmarked)
    }

    /// Finds date expressions, then resolves them against the reference date.
    func extractDates() {
        dateToken = Array(repeating: false, count: tokens.count)
        var found: [DateMatch] = []
        for s in sentences {
            var i = s.tokens.lowerBound
            while i < s.tokens.upperBound {
                if let m = dateMatch(at: i, limit: s.tokens.upperBound) {
                    found.append(m)
                    i = m.range.upperBound
                } else {
                    i += 1
                }
            }
        }
        found = combineRanges(found).flatMap { [$0] + $0.parts }
        for m in found {
            for k in m.range { dateToken[k] = true }
            let si = sentenceOfToken[m.range.lowerBound]
            var tense = clauseTense(m.range, sentence: sentences[si].tokens)
            // a window's edge told in the past may lie ahead: "agreed to hold fire until 23 February";
            // so may the holiday a pause is named for ("the US had proposed a Christmas truce")
            if tense == .past, m.range.upperBound < sentences[si].tokens.upperBound,
                tokens[m.range.upperBound].has(Lexicon.pauseBit)
            {
                tense = .unmarked
            }
            if tense == .past, m.range.lowerBound > sentences[si].tokens.lowerBound,
                lexicon.windowWords.contains(tokens[m.range.lowerBound - 1].lower)
                    || opensWithWindowWord(m.range, sentence: sentences[si].tokens)
            {
                tense = .unmarked
            }
            // a date standing alone ("Monday", "Christmas", a heading or a diary line) names the coming
            // one, as a calendar reads it; in a sentence, news reads it back
            if tense == .unmarked, standsAlone(m.range, sentence: sentences[si].tokens) { tense = .future }
            let resolved = m.expression.resolve(referenceDate, tense: tense)
            var mention = self.mention(tokens: m.range)
            // "Feb. 1." at a sentence end keeps its abbreviation period; a full stop after a number does not belong
            if mention.text.hasSuffix(".") && !(tokens[m.range.upperBound - 1].kind == .word) {
                mention.text.removeLast()
                mention.end -= 1
            }
            var endValue: String? = nil
            if let r = resolved, r.0 != r.1 { endValue = r.1.iso }
            dates.append(
                DateMention(
                    text: mention.text, start: mention.start, end: mention.end, kind: m.expression.kind,
                    value: resolved?.0.iso, endValue: endValue, grain: resolved?.2, sentence: si))
        }
    }

    /// The first full date (with a year) in the headline, lede, or last lines: the article's own date.
    func writtenDate() -> Day? {
        let candidates = paragraphs.indices.filter { $0 <= 2 || $0 >= paragraphs.count - 2 }
        for pi in candidates {
            let p = paragraphs[pi]
            // only paragraphs with a four-digit year can hold a full date
            guard p.tokens.contains(where: { tokens[$0].kind == .number && tokens[$0].text.utf8.count == 4 }) else {
                continue
            }
            var i = p.tokens.lowerBound
            while i < p.tokens.upperBound {
                if let m = dateMatch(at: i, limit: p.tokens.upperBound) {
                    if case .day(let y?, let mo, let d) = m.expression, let day = Day(y, mo, d) { return day }
                    i = m.range.upperBound
                } else {
                    i += 1
                }
            }
        }
        return nil
    }

    /// Joins "from X to Y", "between X and Y", "X-Y", "for a week until X" into one expression.
    private func combineRanges(_ found: [DateMatch]) -> [DateMatch] {
        var out: [DateMatch] = []
        var n = 0
        while n < found.count {
            let a = found[n]
            if n + 1 < found.count {
                let b = found[n + 1]
                let gap = a.range.upperBound..<b.range.lowerBound
                let words = gap.map { tokens[$0].lower }
                if words == ["to"] || words == ["until"] || words == ["through"] || words == ["-"] || words == ["–"]
                    || words == ["and"] || words == ["—"]
                {
                    var start = a.range.lowerBound
                    if start > 0 && ["from", "between"].contains(tokens[start - 1].lower) { start -= 1 }
                    if words != ["and"] || (start < a.range.lowerBound) {
                        out.append(
                            DateMatch(
                                range: start..<b.range.upperBound, expression: .range(a.expression, b.expression),
                                parts: [a, b]))
                        n += 2
                        continue
                    }
                }
            }
            // "Feb. 1-5": a day followed by "-N"
            if case .day(let y, let m, _) = a.expression, a.range.upperBound + 1 < tokens.count,
                tokens[a.range.upperBound].kind == .dash, !tokens[a.range.upperBound].spaceBefore,
                tokens[a.range.upperBound + 1].kind == .number, let d2 = Int(tokens[a.range.upperBound + 1].text),
                d2 >= 1, d2 <= 31,
                sentenceOfToken[a.range.upperBound + 1] == sentenceOfToken[a.range.lowerBound]
            {
                out.append(
                    DateMatch(
                        range: a.range.lowerBound..<(a.range.upperBound + 2),
                        expression: .range(a.expression, .day(year: y, month: m, day: d2)), parts: [a]))
                n += 1
                continue
            }
            // "for a week until Feb. 1" / "for 30 days from March 18"
            if a.range.lowerBound >= 3 {
                let u = a.range.lowerBound - 1
                if ["until", "till", "through", "to"].contains(tokens[u].lower), let (days, from) = durationBefore(u) {
                    out.append(
                        DateMatch(
                            range: from..<a.range.upperBound, expression: .window(days: days, until: a.expression),
                            parts: [a]))
                    n += 1
                    continue
                }
            }
            out.append(a)
            n += 1
        }
        return out
    }

    /// "for a week" / "for 30 days" ending right before token `u`: its length in days and first token.
    private func durationBefore(_ u: Int) -> (Int, Int)? {
        var k = u - 1
        guard k >= 1 else { return nil }
        let unit = tokens[k].lower
        let perUnit: Int
        switch unit {
        case "day", "days": perUnit = 1
        case "week", "weeks": perUnit = 7
        case "month", "months": perUnit = 30
        default: return nil
        }
        k -= 1
        var count = 1
        if tokens[k].lower == "a" || tokens[k].lower == "an" {
            count = 1
        } else if let r = NumberReader(tokens: tokens).read(at: k, limit: u - 1), r.length == 1 {
            count = Int(r.value)
        } else {
            return nil
        }
        var from = k
        if k >= 1 && tokens[k - 1].lower == "for" { from = k - 1 }
        return (count * perUnit, from)
    }

    /// A single date expression starting at token `i`.
    func dateMatch(at i: Int, limit: Int) -> DateMatch? {
        let t = tokens[i]
        let l = t.lower
        // most words cannot start a date expression
        if t.kind == .word
            && !t.has(
                Lexicon.dateStartBit | Lexicon.monthBit | Lexicon.weekdayBit | Lexicon.numberWordBit
                    | Lexicon.holidayBit)
            && !l.hasPrefix("mid-")
        {
            return nil
        }
        if t.kind != .word && t.kind != .number { return nil }
        func next(_ k: Int) -> Token? { i + k < limit ? tokens[i + k] : nil }

        // ISO 2026-02-01 and numeric 2/15, 10/31/1974
        if t.kind == .number, let v = Int(t.text) {
            if t.text.count == 4, let d1 = next(1), d1.kind == .dash, !d1.spaceBefore, let m = next(2),
                m.kind == .number, !m.spaceBefore,
                let d2 = next(3), d2.kind == .dash, !d2.spaceBefore, let d = next(4), d.kind == .number, !d.spaceBefore,
                let mm = Int(m.text), let dd = Int(d.text), Day(v, mm, dd) != nil
            {
                return DateMatch(range: i..<(i + 5), expression: .day(year: v, month: mm, day: dd))
            }
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
            // 5-7 January, 5 to 7 January 2026, the night of 1-2 February: a span of days in one month
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
            // "20th of next month", "2 upcoming days"
            if let m = dayOfRelativeMonth(at: i, limit: limit) ?? upcomingUnits(at: i, limit: limit) { return m }
            // 1 February 2026 / 1st of February
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
            // a year: "in 2025", "2014." — four digits with a preposition before
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
            return offsetMatch(at: i, limit: limit)
        }
        guard t.kind == .word else { return nil }

        if let h = holidayMatch(at: i, limit: limit) { return h }
        // "the 20th of next month", "twentieth day of this month", "upcoming two months", "two upcoming days"
        if let m = dayOfRelativeMonth(at: i, limit: limit) ?? upcomingUnits(at: i, limit: limit) { return m }

        // mid-January, early February 2026, late March: part of a month
        let partWords = ["early": 0, "mid": 1, "late": 2]
        if l.hasPrefix("mid-"), let month = Grammar.months[String(l.dropFirst(4))] {
            let y = yearAt(i + 1, limit: limit, allowComma: false)
            return DateMatch(
                range: i..<(i + 1 + (y?.length ?? 0)), expression: .monthPart(year: y?.year, month: month, part: 1))
        }
        if let part = partWords[l], let m = next(1), let month = Grammar.months[m.lower], m.isCapitalized {
            let y = yearAt(i + 2, limit: limit, allowComma: false)
            return DateMatch(
                range: i..<(i + 2 + (y?.length ?? 0)), expression: .monthPart(year: y?.year, month: month, part: part))
        }
        // since the start (beginning) of the year / the month / this year
        if l == "since", next(1)?.lower == "the", ["start", "beginning"].contains(next(2)?.lower ?? ""),
            next(3)?.lower == "of",
            ["the", "this"].contains(next(4)?.lower ?? ""), let unit = next(5),
            unit.lower == "year" || unit.lower == "month"
        {
            return DateMatch(range: i..<(i + 6), expression: .sinceStart(month: unit.lower == "month"))
        }

        // "the second Tuesday of March", "first tuesday in october 2014", "last Monday of March", "third day of October",
        // "the last day of October 2015", "second of March"
        if let n = nthDate(at: i, limit: limit) { return n }
        // the first of March / the 15th
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
        // Month forms: Feb. 1, February 1st, 2026 / February 2026 / in February
        let dayFollows: Bool = {
            guard let d = next(1) else { return false }
            if d.kind == .number, let v = Int(d.text), (1...31).contains(v), d.text.count <= 2 { return true }
            return ordinalDay(d, next(2)) != nil
        }()
        if let month = Grammar.months[l], t.isCapitalized || (l.count >= 4 && l != "may" && l != "march") || dayFollows
        {
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
        // Weekdays: (on|last|next|this) Monday (morning|night)
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
        if l == "the", next(1)?.lower == "day", let rel = next(2), let w = next(3) {
            if rel.lower == "after" && w.lower == "tomorrow" {
                return DateMatch(range: i..<(i + 4), expression: .offset(days: 2))
            }
            if rel.lower == "before" && w.lower == "yesterday" {
                return DateMatch(range: i..<(i + 4), expression: .offset(days: -2))
            }
        }
        switch l {
        case "today": return DateMatch(range: i..<(i + 1), expression: .offset(days: 0))
        case "yesterday": return DateMatch(range: i..<(i + 1), expression: .offset(days: -1))
        case "tomorrow": return DateMatch(range: i..<(i + 1), expression: .offset(days: 1))
        case "tonight": return DateMatch(range: i..<(i + 1), expression: .night(offset: 1))
        case "overnight": return DateMatch(range: i..<(i + 1), expression: .night(offset: 0))
        default: break
        }
        // last/this/next week|month|year|weekend|night
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
        // over the weekend / at the weekend
        if l == "over" || l == "at" || l == "during", next(1)?.lower == "the", next(2)?.lower == "weekend" {
            return DateMatch(range: i..<(i + 3), expression: .weekend(-1))
        }
        // in the coming days / weeks; in recent days
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
        if l == "in", next(1)?.lower == "recent", let u = next(2), u.lower == "days" || u.lower == "weeks" {
            return DateMatch(
                range: i..<(i + 3), expression: u.lower == "days" ? .span(from: -7, to: -1) : .span(from: -28, to: -1))
        }
        // earlier / later this week|month|year
        if l == "earlier" || l == "later", next(1)?.lower == "this", let u = next(2) {
            switch u.lower {
            case "week": return DateMatch(range: i..<(i + 3), expression: .week(0))
            case "month": return DateMatch(range: i..<(i + 3), expression: .relativeMonth(0))
            case "year": return DateMatch(range: i..<(i + 3), expression: .relativeYear(0))
            default: break
            }
        }
        if let m = offsetMatch(at: i, limit: limit) { return m }
        if l == "a", let u = next(1), let ago = next(2), ago.lower == "ago" {
            switch u.lower {
            case "day": return DateMatch(range: i..<(i + 3), expression: .offset(days: -1))
            case "week": return DateMatch(range: i..<(i + 3), expression: .offset(days: -7))
            case "month": return DateMatch(range: i..<(i + 3), expression: .monthOffset(-1))
            case "year": return DateMatch(range: i..<(i + 3), expression: .monthOffset(-12))
            default: break
            }
        }
        if l == "days" || l == "weeks" || l == "hours", let b = next(1),
            b.lower == "before" || b.lower == "after" || b.lower == "earlier" || b.lower == "later"
        {
            return DateMatch(range: i..<(i + 2), expression: .vague)
        }
        return nil
    }

    /// A holiday: "(last|next|this) Christmas (Eve)", "Orthodox Easter 2025", "Eid al-Adha of next year".
    private func holidayMatch(at i: Int, limit: Int) -> DateMatch? {
        var k = i
        var direction = 0
        if ["last", "next", "this", "past", "coming"].contains(tokens[i].lower), i + 1 < limit {
            direction = ["last", "past"].contains(tokens[i].lower) ? -1 : tokens[i].lower == "this" ? 0 : 1
            k = i + 1
        }
        guard tokens[k].has(Lexicon.holidayBit), let m = lexicon.holidayMatcher.match(tokens, at: k, limit: limit)
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

    /// "3 days ago", "a week hence", "two years from now", "in three months": a day that many units
    /// before or after the reference date.
    private func offsetMatch(at i: Int, limit: Int) -> DateMatch? {
        func next(_ k: Int) -> Token? { i + k < limit ? tokens[i + k] : nil }
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

    /// "(the) second Tuesday of March (2014)", "last Monday in October", "third day of October",
    /// "the last day of October 2015", "second of March" — an nth weekday or day of a month.
    private func nthDate(at i: Int, limit: Int) -> DateMatch? {
        var k = i
        if tokens[k].lower == "the" { k += 1 }
        guard k < limit else { return nil }
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
    private func yearAt(_ k: Int, limit: Int, allowComma: Bool) -> (year: Int, length: Int)? {
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
        if t.kind == .word, let (v, ord) = NumberReader.wordValue(t.lower), ord, v >= 1, v <= 31 {
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
