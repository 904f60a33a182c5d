/// Pause commitments: statements that propose, request, claim, confirm or deny a pause in strikes.
extension Document {
    /// One sentence's statement about a pause.
    private struct PauseStatement {
        var sentence: Int
        var party: String?
        var counterparty: String?
        var requestedBy: String?
        var action: String?
        var scopeTypes: [String]
        var scopePlaces: [String]
        var scopeText: String?
        var condition: String?
        var reciprocal: Bool
        var window: Window
        var status: String?
        var claimBy: String?
        /// Refers back to "the pause" without saying which.
        var anaphoric: Bool
    }

    private static let negations: Set<String> = ["not", "n't", "never", "no", "neither", "nor", "without"]

    /// Finds pause statements and clusters them into commitments by who holds fire on what.
    func extractCommitments() {
        var statements: [PauseStatement] = []
        for si in sentences.indices {
            statements += pauseStatements(si)
        }
        var lastIndex: Int?
        for st in statements {
            let key = scopeKey(st)
            var target: Int?
            if let key {
                target = commitments.firstIndex { scopeKey($0) == key && (st.party == nil || $0.party == nil || $0.party == st.party) }
            } else if st.anaphoric || st.party != nil {
                target = lastIndex
            }
            if let t = target {
                merge(st, into: t)
                lastIndex = t
            } else if key != nil && (st.party != nil || st.requestedBy != nil || st.status != nil || !st.scopePlaces.isEmpty) {
                commitments.append(newCommitment(st))
                lastIndex = commitments.count - 1
            }
        }
        for i in commitments.indices { commitments[i].status = overallStatus(commitments[i]) }
    }

    /// The clustering key: target types for category pauses, places otherwise.
    private func scopeKey(_ st: PauseStatement) -> String? {
        if !st.scopeTypes.isEmpty { return "types:" + st.scopeTypes.sorted().joined(separator: ",") }
        if let p = st.scopePlaces.first { return "place:" + p }
        return nil
    }

    private func scopeKey(_ c: Commitment) -> String? {
        if !c.scopeTypes.isEmpty { return "types:" + c.scopeTypes.sorted().joined(separator: ",") }
        if let p = c.scopePlaces.first { return "place:" + p }
        return nil
    }

    private func newCommitment(_ st: PauseStatement) -> Commitment {
        let s = sentences[st.sentence]
        var c = Commitment(party: st.party, counterparty: st.counterparty, requestedBy: st.requestedBy, action: st.action,
                           scope: st.scopeText, scopeTypes: st.scopeTypes, scopePlaces: st.scopePlaces, condition: st.condition,
                           reciprocal: st.reciprocal, window: st.window, status: st.status ?? "proposed", claims: [],
                           text: text(s.start, s.end), start: s.start, end: s.end, sentence: st.sentence)
        if let status = st.status { c.claims.append(Claim(by: st.claimBy, status: status, text: c.text, sentence: st.sentence)) }
        return c
    }

    private func merge(_ st: PauseStatement, into i: Int) {
        var c = commitments[i]
        c.party = c.party ?? st.party
        c.counterparty = c.counterparty ?? st.counterparty
        c.requestedBy = c.requestedBy ?? st.requestedBy
        c.action = c.action ?? st.action
        c.scope = c.scope ?? st.scopeText
        for t in st.scopeTypes where !c.scopeTypes.contains(t) { c.scopeTypes.append(t) }
        for p in st.scopePlaces where !c.scopePlaces.contains(p) { c.scopePlaces.append(p) }
        c.condition = c.condition ?? st.condition
        c.reciprocal = c.reciprocal || st.reciprocal
        if c.window.start == nil && c.window.end == nil { c.window = st.window } else {
            c.window.start = c.window.start ?? st.window.start
            c.window.end = c.window.end ?? st.window.end
        }
        if let status = st.status, !c.claims.contains(where: { $0.sentence == st.sentence && $0.status == status && $0.by == st.claimBy }) {
            let s = sentences[st.sentence]
            c.claims.append(Claim(by: st.claimBy, status: status, text: text(s.start, s.end), sentence: st.sentence))
        }
        commitments[i] = c
    }

    /// The status the statements support together: what the bound party says weighs most.
    private func overallStatus(_ c: Commitment) -> String {
        let bound = c.party
        let byBound = c.claims.filter { claimer in bound != nil && countryOf(claimer.by) == bound }
        if let last = byBound.last(where: { ["confirmed", "not confirmed", "rejected"].contains($0.status) }) { return last.status }
        let all = c.claims.map(\.status)
        if all.contains("rejected") { return "rejected" }
        if all.contains("confirmed") { return "confirmed" }
        if all.contains("claimed agreed") { return "claimed agreed" }
        if all.contains("requested") { return "requested" }
        return c.claims.first?.status ?? "proposed"
    }

    /// The country a party name belongs to (a person's affiliation, or the country itself).
    private func countryOf(_ name: String?) -> String? {
        guard let name, let p = partyTable.first(where: { $0.name == name }) else { return name }
        return p.kind == "country" ? p.name : (p.affiliation ?? p.name)
    }

    /// Pause mentions in a sentence: each pause word with the clause it heads.
    private func pauseStatements(_ si: Int) -> [PauseStatement] {
        let r = sentences[si].tokens
        var found: [(at: Int, kind: String)] = []
        var k = r.lowerBound
        while k < r.upperBound {
            if let m = lexicon.pauseMatcher.match(tokens, at: k, limit: r.upperBound) {
                // "halt"/"stop" must be about strikes or attacks, not "ground to a halt"
                if m.payload == "halt" {
                    let window = (k + m.length)..<min(r.upperBound, k + m.length + 5)
                    let aboutStrikes = window.contains { ["strikes", "strike", "attacks", "attacking", "attack", "striking", "hitting", "fire", "shelling", "firing", "bombing"].contains(tokens[$0].lower) }
                        || (m.length >= 2 && tokens[k + 1].lower == "fire")
                    if !aboutStrikes { k += m.length; continue }
                }
                found.append((k, m.payload))
                k += m.length
                continue
            }
            k += 1
        }
        // a pause word inside a condition ("if Russia does not strike …", "if Moscow stops hitting") is the condition
        found.removeAll { f in
            guard let ifAt = (r.lowerBound..<f.at).last(where: { ["if", "unless"].contains(tokens[$0].lower) }) else { return false }
            return !((ifAt + 1)..<f.at).contains(where: { tokens[$0].text == "," })
        }
        var out: [PauseStatement] = []
        for (n, f) in found.enumerated() {
            let clauseStart = n > 0 ? found[n - 1].at + 1 : r.lowerBound
            let clauseEnd = n + 1 < found.count ? found[n + 1].at : r.upperBound
            if let st = pauseStatement(si, at: f.at, kind: f.kind, clause: clauseStart..<clauseEnd, conditionFrom: n == 0 ? clauseStart : f.at) { out.append(st) }
        }
        return out
    }

    /// Reads the pause word at `p` (and its clause up to `clauseEnd`) as a statement.
    private func pauseStatement(_ si: Int, at p: Int, kind pauseKind: String, clause: Range<Int>, conditionFrom: Int) -> PauseStatement? {
        let r = sentences[si].tokens
        let clauseEnd = clause.upperBound
        let words = r.map { tokens[$0].lower }
        var st = PauseStatement(sentence: si, scopeTypes: [], scopePlaces: [], reciprocal: false, window: Window(start: nil, end: nil), anaphoric: false)

        // Scope: target categories and places after the pause word (or just before it: "energy ceasefire").
        var j = max(r.lowerBound, p - 3)
        if j < p, !(j..<p).contains(where: { lexicon.targetMatcher.match(tokens, at: $0, limit: p) != nil }) { j = p }
        var scopeStart: Int?, scopeEnd: Int?
        while j < clauseEnd {
            // the scope ends at a condition or a new clause
            if j > p && (tokens[j].lower == "if" || tokens[j].lower == "unless" || (tokens[j].text == "," && j + 1 < clauseEnd && !["and", "or"].contains(tokens[j + 1].lower))) { break }
            if let m = lexicon.targetMatcher.match(tokens, at: j, limit: clauseEnd) {
                let type = m.payload
                if type == "energy" || type == "military" || type == "transport" || type == "residential" {
                    if !st.scopeTypes.contains(type) { st.scopeTypes.append(type) }
                    scopeStart = scopeStart ?? j; scopeEnd = j + m.length
                }
                j += m.length
                continue
            }
            if tokens[j].isCapitalized, let m = lexicon.placeMatcher.match(tokens, at: j, limit: clauseEnd),
               j > r.lowerBound, ["on", "into", "in", "at", "against"].contains(tokens[j - 1].lower) {
                let place = lexicon.places[m.payload].name
                if !st.scopePlaces.contains(place) { st.scopePlaces.append(place) }
                scopeStart = scopeStart ?? j; scopeEnd = j + m.length
                // "Kyiv and other cities", "Kyiv and the various towns"
                var e = j + m.length
                if e + 2 < r.upperBound, tokens[e].lower == "and" {
                    var f = e + 1
                    while f < r.upperBound && f < e + 4 && ["other", "the", "various", "several", "many", "all", "major"].contains(tokens[f].lower) { f += 1 }
                    if f < r.upperBound, ["cities", "towns", "regions", "places", "areas", "settlements"].contains(tokens[f].lower) {
                        st.scopePlaces.append("other cities")
                        e = f + 1
                        scopeEnd = e
                    }
                }
                j = e
                continue
            }
            j += 1
        }
        // No scope in the clause: the sentence's ("If Russia does not strike our energy infrastructure, … we will not strike theirs").
        if st.scopeTypes.isEmpty && st.scopePlaces.isEmpty {
            for q in r where lexicon.targetMatcher.match(tokens, at: q, limit: r.upperBound)?.payload == "energy" {
                st.scopeTypes = ["energy"]
                break
            }
        }
        if let a = scopeStart, let b = scopeEnd { st.scopeText = text(tokens: a..<b) }
        st.anaphoric = (p > r.lowerBound && ["the", "that", "this"].contains(tokens[p - 1].lower))

        // Window: a date expression in the sentence.
        if let d = dates.first(where: { $0.sentence == si && ($0.kind == "window" || $0.kind == "range") && $0.value != nil }) {
            st.window = Window(start: d.value, end: d.endValue, text: d.text, derived: d.kind == "window" ? "start" : nil)
        } else if let d = dates.first(where: { $0.sentence == si && $0.value != nil && $0.kind == "absolute" }),
                  let u = tokens.firstIndex(where: { $0.start == d.start }), u > r.lowerBound, ["until", "till", "through", "before"].contains(tokens[u - 1].lower) {
            st.window = Window(start: nil, end: d.value, text: text(tokens: (u - 1)..<u) + " " + d.text)
        }

        // Who: "X asked Y to hold fire" (request), "X will halt … if Z stops" (conditional offer), "we will not strike" in a quote.
        let requestAt = clause.first { $0 < p && lexicon.requestWords.contains(tokens[$0].lower) && !isInsideQuote($0) }
        let proposeAt = clause.last { $0 < p && lexicon.proposeWords.contains(tokens[$0].lower) }
        if let q = requestAt {
            st.requestedBy = partyCountry(before: q, in: r)
            st.party = partyCountry(after: q, until: p, in: r)
            st.status = "requested"
            st.claimBy = speakerName(in: r, before: q) ?? st.requestedBy.flatMap { _ in subjectName(before: q, in: r) }
        } else if pauseKind == "pause", let q = proposeAt {
            // "X raised hopes for a pause" / "X backs a ceasefire": X proposes; who holds fire is not said here
            st.status = "proposed"
            st.claimBy = nearestName(before: q, in: clause)
        } else if pauseKind != "pause" {
            st.party = subjectCountry(before: p, in: clause.lowerBound..<p)
        }
        // In a quote: the speaker's side ("we will not strike theirs").
        if isInsideQuote(p), let q = quotes.first(where: { $0.start <= tokens[p].start && $0.end >= tokens[p].end }) {
            if let sp = q.speaker { st.party = st.party ?? countryOf(sp); st.claimBy = sp }
        }
        // Condition: "if Moscow stops hitting its grid" / "If Russia does not strike …".
        if let ifAt = (conditionFrom..<clause.upperBound).first(where: { tokens[$0].lower == "if" || tokens[$0].lower == "provided" || tokens[$0].lower == "unless" }) {
            var e = ifAt + 1
            while e < clause.upperBound && tokens[e].text != "," && tokens[e].text != ";" && tokens[e].kind != .quote && !(tokens[e].text == "." ) { e += 1 }
            st.condition = text(tokens: ifAt..<e)
            st.reciprocal = true
            // the other side named in the condition
            for c in ifAt..<e where entityAt[c] >= 0 {
                let party = partyTable[entities[entityAt[c]].party]
                let country = party.kind == "country" ? party.name : party.affiliation
                if let country, country != st.party { st.counterparty = country; break }
            }
        }
        if words.contains("reciprocal") || words.contains("mutual") { st.reciprocal = true }
        // The counterparty of a place-scoped pause: the country the places belong to.
        if st.counterparty == nil, let place = st.scopePlaces.first,
           let entry = lexicon.places.first(where: { $0.name == place }), let country = entry.country, country != st.party {
            st.counterparty = country
        }
        if st.counterparty == nil, !st.scopeTypes.isEmpty {
            // "strikes on Russian energy facilities": the demonym on the target
            if let a = scopeStart, a > r.lowerBound, entityAt[a - 1] >= 0 {
                let party = partyTable[entities[entityAt[a - 1]].party]
                if party.kind == "country" && party.name != st.party { st.counterparty = party.name }
            }
        }
        // Action: the pause phrase up to the end of its scope.
        let actionEnd = scopeEnd ?? min(r.upperBound, p + 4)
        if actionEnd > p { st.action = text(tokens: p..<actionEnd) }

        // Status from the verbs around it.
        let negated = clause.contains { $0 < p && Self.negations.contains(tokens[$0].lower) }
        let confirmAt = clause.first { $0 < p && (lexicon.confirmWords.contains(tokens[$0].lower) || lexicon.agreeWords.contains(tokens[$0].lower)) }
        let rejectAt = clause.first { $0 < p && lexicon.rejectWords.contains(tokens[$0].lower) }
        if let v = confirmAt {
            if negated {
                st.status = "not confirmed"
            } else if requestAt != nil {
                st.status = "requested"  // "confirmed that Trump had asked": the request is confirmed, not the pause
            } else {
                st.status = lexicon.confirmWords.contains(tokens[v].lower) ? "confirmed" : "claimed agreed"
            }
            st.claimBy = nearestName(before: v, in: clause) ?? st.claimBy
        } else if let v = rejectAt {
            st.status = "rejected"
            st.claimBy = nearestName(before: v, in: clause)
        } else if st.status == nil, st.condition != nil || proposeAt != nil || words.contains("will") {
            if pauseKind != "pause" || st.party != nil {
                st.status = "proposed"
                st.claimBy = st.claimBy ?? nearestName(before: p, in: clause)
            }
        }
        // A quote right after ("adding, “he agreed to do that”") claims the request was agreed.
        if st.status == "requested" {
            for q in quotes where q.sentence == si {
                let qwords = Set(lexicon.tokens(q.text).map(\.lower))
                if !qwords.intersection(lexicon.agreeWords).isEmpty && qwords.intersection(Self.negations).isEmpty {
                    var agreed = st
                    agreed.status = "claimed agreed"
                    agreed.claimBy = q.speaker
                    return mergeStatus(st, agreed)
                }
            }
        }
        if st.party == nil && st.requestedBy == nil && st.status == nil && !st.anaphoric && st.scopeTypes.isEmpty && st.scopePlaces.isEmpty { return nil }
        // hypothetical generalities ("any reciprocal pause … could provide relief") carry no party or status
        if words.contains("any") && st.party == nil && st.status == nil { return nil }
        return st
    }

    /// A statement that carries two statuses (a request, and a claim it was agreed) keeps the stronger.
    private func mergeStatus(_ a: PauseStatement, _ b: PauseStatement) -> PauseStatement {
        var m = a
        m.status = b.status
        m.claimBy = b.claimBy ?? a.claimBy
        return m
    }

    /// The country of the nearest party before token `k` in the sentence (the requester).
    private func partyCountry(before k: Int, in r: Range<Int>) -> String? {
        var j = k - 1
        while j >= r.lowerBound {
            if entityAt[j] >= 0 { return country(of: entities[entityAt[j]].party) }
            if tokens[j].has(Lexicon.pronounBit), let sp = speechEvents.last(where: { $0.cue.lowerBound < j && $0.party != nil }) {
                return country(of: sp.party!)
            }
            j -= 1
        }
        return nil
    }

    /// The country of the first party between `k` and `limit` (the one asked).
    private func partyCountry(after k: Int, until limit: Int, in r: Range<Int>) -> String? {
        for j in (k + 1)..<max(k + 1, limit) where entityAt[j] >= 0 {
            let e = entities[entityAt[j]]
            if partyTable[e.party].kind == "person" || partyTable[e.party].kind == "country" { return country(of: e.party) }
        }
        return nil
    }

    /// The country of the sentence subject before the pause word ("Ukraine says it will halt").
    private func subjectCountry(before p: Int, in r: Range<Int>) -> String? {
        for j in r where j < p && entityAt[j] >= 0 {
            let e = entities[entityAt[j]]
            let kind = partyTable[e.party].kind
            if kind == "person" || kind == "country" || kind == "military" || kind == "agency" {
                // skip a demonym modifying the target ("Russian energy facilities")
                if e.form == .demonym && j + 1 < r.upperBound && !tokens[j + 1].isCapitalized { continue }
                return country(of: e.party)
            }
        }
        return nil
    }

    /// The canonical name of the first party before `k` (the one making a claim).
    private func subjectName(before k: Int, in r: Range<Int>) -> String? {
        for j in r where j < k && entityAt[j] >= 0 {
            let e = entities[entityAt[j]]
            if e.form == .demonym { continue }
            return partyTable[e.party].name
        }
        return nil
    }

    /// The canonical name of the party nearest before the verb at `v` (its subject, usually).
    private func nearestName(before v: Int, in clause: Range<Int>) -> String? {
        var j = v - 1
        while j >= clause.lowerBound {
            if entityAt[j] >= 0, entities[entityAt[j]].form != .demonym || (j + 1 < tokens.count && tokens[j + 1].isCapitalized == false && tokens[j + 1].kind != .word) {
                return partyTable[entities[entityAt[j]].party].name
            }
            if tokens[j].has(Lexicon.pronounBit), let sp = speechEvents.last(where: { $0.cue.lowerBound < j && $0.party != nil }) {
                return partyTable[sp.party!].name
            }
            j -= 1
        }
        return nil
    }

    /// The speaker of a speech event in the sentence before token `k`.
    private func speakerName(in r: Range<Int>, before k: Int) -> String? {
        speechEvents.last { r.contains($0.cue.lowerBound) && $0.cue.lowerBound < k && $0.party != nil }.map { partyTable[$0.party!].name }
    }

    private func country(of p: Int) -> String {
        let party = partyTable[p]
        return party.kind == "country" ? party.name : (party.affiliation ?? party.name)
    }
}
