/// Renders a report as Markdown: readable on a terminal as it is, and as a document anywhere.
enum MarkdownRenderer {
    static func render(_ doc: ReportDocument) -> String {
        var out: [String] = []
        if let t = doc.title { out.append("# " + t) }
        for b in doc.blocks {
            switch b {
            case .heading(let level, let text):
                out.append(String(repeating: "#", count: max(1, min(6, level))) + " " + text)
            case .paragraph(let t):
                out.append(t)
            case .note(let t):
                out.append("_" + t + "_")
            case .list(let items):
                out.append(items.map { "- " + $0 }.joined(separator: "\n"))
            case .table(let title, let columns, let rows):
                var s = title.map { "**\($0)**\n\n" } ?? ""
                s += table(columns: columns, rows: rows)
                out.append(s)
            case .barChart(let title, let unit, let labels, let values):
                var s = title.map { "**\($0)**\n\n" } ?? ""
                s += "```\n" + bars(labels: labels, values: values, unit: unit) + "```"
                out.append(s)
            case .timeline(let title, let items):
                var s = title.map { "**\($0)**\n\n" } ?? ""
                s += items.map { item in
                    let when = item.end.map { "\(item.date) → \($0)" } ?? item.date
                    let kind = item.kind.map { " · \(symbol($0)) \($0)" } ?? ""
                    return "- **\(when)**\(kind) — \(item.label)"
                }.joined(separator: "\n")
                out.append(s)
            case .seriesChart(_, let title, let unit, let labels, let series):
                // a table in Markdown: one row per label, one column per series
                var s = title.map { "**\($0)**\n\n" } ?? ""
                let rows = labels.indices.map { i in
                    [ReportDocument.Cell.text(labels[i])]
                        + series.map { $0.values[i].map(ReportDocument.Cell.number) ?? .text("") }
                }
                s += table(columns: [unit.map { "label (\($0))" } ?? "label"] + series.map(\.name), rows: rows)
                out.append(s)
            case .citation(let text, let source, let note, let url):
                var s =
                    "> " + text.replacingOccurrences(of: "\n", with: "\n> ") + "\n> — "
                    + (url.map { "[\(source)](\($0))" } ?? source)
                if let note { s += " (" + note + ")" }
                out.append(s)
            }
        }
        return out.joined(separator: "\n\n") + "\n"
    }

    /// A pipe table with padded columns; numbers right-aligned.
    static func table(columns: [String], rows: [[ReportDocument.Cell]]) -> String {
        let n = columns.count
        let numeric = (0..<n).map { c in
            !rows.isEmpty && rows.allSatisfy { c >= $0.count || $0[c].isNumber || $0[c].text.isEmpty }
        }
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        var widths = columns.map { max(3, cell($0).count) }
        // a flagged cell (sources disagree) carries a mark the reader can see in plain text
        func shown(_ c: ReportDocument.Cell) -> String { c.flag != nil ? c.text + " ⚑" : c.text }
        for r in rows { for c in 0..<min(n, r.count) { widths[c] = max(widths[c], cell(shown(r[c])).count) } }
        func pad(_ s: String, _ c: Int) -> String {
            let t = cell(s)
            let fill = String(repeating: " ", count: max(0, widths[c] - t.count))
            return numeric[c] ? fill + t : t + fill
        }
        var lines: [String] = []
        lines.append("| " + (0..<n).map { pad(columns[$0], $0) }.joined(separator: " | ") + " |")
        lines.append(
            "|"
                + (0..<n).map { c in
                    numeric[c]
                        ? String(repeating: "-", count: widths[c] + 1) + ":"
                        : String(repeating: "-", count: widths[c] + 2)
                }.joined(separator: "|") + "|")
        for r in rows {
            lines.append(
                "| " + (0..<n).map { c in pad(c < r.count ? shown(r[c]) : "", c) }.joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }

    /// Text bars scaled to 40 cells.
    static func bars(labels: [String], values: [Double], unit: String?) -> String {
        let width = min(32, labels.map(\.count).max() ?? 0)
        let maxValue = max(values.max() ?? 0, 0)
        var s = ""
        for (label, value) in zip(labels, values) {
            let l = label.count > width ? String(label.prefix(width - 1)) + "…" : label
            let cells = maxValue > 0 ? Int((max(0, value) / maxValue * 40).rounded()) : 0
            let bar = String(repeating: "█", count: cells) + (value > 0 && cells == 0 ? "▏" : "")
            s +=
                l.padding(toLength: width, withPad: " ", startingAt: 0) + "  "
                + bar.padding(toLength: 40, withPad: " ", startingAt: 0)
                + "  " + ReportDocument.withUnit(value, unit) + "\n"
        }
        return s
    }

    /// A marker for a verdict kind.
    static func symbol(_ kind: String) -> String {
        switch kind {
        case "violation": return "▲"
        case "unclear": return "?"
        case "outside scope": return "○"
        case "no violation reported", "agreed", "updated": return "✓"
        case "differs", "unconfirmed": return "?"
        case "contradiction": return "▲"
        default: return "•"
        }
    }
}
