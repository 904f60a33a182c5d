/// "Did you mean" for names a user types: scripts, arguments, fields.
package enum Spelling {
    /// The closest of `candidates` to `word`, when it is near enough to be a typo.
    /// - Parameters:
    ///   - word: what the user typed.
    ///   - candidates: the names that exist.
    /// - Returns: the nearest candidate within two edits (or one the word begins), else nil.
    package static func closest(to word: String, in candidates: [String]) -> String? {
        let w = Array(word.lowercased().unicodeScalars)
        var best: (name: String, distance: Int)?
        for c in candidates {
            let d = distance(w, Array(c.lowercased().unicodeScalars))
            if best == nil || d < best!.distance || (d == best!.distance && c < best!.name) { best = (c, d) }
        }
        guard let best else { return nil }
        if best.distance <= 2 && best.distance < w.count { return best.name }
        if w.count >= 3 && best.name.lowercased().hasPrefix(word.lowercased()) { return best.name }
        return nil
    }

    /// Levenshtein distance (names are short; longer ones are never typos of each other).
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.count > 64 || b.count > 64 { return Int.max / 2 }
        var prev = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
