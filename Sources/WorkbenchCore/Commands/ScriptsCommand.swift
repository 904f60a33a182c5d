/// `workbench scripts …` and `workbench help SCRIPT`: finding and describing scripts.
package enum ScriptsCommand {
    /// Prints name, version, description and origin of every script on the search path.
    package static func list(category: String?) -> Int32 {
        var rows: [[String]] = []
        for e in ScriptLocator.all() {
            if let category, !(e.metadata?.categories.contains(category) ?? false) { continue }
            let version = e.metadata?.version ?? "-"
            let description = e.metadata?.description ?? (e.problem.map { "(header problem: \($0))" } ?? "(no header)")
            rows.append([e.name, version, description, e.source])
        }
        if rows.isEmpty {
            StandardStreams.write(category.map { "no scripts in category \($0)\n" } ?? "no scripts on the search path (\(ScriptLocator.searchPath().joined(separator: ", ")))\n")
            return ExitStatus.success
        }
        let headers = ["name", "version", "description", "from"]
        var widths = headers.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < 3 { widths[i] = min(60, max(widths[i], c.count)) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                guard i < 3 else { return c }
                // a description too long for its column ends with an ellipsis, never mid-word silently
                let fitted = c.count > widths[i] ? String(c.prefix(widths[i] - 1)) + "…" : c
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
            StandardStreams.error("workbench: no script '\(name)' (looked for the file, then in \(ScriptLocator.searchPath().joined(separator: ", ")))")
            return ExitStatus.usage
        }
        do {
            guard let m = try ScriptMetadata.read(path: path) else {
                StandardStreams.write("\(path) has no header: add a `script = { name = …, version = …, description = …, args = { … } }` table at the top\n")
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
