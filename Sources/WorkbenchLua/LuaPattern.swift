/// Lua 5.4 pattern matching (string.find, match, gmatch, gsub), reimplemented so that a
/// pathological pattern can be stopped: C's matcher runs without ever reaching the instruction hook,
/// so `("a"):rep(1e5):find((".-"):rep(9) .. "b")` would hang the workbench. This one counts its
/// steps and asks `shouldStop` every few thousand, like the hook does for Lua code.
///
/// Semantics follow lstrlib.c: byte-wise, C-locale character classes, captures (including position
/// captures), back-references, `%b`, `%f`, anchors, and the same error messages.
struct LuaPattern {
    /// Raised when the pattern is malformed, or when matching was stopped.
    struct Failure: Error {
        var message: String
    }

    /// A capture: a range of the subject, or a position (`()`).
    enum Capture {
        case range(Int, Int)
        case position(Int)
    }

    private let s: [UInt8]
    private let p: [UInt8]
    private var level = 0
    private var captureStart: [Int] = Array(repeating: 0, count: 32)
    /// -1: unfinished; -2: position capture; else the length.
    private var captureLength: [Int] = Array(repeating: 0, count: 32)
    private var depth = 0
    private var steps = 0
    private let shouldStop: () -> String?

    static let maxCaptures = 32
    static let maxDepth = 200

    init(subject: [UInt8], pattern: [UInt8], shouldStop: @escaping () -> String?) {
        s = subject
        p = pattern
        self.shouldStop = shouldStop
    }

    // MARK: Entry points

    /// Tries to match at subject position `start`, with the pattern starting at `pstart`.
    /// - Returns: the end of the match.
    mutating func match(at start: Int, patternFrom pstart: Int) throws -> Int? {
        level = 0
        depth = 0
        return try doMatch(start, pstart)
    }

    /// The captures of the last match (the whole match when the pattern has none).
    func captures(matchStart: Int, matchEnd: Int, wholeIfNone: Bool = true) throws -> [Capture] {
        if level == 0 && wholeIfNone { return [.range(matchStart, matchEnd)] }
        var out: [Capture] = []
        for i in 0..<level {
            let l = captureLength[i]
            if l == -1 { throw Failure(message: "unfinished capture") }
            if l == -2 {
                out.append(.position(captureStart[i] + 1))
            } else {
                out.append(.range(captureStart[i], captureStart[i] + l))
            }
        }
        return out
    }

    var captureCount: Int { level }

    // MARK: The matcher (after lstrlib.c's do_match)

    private mutating func tick() throws {
        steps += 1
        if steps & 0xFFF == 0, let reason = shouldStop() { throw Failure(message: reason) }
    }

    private func classEnd(_ pi: Int) throws -> Int {
        var i = pi
        let c = p[i]
        i += 1
        if c == UInt8(ascii: "%") {
            if i >= p.count { throw Failure(message: "malformed pattern (ends with '%')") }
            return i + 1
        }
        if c == UInt8(ascii: "[") {
            if i < p.count && p[i] == UInt8(ascii: "^") { i += 1 }
            repeat {
                if i >= p.count { throw Failure(message: "malformed pattern (missing ']')") }
                let cc = p[i]
                i += 1
                if cc == UInt8(ascii: "%") { i += 1 }
            } while i >= p.count || p[i] != UInt8(ascii: "]")
            return i + 1
        }
        return i
    }

    private static func matchClass(_ c: UInt8, _ cl: UInt8) -> Bool {
        let lower = cl | 0x20
        var res: Bool
        switch lower {
        case UInt8(ascii: "a"): res = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
        case UInt8(ascii: "c"): res = c < 0x20 || c == 0x7F
        case UInt8(ascii: "d"): res = c >= 0x30 && c <= 0x39
        case UInt8(ascii: "g"): res = c > 0x20 && c < 0x7F
        case UInt8(ascii: "l"): res = c >= 0x61 && c <= 0x7A
        case UInt8(ascii: "p"):
            res = (c > 0x20 && c < 0x30) || (c > 0x39 && c < 0x41) || (c > 0x5A && c < 0x61) || (c > 0x7A && c < 0x7F)
        case UInt8(ascii: "s"): res = c == 0x20 || (c >= 0x09 && c <= 0x0D)
        case UInt8(ascii: "u"): res = c >= 0x41 && c <= 0x5A
        case UInt8(ascii: "w"): res = ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) || (c >= 0x30 && c <= 0x39)
        case UInt8(ascii: "x"): res = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66)
        default: return cl == c
        }
        if cl >= 0x41 && cl <= 0x5A { res = !res }  // %A, %D … complement
        return res
    }

    /// Whether `c` is in the set `[…]` spanning p[pi] ('[') to p[ec] (']').
    private func matchBracketClass(_ c: UInt8, _ pi: Int, _ ec: Int) -> Bool {
        var i = pi + 1
        var sig = true
        if p[i] == UInt8(ascii: "^") {
            sig = false
            i += 1
        }
        while i < ec {
            if p[i] == UInt8(ascii: "%") {
                i += 1
                if LuaPattern.matchClass(c, p[i]) { return sig }
                i += 1
            } else if i + 2 < ec && p[i + 1] == UInt8(ascii: "-") {
                if p[i] <= c && c <= p[i + 2] { return sig }
                i += 3
            } else {
                if p[i] == c { return sig }
                i += 1
            }
        }
        return !sig
    }

    private func singleMatch(_ si: Int, _ pi: Int, _ ep: Int) -> Bool {
        guard si < s.count else { return false }
        let c = s[si]
        switch p[pi] {
        case UInt8(ascii: "."): return true
        case UInt8(ascii: "%"): return LuaPattern.matchClass(c, p[pi + 1])
        case UInt8(ascii: "["): return matchBracketClass(c, pi, ep - 1)
        default: return p[pi] == c
        }
    }

    private mutating func doMatch(_ sStart: Int, _ pStart: Int) throws -> Int? {
        depth += 1
        defer { depth -= 1 }
        if depth > LuaPattern.maxDepth { throw Failure(message: "pattern too complex") }
        var si = sStart
        var pi = pStart
        while true {
            try tick()
            if pi == p.count { return si }
            switch p[pi] {
            case UInt8(ascii: "("):
                if pi + 1 < p.count && p[pi + 1] == UInt8(ascii: ")") { return try startCapture(si, pi + 2, -2) }
                return try startCapture(si, pi + 1, -1)
            case UInt8(ascii: ")"):
                return try endCapture(si, pi + 1)
            case UInt8(ascii: "$") where pi + 1 == p.count:
                return si == s.count ? si : nil
            case UInt8(ascii: "%") where pi + 1 < p.count && p[pi + 1] == UInt8(ascii: "b"):
                guard let e = try matchBalance(si, pi + 2) else { return nil }
                si = e
                pi += 4
                continue
            case UInt8(ascii: "%") where pi + 1 < p.count && p[pi + 1] == UInt8(ascii: "f"):
                pi += 2
                guard pi < p.count, p[pi] == UInt8(ascii: "[") else {
                    throw Failure(message: "missing '[' after '%f' in pattern")
                }
                let ep = try classEnd(pi)
                let previous: UInt8 = si == 0 ? 0 : s[si - 1]
                let current: UInt8 = si < s.count ? s[si] : 0
                if !matchBracketClass(previous, pi, ep - 1) && matchBracketClass(current, pi, ep - 1) {
                    pi = ep
                    continue
                }
                return nil
            case UInt8(ascii: "%") where pi + 1 < p.count && p[pi + 1] >= 0x30 && p[pi + 1] <= 0x39:
                guard let e = try matchCapture(si, Int(p[pi + 1] - 0x30)) else { return nil }
                si = e
                pi += 2
                continue
            default:
                let ep = try classEnd(pi)
                let q: UInt8 = ep < p.count ? p[ep] : 0
                if !singleMatch(si, pi, ep) {
                    if q == UInt8(ascii: "*") || q == UInt8(ascii: "?") || q == UInt8(ascii: "-") {
                        pi = ep + 1
                        continue
                    }
                    return nil
                }
                switch q {
                case UInt8(ascii: "?"):
                    if let r = try doMatch(si + 1, ep + 1) { return r }
                    pi = ep + 1
                    continue
                case UInt8(ascii: "+"):
                    return try maxExpand(si + 1, pi, ep)
                case UInt8(ascii: "*"):
                    return try maxExpand(si, pi, ep)
                case UInt8(ascii: "-"):
                    return try minExpand(si, pi, ep)
                default:
                    si += 1
                    pi = ep
                    continue
                }
            }
        }
    }

    private mutating func maxExpand(_ si: Int, _ pi: Int, _ ep: Int) throws -> Int? {
        var i = 0
        while singleMatch(si + i, pi, ep) {
            i += 1
            try tick()
        }
        while i >= 0 {
            if let r = try doMatch(si + i, ep + 1) { return r }
            i -= 1
        }
        return nil
    }

    private mutating func minExpand(_ sStart: Int, _ pi: Int, _ ep: Int) throws -> Int? {
        var si = sStart
        while true {
            if let r = try doMatch(si, ep + 1) { return r }
            if singleMatch(si, pi, ep) { si += 1 } else { return nil }
        }
    }

    private mutating func startCapture(_ si: Int, _ pi: Int, _ what: Int) throws -> Int? {
        if level >= LuaPattern.maxCaptures { throw Failure(message: "too many captures") }
        captureStart[level] = si
        captureLength[level] = what
        level += 1
        if let r = try doMatch(si, pi) { return r }
        level -= 1
        return nil
    }

    private mutating func endCapture(_ si: Int, _ pi: Int) throws -> Int? {
        var l = -1
        for i in stride(from: level - 1, through: 0, by: -1) where captureLength[i] == -1 {
            l = i
            break
        }
        if l < 0 { throw Failure(message: "invalid pattern capture") }
        captureLength[l] = si - captureStart[l]
        if let r = try doMatch(si, pi) { return r }
        captureLength[l] = -1
        return nil
    }

    private mutating func matchBalance(_ si: Int, _ pi: Int) throws -> Int? {
        guard pi + 1 < p.count else { throw Failure(message: "malformed pattern (missing arguments to '%b')") }
        guard si < s.count, s[si] == p[pi] else { return nil }
        let open = p[pi]
        let close = p[pi + 1]
        var count = 1
        var i = si + 1
        while i < s.count {
            try tick()
            if s[i] == close {
                count -= 1
                if count == 0 { return i + 1 }
            } else if s[i] == open {
                count += 1
            }
            i += 1
        }
        return nil
    }

    private func matchCapture(_ si: Int, _ n: Int) throws -> Int? {
        let l = n - 1
        guard l >= 0, l < level, captureLength[l] != -1 else { throw Failure(message: "invalid capture index %\(n)") }
        let len = captureLength[l]
        guard len >= 0, si + len <= s.count else { return nil }
        if s[captureStart[l]..<(captureStart[l] + len)] == s[si..<(si + len)] { return si + len }
        return nil
    }
}
