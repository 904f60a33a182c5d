import WorkbenchLua
import WorkbenchModel

extension ScriptMetadata {
    /// Reads the header table on top of a Lua stack into metadata, field by field, naming the first wrong one.
    struct HeaderReader {
        let lua: Lua
        /// The script file, for messages.
        let path: String

        /// The metadata the table declares.
        /// - Throws: `WorkbenchError` naming the field that is missing or has the wrong type.
        func metadata() throws -> ScriptMetadata {
            let name = try string("name", required: true)!
            guard !name.isEmpty,
                name.unicodeScalars.allSatisfy({ $0.isLetter || $0.isDigit || $0 == "_" || $0 == "-" })
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
            let api = try api()
            let arguments = try arguments(script: name)
            return ScriptMetadata(
                name: name, version: version, description: description, author: author, license: license,
                categories: categories, arguments: arguments, api: api, tests: try tests())
        }

        /// An error about field `what` of the header.
        private func fail(_ what: String) -> WorkbenchError { .message("\(path): script.\(what)") }

        /// The string field `key` of the table on top of the stack.
        private func string(_ key: String, required: Bool) throws -> String? {
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

        /// The list-of-strings field `key` of the table on top of the stack (empty when absent).
        private func stringList(_ key: String) throws -> [String] {
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

        /// The API version the script needs (`api = "1"`, 1 when absent).
        private func api() throws -> Int {
            let t = lua.getField("api", in: -1)
            defer { lua.pop() }
            switch t {
            case .nil: return 1
            case .string, .number:
                guard let s = lua.string(at: -1), let v = Int(s), v >= 1 else {
                    throw fail("api must be \"1\" (the API version the script needs)")
                }
                return v
            default: throw fail("api must be a string such as \"1\"")
            }
        }

        /// The declared arguments (`args = { top = {type = "integer", default = 10} }`), by name.
        private func arguments(script: String) throws -> [Argument] {
            let t = lua.getField("args", in: -1)
            defer { lua.pop() }
            switch t {
            case .nil: return []
            case .table:
                var names: [String] = []
                lua.forEach(inTable: -1) {
                    if let k = lua.string(at: -2), lua.type(at: -2) == .string { names.append(k) }
                    return true
                }
                return try names.sorted().map { try argument($0, script: script) }
            default: throw fail("args must be a table of argument declarations")
            }
        }

        /// The declaration of argument `argName` in the `args` table on top of the stack.
        private func argument(_ argName: String, script: String) throws -> Argument {
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
            let arg = Argument(
                name: argName, type: type, help: help, required: required,
                defaultValue: try defaultValue(of: argName, type: type), choices: try stringList("choices"))
            if let d = arg.defaultValue { _ = try arg.convert(d, script: script) }
            return arg
        }

        /// The default of argument `argName` as text (a list's items joined with commas), if it has one.
        private func defaultValue(of argName: String, type: String) throws -> String? {
            let dt = lua.getField("default", in: -1)
            switch dt {
            case .nil:
                lua.pop()
                return nil
            case .boolean:
                defer { lua.pop() }
                return lua.truthy(at: -1) ? "true" : "false"
            case .string, .number:
                defer { lua.pop() }
                return lua.string(at: -1)
            case .table:
                lua.pop()
                // a list's default may be written as a Lua list: default = { "Kyiv", "Lviv" }
                guard type == "list" else {
                    throw fail("args.\(argName).default is a table, but only a list argument takes one")
                }
                let items = try stringList("default")
                if let bad = items.first(where: { $0.contains(",") }) {
                    throw fail("args.\(argName).default item '\(bad)' contains a comma, which separates list items")
                }
                return items.joined(separator: ",")
            default:
                lua.pop()
                throw fail(
                    "args.\(argName).default must be a value such as 10, \"text\" or {\"a\", \"b\"}, not a \(dt)")
            }
        }

        /// The script's own tests (`tests = { {inputs = {…}, expect = "…"} }`).
        private func tests() throws -> [Test] {
            defer { lua.pop() }
            guard lua.getField("tests", in: -1) == .table else { return [] }
            return try (0..<lua.rawLength(at: -1)).map { i in
                lua.getIndex(i + 1, in: -1)
                defer { lua.pop() }
                guard lua.type(at: -1) == .table else { throw fail("tests[\(i + 1)] must be a table") }
                return try test(number: i + 1)
            }
        }

        /// Test number `n` (1-based), the table on top of the stack.
        private func test(number n: Int) throws -> Test {
            let testName = try string("name", required: false) ?? "test \(n)"
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
                throw fail("tests[\(n)] needs expect (a file of expected output) or expect_contains")
            }
            var format = ReportDocument.Format.markdown
            if let f = try string("format", required: false) {
                guard let known = ReportDocument.Format(name: f) else {
                    throw fail("tests[\(n)].format is '\(f)'; use markdown, html, csv or json")
                }
                format = known
            }
            return Test(
                name: testName, inputs: inputs, args: args, expectFile: expectFile, expectContains: contains,
                format: format)
        }
    }
}
