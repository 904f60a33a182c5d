/// Writes the model as JSON, fields in their declared order, UTF-8 kept as is.
package final class JSONWriter: ModelWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    /// Whether nothing was written yet in the innermost open container (outer ones are saved on the call stack).
    private var first = true
    /// Whether the innermost open container is an array (values there need separators).
    private var inArray = false

    /// - Parameter pretty: indent with two spaces (for `--format json`).
    package init(pretty: Bool = false) {
        self.pretty = pretty
        bytes.reserveCapacity(1 << 16)
    }

    /// Empties the buffer for the next document.
    package func reset() {
        bytes.removeAll(keepingCapacity: true)
        depth = 0
        first = true
        inArray = false
    }

    /// Separates array elements.
    private func beginValue() {
        if inArray {
            separator()
            newline()
        }
    }

    private func separator() {
        if first { first = false } else { bytes.append(UInt8(ascii: ",")) }
    }

    private func newline() {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<depth {
            bytes.append(UInt8(ascii: " "))
            bytes.append(UInt8(ascii: " "))
        }
    }

    package func null() {
        beginValue()
        bytes.append(contentsOf: "null".utf8)
    }
    package func bool(_ value: Bool) {
        beginValue()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }
    package func int(_ value: Int) {
        beginValue()
        // digits written straight into the buffer (no String per number: offsets are most of the output)
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var v = value.magnitude
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buf in
            repeat {
                buf[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            } while v > 0
            while n > 0 {
                n -= 1
                bytes.append(buf[n])
            }
        }
    }
    package func index(_ value: Int) { int(value) }

    package func double(_ value: Double) {
        if !value.isFinite {
            null()
            return
        }
        if value == value.rounded(), abs(value) < 9.007e15 {
            int(Int(value))
            return
        }
        beginValue()
        bytes.append(contentsOf: value.description.utf8)
    }

    package func string(_ value: String) {
        beginValue()
        writeString(value)
    }

    private func writeString(_ value: String) {
        var value = value
        value.withUTF8 { appendQuoted($0) }
    }

    /// Appends `buf` as a JSON string: the bytes as they are, quotation marks, backslashes and controls escaped.
    private func appendQuoted(_ buf: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<buf.count {
            let b = buf[i]
            if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { continue }
            if runStart < i { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<i])) }
            runStart = i + 1
            appendEscape(b)
        }
        if runStart < buf.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart...])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends the escape sequence for a byte JSON does not allow as it is in a string.
    private func appendEscape(_ b: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(b)
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: "u00".utf8)
            bytes.append(hex.utf8Start[Int(b >> 4)])
            bytes.append(hex.utf8Start[Int(b & 15)])
        }
    }

    package func object(_ type: String, fieldCount: Int, _ body: () -> Void) {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        let (outerFirst, outerInArray) = (first, inArray)
        (first, inArray) = (true, false)
        body()
        let empty = first
        (first, inArray) = (outerFirst, outerInArray)
        depth -= 1
        if !empty { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    package func field(_ name: String, _ body: () -> Void) {
        separator()
        newline()
        writeString(name)
        bytes.append(UInt8(ascii: ":"))
        if pretty { bytes.append(UInt8(ascii: " ")) }
        body()
    }

    package func field(_ key: FieldKey, _ body: () -> Void) {
        separator()
        newline()
        bytes.append(contentsOf: key.json)
        if pretty { bytes.append(UInt8(ascii: " ")) }
        body()
    }

    package func array(_ elementType: String?, count: Int, _ body: () -> Void) {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        depth += 1
        let (outerFirst, outerInArray) = (first, inArray)
        (first, inArray) = (true, true)
        body()
        let empty = first
        (first, inArray) = (outerFirst, outerInArray)
        depth -= 1
        if !empty { newline() }
        bytes.append(UInt8(ascii: "]"))
    }
}
