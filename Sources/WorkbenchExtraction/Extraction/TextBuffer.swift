/// An article's decoded text as Unicode scalars, so spans are scalar offsets (what Python's `str` indexes).
package struct TextBuffer: Sendable {
    /// The text as a string.
    package let string: String
    /// The same text, one element per Unicode scalar.
    package let scalars: [Unicode.Scalar]
    /// The UTF-8 bytes, and for each scalar index the offset of its first byte (plus one past the end),
    /// so slices are made by copying bytes rather than re-encoding scalars.
    private let utf8: [UInt8]
    private let byteOffset: [Int32]

    package init(_ string: String) {
        self.string = string
        let bytes = Array(string.utf8)
        var scalarCount = 0
        var decoded: [Unicode.Scalar] = []
        // decoded straight from the bytes (a String's UTF-8 is always valid), into arrays sized for the worst case
        let offsets = [Int32](unsafeUninitializedCapacity: bytes.count + 1) { offsets, offsetCount in
            decoded = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { scalars, count in
                bytes.withUnsafeBufferPointer { buf in
                    var i = 0
                    while i < buf.count {
                        let b = buf[i]
                        offsets[count] = Int32(i)
                        if b < 0x80 {
                            scalars[count] = Unicode.Scalar(b)
                            count += 1
                            i += 1
                            continue
                        }
                        let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                        var v = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                        for k in 1..<width { v = (v << 6) | (UInt32(buf[i + k]) & 0x3F) }
                        scalars[count] = Unicode.Scalar(v) ?? "\u{FFFD}"
                        count += 1
                        i += width
                    }
                }
                scalarCount = count
            }
            offsets[scalarCount] = Int32(bytes.count)
            offsetCount = scalarCount + 1
        }
        self.scalars = decoded
        self.byteOffset = offsets
        self.utf8 = bytes
    }

    /// Number of scalars.
    package var count: Int { scalars.count }

    /// The text of the scalar range `start..<end` (clamped).
    package func slice(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, scalars.count))
        let e = max(s, min(end, scalars.count))
        return utf8.withUnsafeBufferPointer { buf in
            String(decoding: UnsafeBufferPointer(rebasing: buf[Int(byteOffset[s])..<Int(byteOffset[e])]), as: UTF8.self)
        }
    }

    /// The scalar at `i`, or a space outside the text.
    package subscript(i: Int) -> Unicode.Scalar {
        i >= 0 && i < scalars.count ? scalars[i] : " "
    }
}

extension String {
    /// The non-empty fields between occurrences of the ASCII `separator`, split on the UTF-8 bytes in place.
    func fields(separatedBy separator: UInt8) -> [String] {
        var s = self
        return s.withUTF8 { buf in
            buf.split(separator: separator).map { String(decoding: UnsafeBufferPointer(rebasing: $0), as: UTF8.self) }
        }
    }

    /// The string without the leading and trailing scalars `trim` accepts (what Foundation's
    /// `trimmingCharacters(in:)` does with a character set, without the set's cost).
    func trimmingScalars(where trim: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trim($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trim($0) })!
        return String(scalars[first...last])
    }

    /// `lowercased()`, sharing the string itself when it is ASCII without capitals (most words of a text).
    func lowercasedWord() -> String {
        var s = self
        let plain = s.withUTF8 { buf in buf.allSatisfy { $0 < 0x80 && ($0 < 0x41 || $0 > 0x5A) } }
        return plain ? self : lowercased()
    }

    /// Whether `other` occurs in the string, compared byte for byte (a literal search, as `range(of:options:.literal)`).
    func containsText(_ other: String) -> Bool {
        var a = self
        var b = other
        return a.withUTF8 { hay in
            b.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard needle.count <= hay.count else { return false }
                var i = 0
                while i + needle.count <= hay.count {
                    if hay[i] == first
                        && UnsafeBufferPointer(rebasing: hay[i..<(i + needle.count)]).elementsEqual(needle)
                    {
                        return true
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// Whether the UTF-8 form holds `byte` (an ASCII character), read from contiguous storage.
    func containsByte(_ byte: UInt8) -> Bool {
        var s = self
        return s.withUTF8 { $0.contains(byte) }
    }
}

extension Unicode.Scalar {
    /// Letters (ASCII fast path).
    @inline(__always) package var isLetter: Bool {
        let v = value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// ASCII digits (and other decimal digits).
    @inline(__always) package var isDigit: Bool {
        let v = value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return properties.numericType == .decimal
    }

    /// Uppercase letters.
    @inline(__always) package var isUpper: Bool {
        let v = value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return properties.isUppercase
    }

    /// Lowercase letters.
    @inline(__always) package var isLower: Bool {
        let v = value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return properties.isLowercase
    }

    /// Spaces, tabs and line breaks (including NBSP and other Unicode spaces).
    @inline(__always) package var isSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
            0xFEFF:
            return true
        default: return false
        }
    }

    /// Apostrophes that can sit inside a word (Russia’s, don't).
    @inline(__always) var isApostrophe: Bool { value == 0x27 || value == 0x2019 || value == 0x02BC }

    /// Dashes used as punctuation or in compounds.
    @inline(__always) var isDash: Bool { value == 0x2D || (value >= 0x2010 && value <= 0x2015) || value == 0x2212 }
}
