import WorkbenchModel

/// Builds Lua tables from the model: objects get their type's metatable (`workbench.Quote` …),
/// lists get `workbench.List`, and indexes become 1-based.
final class LuaModelWriter: ModelWriter {
    private let lua: Lua
    /// Per open container: the next array index, or 0 inside an object.
    private var nextIndex: [Int] = []

    init(lua: Lua) { self.lua = lua }

    /// Stores the value just pushed into the enclosing container (array slot or pending field).
    private func store() {
        guard let n = nextIndex.last, n > 0 else { return }
        lua.setIndex(n, in: -2)
        nextIndex[nextIndex.count - 1] = n + 1
    }

    func null() {
        // nil in an array would end it; inside objects the field is simply absent
        if let n = nextIndex.last, n > 0 {
            lua.push(false)
            store()
        } else {
            lua.pushNil()
        }
    }
    func string(_ value: String) {
        lua.push(value)
        store()
    }
    func int(_ value: Int) {
        lua.push(value)
        store()
    }
    func double(_ value: Double) {
        if value == value.rounded(), abs(value) < 9.007e15 { lua.push(Int(value)) } else { lua.push(value) }
        store()
    }
    func bool(_ value: Bool) {
        lua.push(value)
        store()
    }
    func index(_ value: Int) {
        lua.push(value + 1)
        store()
    }

    func object(_ type: String, fieldCount: Int, _ body: () -> Void) {
        lua.checkStack(8)
        lua.newTable(hash: fieldCount)
        nextIndex.append(0)
        body()
        nextIndex.removeLast()
        lua.setMetatable(named: "workbench." + type)
        store()
    }

    func field(_ name: String, _ body: () -> Void) {
        body()
        if lua.type(at: -1) == .nil {
            lua.pop()
            return
        }
        lua.setField(name, in: -2)
    }

    func array(_ elementType: String?, count: Int, _ body: () -> Void) {
        lua.checkStack(8)
        lua.newTable(array: count)
        nextIndex.append(1)
        body()
        nextIndex.removeLast()
        lua.setMetatable(named: "workbench.List")
        store()
    }
}

extension Lua {
    /// Pushes a model value as Lua tables.
    package func push<T: ModelType>(model value: T) {
        value.write(to: LuaModelWriter(lua: self))
    }
}
