import Foundation
import WorkbenchLua

/// `workbench.json`: encode Lua values as JSON and decode JSON into Lua tables.
extension ScriptRuntime {
    /// Pushes the `workbench.json` table.
    func pushJSONModule() {
        lua.newTable()
        lua.push(function: { [unowned self] l in
            guard !l.isNoneOrNil(1) || l.type(at: 1) == .nil else { throw LuaArgumentError(1, "value expected") }
            var pretty = false
            if l.type(at: 2) == .table {
                l.getField("pretty", in: 2)
                pretty = l.truthy(at: -1)
                l.pop()
            }
            var encoder = LuaJSONEncoder(lua: l, state: self.state, pretty: pretty)
            try encoder.encode(at: 1, depth: 0)
            try self.state.meter(bytes: encoder.out.count)
            l.push(bytes: encoder.out[...])
            return 1
        })
        lua.setField("encode", in: -2)
        lua.push(function: { [unowned self] l in
            guard let bytes = l.bytes(at: 1) ?? l.string(at: 1).map({ Array($0.utf8) }) else {
                throw LuaArgumentError(1, "string expected, got \(l.typeName(at: 1))")
            }
            var decoder = LuaJSONDecoder(lua: l, state: self.state, bytes: bytes)
            let top = l.top
            do {
                try decoder.decodeDocument()
                return 1
            } catch let problem as LuaJSONDecoder.Problem {
                l.top = top
                l.pushNil()
                l.push("json.decode: \(problem.message)")
                return 2
            }
        })
        lua.setField("decode", in: -2)
    }

    /// Pushes a decoded JSON value (arrays become Lists), checking the run's limits as it goes.
    func pushJSON(_ value: Any, on l: Lua? = nil, nodes: inout Int) throws {
        let lua = l ?? self.lua
        guard lua.checkStack(8) else { throw LuaRaise("json.decode: nesting too deep") }
        nodes += 1
        if nodes & 0x3FF == 0 { try state.meter(bytes: 0) }
        switch value {
        case is NSNull: lua.pushNil()
        case let n as NSNumber:
            if String(cString: n.objCType) == "c" {
                lua.push(n.boolValue)
            } else if n.doubleValue == n.doubleValue.rounded() && abs(n.doubleValue) < 9e15 {
                lua.push(n.intValue)
            } else {
                lua.push(n.doubleValue)
            }
        case let s as String: lua.push(s)
        case let a as [Any]:
            lua.newTable(array: a.count)
            for (k, v) in a.enumerated() {
                try pushJSON(v, on: lua, nodes: &nodes)
                if lua.type(at: -1) == .nil {
                    lua.pop()
                    lua.push(false)
                }
                lua.setIndex(k + 1, in: -2)
            }
            lua.setMetatable(named: "workbench.List")
        case let o as [String: Any]:
            lua.newTable(hash: o.count)
            for (k, v) in o {
                try pushJSON(v, on: lua, nodes: &nodes)
                lua.setField(k, in: -2)
            }
        default: lua.pushNil()
        }
    }

    /// Pushes a decoded JSON value without limits (for the workbench's own data, such as shard files).
    func pushJSON(_ value: Any) {
        var nodes = 0
        try? pushJSON(value, nodes: &nodes)
    }

    /// The value at `index` as a JSON-compatible Swift value (for the workbench's own use: tallies).
    func jsonValue(at index: Int32, depth: Int) throws -> Any {
        var encoder = LuaJSONEncoder(lua: lua, state: state, pretty: false)
        try encoder.encode(at: index, depth: depth)
        return try JSONSerialization.jsonObject(with: Data(encoder.out), options: [.fragmentsAllowed])
    }
}

/// Writes a Lua value as JSON straight into a byte buffer: keys sorted, lists as arrays, the run's
/// time and memory limits checked as the output grows, cycles and excessive nesting refused.
struct LuaJSONEncoder {
    let lua: Lua
    let state: LuaState
    let pretty: Bool
    private(set) var out: [UInt8] = []
    /// Tables on the path from the root (a table met again there is a cycle).
    private var path = Set<UnsafeRawPointer>()
    private var nextCheck = LuaState.meterStep
    private var nodes = 0

    /// Deeper nesting than this is refused.
    static let maxDepth = 200

    init(lua: Lua, state: LuaState, pretty: Bool) {
        self.lua = lua
        self.state = state
        self.pretty = pretty
    }

    /// Appends the value at `index`.
    mutating func encode(at index: Int32, depth: Int) throws {
        nodes += 1
        if out.count >= nextCheck || nodes & 0x3FF == 0 {
            try state.meter(bytes: out.count)
            nextCheck = out.count + LuaState.meterStep
        }
        let i = lua.absolute(index)
        switch lua.type(at: i) {
        case .nil: append("null")
        case .boolean: append(lua.truthy(at: i) ? "true" : "false")
        case .number:
            if lua.isInteger(at: i), let n = lua.integer(at: i) {
                append(String(n))
                return
            }
            guard let d = lua.number(at: i), d.isFinite else { throw LuaRaise("json.encode: cannot encode inf or nan") }
            append(d == d.rounded() && abs(d) < 9.007e15 ? String(Int(d)) : d.description)
        case .string: writeString(lua.string(at: i) ?? "")
        case .table: try encodeTable(at: i, depth: depth)
        default:
            throw LuaRaise("json.encode: cannot encode a \(lua.typeName(at: i))")
        }
    }

    private mutating func encodeTable(at i: Int32, depth: Int) throws {
        guard depth < Self.maxDepth else { throw LuaRaise("json.encode: nested deeper than \(Self.maxDepth) levels") }
        guard lua.checkStack(8) else { throw LuaRaise("json.encode: nested too deeply for the Lua stack") }
        guard let pointer = lua.pointer(at: i) else { return }
        guard path.insert(pointer).inserted else { throw LuaRaise("json.encode: a table contains itself (a cycle)") }
        defer { path.remove(pointer) }
        let n = lua.rawLength(at: i)
        var keys: [String] = []
        var count = 0
        var stringKeys = true
        lua.forEach(inTable: i) {
            count += 1
            if lua.type(at: -2) == .string, let k = lua.string(at: -2) { keys.append(k) } else { stringKeys = false }
            return true
        }
        if n > 0 && count == n {
            out.append(UInt8(ascii: "["))
            for k in 1...n {
                if k > 1 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                lua.getIndex(k, in: i)
                defer { lua.pop() }
                try encode(at: -1, depth: depth + 1)
            }
            newline(depth)
            out.append(UInt8(ascii: "]"))
            return
        }
        guard stringKeys || count == 0 else {
            throw LuaRaise("json.encode: a table mixes list items and keys that are not strings")
        }
        out.append(UInt8(ascii: "{"))
        for (k, key) in keys.sorted().enumerated() {
            if k > 0 { out.append(UInt8(ascii: ",")) }
            newline(depth + 1)
            writeString(key)
            out.append(UInt8(ascii: ":"))
            if pretty { out.append(UInt8(ascii: " ")) }
            lua.getField(key, in: i)
            defer { lua.pop() }
            try encode(at: -1, depth: depth + 1)
        }
        if !keys.isEmpty { newline(depth) }
        out.append(UInt8(ascii: "}"))
    }

    private mutating func append(_ s: String) { out.append(contentsOf: s.utf8) }

    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    private mutating func writeString(_ value: String) {
        out.append(UInt8(ascii: "\""))
        for b in value.utf8 {
            switch b {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                out.append(UInt8(ascii: "\\"))
                out.append(b)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)])
                out.append(hex[Int(b & 15)])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

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
