import CLua

/// A Lua value type, as `lua_type` reports it.
package enum LuaType: Int32, Sendable {
    case none = -1
    case `nil` = 0
    case boolean = 1
    case lightUserdata = 2
    case number = 3
    case string = 4
    case table = 5
    case function = 6
    case userdata = 7
    case thread = 8

    /// Lua's own name for the type (`nil`, `table`, …).
    package var name: String {
        switch self {
        case .none: return "no value"
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .lightUserdata, .userdata: return "userdata"
        case .number: return "number"
        case .string: return "string"
        case .table: return "table"
        case .function: return "function"
        case .thread: return "thread"
        }
    }
}

/// A Swift function callable from Lua: reads its arguments from the stack and returns how many results it pushed.
///
/// It must not raise Lua errors itself; it throws `LuaArgumentError`, `LuaRaise` or any error, and the
/// C trampoline raises the Lua error after the Swift frames are gone.
package typealias LuaFunction = (Lua) throws -> Int32

/// A non-owning view of a Lua stack (a `lua_State*`): the stack operations Swift code uses.
///
/// Every operation here is one that cannot raise a Lua error from Swift: table access is raw
/// (no metamethods) and allocation failures cannot happen while Swift is running (see CLua's allocator).
package struct Lua {
    package let L: OpaquePointer

    package init(_ L: OpaquePointer) { self.L = L }

    // MARK: Stack

    /// The index of the top element (the number of elements on the stack).
    package var top: Int32 {
        get { lua_gettop(L) }
        nonmutating set { lua_settop(L, newValue) }
    }

    /// Pops `n` elements.
    package func pop(_ n: Int32 = 1) { CLua_pop(L, n) }

    /// The type of the value at `index`.
    package func type(at index: Int32) -> LuaType { LuaType(rawValue: lua_type(L, index)) ?? .none }

    /// Lua's name of the type at `index`, honouring `__name` in metatables.
    package func typeName(at index: Int32) -> String { String(cString: CLua_typename(L, index)) }

    /// Converts a relative index into an absolute one.
    package func absolute(_ index: Int32) -> Int32 { lua_absindex(L, index) }

    /// Makes room for `n` more slots; false when Lua cannot grow the stack.
    @discardableResult
    package func checkStack(_ n: Int32) -> Bool { lua_checkstack(L, n) != 0 }

    // MARK: Pushing

    package func pushNil() { lua_pushnil(L) }
    package func push(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }
    package func push(_ value: Int) { lua_pushinteger(L, lua_Integer(value)) }
    package func push(_ value: Double) { lua_pushnumber(L, value) }

    /// Pushes a string (any bytes, including NUL).
    package func push(_ value: String) {
        var value = value
        value.withUTF8 { buf in
            _ = buf.withMemoryRebound(to: CChar.self) { lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    /// Pushes bytes as a Lua string.
    package func push(bytes: ArraySlice<UInt8>) {
        bytes.withUnsafeBufferPointer { buf in
            _ = buf.withMemoryRebound(to: CChar.self) { lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }

    /// `t[key] = value` for the table at `table` with the key and value on top (both popped), without metamethods.
    package func rawSet(_ table: Int32) { lua_rawset(L, absolute(table)) }

    /// Replaces the key on top with `t[key]` for the table at `table`, without metamethods.
    package func rawGet(_ table: Int32) { _ = lua_rawget(L, absolute(table)) }

    /// Pushes a copy of the value at `index`.
    package func pushValue(at index: Int32) { lua_pushvalue(L, index) }

    /// Pushes a new table with room for `array` sequence items and `hash` other fields.
    package func newTable(array: Int = 0, hash: Int = 0) { lua_createtable(L, Int32(array), Int32(hash)) }

    /// Pushes a Swift function as a Lua function.
    package func push(function: @escaping LuaFunction) {
        let box = Unmanaged.passRetained(LuaFunctionBox(function)).toOpaque()
        CLua_pushswiftfunction(L, box)
    }

    /// Pushes the global table.
    package func pushGlobals() { CLua_pushglobaltable(L) }

    // MARK: Reading

    /// The string at `index` (numbers are converted, as `lua_tostring` does), or nil.
    package func string(at index: Int32) -> String? {
        let t = lua_type(L, index)
        guard t == LUA_TSTRING || t == LUA_TNUMBER else { return nil }
        var len = 0
        // Convert a number on a copy so the original slot keeps its type (lua_next relies on that).
        lua_pushvalue(L, index)
        defer { CLua_pop(L, 1) }
        guard let p = lua_tolstring(L, -1, &len) else { return nil }
        return p.withMemoryRebound(to: UInt8.self, capacity: len) {
            String(decoding: UnsafeBufferPointer(start: $0, count: len), as: UTF8.self)
        }
    }

    /// The raw bytes of the string at `index`.
    package func bytes(at index: Int32) -> [UInt8]? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var len = 0
        guard let p = lua_tolstring(L, index, &len) else { return nil }
        return p.withMemoryRebound(to: UInt8.self, capacity: len) { Array(UnsafeBufferPointer(start: $0, count: len)) }
    }

    /// The integer at `index` when it is an integer (or a float with an exact integer value).
    package func integer(at index: Int32) -> Int? {
        var ok: Int32 = 0
        let v = lua_tointegerx(L, index, &ok)
        return ok != 0 && lua_type(L, index) == LUA_TNUMBER ? Int(v) : nil
    }

    /// The number at `index` when it is a number.
    package func number(at index: Int32) -> Double? {
        lua_type(L, index) == LUA_TNUMBER ? CLua_tonumber(L, index) : nil
    }

    /// Whether the value at `index` is a true value (anything but nil and false).
    package func truthy(at index: Int32) -> Bool { lua_toboolean(L, index) != 0 }

    /// The identity of the table (or other collectable value) at `index`, for cycle detection.
    package func pointer(at index: Int32) -> UnsafeRawPointer? { lua_topointer(L, index) }

    /// Whether the value at `index` is an integer-valued number.
    package func isInteger(at index: Int32) -> Bool { lua_isinteger(L, index) != 0 }

    // MARK: Tables (raw: no metamethods, so nothing can raise)

    /// `t[key] = value`, with the table at `table` and the value on top (popped).
    package func setField(_ key: String, in table: Int32) {
        let t = absolute(table)
        push(key)
        lua_rotate(L, -2, 1)
        lua_rawset(L, t)
    }

    /// Pushes `t[key]` for the table at `table`.
    @discardableResult
    package func getField(_ key: String, in table: Int32) -> LuaType {
        let t = absolute(table)
        push(key)
        return LuaType(rawValue: lua_rawget(L, t)) ?? .none
    }

    /// `t[i] = value`, with the value on top (popped).
    package func setIndex(_ i: Int, in table: Int32) { lua_rawseti(L, table, lua_Integer(i)) }

    /// Pushes `t[i]`.
    @discardableResult
    package func getIndex(_ i: Int, in table: Int32) -> LuaType {
        LuaType(rawValue: lua_rawgeti(L, table, lua_Integer(i))) ?? .none
    }

    /// The raw length (`#t` without `__len`) of the table or string at `index`.
    package func rawLength(at index: Int32) -> Int { Int(lua_rawlen(L, index)) }

    /// Sets the metatable registered under `name` on the value on top, creating an empty one if needed.
    package func setMetatable(named name: String) {
        if CLua_getmetatable_named(L, name) == LUA_TNIL {
            pop()
            luaL_newmetatable(L, name)
        }
        lua_setmetatable(L, -2)
    }

    /// Iterates the table at `index`, calling `body` with the key at -2 and value at -1; return false to stop.
    package func forEach(inTable index: Int32, _ body: () throws -> Bool) rethrows {
        let t = absolute(index)
        pushNil()
        while lua_next(L, t) != 0 {
            let keep = try body()
            pop()
            if !keep {
                pop()
                return
            }
        }
    }

    /// Sets the global `name` to the value on top (popped), bypassing `_G`'s metatable.
    package func setGlobal(_ name: String) {
        pushGlobals()
        lua_rotate(L, -2, 1)
        setField(name, in: -2)
        pop()
    }

    /// Pushes the global `name`, bypassing `_G`'s metatable.
    @discardableResult
    package func getGlobal(_ name: String) -> LuaType {
        pushGlobals()
        let t = getField(name, in: -1)
        lua_rotate(L, -2, 1)
        pop()
        return t
    }

    /// Stores the value on top (popped) in the registry under `key`.
    package func setRegistry(_ key: String) { setField(key, in: CLua_registryindex()) }

    /// Pushes the registry value stored under `key`.
    @discardableResult
    package func getRegistry(_ key: String) -> LuaType { getField(key, in: CLua_registryindex()) }

    /// Pops the value on top into upvalue `n` of the function at `index`; returns the upvalue's name.
    @discardableResult
    package func setUpvalue(of index: Int32, _ n: Int32) -> String? {
        lua_setupvalue(L, index, n).map { String(cString: $0) }
    }

    /// Rotates the elements between `index` and the top by `n` positions.
    package func rotate(_ index: Int32, _ n: Int32) { lua_rotate(L, index, n) }

    // MARK: Argument checking (throws instead of raising)

    /// The string argument at `index`, or a `bad argument` error.
    package func checkString(_ index: Int32) throws -> String {
        if let s = string(at: index) { return s }
        throw LuaArgumentError(Int(index), "string expected, got \(typeName(at: index))")
    }

    /// The optional string argument at `index` (nil when absent or nil).
    package func optString(_ index: Int32) throws -> String? {
        if CLua_isnoneornil(L, index) != 0 { return nil }
        return try checkString(index)
    }

    /// The integer argument at `index`, or a `bad argument` error.
    package func checkInteger(_ index: Int32) throws -> Int {
        if let i = integer(at: index) { return i }
        if type(at: index) == .number { throw LuaArgumentError(Int(index), "number has no integer representation") }
        throw LuaArgumentError(Int(index), "number expected, got \(typeName(at: index))")
    }

    /// The number argument at `index`, or a `bad argument` error.
    package func checkNumber(_ index: Int32) throws -> Double {
        if let d = number(at: index) { return d }
        throw LuaArgumentError(Int(index), "number expected, got \(typeName(at: index))")
    }

    /// Checks that the argument at `index` is a table.
    package func checkTable(_ index: Int32) throws {
        if type(at: index) != .table {
            throw LuaArgumentError(Int(index), "table expected, got \(typeName(at: index))")
        }
    }

    /// Whether argument `index` is absent or nil.
    package func isNoneOrNil(_ index: Int32) -> Bool { CLua_isnoneornil(L, index) != 0 }
}

/// Holds a Swift function for as long as Lua references it (released from the box's `__gc`).
final class LuaFunctionBox {
    let function: LuaFunction
    init(_ function: @escaping LuaFunction) { self.function = function }
}

/// Called by the C trampoline for every Swift function: runs it and turns a thrown error into a status.
private let luaSwiftDispatch: CLua_SwiftDispatch = { L in
    guard let L, let raw = CLua_currentbox(L) else { return CLUA_RAISE }
    let box = Unmanaged<LuaFunctionBox>.fromOpaque(raw).takeUnretainedValue()
    let lua = Lua(L)
    do {
        return try box.function(lua)
    } catch let error as LuaArgumentError {
        lua.push(error.position)
        lua.push(error.message)
        return CLUA_RAISE_ARG
    } catch let error as LuaRaise {
        lua.push(error.message)
        return error.withPosition ? CLUA_RAISE_WHERE : CLUA_RAISE
    } catch is LuaStop {
        return CLUA_RAISE_STOP
    } catch let error as LuaError where error.kind == .stopped {
        return CLUA_RAISE_STOP
    } catch let error as LuaError {
        lua.push(error.message)
        return CLUA_RAISE
    } catch {
        lua.push(String(describing: error))
        return CLUA_RAISE_WHERE
    }
}

/// Called from a box's `__gc`: drops the retain taken when the function was pushed.
private let luaSwiftRelease: CLua_SwiftRelease = { raw in
    guard let raw else { return }
    Unmanaged<LuaFunctionBox>.fromOpaque(raw).release()
}

/// Installs the dispatcher once per process.
let luaCallbacksInstalled: Bool = {
    CLua_setswiftcallbacks(luaSwiftDispatch, luaSwiftRelease)
    return true
}()
