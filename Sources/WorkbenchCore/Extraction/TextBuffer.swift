/// An article's decoded text as Unicode scalars, so spans are scalar offsets (what Python's `str` indexes).
package struct TextBuffer: Sendable {
    /// The text as a string.
    package let string: String
    /// The same text, one element per Unicode scalar.
    package let scalars: [Unicode.Scalar]

    package init(_ string: String) {
        self.string = string
        self.scalars = Array(string.unicodeScalars)
    }

    /// Number of scalars.
    package var count: Int { scalars.count }

    /// The text of the scalar range `start..<end` (clamped).
    package func slice(_ start: Int, _ end: Int) -> String {
        let s = max(0, min(start, scalars.count)), e = max(s, min(end, scalars.count))
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[s..<e])
        return String(view)
    }

    /// The scalar at `i`, or a space outside the text.
    package subscript(i: Int) -> Unicode.Scalar {
        i >= 0 && i < scalars.count ? scalars[i] : " "
    }
}

extension Unicode.Scalar {
    /// Letters (ASCII fast path).
    @inline(__always) var isLetter: Bool {
        let v = value
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return properties.isAlphabetic
    }

    /// ASCII digits (and other decimal digits).
    @inline(__always) var isDigit: Bool {
        let v = value
        if v < 0x80 { return v >= 0x30 && v <= 0x39 }
        return properties.numericType == .decimal
    }

    /// Uppercase letters.
    @inline(__always) var isUpper: Bool {
        let v = value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        return properties.isUppercase
    }

    /// Lowercase letters.
    @inline(__always) var isLower: Bool {
        let v = value
        if v < 0x80 { return v >= 0x61 && v <= 0x7A }
        return properties.isLowercase
    }

    /// Spaces, tabs and line breaks (including NBSP and other Unicode spaces).
    @inline(__always) var isSpace: Bool {
        switch value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
        default: return false
        }
    }

    /// Apostrophes that can sit inside a word (Russia’s, don't).
    @inline(__always) var isApostrophe: Bool { value == 0x27 || value == 0x2019 || value == 0x02BC }

    /// Dashes used as punctuation or in compounds.
    @inline(__always) var isDash: Bool { value == 0x2D || (value >= 0x2010 && value <= 0x2015) || value == 0x2212 }
}
