import Foundation
import WorkbenchModel

/// An article file read and checked: decoded text plus its front matter.
package struct SourceText: Sendable {
    package var path: String
    /// Decoded text (BOM dropped, line ends normalised to LF).
    package var text: String
    /// `key: value` pairs from a leading `---` block.
    package var frontMatter: [String: String]
    /// Scalar offset where the body starts (after the front matter).
    package var bodyStart: Int
    /// Notes about the file's encoding worth telling the user (CRLF, BOM).
    package var notes: [String]
}

/// Reads article files: refuses what is not a plain-text article, with a reason a user can act on.
package enum ArticleReader {
    /// Files larger than this are refused unless the caller raises it.
    package static let defaultMaxBytes = 16 << 20

    /// Reads and checks one file.
    /// - Parameters:
    ///   - path: the file.
    ///   - maxBytes: the size limit.
    /// - Throws: `WorkbenchError.badInput` naming the file and what is wrong with it.
    package static func read(path: String, maxBytes: Int = defaultMaxBytes) throws -> SourceText {
        let url = URL(fileURLWithPath: path)
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw WorkbenchError.badInput(path: path, reason: "cannot be read: no such file")
        }
        if let type = attributes[.type] as? FileAttributeType, type == .typeDirectory {
            throw WorkbenchError.badInput(path: path, reason: "is a folder, not a file")
        }
        if let size = attributes[.size] as? Int, size > maxBytes {
            throw WorkbenchError.badInput(
                path: path,
                reason:
                    "is \(formatBytes(size)), over the \(formatBytes(maxBytes)) limit for one article (raise it with --max-file-size)"
            )
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw WorkbenchError.badInput(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
        return try decode([UInt8](data), path: path)
    }

    /// Checks and decodes bytes already in memory (also used for text given from Lua).
    /// - Throws: `WorkbenchError.badInput` when the bytes are empty, binary, not UTF-8, or HTML.
    package static func decode(_ bytes: [UInt8], path: String) throws -> SourceText {
        if bytes.isEmpty { throw WorkbenchError.badInput(path: path, reason: "is empty") }
        if bytes.count >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)) {
            throw WorkbenchError.badInput(
                path: path, reason: "is UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8)")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw WorkbenchError.badInput(path: path, reason: "looks binary, not text (a NUL byte at offset \(nul))")
        }
        var body = bytes[...]
        var notes: [String] = []
        if body.starts(with: [0xEF, 0xBB, 0xBF]) {
            body = body.dropFirst(3)
            notes.append("byte-order mark dropped")
        }
        guard var text = String(validating: body, as: UTF8.self) else {
            let (offset, line, column) = firstInvalidUTF8(body)
            let byte = String(format: "0x%02X", body[body.startIndex + offset])
            throw WorkbenchError.badInput(
                path: path,
                reason:
                    "is not valid UTF-8 (byte \(byte) at line \(line), column \(column)); convert it first, e.g. iconv -f WINDOWS-1252 -t UTF-8"
            )
        }
        let controls = controlCount(body, scalarLimit: 65536)
        if controls > 8 {
            throw WorkbenchError.badInput(path: path, reason: "looks binary, not text (\(controls) control characters)")
        }
        if body.contains(13) {
            text = String(decoding: lineFeedsOnly(body), as: UTF8.self)
            notes.append("CRLF line ends read as LF")
        }
        if text.allSatisfy({ $0.isWhitespace }) {
            throw WorkbenchError.badInput(path: path, reason: "is empty (only whitespace)")
        }
        if looksLikeHTML(text) {
            throw WorkbenchError.badInput(
                path: path,
                reason: "looks like HTML, not a plain-text article; save the page as text first (e.g. pandoc -t plain)")
        }
        var source = SourceText(path: path, text: text, frontMatter: [:], bodyStart: 0, notes: notes)
        parseFrontMatter(&source)
        return source
    }

    /// The bytes with each CRLF pair and each lone CR turned into one LF (a CR byte is never inside a UTF-8 sequence).
    static func lineFeedsOnly(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            i += 1
            if b != 13 {
                out.append(b)
                continue
            }
            out.append(10)
            if i < bytes.endIndex && bytes[i] == 10 { i += 1 }
        }
        return out
    }

    /// Control characters other than line ends, tabs and form feeds among the first `scalarLimit` scalars of
    /// valid UTF-8 (controls are single bytes, so counting bytes that start a scalar is enough).
    private static func controlCount(_ bytes: ArraySlice<UInt8>, scalarLimit: Int) -> Int {
        bytes.withUnsafeBufferPointer { buf in
            var scalars = 0
            var controls = 0
            for b in buf {
                if b & 0xC0 == 0x80 { continue }
                if scalars == scalarLimit { break }
                scalars += 1
                if b < 0x20 && b != 0x0A && b != 0x0D && b != 0x09 && b != 0x0C { controls += 1 }
            }
            return controls
        }
    }

    /// Byte offset, line and column (1-based) of the first invalid UTF-8 sequence.
    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, Int, Int) {
        var it = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        var line = 1
        var column = 1
        while true {
            switch parser.parseScalar(from: &it) {
            case .valid(let enc):
                if enc.count == 1 && enc.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += enc.count
            case .error(let length):
                _ = length
                return (offset, line, column)
            case .emptyInput:
                return (max(0, offset - 1), line, column)
            }
        }
    }

    /// Whether the text is an HTML page rather than article text.
    private static func looksLikeHTML(_ text: String) -> Bool {
        var text = text
        let hasTag = text.withUTF8 { $0.prefix(4096).contains(UInt8(ascii: "<")) }
        guard hasTag else { return false }
        let head = text.prefix(2048).lowercased().trimmingCharacters(in: .whitespacesAndNewlines)
        if head.hasPrefix("<!doctype html") || head.hasPrefix("<html") || head.hasPrefix("<?xml") { return true }
        if head.contains("<html") || head.contains("<body") || head.contains("<head>") { return true }
        // Many tags: <p>, <div>, <a href …
        var tags = 0
        for marker in ["<p>", "<p ", "</p>", "<div", "</div>", "<a href", "<br", "<span", "</span>", "<script", "<li>"]
        {
            var rest = head[...]
            while let r = rest.range(of: marker) {
                tags += 1
                rest = rest[r.upperBound...]
            }
        }
        return tags >= 6
    }

    /// Reads a leading `---` block of `key: value` lines.
    private static func parseFrontMatter(_ source: inout SourceText) {
        let text = source.text
        guard text.hasPrefix("---\n") else { return }
        let afterOpen = text.index(text.startIndex, offsetBy: 4)
        guard
            let close = text.range(of: "\n---\n", range: afterOpen..<text.endIndex)
                ?? (text.hasSuffix("\n---") ? text.range(of: "\n---", options: .backwards) : nil)
        else { return }
        var fields: [String: String] = [:]
        for line in text[afterOpen..<close.lowerBound].split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            var value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty { fields[key] = value }
        }
        source.frontMatter = fields
        source.bodyStart = text[text.startIndex..<close.upperBound].unicodeScalars.count
    }
}
