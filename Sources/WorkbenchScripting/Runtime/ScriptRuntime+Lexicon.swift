import Foundation
import WorkbenchExtraction
import WorkbenchLua

/// `workbench.lexicon`: the word lists the extractors use, for scripts that match their own data
/// (an attack log's weapon models and target regions) against the same names.
extension ScriptRuntime {
    /// The lists a script can look things up in.
    private enum List: String, CaseIterable {
        case weapons, places, parties, targets
        case pauseTerms = "pause_terms"
    }

    /// Pushes the `workbench.lexicon` table.
    func pushLexiconModule() {
        lua.newTable()
        lua.push(function: { [unowned self] l in
            let (list, text) = try self.lexiconArguments(l, "lookup")
            guard let first = self.lexiconMatches(list, text).first else {
                l.pushNil()
                return 1
            }
            first()
            return 1
        })
        lua.setField("lookup", in: -2)
        lua.push(function: { [unowned self] l in
            let (list, text) = try self.lexiconArguments(l, "find_all")
            let found = self.lexiconMatches(list, text)
            l.newTable(array: found.count)
            for (i, push) in found.enumerated() {
                push()
                l.setIndex(i + 1, in: -2)
            }
            return 1
        })
        lua.setField("_find_all", in: -2)
    }

    private func lexiconArguments(_ l: Lua, _ name: String) throws -> (List, String) {
        let listName = try l.checkString(1)
        guard let list = List(rawValue: listName) else {
            throw LuaArgumentError(
                1, "list must be " + List.allCases.map(\.rawValue).joined(separator: ", ") + ", not '\(listName)'")
        }
        return (list, try l.checkString(2))
    }

    /// Every entry of `list` named in `text`, longest match first at each position, as closures that push a table.
    private func lexiconMatches(_ list: List, _ text: String) -> [() -> Void] {
        let lexicon = parser.lexicon
        // pause terms are kept lower-case: "Humanitarian corridor" names one too
        let tokens = lexicon.tokens(list == .pauseTerms ? text.lowercased() : text)
        var out: [() -> Void] = []
        var i = 0
        while i < tokens.count {
            if let (length, fields) = entry(of: list, in: tokens, at: i) {
                out.append { [lua] in
                    let present = fields.compactMap { k, v in v.map { (k, $0) } }
                    lua.newTable(hash: present.count)
                    for (k, v) in present {
                        lua.push(v)
                        lua.setField(k, in: -2)
                    }
                }
                i += max(length, 1)
            } else {
                i += 1
            }
        }
        return out
    }

    /// The entry of `list` starting at token `i`: its length in tokens and its fields (nil values are left out).
    private func entry(of list: List, in tokens: [Token], at i: Int) -> (Int, [(String, String?)])? {
        let lexicon = parser.lexicon
        func phrase(_ n: Int) -> String { tokens[i..<(i + n)].map(\.text).joined(separator: " ") }
        switch list {
        case .weapons:
            guard let m = lexicon.weaponMatcher.match(tokens, at: i) else { return nil }
            let w = lexicon.weapons[m.payload]
            return (m.length, [("name", w.name), ("category", w.category)])
        case .places:
            if let m = lexicon.placeMatcher.match(tokens, at: i) {
                let p = lexicon.places[m.payload]
                return (
                    m.length,
                    [("name", p.name), ("kind", p.kind.rawValue), ("country", p.country), ("within", p.within)]
                )
            }
            guard let m = lexicon.partyMatcher.match(tokens, at: i), lexicon.parties[m.payload.index].kind == .country
            else { return nil }
            let p = lexicon.parties[m.payload.index]
            return (m.length, [("name", p.name), ("kind", "country"), ("country", p.name)])
        case .parties:
            guard let m = lexicon.partyMatcher.match(tokens, at: i) else { return nil }
            let p = lexicon.parties[m.payload.index]
            return (
                m.length,
                [("name", p.name), ("kind", p.kind.rawValue), ("affiliation", p.affiliation), ("capital", p.capital)]
            )
        case .pauseTerms:
            guard let m = lexicon.pauseMatcher.match(tokens, at: i) else { return nil }
            return (m.length, [("name", phrase(m.length)), ("kind", m.payload.rawValue)])
        case .targets:
            guard let m = lexicon.targetMatcher.match(tokens, at: i) else { return nil }
            return (m.length, [("name", phrase(m.length)), ("type", m.payload)])
        }
    }
}
