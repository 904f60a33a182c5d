import Foundation
import WorkbenchModel

/// A script argument's value, converted to its declared type.
package enum ArgumentValue: Sendable, Equatable {
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case list([String])
}

extension ScriptMetadata.Argument {
    /// Converts text given on the command line (or as a default) to this argument's type.
    /// - Throws: `WorkbenchError.usage` saying what was expected.
    package func convert(_ text: String, script: String) throws -> ArgumentValue {
        func bad(_ expected: String) -> WorkbenchError {
            .usage("argument '\(name)' of \(script) must be \(expected), not '\(text)'")
        }
        if !choices.isEmpty && !choices.contains(text) {
            throw WorkbenchError.usage(
                "argument '\(name)' of \(script) must be one of \(choices.joined(separator: ", ")), not '\(text)'")
        }
        switch type {
        case "integer":
            guard let v = Int(text.trimmingCharacters(in: .whitespaces)) else { throw bad("an integer") }
            return .integer(v)
        case "number":
            guard let v = Double(text.trimmingCharacters(in: .whitespaces)), v.isFinite else { throw bad("a number") }
            return .number(v)
        case "boolean":
            switch text.lowercased() {
            case "true", "yes", "1", "on": return .boolean(true)
            case "false", "no", "0", "off": return .boolean(false)
            default: throw bad("true or false")
            }
        case "date":
            guard text.count == 10, Day(iso: text) != nil else { throw bad("a date written YYYY-MM-DD") }
            return .string(text)
        case "list":
            return .list(
                text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        default:
            return .string(text)
        }
    }
}

/// Turns `--arg name=value` pairs (and an args file) into the typed `args` a script sees.
package enum ScriptArguments {
    /// Reads an args file: a JSON object, or `name=value` lines (`#` comments allowed).
    /// - Throws: `WorkbenchError.usage` for unreadable or malformed files.
    package static func readFile(_ path: String) throws -> [String: String] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbenchError.usage("cannot read the args file \(path)")
        }
        let text = String(decoding: data, as: UTF8.self)
        if text.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("{") {
            guard let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw WorkbenchError.usage("the args file \(path) is not a JSON object")
            }
            var out: [String: String] = [:]
            for (k, v) in obj {
                switch v {
                case let b as Bool: out[k] = b ? "true" : "false"
                case let a as [Any]: out[k] = a.map { "\($0)" }.joined(separator: ",")
                default: out[k] = "\(v)"
                }
            }
            return out
        }
        var out: [String: String] = [:]
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw WorkbenchError.usage("\(path):\(n + 1): expected name=value")
            }
            out[line[..<eq].trimmingCharacters(in: .whitespaces)] = line[line.index(after: eq)...].trimmingCharacters(
                in: .whitespaces)
        }
        return out
    }

    /// Checks and converts the given arguments against the script's declarations.
    /// Without a header every argument is passed as a string, as given.
    /// - Throws: `WorkbenchError.usage` for unknown, missing or ill-typed arguments.
    package static func resolve(_ given: [String: String], metadata: ScriptMetadata?) throws -> [String: ArgumentValue]
    {
        guard let metadata else { return given.mapValues { .string($0) } }
        var out: [String: ArgumentValue] = [:]
        let declared = Set(metadata.arguments.map(\.name))
        for name in given.keys.sorted() where !declared.contains(name) {
            let known = metadata.arguments.map(\.name).sorted()
            let near = Spelling.closest(to: name, in: known).map { "did you mean '\($0)'? " } ?? ""
            throw WorkbenchError.usage(
                "unknown argument '\(name)' for \(metadata.name) (\(near)it takes: \(known.isEmpty ? "no arguments" : known.joined(separator: ", ")); see workbench help \(metadata.name))"
            )
        }
        for arg in metadata.arguments {
            if let text = given[arg.name] {
                out[arg.name] = try arg.convert(text, script: metadata.name)
            } else if let d = arg.defaultValue {
                out[arg.name] = try arg.convert(d, script: metadata.name)
            } else if arg.required {
                throw WorkbenchError.usage(
                    "missing argument '\(arg.name)' for \(metadata.name): give it with --arg \(arg.name)=\(arg.placeholder)"
                )
            }
        }
        return out
    }
}

extension ScriptMetadata.Argument {
    /// How usage text shows the value: INTEGER, YYYY-MM-DD …
    package var placeholder: String {
        switch type {
        case "date": return "YYYY-MM-DD"
        case "boolean": return "true|false"
        case "list": return "A,B,…"
        default: return type.uppercased()
        }
    }
}

extension ScriptMetadata {
    /// The usage text `workbench help SCRIPT` prints.
    package func usage(source: String) -> String {
        var lines: [String] = []
        lines.append("\(name) \(version) — \(description)")
        var facts: [String] = []
        if let author { facts.append("by \(author)") }
        if let license { facts.append(license) }
        if !categories.isEmpty { facts.append("categories: \(categories.joined(separator: ", "))") }
        facts.append("API \(api)")
        facts.append("from \(source)")
        lines.append(facts.joined(separator: " · "))
        lines.append("")
        let argPart = arguments.map {
            $0.required ? "--arg \($0.name)=\($0.placeholder)" : "[--arg \($0.name)=\($0.placeholder)]"
        }.joined(separator: " ")
        lines.append("Usage: workbench run \(name) [PATHS…]\(argPart.isEmpty ? "" : " " + argPart)")
        if !arguments.isEmpty {
            lines.append("")
            lines.append("Arguments:")
            let width = arguments.map(\.name.count).max() ?? 0
            for a in arguments {
                var text =
                    "  " + a.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                    + a.type.padding(toLength: 8, withPad: " ", startingAt: 0) + "  " + (a.help ?? "")
                var notes: [String] = []
                if a.required { notes.append("required") }
                if let d = a.defaultValue { notes.append("default \(d)") }
                if !a.choices.isEmpty { notes.append("one of \(a.choices.joined(separator: ", "))") }
                if !notes.isEmpty { text += " (\(notes.joined(separator: "; ")))" }
                lines.append(text)
            }
        }
        if !tests.isEmpty {
            lines.append("")
            lines.append("Carries \(tests.count) test\(tests.count == 1 ? "" : "s"): workbench test \(name)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
