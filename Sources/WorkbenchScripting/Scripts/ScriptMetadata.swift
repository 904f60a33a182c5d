import Foundation
import WorkbenchLua
import WorkbenchModel

/// A script's header: the `script = { … }` table at the top of the file, read without running the script.
///
/// ```lua
/// script = {
///   name = "quotes_by_speaker", version = "1.2.0", api = "1",
///   description = "Who is quoted, how often, and on what.",
///   author = "Monitoring desk", license = "MIT", categories = {"tally", "quotes"},
///   args = { top = {type = "integer", default = 10, help = "how many speakers to list"} },
///   tests = { {inputs = {"seeds"}, args = {top = 3}, expect = "tests/top3.txt"} },
/// }
/// ```
package struct ScriptMetadata: Sendable, Equatable {
    /// One declared argument.
    package struct Argument: Sendable, Equatable {
        package var name: String
        /// string, integer, number, boolean, date, path or list.
        package var type: String
        package var help: String?
        package var required: Bool
        /// The default, as text (converted like a value given on the command line).
        package var defaultValue: String?
        package var choices: [String]
    }

    /// A check the script carries: run on fixture inputs, compare the output.
    package struct Test: Sendable, Equatable {
        package var name: String
        package var inputs: [String]
        package var args: [String: String]
        /// A file (relative to the script) holding the exact expected output.
        package var expectFile: String?
        /// Strings the output must contain.
        package var expectContains: [String]
        /// The format the script's report is rendered in before it is checked (after what it printed).
        package var format: ReportDocument.Format = .markdown
    }

    package var name: String
    package var version: String
    package var description: String
    package var author: String?
    package var license: String?
    package var categories: [String]
    package var arguments: [Argument]
    /// The API version the script needs ("1").
    package var api: Int
    package var tests: [Test]

    /// Argument types scripts may declare.
    package static let argumentTypes = ["string", "integer", "number", "boolean", "date", "path", "list"]
}

extension ScriptMetadata {
    /// Reads the header of the script at `path`; nil when the script has none.
    /// - Throws: `WorkbenchError.message` naming the file and what is wrong with the header.
    package static func read(path: String) throws -> ScriptMetadata? {
        // a header sits at the top, so only the first part of a (possibly huge) file is read
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw WorkbenchError.message("\(path): cannot be read")
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.read(upToCount: headerBytes + 1) ?? Data() } catch {
            throw WorkbenchError.message("\(path): cannot be read (\(error.localizedDescription))")
        }
        let source = String(decoding: data.prefix(headerBytes), as: UTF8.self)
        return try parse(source, path: path, truncated: data.count > headerBytes)
    }

    /// How much of a script file is read for its header.
    static let headerBytes = 1 << 20

    /// Reads a header from script source.
    /// - Parameter truncated: `source` is only the start of the file.
    package static func parse(_ source: String, path: String, truncated: Bool = false) throws -> ScriptMetadata? {
        guard let table = try headerTable(source, path: path, truncated: truncated) else { return nil }
        // Evaluate the literal table in a bare state (no libraries, so no string methods either) under
        // small limits of memory, instructions and time: a header is data.
        let state = LuaState(memoryLimit: headerMemoryLimit, libraries: false)
        state.instructionBudget = 1_000_000
        state.startClock(deadline: LuaState.now() + headerSeconds)
        do {
            try state.load("local _ENV = {} return " + table.text, chunkName: "@" + path)
            try state.call(nargs: 0, nresults: 1)
        } catch {
            throw WorkbenchError.message("\(path): the script header is not a plain table: \(error.message)")
        }
        let lua = state.lua
        guard lua.type(at: -1) == .table else { throw WorkbenchError.message("\(path): `script` must be a table") }
        return try build(from: lua, path: path)
    }

    /// Memory a header's evaluation may use.
    static let headerMemoryLimit = 16 << 20
    /// Seconds a header's evaluation may take.
    static let headerSeconds = 1.0

    /// The text of the `script = { … }` table when it is the first statement (after comments).
    /// - Throws: when the table opens but does not close.
    private static func headerTable(_ source: String, path: String, truncated: Bool) throws -> (
        text: String, line: Int
    )? {
        let s = Array(source.unicodeScalars)
        var i = 0
        if s.first == "#" { while i < s.count && s[i] != "\n" { i += 1 } }
        // skip spaces and comments
        func skipTrivia() {
            while i < s.count {
                if s[i].isSpace {
                    i += 1
                    continue
                }
                if i + 1 < s.count && s[i] == "-" && s[i + 1] == "-" {
                    i += 2
                    if let end = longBracketEnd(s, i) {
                        i = end
                        continue
                    }
                    while i < s.count && s[i] != "\n" { i += 1 }
                    continue
                }
                break
            }
        }
        skipTrivia()
        let word = "script"
        guard i + word.count <= s.count, String(String.UnicodeScalarView(s[i..<(i + word.count)])) == word else {
            return nil
        }
        i += word.count
        skipTrivia()
        guard i < s.count, s[i] == "=" else { return nil }
        i += 1
        skipTrivia()
        guard i < s.count, s[i] == "{" else { return nil }
        let start = i
        var depth = 0
        while i < s.count {
            let c = s[i]
            if c == "-" && i + 1 < s.count && s[i + 1] == "-" {
                i += 2
                if let end = longBracketEnd(s, i) {
                    i = end
                    continue
                }
                while i < s.count && s[i] != "\n" { i += 1 }
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                while i < s.count && s[i] != c {
                    if s[i] == "\\" { i += 1 }
                    i += 1
                }
                i += 1
                continue
            }
            if c == "[", let end = longBracketEnd(s, i) {
                i = end
                continue
            }
            if c == "{" { depth += 1 }
            if c == "}" {
                depth -= 1
                if depth == 0 {
                    let line = s[..<start].filter { $0 == "\n" }.count + 1
                    return (String(String.UnicodeScalarView(s[start...i])), line)
                }
            }
            i += 1
        }
        if truncated {
            throw WorkbenchError.message(
                "\(path): the script header is larger than \(formatBytes(headerBytes)); a header is a short table of facts"
            )
        }
        throw WorkbenchError.message("\(path): the script header `script = { … }` is not closed")
    }

    /// If a long bracket (`[[`, `[==[`) opens at `i`, the index after its close.
    private static func longBracketEnd(_ s: [Unicode.Scalar], _ i: Int) -> Int? {
        guard i < s.count, s[i] == "[" else { return nil }
        var j = i + 1
        var level = 0
        while j < s.count && s[j] == "=" {
            level += 1
            j += 1
        }
        guard j < s.count, s[j] == "[" else { return nil }
        let close: [Unicode.Scalar] = ["]"] + Array(repeating: "=", count: level) + ["]"]
        var k = j + 1
        while k + close.count <= s.count {
            if Array(s[k..<(k + close.count)]) == close { return k + close.count }
            k += 1
        }
        return s.count
    }

    /// Checks the header table on top of the stack and turns it into metadata.
    private static func build(from lua: Lua, path: String) throws -> ScriptMetadata {
        func fail(_ what: String) -> WorkbenchError { .message("\(path): script.\(what)") }
        func string(_ key: String, required: Bool) throws -> String? {
            let t = lua.getField(key, in: -1)
            defer { lua.pop() }
            if t == .nil {
                if required { throw fail("\(key) is missing (a string)") }
                return nil
            }
            guard t == .string, let v = lua.string(at: -1) else {
                throw fail("\(key) must be a string, not a \(t.name)")
            }
            return v
        }
        func stringList(_ key: String) throws -> [String] {
            let t = lua.getField(key, in: -1)
            defer { lua.pop() }
            if t == .nil { return [] }
            guard t == .table else { throw fail("\(key) must be a list of strings") }
            var out: [String] = []
            for i in 0..<lua.rawLength(at: -1) {
                lua.getIndex(i + 1, in: -1)
                defer { lua.pop() }
                guard lua.type(at: -1) == .string, let s = lua.string(at: -1) else {
                    throw fail("\(key)[\(i + 1)] must be a string")
                }
                out.append(s)
            }
            return out
        }

        let name = try string("name", required: true)!
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isLetter || $0.isDigit || $0 == "_" || $0 == "-" })
        else {
            throw fail("name must be letters, digits, _ and - (it is how teammates run it: workbench run NAME)")
        }
        let version = try string("version", required: true)!
        guard SemanticVersion(version) != nil else {
            throw fail("version must look like \"1.2.0\", not \"\(version)\"")
        }
        let description = try string("description", required: true)!
        let author = try string("author", required: false)
        let license = try string("license", required: false)
        let categories = try stringList("categories")
        var api = 1
        switch lua.getField("api", in: -1) {
        case .nil: break
        case .string, .number:
            guard let s = lua.string(at: -1), let v = Int(s), v >= 1 else {
                lua.pop()
                throw fail("api must be \"1\" (the API version the script needs)")
            }
            api = v
        default:
            lua.pop()
            throw fail("api must be a string such as \"1\"")
        }
        lua.pop()

        var arguments: [Argument] = []
        switch lua.getField("args", in: -1) {
        case .nil: break
        case .table:
            var names: [String] = []
            lua.forEach(inTable: -1) {
                if let k = lua.string(at: -2), lua.type(at: -2) == .string { names.append(k) }
                return true
            }
            for argName in names.sorted() {
                lua.getField(argName, in: -1)
                defer { lua.pop() }
                guard lua.type(at: -1) == .table else {
                    throw fail("args.\(argName) must be a table such as {type = \"integer\", default = 10}")
                }
                let type = try string("type", required: false) ?? "string"
                guard argumentTypes.contains(type) else {
                    throw fail(
                        "args.\(argName).type must be one of \(argumentTypes.joined(separator: ", ")), not \"\(type)\"")
                }
                let help = try string("help", required: false)
                lua.getField("required", in: -1)
                let required = lua.truthy(at: -1)
                lua.pop()
                var defaultValue: String?
                let dt = lua.getField("default", in: -1)
                switch dt {
                case .nil, .table: break
                case .boolean: defaultValue = lua.truthy(at: -1) ? "true" : "false"
                case .string, .number: defaultValue = lua.string(at: -1)
                default:
                    lua.pop()
                    throw fail(
                        "args.\(argName).default must be a value such as 10, \"text\" or {\"a\", \"b\"}, not a \(dt)")
                }
                lua.pop()
                if dt == .table {
                    // a list's default may be written as a Lua list: default = { "Kyiv", "Lviv" }
                    guard type == "list" else {
                        throw fail("args.\(argName).default is a table, but only a list argument takes one")
                    }
                    let items = try stringList("default")
                    if let bad = items.first(where: { $0.contains(",") }) {
                        throw fail("args.\(argName).default item '\(bad)' contains a comma, which separates list items")
                    }
                    defaultValue = items.joined(separator: ",")
                }
                let choices = try stringList("choices")
                let arg = Argument(
                    name: argName, type: type, help: help, required: required, defaultValue: defaultValue,
                    choices: choices)
                if let d = defaultValue { _ = try arg.convert(d, script: name) }
                arguments.append(arg)
            }
        default:
            lua.pop()
            throw fail("args must be a table of argument declarations")
        }
        lua.pop()

        var tests: [Test] = []
        if lua.getField("tests", in: -1) == .table {
            for i in 0..<lua.rawLength(at: -1) {
                lua.getIndex(i + 1, in: -1)
                defer { lua.pop() }
                guard lua.type(at: -1) == .table else { throw fail("tests[\(i + 1)] must be a table") }
                let testName = try string("name", required: false) ?? "test \(i + 1)"
                let inputs = try stringList("inputs")
                var args: [String: String] = [:]
                if lua.getField("args", in: -1) == .table {
                    lua.forEach(inTable: -1) {
                        if let k = lua.string(at: -2) {
                            args[k] =
                                lua.type(at: -1) == .boolean
                                ? (lua.truthy(at: -1) ? "true" : "false") : (lua.string(at: -1) ?? "")
                        }
                        return true
                    }
                }
                lua.pop()
                let expectFile = try string("expect", required: false)
                let contains = try stringList("expect_contains")
                if expectFile == nil && contains.isEmpty {
                    throw fail("tests[\(i + 1)] needs expect (a file of expected output) or expect_contains")
                }
                var format = ReportDocument.Format.markdown
                if let f = try string("format", required: false) {
                    guard let known = ReportDocument.Format(name: f) else {
                        throw fail("tests[\(i + 1)].format is '\(f)'; use markdown, html, csv or json")
                    }
                    format = known
                }
                tests.append(
                    Test(
                        name: testName, inputs: inputs, args: args, expectFile: expectFile, expectContains: contains,
                        format: format))
            }
        }
        lua.pop()

        return ScriptMetadata(
            name: name, version: version, description: description, author: author, license: license,
            categories: categories, arguments: arguments, api: api, tests: tests)
    }
}

/// A `major.minor.patch` version, comparable.
package struct SemanticVersion: Comparable, Sendable, CustomStringConvertible {
    package var parts: [Int]

    package init?(_ s: String) {
        let p = s.split(separator: ".").map { Int($0) }
        guard (1...3).contains(p.count), p.allSatisfy({ $0 != nil && $0! >= 0 }) else { return nil }
        parts = p.map { $0! } + Array(repeating: 0, count: 3 - p.count)
    }

    package var description: String { parts.map(String.init).joined(separator: ".") }

    package static func < (a: SemanticVersion, b: SemanticVersion) -> Bool {
        a.parts.lexicographicallyPrecedes(b.parts)
    }
}
