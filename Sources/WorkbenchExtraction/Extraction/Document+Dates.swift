import WorkbenchModel

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
        func isBreak(_ k: Int) -> Bool {
            (tokens[k].kind == .punct || tokens[k].kind == .dash) && [",", ";", ":", "—", "–"].contains(tokens[k].text)
        }
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
                tokens[m.range.upperBound].has(.pause)
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

    /// A single date expression starting at token `i`: the first date rule that reads one.
    func dateMatch(at i: Int, limit: Int) -> DateMatch? {
        // most words cannot start a date expression (read in place: most tokens stop here)
        if tokens[i].kind == .word
            && !tokens[i].has([.dateStart, .month, .weekday, .numberWord, .holiday])
            && !(tokens[i].lower.utf8.first == UInt8(ascii: "m") && tokens[i].lower.hasPrefix("mid-"))
        {
            return nil
        }
        let rules: [DateRule]
        switch tokens[i].kind {
        case .number:
            guard Int(tokens[i].text) != nil else { return nil }
            rules = DateRule.numberLed
        case .word: rules = DateRule.wordLed
        default: return nil
        }
        for rule in rules {
            if let m = read(rule, at: i, limit: limit) { return m }
        }
        return nil
    }
}
