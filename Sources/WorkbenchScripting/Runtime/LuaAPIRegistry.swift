import Foundation
import WorkbenchLua
import WorkbenchModel

/// The Lua API as `workbench/api.lua` declares it: modules and functions with parameters, results,
/// a summary and an example, read once for `workbench docs lua` and the LuaLS stubs.
package struct LuaAPIRegistry: Sendable {
    /// A module or type whose functions are listed together.
    package struct Module: Sendable {
        package var name: String
        package var summary: String
    }

    /// One function's parameter.
    package struct Parameter: Sendable, Equatable {
        package var name: String
        package var type: String
        package var optional: Bool
    }

    /// One function of the API.
    package struct Function: Sendable {
        package var name: String
        package var parameters: String
        package var results: String
        package var summary: String
        package var example: String

        /// "text: string, name?: string" as parameters.
        package var parameterList: [Parameter] {
            parameters.split(separator: ",").compactMap { part in
                let bits = part.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard bits.count == 2 else { return nil }
                let optional = bits[0].hasSuffix("?")
                return Parameter(
                    name: optional ? String(bits[0].dropLast()) : bits[0], type: bits[1], optional: optional)
            }
        }

        /// The result types ("Article?, string?" → ["Article?", "string?"]); none for "".
        package var resultList: [String] {
            results.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }

        /// The module the function belongs to ("report" for report.table, "List" for List:filter).
        package var module: String {
            if let colon = name.firstIndex(of: ":") { return String(name[..<colon]) }
            return name.split(separator: ".").dropLast().joined(separator: ".")
        }
    }

    package var modules: [Module]
    package var functions: [Function]

    /// Reads the registry from the workbench's resources.
    /// - Throws: `LuaError` when api.lua cannot be read (a broken installation).
    package static func load() throws -> LuaAPIRegistry {
        let path = Resources.luaDirectory + "/workbench/api.lua"
        guard let code = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LuaError(kind: .runtime, message: "cannot read \(path)")
        }
        let state = LuaState(libraries: false)
        try state.load(code, chunkName: "@workbench/api.lua")
        try state.call(nargs: 0, nresults: 1)
        let lua = state.lua
        defer { lua.pop() }
        func rows(_ field: String, width: Int) -> [[String]] {
            guard lua.getField(field, in: -1) == .table else {
                lua.pop()
                return []
            }
            var out: [[String]] = []
            for i in 0..<lua.rawLength(at: -1) {
                lua.getIndex(i + 1, in: -1)
                var row: [String] = []
                for j in 0..<width {
                    lua.getIndex(j + 1, in: -1)
                    row.append(lua.string(at: -1) ?? "")
                    lua.pop()
                }
                out.append(row)
                lua.pop()
            }
            lua.pop()
            return out
        }
        let modules = rows("modules", width: 2).map { Module(name: $0[0], summary: $0[1]) }
        let functions = rows("functions", width: 5).map {
            Function(name: $0[0], parameters: $0[1], results: $0[2], summary: $0[3], example: $0[4])
        }
        return LuaAPIRegistry(modules: modules, functions: functions)
    }

    /// The functions of one module, in registry order.
    package func functions(of module: String) -> [Function] { functions.filter { $0.module == module } }
}
