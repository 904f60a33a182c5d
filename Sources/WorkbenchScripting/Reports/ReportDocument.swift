import Foundation

/// A report built by a script through `workbench.report`: a title and blocks, rendered once at the end.
package struct ReportDocument: Sendable {
    /// A table cell: text, or a number (right-aligned, formatted).
    package enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        /// A value marked for the reader (a figure the sources disagree on), with why.
        indirect case flagged(Cell, note: String)

        package var text: String {
            switch self {
            case .text(let s): return s
            case .number(let d): return ReportDocument.format(d)
            case .flagged(let c, _): return c.text
            }
        }

        package var isNumber: Bool {
            switch self {
            case .number: return true
            case .flagged(let c, _): return c.isNumber
            case .text: return false
            }
        }

        /// Why the cell is marked, when it is.
        package var flag: String? { if case .flagged(_, let note) = self { return note } else { return nil } }
    }

    /// One point or span on a timeline.
    package struct TimelineItem: Sendable, Equatable {
        package var date: String
        package var end: String?
        package var label: String
        package var kind: String?
    }

    /// One named series of a line or grouped bar chart: a value per label, nil where it has none.
    package struct Series: Sendable, Equatable {
        package var name: String
        package var values: [Double?]
    }

    /// Charts of several series over shared labels.
    package enum SeriesChartKind: String, Sendable {
        case line = "line_chart"
        case groupedBars = "grouped_bar_chart"
    }

    package enum Block: Sendable, Equatable {
        case heading(level: Int, text: String)
        case paragraph(String)
        case note(String)
        case list([String])
        case table(title: String?, columns: [String], rows: [[Cell]])
        case barChart(title: String?, unit: String?, labels: [String], values: [Double])
        case seriesChart(kind: SeriesChartKind, title: String?, unit: String?, labels: [String], series: [Series])
        case timeline(title: String?, items: [TimelineItem])
        /// An evidence sentence, where it is, an optional note, and the article's URL when known.
        case citation(text: String, source: String, note: String?, url: String?)
    }

    package var title: String?
    package var blocks: [Block]

    package init(title: String? = nil, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// Output formats.
    package enum Format: String, CaseIterable, Sendable {
        case markdown, html, csv, json

        /// The format an output file's extension asks for.
        package static func forFile(_ path: String) -> Format? {
            switch (path as NSString).pathExtension.lowercased() {
            case "md", "markdown", "txt": return .markdown
            case "html", "htm": return .html
            case "csv": return .csv
            case "json": return .json
            default: return nil
            }
        }

        /// Accepts md/markdown/html/csv/json.
        package init?(name: String) {
            switch name.lowercased() {
            case "md", "markdown": self = .markdown
            case "html", "htm": self = .html
            case "csv": self = .csv
            case "json": self = .json
            default: return nil
            }
        }
    }

    /// Renders the document.
    package func render(_ format: Format) -> String {
        switch format {
        case .markdown: return MarkdownRenderer.render(self)
        case .html: return HTMLRenderer.render(self)
        case .csv: return renderCSV()
        case .json: return renderJSON()
        }
    }

    /// A number as a person would write it: integers plainly, others with up to two decimals.
    package static func format(_ d: Double) -> String {
        guard d.isFinite else { return d.isNaN ? "nan" : d > 0 ? "inf" : "-inf" }
        if abs(d) >= 1e15 { return String(format: "%.6g", d) }
        if d == d.rounded() { return String(Int(d)) }
        var s = String(format: "%.2f", d)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// A value followed by its unit (" 1 quote", " 3 quotes": a plural unit loses its s for exactly 1).
    package static func withUnit(_ d: Double, _ unit: String?) -> String {
        guard var unit, !unit.isEmpty else { return format(d) }
        if d == 1, unit.count > 2, unit.hasSuffix("s"), !unit.hasSuffix("ss") {
            if unit.hasSuffix("ies") {
                unit.removeLast(3)
                unit += "y"
            } else if ["ches", "shes", "sses", "xes"].contains(where: unit.hasSuffix) {
                unit.removeLast(2)
            } else {
                unit.removeLast()
            }
        }
        return format(d) + " " + unit
    }

    /// The tables and charts as tables (a chart is its labels and values), each with a file name
    /// (`01-weapons.csv`) for a report written as a folder of CSV files.
    package func csvTables() -> [(file: String, title: String?, columns: [String], rows: [[String]])] {
        var tables: [(String?, [String], [[String]])] = []
        for b in blocks {
            switch b {
            case .table(let t, let c, let r): tables.append((t, c, r.map { $0.map(\.text) }))
            case .barChart(let t, let unit, let labels, let values):
                tables.append(
                    (t, ["label", unit ?? "value"], zip(labels, values).map { [$0, ReportDocument.format($1)] }))
            case .seriesChart(_, let t, _, let labels, let series):
                let rows = labels.indices.map { i in
                    [labels[i]] + series.map { $0.values[i].map(ReportDocument.format) ?? "" }
                }
                tables.append((t, ["label"] + series.map(\.name), rows))
            default: break
            }
        }
        let width = tables.count >= 100 ? 3 : 2
        return tables.enumerated().map { n, t in
            let number = String(repeating: "0", count: max(0, width - String(n + 1).count)) + String(n + 1)
            return ("\(number)-\(Self.slug(t.0 ?? t.1.first ?? "table")).csv", t.0, t.1, t.2)
        }
    }

    /// "Weapons by night (log)" → "weapons-by-night-log".
    static func slug(_ title: String) -> String {
        var out = ""
        for ch in title.lowercased() {
            if ch.isLetter || ch.isNumber {
                out.append(ch)
            } else if !out.isEmpty && !out.hasSuffix("-") {
                out.append("-")
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "table" : String(out.prefix(60))
    }

    /// CSV text: one table as it is; several (for standard output or `report.render`) separated by a
    /// blank line, each preceded by its title. Written to a file, a report is a folder of CSVs instead.
    private func renderCSV() -> String {
        let tables = csvTables()
        if tables.count == 1 { return CSVTable.format(columns: tables[0].columns, rows: tables[0].rows) }
        return tables.map { t in
            (t.title.map { CSVTable.format(columns: [$0], rows: []) } ?? "")
                + CSVTable.format(columns: t.columns, rows: t.rows)
        }.joined(separator: "\n")
    }

    private func renderJSON() -> String {
        func str(_ s: String?) -> Any { s ?? NSNull() }
        // JSON has no inf or nan (the report functions refuse them; null here keeps the output valid regardless)
        func number(_ d: Double) -> Any { d.isFinite ? d : NSNull() }
        let items: [[String: Any]] = blocks.map { b in
            switch b {
            case .heading(let l, let t): return ["type": "heading", "level": l, "text": t]
            case .paragraph(let t): return ["type": "paragraph", "text": t]
            case .note(let t): return ["type": "note", "text": t]
            case .list(let items): return ["type": "list", "items": items]
            case .table(let t, let c, let r):
                return [
                    "type": "table", "title": str(t), "columns": c,
                    "rows": r.map {
                        $0.map { cell -> Any in
                            func plain(_ c: Cell) -> Any {
                                if case .number(let d) = c { return number(d) } else { return c.text }
                            }
                            if case .flagged(let inner, let note) = cell {
                                return ["value": plain(inner), "flag": note]
                            }
                            return plain(cell)
                        }
                    },
                ]
            case .barChart(let t, let u, let l, let v):
                return ["type": "bar_chart", "title": str(t), "unit": str(u), "labels": l, "values": v.map(number)]
            case .timeline(let t, let items):
                return [
                    "type": "timeline", "title": str(t),
                    "items": items.map {
                        ["date": $0.date, "end": str($0.end), "label": $0.label, "kind": str($0.kind)] as [String: Any]
                    },
                ]
            case .seriesChart(let kind, let t, let u, let l, let series):
                return [
                    "type": kind.rawValue, "title": str(t), "unit": str(u), "labels": l,
                    "series": series.map {
                        ["name": $0.name, "values": $0.values.map { $0.map(number) ?? NSNull() }] as [String: Any]
                    },
                ]
            case .citation(let t, let s, let n, let url):
                return ["type": "citation", "text": t, "source": s, "note": str(n), "url": str(url)]
            }
        }
        let object: [String: Any] = ["title": str(title), "blocks": items]
        do {
            let data = try JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("a report document that JSON cannot hold: \(error)")
        }
    }
}
