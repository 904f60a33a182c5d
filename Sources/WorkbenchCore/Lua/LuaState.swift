import CLua

/// An owned Lua 5.4 state with limits: every call from Swift into Lua goes through `call`, protected.
package final class LuaState {
    /// The stack view of the main thread.
    package let lua: Lua
    let limits: UnsafeMutablePointer<CLua_Limits>

    /// Creates a state with the standard libraries opened.
    /// - Parameters:
    ///   - memoryLimit: bytes Lua may allocate (0 for no limit).
    ///   - stoppablePatterns: replace string.find/match/gmatch/gsub with the budgeted matcher
    ///     (false only to compare with Lua's own in tests).
    package init(memoryLimit: Int = 0, stoppablePatterns: Bool = true) {
        _ = luaCallbacksInstalled
        limits = .allocate(capacity: 1)
        limits.initialize(to: CLua_Limits())
        limits.pointee.limit = memoryLimit
        guard let L = CLua_newstate(limits) else { fatalError("cannot create a Lua state: out of memory") }
        lua = Lua(L)
        luaL_openlibs(L)
        CLua_installhook(L)
        if stoppablePatterns { installPatternFunctions() }
    }

    deinit {
        CLua_watch_interrupts(lua.L, 0)
        lua_close(lua.L)
        limits.deinitialize(count: 1)
        limits.deallocate()
    }

    // MARK: Limits

    /// Bytes Lua may allocate while Lua code runs (0: unlimited).
    package var memoryLimit: Int {
        get { limits.pointee.limit }
        set { limits.pointee.limit = newValue }
    }

    /// Bytes currently allocated by this state.
    package var memoryUsed: Int { limits.pointee.used }

    /// The highest allocation seen.
    package var memoryPeak: Int { limits.pointee.peak }

    /// How many `call`s are running (nested ones come from Swift functions that call back into Lua).
    private var callDepth = 0

    /// Seconds a single top-level call may run (0: no limit); `pcall` cannot swallow the stop.
    package var timeout: Double = 0

    /// Instructions a single top-level call may run (0: no limit).
    package var instructionBudget: Int = 0

    /// Whether SIGINT (via `CLua_interrupt_all`) stops code running in this state.
    package var watchesInterrupts: Bool = false {
        didSet { CLua_watch_interrupts(lua.L, watchesInterrupts ? 1 : 0) }
    }

    /// Stops code in every state that watches interrupts; a C function, safe to call from a signal handler.
    package static let interruptAllFromSignal: @convention(c) () -> Void = CLua_interrupt_all

    /// Asks running code to stop at its next hook (safe from any thread).
    package func interrupt() { limits.pointee.interrupted = 1 }

    // MARK: Loading and calling

    /// Compiles `code` (text only, never bytecode) and pushes it as a function.
    /// - Parameters:
    ///   - code: Lua source.
    ///   - chunkName: how errors name it: `@Scripts/x.lua` for files, `=stdin` for literal names.
    /// - Throws: `LuaError` of kind `.syntax` or `.memory`.
    package func load(_ code: String, chunkName: String) throws(LuaError) {
        var code = code
        let status = code.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) { CLua_loadtext(lua.L, $0.baseAddress, $0.count, chunkName) }
        }
        if status != LUA_OK {
            let message = lua.string(at: -1) ?? "cannot load \(chunkName)"
            lua.pop()
            throw LuaError(kind: status == LUA_ERRMEM ? .memory : .syntax, message: message)
        }
    }

    /// Calls the function below its `nargs` arguments, protected, with a traceback on error.
    ///
    /// This is the only way Swift enters Lua. Limits (time, instructions, interrupts) apply to the call,
    /// and the memory limit applies while Lua code runs.
    /// - Parameters:
    ///   - nargs: arguments on top of the function.
    ///   - nresults: results to keep (`LUA_MULTRET` = -1 for all).
    /// - Throws: `LuaError` with message and traceback; the stack is left as it was before the function.
    package func call(nargs: Int32 = 0, nresults: Int32 = 0) throws(LuaError) {
        let L = lua.L
        let base = lua.top - nargs  // index of the function
        lua_pushcfunction_traceback(L)
        lua_rotate(L, base, 1)
        let handler = base
        let nested = callDepth > 0
        if !nested { startBudget() }
        callDepth += 1
        defer { callDepth -= 1 }
        let savedDepth = limits.pointee.swiftDepth
        limits.pointee.swiftDepth = 0
        let status = CLua_pcall(L, nargs, nresults, handler)
        limits.pointee.swiftDepth = savedDepth
        let stop = limits.pointee.stopReason
        if !nested { endBudget() }
        if status == LUA_OK {
            lua_rotate(L, handler, -1)
            lua.pop()
            return
        }
        let full = lua.string(at: -1) ?? "(error object is a \(lua.typeName(at: -1)) value)"
        lua.top = handler - 1
        var message = full
        var traceback: String?
        if let r = full.range(of: "\nstack traceback:\n") {
            message = String(full[..<r.lowerBound])
            traceback = "stack traceback:\n" + full[r.upperBound...]
        }
        let kind: LuaError.Kind
        switch status {
        case LUA_ERRMEM: kind = .memory
        case LUA_ERRERR: kind = .handler
        default: kind = stop != 0 ? .stopped : .runtime
        }
        if kind == .memory || (status == LUA_ERRRUN && message.hasSuffix("not enough memory")) {
            throw LuaError(kind: .memory, message: "not enough memory: the script went past its memory limit of \(formatBytes(memoryLimit)) (raise it with --max-memory)", traceback: traceback)
        }
        throw LuaError(kind: kind, message: message, traceback: traceback)
    }

    /// Loads and runs `code`, returning nothing; a convenience for set-up chunks and tests.
    package func run(_ code: String, chunkName: String = "=(workbench)") throws(LuaError) {
        try load(code, chunkName: chunkName)
        try call()
    }

    private func startBudget() {
        limits.pointee.stopReason = 0
        limits.pointee.interrupted = 0
        limits.pointee.deadline = timeout > 0 ? CLua_monotonic() + timeout : 0
        limits.pointee.instructionBudget = Int64(instructionBudget)
        CLua_installhook(lua.L)
    }

    private func endBudget() {
        limits.pointee.deadline = 0
        limits.pointee.instructionBudget = 0
        limits.pointee.stopReason = 0
        limits.pointee.interrupted = 0
        CLua_installhook(lua.L)
    }

    /// Makes the hook stop the running code at its next instruction (pcall cannot swallow it).
    func armStop(reason: Int32) { CLua_armstop(lua.L, reason) }

    /// The monotonic clock deadlines are measured on.
    static func now() -> Double { CLua_monotonic() }

    /// Runs a full garbage collection (Swift objects held by Lua are released).
    package func collectGarbage() { CLua_collect(lua.L) }
}

/// Pushes CLua's traceback message handler.
private func lua_pushcfunction_traceback(_ L: OpaquePointer) {
    lua_pushcclosure(L, CLua_traceback, 0)
}

/// "64 MB"-style rendering of a byte count.
package func formatBytes(_ n: Int) -> String {
    if n >= 1 << 30 { return "\(n >> 30) GB" }
    if n >= 1 << 20 { return "\(n >> 20) MB" }
    if n >= 1 << 10 { return "\(n >> 10) KB" }
    return "\(n) bytes"
}
