import Foundation
import WorkbenchModel
import WorkbenchScripting

/// Where exported rows go: standard output, or a file written beside its final name and moved into
/// place when complete, so an interrupted export never leaves half a file under the name asked for.
package final class ExportOutput {
    private let finalPath: String?
    private let partialPath: String?
    private let handle: FileHandle?

    /// - Parameter path: the file to write, or nil for standard output.
    /// - Throws: `WorkbenchError.message` when the file cannot be created.
    package init(path: String?) throws {
        finalPath = path
        guard let path else {
            partialPath = nil
            handle = nil
            return
        }
        let partial = path + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: partial, contents: nil),
            let h = FileHandle(forWritingAtPath: partial)
        else {
            throw WorkbenchError.message("cannot write \(path): \(String(cString: strerror(errno)))")
        }
        partialPath = partial
        handle = h
    }

    /// Writes text.
    package func write(_ text: String) throws {
        guard let handle else {
            StandardStreams.write(text)
            return
        }
        do { try handle.write(contentsOf: Data(text.utf8)) } catch {
            throw WorkbenchError.message("cannot write \(finalPath ?? "output"): \(error.localizedDescription)")
        }
    }

    /// Moves the finished file into place (or flushes standard output); false when output was lost.
    package func finish() throws -> Bool {
        guard let handle, let partialPath, let finalPath else { return StandardStreams.finish() }
        try handle.close()
        if FileManager.default.fileExists(atPath: finalPath) { try FileManager.default.removeItem(atPath: finalPath) }
        try FileManager.default.moveItem(atPath: partialPath, toPath: finalPath)
        return true
    }

    /// Removes the partial file after a failure.
    package func discard() {
        try? handle?.close()
        if let partialPath { try? FileManager.default.removeItem(atPath: partialPath) }
    }
}

/// Rows as CSV (RFC 4180): a header, then one line per row; booleans are `true`/`false`, nulls empty.
package struct CSVSink {
    let output: ExportOutput
    let table: ExportTable

    /// A sink writing `table`'s rows to `output` as CSV.
    package init(output: ExportOutput, table: ExportTable) {
        self.output = output
        self.table = table
    }

    package func begin() throws {
        try output.write(line(table.allColumns.map { .text($0.name) }))
    }

    package func add(_ rows: [[ExportValue]]) throws {
        guard !rows.isEmpty else { return }
        try output.write(rows.map(line).joined())
    }

    private func line(_ values: [ExportValue]) -> String {
        CSVTable.line(
            values.map { v -> String in
                switch v {
                case .text(let s): return s
                case .integer(let n): return String(n)
                case .real(let d): return String(d)
                case .boolean(let b): return b ? "true" : "false"
                case .null: return ""
                }
            })
    }
}

/// Rows as JSON Lines: one object per row, keys in column order, nulls kept.
package struct JSONLinesSink {
    let output: ExportOutput
    let table: ExportTable

    /// A sink writing `table`'s rows to `output` as JSON Lines.
    package init(output: ExportOutput, table: ExportTable) {
        self.output = output
        self.table = table
    }

    package func add(_ rows: [[ExportValue]]) throws {
        guard !rows.isEmpty else { return }
        let columns = table.allColumns
        let w = JSONWriter()
        var out: [UInt8] = []
        for row in rows {
            w.reset()
            w.object("Row", fieldCount: columns.count) {
                for (c, v) in zip(columns, row) {
                    w.field(c.name) {
                        switch v {
                        case .text(let s): w.string(s)
                        case .integer(let n): w.int(n)
                        case .real(let d): w.double(d)
                        case .boolean(let b): w.bool(b)
                        case .null: w.null()
                        }
                    }
                }
            }
            out += w.bytes
            out.append(UInt8(ascii: "\n"))
        }
        try output.write(String(decoding: out, as: UTF8.self))
    }
}
