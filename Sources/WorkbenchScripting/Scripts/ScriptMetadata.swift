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
        return try HeaderReader(lua: lua, path: path).metadata()
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
