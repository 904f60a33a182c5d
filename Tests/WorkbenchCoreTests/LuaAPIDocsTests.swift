import Foundation
import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchLua
@testable import WorkbenchModel
@testable import WorkbenchScripting

/// The Lua API registry: complete, up to date in docs/lua-api.md, and valid as editor stubs.
@Suite(.serialized) struct LuaAPIDocsTests {
    private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func referenceIsUpToDate() throws {
        let committed = try String(contentsOf: root.appendingPathComponent("docs/lua-api.md"), encoding: .utf8)
        #expect(
            committed == LuaAPIDocs.markdown(try LuaAPIRegistry.load()),
            "docs/lua-api.md is stale: regenerate it with `workbench docs lua > docs/lua-api.md`")
    }

    @Test func everyEntryHasParametersResultsAndAnExample() throws {
        let api = try LuaAPIRegistry.load()
        #expect(api.functions.count > 60)
        for f in api.functions {
            #expect(!f.summary.isEmpty && !f.example.isEmpty, "\(f.name) lacks a summary or an example")
            #expect(
                f.parameterList.count == (f.parameters.isEmpty ? 0 : f.parameters.split(separator: ",").count),
                "\(f.name): unreadable parameters '\(f.parameters)'")
            #expect(api.modules.contains { $0.name == f.module }, "\(f.name) belongs to no listed module")
        }
    }

    /// help(fn) knows every public function of every module, and every registry name is a real function.
    @Test func helpDescribesEveryFunction() throws {
        let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: Day(2026, 1, 30))
        let runtime = try ScriptRuntime(parser: parser, corpus: nil, modulePath: [])
        try runtime.state.run(
            """
            local report, pause = require("workbench.report"), require("workbench.pause")
            local modules = { workbench = workbench, ["workbench.csv"] = workbench.csv, ["workbench.json"] = workbench.json,
              ["workbench.lexicon"] = workbench.lexicon, ["workbench.time"] = workbench.time, report = report, pause = pause, List = workbench.List,
              incidents = require("workbench.incidents"), positions = require("workbench.positions"),
              Tally = getmetatable(workbench.tally()) }
            local missing = {}
            for name, m in pairs(modules) do
              for k, v in pairs(m) do
                if type(v) == "function" and type(k) == "string" and not k:match("^_") then
                  local d = workbench.describe(v)
                  if d:match("^a function") then missing[#missing + 1] = name .. "." .. k end
                end
              end
            end
            table.sort(missing)
            assert(#missing == 0, "no help for: " .. table.concat(missing, ", "))
            local api = require("workbench.api")
            for _, e in ipairs(api.functions) do
              assert(workbench.describe(e[1]):sub(1, #e[1]) == e[1], "help('" .. e[1] .. "') does not find it")
            end
            assert(workbench.describe(report.table):match("^report%.table%(rows: table"))
            assert(workbench.describe(report):match("^report — "))
            """)
    }

    @Test func stubsAreLuaAndNameEveryModelType() throws {
        let stubs = LuaAPIDocs.lualsStubs(try LuaAPIRegistry.load())
        #expect(
            stubs.map(\.file) == [
                "workbench.lua", "workbench.report.lua", "workbench.pause.lua", "workbench.incidents.lua",
                "workbench.positions.lua",
            ])
        let state = LuaState()
        for s in stubs {
            try state.load(s.text, chunkName: "=" + s.file)
            state.lua.pop()
        }
        let global = stubs[0].text
        #expect(global.hasPrefix("---@meta"))
        for t in modelTypes { #expect(global.contains("---@class \(t.name)\n"), "no class for \(t.name)") }
        #expect(global.contains("---@field quotes List<Quote>"))
        #expect(global.contains("---@field speaker string|nil"))
        #expect(stubs[1].text.hasPrefix("---@meta workbench.report"))
        #expect(LuaAPIDocs.lualsType("Mention?") == "Mention|nil")
    }
}
