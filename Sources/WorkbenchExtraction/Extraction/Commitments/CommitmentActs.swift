/// The speech act around a pause: who offers, asks for, announces, accepts or refuses it, and who says so.
/// Each rule is a small function tried in order by `readAct`; the first that applies decides.
extension CommitmentReader {

    private static let negations: Set<String> = ["not", "n't", "never", "no", "neither", "nor", "without"]

    /// The kinds of verb that can govern a pause.
    private enum Act { case request, declare, propose, agree, reject }

    /// Reads the act governing the pause at `m.at` in `clause` (its sentence is `r`): an agreement told in
    /// the passive after it, a demand framed as a deadline or a condition, else the act verb nearest
    /// before it ("Moscow did not … confirm it had agreed to the pause": the agreement, not "the request").
    func readAct(_ m: inout PauseMention, clause: Range<Int>, in r: Range<Int>) {
        defer { quotedSide(&m) }
        if passiveAgreement(&m, clause, r) || demandToAgree(&m, clause, r) || noAgreement(&m, clause, r) { return }
        var nearest: (Int, Act)?
        for k in clause where k < m.at {
            if c.quoted(k) && !c.quoted(m.at) { continue }
            let act: Act?
            if isWord(k, .request) || isWord(k, .demand) {
                act = .request
            } else if isWord(k, .declare) {
                act = .declare
            } else if isWord(k, .reject) {
                act = .reject
            } else if isWord(k, .confirm) || isWord(k, .agree) {
                act = .agree
            } else if isWord(k, .propose) {
                act = .propose
            } else {
                act = nil
            }
            if let act { nearest = (k, act) }
        }
        switch nearest?.1 {
        case .request?: _ = request(&m, clause, r)
        case .declare?: _ = declaration(&m, clause, r)
        case .propose?: _ = offerOrSupport(&m, clause, r)
        case .agree?: _ = agreement(&m, clause, r)
        case .reject?: _ = refusal(&m, clause, r)
        case nil: _ = willOrCondition(&m, clause, r)
        }
    }

    // MARK: Parties around a verb

    /// The country of the nearest party before `k` in `range` that can act (a country, its forces or
    /// officials, a person with a country); a pronoun takes the party before it in the sentence.
    func subject(before k: Int, in range: Range<Int>, sentence r: Range<Int>) -> (country: String, name: String)? {
        var j = k - 1
        while j >= range.lowerBound {
            if let e = c.entity(at: j) {
                let p = c.parties[e.party]
                // "told the BBC": the listener is no subject
                if e.range.lowerBound > r.lowerBound,
                    let cue = c.lexicon.cueForms[w(e.range.lowerBound - 1)]
                        ?? c.lexicon.cueForms[w(max(r.lowerBound, e.range.lowerBound - 2))],
                    !cue.speakerAfter
                {
                    j = e.range.lowerBound - 1
                    continue
                }
                // a demonym modifying a noun ("Russian energy facilities") is no subject
                if e.form == .demonym && j + 1 < r.upperBound && !c.tokens[j + 1].isCapitalized
                    && c.tokens[j + 1].kind == .word
                {
                    j -= 1
                    continue
                }
                if p.kind == .person && p.affiliation == nil {
                    j -= 1
                    continue
                }
                return (c.country(ofParty: e.party), p.name)
            }
            if c.tokens[j].has(.pronoun), let party = antecedent(of: j, sentence: r) {
                return (c.country(ofParty: party), c.parties[party].name)
            }
            j -= 1
        }
        return nil
    }

    /// The party a pronoun at `j` stands for: a party earlier in its sentence; opening a sentence, the previous
    /// sentence's subject; else the person named last before it ("He also floated …" after a sentence about Zelensky).
    func antecedent(of j: Int, sentence r: Range<Int>) -> Int? {
        // "he" and "she" stand for a person, never the outlet told ("told the BBC that he was pushing")
        let personal = ["he", "she"].contains(w(j))
        if let e = (r.lowerBound..<j).reversed().lazy.compactMap({ c.entity(at: $0) }).first(where: {
            $0.form != .demonym && (!personal || c.parties[$0.party].kind == .person)
        }) {
            return e.party
        }
        guard personal else { return nil }
        // opening its sentence, the pronoun goes on with the previous sentence's subject: its first person named
        // outside quotation marks ("Trump admitted … : “I'm disappointed in him [Putin]” … He has hardened …")
        let si = c.sentenceOfToken[r.lowerBound]
        if j == r.lowerBound, si > 0,
            let subject = c.sentences[si - 1].tokens.first(where: {
                c.entity(at: $0).map { c.parties[$0.party].kind == .person } == true && !c.quoted($0)
            }).flatMap({ c.entity(at: $0) })
        {
            return subject.party
        }
        return c.entities.last { $0.range.upperBound <= r.lowerBound && c.parties[$0.party].kind == .person }?.party
    }

    /// The subject of the sentence's main clause: its first party, or the pronoun that opens it.
    func mainSubject(of r: Range<Int>, before limit: Int) -> (country: String, name: String)? {
        for j in r.lowerBound..<min(limit, r.lowerBound + 12) {
            if let e = c.entity(at: j), e.form != .demonym || c.tokens[min(j + 1, r.upperBound - 1)].isCapitalized {
                return (c.country(ofParty: e.party), c.parties[e.party].name)
            }
            if c.tokens[j].has(.pronoun), let party = antecedent(of: j, sentence: r) {
                return (c.country(ofParty: party), c.parties[party].name)
            }
        }
        return nil
    }

    /// The first country or person between `k` and `limit` (the one asked: "asked Putin to hold fire").
    private func object(after k: Int, until limit: Int) -> String? {
        for j in (k + 1)..<max(k + 1, limit) {
            guard let e = c.entity(at: j) else { continue }
            if [.person, .country, .military].contains(c.parties[e.party].kind) {
                return c.country(ofParty: e.party)
            }
        }
        return nil
    }

    /// Who reports the sentence: "according to X", or the speaker of its speech verb.
    func reporter(in r: Range<Int>, before limit: Int? = nil) -> String? {
        for k in r where k + 2 < r.upperBound && w(k) == "according" && w(k + 1) == "to" {
            if let e = ((k + 2)..<min(r.upperBound, k + 8)).lazy.compactMap({ c.entity(at: $0) }).first {
                return c.parties[e.party].name
            }
        }
        return c.speechBySentence[c.sentenceOfToken[r.lowerBound]].last {
            r.contains($0.cue.lowerBound) && $0.cue.lowerBound < (limit ?? r.upperBound) && $0.party != nil
        }
        .map { c.parties[$0.party!].name }
    }

    // MARK: Rules

    /// "A ceasefire was agreed between Russia and Ukraine", "a corridor was agreed with Russia": an agreement
    /// told by someone else (the sides did not speak).
    private func passiveAgreement(_ m: inout PauseMention, _ clause: Range<Int>, _ r: Range<Int>) -> Bool {
        let p = m.at + (m.term == .corridor ? 2 : 1)
        guard p + 1 < r.upperBound, ["was", "were", "has", "had", "is"].contains(w(p)) else { return false }
        var v = p + 1
        if v < r.upperBound, w(v) == "been" { v += 1 }
        guard v < r.upperBound, isWord(v, .agree) || isWord(v, .confirm) || isWord(v, .declare) else { return false }
        if m.parties.isEmpty, v + 2 < r.upperBound, w(v + 1) == "with",
            let side = object(after: v + 1, until: min(r.upperBound, v + 4))
        {
            m.parties = [side]
        }
        m.status = .claimedAgreed
        m.by = reporter(in: r)
        return true
    }

    /// "no ceasefire agreement reached", "no deal on a truce": the sides have not agreed (yet).
    private func noAgreement(_ m: inout PauseMention, _ clause: Range<Int>, _ r: Range<Int>) -> Bool {
        guard m.term == .pause, m.at > r.lowerBound,
            ["no", "without"].contains(w(m.at - 1)) || (m.at - 2 >= r.lowerBound && w(m.at - 2) == "no"),
            m.at + 1 < r.upperBound, isWord(m.at + 1, .deal)
        else { return false }
        m.status = .notConfirmed
        return true
    }

    /// "X asked Putin to hold fire", "X called for a ceasefire", "pleaded for Russia to end military operations":
    /// a request of the side named after the verb (or of nobody in particular).
    private func request(_ m: inout PauseMention, _ clause: Range<Int>, _ r: Range<Int>) -> Bool {
        guard
            let q = clause.last(where: {
                $0 < m.at
                    && (isWord($0, .request) || isWord($0, .demand))
                    && !c.quoted($0)
            })
        else { return false }
        m.requestedBy = subject(before: q, in: r.lowerBound..<q, sentence: r)?.country
        if !m.general || m.parties.isEmpty, let asked = object(after: q, until: m.at) { m.parties = [asked] }
        m.status = .requested
        m.by = reporter(in: r, before: q) ?? subject(before: q, in: r.lowerBound..<q, sentence: r)?.name
        return true
    }

    /// "a deadline for Russia to agree to a ceasefire", "if Moscow agrees to a 60-day ceasefire", "threatened
    /// Russia with sanctions if there was no ceasefire": a demand of the side named, by the sentence's subject.
    private func demandToAgree(_ m: inout PauseMention, _ clause: Range<Int>, _ r: Range<Int>) -> Bool {
        let before = (max(r.lowerBound, m.at - 8)..<m.at)
        let deadline = before.contains { ["deadline", "ultimatum"].contains(w($0)) }
        let conditional = before.contains { ["if", "unless"].contains(w($0)) }
        let threat = (r.lowerBound..<m.at).contains { isWord($0, .threaten) }
        guard deadline || conditional || threat else { return false }
        if deadline || conditional, let agree = before.last(where: { isWord($0, .agree) || w($0) == "agrees" }),
            agree > r.lowerBound
        {
            m.parties =
                subject(before: agree, in: before.lowerBound..<agree, sentence: r).map { [$0.country] } ?? m.parties
        } else if threat,
            let t = (r.lowerBound..<m.at).last(where: { isWord($0, .threaten) }),
            let asked = object(after: t, until: m.at)
        {
            m.parties = [asked]
        } else if conditional {
            return false
        }
        // who demands: the subject of the threat, else of the sentence ("He … imposing a deadline", "He floated … if Moscow agrees")
        if threat,
            let t = (r.lowerBound..<m.at).last(where: { isWord($0, .threaten) })
        {
            m.requestedBy = subject(before: t, in: r.lowerBound..<t, sentence: r)?.country
        } else {
            m.requestedBy = mainSubject(of: r, before: m.at)?.country
        }
        if m.requestedBy == m.parties.first { m.requestedBy = nil }
        m.status = .requested
        m.by = m.requestedBy
        return true
    }

    /// "Putin announced a temporary ceasefire": the side that declares it holds fire.
    private func declaration(_ m: inout PauseMention, _ clause: Range<Int>, _ r: Range<Int>) -> Bool {
        guard let q = clause.last(where: { $0 < m.at && isWord($0, .declare) && !c.quoted($0) }),
            !((q + 1)..<m.at).contains(where: { isWord($0, .request) })
        else { return false }
        let who =
            subject(before: q, in: clause.lowerBound..<q, sentence: r)
            ?? subject(before: q, in: r.lowerBound..<q, sentence: r)
        if let who, m.parties.isEmpty { m.parties = [who.country] }
        // "ready to declare a temporary ceasefire": an offer, not yet the declaration
        let ready = q - 2 >= r.lowerBound && w(q - 1) == "to" && isWord(q - 2, .ready)
        m.status = ready ? .proposed : .confirmed
        m.by = who?.name
        return true
    }

    /// "Russian forces were ready to open a humanitarian corridor", "Ukraine supported Trump's proposal for a
    /// ceasefire": an offer by a side (proposed), or a side's backing of another's proposal (confirmed).
    /// A proposal by someone who is not a side is a request of the sides.
    private func offerOrSupport(_ m: inout PauseMention, _ clause: Range<Int>, _ r: Range<Int>) -> Bool {
        guard let q = clause.last(where: { $0 < m.at && isWord($0, .propose) }) else { return false }
        let who = subject(before: q, in: r.lowerBound..<q, sentence: r)
        let sides = c.belligerents
        // someone else's proposal named between: "supported President Trump’s proposal for a ceasefire"
        let proposer = ((q + 1)..<m.at).lazy.compactMap({ c.entity(at: $0) }).first.map { c.country(ofParty: $0.party) }
        let backing = isWord(q, .support)
        if let who, sides.contains(who.country) || m.parties.contains(who.country) {
            if m.parties.isEmpty { m.parties = [who.country] }
            if backing, let proposer, proposer != who.country {
                m.requestedBy = proposer
                m.status = m.condition == nil ? .confirmed : .proposed
            } else {
                m.status = .proposed
            }
            m.by = who.name
        } else {
            m.requestedBy = who?.country
            m.status = .requested
            m.by = who?.name
        }
        return true
    }

    /// "Putin agreed to halt strikes", "Ukraine has agreed to the 30-day ceasefire", "has not accepted it",
    /// "Moscow must accept": an agreement, a refusal to confirm, or a demand, by the verb's subject.
    private func agreement(_ m: inout PauseMention, _ clause: Range<Int>, _ r: Range<Int>) -> Bool {
        guard let v = clause.last(where: { $0 < m.at && (isWord($0, .confirm) || isWord($0, .agree)) }) else {
            return false
        }
        let before = v > r.lowerBound ? w(v - 1) : ""
        let before2 = v - 1 > r.lowerBound ? w(v - 2) : ""
        let willing = before == "to" && isWord(before2, .ready)
        let demanded = !willing && (before == "to" || ["must", "should"].contains(before))
        let negated = (clause.lowerBound..<v).contains { Self.negations.contains(w($0)) }
        let who = subject(before: v, in: r.lowerBound..<v, sentence: r)
        if let who, m.parties.isEmpty { m.parties = [who.country] }
        let speaker = reporter(in: r, before: v)
        if negated {
            m.status = .notConfirmed
        } else if demanded {
            // "He … imposing a deadline for Russia to agree", "Sybiha …, adding Moscow must accept": the sentence's subject asks
            m.status = .requested
            if let asker = mainSubject(of: r, before: v), asker.country != who?.country,
                !m.parties.contains(asker.country)
            {
                m.requestedBy = m.requestedBy ?? asker.country
            }
        } else if willing {
            m.status = .proposed
        } else if isWord(v, .confirm) && !(speaker.map { c.country(ofName: $0) != who?.country } ?? false) {
            m.status = .confirmed
        }
        // told by someone else ("According to Macron's office, Putin agreed"): claimed; by the side itself: confirmed
        else if let speaker, let who, c.country(ofName: speaker) != who.country {
            // "According to Macron's office, Putin agreed": the one who reports the agreement, not a side, asked for it
            m.status = .claimedAgreed
            m.by = speaker
            if let country = c.country(ofName: speaker), !c.belligerents.contains(country) {
                m.requestedBy = m.requestedBy ?? country
            }
            return true
        } else if (r.lowerBound..<v).contains(where: { isWord($0, .hedge) }) {
            m.status = .claimedAgreed
        } else {
            m.status = who == nil ? .claimedAgreed : .confirmed
        }
        m.by = who?.name ?? speaker
        return true
    }

    /// "Russia rejected the truce", "refused", "ruled out".
    private func refusal(_ m: inout PauseMention, _ clause: Range<Int>, _ r: Range<Int>) -> Bool {
        guard let v = clause.last(where: { $0 < m.at && isWord($0, .reject) }) else { return false }
        let who =
            subject(before: v, in: clause.lowerBound..<v, sentence: r)
            ?? subject(before: v, in: r.lowerBound..<v, sentence: r)
        if let who, m.parties.isEmpty { m.parties = [who.country] }
        m.status = .rejected
        m.by = who?.name
        return true
    }

    /// "Ukraine will halt strikes … if Moscow stops": a side's own offer, conditional or in the future.
    private func willOrCondition(_ m: inout PauseMention, _ clause: Range<Int>, _ r: Range<Int>) -> Bool {
        let future = (r.lowerBound..<m.at).contains { ["will", "would", "'ll", "’ll"].contains(w($0)) }
        guard m.term != .pause, m.condition != nil || future else { return false }
        let who =
            subject(before: m.at, in: clause.lowerBound..<m.at, sentence: r)
            ?? subject(before: m.at, in: r.lowerBound..<m.at, sentence: r)
        guard let who else { return false }
        if m.parties.isEmpty { m.parties = [who.country] }
        m.status = .proposed
        m.by = who.name
        return true
    }

    /// In a quote, the speaker's side binds itself ("we will not strike theirs"); a ceasefire only talked
    /// about in a quote binds nobody.
    private func quotedSide(_ m: inout PauseMention) {
        // (a quote may open sentences before the pause word)
        guard c.quoted(m.at),
            let q = (max(0, m.sentence - 8)...m.sentence).lazy.flatMap({ c.quotesBySentence[$0] }).first(where: {
                $0.start <= c.tokens[m.at].start && $0.end >= c.tokens[m.at].end
            }),
            let speaker = q.speaker
        else { return }
        // only an offer binds the speaker ("we will not strike"); a call for a corridor binds nobody
        let own = m.status == nil || m.status == .proposed || m.status == .confirmed
        if own, !m.general, m.parties.isEmpty, let country = c.country(ofName: speaker),
            c.lexicon.party(named: country)?.kind == .country
        {
            m.parties = [country]
        }
        m.by = m.by ?? speaker
    }

    /// "… but Russia rejected the idea / has not accepted it / agreed": a reply after the pause word.
    func laterReply(after p: Int, in r: Range<Int>) -> (status: PauseMention.Status, by: String)? {
        guard let but = ((p + 1)..<r.upperBound).first(where: { ["but", "and", ";", "while"].contains(w($0)) }) else {
            return nil
        }
        var j = but + 1
        var by: String?
        while j < min(r.upperBound, but + 6) {
            if let e = c.entity(at: j) {
                by = c.country(ofParty: e.party)
                j = e.range.upperBound
                continue
            }
            let negated = ((but + 1)..<j).contains { Self.negations.contains(w($0)) }
            if isWord(j, .reject) { return by.map { (.rejected, $0) } }
            if isWord(j, .agree) || isWord(j, .confirm) { return by.map { (negated ? .notConfirmed : .confirmed, $0) } }
            // "… but Putin has only said Russia will work on a memorandum": a reply that commits to less
            if w(j) == "only", j + 1 < r.upperBound, c.tokens[j + 1].has(.cueForm) {
                return by.map { (.notConfirmed, $0) }
            }
            if Self.negations.contains(w(j)) || c.tokens[j].has(.auxiliary) {
                j += 1
                continue
            }
            if by == nil { return nil }
            j += 1
        }
        return nil
    }
}
