import Foundation
import WorkbenchLua

/// Reads JSON straight into Lua values (objects as tables, arrays as Lists, null as nothing in an
/// object and `false` in an array), with no intermediate objects, checking the run's limits as it goes.
struct LuaJSONDecoder {
    struct Problem: Error { var message: String }

    let lua: Lua
    let state: LuaState
    let bytes: [UInt8]
    private var i = 0
    private var values = 0

    init(lua: Lua, state: LuaState, bytes: [UInt8]) {
        self.lua = lua
        self.state = state
        self.bytes = bytes
    }

    /// Pushes the document's one value; anything after it but spaces is an error.
    mutating func decodeDocument() throws {
        try value(depth: 0)
        skipSpace()
        if i < bytes.count { throw fail("unexpected text after the value") }
    }

    private func fail(_ what: String) -> Problem {
        Problem(message: "not valid JSON (\(what) at byte \(i + 1))")
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// Pushes one value (nil for JSON null).
    private mutating func value(depth: Int) throws {
        values += 1
        if values & 0x3FF == 0 { try state.meter(bytes: 0) }
        skipSpace()
        guard i < bytes.count else { throw fail("unexpected end") }
        switch bytes[i] {
        case UInt8(ascii: "{"): try object(depth: depth)
        case UInt8(ascii: "["): try array(depth: depth)
        case UInt8(ascii: "\""): lua.push(bytes: try string()[...])
        case UInt8(ascii: "t"):
            try literal("true")
            lua.push(true)
        case UInt8(ascii: "f"):
            try literal("false")
            lua.push(false)
        case UInt8(ascii: "n"):
            try literal("null")
            lua.pushNil()
        default: try number()
        }
    }

    private mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else {
            throw fail("unexpected character")
        }
        i += w.count
    }

    private mutating func open(depth: Int) throws {
        guard depth < LuaJSONEncoder.maxDepth else {
            throw Problem(message: "nested deeper than \(LuaJSONEncoder.maxDepth) levels")
        }
        guard lua.checkStack(8) else { throw Problem(message: "nested too deeply for the Lua stack") }
        i += 1
    }

    private mutating func object(depth: Int) throws {
        try open(depth: depth)
        lua.newTable()
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
            let key = try string()
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            i += 1
            lua.push(bytes: key[...])
            try value(depth: depth + 1)
            lua.rawSet(-3)
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "}") {
                i += 1
                return
            }
            throw fail("expected ',' or '}'")
        }
    }

    private mutating func array(depth: Int) throws {
        try open(depth: depth)
        lua.newTable()
        lua.setMetatable(named: "workbench.List")
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return
        }
        var n = 0
        while true {
            try value(depth: depth + 1)
            if lua.type(at: -1) == .nil {
                lua.pop()
                lua.push(false)
            }
            n += 1
            lua.setIndex(n, in: -2)
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end") }
            if bytes[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            if bytes[i] == UInt8(ascii: "]") {
                i += 1
                return
            }
            throw fail("expected ',' or ']'")
        }
    }

    /// A string's bytes (UTF-8), escapes decoded.
    private mutating func string() throws -> [UInt8] {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return out
            }
            if b < 0x20 { throw fail("a control character inside a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { break }
            switch bytes[i] {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), i + 2 < bytes.count, bytes[i + 1] == UInt8(ascii: "\\"),
                    bytes[i + 2] == UInt8(ascii: "u")
                {
                    i += 2
                    let low = try hex4()
                    if (0xDC00..<0xE000).contains(low) { code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00) }
                }
                out.append(contentsOf: String(Unicode.Scalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
            default: throw fail("an unknown escape")
            }
            i += 1
        }
        throw fail("a string that does not end")
    }

    /// Four hex digits after `\u` (leaves `i` on the last one).
    private mutating func hex4() throws -> UInt32 {
        guard i + 4 < bytes.count, let v = UInt32(String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self), radix: 16)
        else {
            throw fail("a bad \\u escape")
        }
        i += 4
        return v
    }

    private mutating func number() throws {
        let start = i
        var integral = true
        while i < bytes.count {
            let b = bytes[i]
            if (0x30...0x39).contains(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                i += 1
                continue
            }
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "e") || b == UInt8(ascii: "E") {
                integral = false
                i += 1
                continue
            }
            break
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard !text.isEmpty, text.first != "+", !text.hasPrefix("-+") else { throw fail("unexpected character") }
        if integral, let n = Int(text) {
            lua.push(n)
            return
        }
        guard let d = Double(text), d.isFinite else { throw fail("a bad number") }
        if d == d.rounded(), abs(d) < 9e15 { lua.push(Int(d)) } else { lua.push(d) }
    }
}
