import CSV
import Foundation
import WorkbenchModel

/// Comma-separated tables: read with a real parser (quoted fields with commas, quotes and newlines), and written.
package enum CSVTable {
    /// A parsed table.
    package struct Table: Sendable {
        package var columns: [String]
        package var rows: [[String]]
    }

    /// Parses CSV text.
    /// - Parameters:
    ///   - header: whether the first row names the columns (else they are named 1, 2, 3 …).
    ///   - delimiter: the field separator.
    /// - Throws: `WorkbenchError.message` when the text is not CSV.
    package static func parse(
        _ text: String, header: Bool = true, delimiter: Unicode.Scalar = ",", source: String = "(text)"
    ) throws -> Table {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let reader: CSVReader
        do {
            reader = try CSVReader(string: body, hasHeaderRow: header, trimFields: false, delimiter: delimiter)
        } catch {
            throw WorkbenchError.message("\(source): not CSV (\(error))")
        }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        if let e = reader.error { throw WorkbenchError.message("\(source): not CSV (\(e))") }
        let width = max(reader.headerRow?.count ?? 0, rows.map(\.count).max() ?? 0)
        var columns = reader.headerRow ?? (1...max(1, width)).map(String.init)
        // blank or repeated column names get a number so every field stays reachable
        var seen: [String: Int] = [:]
        for i in columns.indices {
            let name = columns[i].trimmingCharacters(in: .whitespaces)
            let base = name.isEmpty ? String(i + 1) : name
            seen[base, default: 0] += 1
            columns[i] = seen[base]! > 1 ? "\(base)_\(seen[base]!)" : base
        }
        while columns.count < width { columns.append(String(columns.count + 1)) }
        return Table(columns: columns, rows: rows)
    }

    /// Reads a CSV file.
    package static func read(path: String, header: Bool = true, delimiter: Unicode.Scalar = ",") throws -> Table {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbenchError.message("\(path): cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkbenchError.message("\(path): is not UTF-8 text")
        }
        return try parse(text, header: header, delimiter: delimiter, source: path)
    }

    /// CSV text for a header and rows (RFC 4180 quoting).
    package static func format(columns: [String], rows: [[String]]) -> String {
        var out = line(columns)
        for r in rows { out += line(r) }
        return out
    }

    /// One CSV line ending in a newline, each field quoted when it holds a comma, a quote or a line break.
    package static func line(_ fields: [String]) -> String {
        fields.map { s in
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }.joined(separator: ",") + "\n"
    }
}
