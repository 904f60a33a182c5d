import CLua

/// string.find, match, gmatch and gsub backed by `LuaPattern`, so pattern matching obeys the
/// time budget and Ctrl-C like the rest of a script.
extension LuaState {
    /// Why running code should stop now (time budget or interrupt), if it should; a stop found here
    /// is armed so the hook raises it again at the next instruction (pcall cannot swallow it).
    package func stopRequested() -> String? {
        let reason = CLua_pendingstop(limits)
        guard reason != 0 else { return nil }
        armStop(reason: reason)
        return LuaState.stopMessage(reason)
    }

    /// Checks work a Swift function does for a script: throws the pending stop, or a memory error when
    /// `bytes` more would take the state past its memory limit (Swift buffers count like Lua's own).
    package func meter(bytes: Int) throws {
        if stopRequested() != nil { throw LuaStop() }
        let limit = limits.pointee.limit
        if limit > 0 && limits.pointee.used + bytes > limit { throw LuaRaise("not enough memory") }
    }

    /// Replaces the pattern functions of the string library (shared by every environment and by `("x"):find`).
    func installPatternFunctions() {
        let lua = self.lua
        lua.getGlobal("string")
        lua.push(function: { [unowned self] l in try self.find(l, find: true) })
        lua.setField("find", in: -2)
        lua.push(function: { [unowned self] l in try self.find(l, find: false) })
        lua.setField("match", in: -2)
        lua.push(function: { [unowned self] l in try self.gmatch(l) })
        lua.setField("gmatch", in: -2)
        lua.push(function: { [unowned self] l in try self.gsub(l) })
        lua.setField("gsub", in: -2)
        lua.pop()
    }

    /// Converts a Lua string position (1-based, negative from the end) to 0-based.
    private static func startIndex(_ i: Int, _ length: Int) -> Int {
        if i > 0 { return i - 1 }
        if i == 0 { return 0 }
        return max(0, length + i)
    }

    private static let specials = Set("^$*+?.([%-".utf8)

    /// How many bytes a Swift function may build between two checks of the limits.
    package static let meterStep = 1 << 16

    private func pattern(_ s: [UInt8], _ p: [UInt8]) -> LuaPattern {
        LuaPattern(subject: s, pattern: p, shouldStop: { [unowned self] in self.stopRequested() })
    }

    /// Pushes captures; returns how many.
    private func push(_ caps: [LuaPattern.Capture], subject s: [UInt8], on l: Lua) -> Int32 {
        l.checkStack(Int32(caps.count) + 4)
        for c in caps {
            switch c {
            case .range(let a, let b): l.push(bytes: s[a..<b])
            case .position(let p): l.push(p)
            }
        }
        return Int32(caps.count)
    }

    private func find(_ l: Lua, find: Bool) throws -> Int32 {
        let name = find ? "find" : "match"
        guard let s = l.bytes(at: 1) ?? l.string(at: 1).map({ Array($0.utf8) }) else {
            throw LuaArgumentError(1, "string expected, got \(l.typeName(at: 1))")
        }
        guard let p = l.bytes(at: 2) ?? l.string(at: 2).map({ Array($0.utf8) }) else {
            throw LuaArgumentError(2, "string expected, got \(l.typeName(at: 2))")
        }
        let initial = l.isNoneOrNil(3) ? 1 : try l.checkInteger(3)
        let start = LuaState.startIndex(initial, s.count)
        if start > s.count {
            l.pushNil()
            return 1
        }
        if find && (l.truthy(at: 4) || !p.contains(where: { LuaState.specials.contains($0) })) {
            // plain search
            if p.isEmpty {
                l.push(start + 1)
                l.push(start)
                return 2
            }
            var i = start
            while i + p.count <= s.count {
                if s[i] == p[0] && s[i..<(i + p.count)].elementsEqual(p) {
                    l.push(i + 1)
                    l.push(i + p.count)
                    return 2
                }
                i += 1
            }
            l.pushNil()
            return 1
        }
        var m = pattern(s, p)
        let anchor = p.first == UInt8(ascii: "^")
        var si = start
        do {
            repeat {
                if let e = try m.match(at: si, patternFrom: anchor ? 1 : 0) {
                    if find {
                        l.push(si + 1)
                        l.push(e)
                        return 2
                            + push(try m.captures(matchStart: si, matchEnd: e, wholeIfNone: false), subject: s, on: l)
                    }
                    return push(try m.captures(matchStart: si, matchEnd: e), subject: s, on: l)
                }
                si += 1
            } while si <= s.count && !anchor
        } catch let f as LuaPattern.Failure {
            throw LuaRaise(f.message)
        }
        _ = name
        l.pushNil()
        return 1
    }

    private func gmatch(_ l: Lua) throws -> Int32 {
        guard let s = l.bytes(at: 1) ?? l.string(at: 1).map({ Array($0.utf8) }) else {
            throw LuaArgumentError(1, "string expected, got \(l.typeName(at: 1))")
        }
        guard let p = l.bytes(at: 2) ?? l.string(at: 2).map({ Array($0.utf8) }) else {
            throw LuaArgumentError(2, "string expected, got \(l.typeName(at: 2))")
        }
        let initial = l.isNoneOrNil(3) ? 1 : try l.checkInteger(3)
        var src = min(LuaState.startIndex(initial, s.count), s.count + 1)
        var lastMatch = -1
        l.push(function: { [unowned self] l in
            var m = self.pattern(s, p)
            do {
                while src <= s.count {
                    if let e = try m.match(at: src, patternFrom: 0), e != lastMatch {
                        let caps = try m.captures(matchStart: src, matchEnd: e)
                        src = e
                        lastMatch = e
                        return self.push(caps, subject: s, on: l)
                    }
                    src += 1
                }
            } catch let f as LuaPattern.Failure {
                throw LuaRaise(f.message)
            }
            return 0
        })
        return 1
    }

    private func gsub(_ l: Lua) throws -> Int32 {
        guard let s = l.bytes(at: 1) ?? l.string(at: 1).map({ Array($0.utf8) }) else {
            throw LuaArgumentError(1, "string expected, got \(l.typeName(at: 1))")
        }
        guard let p = l.bytes(at: 2) ?? l.string(at: 2).map({ Array($0.utf8) }) else {
            throw LuaArgumentError(2, "string expected, got \(l.typeName(at: 2))")
        }
        let replType = l.type(at: 3)
        guard replType == .number || replType == .string || replType == .table || replType == .function else {
            throw LuaArgumentError(3, "string/function/table expected, got \(l.typeName(at: 3))")
        }
        let maxN = l.isNoneOrNil(4) ? s.count + 1 : try l.checkInteger(4)
        let replString: [UInt8]? =
            (replType == .string || replType == .number)
            ? (l.bytes(at: 3) ?? l.string(at: 3).map { Array($0.utf8) }) : nil
        let anchor = p.first == UInt8(ascii: "^")
        var m = pattern(s, p)
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var src = 0
        var lastMatch = -1
        var n = 0
        var nextCheck = LuaState.meterStep
        do {
            while n < maxN {
                if out.count >= nextCheck {
                    try meter(bytes: out.count)
                    nextCheck = out.count + LuaState.meterStep
                }
                if let e = try m.match(at: src, patternFrom: anchor ? 1 : 0), e != lastMatch {
                    n += 1
                    try addValue(
                        &out, l, m: m, subject: s, start: src, end: e, replType: replType, replString: replString)
                    src = e
                    lastMatch = e
                } else if src < s.count {
                    out.append(s[src])
                    src += 1
                } else {
                    break
                }
                if anchor { break }
            }
        } catch let f as LuaPattern.Failure {
            throw LuaRaise(f.message)
        }
        if src < s.count { out.append(contentsOf: s[src...]) }
        try meter(bytes: out.count)
        l.push(bytes: out[...])
        l.push(n)
        return 2
    }

    /// Appends the replacement for one match (lstrlib's add_value).
    private func addValue(
        _ out: inout [UInt8], _ l: Lua, m: LuaPattern, subject s: [UInt8], start: Int, end: Int,
        replType: LuaType, replString: [UInt8]?
    ) throws {
        let caps = try m.captures(matchStart: start, matchEnd: end)
        if let r = replString {
            var i = 0
            while i < r.count {
                let c = r[i]
                if c != UInt8(ascii: "%") {
                    out.append(c)
                    i += 1
                    continue
                }
                i += 1
                guard i < r.count else { throw LuaPattern.Failure(message: "invalid use of '%' in replacement string") }
                let d = r[i]
                if d == UInt8(ascii: "%") {
                    out.append(d)
                } else if d >= UInt8(ascii: "0") && d <= UInt8(ascii: "9") {
                    let idx = Int(d - UInt8(ascii: "0"))
                    let cap: LuaPattern.Capture
                    if idx == 0 {
                        cap = .range(start, end)
                    } else {
                        guard idx - 1 < caps.count, idx <= max(1, m.captureCount) else {
                            throw LuaPattern.Failure(message: "invalid capture index %\(idx)")
                        }
                        cap = caps[idx - 1]
                    }
                    switch cap {
                    case .range(let a, let b): out.append(contentsOf: s[a..<b])
                    case .position(let p): out.append(contentsOf: String(p).utf8)
                    }
                } else {
                    throw LuaPattern.Failure(message: "invalid use of '%' in replacement string")
                }
                i += 1
            }
            return
        }
        let top = l.top
        defer { l.top = top }
        if replType == .table {
            _ = push([caps[0]], subject: s, on: l)
            lua_gettable_raw_or_meta(l, table: 3)
        } else {
            l.pushValue(at: 3)
            let n = push(caps, subject: s, on: l)
            do { try call(nargs: n, nresults: 1, on: l) } catch { throw LuaRaise(error.message, withPosition: false) }
        }
        switch l.type(at: -1) {
        case .nil: out.append(contentsOf: s[start..<end])
        case .boolean where !l.truthy(at: -1): out.append(contentsOf: s[start..<end])
        case .string, .number: out.append(contentsOf: l.bytes(at: -1) ?? Array((l.string(at: -1) ?? "").utf8))
        default: throw LuaPattern.Failure(message: "invalid replacement value (a \(l.typeName(at: -1)))")
        }
    }

    /// Looks up the key on top in the table at `table` (raw), replacing the key with the value.
    private func lua_gettable_raw_or_meta(_ l: Lua, table: Int32) {
        l.rawGet(table)
    }
}
