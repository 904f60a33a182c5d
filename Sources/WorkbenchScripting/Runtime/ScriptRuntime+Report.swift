import Foundation
import WorkbenchLua

/// The report a script builds through `workbench.report`, kept on the Swift side as it is built.
///
/// Each block is converted when the script adds it (model objects through their `tostring`, under the
/// run's budget), and its size is charged to the script's memory limit. Because the document lives
/// here and not in Lua, it can be rendered after any stop, even by the watchdog's thread.
package final class ReportCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var document = ReportDocument()
    /// Bytes of text the blocks hold (charged to the script's memory limit).
    private(set) var bytes = 0
    /// Set once the report has been written, so it is never written twice.
    private var delivered = false

    /// The document so far (nil when empty).
    package var current: ReportDocument? {
        lock.lock()
        defer { lock.unlock() }
        return document.blocks.isEmpty && document.title == nil ? nil : document
    }

    func add(_ block: ReportDocument.Block, bytes: Int) {
        lock.lock()
        defer { lock.unlock() }
        document.blocks.append(block)
        self.bytes += bytes
    }

    func setTitle(_ title: String) {
        lock.lock()
        defer { lock.unlock() }
        document.title = title
    }

    func clear() {
        lock.lock()
        defer { lock.unlock() }
        document = ReportDocument()
        bytes = 0
    }

    /// Hands the document over for writing once: nil when it is empty or was taken already.
    package func takeForDelivery() -> ReportDocument? {
        lock.lock()
        defer { lock.unlock() }
        guard !delivered, !(document.blocks.isEmpty && document.title == nil) else { return nil }
        delivered = true
        return document
    }
}

/// The `workbench._report_*` functions behind `workbench.report`.
extension ScriptRuntime {
    /// The report the script built (nil when it never used `workbench.report`, or left it empty).
    package func collectedReport() -> ReportDocument? { reportCollector.current }

    /// Installs `_report_add`, `_report_title`, `_report_clear` and `_render_report` in `workbench`.
    func installReportFunctions() {
        lua.getGlobal("workbench")
        lua.push(function: { [unowned self] l in
            try l.checkTable(1)
            do {
                let (block, size) = try self.readBlock(at: 1, on: l)
                try self.state.meter(bytes: self.reportCollector.bytes + size)
                self.reportCollector.add(block, bytes: size)
                l.push(true)
                return 1
            } catch let problem as ReportProblem {
                l.pushNil()
                l.push(problem.message)
                return 2
            }
        })
        lua.setField("_report_add", in: -2)
        lua.push(function: { [unowned self] l in
            self.reportCollector.setTitle(try l.checkString(1))
            return 0
        })
        lua.setField("_report_title", in: -2)
        lua.push(function: { [unowned self] _ in
            self.reportCollector.clear()
            return 0
        })
        lua.setField("_report_clear", in: -2)
        lua.push(function: { [unowned self] l in
            let name = try l.optString(1) ?? "markdown"
            guard let format = ReportDocument.Format(name: name) else {
                throw LuaArgumentError(1, "format must be markdown, html, csv or json, not '\(name)'")
            }
            let text = (self.reportCollector.current ?? ReportDocument()).render(format)
            try self.state.meter(bytes: text.utf8.count)
            l.push(text)
            return 1
        })
        lua.setField("_render_report", in: -2)
        lua.pop()
    }
}

/// Why a block cannot go into a report (raised by report.lua at the script's line).
struct ReportProblem: Error {
    var message: String
}

/// Converting block tables built by report.lua.
extension ScriptRuntime {
    /// Converts the block table at `t`, with the text bytes it holds.
    private func readBlock(at t: Int32, on l: Lua) throws -> (ReportDocument.Block, Int) {
        var size = 0
        func text(_ name: String) -> String? {
            let s = field(t, name, on: l)
            size += s?.utf8.count ?? 0
            return s
        }
        func cells(_ name: String) throws -> [ReportDocument.Cell] {
            let c = try list(t, name, on: l)
            size += c.reduce(0) { $0 + $1.text.utf8.count + 8 }
            return c
        }
        switch field(t, "type", on: l) ?? "" {
        case "heading":
            l.getField("level", in: t)
            let level = l.integer(at: -1) ?? 2
            l.pop()
            return (.heading(level: level, text: text("text") ?? ""), size)
        case "paragraph": return (.paragraph(text("text") ?? ""), size)
        case "note": return (.note(text("text") ?? ""), size)
        case "list": return (.list(try cells("items").map(\.text)), size)
        case "table":
            let columns = try cells("columns").map(\.text)
            let rows = try tableRows(of: t, columns: columns, on: l, size: &size)
            return (.table(title: text("title"), columns: columns, rows: rows), size)
        case "bar_chart":
            let labels = try cells("labels").map(\.text)
            var values: [Double] = []
            for (i, c) in try cells("values").enumerated() {
                guard case .number(let d) = c else {
                    throw ReportProblem(
                        message: "the value for '\(i < labels.count ? labels[i] : String(i + 1))' is not a number")
                }
                values.append(d)
            }
            return (.barChart(title: text("title"), unit: text("unit"), labels: labels, values: values), size)
        case "timeline":
            let items = timelineItems(of: t, on: l, size: &size)
            return (.timeline(title: text("title"), items: items), size)
        case "line_chart", "grouped_bar_chart":
            let kind: ReportDocument.SeriesChartKind = field(t, "type", on: l) == "line_chart" ? .line : .groupedBars
            let labels = try cells("labels").map(\.text)
            let series = try self.series(of: t, labelCount: labels.count, on: l, size: &size)
            return (
                .seriesChart(kind: kind, title: text("title"), unit: text("unit"), labels: labels, series: series), size
            )
        case "citation":
            return (
                .citation(text: text("text") ?? "", source: text("source") ?? "", note: text("note"), url: text("url")),
                size
            )
        case let other:
            throw ReportProblem(message: "unknown report block type '\(other)'")
        }
    }

    /// The `rows` of the table block at `t`, one cell per column, metered as they grow.
    private func tableRows(of t: Int32, columns: [String], on l: Lua, size: inout Int) throws
        -> [[ReportDocument.Cell]]
    {
        defer { l.pop() }
        guard l.getField("rows", in: t) == .table else { return [] }
        let r = l.absolute(-1)
        var rows: [[ReportDocument.Cell]] = []
        for i in 0..<l.rawLength(at: r) {
            l.getIndex(i + 1, in: r)
            let row = l.absolute(-1)
            var out: [ReportDocument.Cell] = []
            for c in 0..<columns.count {
                l.getIndex(c + 1, in: row)
                let cell = try self.cell(at: -1, on: l, what: "row \(i + 1), column '\(columns[c])'")
                size += cell.text.utf8.count + 8
                out.append(cell)
                l.pop()
            }
            rows.append(out)
            l.pop()
            if i & 1023 == 1023 { try state.meter(bytes: reportCollector.bytes + size) }
        }
        return rows
    }

    /// The `items` of the timeline block at `t`.
    private func timelineItems(of t: Int32, on l: Lua, size: inout Int) -> [ReportDocument.TimelineItem] {
        defer { l.pop() }
        guard l.getField("items", in: t) == .table else { return [] }
        let list = l.absolute(-1)
        var items: [ReportDocument.TimelineItem] = []
        for i in 0..<l.rawLength(at: list) {
            l.getIndex(i + 1, in: list)
            let it = l.absolute(-1)
            let item = ReportDocument.TimelineItem(
                date: field(it, "date", on: l) ?? "", end: field(it, "end", on: l),
                label: field(it, "label", on: l) ?? "", kind: field(it, "kind", on: l))
            size += item.label.utf8.count + 32
            items.append(item)
            l.pop()
        }
        return items
    }

    /// The `series` of the chart block at `t`, each aligned to the `labelCount` labels.
    private func series(of t: Int32, labelCount: Int, on l: Lua, size: inout Int) throws -> [ReportDocument.Series] {
        defer { l.pop() }
        guard l.getField("series", in: t) == .table else { return [] }
        let list = l.absolute(-1)
        var series: [ReportDocument.Series] = []
        for i in 0..<l.rawLength(at: list) {
            l.getIndex(i + 1, in: list)
            let s = l.absolute(-1)
            let name = field(s, "name", on: l) ?? "series \(i + 1)"
            // report.lua aligns every series to the labels, with false where a series has no value
            let values = try self.list(s, "values", on: l).map { c -> Double? in
                if case .number(let d) = c { return d } else { return nil }
            }
            size += name.utf8.count + values.count * 8
            series.append(
                ReportDocument.Series(name: name, values: (0..<labelCount).map { $0 < values.count ? values[$0] : nil })
            )
            l.pop()
        }
        return series
    }

    /// A string field of the table at `t` (numbers converted), or nil.
    private func field(_ t: Int32, _ name: String, on l: Lua) -> String? {
        l.getField(name, in: t)
        defer { l.pop() }
        switch l.type(at: -1) {
        case .string, .number: return l.string(at: -1)
        default: return nil
        }
    }

    /// The cells of a list field.
    private func list(_ t: Int32, _ name: String, on l: Lua) throws -> [ReportDocument.Cell] {
        guard l.getField(name, in: t) == .table else {
            l.pop()
            return []
        }
        let list = l.absolute(-1)
        var out: [ReportDocument.Cell] = []
        for i in 0..<l.rawLength(at: list) {
            l.getIndex(i + 1, in: list)
            out.append(try cell(at: -1, on: l, what: "\(name)[\(i + 1)]"))
            l.pop()
        }
        l.pop()
        return out
    }

    /// A cell from any Lua value (model objects through their tostring); numbers must be finite.
    private func cell(at index: Int32, on l: Lua, what: String) throws -> ReportDocument.Cell {
        if l.type(at: index) == .table {
            // report.flag(value, note): the value, marked
            let t = l.absolute(index)
            let isFlag = l.getField("__report_flag", in: t) == .boolean
            l.pop()
            if isFlag {
                l.getField("value", in: t)
                let inner = try cell(at: -1, on: l, what: what)
                l.pop()
                l.getField("note", in: t)
                defer { l.pop() }
                return .flagged(inner, note: l.string(at: -1) ?? "")
            }
        }
        switch l.type(at: index) {
        case .number:
            let d = l.number(at: index) ?? 0
            guard d.isFinite else {
                throw ReportProblem(
                    message: "\(what) is \(d.isNaN ? "nan" : d > 0 ? "inf" : "-inf"); reports take finite numbers only")
            }
            return .number(d)
        case .string: return .text(l.string(at: index) ?? "")
        case .nil: return .text("")
        case .boolean: return .text(l.truthy(at: index) ? "yes" : "no")
        default:
            let value = l.absolute(index)
            l.getGlobal("tostring")
            l.pushValue(at: value)
            try state.call(nargs: 1, nresults: 1, on: l)
            defer { l.pop() }
            return .text(l.string(at: -1) ?? "")
        }
    }
}
