/// A string-keyed table for lookups made once per token.
///
/// ASCII words (nearly all of them) are found by an FNV-1a hash of their bytes in an open-addressed table, which
/// costs a fraction of `Dictionary`'s seeded hashing; other words go through a `Dictionary`, which compares them by
/// canonical equivalence as Swift strings do. (An ASCII word is never looked up among non-ASCII keys: the lexicons
/// hold no compatibility characters such as the Kelvin sign that normalise to ASCII.)
package struct WordTable<Value: Sendable>: Sendable, ExpressibleByDictionaryLiteral {
    /// Open-addressed slots: an entry's index plus one, 0 when empty.
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var words: [String] = []
    private var values: [Value] = []
    private let mask: Int
    /// Keys with non-ASCII characters.
    private var other: [String: Value] = [:]

    /// - Parameter entries: the words and their values.
    package init(_ entries: [String: Value]) {
        var size = 16
        while size < entries.count * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for (key, value) in entries {
            let (h, ascii) = Self.hash(key)
            guard ascii else {
                other[key] = value
                continue
            }
            var i = Int(truncatingIfNeeded: h) & mask
            while slots[i] != 0 { i = (i + 1) & mask }
            words.append(key)
            hashes.append(h)
            values.append(value)
            slots[i] = Int32(words.count)
        }
    }

    package init(dictionaryLiteral elements: (String, Value)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { a, _ in a }))
    }

    /// Every word in the table.
    package var keys: [String] { words + other.keys }

    /// The value stored for `word`, if any.
    package subscript(_ word: String) -> Value? {
        let (h, ascii) = Self.hash(word)
        guard ascii else { return other.isEmpty ? nil : other[word] }
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = Int(slots[i])
            if s == 0 { return nil }
            if hashes[s - 1] == h && words[s - 1] == word { return values[s - 1] }
            i = (i + 1) & mask
        }
    }

    /// FNV-1a over the UTF-8 bytes, and whether they are all ASCII.
    @inline(__always) private static func hash(_ word: String) -> (UInt64, Bool) {
        var w = word
        return w.withUTF8 { buf in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var high: UInt8 = 0
            for b in buf {
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                high |= b
            }
            return (h, high < 0x80)
        }
    }
}

/// A set of words with `WordTable`'s lookup, for membership tests made once per token.
package struct WordSet: Sendable, ExpressibleByArrayLiteral {
    private let table: WordTable<Bool>

    /// - Parameter words: the members.
    package init<S: Sequence>(_ words: S) where S.Element == String {
        table = WordTable(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { a, _ in a }))
    }

    package init(arrayLiteral elements: String...) { self.init(elements) }

    /// Whether `word` is a member.
    package func contains(_ word: String) -> Bool { table[word] != nil }
}
