import Foundation
import WorkbenchModel

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
        var text = text
        text.withUTF8 { bytes in
            for line in Self.lines(bytes) {
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) || line.first == UInt8(ascii: "#") { continue }
                let cells = line.split(separator: 0x09, omittingEmptySubsequences: false).map(trimmedField)
                if columns.isEmpty {
                    columns = cells
                    continue
                }
                var row = [String: String](minimumCapacity: columns.count)
                for (i, name) in columns.enumerated() { row[name] = i < cells.count ? cells[i] : "" }
                rows.append(row)
            }
        }
        if columns.isEmpty { throw WorkbenchError.lexicon("\(source): no header line (tab-separated column names)") }
    }

    /// The lines of UTF-8 text: split at LF, a CR before the LF dropped, then one more trailing CR dropped.
    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Slice<UnsafeBufferPointer<UInt8>>] {
        var result: [Slice<UnsafeBufferPointer<UInt8>>] = []
        var start = 0
        var i = 0
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 0x0A {
                var end = i
                if i < bytes.count, end > start, bytes[end - 1] == 0x0D { end -= 1 }
                if end > start, bytes[end - 1] == 0x0D { end -= 1 }
                result.append(bytes[start..<end])
                start = i + 1
            }
            i += 1
        }
        return result
    }

    /// Creates a table from rows given directly (e.g. from Lua).
    package init(columns: [String], rows: [[String: String]]) {
        self.columns = columns
        self.rows = rows
    }

    /// Checks that every non-empty value in `column` is one of `values`.
    /// - Throws: `WorkbenchError.lexicon` naming the file, the row (by its first column) and the allowed values.
    package func check(column: String, isOneOf values: [String], source: String) throws {
        guard columns.contains(column) else { return }
        for row in rows {
            guard let v = row.value(column), !values.contains(v) else { continue }
            let name = columns.first.flatMap { row[$0] } ?? "?"
            throw WorkbenchError.lexicon(
                "\(source): the row '\(name)' has \(column) '\(v)', which is not one of \(values.joined(separator: ", "))"
            )
        }
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
        return v.fields(separatedBy: UInt8(ascii: ";")).map { trimmedField(Substring($0)) }.filter { !$0.isEmpty }
    }

    /// The column's value, or nil when empty.
    func value(_ key: String) -> String? {
        guard let v = self[key], !v.isEmpty else { return nil }
        return v
    }

    /// The column's value as one of a closed vocabulary, or `fallback` when empty (values are checked on loading).
    func choice<E: RawRepresentable>(_ key: String, default fallback: E) -> E where E.RawValue == String {
        value(key).flatMap(E.init(rawValue:)) ?? fallback
    }
}

/// A field without the spaces around it (spaces, tabs, no-break and other horizontal spaces): lexicons are read at
/// every start, and Foundation's trimming was a fifth of the start-up time.
private func trimmedField(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
    var a = bytes.startIndex
    var b = bytes.endIndex
    while a < b, bytes[a] == 0x20 || bytes[a] == 0x09 { a += 1 }
    while b > a, bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09 { b -= 1 }
    let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<b]), as: UTF8.self)
    // a non-ASCII space at either end (no-break or thin space, a byte-order mark) is trimmed scalar by scalar
    if a < b, bytes[a] >= 0x80 || bytes[b - 1] >= 0x80 { return trimmedField(Substring(s)) }
    return s
}

/// The field without leading and trailing spaces, tabs and Unicode spaces.
private func trimmedField(_ s: Substring) -> String {
    func isSpace(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v == 0x20 || v == 0x09 || v == 0xA0 || (0x2000...0x200B).contains(v) || v == 0x202F || v == 0x205F
            || v == 0x3000 || v == 0xFEFF
    }
    let u = s.unicodeScalars
    var a = u.startIndex
    var b = u.endIndex
    while a < b, isSpace(u[a]) { a = u.index(after: a) }
    while b > a, isSpace(u[u.index(before: b)]) { b = u.index(before: b) }
    return String(u[a..<b])
}
