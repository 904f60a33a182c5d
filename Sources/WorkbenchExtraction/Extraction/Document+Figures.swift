import WorkbenchModel

/// Figures: counts, money, measures, percentages, ordinals and durations.
extension Document {
    static let approximators: Set<String> = [
        "about", "around", "roughly", "nearly", "almost", "approximately", "some", "circa",
        "over", "under", "below", "above", "exceeding", "up", "more", "less", "fewer", "at",
        "estimated", "approx", "approx.", "~", "no", "upwards", "just",
    ]
    static let vagueQuantities: [String: Double] = [
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
        guard mayStartFigure(i, limit: limit) else { return nil }
        var d = FigureDraft(start: i)
        readModifiers(&d, limit: limit)
        readCurrencyBefore(&d, limit: limit)
        let j = d.numberStart
        // "first responders", "a third party": a number word inside a name
        if isNonFigurePhrase(at: j, limit: limit) { return nil }
        // "a two-year-old", "the 30-month-old boy": an age, not a count
        if let age = ageAt(j, limit: limit) {
            let end = tokens[j + age.length - 1].end
            let f = Figure(
                text: text(tokens[i].start, end), start: tokens[i].start, end: end, value: age.value, valueMax: nil,
                unit: age.unit, kind: .age, counted: nil, approximate: d.approximate, sentence: sentence)
            return (f, j + age.length)
        }
        switch readNumber(&d, limit: limit, reader: reader, sentence: sentence) {
        case .none: return nil
        case .whole(let f, let next): return (f, next)
        case .number: break
        }
        if isNotAFigure(d, limit: limit) { return nil }
        if d.negative { d.value = -d.value }
        // "one and a quarter hours", "two and three quarters of an hour"
        if !d.ordinal, let f = fractionBeforeUnit(and: d.end, limit: limit, reader: reader) {
            d.value += d.negative ? -f.value : f.value
            d.end = f.unit
        }
        readRange(&d, limit: limit, reader: reader)
        d.kind = d.ordinal ? .ordinal : .number
        if !readUnit(&d, limit: limit, reader: reader), !isLabelNumber(d),
            !readCounted(&d, limit: limit, sentence: sentence)
        {
            return nil
        }
        let start = tokens[i].start
        let end = tokens[min(d.end, limit) - 1].end
        let f = Figure(
            text: text(start, end), start: start, end: end, value: d.value, valueMax: d.valueMax, unit: d.unit,
            kind: d.kind, counted: d.counted, approximate: d.approximate, sentence: sentence)
        return (f, max(d.end, i + 1))
    }

    /// Reads what the number measures: a currency, "pounds of" (a weight), a unit ("30 km", "2 more minutes",
    /// "an hour and a half", "1 hour thirty", "2 degrees below zero") or "below zero"; false when none follows.
    private func readUnit(_ d: inout FigureDraft, limit: Int, reader: NumberReader) -> Bool {
        let k = d.end
        if let c = d.currency {
            // "$2 billion" / "£1.5m" were multiplied by the reader
            (d.unit, d.kind) = (c.unit, .money)
        } else if k + 1 < limit, ["pounds", "pound", "lbs", "lb"].contains(tokens[k].lower),
            tokens[k + 1].lower == "of",
            k + 2 < limit, tokens[k + 2].kind == .word, !tokens[k + 2].isCapitalized
        {
            // "two pounds of meat", "500 pounds of explosives": a weight, not money
            (d.unit, d.kind, d.end) = ("lb", .quantity, k + 1)
        } else if k < limit, let c = lexicon.currencyMatcher.match(tokens, at: k, limit: limit),
            c.payload.position != .before,
            !(tokens[k].text.count == 1 && tokens[k].kind == .word && tokens[k].spaceBefore)
        {
            (d.unit, d.kind, d.end) = (c.payload.unit, .money, k + c.length)
        } else if k < limit, tokens[k].text == "$" || tokens[k].text == "€" || tokens[k].text == "£",
            !tokens[k].spaceBefore
        {
            d.unit = lexicon.currencyMatcher.match(tokens, at: k, limit: limit)?.payload.unit
            (d.kind, d.end) = (.money, k + 1)
        } else if k < limit, !d.ordinal,
            let u = unitAfter(k, limit: limit) ?? unitAfter(k + 1, limit: limit, after: k)
        {
            // ("the sixth month", "the third day of the war" stay ordinals that count a month or a day)
            // "2 more minutes", "two additional hours" (unitAfter with `after` checks the word between)
            readMeasure(&d, u, limit: limit, reader: reader)
        } else if k + 1 < limit, tokens[k].lower == "below", tokens[k + 1].lower == "zero" {
            (d.value, d.unit, d.kind, d.end) = (-abs(d.value), "°", .temperature, k + 2)
        } else {
            return false
        }
        return true
    }

    /// Applies a unit read after the number, with what may follow it: "an hour and a half", "1 hour thirty",
    /// "2 degrees below zero".
    private func readMeasure(
        _ d: inout FigureDraft, _ u: (entry: UnitEntry, length: Int, start: Int), limit: Int, reader: NumberReader
    ) {
        var k = max(d.end, u.start)
        d.unit = u.entry.unit
        d.kind = u.entry.kind
        d.value *= u.entry.factor
        d.valueMax = d.valueMax.map { $0 * u.entry.factor }
        k += u.length
        // "an hour and a half", "a month and a half"
        if d.kind == .duration, k + 1 < limit, tokens[k].lower == "and", let half = reader.halfAt(k + 1, limit: limit) {
            d.value += 0.5
            k += 1 + half
        } else if d.unit == "h", d.valueMax == nil, let m = minutesAfterHours(at: k, limit: limit, reader: reader) {
            // "1 hour thirty": an hour and thirty minutes
            d.value += m.minutes / 60
            k = m.end
        }
        // "2 degrees below zero"
        if d.kind == .temperature, k + 1 < limit, tokens[k].lower == "below", tokens[k + 1].lower == "zero" {
            d.value = -abs(d.value)
            k += 2
        }
        d.end = k
    }

    /// Reads the counted thing: 111 attack drones, one Iskander-M ballistic missile, "four injured"; false when
    /// a word ordinal turns out to be an adverb ("first broached").
    private func readCounted(_ d: inout FigureDraft, limit: Int, sentence: Int) -> Bool {
        let k = d.end
        var c = k
        if c + 1 < limit, tokens[c].lower == "of", d.value > 1,
            Self.vagueQuantities[tokens[d.numberStart].lower] != nil || tokens[c + 1].lower == "the"
                || tokens[c + 1].lower == "them"
        {
            c += 1
            if tokens[c].lower == "the" { c += 1 }
        }
        let nounStart = c
        while c < limit && c - nounStart < 4 && isCountedWord(c, nounStart: nounStart, ordinal: d.ordinal, limit: limit)
        {
            c += 1
        }
        if c > nounStart {
            d.counted = text(tokens: nounStart..<c)
            if !d.ordinal { d.kind = .count }
            d.end = c
        } else if d.ordinal && !d.digits && !standsAsOrdinal(d.numberStart, k, sentence: sentence) {
            // "first broached", "second, …": an adverb, not a figure
            return false
        } else if !d.ordinal,
            let w = casualtyWord(before: d.numberStart, after: k, limit: limit, sentence: sentences[sentence].tokens)
        {
            // "left four injured", "injured seven": people killed or hurt, told without the noun
            // (the participle stays outside the figure's text: the toll readers look at the word after it)
            d.counted = w.word
            d.kind = .count
        }
        return true
    }

    /// Whether token `c` goes on the counted noun phrase that starts at `nounStart`.
    private func isCountedWord(_ c: Int, nounStart: Int, ordinal: Bool, limit: Int) -> Bool {
        let t = tokens[c]
        guard t.kind == .word, !Self.countedStops.contains(t.lower), !t.has(.cueForm) else { return false }
        // an adverb ends the counted thing ("four regions recently"), except words like "family" or "supply"
        if c > nounStart && t.lower.hasSuffix("ly") && t.lower.count > 5 && !t.isCapitalized { return false }
        if !t.isCapitalized && t.lower.hasSuffix("ed") && !t.lower.hasSuffix("eed")
            && (c > nounStart || ordinal
                || lexicon.unitMatcher.match(tokens, at: c, limit: limit) == nil && t.lower.count > 3)
        {
            return false
        }
        if t.isCapitalized && c == nounStart && lexicon.weaponMatcher.match(tokens, at: c, limit: limit) == nil
            && !t.text.contains(Character("-")) && t.lower != "russian" && t.lower != "ukrainian"
        {
            // a capitalised name after a number is rarely what is counted ("5 Downing Street")
            if entityAt.indices.contains(c), entityAt[c] != nil { return false }
        }
        return true
    }

    /// Whether token `k` is the first word of its sentence.
    func isSentenceStartToken(_ k: Int) -> Bool { sentences[sentenceOfToken[k]].tokens.lowerBound == k }

    /// A unit right after a number ("30C", "30 km", "40%", "2 hours"); single letters only when glued.
    /// The unit at `k`; with `after`, only when the one word between is "more", "extra", "additional", "fewer" or
    /// "less" and the unit measures time ("2 more minutes").
    private func unitAfter(_ k: Int, limit: Int, after: Int? = nil) -> (entry: UnitEntry, length: Int, start: Int)? {
        if let a = after {
            guard k < limit, ["more", "extra", "additional", "fewer", "less", "further"].contains(tokens[a].lower),
                let u = unitAfter(k, limit: limit), u.entry.kind == .duration
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
    func hyphenCompound(_ t: Token) -> (value: Double, unit: UnitEntry?, rest: String)? {
        let parts = t.lower.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let v = NumberReader.wordValue(parts[0]), !v.ordinal else { return nil }
        // "twenty-five" is a number, not a compound
        if NumberReader.wordValue(parts[1]) != nil { return nil }
        let unit = lexicon.unitMatcher.match(lexicon.tokens(parts[1]), at: 0)?.payload
        return (v.value, unit, parts[1])
    }
    /// A fraction written with a slash right before a unit: "1/2 hour" is 0.5, "3/4 mile" 0.75 (halves,
    /// thirds and quarters only, so "2/15" stays a date's business).
    func fractionBeforeUnit(at j: Int, limit: Int) -> Double? {
        guard j + 3 < limit, tokens[j].kind == .number, tokens[j + 1].text == "/", !tokens[j + 1].spaceBefore,
            tokens[j + 2].kind == .number, !tokens[j + 2].spaceBefore,
            let a = Double(tokens[j].text), let b = Double(tokens[j + 2].text), [2, 3, 4].contains(b), a < b,
            lexicon.unitMatcher.match(tokens, at: j + 3, limit: limit) != nil
        else { return nil }
        return a / b
    }
}
