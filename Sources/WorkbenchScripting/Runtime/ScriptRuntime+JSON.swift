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
