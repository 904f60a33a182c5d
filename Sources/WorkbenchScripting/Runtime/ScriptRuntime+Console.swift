import WorkbenchLua

/// The console's own environment: what typed lines run in, sandboxed like a script's.
extension ScriptRuntime {
    /// Registry key of the console's environment (made once; it keeps the console's variables).
    private static let consoleEnvironmentKey = "workbench.console_env"

    /// Makes the console's environment on first use: a script environment under `policy` (so typed
    /// lines have exactly what a script has), with `help`, the `articles` shortcut and `_G` pointing at it.
    private func pushConsoleEnvironment() throws(LuaError) {
        if lua.getRegistry(Self.consoleEnvironmentKey) == .table { return }
        lua.pop()
        try pushScriptEnvironment()
        lua.pushValue(at: -1)
        lua.setRegistry(Self.consoleEnvironmentKey)
        try state.load(
            """
            local env, workbench = ...
            function env.help(x)
              if x == nil then workbench._write(workbench._help) return end
              workbench._write(workbench.describe(x) .. "\\n")
            end
            -- `articles` is workbench.articles, loaded on first use
            local mt = getmetatable(env)
            local fallback = mt.__index
            mt.__index = function(t, k)
              if k == "articles" then return workbench.articles end
              if type(fallback) == "function" then return fallback(t, k) end
              if fallback then return fallback[k] end
            end
            """, chunkName: "=(console)")
        lua.pushValue(at: -2)
        lua.getGlobal("workbench")
        try state.call(nargs: 2, nresults: 0)
    }

    /// Gives the function on top of the stack (a chunk the console loaded) the console's environment.
    package func useConsoleEnvironment() throws(LuaError) {
        try pushConsoleEnvironment()
        _ = lua.setUpvalue(of: -2, 1)
    }

    /// Sets `name` in the console's environment to the value at `index`.
    package func setConsoleValue(_ name: String, from index: Int32) throws(LuaError) {
        let value = lua.absolute(index)
        try pushConsoleEnvironment()
        lua.push(name)
        lua.pushValue(at: value)
        lua.rawSet(-3)
        lua.pop()
    }

    /// Copies the globals of the script run last into the console's environment, so its functions and
    /// tables can be used after `:run`.
    package func keepScriptGlobals() throws(LuaError) {
        guard lua.getRegistry(Self.environmentKey) == .table else {
            lua.pop()
            return
        }
        try pushConsoleEnvironment()
        try state.load(
            """
            local from, to = ...
            for k, v in next, from do
              if k ~= "_G" and k ~= "arg" and k ~= "args" then rawset(to, k, v) end
            end
            """, chunkName: "=(console)")
        lua.rotate(-3, 1)
        try state.call(nargs: 2, nresults: 0)
    }
}
