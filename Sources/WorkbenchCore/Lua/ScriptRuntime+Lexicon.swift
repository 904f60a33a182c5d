import Foundation

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
            var length = 0
            switch list {
            case .weapons:
                if let m = lexicon.weaponMatcher.match(tokens, at: i) {
                    length = m.length
                    let w = lexicon.weapons[m.payload]
                    out.append { [lua] in
                        lua.newTable(hash: 3)
                        lua.push(w.name)
                        lua.setField("name", in: -2)
                        lua.push(w.category)
                        lua.setField("category", in: -2)
                    }
                }
            case .places:
                if let m = lexicon.placeMatcher.match(tokens, at: i) {
                    length = m.length
                    let p = lexicon.places[m.payload]
                    out.append { [lua] in
                        lua.newTable(hash: 3)
                        lua.push(p.name)
                        lua.setField("name", in: -2)
                        lua.push(p.kind)
                        lua.setField("kind", in: -2)
                        if let c = p.country {
                            lua.push(c)
                            lua.setField("country", in: -2)
                        }
                        if let w = p.within {
                            lua.push(w)
                            lua.setField("within", in: -2)
                        }
                    }
                } else if let m = lexicon.partyMatcher.match(tokens, at: i),
                    lexicon.parties[m.payload.index].kind == "country"
                {
                    length = m.length
                    let p = lexicon.parties[m.payload.index]
                    out.append { [lua] in
                        lua.newTable(hash: 3)
                        lua.push(p.name)
                        lua.setField("name", in: -2)
                        lua.push("country")
                        lua.setField("kind", in: -2)
                        lua.push(p.name)
                        lua.setField("country", in: -2)
                    }
                }
            case .parties:
                if let m = lexicon.partyMatcher.match(tokens, at: i) {
                    length = m.length
                    let p = lexicon.parties[m.payload.index]
                    out.append { [lua] in
                        lua.newTable(hash: 3)
                        lua.push(p.name)
                        lua.setField("name", in: -2)
                        lua.push(p.kind)
                        lua.setField("kind", in: -2)
                        if let a = p.affiliation {
                            lua.push(a)
                            lua.setField("affiliation", in: -2)
                        }
                        if let c = p.capital {
                            lua.push(c)
                            lua.setField("capital", in: -2)
                        }
                    }
                }
            case .pauseTerms:
                if let m = lexicon.pauseMatcher.match(tokens, at: i) {
                    length = m.length
                    let phrase = tokens[i..<(i + m.length)].map(\.text).joined(separator: " ")
                    let kind = m.payload
                    out.append { [lua] in
                        lua.newTable(hash: 2)
                        lua.push(phrase)
                        lua.setField("name", in: -2)
                        lua.push(kind)
                        lua.setField("kind", in: -2)
                    }
                }
            case .targets:
                if let m = lexicon.targetMatcher.match(tokens, at: i) {
                    length = m.length
                    let phrase = tokens[i..<(i + m.length)].map(\.text).joined(separator: " ")
                    let type = m.payload
                    out.append { [lua] in
                        lua.newTable(hash: 2)
                        lua.push(phrase)
                        lua.setField("name", in: -2)
                        lua.push(type)
                        lua.setField("type", in: -2)
                    }
                }
            }
            i += max(length, 1)
        }
        return out
    }
}
