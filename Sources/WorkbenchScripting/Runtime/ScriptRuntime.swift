import Foundation
import WorkbenchExtraction
import WorkbenchLua
import WorkbenchModel

/// A Lua state set up for analysts' scripts: the `workbench` API, the articles, the module path.
package final class ScriptRuntime {
    package let state: LuaState
    package var lua: Lua { state.lua }
    /// The articles scripts see (parsed on demand).
    package internal(set) var corpus: Corpus?
    /// The parser, for `workbench.parse` and `workbench.load`.
    package let parser: ArticleParser
    /// Inputs that could not be read so far.
    package internal(set) var failedInputs = 0
    /// Where diagnostics go (standard error by default; tests capture them).
    package var diagnostics: (String) -> Void = { StandardStreams.error($0) }
    /// What scripts may touch (sandboxed by default).
    package var policy = SandboxPolicy()
    /// Where `print` writes (standard output by default; the console and tests may capture it).
    package var output: (String) -> Void = { StandardStreams.write($0) }
    /// Whether `workbench.articles` was filled (it is read once).
    var articlesLoaded = false
    /// The report the script builds (see `workbench.report`).
    package let reportCollector = ReportCollector()
    /// For corpora too large to hold: which inputs are readable articles, and the latest parsed batches.
    var lazyArticles: LazyArticleIndex?
    /// Corpora with more inputs than this are read as used by `workbench.articles` (WORKBENCH_EAGER_ARTICLES).
    package static let eagerArticleLimit: Int = {
        Int(ProcessInfo.processInfo.environment["WORKBENCH_EAGER_ARTICLES"] ?? "") ?? 5000
    }()

    /// Creates the state and installs the API.
    /// - Parameters:
    ///   - parser: parses articles for `workbench.parse`/`load` and the corpus.
    ///   - corpus: the inputs, or nil for none.
    ///   - modulePath: folders searched by `require` (the script's folder, `Scripts/` …), in order.
    package init(parser: ArticleParser, corpus: Corpus?, modulePath: [String], memoryLimit: Int = 0) throws(LuaError) {
        self.parser = parser
        self.corpus = corpus
        state = LuaState(memoryLimit: memoryLimit)
        try configurePackagePath(modulePath)
        try installAPI()
    }

    // MARK: Set-up

    /// Replaces Lua's default search path (which includes ./?.lua and C modules) with the script
    /// folders, and puts first a searcher that loads `workbench` and `workbench.*` only from the
    /// workbench's own resources: a script's folder or bundle can never supply a privileged module.
    private func configurePackagePath(_ folders: [String]) throws(LuaError) {
        var entries: [String] = []
        for f in folders {
            let dir = f.hasSuffix("/") ? String(f.dropLast()) : f
            entries.append("\(dir)/?.lua")
            entries.append("\(dir)/?/init.lua")
        }
        scriptModulePath = entries.joined(separator: ";")
        lua.getGlobal("package")
        lua.push(scriptModulePath)
        lua.setField("path", in: -2)
        lua.push("")
        lua.setField("cpath", in: -2)
        // no C loaders: searchers 3 and 4 load C libraries
        lua.getField("searchers", in: -1)
        lua.pushNil()
        lua.setIndex(4, in: -2)
        lua.pushNil()
        lua.setIndex(3, in: -2)
        lua.pop(2)
        try state.load(
            """
            local resources, searchpath, find, format, error, insert, open, load, sub =
              ..., package.searchpath, string.find, string.format, error, table.insert, io.open, load, string.sub
            insert(package.searchers, 1, function(name)
              if name ~= "workbench" and not find(name, "^workbench%.") then return nil end
              local path = searchpath(name, resources .. "/?.lua")
              if not path then
                error(format("module '%s' not found: workbench.* names belong to the workbench's own modules", name), 0)
              end
              local file = open(path, "rb")
              local chunk, message = file and load(file:read("a"), "@" .. sub(path, #resources + 2), "t")
              if file then file:close() end
              if not chunk then error(message or ("cannot read " .. path), 0) end
              return chunk, path
            end)
            """, chunkName: "=(workbench)")
        lua.push(Resources.luaDirectory)
        try state.call(nargs: 1, nresults: 0)
    }

    /// The search path of the script's own modules (`dir/?.lua;dir/?/init.lua;…`).
    private(set) var scriptModulePath = ""

    private func installAPI() throws(LuaError) {
        lua.newTable()
        lua.push(WorkbenchInfo.version)
        lua.setField("version", in: -2)
        lua.push(WorkbenchInfo.api)
        lua.setField("api", in: -2)
        pushTypeRegistry()
        lua.setField("_types", in: -2)
        lua.push(function: { [unowned self] l in try self.luaParse(l) })
        lua.setField("parse", in: -2)
        lua.push(function: { [unowned self] l in try self.luaLoad(l) })
        lua.setField("load", in: -2)
        lua.push(function: { [unowned self] l in try self.luaEach(l) })
        lua.setField("each", in: -2)
        lua.push(function: { [unowned self] l in self.luaLoadAll(l) })
        lua.setField("_load_all", in: -2)
        lua.push(function: { [unowned self] l in
            self.output(try l.checkString(1))
            return 0
        })
        lua.setField("_write", in: -2)
        lua.push(function: { [unowned self] l in
            self.diagnostics("workbench: warning: " + (try l.checkString(1)))
            return 0
        })
        lua.setField("_warn", in: -2)
        pushCSVModule()
        lua.setField("csv", in: -2)
        pushJSONModule()
        lua.setField("json", in: -2)
        pushLexiconModule()
        lua.setField("lexicon", in: -2)
        pushTimeModule()
        lua.setField("time", in: -2)
        lua.setGlobal("workbench")
        // The Lua half of the API.
        let path = Resources.luaDirectory + "/workbench/prelude.lua"
        guard let code = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw LuaError(kind: .runtime, message: "the workbench's Lua library is missing at \(path)")
        }
        try state.load(code, chunkName: "@workbench/prelude.lua")
        lua.getGlobal("workbench")
        try state.call(nargs: 1, nresults: 0)
        installReportFunctions()
        // workbench.articles is loaded on first use
        try state.run(
            """
            local workbench = workbench
            -- old names keep working, with a warning once; removed only in a later API version
            local deprecated = { help = "describe", for_each = "each", count = "ranked" }
            local warned = {}
            setmetatable(workbench, { __index = function(t, k)
              if k == "articles" then local list = workbench._load_all(); rawset(t, "articles", list); return list end
              local new = deprecated[k]
              if new then
                if not warned[k] then
                  warned[k] = true
                  local info = debug.getinfo(2, "Sl")
                  local at = info and info.currentline > 0 and (info.short_src .. ":" .. info.currentline .. ": ") or ""
                  workbench._warn(at .. "workbench." .. k .. " is deprecated; use workbench." .. new .. " (it goes in API 2)")
                end
                return t[new]
              end
            end })
            package.loaded["workbench"] = workbench
            -- print goes through the workbench's output (the terminal, or a capture in tests)
            local write, tostring, select, concat = workbench._write, tostring, select, table.concat
            function print(...)
              local n = select("#", ...)
              local parts = {}
              for i = 1, n do parts[i] = tostring((select(i, ...))) end
              write(concat(parts, "\\t") .. "\\n")
            end
            """, chunkName: "=(workbench)")
    }

    /// `workbench._types`: every model type's fields, for describe/help.
    private func pushTypeRegistry() {
        lua.newTable()
        for t in modelTypes {
            lua.newTable()
            lua.push(t.name)
            lua.setField("name", in: -2)
            lua.push(t.summary)
            lua.setField("summary", in: -2)
            lua.newTable(array: t.fields.count)
            for (i, f) in t.fields.enumerated() {
                lua.newTable()
                lua.push(f.name)
                lua.setField("name", in: -2)
                lua.push(f.type)
                lua.setField("type", in: -2)
                lua.push(f.doc)
                lua.setField("doc", in: -2)
                lua.setIndex(i + 1, in: -2)
            }
            lua.setField("fields", in: -2)
            lua.setField(t.name, in: -2)
        }
    }

    // MARK: Scripts

    /// Sets `arg` (positional, as lua.c does) and `args` (named, typed by the script's header).
    /// - Parameter declared: the names the script's header declares; when given, reading any other
    ///   name from `args` is an error with the closest declared name.
    package func setArguments(
        script: String, positional: [String], named: [String: ArgumentValue], declared: [String]? = nil
    ) {
        lua.newTable()
        lua.push(script)
        lua.setIndex(0, in: -2)
        for (i, a) in positional.enumerated() {
            lua.push(a)
            lua.setIndex(i + 1, in: -2)
        }
        lua.setGlobal("arg")
        lua.newTable()
        for (k, v) in named.sorted(by: { $0.key < $1.key }) {
            switch v {
            case .string(let s): lua.push(s)
            case .integer(let i): lua.push(i)
            case .number(let d): lua.push(d)
            case .boolean(let b): lua.push(b)
            case .list(let items):
                lua.newTable(array: items.count)
                for (i, item) in items.enumerated() {
                    lua.push(item)
                    lua.setIndex(i + 1, in: -2)
                }
                lua.setMetatable(named: "workbench.List")
            }
            lua.setField(k, in: -2)
        }
        if let declared {
            // workbench._strict_args(args, names): a Lua function that only sets a metatable
            lua.getGlobal("workbench")
            lua.getField("_strict_args", in: -1)
            lua.pushValue(at: -3)
            lua.newTable(array: declared.count)
            for (i, name) in declared.enumerated() {
                lua.push(name)
                lua.setIndex(i + 1, in: -2)
            }
            try? state.call(nargs: 2, nresults: 0)
            lua.pop()  // workbench
        }
        lua.setGlobal("args")
    }

    /// Runs a script file in its own environment (sandboxed unless the policy trusts it), then its
    /// `each(article)` and `finish()` callbacks if it defines them.
    /// - Parameter displayPath: how errors name the file (as the user wrote it).
    /// - Throws: `LuaError` (syntax or runtime) with traceback.
    package func runScript(
        at path: String, displayPath: String? = nil, beforeFinish: (() throws(LuaError) -> Void)? = nil,
        callFinish: Bool = true
    ) throws(LuaError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LuaError(kind: .runtime, message: "cannot read script \(displayPath ?? path)")
        }
        let code = String(decoding: data, as: UTF8.self)
        // a shebang line is allowed, as in lua.c
        let body = code.hasPrefix("#") ? "--" + code : code
        try state.load(body, chunkName: "@" + (displayPath ?? path))
        try pushScriptEnvironment()
        // the script's arguments live in its environment
        for name in ["arg", "args"] {
            lua.getGlobal(name)
            lua.setField(name, in: -2)
        }
        // the chunk's first upvalue is its _ENV
        lua.pushValue(at: -1)
        lua.setRegistry(Self.environmentKey)
        _ = lua.setUpvalue(of: -2, 1)
        try state.call(nargs: 0, nresults: 0)
        try runEach()
        try beforeFinish?()
        if callFinish { try runFinish() }
    }

    /// Whether the running script defines `name` as a global function (in its environment).
    package func scriptDefines(_ name: String) -> Bool {
        defer { lua.pop() }
        return getScriptGlobal(name) == .function
    }

    /// Registry key of the running script's environment table.
    static let environmentKey = "workbench.script_env"

    /// Pushes a fresh environment for a script, built by workbench/sandbox.lua under `policy`.
    func pushScriptEnvironment() throws(LuaError) {
        if lua.getRegistry(Self.makeEnvironmentKey) != .function {
            lua.pop()
            let path = Resources.luaDirectory + "/workbench/sandbox.lua"
            guard let code = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw LuaError(kind: .runtime, message: "the workbench's sandbox is missing at \(path)")
            }
            try state.load(code, chunkName: "@workbench/sandbox.lua")
            try state.call(nargs: 0, nresults: 1)
            lua.pushValue(at: -1)
            lua.setRegistry(Self.makeEnvironmentKey)
        }
        // make_env({trusted = …, check_path = …, warn = …})
        lua.newTable()
        lua.push(policy.trusted)
        lua.setField("trusted", in: -2)
        lua.push(scriptModulePath)
        lua.setField("script_path", in: -2)
        lua.push(function: { [unowned self] l in
            let path = try l.checkString(1)
            let write = (try l.optString(2)) == "write"
            if let reason = self.policy.denial(for: path, write: write) {
                l.pushNil()
                l.push(reason)
                return 2
            }
            l.push(true)
            return 1
        })
        lua.setField("check_path", in: -2)
        lua.push(function: { [unowned self] l in
            self.diagnostics("workbench: warning: " + (try l.checkString(1)))
            return 0
        })
        lua.setField("warn", in: -2)
        try state.call(nargs: 1, nresults: 1)
    }

    /// Registry key of the sandbox's make_env (kept out of scripts' reach).
    private static let makeEnvironmentKey = "workbench.make_env"

    /// Pushes the running script's global `name` (from its environment, without metamethods).
    private func getScriptGlobal(_ name: String) -> LuaType {
        if lua.getRegistry(Self.environmentKey) != .table {
            lua.pop()
            return lua.getGlobal(name)
        }
        let t = lua.getField(name, in: -1)
        lua.rotate(-2, 1)
        lua.pop()
        return t
    }

    /// Calls the script's `each(article)` for every article, when defined.
    private func runEach() throws(LuaError) {
        if getScriptGlobal("each") == .function, let corpus {
            lua.pop()
            var failure: LuaError?
            corpus.forEach { e in
                switch e {
                case .article(let a):
                    _ = getScriptGlobal("each")
                    push(article: a)
                    do throws(LuaError) { try state.call(nargs: 1, nresults: 0) } catch {
                        failure = error
                        return false
                    }
                case .failure(let path, let reason):
                    report(path: path, reason: reason)
                }
                return true
            }
            if let failure { throw failure }
        } else {
            lua.pop()
        }
    }

    /// Calls the script's `finish()`, when defined.
    private func runFinish() throws(LuaError) {
        if getScriptGlobal("finish") == .function {
            try state.call(nargs: 0, nresults: 0)
        } else {
            lua.pop()
        }
    }
}
