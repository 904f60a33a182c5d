/// A token of article text with its scalar span.
package struct Token: Sendable {
    /// What a token is.
    package enum Kind: UInt8, Sendable {
        case word  // letters, possibly with inner hyphens, apostrophes and abbreviation periods
        case number  // digits with inner , and . (4,000 / 1.5)
        case punct  // . , ; : ! ? ( ) and others
        case quote  // a quotation mark: “ ” " ‘ ’ ' « »
        case dash  // — – - standing alone
        case symbol  // $ £ € % ° & / + and the like
    }

    package let kind: Kind
    package let start: Int
    package let end: Int
    /// The token as written.
    package let text: String
    /// Lowercased text, for lexicon lookups.
    package let lower: String
    /// Whether whitespace precedes the token.
    package var spaceBefore: Bool
    /// Whether a line break precedes the token.
    package var newlineBefore: Bool
    /// Which lexicon lists this word belongs to or can start an entry of (see `Lexicon.flag`); empty until looked up.
    package var classes: WordClass = []

    /// A token of `kind` spanning scalars `start..<end`, written `text` (`lower` lowercased for words).
    package init(
        kind: Kind, start: Int, end: Int, text: String, lower: String, spaceBefore: Bool, newlineBefore: Bool
    ) {
        self.kind = kind
        self.start = start
        self.end = end
        self.text = text
        self.lower = lower
        self.spaceBefore = spaceBefore
        self.newlineBefore = newlineBefore
        isCapitalized = kind == .word && (text.unicodeScalars.first?.isUpper ?? false)
    }

    /// Whether the lexicon put this word in any of `classes` (the token must have been looked up).
    @inline(__always) package func has(_ classes: WordClass) -> Bool { !self.classes.isDisjoint(with: classes) }

    /// Whether the word may be in any of `classes`: a looked-up token answers from its classes, another one may be
    /// in any list (so a caller still looks it up).
    @inline(__always) package func mayHave(_ classes: WordClass) -> Bool {
        !self.classes.contains(.lookedUp) || has(classes)
    }

    /// First scalar is an uppercase letter.
    package let isCapitalized: Bool

    /// Every letter is uppercase and there are at least two of them (NATO, U.S.).
    package var isAllCaps: Bool {
        guard kind == .word else { return false }
        var letters = 0
        for s in text.unicodeScalars where s.isLetter {
            if !s.isUpper { return false }
            letters += 1
        }
        return letters >= 2
    }

    /// The token is exactly this single character.
    @inline(__always) package func `is`(_ c: String) -> Bool { text == c }
}

/// Splits text into tokens; knows abbreviations so their periods stay on the word.
package struct Tokenizer: Sendable {
    /// Lowercased abbreviations written with a final period (without it): mr, gen, feb, u.s …
    let abbreviations: Set<String>
    /// Doubled ASCII marks read as quotation marks (`''`, ``` `` ```); otherwise they are punctuation.
    let doubledMarks: Set<String>

    /// Capitalised prefixes split off a number glued to them ("USD3.14" is USD and 3.14): currency codes.
    let gluedPrefixes: Set<String>

    package init(abbreviations: Set<String>, doubledMarks: Set<String> = [], gluedPrefixes: Set<String> = []) {
        self.abbreviations = abbreviations
        self.doubledMarks = doubledMarks
        self.gluedPrefixes = gluedPrefixes
    }

    /// Tokenizes `text[range]`.
    package func tokenize(_ text: TextBuffer, from start: Int = 0, to end: Int? = nil) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(((end ?? text.count) - start) / 5)
        tokenize(text, from: start, to: end ?? text.count, into: &tokens)
        return tokens
    }

    /// Appends the tokens of scalars `start..<end` of `text` to `tokens` (no intermediate array to copy).
    package func tokenize(_ text: TextBuffer, from start: Int, to end: Int, into tokens: inout [Token]) {
        let s = text.scalars
        let buffer = text
        var i = start
        var space = true
        var newline = true
        while i < end {
            let c = s[i]
            if c.isSpace {
                space = true
                if c == "\n" { newline = true }
                i += 1
                continue
            }
            let tokStart = i
            var kind: Token.Kind
            if c.isLetter {
                kind = .word
                i = scanWord(s, i, end, buffer)
            } else if c.isDigit {
                kind = .number
                i = scanNumber(s, i, end)
            } else if (c == "'" || c == "`") && i + 1 < end && s[i + 1] == c {
                // '' and `` : quotation marks only when the lexicon says so
                kind = doubledMarks.contains(String(c) + String(c)) ? .quote : .punct
                i += 2
            } else if c.isApostrophe && i > start && !s[i - 1].isSpace && i + 1 < end && s[i + 1].isLetter,
                let clitic = cliticEnd(s, i, end, buffer)
            {
                kind = .word  // ’s, n't handled in scanWord, 'll, 've …
                i = clitic
            } else if isQuoteMark(c) {
                kind = .quote
                i += 1
            } else if c.isDash {
                kind = .dash
                i += 1
                while i < end && s[i].isDash { i += 1 }  // "--" as one dash
            } else if c == "." && i + 2 < end && s[i + 1] == "." && s[i + 2] == "." {
                kind = .punct
                i += 3
            } else if Self.isSymbol(c) {
                kind = .symbol
                i += 1
            } else {
                kind = .punct
                i += 1
            }
            let text = text.slice(tokStart, i)
            tokens.append(
                Token(
                    kind: kind, start: tokStart, end: i, text: text,
                    lower: kind == .word ? text.lowercasedWord() : text,
                    spaceBefore: space, newlineBefore: newline))
            space = false
            newline = false
        }
    }

    /// Scans a number starting at the digit `i`: digits with inner separators ("4,000", "1.5"); the index after it.
    private func scanNumber(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        var i = start + 1
        while i < end {
            let d = s[i]
            if d.isDigit {
                i += 1
                continue
            }
            // a separator must be followed by a digit, and "4,000" needs exactly three digits after a comma
            guard (d == "," || d == ".") && i + 1 < end && s[i + 1].isDigit else { break }
            if d == "," {
                var k = i + 1
                while k < end && s[k].isDigit { k += 1 }
                if k - (i + 1) != 3 { break }
            }
            i += 1
        }
        return i
    }

    /// Currency, unit and other symbols that are tokens of their own ($ £ € % ° & / + …).
    private static func isSymbol(_ c: Unicode.Scalar) -> Bool {
        guard !c.properties.isAlphabetic else { return false }
        switch c {
        case "$", "£", "€", "%", "°", "&", "/", "+", "#", "@", "₴", "₽", "¥", "₹", "℃", "℉", "=", "*", "§", "~", "<",
            ">":
            return true
        default: return false
        }
    }

    /// Scans a word starting at `i`: letters and digits, inner apostrophes and hyphens, abbreviation periods.
    private func scanWord(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, _ buffer: TextBuffer) -> Int {
        var i = start
        var segment = start  // start of the current hyphen-separated part ("N.Y." in "D-N.Y.")
        while i < end {
            let c = s[i]
            // "USD3.14", "UAH3.04": a currency code glued to its amount ends the word before the digits
            if c.isDigit, i > start, !gluedPrefixes.isEmpty, i - start <= 3,
                gluedPrefixes.contains(String(String.UnicodeScalarView(s[start..<i])))
            {
                return i
            }
            if c.isLetter || c.isDigit || (c.value >= 0x300 && c.properties.generalCategory == .nonspacingMark) {
                i += 1
                continue
            }
            // inner apostrophe: O'Brien stays one word; clitics ('s, n't, 'll, 've, 're, 'd, 'm) are split off
            if c.isApostrophe && i > start && i + 1 < end && s[i + 1].isLetter {
                var k = i + 1
                while k < end && s[k].isLetter { k += 1 }
                let clitic = buffer.slice(i + 1, k).lowercased()
                switch clitic {
                case "s", "ll", "ve", "re", "d", "m": return i
                case "t" where s[i - 1] == "n" || s[i - 1] == "N":
                    if i - 1 > start { return i - 1 }
                    i = k
                    continue
                default:
                    i = k
                    continue
                }
            }
            // inner hyphen: four-year, Iskander-M, Kh-101
            if c == "-" && i + 1 < end && (s[i + 1].isLetter || s[i + 1].isDigit) && i > start {
                i += 1
                segment = i
                continue
            }
            // abbreviation periods: U.S., e.g. — letter.letter.
            if c == "." {
                if i + 1 < end && s[i + 1].isLetter && i + 2 <= end && (i + 2 == end || s[i + 2] == ".")
                    && (i - segment) <= 2
                {
                    i += 1
                    continue
                }
                // final period of a known abbreviation or a single-letter initial
                let word = buffer.slice(start, i).lowercased()
                // "R-Ky.": the last hyphenated part may be the abbreviation
                let part = segment > start ? buffer.slice(segment, i).lowercased() : word
                if abbreviations.contains(word) || abbreviations.contains(part) || (i - start == 1 && s[start].isUpper)
                    || s[segment..<i].contains(".")
                    || (i - segment == 1 && s[segment].isUpper && segment > start)
                {
                    return i + 1
                }
                break
            }
            break
        }
        return i
    }

    /// The end of a clitic ('s, 'll, 've, 're, 'd, 'm) starting with the apostrophe at `i`, if it is one.
    private func cliticEnd(_ s: [Unicode.Scalar], _ i: Int, _ end: Int, _ buffer: TextBuffer) -> Int? {
        var k = i + 1
        while k < end && s[k].isLetter { k += 1 }
        switch buffer.slice(i + 1, k).lowercased() {
        case "s", "ll", "ve", "re", "d", "m": return k
        default: return nil
        }
    }

    /// Whether `c` is a quotation mark (straight, curly, guillemet or low-9).
    @inline(__always) package func isQuoteMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x2018, 0x2019, 0x201C, 0x201D, 0x201E, 0x201A, 0x00AB, 0x00BB, 0x201F, 0x201B, 0x2033:
            return true
        default: return false
        }
    }
}
