/// Reading the report a script built with `workbench.report` out of Lua.
extension ScriptRuntime {
    /// The report the script built (nil when it never used `workbench.report`, or left it empty).
    package func collectedReport() -> ReportDocument? {
        let top = lua.top
        defer { lua.top = top }
        lua.getGlobal("package")
        lua.getField("loaded", in: -1)
        guard lua.getField("workbench.report", in: -1) == .table else { return nil }
        guard lua.getField("_document", in: -1) == .table else { return nil }
        let doc = readDocument(at: lua.absolute(-1))
        return doc.blocks.isEmpty && doc.title == nil ? nil : doc
    }

    /// `workbench._render_report(document, format)`: renders a document table now.
    func installReportRenderer() {
        lua.getGlobal("workbench")
        lua.push(function: { [unowned self] l in
            try l.checkTable(1)
            let name = try l.optString(2) ?? "markdown"
            guard let format = ReportDocument.Format(name: name) else {
                throw LuaArgumentError(2, "format must be markdown, html, csv or json, not '\(name)'")
            }
            l.push(self.readDocument(at: 1).render(format))
            return 1
        })
        lua.setField("_render_report", in: -2)
        lua.pop()
    }

    /// Converts the document table at `index`.
    private func readDocument(at index: Int32) -> ReportDocument {
        var doc = ReportDocument()
        if lua.getField("title", in: index) == .string { doc.title = lua.string(at: -1) }
        lua.pop()
        guard lua.getField("blocks", in: index) == .table else { lua.pop(); return doc }
        let blocks = lua.absolute(-1)
        for i in 0..<lua.rawLength(at: blocks) {
            lua.getIndex(i + 1, in: blocks)
            if lua.type(at: -1) == .table, let b = readBlock(at: lua.absolute(-1)) { doc.blocks.append(b) }
            lua.pop()
        }
        lua.pop()
        return doc
    }

    private func readBlock(at t: Int32) -> ReportDocument.Block? {
        let type = field(t, "type") ?? ""
        switch type {
        case "heading":
            lua.getField("level", in: t)
            let level = lua.integer(at: -1) ?? 2
            lua.pop()
            return .heading(level: level, text: field(t, "text") ?? "")
        case "paragraph": return .paragraph(field(t, "text") ?? "")
        case "note": return .note(field(t, "text") ?? "")
        case "list": return .list(list(t, "items").map { $0.text })
        case "table":
            let columns = list(t, "columns").map { $0.text }
            var rows: [[ReportDocument.Cell]] = []
            if lua.getField("rows", in: t) == .table {
                let r = lua.absolute(-1)
                for i in 0..<lua.rawLength(at: r) {
                    lua.getIndex(i + 1, in: r)
                    let row = lua.absolute(-1)
                    var cells: [ReportDocument.Cell] = []
                    for c in 0..<columns.count {
                        lua.getIndex(c + 1, in: row)
                        cells.append(cell(at: -1))
                        lua.pop()
                    }
                    rows.append(cells)
                    lua.pop()
                }
            }
            lua.pop()
            return .table(title: field(t, "title"), columns: columns, rows: rows)
        case "bar_chart":
            let labels = list(t, "labels").map { $0.text }
            let values = list(t, "values").map { c -> Double in if case .number(let d) = c { return d } else { return Double(c.text) ?? 0 } }
            return .barChart(title: field(t, "title"), unit: field(t, "unit"), labels: labels, values: values)
        case "timeline":
            var items: [ReportDocument.TimelineItem] = []
            if lua.getField("items", in: t) == .table {
                let list = lua.absolute(-1)
                for i in 0..<lua.rawLength(at: list) {
                    lua.getIndex(i + 1, in: list)
                    let it = lua.absolute(-1)
                    items.append(.init(date: field(it, "date") ?? "", end: field(it, "end"), label: field(it, "label") ?? "", kind: field(it, "kind")))
                    lua.pop()
                }
            }
            lua.pop()
            return .timeline(title: field(t, "title"), items: items)
        case "citation":
            return .citation(text: field(t, "text") ?? "", source: field(t, "source") ?? "", note: field(t, "note"))
        default:
            return nil
        }
    }

    /// A string field of the table at `t` (numbers converted), or nil.
    private func field(_ t: Int32, _ name: String) -> String? {
        lua.getField(name, in: t)
        defer { lua.pop() }
        switch lua.type(at: -1) {
        case .string, .number: return lua.string(at: -1)
        default: return nil
        }
    }

    /// The cells of a list field.
    private func list(_ t: Int32, _ name: String) -> [ReportDocument.Cell] {
        guard lua.getField(name, in: t) == .table else { lua.pop(); return [] }
        let l = lua.absolute(-1)
        var out: [ReportDocument.Cell] = []
        for i in 0..<lua.rawLength(at: l) {
            lua.getIndex(i + 1, in: l)
            out.append(cell(at: -1))
            lua.pop()
        }
        lua.pop()
        return out
    }

    /// A cell from any Lua value (model objects through their tostring).
    private func cell(at index: Int32) -> ReportDocument.Cell {
        switch lua.type(at: index) {
        case .number: return .number(lua.number(at: index) ?? 0)
        case .string: return .text(lua.string(at: index) ?? "")
        case .nil: return .text("")
        case .boolean: return .text(lua.truthy(at: index) ? "yes" : "no")
        default:
            let value = lua.absolute(index)
            lua.getGlobal("tostring")
            lua.pushValue(at: value)
            do {
                try state.call(nargs: 1, nresults: 1)
                defer { lua.pop() }
                return .text(lua.string(at: -1) ?? "")
            } catch {
                return .text("(\(lua.typeName(at: value)))")
            }
        }
    }
}
