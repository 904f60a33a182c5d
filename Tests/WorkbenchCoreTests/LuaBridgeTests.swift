import Foundation
import Testing

@testable import WorkbenchLua
@testable import WorkbenchScripting

/// Counts how many instances were deinitialised, to prove Swift frames unwind normally.
private final class Tracker {
    nonisolated(unsafe) static var deinits = 0
    deinit { Tracker.deinits += 1 }
}

@Suite(.serialized) struct LuaBridgeTests {
    @Test func valuesRoundTrip() throws {
        let state = LuaState()
        let lua = state.lua
        try state.run("x = 41 + 1; s = 'héllo' .. '\\0' .. 'z'; f = 1.5; b = true; t = {1, 2, n = 'x'}")
        lua.getGlobal("x")
        #expect(lua.integer(at: -1) == 42)
        lua.pop()
        lua.getGlobal("s")
        #expect(lua.string(at: -1) == "héllo\u{0}z")
        lua.pop()
        lua.getGlobal("f")
        #expect(lua.number(at: -1) == 1.5)
        #expect(lua.integer(at: -1) == nil)
        lua.pop()
        lua.getGlobal("b")
        #expect(lua.truthy(at: -1))
        lua.pop()
        lua.getGlobal("t")
        #expect(lua.rawLength(at: -1) == 2)
        lua.getField("n", in: -1)
        #expect(lua.string(at: -1) == "x")
        lua.pop(2)
        #expect(lua.top == 0)
    }

    @Test func swiftFunctionReturnsValues() throws {
        let state = LuaState()
        let lua = state.lua
        lua.push(function: { l in
            let a = try l.checkInteger(1)
            let b = try l.checkInteger(2)
            l.push(a + b)
            l.push("sum")
            return 2
        })
        lua.setGlobal("add")
        try state.run("r, label = add(2, 3)")
        lua.getGlobal("r")
        #expect(lua.integer(at: -1) == 5)
        lua.pop()
        lua.getGlobal("label")
        #expect(lua.string(at: -1) == "sum")
        lua.pop()
    }

    @Test func argumentErrorsSpeakLua() throws {
        let state = LuaState()
        state.lua.push(function: { l in
            try l.checkTable(1)
            return 0
        })
        state.lua.setGlobal("tally")
        do {
            try state.run("local x\ntally(x)", chunkName: "@Scripts/x.lua")
            Issue.record("expected an error")
        } catch {
            #expect(error.message == "Scripts/x.lua:2: bad argument #1 to 'tally' (table expected, got nil)")
            #expect(error.traceback?.contains("stack traceback:") == true)
            #expect(error.kind == .runtime)
        }
    }

    @Test func deinitRunsWhenErrorPassesThroughSwift() throws {
        let state = LuaState()
        Tracker.deinits = 0
        state.lua.push(function: { _ in
            let tracker = Tracker()
            _ = tracker
            throw LuaRaise("boom")
        })
        state.lua.setGlobal("explode")
        try state.run("ok, msg = pcall(function() explode() end)", chunkName: "@t.lua")
        #expect(Tracker.deinits == 1)
        state.lua.getGlobal("ok")
        #expect(state.lua.type(at: -1) == .boolean && !state.lua.truthy(at: -1))
        state.lua.pop()
        state.lua.getGlobal("msg")
        #expect(state.lua.string(at: -1) == "t.lua:1: boom")
        state.lua.pop()
    }

    @Test func luaErrorFromNestedCallPassesThroughSwift() throws {
        let state = LuaState()
        Tracker.deinits = 0
        state.lua.push(function: { [unowned state] l in
            let tracker = Tracker()
            _ = tracker
            l.pushValue(at: 1)
            try state.call(nargs: 0, nresults: 0)  // the callback errors: Swift gets a LuaError
            return 0
        })
        state.lua.setGlobal("callback")
        try state.run("ok, msg = pcall(callback, function() error('inner failure') end)", chunkName: "@n.lua")
        #expect(Tracker.deinits == 1)
        state.lua.getGlobal("ok")
        #expect(!state.lua.truthy(at: -1))
        state.lua.pop()
        state.lua.getGlobal("msg")
        #expect(state.lua.string(at: -1) == "n.lua:1: inner failure")
        state.lua.pop()
    }

    @Test func syntaxErrorsAreReported() {
        let state = LuaState()
        #expect(throws: LuaError.self) { try state.load("x = = 1", chunkName: "@bad.lua") }
        do { try state.load("x = = 1", chunkName: "@bad.lua") } catch {
            #expect(error.kind == .syntax)
            #expect(error.message.hasPrefix("bad.lua:1:"))
        }
    }

    @Test func timeoutCannotBeSwallowedByPcall() {
        let state = LuaState()
        state.timeout = 0.2
        do {
            try state.run("while true do pcall(function() while true do end end) end")
            Issue.record("expected a stop")
        } catch {
            #expect(error.kind == .stopped)
            #expect(error.message.contains("time budget"))
        }
        // The budget is the run's: every later call stops at once, until the budget is reset.
        #expect(throws: LuaError.self) { try state.run("x = 1") }
        state.resetStop()
        #expect(throws: Never.self) { try state.run("x = 1") }
    }

    @Test func oneBudgetCoversEveryCallOfARun() throws {
        let state = LuaState()
        state.timeout = 0.2
        // the clock starts at the first call and keeps running between calls
        try state.run("x = 1")
        Thread.sleep(forTimeInterval: 0.3)
        do {
            try state.run("for i = 1, 1e6 do x = x + 1 end")
            Issue.record("expected the run's budget to be spent")
        } catch {
            #expect(error.kind == .stopped)
        }
    }

    @Test func anInterruptStaysUntilReset() {
        let state = LuaState()
        state.interrupt()
        #expect(throws: LuaError.self) { try state.run("x = 1") }
        #expect(throws: LuaError.self) { try state.run("x = 2") }
        #expect(state.stopReason == 1)
        state.resetStop()
        #expect(throws: Never.self) { try state.run("x = 3") }
    }

    @Test func memoryLimitStopsABomb() {
        let state = LuaState(memoryLimit: 8 << 20)
        do {
            try state.run("local t = {} for i = 1, 1e9 do t[i] = string.rep('x', 100) .. i end")
            Issue.record("expected a memory error")
        } catch {
            #expect(error.kind == .memory)
        }
        state.collectGarbage()
        #expect(state.memoryUsed < 8 << 20)
        #expect(throws: Never.self) { try state.run("y = 2") }
    }
}
