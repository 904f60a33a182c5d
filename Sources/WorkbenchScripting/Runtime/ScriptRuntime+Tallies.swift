import Foundation
import WorkbenchLua

/// Named tallies out of and back into Lua, for sharded runs and `workbench merge`.
extension ScriptRuntime {
    /// The script's named tallies as JSON-ready values (name → {counts, sums, lists}).
    package func namedTallies() throws(LuaError) -> [String: Any] {
        let top = lua.top
        defer { lua.top = top }
        lua.getGlobal("workbench")
        lua.getField("_saved_tallies", in: -1)
        try state.call(nargs: 0, nresults: 1)
        do {
            return try jsonValue(at: -1, depth: 0) as? [String: Any] ?? [:]
        } catch {
            throw LuaError(kind: .runtime, message: "the named tallies cannot be saved: \(error)")
        }
    }

    /// Adds saved tallies into the script's named tallies (creating them when the script has not).
    package func mergeTallies(_ saved: [String: Any]) throws(LuaError) {
        let top = lua.top
        defer { lua.top = top }
        lua.getGlobal("workbench")
        lua.getField("_merge_tallies", in: -1)
        pushJSON(saved)
        try state.call(nargs: 1, nresults: 0)
    }
}
