import Foundation

/// Named tallies out of and back into Lua, for sharded runs and `workbench merge`.
extension ScriptRuntime {
    /// The script's named tallies as JSON-ready values (name → {counts, sums, lists}).
    package func namedTallies() throws(LuaError) -> [String: Any] {
        let top = lua.top
        defer { lua.top = top }
        lua.getGlobal("workbench")
        guard lua.getField("_tallies", in: -1) == .table else { return [:] }
        let table = lua.absolute(-1)
        var names: [String] = []
        lua.forEach(inTable: table) { if let k = lua.string(at: -2) { names.append(k) }; return true }
        var out: [String: Any] = [:]
        for name in names.sorted() {
            lua.getField(name, in: table)
            lua.getField("to_table", in: -1)
            lua.pushValue(at: -2)
            try state.call(nargs: 1, nresults: 1)
            do { out[name] = try jsonValue(at: -1, depth: 0) } catch {
                throw LuaError(kind: .runtime, message: "tally '\(name)' cannot be saved: \(error)")
            }
            lua.pop(2)
        }
        return out
    }

    /// Adds saved tallies into the script's named tallies (creating them when the script has not).
    package func mergeTallies(_ saved: [String: Any]) throws(LuaError) {
        for (name, value) in saved.sorted(by: { $0.key < $1.key }) {
            lua.getGlobal("workbench")
            lua.getField("tally", in: -1)
            lua.push(name)
            try state.call(nargs: 1, nresults: 1)
            lua.getField("merge", in: -1)
            lua.rotate(-2, 1)
            pushJSON(value)
            try state.call(nargs: 2, nresults: 0)
            lua.pop()
        }
    }
}
