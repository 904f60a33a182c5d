/// Figures: counts, money, measures, percentages, ordinals and durations.
extension Document {
    private static let approximators: Set<String> = [
        "about", "around", "roughly", "nearly", "almost", "approximately", "some", "circa",
        "over", "under", "below", "above", "exceeding", "up", "more", "less", "fewer", "at",
        "estimated", "approx", "approx.", "~", "no", "upwards", "just",
    ]
    private static let vagueQuantities: [String: Double] = [
        "hundreds": 100, "thousands": 1000, "dozens": 24, "millions": 1e6, "billions": 1e9,
        "tens": 10, "scores": 40,
    ]
    /// Words that end a counted noun phrase.
    private static let countedStops: Set<String> = [
        "of", "and", "or", "but", "to", "in", "on", "at", "for", "from", "with", "by", "as", "than", "that", "which",
        "who", "were", "was",
        "are", "is", "be", "been", "had", "have", "has", "will", "would", "could", "can", "may", "might", "should",
        "must", "said", "says",
        "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "into", "over", "under", "after",
        "before", "since",
        "during", "while", "when", "where", "if", "per", "each", "more", "less", "fewer", "up", "down", "out", "off",
        "not", "no",
        "also", "still", "already", "just", "only", "about", "around", "near", "across", "against", "between",
        "through", "ago",
        "later", "earlier", "overnight", "today", "yesterday", "tomorrow", "last", "next", "this", "so", "too", "very",
        "all",
        "now", "then", "drawn", "shown", "taken", "given", "known", "seen", "held", "found", "made", "sent", "kept",
        "brought", "caught", "built",
    ]

    /// Finds figures in every sentence (tokens already used by dates are skipped).
    func extractFigures() {
        let reader = NumberReader(tokens: tokens)
        defer { figures = resolveEllipticalCounts(joinAmountParts(figures)) }
        for (si, s) in sentences.enumerated() {
            var i = s.tokens.lowerBound
            let end = s.tokens.upperBound
            while i < end {
                if dateToken[i] {
                    i += 1
                    continue
                }
                if let f = figure(at: i, limit: end, reader: reader, sentence: si) {
                    figures.append(f.figure)
                    i = f.next
                } else {
                    i += 1
                }
            }
        }
    }

    /// Reads a figure starting at token `i`, returning it and the next token to scan.
    private func figure(at i: Int, limit: Int, reader: NumberReader, sentence: Int) -> (figure: Figure, next: Int)? {
        let t0 = tokens[i]
        switch t0.kind {
        case .number: break
        case .word:
            if !t0.has(Lexicon.numberWordBit | Lexicon.figureStartBit | Lexicon.currencyBit)
                && !t0.text.utf8.contains(UInt8(ascii: "-"))
            {
                return nil
            }
        case .symbol: if !t0.has(Lexicon.currencyBit) { return nil }
        case .dash: if !(i + 1 < limit && tokens[i + 1].kind == .number) { return nil }
        default: return nil
        }
        var j = i
        var approximate = false
        var negative = false
        var currency: UnitEntry?
        var bound = false
        // Modifiers: about, more than, at least, up to, minus …
        while j < limit && j - i < 3 {
            let l = tokens[j].lower
            if Self.approximators.contains(l) && j + 1 < limit {
                // "some" / "over" / "at" / "up" / "no" only count before numbers ("at least", "up to", "no more than")
                let n = tokens[j + 1].lower
                if l == "at" && n != "least" && n != "most" { break }
                if l == "up" && n != "to" { break }
                if l == "no" && n != "more" && n != "fewer" && n != "less" { break }
                if (l == "more" || l == "less" || l == "fewer") && n != "than" { break }
                if l == "just" && n != "over" && n != "under" { break }
                approximate =
                    approximate
                    || ![
                        "at", "up", "no", "more", "less", "fewer", "over", "under", "below", "above", "exceeding",
                        "upwards",
                    ].contains(l)
                bound =
                    bound
                    || ["at", "up", "no", "more", "less", "fewer", "over", "under", "below", "above", "exceeding"]
                        .contains(l)
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
                negative = true
                j += 1
                continue
            }
            if tokens[j].kind == .dash && j + 1 < limit && tokens[j + 1].kind == .number && !tokens[j + 1].spaceBefore
                && (j == 0 || tokens[j].spaceBefore) && (tokens[j].text == "-" || tokens[j].text == "−")
            {
                negative = true
                j += 1
                continue
            }
            break
        }
        // Currency before the number: $2bn, £1.5m, US$5, pounds 1,400, Rs 20.
        if j < limit, let c = lexicon.currencyMatcher.match(tokens, at: j, limit: limit), c.payload.position != "after"
        {
            let k = j + c.length
            if k < limit
                && (tokens[k].kind == .number
                    || (NumberReader.wordValue(tokens[k].lower) != nil && tokens[k].spaceBefore))
            {
                currency = c.payload
                j = k
            }
        }
        let numberStart = j
        // "first responders", "a third party": a number word inside a name
        if isNonFigurePhrase(at: j, limit: limit) { return nil }
        // "a two-year-old", "the 30-month-old boy": an age, not a count
        if let age = ageAt(j, limit: limit) {
            let end = tokens[j + age.length - 1].end
            return (
                Figure(
                    text: text(tokens[i].start, end), start: tokens[i].start, end: end, value: age.value, valueMax: nil,
                    unit: age.unit,
                    kind: "age", counted: nil, approximate: approximate, sentence: sentence), j + age.length
            )
        }
        var value: Double
        var consumed: Int
        var ordinal = false
        var digits = false
        if let f = fractionBeforeUnit(at: j, limit: limit) {
            // "1/2 hour", "3/4 mile"
            value = f
            consumed = 3
            digits = true
        } else if j < limit, tokens[j].lower == "half", j + 1 < limit,
            lexicon.unitMatcher.match(tokens, at: j + 1, limit: limit)?.payload.kind == "duration"
        {
            // "half hour", "half day"
            value = 0.5
            consumed = 1
        } else if j < limit, let r = reader.read(at: j, limit: limit) {
            value = r.value
            consumed = r.length
            ordinal = r.ordinal
            digits = r.digits
            approximate = approximate || r.approximate
        } else if j < limit, let v = Self.vagueQuantities[tokens[j].lower], j + 1 < limit, tokens[j + 1].lower == "of" {
            // hundreds of people, tens of thousands of
            value = v
            consumed = 1
            approximate = true
            if tokens[j].lower == "tens", j + 3 < limit,
                tokens[j + 2].lower == "thousands" || tokens[j + 2].lower == "millions"
            {
                value = tokens[j + 2].lower == "thousands" ? 10_000 : 10_000_000
                consumed = 3
            }
        } else if j < limit, tokens[j].lower == "a" || tokens[j].lower == "an", j + 1 < limit {
            // a week, a dozen, a hundred, an hour, half an hour
            let n = tokens[j + 1].lower
            if n == "dozen" {
                value = 12
                consumed = 2
            } else if let s = NumberReader.scales[n] {
                value = s
                consumed = 2
            } else if let c = lexicon.currencyMatcher.match(tokens, at: j + 1, limit: limit),
                c.payload.position != "before",
                tokens[j + 1].kind == .word,
                j + 1 + c.length >= limit || tokens[j + 1 + c.length].kind != .word
                    || ["and", "or", "a", "an", "per", "each", "apiece"].contains(tokens[j + 1 + c.length].lower)
            {
                // "a dollar", "a euro and 42 cents", "a dollar a day" (not "a dollars 1bn deal", "a renminbi revaluation")
                let next = j + 1 + c.length < limit ? tokens[j + 1 + c.length] : nil
                guard next?.kind != .number else { return nil }
                value = 1
                consumed = 1
            } else if let u = lexicon.unitMatcher.match(tokens, at: j + 1, limit: limit),
                u.payload.kind == "duration" || n == "kg" || n == "mile" || n == "kilometre" || n == "kilometer",
                // "a second round" is an ordinal, not a duration
                !(n == "second" && j + 2 < limit && tokens[j + 2].kind == .word
                    && !["later", "ago", "before", "after", "or", "and"].contains(tokens[j + 2].lower))
            {
                value = 1
                consumed = 1
                _ = u
            } else {
                return nil
            }
        } else if j < limit, tokens[j].lower == "half", j + 2 < limit,
            tokens[j + 1].lower == "a" || tokens[j + 1].lower == "an"
        {
            value = 0.5
            consumed = 2
        } else if j < limit, tokens[j].kind == .word, tokens[j].lower.contains(Character("-")),
            let compound = hyphenCompound(tokens[j])
        {
            // four-year, 30-day, two-week
            let f = Figure(
                text: tokens[j].text, start: tokens[j].start, end: tokens[j].end, value: compound.value, valueMax: nil,
                unit: compound.unit?.unit, kind: compound.unit?.kind ?? "count",
                counted: compound.unit == nil ? compound.rest : nil,
                approximate: false, sentence: sentence)
            return (f, j + 1)
        } else {
            return nil
        }
        // Skip what is not a figure: "one of the", "no one", years, times, "one another".
        let first = tokens[numberStart]
        if !digits && !ordinal && value == 1 && consumed == 1 && first.lower == "one" {
            let next = numberStart + 1 < limit ? tokens[numberStart + 1].lower : ""
            if next == "of" || next == "another" || next == "who" || next == "that" || next == "which"
                || next == "thing" || next == "day" || next == "point" || next == "side" || next == "way"
                || next == "hand"
            {
                return nil
            }
            if numberStart > 0
                && ["no", "the", "every", "any", "each", "this", "that", "which", "someone", "only"].contains(
                    tokens[numberStart - 1].lower)
                && currency == nil
            {
                return nil
            }
        }
        if ordinal && !digits && numberStart + 1 < limit && tokens[numberStart + 1].kind != .word
            && first.lower == "second"
        {
            return nil
        }
        // a clock time: 10:30
        if digits && numberStart + consumed < limit && tokens[numberStart + consumed].text == ":" { return nil }
        var k = numberStart + consumed
        if digits && !ordinal && first.text.count == 4 && !first.text.contains(Character(","))
            && !first.text.contains(Character(".")) && value >= 1800 && value <= 2100 && currency == nil
        {
            // a year, unless it counts something ("1900 soldiers")
            if !(k < limit && tokens[k].kind == .word && tokens[k].lower.hasSuffix("s") && !tokens[k].isCapitalized) {
                return nil
            }
        }
        if negative { value = -value }
        // "one and a quarter hours", "two and three quarters of an hour"
        if !ordinal, let f = fractionBeforeUnit(and: k, limit: limit, reader: reader) {
            value += negative ? -f.value : f.value
            k = f.unit
        }
        var valueMax: Double?
        // Ranges: 10 to 15, 10-15, between 10 and 15.
        if k + 1 < limit, ["to", "-", "–", "—", "and"].contains(tokens[k].lower),
            let r = reader.read(at: k + 1, limit: limit), !r.ordinal,
            tokens[k].lower != "and" || (numberStart > 0 && tokens[numberStart - 1].lower == "between")
        {
            if tokens[k].kind == .dash && (tokens[k].spaceBefore || tokens[k + 1].spaceBefore) && r.digits != digits {
            } else {
                valueMax = r.value
                k += 1 + r.length
            }
        }
        var unit: String?
        var kind = ordinal ? "ordinal" : "number"
        var counted: String?
        // a label number: "Article 438 of the code", "Flight 752", "Resolution 2231" — nothing is counted
        let label =
            currency == nil && digits && numberStart > 0 && numberStart == i && tokens[numberStart - 1].kind == .word
            && tokens[numberStart - 1].isCapitalized && !isSentenceStartToken(numberStart - 1)
            && entityAt[numberStart - 1] < 0
            && !tokens[numberStart - 1].has(Lexicon.monthBit)
        // Units after the number.
        if let c = currency {
            unit = c.unit
            kind = "money"
            // "$2 billion" / "£1.5m" were multiplied by the reader
        } else if k + 1 < limit, ["pounds", "pound", "lbs", "lb"].contains(tokens[k].lower),
            tokens[k + 1].lower == "of",
            k + 2 < limit, tokens[k + 2].kind == .word, !tokens[k + 2].isCapitalized
        {
            // "two pounds of meat", "500 pounds of explosives": a weight, not money
            unit = "lb"
            kind = "quantity"
            k += 1
        } else if k < limit, let c = lexicon.currencyMatcher.match(tokens, at: k, limit: limit),
            c.payload.position != "before",
            !(tokens[k].text.count == 1 && tokens[k].kind == .word && tokens[k].spaceBefore)
        {
            unit = c.payload.unit
            kind = "money"
            k += c.length
        } else if k < limit, tokens[k].text == "$" || tokens[k].text == "€" || tokens[k].text == "£",
            !tokens[k].spaceBefore
        {
            unit = lexicon.currencyMatcher.match(tokens, at: k, limit: limit)?.payload.unit
            kind = "money"
            k += 1
        } else if k < limit, !ordinal, let u = unitAfter(k, limit: limit) ?? unitAfter(k + 1, limit: limit, after: k) {
            // ("the sixth month", "the third day of the war" stay ordinals that count a month or a day)
            // "2 more minutes", "two additional hours" (unitAfter with `after` checks the word between)
            if u.start > k { k = u.start }
            unit = u.entry.unit
            kind = u.entry.kind
            value *= u.entry.factor
            valueMax = valueMax.map { $0 * u.entry.factor }
            k += u.length
            // "an hour and a half", "a month and a half"
            if kind == "duration", k + 1 < limit, tokens[k].lower == "and",
                let half = reader.halfAt(k + 1, limit: limit)
            {
                value += 0.5
                k += 1 + half
            } else if unit == "h", valueMax == nil, let m = minutesAfterHours(at: k, limit: limit, reader: reader) {
                // "1 hour thirty": an hour and thirty minutes
                value += m.minutes / 60
                k = m.end
            }
            // "2 degrees below zero"
            if kind == "temperature", k + 1 < limit, tokens[k].lower == "below", tokens[k + 1].lower == "zero" {
                value = -abs(value)
                k += 2
            }
        } else if k + 1 < limit, tokens[k].lower == "below", tokens[k + 1].lower == "zero" {
            value = -abs(value)
            unit = "°"
            kind = "temperature"
            k += 2
        } else if !label {
            // the counted thing: 111 attack drones, one Iskander-M ballistic missile, one person
            var c = k
            if c + 1 < limit, tokens[c].lower == "of", value > 1,
                Self.vagueQuantities[first.lower] != nil || tokens[c + 1].lower == "the"
                    || tokens[c + 1].lower == "them"
            {
                c += 1
                if tokens[c].lower == "the" { c += 1 }
            }
            let nounStart = c
            while c < limit && c - nounStart < 4 {
                let t = tokens[c]
                guard t.kind == .word, !Self.countedStops.contains(t.lower),
                    !t.has(Lexicon.cueFormBit) || c == nounStart && false
                else { break }
                // an adverb ends the counted thing ("four regions recently"), except words like "family" or "supply"
                if c > nounStart && t.lower.hasSuffix("ly") && t.lower.count > 5 && !t.isCapitalized { break }
                if !t.isCapitalized && t.lower.hasSuffix("ed") && !t.lower.hasSuffix("eed")
                    && (c > nounStart || ordinal
                        || lexicon.unitMatcher.match(tokens, at: c, limit: limit) == nil && t.lower.count > 3)
                {
                    break
                }
                if t.isCapitalized && c == nounStart && lexicon.weaponMatcher.match(tokens, at: c, limit: limit) == nil
                    && !t.text.contains(Character("-")) && t.lower != "russian" && t.lower != "ukrainian"
                {
                    // a capitalised name after a number is rarely what is counted ("5 Downing Street")
                    if entityAt.indices.contains(c), entityAt[c] >= 0 { break }
                }
                c += 1
            }
            if c > nounStart {
                counted = text(tokens: nounStart..<c)
                if !ordinal { kind = "count" }
                k = c
            } else if ordinal && !digits && !standsAsOrdinal(numberStart, k, sentence: sentence) {
                // "first broached", "second, …": an adverb, not a figure
                return nil
            } else if !ordinal,
                let w = casualtyWord(before: numberStart, after: k, limit: limit, sentence: sentences[sentence].tokens)
            {
                // "left four injured", "injured seven": people killed or hurt, told without the noun
                // (the participle stays outside the figure's text: the toll readers look at the word after it)
                counted = w.word
                kind = "count"
            }
        }
        let start = tokens[i].start
        let end = tokens[min(k, limit) - 1].end
        var textEnd = end
        if counted != nil { textEnd = end }
        let f = Figure(
            text: text(start, textEnd), start: start, end: textEnd, value: value, valueMax: valueMax, unit: unit,
            kind: kind, counted: counted, approximate: approximate || (bound && false), sentence: sentence)
        return (f, max(k, i + 1))
    }

    /// Whether token `k` is the first word of its sentence.
    private func isSentenceStartToken(_ k: Int) -> Bool { sentences[sentenceOfToken[k]].tokens.lowerBound == k }

    /// A unit right after a number ("30C", "30 km", "40%", "2 hours"); single letters only when glued.
    /// The unit at `k`; with `after`, only when the one word between is "more", "extra", "additional", "fewer" or
    /// "less" and the unit measures time ("2 more minutes").
    private func unitAfter(_ k: Int, limit: Int, after: Int? = nil) -> (entry: UnitEntry, length: Int, start: Int)? {
        if let a = after {
            guard k < limit, ["more", "extra", "additional", "fewer", "less", "further"].contains(tokens[a].lower),
                let u = unitAfter(k, limit: limit), u.entry.kind == "duration"
            else { return nil }
            return u
        }
        guard k < limit else { return nil }
        // "-day" glued: 30-day
        let start = k
        var k = k
        var extra = 0
        if tokens[k].kind == .dash, !tokens[k].spaceBefore, k + 1 < limit, !tokens[k + 1].spaceBefore {
            k += 1
            extra = 1
        }
        guard let m = lexicon.unitMatcher.match(tokens, at: k, limit: limit) else { return nil }
        let t = tokens[k]
        let single = t.text.count == 1 && t.kind == .word
        if single {
            // "30C" yes; "30 C" only at a sentence end or before punctuation; "5 m" never as million here
            if t.spaceBefore {
                let after = k + 1 < limit ? tokens[k + 1] : nil
                if let after, after.kind == .word { return nil }
            }
            if t.text == "m" && !t.spaceBefore { return nil }  // 5m is millions in money, ambiguous elsewhere
        }
        return (m.payload, m.length + extra, start)
    }

    /// Whether a word ordinal with no noun after it is one all the same: after "the" or a possessive
    /// ("the third", "its fourth"), or as a whole sentence (a list item or a table cell: "Third.").
    private func standsAsOrdinal(_ start: Int, _ end: Int, sentence si: Int) -> Bool {
        if start > 0, ["the", "its", "his", "her", "their", "our"].contains(tokens[start - 1].lower) { return true }
        let r = sentences[si].tokens
        return start == r.lowerBound && (end..<r.upperBound).allSatisfy { tokens[$0].kind == .punct }
    }
    /// A hyphenated number-word compound: four-year → 4 year; five-storey → 5 counted "storey".
    private func hyphenCompound(_ t: Token) -> (value: Double, unit: UnitEntry?, rest: String)? {
        let parts = t.lower.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let v = NumberReader.wordValue(parts[0]), !v.ordinal else { return nil }
        // "twenty-five" is a number, not a compound
        if NumberReader.wordValue(parts[1]) != nil { return nil }
        let unit = lexicon.unitMatcher.match(lexicon.tokens(parts[1]), at: 0)?.payload
        return (v.value, unit, parts[1])
    }
    /// A fraction written with a slash right before a unit: "1/2 hour" is 0.5, "3/4 mile" 0.75 (halves,
    /// thirds and quarters only, so "2/15" stays a date's business).
    private func fractionBeforeUnit(at j: Int, limit: Int) -> Double? {
        guard j + 3 < limit, tokens[j].kind == .number, tokens[j + 1].text == "/", !tokens[j + 1].spaceBefore,
            tokens[j + 2].kind == .number, !tokens[j + 2].spaceBefore,
            let a = Double(tokens[j].text), let b = Double(tokens[j + 2].text), [2, 3, 4].contains(b), a < b,
            lexicon.unitMatcher.match(tokens, at: j + 3, limit: limit) != nil
        else { return nil }
        return a / b
    }
}
