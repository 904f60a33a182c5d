import Foundation
import WorkbenchLua

/// `workbench.csv`: read, parse and write CSV from scripts (file access follows the sandbox).
extension ScriptRuntime {
    /// Pushes the `workbench.csv` table.
    func pushCSVModule() {
        lua.newTable()
        lua.push(function: { [unowned self] l in
            let path = try l.checkString(1)
            if let reason = self.policy.denial(for: path, write: false) { throw LuaRaise("csv.read: " + reason) }
            let options = try csvOptions(l, 2)
            // a table in memory takes several times its file's size: charged before reading
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int {
                try self.state.meter(bytes: size * 4)
            }
            return pushTable(l, numbers: options.numbers) {
                try CSVTable.read(path: path, header: options.header, delimiter: options.delimiter)
            }
        })
        lua.setField("read", in: -2)
        lua.push(function: { [unowned self] l in
            let text = try l.checkString(1)
            let options = try csvOptions(l, 2)
            try self.state.meter(bytes: text.utf8.count * 4)
            return pushTable(l, numbers: options.numbers) {
                try CSVTable.parse(text, header: options.header, delimiter: options.delimiter)
            }
        })
        lua.setField("parse", in: -2)
        lua.push(function: { [unowned self] l in
            let (columns, rows) = try rowsArgument(l, 1, columnsAt: 2)
            let text = CSVTable.format(columns: columns, rows: rows)
            try self.state.meter(bytes: text.utf8.count)
            l.push(text)
            return 1
        })
        lua.setField("format", in: -2)
        lua.push(function: { [unowned self] l in
            let path = try l.checkString(1)
            if let reason = self.policy.denial(for: path, write: true) { throw LuaRaise("csv.write: " + reason) }
            let (columns, rows) = try rowsArgument(l, 2, columnsAt: 3)
            do {
                try CSVTable.format(columns: columns, rows: rows).write(toFile: path, atomically: true, encoding: .utf8)
                l.push(true)
                return 1
            } catch {
                l.pushNil()
                l.push("csv.write: cannot write \(path): \(error.localizedDescription)")
                return 2
            }
        })
        lua.setField("write", in: -2)
    }

    /// Pushes the table `read` returns, or nil and why it could not be read.
    private func pushTable(_ l: Lua, numbers: Bool, _ read: () throws -> CSVTable.Table) -> Int32 {
        do {
            pushTable(try read(), numbers: numbers)
            return 1
        } catch {
            l.pushNil()
            l.push("\(error)")
            return 2
        }
    }

    /// `{header = true, delimiter = ",", numbers = false}`.
    private func csvOptions(_ l: Lua, _ index: Int32) throws -> (header: Bool, delimiter: Unicode.Scalar, numbers: Bool)
    {
        var header = true
        var numbers = false
        var delimiter: Unicode.Scalar = ","
        guard !l.isNoneOrNil(index) else { return (header, delimiter, numbers) }
        try l.checkTable(index)
        if l.getField("header", in: index) != .nil { header = l.truthy(at: -1) }
        l.pop()
        if l.getField("numbers", in: index) != .nil { numbers = l.truthy(at: -1) }
        l.pop()
        if l.getField("delimiter", in: index) == .string, let d = l.string(at: -1), d.unicodeScalars.count == 1 {
            delimiter = d.unicodeScalars.first!
        }
        l.pop()
        return (header, delimiter, numbers)
    }

    /// Pushes a List of row tables keyed by column name, with the column names as `columns`.
    private func pushTable(_ table: CSVTable.Table, numbers: Bool) {
        lua.newTable(array: table.rows.count, hash: 1)
        for (i, row) in table.rows.enumerated() {
            if i & 1023 == 1023, let stop = state.stopRequested() {
                _ = stop
                break
            }
            lua.newTable(hash: table.columns.count)
            for (c, name) in table.columns.enumerated() {
                let value = c < row.count ? row[c] : ""
                if numbers, let d = Double(value.trimmingCharacters(in: .whitespaces)), !value.isEmpty {
                    if d == d.rounded(), abs(d) < 9e15 { lua.push(Int(d)) } else { lua.push(d) }
                } else {
                    lua.push(value)
                }
                lua.setField(name, in: -2)
            }
            lua.setIndex(i + 1, in: -2)
        }
        lua.newTable(array: table.columns.count)
        for (i, c) in table.columns.enumerated() {
            lua.push(c)
            lua.setIndex(i + 1, in: -2)
        }
        lua.setField("columns", in: -2)
        lua.setMetatable(named: "workbench.List")
    }

    /// Rows given to csv.write/format: a list of lists, or of tables keyed by the column names.
    private func rowsArgument(_ l: Lua, _ index: Int32, columnsAt ci: Int32) throws -> ([String], [[String]]) {
        try l.checkTable(index)
        var columns: [String] = []
        if !l.isNoneOrNil(ci) {
            try l.checkTable(ci)
            for i in 0..<l.rawLength(at: ci) {
                l.getIndex(i + 1, in: ci)
                columns.append(l.string(at: -1) ?? "")
                l.pop()
            }
        } else if l.getField("columns", in: index) == .table {
            for i in 0..<l.rawLength(at: -1) {
                l.getIndex(i + 1, in: -1)
                columns.append(l.string(at: -1) ?? "")
                l.pop()
            }
            l.pop()
        } else {
            l.pop()
        }
        var rows: [[String]] = []
        let n = l.rawLength(at: index)
        for i in 0..<n {
            l.getIndex(i + 1, in: index)
            guard l.type(at: -1) == .table else {
                throw LuaArgumentError(Int(index), "rows must be tables (row \(i + 1) is a \(l.typeName(at: -1)))")
            }
            if l.rawLength(at: -1) > 0 && (columns.isEmpty || l.getIndex(1, in: -1) != .nil) {
                if l.type(at: -1) != .table { l.pop() }
                var cells: [String] = []
                for j in 0..<l.rawLength(at: -1) {
                    l.getIndex(j + 1, in: -1)
                    cells.append(cellText(l))
                    l.pop()
                }
                rows.append(cells)
            } else {
                if columns.isEmpty {
                    var keys: [String] = []
                    l.forEach(inTable: -1) {
                        if let k = l.string(at: -2), l.type(at: -2) == .string { keys.append(k) }
                        return true
                    }
                    columns = keys.sorted()
                }
                rows.append(
                    columns.map { c in
                        l.getField(c, in: -1)
                        defer { l.pop() }
                        return cellText(l)
                    })
            }
            l.pop()
        }
        if columns.isEmpty, let first = rows.first { columns = (1...max(1, first.count)).map(String.init) }
        return (columns, rows)
    }

    /// The text of a table cell on top of the stack.
    private func cellText(_ l: Lua) -> String {
        switch l.type(at: -1) {
        case .nil: return ""
        case .boolean: return l.truthy(at: -1) ? "true" : "false"
        case .number:
            if let i = l.integer(at: -1) { return String(i) }
            return l.number(at: -1).map { String($0) } ?? ""
        default: return l.string(at: -1) ?? "(\(l.typeName(at: -1)))"
        }
    }
}
