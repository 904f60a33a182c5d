/// Writes the model as JSON, fields in their declared order, UTF-8 kept as is.
package final class JSONWriter: ModelWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []
    private let pretty: Bool
    private var depth = 0
    /// For each open container: whether nothing was written in it yet.
    private var first: [Bool] = [true]
    /// For each open container: whether it is an array (values there need separators).
    private var inArray: [Bool] = [false]

    /// - Parameter pretty: indent with two spaces (for `--format json`).
    package init(pretty: Bool = false) {
        self.pretty = pretty
        bytes.reserveCapacity(1 << 16)
    }

    /// Empties the buffer for the next document.
    package func reset() {
        bytes.removeAll(keepingCapacity: true)
        depth = 0
        first = [true]
        inArray = [false]
    }

    /// Separates array elements.
    private func beginValue() {
        if inArray[inArray.count - 1] {
            separator()
            newline()
        }
    }

    private func separator() {
        if first[first.count - 1] { first[first.count - 1] = false } else { bytes.append(UInt8(ascii: ",")) }
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
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { buf in
            var runStart = 0
            var i = 0
            while i < buf.count {
                let b = buf[i]
                i += 1
                if b >= 0x20 && b != UInt8(ascii: "\"") && b != UInt8(ascii: "\\") { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<(i - 1)]))
                runStart = i
                switch b {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(b)
                case 0x0A:
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(UInt8(ascii: "n"))
                case 0x0D:
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(UInt8(ascii: "r"))
                case 0x09:
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(UInt8(ascii: "t"))
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(hex[Int(b >> 4)])
                    bytes.append(hex[Int(b & 15)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buf[runStart..<buf.count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    package func object(_ type: String, fieldCount: Int, _ body: () -> Void) {
        beginValue()
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first.append(true)
        inArray.append(false)
        body()
        inArray.removeLast()
        let empty = first.removeLast()
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

    package func array(_ elementType: String?, count: Int, _ body: () -> Void) {
        beginValue()
        bytes.append(UInt8(ascii: "["))
        depth += 1
        first.append(true)
        inArray.append(true)
        body()
        inArray.removeLast()
        let empty = first.removeLast()
        depth -= 1
        if !empty { newline() }
        bytes.append(UInt8(ascii: "]"))
    }
}
