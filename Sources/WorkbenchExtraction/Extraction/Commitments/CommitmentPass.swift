import Foundation
import WorkbenchModel

/// The commitments pass: every pause, ceasefire, truce, moratorium or corridor the article mentions, one
/// commitment per pause and side that would hold fire, with what each statement says of it and the status
/// at the end of the article.
struct CommitmentPass {
    let c: PassContext
    private let reader: CommitmentReader

    init(_ context: PassContext) {
        c = context
        reader = CommitmentReader(context)
    }

    /// The commitments, in the order they are first mentioned.
    func run() -> [Commitment] {
        var mentions: [PauseMention] = []
        for si in c.sentences.indices { mentions += read(si) }
        var out: [Commitment] = []
        var last: Int?
        for m in mentions {
            add(m, to: &out, last: &last)
            if Self.debug {
                let line =
                    "s\(m.sentence) \(m.term.rawValue) key=\(key(m) ?? "-") parties=\(m.parties) status=\(m.status?.rawValue ?? "-") by=\(m.by ?? "-") req=\(m.requestedBy ?? "-") window=\(m.window.start ?? "-")..\(m.window.end ?? "-")/\(m.window.days.map(String.init) ?? "-") → C\((last ?? -1) + 1)\n"
                FileHandle.standardError.write(Data(line.utf8))
            }
        }
        return out.map(finish)
    }

    /// `WORKBENCH_DEBUG_COMMITMENTS=1` prints each pause mention and where it went (a development aid).
    static let debug = ProcessInfo.processInfo.environment["WORKBENCH_DEBUG_COMMITMENTS"] != nil

    // MARK: Reading

    /// The pause mentions of sentence `si` (a reply in the same sentence is a mention of its own).
    private func read(_ si: Int) -> [PauseMention] {
        let r = c.sentences[si].tokens
        var terms = reader.pauseTerms(in: r)
        for extra in reader.promisedNoStrikes(in: r) where !terms.contains(where: { abs($0.at - extra.at) < 3 }) {
            terms.append(extra)
        }
        terms.sort { $0.at < $1.at }
        // a pause inside a condition of another pause is that pause's condition ("halt … if Moscow stops hitting")
        if terms.count > 1 {
            let all = terms
            terms.removeAll { t in
                guard
                    let ifAt = (max(r.lowerBound, t.at - Self.reach)..<t.at).last(where: {
                        ["if", "unless"].contains(c.w($0))
                    })
                else { return false }
                return !((ifAt + 1)..<t.at).contains { c.tokens[$0].text == "," } && all.contains { $0.at < ifAt }
            }
        }
        var out: [PauseMention] = []
        for (n, t) in terms.enumerated() {
            // what a pause word says is read within `reach` tokens of it, so a sentence of many pauses stays linear
            let r = max(r.lowerBound, t.at - Self.reach)..<min(r.upperBound, t.at + Self.reach)
            let clause =
                max(
                    r.lowerBound, n > 0 ? terms[n - 1].at + 1 : r.lowerBound)..<min(
                    r.upperBound, n + 1 < terms.count ? terms[n + 1].at : r.upperBound)
            guard var m = mention(si, t, clause: clause, conditionFrom: n == 0 ? clause.lowerBound : t.at, in: r) else {
                continue
            }
            m.headline = c.isHeadline(si)
            out.append(m)
            // a quote right after a request ("adding, “he agreed to do that”") claims it was agreed
            if m.status == .requested,
                let q = c.quotesBySentence[si].first(where: { $0.start > c.tokens[t.at].end && pastAgreement($0.text) })
            {
                var agreed = m
                agreed.status = .claimedAgreed
                agreed.by = q.speaker
                out.append(agreed)
            }
            if let reply = reader.laterReply(after: t.at, in: r) {
                var answer = m
                answer.parties = [reply.by]
                answer.status = reply.status
                answer.by = reply.by
                if answer.requestedBy == reply.by { answer.requestedBy = nil }
                out.append(answer)
            }
        }
        return out
    }

    /// How far from a pause word (in tokens, each way) its sentence is read: longer than any real sentence.
    static let reach = 80

    /// Whether quoted words report an agreement in the past ("he agreed to do that"), not a demand.
    private func pastAgreement(_ text: String) -> Bool {
        let words = Set(c.lexicon.tokens(text).map(\.lower))
        let agree = c.lexicon.eventWords[.agree] ?? []
        return words.contains { agree.contains($0) && $0.hasSuffix("ed") }
            && words.isDisjoint(with: ["not", "n't", "never", "must", "should"])
    }

    /// Whether the pause word `t` is told in words that make it no pause: terms of an arms delivery ("would be
    /// used for defensive purposes only and not to strike targets inside Russia"), a plan told as undone ("We were
    /// going to have a ceasefire … and all of a sudden").
    private func namesNoPause(_ t: (at: Int, term: PauseMention.Term), in r: Range<Int>) -> Bool {
        if t.term == .negatedStrike,
            (max(r.lowerBound, t.at - 12)..<t.at).contains(where: { ["used", "use", "using"].contains(c.w($0)) })
        {
            return true
        }
        return (max(r.lowerBound, t.at - 6)..<t.at).contains(where: {
            $0 >= r.lowerBound + 2 && c.w($0) == "to" && c.w($0 - 1) == "going"
                && ["was", "were"].contains(c.w($0 - 2))
        })
    }

    /// Where a corridor in sentence `si` leads people out of: the place named after it ("to evacuate civilians
    /// from the Azot plant in Sievierodonetsk"), else, when the sentence speaks of leaving, the place people left
    /// in the sentences just before ("She called for an urgent humanitarian corridor to allow them to evacuate").
    private func corridorPlace(_ si: Int, at k: Int, in r: Range<Int>) -> String? {
        if let place = reader.placeNamed(after: k, in: r) { return place }
        guard r.contains(where: { c.w($0).hasPrefix("evacuat") || ["flee", "leave"].contains(c.w($0)) }) else {
            return nil
        }
        for prev in stride(from: si - 1, through: max(0, si - 3), by: -1) {
            let pr = c.sentences[prev].tokens
            let named = pr.filter {
                c.tokens[$0].isCapitalized
                    && c.lexicon.placeMatcher.match(c.tokens, at: $0, limit: pr.upperBound) != nil
            }
            // the place people left ("escaped from Bucha just outside Kyiv"), else the last one named
            guard let k = named.last(where: { $0 > pr.lowerBound && c.w($0 - 1) == "from" }) ?? named.last,
                let pm = c.lexicon.placeMatcher.match(c.tokens, at: k, limit: pr.upperBound)
            else { continue }
            return c.lexicon.places[pm.payload].name
        }
        return nil
    }

    /// Reads one pause word: scope, window, action, sides, condition and act.
    private func mention(
        _ si: Int, _ t: (at: Int, term: PauseMention.Term), clause: Range<Int>, conditionFrom: Int, in r: Range<Int>
    ) -> PauseMention? {
        if namesNoPause(t, in: r) { return nil }
        var m = PauseMention(sentence: si, at: t.at, term: t.term)
        let scope = reader.readScope(&m, clauseEnd: clause.upperBound, in: r)
        // no scope in the clause: the sentence's ("If Russia does not strike our energy infrastructure, … we will not strike theirs")
        if m.scopeTypes.isEmpty && m.scopePlaces.isEmpty,
            r.contains(where: {
                c.lexicon.targetMatcher.match(c.tokens, at: $0, limit: r.upperBound)?.payload == "energy"
            })
        {
            m.scopeTypes = ["energy"]
        }
        if t.term == .corridor, m.scopePlaces.isEmpty, let place = corridorPlace(si, at: t.at, in: r) {
            m.scopePlaces = [place]
        }
        if r.contains(where: {
            c.w($0) == "both" && $0 + 1 < r.upperBound && ["sides", "parties"].contains(c.w($0 + 1))
        }) {
            m.reciprocal = true
        }
        // "the ceasefire", "the temporary ceasefire": one told already
        m.anaphoric =
            t.at > r.lowerBound
            && (Grammar.anaphoricDeterminers.contains(c.w(t.at - 1))
                || (t.at - 2 >= r.lowerBound && Grammar.anaphoricDeterminers.contains(c.w(t.at - 2))
                    && (c.lexicon.eventWords[.recall]?.contains(c.w(t.at - 1)) ?? false)))
        // "promised that no missiles would strike Ukraine", "pledged not to strike": with no target named, every strike
        m.general = (t.term == .pause || t.term == .negatedStrike) && m.scopeTypes.isEmpty && m.scopePlaces.isEmpty
        reader.readWindow(&m, in: r)
        reader.readAction(&m, scope: scope, in: r)
        reader.readBetween(&m, in: r)
        reader.readCondition(&m, from: conditionFrom, clause: clause)
        reader.readStruck(&m, in: r)
        if r.contains(where: { ["reciprocal", "mutual"].contains(c.w($0)) }) { m.reciprocal = true }
        reader.readAct(&m, clause: clause, in: r)
        reader.readBroker(&m, in: r)
        // talk of a pause with nobody offering, asking, agreeing or refusing ("after a ceasefire", "any
        // ceasefire") is no commitment
        // "through a humanitarian corridor which was opened in March": a corridor reported open was agreed by someone
        if m.status == nil, t.term == .corridor,
            ((t.at + 1)..<min(r.upperBound, t.at + 5)).contains(where: {
                c.isWord($0, .establish)
            })
        {
            m.status = .claimedAgreed
        }
        if m.status == nil && m.parties.isEmpty && m.requestedBy == nil && !m.anaphoric { return nil }
        if r.contains(where: { ["any", "eventual"].contains(c.w($0)) }) && m.status == nil { return nil }
        return m
    }

    // MARK: Gathering

    /// Which pause a mention is about: its target types, else its places, else a general ceasefire told
    /// apart by its length or dates.
    private func key(types: [String], places: [String], general: Bool, window: Window, corridor: Bool = false)
        -> String?
    {
        if !types.isEmpty { return "types:" + types.sorted().joined(separator: ",") }
        if let p = places.first { return (corridor ? "corridor:" : "place:") + p }
        if corridor { return "corridor" }
        guard general else { return nil }
        if let d = window.days { return "all:\(d)d" }
        if let s = window.start ?? window.end { return "all:" + s }
        return "all"
    }

    private func key(_ m: PauseMention) -> String? {
        key(
            types: m.scopeTypes, places: m.scopePlaces, general: m.general, window: m.window,
            corridor: m.term == .corridor)
    }
    private func key(_ x: Commitment) -> String? {
        key(
            types: x.scopeTypes, places: x.scopePlaces, general: x.scope == nil, window: x.window,
            corridor: x.action?.lowercased().contains("corridor") == true)
    }

    /// Whether two keys name the same pause ("a ceasefire" after "a 30-day ceasefire").
    private func sameKey(_ a: String?, _ b: String?) -> Bool {
        guard let a, let b else { return false }
        return a == b || (a == "all" && b.hasPrefix("all")) || (b == "all" && a.hasPrefix("all"))
            || (a == "corridor" && b.hasPrefix("corridor")) || (b == "corridor" && a.hasPrefix("corridor"))
    }

    /// Adds a mention: to the commitment of the same pause and side, or to the same pause whose side is not
    /// known yet; a mention of a side new to a known pause is that side's commitment.
    private func add(_ m: PauseMention, to out: inout [Commitment], last: inout Int?) {
        let k = key(m)
        let sides: [String?] = m.parties.isEmpty ? [nil] : m.parties.map { Optional($0) }
        for side in sides {
            var target: Int?
            if m.anaphoric, k == "all", m.window.start == nil, m.window.days == nil {
                // "the pause", "that ceasefire": the one just told (none told yet: only talk of one)
                guard let l = last else { return }
                target = l
            } else if k != nil {
                target =
                    out.lastIndex { sameKey(key($0), k) && ($0.party == side || side == nil) }
                    ?? out.lastIndex { sameKey(key($0), k) && $0.party == nil }
            } else if m.anaphoric || side != nil, let l = last,
                side == nil || out[l].party == nil || out[l].party == side
            {
                target = l
            } else if let l = last, m.anaphoric {
                target = l
            }
            if let t = target {
                merge(m, side: side, into: &out[t])
                last = t
            } else if k != nil {
                var x = commitment(m, side: side)
                // another side of a pause already told: who asked for it, and how long it lasts, are the same
                if let sibling = out.last(where: { sameKey(key($0), k) }) {
                    x.requestedBy = x.requestedBy ?? sibling.requestedBy
                    if x.window.days == nil { x.window.days = sibling.window.days }
                }
                out.append(x)
                last = out.count - 1
            }
        }
    }

    private func claim(_ m: PauseMention) -> Claim? {
        guard let s = m.status else { return nil }
        let sentence = c.sentences[m.sentence]
        return Claim(by: m.by, status: s, text: c.text(sentence.start, sentence.end), sentence: m.sentence)
    }

    private func commitment(_ m: PauseMention, side: String?) -> Commitment {
        let s = c.sentences[m.sentence]
        var x = Commitment(
            party: side, counterparty: m.counterparty, requestedBy: m.requestedBy, action: m.action,
            scope: m.scopeText, scopeTypes: m.scopeTypes, scopePlaces: m.scopePlaces, condition: m.condition,
            reciprocal: m.reciprocal, window: m.window, status: m.status ?? .proposed, claims: [],
            text: c.text(s.start, s.end), start: s.start, end: s.end, sentence: m.sentence)
        if let cl = claim(m) { x.claims.append(cl) }
        return x
    }

    private func merge(_ m: PauseMention, side: String?, into x: inout Commitment) {
        x.party = x.party ?? side
        if x.counterparty == nil, m.counterparty != x.party { x.counterparty = m.counterparty }
        x.requestedBy = x.requestedBy ?? m.requestedBy
        // a verb phrase ("halt long-range strikes on Russian energy facilities") says more than a noun
        let namesTargets = x.action.map { $0.contains(" on ") || $0.contains(" in ") } ?? false
        if x.action == nil
            || (m.term != .pause && m.term != .corridor && !namesTargets && m.action != nil
                && !(x.action.map(isHaltPhrase) ?? false))
        {
            x.action = m.action ?? x.action
        }
        x.scope = x.scope ?? m.scopeText
        for t in m.scopeTypes where !x.scopeTypes.contains(t) { x.scopeTypes.append(t) }
        for p in m.scopePlaces where !x.scopePlaces.contains(p) { x.scopePlaces.append(p) }
        x.condition = x.condition ?? m.condition
        x.reciprocal = x.reciprocal || m.reciprocal
        if x.window.start == nil && x.window.end == nil && x.window.days == nil {
            x.window = m.window
        } else {
            x.window.start = x.window.start ?? m.window.start
            x.window.end = x.window.end ?? m.window.end
            x.window.days = x.window.days ?? m.window.days
        }
        if let cl = claim(m),
            !x.claims.contains(where: { $0.sentence == cl.sentence && $0.status == cl.status && $0.by == cl.by })
        {
            x.claims.append(cl)
        }
    }

    /// Whether an action starts with a halt verb ("halt strikes on …", "not strike …").
    private func isHaltPhrase(_ action: String) -> Bool {
        guard let m = c.lexicon.pauseMatcher.match(c.lexicon.tokens(action), at: 0) else { return false }
        return m.payload != .pause
    }

    // MARK: The article's last word

    /// The status at the end of the article, and the other side when the text leaves it to the war.
    private func finish(_ x: Commitment) -> Commitment {
        var x = x
        x.status = status(x)
        if x.counterparty == nil, let party = x.party {
            let sides = c.belligerents
            if sides.count == 2, sides.contains(party) {
                x.counterparty = sides.first { $0 != party }
            }
            // a place-scoped pause spares the country the places belong to
            else if let place = x.scopePlaces.first, let entry = c.lexicon.places.first(where: { $0.name == place }),
                entry.country != party
            {
                x.counterparty = entry.country
            } else if sides.count == 2, !sides.contains(party) {
                x.counterparty = sides.first
            }
        }
        if x.counterparty == x.party { x.counterparty = nil }
        // a side does not ask itself (a request inherited from the other side's commitment)
        if let r = x.requestedBy, r == x.party || c.country(ofName: r) == x.party { x.requestedBy = nil }
        return x
    }

    /// What the party itself last said settles it; else the strongest word of others: a refusal, a reported
    /// refusal to confirm, a claimed agreement, a request, a proposal.
    private func status(_ x: Commitment) -> PauseMention.Status {
        let claims = x.claims
        let statuses = claims.map(\.status)
        let own = claims.filter {
            x.party != nil && c.country(ofName: $0.by) == x.party && $0.status != .requested
        }
        if let last = own.last { return last.status }
        for s in [PauseMention.Status.rejected, .notConfirmed, .confirmed, .claimedAgreed, .requested, .proposed]
        where statuses.contains(s) { return s }
        return x.claims.first?.status ?? .proposed
    }
}
