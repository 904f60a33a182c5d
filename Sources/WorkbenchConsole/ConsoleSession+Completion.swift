/// Tab completion: globals, keywords, table fields, model fields and methods.
extension ConsoleSession {
    private static let keywords = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    /// Candidates completing `word` (the text before the cursor back to a word break):
    /// `articles[1].qu` → `articles[1].quotes`, `wor` → `workbench`, `s:up` → `s:upper`.
    package func completions(for word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        let sep = scalars.lastIndex { $0 == "." || $0 == ":" }
        guard let sep else {
            return (globalNames() + Self.keywords).filter { $0.hasPrefix(word) }.sorted()
        }
        let base = String(String.UnicodeScalarView(scalars[..<sep]))
        let partial = String(String.UnicodeScalarView(scalars[(sep + 1)...]))
        guard Self.isSafePath(base) else { return [] }
        let names = fieldNames(of: base)
        let joiner = String(scalars[sep])
        return names.filter { $0.hasPrefix(partial) }.map { base + joiner + $0 }
    }

    /// Whether `s` is a plain access path (names, `.name`, `[number]`, `["string"]`): safe to evaluate for completion.
    static func isSafePath(_ s: String) -> Bool {
        let c = Array(s.unicodeScalars)
        var i = 0
        func name() -> Bool {
            guard i < c.count, c[i].isLetter || c[i] == "_" else { return false }
            while i < c.count && (c[i].isLetter || c[i].isDigit || c[i] == "_") { i += 1 }
            return true
        }
        guard name() else { return false }
        while i < c.count {
            if c[i] == "." {
                i += 1
                guard name() else { return false }
            } else if c[i] == "[" {
                i += 1
                if i < c.count && c[i].isDigit {
                    while i < c.count && c[i].isDigit { i += 1 }
                } else if i < c.count && c[i] == "\"" {
                    i += 1
                    while i < c.count && c[i] != "\"" && c[i] != "\\" { i += 1 }
                    guard i < c.count && c[i] == "\"" else { return false }
                    i += 1
                } else {
                    return false
                }
                guard i < c.count && c[i] == "]" else { return false }
                i += 1
            } else {
                return false
            }
        }
        return true
    }

    /// Names of the global table (and `articles`).
    private func globalNames() -> [String] {
        // the console's own variables and, for a trusted console, the globals behind them
        var names = namesFromLua(
            """
            local t = workbench._names(_ENV)
            if rawget(_ENV, "_G") ~= _ENV then for _, n in ipairs(workbench._names(_G)) do t[#t + 1] = n end end
            return t
            """)
        if !names.contains("articles") { names.append("articles") }
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }

    /// Names of the value at an access path.
    private func fieldNames(of path: String) -> [String] {
        namesFromLua("return workbench._names(\(path))")
    }

    /// Runs a tiny chunk returning a list of strings (errors give no candidates).
    private func namesFromLua(_ code: String) -> [String] {
        let lua = runtime.lua
        let top = lua.top
        defer { lua.top = top }
        do {
            try runtime.state.load(code, chunkName: "=(completion)")
            try runtime.useConsoleEnvironment()
            try runtime.state.call(nargs: 0, nresults: 1)
        } catch {
            return []
        }
        guard lua.type(at: -1) == .table else { return [] }
        var out: [String] = []
        for i in 1...max(1, lua.rawLength(at: -1)) where lua.rawLength(at: -1) > 0 {
            lua.getIndex(i, in: -1)
            if let s = lua.string(at: -1) { out.append(s) }
            lua.pop()
        }
        return out
    }
}
