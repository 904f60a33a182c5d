import Foundation

/// `workbench.json`: encode Lua values as JSON and decode JSON into Lua tables.
extension ScriptRuntime {
    /// Pushes the `workbench.json` table.
    func pushJSONModule() {
        lua.newTable()
        lua.push(function: { [unowned self] l in
            guard !l.isNoneOrNil(1) || l.type(at: 1) == .nil else { throw LuaArgumentError(1, "value expected") }
            var pretty = false
            if l.type(at: 2) == .table { l.getField("pretty", in: 2); pretty = l.truthy(at: -1); l.pop() }
            let value = try self.jsonValue(at: 1, depth: 0)
            let data: Data
            do {
                data = try JSONSerialization.data(withJSONObject: value, options: pretty ? [.prettyPrinted, .sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes] : [.sortedKeys, .fragmentsAllowed, .withoutEscapingSlashes])
            } catch {
                throw LuaRaise("json.encode: \(error.localizedDescription)")
            }
            l.push(String(decoding: data, as: UTF8.self))
            return 1
        }); lua.setField("encode", in: -2)
        lua.push(function: { [unowned self] l in
            let text = try l.checkString(1)
            do {
                let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
                self.pushJSON(value)
                return 1
            } catch {
                l.pushNil(); l.push("json.decode: not valid JSON (\(error.localizedDescription))")
                return 2
            }
        }); lua.setField("decode", in: -2)
    }

    /// The value at `index` as a JSON-compatible Swift value.
    func jsonValue(at index: Int32, depth: Int) throws -> Any {
        if depth > 100 { throw LuaRaise("json.encode: nesting too deep (a cycle?)") }
        let i = lua.absolute(index)
        switch lua.type(at: i) {
        case .nil: return NSNull()
        case .boolean: return lua.truthy(at: i)
        case .number:
            if let n = lua.integer(at: i), lua.isInteger(at: i) { return n }
            guard let d = lua.number(at: i), d.isFinite else { throw LuaRaise("json.encode: cannot encode inf or nan") }
            return d
        case .string: return lua.string(at: i) ?? ""
        case .table:
            let n = lua.rawLength(at: i)
            var count = 0
            var stringKeys = true
            lua.forEach(inTable: i) {
                count += 1
                if lua.type(at: -2) != .string { stringKeys = false }
                return true
            }
            if n > 0 && count == n {
                return try (1...n).map { k -> Any in
                    lua.getIndex(k, in: i)
                    defer { lua.pop() }
                    return try jsonValue(at: -1, depth: depth + 1)
                }
            }
            guard stringKeys || count == 0 else { throw LuaRaise("json.encode: a table mixes list items and keys that are not strings") }
            var object: [String: Any] = [:]
            var failure: Error?
            lua.forEach(inTable: i) {
                do { object[lua.string(at: -2) ?? ""] = try jsonValue(at: -1, depth: depth + 1) } catch { failure = error; return false }
                return true
            }
            if let failure { throw failure }
            return object
        default:
            throw LuaRaise("json.encode: cannot encode a \(lua.typeName(at: i))")
        }
    }

    /// Pushes a decoded JSON value (arrays become Lists).
    func pushJSON(_ value: Any) {
        lua.checkStack(4)
        switch value {
        case is NSNull: lua.pushNil()
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" { lua.push(n.boolValue) }
            else if n.doubleValue == n.doubleValue.rounded() && abs(n.doubleValue) < 9e15 { lua.push(n.intValue) }
            else { lua.push(n.doubleValue) }
        case let s as String: lua.push(s)
        case let a as [Any]:
            lua.newTable(array: a.count)
            for (k, v) in a.enumerated() { pushJSON(v); if lua.type(at: -1) == .nil { lua.pop(); lua.push(false) }; lua.setIndex(k + 1, in: -2) }
            lua.setMetatable(named: "workbench.List")
        case let o as [String: Any]:
            lua.newTable(hash: o.count)
            for (k, v) in o { pushJSON(v); lua.setField(k, in: -2) }
        default: lua.pushNil()
        }
    }
}
