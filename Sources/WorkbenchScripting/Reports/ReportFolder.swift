import Foundation
import WorkbenchModel

/// A report as a folder of CSV files, one per table, for pandas, spreadsheets and Python's csv module.
package enum ReportFolder {
    /// Writes `report`'s tables into the folder `path` (created when missing), replacing the CSV
    /// files an earlier run left there, and returns the file names written.
    /// - Throws: `WorkbenchError.message` when `path` is a file or the folder cannot be written.
    @discardableResult
    package static func write(_ report: ReportDocument, to path: String) throws -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw WorkbenchError.message(
                "\(path) is a file; a CSV report is a folder with one CSV per table (remove the file or choose another name)"
            )
        }
        try fm.createDirectory(atPath: path, withIntermediateDirectories: true)
        // files of an earlier report in the same folder would mix with this one's
        for old in (try? fm.contentsOfDirectory(atPath: path)) ?? [] where isReportFile(old) {
            try? fm.removeItem(atPath: (path as NSString).appendingPathComponent(old))
        }
        let tables = report.csvTables()
        for t in tables {
            let text = CSVTable.format(columns: t.columns, rows: t.rows)
            try text.write(toFile: (path as NSString).appendingPathComponent(t.file), atomically: true, encoding: .utf8)
        }
        return tables.map(\.file)
    }

    /// Whether a file name is one a report folder holds ("01-weapons.csv").
    static func isReportFile(_ name: String) -> Bool {
        guard name.hasSuffix(".csv"), let dash = name.firstIndex(of: "-") else { return false }
        return !name[..<dash].isEmpty && name[..<dash].allSatisfy(\.isNumber)
    }
}
