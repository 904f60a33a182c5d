import Foundation

/// Metadata for a folder's articles from an `INDEX.tsv` beside them (columns: file, date, source, url, title).
///
/// Corpora often keep publication dates in an index rather than in each file (the Ukraine corpus
/// does). Front matter in the file itself wins over the index.
package enum FolderIndex {
    /// The index of `folder`: file name → column → value (empty when there is none).
    package static func read(folder: String) -> [String: [String: String]] {
        let path = (folder.isEmpty ? "." : folder) + "/INDEX.tsv"
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8),
            let table = try? LexiconTable(parsing: text, source: path), table.columns.contains("file")
        else { return [:] }
        var out: [String: [String: String]] = [:]
        for row in table.rows {
            guard let file = row["file"], !file.isEmpty else { continue }
            var meta: [String: String] = [:]
            for key in ["date", "source", "url", "title"] { if let v = row[key], !v.isEmpty { meta[key] = v } }
            out[file] = meta
        }
        return out
    }
}
