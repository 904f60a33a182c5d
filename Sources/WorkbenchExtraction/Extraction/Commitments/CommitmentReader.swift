import WorkbenchModel

/// Finds the pauses a sentence mentions and reads what each covers and when.
struct CommitmentReader {
    let c: PassContext

    init(_ context: PassContext) { c = context }

    func w(_ k: Int) -> String { c.w(k) }

    /// Whether token `k` is a word of `role` (event_words.tsv).
    func isWord(_ k: Int, _ role: EventWordRole) -> Bool { c.isWord(k, role) }

    /// Whether `word` (lowercased) is a word of `role`.
    func isWord(_ word: String, _ role: EventWordRole) -> Bool { c.isWord(word, role) }

    /// The pause words of sentence `si`, with their kinds: each heads one mention.
    func pauseTerms(in r: Range<Int>) -> [(at: Int, term: PauseMention.Term)] {
        var found: [(Int, PauseMention.Term)] = []
        var k = r.lowerBound
        while k < r.upperBound {
            guard let m = c.lexicon.pauseMatcher.match(c.tokens, at: k, limit: r.upperBound) else {
                k += 1
                continue
            }
            let term = m.payload
            defer { k += m.length }
            let after = k + m.length < r.upperBound ? w(k + m.length) : ""
            switch term {
            case .halt:
                let window = (k + m.length)..<min(r.upperBound, k + m.length + 5)
                guard window.contains(where: { isWord($0, .strikeobject) }) || m.length >= 2 else { continue }
            case .negatedStrike:
                // "the missiles did not hit the port" reports what happened
                if k > r.lowerBound,
                    Grammar.doHaveBe.contains(w(k - 1))
                {
                    continue
                }
            case .pause:
                if isWord(after, .talknoun) { continue }
                // "a moratorium on fielding missiles": a pause in something other than fire
                if ["on", "in"].contains(after), k + m.length + 1 < r.upperBound {
                    let next = w(k + m.length + 1)
                    if next.hasSuffix("ing") && !c.lexicon.attackWords.contains(next)
                        && !isWord(next, .firing)
                    {
                        continue
                    }
                }
            case .corridor: break
            }
            found.append((k, term))
        }
        return found
    }

    /// The first place named after token `k` in the sentence (or before it, when none follows).
    func placeNamed(after k: Int, in r: Range<Int>) -> String? {
        for j in Array(k..<r.upperBound) + Array(r.lowerBound..<k) where c.tokens[j].isCapitalized {
            if let m = c.lexicon.placeMatcher.match(c.tokens, at: j, limit: r.upperBound) {
                return c.lexicon.places[m.payload].name
            }
        }
        return nil
    }

    /// "Lukashenko has promised that no missiles or aircraft would carry out strikes on Ukraine": a promise
    /// not to strike, as a negated strike at the attack word.
    func promisedNoStrikes(in r: Range<Int>) -> [(at: Int, term: PauseMention.Term)] {
        var out: [(Int, PauseMention.Term)] = []
        for k in r
        where k + 1 < r.upperBound && w(k + 1) == "that" && (c.lexicon.eventWords[.agree]?.contains(w(k)) ?? false) {
            let window = (k + 2)..<min(r.upperBound, k + 14)
            guard window.contains(where: { w($0) == "no" }),
                let strike = window.first(where: { c.lexicon.attackWords.contains(w($0)) })
            else { continue }
            out.append((strike, .negatedStrike))
        }
        return out
    }

    /// The scope after (or just before) the pause word: target types ("energy facilities") and places
    /// ("on Kyiv and other cities"), up to a condition or another clause.
    func readScope(_ m: inout PauseMention, clauseEnd: Int, in r: Range<Int>) -> Range<Int>? {
        let p = m.at
        var j = max(r.lowerBound, p - 3)
        if j < p, !(j..<p).contains(where: { c.lexicon.targetMatcher.match(c.tokens, at: $0, limit: p) != nil }) {
            j = p
        }
        var start: Int?
        var end: Int?
        while j < clauseEnd && j < p + 20 {
            if j > p && endsScope(j, clauseEnd: clauseEnd) { break }
            if let t = c.lexicon.targetMatcher.match(c.tokens, at: j, limit: clauseEnd) {
                if ["energy", "military", "transport", "residential", "civilian infrastructure"].contains(t.payload),
                    !m.scopeTypes.contains(t.payload)
                {
                    m.scopeTypes.append(t.payload)
                }
                start = start ?? j
                end = j + t.length
                j += t.length
                continue
            }
            // "on Kyiv", "near Mariupol", "close to the Zaporizhzhia nuclear plant"; and a place naming the target
            // after it ("the Zaporizhzhia power plants")
            let before = j - 1 > r.lowerBound && w(j - 1) == "the" ? j - 2 : j - 1
            if c.tokens[j].isCapitalized, let pm = c.lexicon.placeMatcher.match(c.tokens, at: j, limit: clauseEnd),
                before >= r.lowerBound,
                ["on", "into", "in", "at", "against", "for", "from", "near", "around", "to"].contains(w(before))
                    || c.lexicon.targetMatcher.match(c.tokens, at: j + pm.length, limit: clauseEnd) != nil
            {
                let place = c.lexicon.places[pm.payload].name
                if !m.scopePlaces.contains(place) { m.scopePlaces.append(place) }
                start = start ?? j
                j = otherPlacesAfter(j + pm.length, &m, in: r)
                end = j
                continue
            }
            j += 1
        }
        if let a = start, let b = end { m.scopeText = c.text(tokens: a..<b) }
        return start.flatMap { a in end.map { a..<$0 } }
    }

    /// Whether token `j` ends a pause's scope: a condition, another clause, a quotation mark.
    private func endsScope(_ j: Int, clauseEnd: Int) -> Bool {
        let t = c.tokens[j]
        return ["if", "unless", "but", ";"].contains(t.lower) || t.kind == .dash || c.isMark[j]
            || (t.text == "," && j + 1 < clauseEnd && !["and", "or"].contains(w(j + 1)))
    }

    /// "Kyiv and other cities", "Kyiv and the various towns": the places after the first.
    private func otherPlacesAfter(_ e: Int, _ m: inout PauseMention, in r: Range<Int>) -> Int {
        guard e + 2 < r.upperBound, w(e) == "and" else { return e }
        var f = e + 1
        while f < r.upperBound && f < e + 4
            && ["other", "the", "various", "several", "many", "all", "major"].contains(w(f))
        { f += 1 }
        guard f < r.upperBound, isWord(f, .places) else {
            return e
        }
        m.scopePlaces.append("other cities")
        return f + 1
    }

    /// The window: a range or window date in the sentence ("from 8 May until 11 May", "for a week until
    /// Feb. 1"), an end ("until 1 February"), a length ("a 30-day ceasefire"), a holiday ("a Christmas truce"),
    /// or a start near a named pause ("A Jan. 16 localized ceasefire", "on Tuesday from 1:30 p.m.").
    func readWindow(_ m: inout PauseMention, in r: Range<Int>) {
        let si = m.sentence
        let p = m.at
        // what lies within the tokens read (the pass reads a pause word's neighbourhood, not the whole sentence)
        let lo = c.tokens[r.lowerBound].start
        let hi = c.tokens[r.upperBound - 1].end
        let dates = c.datesBySentence[si].filter { $0.value != nil && $0.start >= lo && $0.end <= hi }
        if let d = dates.first(where: { $0.kind == .window || $0.kind == .range }) {
            m.window = Window(
                start: d.value, end: d.endValue, text: d.text, derived: d.kind == .window ? .start : nil)
        } else if let d = dates.first(where: { $0.kind == .absolute }), let u = c.firstToken(from: d.start, in: r),
            c.tokens[u].start == d.start,
            u > r.lowerBound, Grammar.windowEnds.contains(w(u - 1))
        {
            m.window = Window(start: nil, end: d.value, text: w(u - 1) + " " + d.text)
        }
        if let d = c.figuresBySentence[si].first(where: { f in
            f.kind == .duration && f.start >= lo && f.end <= hi && ["day", "week", "month"].contains(f.unit ?? "")
                && (f.end <= c.tokens[p].start && c.tokens[p].start - f.end <= 2
                    || f.start >= c.tokens[p].end && f.start - c.tokens[p].end <= 25)
        }), let v = d.value {
            m.window.days = Int(v * (d.unit == "week" ? 7 : d.unit == "month" ? 30 : 1))
            m.window.text = m.window.text ?? d.text
        }
        if m.window.start == nil,
            let h = dates.first(where: {
                $0.kind == .holiday && $0.end <= c.tokens[p].start && c.tokens[p].start - $0.end <= 2
            })
        {
            m.window = Window(start: h.value, end: h.value, text: h.text, derived: nil, days: m.window.days)
        }
        if m.term == .pause || m.term == .corridor, m.window.start == nil && m.window.end == nil,
            let d = dates.first(where: {
                ($0.kind == .absolute || $0.kind == .weekday)
                    && ($0.end <= c.tokens[p].start && c.tokens[p].start - $0.end <= 20
                        || $0.start >= c.tokens[p].end && $0.start - c.tokens[p].end <= 40)
            })
        {
            m.window.start = d.value
            m.window.text = m.window.text ?? d.text
        }
    }

    /// The pause as written: a noun with its modifiers ("a 30-day ceasefire" → "30-day ceasefire"), with the
    /// scope right after it ("pause in attacks on Kyiv and other cities"); a verb phrase to the scope's end.
    func readAction(_ m: inout PauseMention, scope: Range<Int>?, in r: Range<Int>) {
        let p = m.at
        guard m.term == .pause || m.term == .corridor else {
            let end = scope?.upperBound ?? min(r.upperBound, p + 4)
            if end > p { m.action = c.text(tokens: p..<end) }
            return
        }
        var a = p
        while a > r.lowerBound && p - a < 5 && isModifier(a - 1, before: a, p: p, in: r) { a -= 1 }
        var e = p + 1
        if m.term == .corridor { e = p + 2 }
        if e < r.upperBound, isWord(e, .accord) { e += 1 }
        if let s = scope, s.upperBound > e, (p..<s.upperBound).count <= 10 { e = s.upperBound }
        m.action = c.text(tokens: a..<min(e, r.upperBound))
    }

    /// Whether token `k` modifies the pause noun ("temporary", "30-day", "Easter and Christmas").
    private func isModifier(_ k: Int, before a: Int, p: Int, in r: Range<Int>) -> Bool {
        let t = c.tokens[k]
        let lexicon = c.lexicon
        let speechAct = [EventWordRole.request, .propose, .agree, .declare, .reject, .confirm].contains {
            lexicon.eventWords[$0]?.contains(t.lower) ?? false
        }
        if t.kind == .word && !t.has(.determiner) && !t.has(.auxiliary)
            && !t.has(.cueForm)
            && c.entityAt[k] == nil && !["to", "for", "of", "on", "in", "s", "’s", "'s"].contains(t.lower) && !speechAct
        {
            return true
        }
        if t.kind == .number && a < p && c.tokens[a].kind == .dash && !c.tokens[a].spaceBefore { return true }
        if t.kind == .dash && !t.spaceBefore { return true }
        return t.lower == "and" && k - 1 > r.lowerBound && c.tokens[k - 1].kind == .word
            && !c.tokens[k - 1].has(.determiner)
    }

    /// "under IAEA coordination", "brokered by Turkey", "mediated by Qatar": who arranged it asked for it.
    func readBroker(_ m: inout PauseMention, in r: Range<Int>) {
        guard m.requestedBy == nil else { return }
        for k in r where k + 1 < r.upperBound {
            var party: Int?
            if ["under", "with"].contains(w(k)), let e = c.entity(at: k + 1),
                e.range.upperBound < r.upperBound,
                isWord(e.range.upperBound, .mediation)
            {
                party = e.party
            }
            if isWord(k, .broker), w(k + 1) == "by",
                k + 2 < r.upperBound, let e = c.entity(at: k + 2)
            {
                party = e.party
            }
            if let p = party, !m.parties.contains(c.country(ofParty: p)) {
                m.requestedBy = c.parties[p].name
                return
            }
        }
    }

    /// "a ceasefire between Russia and Ukraine": both sides, each holding fire for the other.
    func readBetween(_ m: inout PauseMention, in r: Range<Int>) {
        guard let b = ((m.at + 1)..<min(r.upperBound, m.at + 9)).first(where: { w($0) == "between" }) else { return }
        let sides = ((b + 1)..<min(r.upperBound, b + 8)).filter {
            c.entityAt[$0] != nil && ($0 == b + 1 || c.entityAt[$0 - 1] != c.entityAt[$0])
        }
        .compactMap { c.entity(at: $0).map { c.country(ofParty: $0.party) } }
        guard sides.count >= 2, sides[0] != sides[1] else { return }
        m.parties = [sides[0], sides[1]]
        m.reciprocal = true
    }

    /// "no strikes on Ukraine", "not to attack Russia": the country struck is the side spared.
    func readStruck(_ m: inout PauseMention, in r: Range<Int>) {
        guard m.counterparty == nil, m.term == .negatedStrike || m.term == .halt else { return }
        for k in (m.at + 1)..<min(r.upperBound, m.at + 4) {
            let onward = ["on", "against", "at", "into"].contains(w(k - 1)) || k == m.at + 1
            guard onward, let party = c.entity(at: k)?.party, c.parties[party].kind == .country else { continue }
            let country = c.country(ofParty: party)
            if !m.parties.contains(country) { m.counterparty = country }
            return
        }
    }

    /// "if Moscow stops hitting its grid": a condition on the other side's strikes makes the pause reciprocal
    /// and names the other side.
    func readCondition(_ m: inout PauseMention, from start: Int, clause: Range<Int>) {
        guard let ifAt = (start..<clause.upperBound).first(where: { Grammar.conditionals.contains(w($0)) })
        else { return }
        var e = ifAt + 1
        while e < clause.upperBound && ![",", ";", "."].contains(c.tokens[e].text) && c.tokens[e].kind != .quote {
            e += 1
        }
        let aboutStrikes = (ifAt..<e).contains {
            c.lexicon.attackWords.contains(w($0)) || c.lexicon.pauseMatcher.match(c.tokens, at: $0, limit: e) != nil
        }
        guard aboutStrikes else { return }
        m.condition = c.text(tokens: ifAt..<e)
        m.reciprocal = true
        for k in ifAt..<e {
            guard let party = c.entity(at: k)?.party else { continue }
            let country = c.country(ofParty: party)
            if c.parties[party].kind != .person
                || c.lexicon.party(named: country)?.kind == .country,
                !m.parties.contains(country)
            {
                m.counterparty = country
                break
            }
        }
    }
}
