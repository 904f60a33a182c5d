/// Reads numbers written in digits or words at a token position: "4,000", "1.5 million",
/// "twenty-five", "two dozen", "forty second" (ordinal), "3rd".
struct NumberReader {
    let tokens: [Token]

    static let units: [String: Double] = [
        "zero": 0, "nought": 0, "naught": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Double] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "lakhs": 1e5,
        "crore": 1e7,
        "crores": 1e7, "koti": 1e7, "thousands": 1e3, "millions": 1e6, "billions": 1e9, "trillions": 1e12,
    ]
    /// Abbreviated multipliers written right after digits: 2bn, 5m, 100k.
    static let suffixScales: [String: Double] = [
        "k": 1e3, "K": 1e3, "m": 1e6, "M": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "B": 1e9, "G": 1e9,
        "tn": 1e12, "trn": 1e12, "million": 1e6, "billion": 1e9, "trillion": 1e12, "thousand": 1e3,
    ]
    static let ordinalUnits: [String: Double] = [
        "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
        "tenth": 10,
        "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
        "seventeenth": 17,
        "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
        "sixtieth": 60,
        "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100, "thousandth": 1000, "millionth": 1e6,
    ]

    /// A number read at a position.
    struct Reading {
        var value: Double
        /// Tokens consumed.
        var length: Int
        var ordinal: Bool = false
        var approximate: Bool = false
        /// Written with digits (not words).
        var digits: Bool = false
    }

    /// Parses a digit token ("4,000", "1.5", "0033").
    static func digitValue(_ text: String) -> Double? {
        guard text.containsByte(UInt8(ascii: ",")) else { return Double(text) }
        return Double(String(decoding: text.utf8.filter { $0 != UInt8(ascii: ",") }, as: UTF8.self))
    }

    /// Every number word form, including compounds written with hyphens, dashes or glued ("twenty-five", "twentyfifth").
    private static let wordTable: [String: (value: Double, ordinal: Bool)] = {
        var t: [String: (Double, Bool)] = [:]
        for (w, v) in units { t[w] = (v, false) }
        for (w, v) in tens { t[w] = (v, false) }
        for (w, v) in ordinalUnits { t[w] = (v, true) }
        for (tw, tv) in tens {
            for (uw, uv) in units where uv >= 1 && uv < 10 {
                for sep in ["-", "—", "–", ""] { t[tw + sep + uw] = (tv + uv, false) }
            }
            for (ow, ov) in ordinalUnits where ov >= 1 && ov < 10 {
                for sep in ["-", "—", "–", ""] { t[tw + sep + ow] = (tv + ov, true) }
            }
        }
        return t
    }()

    /// Every number word form (for the lexicon's word flags).
    static var wordForms: [String] { Array(wordTable.keys) }

    /// The value of one number word, including hyphenated and glued compounds ("twenty-five", "twentyfive").
    static func wordValue(_ lower: String) -> (value: Double, ordinal: Bool)? {
        guard let f = lower.utf8.first, f >= UInt8(ascii: "a"), f <= UInt8(ascii: "z"), lower.utf8.count <= 16 else {
            return nil
        }
        return wordTable[lower]
    }

    /// Reads a number starting at token `i` (not past `limit`): digits, or number words.
    func read(at i: Int, limit: Int) -> Reading? {
        guard i < limit else { return nil }
        switch tokens[i].kind {
        case .number: return readDigits(at: i, limit: limit)
        // a word number starts with a number word: every other word of one needs one before it
        case .word where tokens[i].mayHave(.numberWord): return readWords(at: i, limit: limit)
        default: return nil
        }
    }

    /// Digits with what may follow them: an ordinal suffix (3rd), a scale (1.5 million, 2bn), "dozen", "and a half".
    private func readDigits(at i: Int, limit: Int) -> Reading? {
        let t = tokens[i]
        guard var v = NumberReader.digitValue(t.text) else { return nil }
        var n = 1
        // ordinal suffix glued: 3rd, 21st
        if i + 1 < limit, !tokens[i + 1].spaceBefore, tokens[i + 1].kind == .word,
            ["st", "nd", "rd", "th"].contains(tokens[i + 1].lower)
        {
            return Reading(value: v, length: 2, ordinal: true, digits: true)
        }
        // multiplier: 1.5 million, 2bn, 100k
        if i + 1 < limit, tokens[i + 1].kind == .word {
            let next = tokens[i + 1]
            if let s = NumberReader.suffixScales[next.text]
                ?? (next.spaceBefore ? NumberReader.scales[next.lower] : NumberReader.suffixScales[next.lower]),
                !next.spaceBefore || NumberReader.scales[next.lower] != nil || next.lower == "bn"
                    || next.lower == "mn" || next.lower == "tn"
            {
                // "5 m" with a space is metres, not millions; glued "5m" is ambiguous and read as millions only with money
                // a capital M glued to digits is millions ("1.2M"); lowercase "5m" stays ambiguous
                if next.spaceBefore || next.text.count > 1 || next.text == "K" || next.text == "k"
                    || next.text == "G" || next.text == "B" || next.text == "M"
                {
                    v *= s
                    n = 2
                }
            }
        }
        // "2 dozen", "200 dozens"
        if n == 1, i + 1 < limit, tokens[i + 1].spaceBefore, ["dozen", "dozens"].contains(tokens[i + 1].lower) {
            return Reading(value: v * 12, length: 2, digits: true)
        }
        if n == 1, i + 2 < limit, tokens[i + 1].lower == "and", let half = halfAt(i + 2, limit: limit) {
            return Reading(value: v + 0.5, length: 2 + half, digits: true)
        }
        return Reading(value: v, length: n, digits: true)
    }

    /// A word number being read: the sum so far, what its last word was, and the next token.
    private struct WordNumber {
        enum Last { case none, unit, tens, hundred, scale }
        var total = 0.0
        var current = 0.0
        var last = Last.none
        var lastScale = 0.0
        var ordinal = false
        /// Whether any number word was read.
        var any = false
        var j: Int
    }

    /// Number words: "three hundred and twenty-five thousand", "two dozen", "forty second", "three point five".
    private func readWords(at i: Int, limit: Int) -> Reading? {
        var n = WordNumber(j: i)
        while n.j < limit, tokens[n.j].kind == .word, readWord(&n, from: i, limit: limit) {}
        guard n.any else { return nil }
        var value = n.total + n.current
        var j = n.j
        // "two and a half" (years), "five and half"
        if !n.ordinal, j + 2 < limit, tokens[j].lower == "and", let half = halfAt(j + 1, limit: limit) {
            value += 0.5
            j += 1 + half
        }
        // a trailing "and" was not consumed
        return Reading(value: value, length: j - i, ordinal: n.ordinal)
    }

    /// Reads the word at `n.j` into the number, if it belongs to it; returns whether the number may go on.
    private func readWord(_ n: inout WordNumber, from i: Int, limit: Int) -> Bool {
        let lw = tokens[n.j].lower
        if let (v, ord) = NumberReader.wordValue(lw) { return addValueWord(lw, v, ordinal: ord, to: &n) }
        if lw == "hundred" && n.any && n.last != .hundred {
            n.current = (n.current == 0 ? 1 : n.current) * 100
            n.last = .hundred
            n.j += 1
            return true
        }
        if let s = NumberReader.scales[lw], s > 100, n.any {
            if n.last == .scale, n.current == 0, s > n.lastScale {
                // "three thousand million(s)": the larger scale multiplies the whole
                n.total *= s
            } else {
                n.total += (n.current == 0 ? 1 : n.current) * s
            }
            n.current = 0
            n.last = .scale
            n.lastScale = s
            n.j += 1
            return true
        }
        // "three point five", "two point two million": decimal digits told one by one (not "at one point two men …")
        if lw == "point", n.any, n.last == .unit || n.last == .tens, n.j + 1 < limit,
            !(i > 0 && tokens[i - 1].lower == "at" && n.total == 0 && n.current == 1)
        {
            return readDecimals(&n, limit: limit)
        }
        if let o = NumberReader.ordinalUnits[lw], o >= 100, n.any {
            n.current = (n.current == 0 ? 1 : n.current) * o
            n.ordinal = true
            n.j += 1
            return false
        }
        if lw == "and", n.any, n.last == .hundred || n.last == .scale, n.j + 1 < limit,
            NumberReader.wordValue(tokens[n.j + 1].lower) != nil
        {
            n.j += 1
            return true
        }
        if (lw == "dozen" || lw == "dozens") && n.any {
            n.current *= 12
            n.j += 1
        }
        return false
    }

    /// A unit or tens word of value `v` ("three", "twenty", "forty-second"), unless it starts another number.
    private func addValueWord(_ lw: String, _ v: Double, ordinal: Bool, to n: inout WordNumber) -> Bool {
        let isTens = NumberReader.tens[lw] != nil || (NumberReader.ordinalUnits[lw] ?? 0) >= 20
        let compound = v >= 20 && v.truncatingRemainder(dividingBy: 10) != 0
        switch n.last {
        case .unit: return false  // "one two" is two numbers
        case .tens where isTens || compound || v >= 10: return false
        default: break
        }
        n.current += v
        n.last = (isTens && !compound) ? .tens : .unit
        n.any = true
        n.j += 1
        if ordinal {
            n.ordinal = true
            return false
        }
        return true
    }

    /// The digits told one by one after "point" at `n.j`; without one the number ends before "point".
    private func readDecimals(_ n: inout WordNumber, limit: Int) -> Bool {
        var k = n.j + 1
        var fraction = 0.0
        var place = 0.1
        while k < limit, tokens[k].kind == .word, let d = NumberReader.units[tokens[k].lower], d < 10 {
            fraction += d * place
            place /= 10
            k += 1
        }
        guard k > n.j + 1 else { return false }
        n.current += fraction
        n.last = .unit
        n.j = k
        return true
    }

    /// "a half" / "an half" / "half" at `k`: its length in tokens.
    func halfAt(_ k: Int, limit: Int) -> Int? {
        guard k < limit else { return nil }
        if tokens[k].lower == "half" { return 1 }
        if k + 1 < limit, ["a", "an"].contains(tokens[k].lower), tokens[k + 1].lower == "half" { return 2 }
        return nil
    }
}
