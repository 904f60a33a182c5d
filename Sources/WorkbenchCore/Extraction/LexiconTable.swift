import Foundation

/// One lexicon file's rows: tab-separated columns named by a header line, `#` comments skipped.
package struct LexiconTable: Sendable {
    /// Column names from the header.
    package var columns: [String]
    /// Rows as column → value (missing trailing columns are empty).
    package var rows: [[String: String]]

    /// Parses the text of a lexicon file.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - source: a name for error messages (the path).
    /// - Throws: `WorkbenchError.lexicon` when the header is missing.
    package init(parsing text: String, source: String) throws {
        columns = []
        rows = []
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine[...]
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) || line.hasPrefix("#") { continue }
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if columns.isEmpty {
                columns = cells
                continue
            }
            var row: [String: String] = [:]
            for (i, name) in columns.enumerated() { row[name] = i < cells.count ? cells[i] : "" }
            rows.append(row)
        }
        if columns.isEmpty { throw WorkbenchError.lexicon("\(source): no header line (tab-separated column names)") }
    }

    /// Creates a table from rows given directly (e.g. from Lua).
    package init(columns: [String], rows: [[String: String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Appends another file's rows (its columns must include this table's first column).
    package mutating func append(_ other: LexiconTable) {
        for c in other.columns where !columns.contains(c) { columns.append(c) }
        rows.append(contentsOf: other.rows)
    }
}

extension Dictionary where Key == String, Value == String {
    /// The `;`-separated list in column `key` (empty entries dropped).
    func list(_ key: String) -> [String] {
        guard let v = self[key], !v.isEmpty else { return [] }
        return v.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The column's value, or nil when empty.
    func value(_ key: String) -> String? {
        guard let v = self[key], !v.isEmpty else { return nil }
        return v
    }
}
