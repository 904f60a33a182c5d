import Foundation
import WorkbenchModel
import WorkbenchScripting

/// `workbench scripts …` and `workbench help SCRIPT`: finding and describing scripts.
package enum ScriptsCommand {
    /// The key name `scripts keygen` uses when none is given: the user's name, else "workbench".
    package static func defaultKeyName() -> String {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ""
        return ScriptSigning.isKeyName(user) ? user : "workbench"
    }

    /// Prints name, version, signer, origin and description of every script on the search path.
    package static func list(category: String?) -> Int32 {
        var rows: [[String]] = []
        let builtins = ScriptLocator.builtinNames()
        for e in ScriptLocator.all() {
            if let category, !(e.metadata?.categories.contains(category) ?? false) { continue }
            let version = e.metadata?.version ?? "-"
            var description = e.metadata?.description ?? (e.problem.map { "(header problem: \($0))" } ?? "(no header)")
            if !e.builtin, builtins.contains(e.name), e.source != "Scripts" {
                description = "(shadows the built-in) " + description
            }
            let signer: String
            if e.builtin {
                signer = "built-in"
            } else if let r = e.install {
                signer = r.signer.map { "\($0) (\(r.fingerprint ?? "?"))" } ?? "unsigned"
            } else {
                signer = "-"
            }
            let from = e.builtin ? "the workbench" : e.install.map { $0.git ?? $0.origin } ?? e.source
            rows.append([e.name, version, signer, from, description])
        }
        if rows.isEmpty {
            StandardStreams.write(
                category.map { "no scripts in category \($0)\n" }
                    ?? "no scripts on the search path (\(ScriptLocator.searchPath().joined(separator: ", ")))\n")
            return ExitStatus.success
        }
        let headers = ["name", "version", "signer", "from", "description"]
        var widths = headers.map(\.count)
        for r in rows {
            for (i, c) in r.enumerated() where i < 4 { widths[i] = min(i == 3 ? 80 : 32, max(widths[i], c.count)) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                guard i < 4 else { return c }
                // a cell too long for its column ends with an ellipsis, never cut silently
                let fitted =
                    c.count > widths[i]
                    ? (i == 3 ? "…" + String(c.suffix(widths[i] - 1)) : String(c.prefix(widths[i] - 1)) + "…") : c
                return fitted.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }
            .joined(separator: "  ")
        }
        StandardStreams.write(line(headers) + "\n")
        for r in rows { StandardStreams.write(line(r) + "\n") }
        return ExitStatus.success
    }

    /// Prints the usage generated from a script's header.
    package static func help(_ name: String) -> Int32 {
        guard let path = ScriptLocator.find(name) else {
            StandardStreams.error("workbench: " + ScriptLocator.notFound(name))
            return ExitStatus.usage
        }
        do {
            guard let m = try ScriptMetadata.read(path: path) else {
                StandardStreams.write(
                    "\(path) has no header: add a `script = { name = …, version = …, description = …, args = { … } }` table at the top\n"
                )
                return ExitStatus.success
            }
            StandardStreams.write(m.usage(source: path))
            return ExitStatus.success
        } catch {
            StandardStreams.error("workbench: \(error)")
            return ExitStatus.failure
        }
    }
}
