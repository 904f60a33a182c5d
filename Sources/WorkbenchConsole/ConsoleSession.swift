import Foundation
import WorkbenchLua
import WorkbenchScripting

/// The console's read–eval–print logic, independent of the terminal: lines in, text out.
///
/// Behaves like `lua`'s own REPL (lua.c): a line is first tried as `return <line>` so expressions
/// print their values; `=expr` still works; a chunk cut off at `<eof>` continues on a `>>` prompt;
/// errors print with a traceback and the session goes on. Results are kept as `_` (the last) and
/// `_1`, `_2` … Lines starting with `:` are console commands (`:help`, `:load`, `:run`, `:reload`).
package final class ConsoleSession {
    package let runtime: ScriptRuntime
    /// Where results and messages go.
    package var output: (String) -> Void
    /// Where errors go.
    package var errors: (String) -> Void
    /// The lines of an unfinished chunk.
    private var pending: [String] = []
    /// How many results have been kept as `_1`, `_2` …
    private(set) var resultCount = 0
    /// Scripts run with `:run`, with their modification dates, for `:reload`.
    private var ranScripts: [(path: String, modified: Date?, line: String)] = []

    package init(runtime: ScriptRuntime, output: @escaping (String) -> Void, errors: @escaping (String) -> Void) {
        self.runtime = runtime
        self.output = output
        self.errors = errors
        runtime.output = { [unowned self] text in self.output(text) }
        installHelpers()
    }

    /// The prompt for the next line: `> `, or `>> ` inside an unfinished chunk.
    package var prompt: String { pending.isEmpty ? "> " : ">> " }

    /// Whether a chunk is unfinished.
    package var isContinuing: Bool { !pending.isEmpty }

    /// Forgets an unfinished chunk (Ctrl-C at the prompt).
    package func cancelLine() { pending.removeAll() }

    /// Handles one line of input.
    /// - Returns: false when the session should end (`:quit`).
    @discardableResult
    package func handle(_ line: String) -> Bool {
        // each line the user enters gets a fresh budget: Ctrl-C stops that line, not the console
        runtime.state.resetStop()
        if pending.isEmpty {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return true }
            if trimmed.hasPrefix(":") { return command(trimmed) }
            if trimmed.hasPrefix("=") {
                pending = ["return " + trimmed.dropFirst()]
                return evaluatePending()
            }
        }
        pending.append(line)
        return evaluatePending()
    }

    /// Compiles the pending lines — as an expression first, then as statements — and runs them,
    /// or keeps them pending when either form is only unfinished (ends at `<eof>`).
    private func evaluatePending() -> Bool {
        let code = pending.joined(separator: "\n")
        var expressionError: LuaError?
        do {
            try runtime.state.load("return " + code, chunkName: "=stdin")
            pending.removeAll()
            execute()
            return true
        } catch {
            expressionError = error
        }
        do {
            try runtime.state.load(code, chunkName: "=stdin")
        } catch {
            let unfinished = error.message.hasSuffix("<eof>") || (expressionError?.message.hasSuffix("<eof>") ?? false)
            if unfinished && error.kind == .syntax { return true }
            pending.removeAll()
            errors(error.message)
            return true
        }
        pending.removeAll()
        execute()
        return true
    }

    /// Runs the chunk on top of the stack in the console's environment and shows what it returns.
    private func execute() {
        let lua = runtime.lua
        let base = lua.top - 1
        do {
            try runtime.useConsoleEnvironment()
            try runtime.state.call(nargs: 0, nresults: -1)
        } catch {
            lua.top = base
            errors(error.description)
            return
        }
        let count = lua.top - base
        guard count > 0 else { return }
        var rendered: [String] = []
        for i in 0..<count {
            let index = base + 1 + i
            resultCount += 1
            try? runtime.setConsoleValue("_\(resultCount)", from: index)
            try? runtime.setConsoleValue("_", from: index)
            rendered.append(render(at: index))
        }
        lua.top = base
        output(rendered.joined(separator: "\t") + "\n")
    }

    /// The console rendering of the value at `index` (workbench._render, protected).
    private func render(at index: Int32) -> String {
        let lua = runtime.lua
        lua.getGlobal("workbench")
        lua.getField("_render", in: -1)
        lua.pushValue(at: index)
        do {
            try runtime.state.call(nargs: 1, nresults: 1)
            let s = lua.string(at: -1) ?? "(\(lua.typeName(at: -1)))"
            lua.pop(2)
            return s
        } catch {
            lua.pop()
            return "(cannot show: \(error.message))"
        }
    }

    // MARK: Commands

    /// Runs a `:command`.
    private func command(_ line: String) -> Bool {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "help", "h", "?":
            output(Self.helpText)
        case "quit", "q", "exit":
            return false
        case "load":
            guard !argument.isEmpty else {
                errors("usage: :load PATH (an article file or folder)")
                return true
            }
            let before = runtime.failedInputs
            // articles the user loads may be read, as inputs are
            let policy = runtime.policy
            runtime.policy = SandboxPolicy(
                trusted: policy.trusted, readRoots: policy.readRoots + [argument], writeRoots: policy.writeRoots)
            let added = runtime.addInputs([argument])
            let failed = runtime.failedInputs - before
            output(
                "added \(added) article\(added == 1 ? "" : "s") from \(argument)\(failed > 0 ? " (\(failed) could not be read)" : "")\n"
            )
        case "run":
            guard !argument.isEmpty else {
                errors("usage: :run SCRIPT [--arg NAME=VALUE]… [-- ARG…]")
                return true
            }
            runScript(argument)
        case "reload":
            reload()
        default:
            errors("unknown command :\(name) (try :help)")
        }
        return true
    }

    /// Runs a script inside the session, sandboxed like `run` (its globals stay available afterwards).
    /// - Parameter line: the script and its arguments: `tally --arg top=5 -- extra`.
    private func runScript(_ line: String) {
        let request: ConsoleScriptRequest
        do { request = try ConsoleScriptRequest(parsing: line) } catch {
            errors("\(error)")
            return
        }
        guard let path = ScriptLocator.find(request.script) else {
            errors(ScriptLocator.notFound(request.script))
            return
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
        if let i = ranScripts.firstIndex(where: { $0.path == path }) {
            ranScripts[i] = (path, modified, line)
        } else {
            ranScripts.append((path, modified, line))
        }
        let policy = runtime.policy
        defer { runtime.policy = policy }
        do {
            let metadata = try ScriptMetadata.read(path: path)
            let named = try ScriptArguments.resolve(request.named, metadata: metadata)
            // as with `run`: the script's folder and the paths the user gave it may be read
            var roots = policy.readRoots + [(path as NSString).deletingLastPathComponent]
            for arg in metadata?.arguments ?? [] where arg.type == "path" && request.named[arg.name] != nil {
                if case .string(let p)? = named[arg.name] { roots.append(p) }
            }
            runtime.policy = SandboxPolicy(trusted: policy.trusted, readRoots: roots, writeRoots: policy.writeRoots)
            runtime.setArguments(
                script: request.script, positional: request.positional, named: named,
                declared: metadata.map { $0.arguments.map(\.name) })
            try runtime.runScript(at: path, displayPath: path)
            try runtime.keepScriptGlobals()
            // a report the script built is shown, as `run` prints it without --out
            if let report = runtime.reportCollector.takeForDelivery() { output(report.render(.markdown)) }
        } catch let error as LuaError {
            if var report = runtime.reportCollector.takeForDelivery() {
                report.blocks.append(.note("This report is incomplete: the script stopped early."))
                output(report.render(.markdown))
            }
            errors(error.description)
        } catch {
            errors("\(error)")
        }
    }

    /// Re-reads changed modules and re-runs changed scripts.
    private func reload() {
        // forget modules loaded from files, so the next require reads them again
        try? runtime.state.run(
            """
            for name in pairs(package.loaded) do
              if not ({ _G = 1, coroutine = 1, debug = 1, io = 1, math = 1, os = 1, package = 1, string = 1, table = 1, utf8 = 1, workbench = 1 })[name] then
                package.loaded[name] = nil
              end
            end
            """, chunkName: "=(reload)")
        var rerun = 0
        for (path, modified, line) in ranScripts {
            let now = (try? FileManager.default.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            if now != modified {
                runScript(line)
                rerun += 1
            }
        }
        output("modules will be read again on require; \(rerun) changed script\(rerun == 1 ? "" : "s") re-run\n")
    }

    /// Gives `help()` its text (`help` and `articles` live in the console's environment).
    private func installHelpers() {
        runtime.lua.getGlobal("workbench")
        runtime.lua.push(Self.helpText)
        runtime.lua.setField("_help", in: -2)
        runtime.lua.pop()
    }

    /// What `:help` and `help()` print.
    package static let helpText = """
        workbench console — Lua 5.4 with the articles loaded.

          articles                 the articles (workbench.articles): articles[1].quotes, #articles …
          help(x)                  what a model object or type is, and its fields: help(articles[1].quotes[1])
          workbench.inspect(x)     a readable rendering of any value
          x:cite()                 the evidence of a quote, figure, date, event …
          _  _1 _2 …               the last result, and every result by number

          :load PATH               add articles from a file or folder
          :run SCRIPT [--arg k=v] [-- ARG…]
                                   run a script in this session, sandboxed as with
                                   `workbench run` (its globals stay)
          :reload                  re-read changed modules and re-run changed scripts
          :help                    this text
          :quit                    leave (or Ctrl-D)

        A line is shown as a value when it is an expression (= also works). Tab completes names and
        fields; Ctrl-R searches history; Ctrl-C stops a running statement or clears the line.

        """
}
