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
        /// A ceasefire on everything (no target types or places): the whole war, or a front.
        var general = false
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
                // "a ceasefire" after "a 30-day ceasefire" is the same one
                if target == nil, key == "all" { target = commitments.lastIndex { scopeKey($0)?.hasPrefix("all") == true } }
                if target == nil, key.hasPrefix("all:"), let loose = commitments.lastIndex(where: { scopeKey($0) == "all" }) { target = loose }
            } else if st.anaphoric || st.party != nil {
                target = lastIndex
            }
            if let t = target {
                merge(st, into: t)
                lastIndex = t
            } else if key != nil && st.status != nil {
                // a pause with nobody proposing, asking, agreeing or refusing ("it takes one call to cease fire") is talk, not a commitment
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
        if st.general { return generalKey(st.window) }
        return nil
    }

    private func scopeKey(_ c: Commitment) -> String? {
        if !c.scopeTypes.isEmpty { return "types:" + c.scopeTypes.sorted().joined(separator: ",") }
        if let p = c.scopePlaces.first { return "place:" + p }
        if c.scope == nil { return generalKey(c.window) }
        return nil
    }

    /// General ceasefires are told apart by their length or dates ("a 30-day ceasefire", "from 8 May until 11 May").
    private func generalKey(_ w: Window) -> String {
        if let d = w.days { return "all:\(d)d" }
        if let s = w.start ?? w.end { return "all:" + s }
        return "all"
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
        // a verb phrase ("halt long-range strikes on Russian energy facilities") says more than a noun ("energy ceasefire")
        // … unless the noun phrase already names its targets ("pause in attacks on Kyiv and other cities")
        let namesTargets = c.action.map { $0.contains(" on ") || $0.contains(" in ") } ?? false
        if c.action == nil || (st.action.map(isHaltPhrase) == true && !(c.action.map(isHaltPhrase) ?? false) && !namesTargets) { c.action = st.action ?? c.action }
        c.scope = c.scope ?? st.scopeText
        for t in st.scopeTypes where !c.scopeTypes.contains(t) { c.scopeTypes.append(t) }
        for p in st.scopePlaces where !c.scopePlaces.contains(p) { c.scopePlaces.append(p) }
        c.condition = c.condition ?? st.condition
        c.reciprocal = c.reciprocal || st.reciprocal
        if c.window.start == nil && c.window.end == nil && c.window.days == nil { c.window = st.window } else {
            c.window.start = c.window.start ?? st.window.start
            c.window.end = c.window.end ?? st.window.end
            c.window.days = c.window.days ?? st.window.days
        }
        if let status = st.status, !c.claims.contains(where: { $0.sentence == st.sentence && $0.status == status && $0.by == st.claimBy }) {
            let s = sentences[st.sentence]
            c.claims.append(Claim(by: st.claimBy, status: status, text: text(s.start, s.end), sentence: st.sentence))
        }
        commitments[i] = c
    }

    /// Whether an action starts with a halt verb ("halt strikes on …", "not strike …").
    private func isHaltPhrase(_ action: String) -> Bool {
        guard let m = lexicon.pauseMatcher.match(lexicon.tokens(action), at: 0) else { return false }
        return m.payload != "pause"
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
                // "the missiles did not hit the port": a report of what happened, not a commitment
                if m.payload == "negated-strike", k > r.lowerBound,
                   ["did", "does", "do", "has", "have", "had", "was", "were", "is", "are"].contains(tokens[k - 1].lower) {
                    k += m.length; continue
                }
                // "ceasefire talks", "ceasefire negotiations", "ceasefire monitors": talk about a pause, not one
                let after = k + m.length < r.upperBound ? tokens[k + m.length].lower : ""
                if m.payload == "pause" && ["talks", "negotiations", "negotiators", "monitors", "monitoring", "line", "lines", "violations"].contains(after) {
                    k += m.length; continue
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
            if let st = pauseStatement(si, at: f.at, kind: f.kind, clause: clauseStart..<clauseEnd, conditionFrom: n == 0 ? clauseStart : f.at) {
                out.append(st)
                // "the US had proposed a Christmas truce but Russia rejected the idea": the answer, in the same sentence
                if let answer = laterResponse(after: f.at, in: r) {
                    var reply = st
                    reply.status = answer.status
                    reply.claimBy = answer.by
                    out.append(reply)
                }
            }
        }
        return out
    }

    /// "… but Russia rejected the idea / has not accepted it / agreed": a reply after the pause word.
    private func laterResponse(after p: Int, in r: Range<Int>) -> (status: String, by: String?)? {
        // "A … ceasefire was agreed between Russia and Ukraine": an agreement, in the passive
        if p + 2 < r.upperBound, ["was", "were", "has", "had", "is"].contains(tokens[p + 1].lower) {
            var v = p + 2
            if v < r.upperBound, tokens[v].lower == "been" { v += 1 }
            if v < r.upperBound, lexicon.agreeWords.contains(tokens[v].lower) || lexicon.confirmWords.contains(tokens[v].lower) || lexicon.declareWords.contains(tokens[v].lower) {
                return ("confirmed", nil)
            }
        }
        guard let but = ((p + 1)..<r.upperBound).first(where: { ["but", "and", ";"].contains(tokens[$0].lower) }) else { return nil }
        var j = but + 1
        var by: String?
        while j < min(r.upperBound, but + 5) {
            if entityAt[j] >= 0 { by = partyTable[entities[entityAt[j]].party].name; j = entities[entityAt[j]].range.upperBound; continue }
            let w = tokens[j].lower
            let negated = ((but + 1)..<j).contains { Self.negations.contains(tokens[$0].lower) }
            if lexicon.rejectWords.contains(w) { return by.map { ("rejected", $0) } }
            if lexicon.agreeWords.contains(w) || lexicon.confirmWords.contains(w) { return by.map { (negated ? "not confirmed" : "claimed agreed", $0) } }
            if Self.negations.contains(w) || tokens[j].has(Lexicon.auxiliaryBit) { j += 1; continue }
            if by == nil { return nil }
            j += 1
        }
        return nil
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
        while j < clauseEnd && j < p + 12 {
            // the scope ends at a condition or a new clause
            if j > p && (tokens[j].lower == "if" || tokens[j].lower == "unless" || tokens[j].lower == "but" || tokens[j].text == ";"
                         || tokens[j].kind == .dash || isMark[j] || (tokens[j].text == "," && j + 1 < clauseEnd && !["and", "or"].contains(tokens[j + 1].lower))) { break }
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
        // a ceasefire with no targets or places named covers everything (between whichever sides are named)
        if pauseKind == "pause" && st.scopeTypes.isEmpty && st.scopePlaces.isEmpty && ["ceasefire", "ceasefires", "cease-fire", "truce", "armistice"].contains(tokens[p].lower) {
            st.general = true
        }

        // Window: a date expression in the sentence.
        if let d = dates.first(where: { $0.sentence == si && ($0.kind == "window" || $0.kind == "range") && $0.value != nil }) {
            st.window = Window(start: d.value, end: d.endValue, text: d.text, derived: d.kind == "window" ? "start" : nil)
        } else if let d = dates.first(where: { $0.sentence == si && $0.value != nil && $0.kind == "absolute" }),
                  let u = tokens.firstIndex(where: { $0.start == d.start }), u > r.lowerBound, ["until", "till", "through", "before"].contains(tokens[u - 1].lower) {
            st.window = Window(start: nil, end: d.value, text: text(tokens: (u - 1)..<u) + " " + d.text)
        }

        // How long: "a 30-day ceasefire", "a ceasefire lasting at least 30 days", "a 60-day truce".
        if let d = figures.first(where: { f in
            f.sentence == si && f.kind == "duration" && (f.unit == "day" || f.unit == "week" || f.unit == "month")
                && (tokens.indices.contains(p) && (f.end <= tokens[p].start && tokens[p].start - f.end <= 2
                    || f.start >= tokens[p].end && f.start - tokens[p].end <= 25))
        }), let v = d.value {
            st.window.days = Int(v * (d.unit == "week" ? 7 : d.unit == "month" ? 30 : 1))
            st.window.text = st.window.text ?? d.text
        }
        // A holiday truce: "a Christmas truce", "an Easter ceasefire".
        if st.window.start == nil, let h = dates.first(where: { $0.sentence == si && $0.kind == "holiday" && $0.value != nil && $0.end <= tokens[p].start && tokens[p].start - $0.end <= 2 }) {
            st.window = Window(start: h.value, end: h.value, text: h.text, derived: nil, days: st.window.days)
        }
        // "a pledge by Russia and Ukraine not to attack …": both sides bind themselves
        if pauseKind == "negated-strike", let by = (max(r.lowerBound, p - 8)..<p).last(where: { tokens[$0].lower == "by" }),
           by > r.lowerBound, lexicon.agreeWords.contains(tokens[by - 1].lower) || ["agreement", "deal", "commitment", "promise"].contains(tokens[by - 1].lower) {
            let sides = ((by + 1)..<p).filter { entityAt[$0] >= 0 && ($0 == by + 1 || entityAt[$0 - 1] != entityAt[$0]) }.map { country(of: entities[entityAt[$0]].party) }
            if let first = sides.first {
                st.party = first
                if sides.count > 1 { st.counterparty = sides[1]; st.reciprocal = true }
                st.status = "claimed agreed"
                st.claimBy = speakerName(in: r, before: r.upperBound) ?? first
            }
        }
        // Who: "X asked Y to hold fire" (request), "X will halt … if Z stops" (conditional offer), "we will not strike" in a quote.
        let requestAt = clause.first { $0 < p && lexicon.requestWords.contains(tokens[$0].lower) && !isInsideQuote($0) }
        let proposeAt = clause.last { $0 < p && lexicon.proposeWords.contains(tokens[$0].lower) }
        let declareAt = clause.last { $0 < p && lexicon.declareWords.contains(tokens[$0].lower) && !isInsideQuote($0) }
        if let q = declareAt, requestAt == nil, proposeAt.map({ $0 > q }) ?? true {
            // "Putin announced a temporary ceasefire": the side that declares it holds fire
            st.party = subjectCountry(before: q, in: clause.lowerBound..<q) ?? subjectCountry(before: q, in: r.lowerBound..<q)
            st.status = "confirmed"
            st.claimBy = nearestName(before: q, in: r.lowerBound..<q)
        } else if let q = proposeAt, ["ready", "willing", "prepared"].contains(tokens[q].lower),
                  q + 2 < p, tokens[q + 1].lower == "to", lexicon.declareWords.contains(tokens[q + 2].lower) {
            // "said it was ready to declare a temporary ceasefire": the declaring side offers to hold fire
            st.party = subjectCountry(before: q, in: r.lowerBound..<q)
            st.status = "proposed"
            st.claimBy = nearestName(before: q, in: r.lowerBound..<q)
        } else if let q = requestAt {
            st.requestedBy = partyCountry(before: q, in: r)
            // "asked Putin to hold fire on Kyiv" names who holds fire; "called for a ceasefire" does not
            if !st.general { st.party = partyCountry(after: q, until: p, in: r) }
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
            if let sp = q.speaker {
                // "we will not strike theirs" binds the speaker's side; "a ceasefire" in a quote is only talked about
                if !st.general { st.party = st.party ?? countryOf(sp) }
                st.claimBy = sp
            }
        }
        // Condition: "if Moscow stops hitting its grid" / "If Russia does not strike …".
        if let ifAt = (conditionFrom..<clause.upperBound).first(where: { tokens[$0].lower == "if" || tokens[$0].lower == "provided" || tokens[$0].lower == "unless" }) {
            var e = ifAt + 1
            while e < clause.upperBound && tokens[e].text != "," && tokens[e].text != ";" && tokens[e].kind != .quote && !(tokens[e].text == "." ) { e += 1 }
            // only a condition about the other side's strikes makes the pause reciprocal ("if Russia doesn't comply" with sanctions does not)
            let aboutStrikes = (ifAt..<e).contains { lexicon.attackWords.contains(tokens[$0].lower) || lexicon.pauseMatcher.match(tokens, at: $0, limit: e) != nil }
            if aboutStrikes {
                st.condition = text(tokens: ifAt..<e)
                st.reciprocal = true
                // the other side named in the condition
                for c in ifAt..<e where entityAt[c] >= 0 {
                    let party = partyTable[entities[entityAt[c]].party]
                    let country = party.kind == "country" ? party.name : party.affiliation
                    if let country, country != st.party { st.counterparty = country; break }
                }
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
        // Action: the pause phrase up to the end of its scope; a general ceasefire is named by its noun phrase
        // ("a temporary ceasefire", "a 30-day ceasefire", "a Christmas truce").
        let pauseNoun = pauseKind == "pause"
        if pauseNoun {
            var a = p
            while a > r.lowerBound && p - a < 5 {
                let t = tokens[a - 1]
                let modifier = t.kind == .word && !t.has(Lexicon.determinerBit) && !t.has(Lexicon.auxiliaryBit) && !t.has(Lexicon.cueFormBit)
                    && entityAt[a - 1] < 0 && !["to", "for", "of", "on", "in", "a", "an", "the", "s", "’s", "'s"].contains(t.lower)
                    && !lexicon.requestWords.contains(t.lower) && !lexicon.proposeWords.contains(t.lower) && !lexicon.agreeWords.contains(t.lower)
                    && !lexicon.declareWords.contains(t.lower) && !lexicon.rejectWords.contains(t.lower) && !lexicon.confirmWords.contains(t.lower)
                let numberPart = t.kind == .number && a < p && tokens[a].kind == .dash && !tokens[a].spaceBefore
                if modifier || numberPart || (t.kind == .dash && !t.spaceBefore) || (t.lower == "and" && a - 2 > r.lowerBound && tokens[a - 2].kind == .word && !tokens[a - 2].has(Lexicon.determinerBit)) {
                    a -= 1
                } else { break }
            }
            var e = p + 1
            if e < r.upperBound, ["agreement", "deal", "proposal", "plan"].contains(tokens[e].lower) { e += 1 }
            // with a scope right after it: "pause in attacks on Kyiv and other cities", "ceasefire in Mariupol"
            if let se = scopeEnd, se > e, (p..<se).count <= 10 { e = se }
            st.action = text(tokens: a..<e)
            // who: "a ceasefire between Russia and Ukraine"
            if let b = ((p + 1)..<min(r.upperBound, p + 8)).first(where: { tokens[$0].lower == "between" }) {
                let sides = ((b + 1)..<min(r.upperBound, b + 8)).filter { entityAt[$0] >= 0 && ($0 == b + 1 || entityAt[$0 - 1] != entityAt[$0]) }
                    .map { country(of: entities[entityAt[$0]].party) }
                if sides.count >= 2 { st.party = st.party ?? sides[0]; st.counterparty = sides[1]; st.reciprocal = true }
            }
            // a start: "on Tuesday from 1:30 p.m.", "A Jan. 16 localized ceasefire"
            if st.window.start == nil && st.window.end == nil, let d = dates.first(where: { $0.sentence == si && $0.value != nil && ($0.kind == "absolute" || $0.kind == "weekday")
                    && ($0.end <= tokens[p].start && tokens[p].start - $0.end <= 20 || $0.start >= tokens[p].end && $0.start - tokens[p].end <= 40) }) {
                st.window.start = d.value
                st.window.text = st.window.text ?? d.text
            }
        } else {
            let actionEnd = scopeEnd ?? min(r.upperBound, p + 4)
            if actionEnd > p { st.action = text(tokens: p..<actionEnd) }
        }

        // Status from the verbs around it.
        let negated = clause.contains { $0 < p && Self.negations.contains(tokens[$0].lower) }
        let confirmAt = clause.first { $0 < p && (lexicon.confirmWords.contains(tokens[$0].lower) || lexicon.agreeWords.contains(tokens[$0].lower)) }
        let rejectAt = clause.first { $0 < p && lexicon.rejectWords.contains(tokens[$0].lower) }
        if let v = confirmAt {
            let before = v > r.lowerBound ? tokens[v - 1].lower : ""
            let before2 = v - 1 > r.lowerBound ? tokens[v - 2].lower : ""
            let willing = before == "to" && ["ready", "willing", "prepared"].contains(before2)
            let demanded = !willing && (before == "to" || ["must", "should"].contains(before) || (before == "to" && ["has", "have", "needs", "need"].contains(before2)))
            if negated {
                st.status = "not confirmed"
            } else if demanded {
                // "for Russia to agree to a ceasefire", "Moscow must accept": a demand, not an agreement
                st.status = "requested"
                st.claimBy = speakerName(in: r, before: v) ?? nearestName(before: r.lowerBound + 1, in: r)
            } else if requestAt != nil {
                st.status = "requested"  // "confirmed that Trump had asked": the request is confirmed, not the pause
            } else {
                st.status = lexicon.confirmWords.contains(tokens[v].lower) ? "confirmed" : "claimed agreed"
            }
            if st.status != "requested" || requestAt != nil { st.claimBy = nearestName(before: v, in: clause) ?? st.claimBy }
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
                // "he agreed to do that" reports an agreement; "must accept" is a demand
                let pastAgreement = qwords.contains { lexicon.agreeWords.contains($0) && $0.hasSuffix("ed") }
                if pastAgreement && qwords.intersection(Self.negations).isEmpty && !qwords.contains("must") && !qwords.contains("should") {
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
                // a person with no country (a reporter, an analyst) does not hold fire for anyone
                if kind == "person" && partyTable[e.party].affiliation == nil { continue }
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
            if tokens[j].has(Lexicon.pronounBit) {
                // "The ministry said it was ready": the pronoun's antecedent earlier in the sentence
                if let e = (clause.lowerBound..<j).last(where: { entityAt[$0] >= 0 && entities[entityAt[$0]].form != .demonym }) {
                    return partyTable[entities[entityAt[e]].party].name
                }
                if let sp = speechEvents.last(where: { $0.cue.lowerBound < j && $0.party != nil }) { return partyTable[sp.party!].name }
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
