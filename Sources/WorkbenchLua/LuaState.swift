import CLua
import WorkbenchModel

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
    ///   - libraries: open the standard libraries (false for a bare state that can only evaluate
    ///     data, such as script headers: no string methods, no functions at all).
    package init(memoryLimit: Int = 0, stoppablePatterns: Bool = true, libraries: Bool = true) {
        _ = luaCallbacksInstalled
        limits = .allocate(capacity: 1)
        limits.initialize(to: CLua_Limits())
        limits.pointee.limit = memoryLimit
        guard let L = CLua_newstate(limits) else { fatalError("cannot create a Lua state: out of memory") }
        lua = Lua(L)
        CLua_installhook(L)
        guard libraries else { return }
        luaL_openlibs(L)
        if stoppablePatterns { installPatternFunctions() }
        guardMessageHandlers()
    }

    /// Replaces `xpcall` so a message handler steps aside while a stop is raised: Lua calls handlers
    /// for errors raised by the hook with hooks off, so a looping handler could never be stopped.
    private func guardMessageHandlers() {
        let code = """
            local raw_xpcall, stopping, type, error, format = xpcall, ..., type, error, string.format
            function xpcall(f, handler, ...)
              if type(handler) ~= "function" then
                error(format("bad argument #2 to 'xpcall' (function expected, got %s)", handler == nil and "no value" or type(handler)), 2)
              end
              return raw_xpcall(f, function(m) if stopping() then return m end return handler(m) end, ...)
            end
            """
        do {
            try load(code, chunkName: "=(workbench)")
            CLua_pushstopping(lua.L)
            try call(nargs: 1, nresults: 0)
        } catch {
            fatalError("cannot guard xpcall: \(error)")
        }
    }

    deinit {
        // closing runs the script's finalizers, where no hook reaches: the watchdog ends the process
        // if they do not finish within its grace period
        limits.pointee.closing = 1
        limits.pointee.active += 1
        lua_close(lua.L)
        CLua_watch_interrupts(limits, 0)
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

    /// Seconds the whole run may take (0: no limit), counted from the first call into Lua (or from
    /// `startClock`) across every later call, callback and message handler; `pcall` cannot swallow the stop.
    package var timeout: Double = 0

    /// Instructions a single top-level call may run (0: no limit).
    package var instructionBudget: Int = 0

    /// Whether SIGINT (via `CLua_interrupt_all`) stops code running in this state, and whether the
    /// watchdog may end the process when a stop is not honoured.
    package var watchesInterrupts: Bool = false {
        didSet { CLua_watch_interrupts(limits, watchesInterrupts ? 1 : 0) }
    }

    /// Stops code in every state that watches interrupts; a C function, safe to call from a signal handler.
    package static let interruptAllFromSignal: @convention(c) () -> Void = CLua_interrupt_all

    /// Asks running code to stop at its next hook (safe from any thread).
    package func interrupt() {
        limits.pointee.interrupted = 1
        limits.pointee.interrupts += 1
    }

    /// Starts the run's clock now (the deadline is `timeout` from now); later calls keep it.
    /// - Parameter deadline: an absolute deadline on `LuaState.now()` to use instead.
    package func startClock(deadline: Double? = nil) {
        if let deadline {
            limits.pointee.deadline = deadline
            return
        }
        limits.pointee.deadline = timeout > 0 ? CLua_monotonic() + timeout : 0
    }

    /// The run's deadline on `LuaState.now()` (0: none yet).
    package var deadline: Double { limits.pointee.deadline }

    /// Clears a stop and the clock, so the next call starts a new budget (the console, for each line).
    package func resetStop() {
        limits.pointee.stopReason = 0
        limits.pointee.interrupted = 0
        limits.pointee.interrupts = 0
        limits.pointee.deadline = 0
        CLua_installhook(lua.L)
    }

    /// Why the run was stopped: 0 not stopped, 1 interrupted, 2 time budget, 3 instruction budget.
    package var stopReason: Int32 { limits.pointee.stopReason }

    /// Marks the span of a script's work (running code, rendering what it asked for) for the watchdog:
    /// a stop not honoured inside it ends the process after the grace period.
    package func whileActive<T, E: Error>(_ body: () throws(E) -> T) throws(E) -> T {
        limits.pointee.active += 1
        defer { limits.pointee.active -= 1 }
        return try body()
    }

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
    /// This is the only way Swift enters Lua. The run's limits (time, instructions, interrupts) apply,
    /// and the memory limit applies while Lua code runs.
    /// - Parameters:
    ///   - nargs: arguments on top of the function.
    ///   - nresults: results to keep (`LUA_MULTRET` = -1 for all).
    ///   - thread: the thread whose stack holds the function (a coroutine, when a Swift function called
    ///     from one calls back into Lua); the main thread by default.
    /// - Throws: `LuaError` with message and traceback; the stack is left as it was before the function.
    package func call(nargs: Int32 = 0, nresults: Int32 = 0, on thread: Lua? = nil) throws(LuaError) {
        let lua = thread ?? self.lua
        let L = lua.L
        let base = lua.top - nargs  // index of the function
        lua_pushcfunction_traceback(L)
        lua_rotate(L, base, 1)
        let handler = base
        if callDepth == 0 { startBudget() }
        callDepth += 1
        limits.pointee.active += 1
        defer {
            callDepth -= 1
            limits.pointee.active -= 1
        }
        let savedDepth = limits.pointee.swiftDepth
        limits.pointee.swiftDepth = 0
        let status = CLua_pcall(L, nargs, nresults, handler)
        limits.pointee.swiftDepth = savedDepth
        let stop = limits.pointee.stopReason
        if callDepth == 1 { limits.pointee.instructionBudget = 0 }
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
        case LUA_ERRERR: kind = stop != 0 ? .stopped : .handler
        default: kind = stop != 0 ? .stopped : .runtime
        }
        if stop != 0 {
            // the stop is what ended the call, whatever a handler made of it
            throw LuaError(
                kind: .stopped, message: message.hasSuffix(Self.stopMessage(stop)) ? message : Self.stopMessage(stop),
                traceback: traceback)
        }
        if kind == .memory || (status == LUA_ERRRUN && message.hasSuffix("not enough memory")) {
            throw LuaError(
                kind: .memory,
                message:
                    "not enough memory: the script went past its memory limit of \(formatBytes(memoryLimit)) (raise it with --max-memory)",
                traceback: traceback)
        }
        throw LuaError(kind: kind, message: message, traceback: traceback)
    }

    /// The message scripts see for a stop reason (1 interrupted, 2 time budget, 3 instructions).
    package static func stopMessage(_ reason: Int32) -> String { String(cString: CLua_stopmessage(reason)) }

    /// Loads and runs `code`, returning nothing; a convenience for set-up chunks and tests.
    package func run(_ code: String, chunkName: String = "=(workbench)") throws(LuaError) {
        try load(code, chunkName: chunkName)
        try call()
    }

    /// Arms the limits for a top-level call: the run's clock starts at the first one; a stop stays.
    private func startBudget() {
        if limits.pointee.deadline == 0 && timeout > 0 { startClock() }
        limits.pointee.instructionBudget = Int64(instructionBudget)
        _ = CLua_pendingstop(limits)  // a stop already due fires at the first instruction
        CLua_installhook(lua.L)
    }

    /// Makes the hook stop the running code at its next instruction (pcall cannot swallow it).
    func armStop(reason: Int32) { CLua_armstop(lua.L, reason) }

    /// The monotonic clock deadlines are measured on.
    package static func now() -> Double { CLua_monotonic() }

    /// Runs a full garbage collection (Swift objects held by Lua are released).
    package func collectGarbage() { CLua_collect(lua.L) }
}

/// Pushes CLua's traceback message handler.
private func lua_pushcfunction_traceback(_ L: OpaquePointer) {
    lua_pushcclosure(L, CLua_traceback, 0)
}

/// The process's watchdog: ends the process when a script's work does not honour a stop in time.
package enum CLuaWatchdog {
    /// Starts the watchdog (once) and sets what it calls when a stop is stuck.
    package static func start(grace: Double, onStuck: @escaping @convention(c) (Int32) -> Void) {
        CLua_watchdog_start(grace, onStuck)
    }
}
