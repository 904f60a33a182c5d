/// Receives the model field by field: one implementation writes JSON, another builds Lua tables.
///
/// Every model type describes its fields once (`ModelType.fields`), with names, types and docs;
/// JSON output, the Lua API and `help()` all read that one description.
package protocol ModelWriter: AnyObject {
    func null()
    func string(_ value: String)
    func int(_ value: Int)
    func double(_ value: Double)
    func bool(_ value: Bool)
    /// A 0-based index into another list (`sentence`, `paragraph`); Lua sees it 1-based.
    func index(_ value: Int)
    /// An object of model type `type`; `body` writes its fields with `field`.
    func object(_ type: String, fieldCount: Int, _ body: () -> Void)
    /// One field of the current object.
    func field(_ name: String, _ body: () -> Void)
    /// One field of the current object, named by a model field's prepared key.
    func field(_ key: FieldKey, _ body: () -> Void)
    /// A list of `count` elements; `body` writes them in order.
    func array(_ elementType: String?, count: Int, _ body: () -> Void)
}

extension ModelWriter {
    package func field(_ key: FieldKey, _ body: () -> Void) { field(key.name, body) }
    func value(_ v: String?) { if let v { string(v) } else { null() } }
    /// A closed-vocabulary value (a kind, grain or status) as its raw string.
    func string<E: RawRepresentable>(_ v: E) where E.RawValue == String { string(v.rawValue) }
    func value<E: RawRepresentable>(_ v: E?) where E.RawValue == String { value(v?.rawValue) }
    func value(_ v: Int?) { if let v { int(v) } else { null() } }
    func value(_ v: Double?) { if let v { double(v) } else { null() } }
    func value(_ v: Bool) { bool(v) }
    func value<T: ModelType>(_ v: T?) { if let v { v.write(to: self) } else { null() } }
    func value<T: ModelType>(_ list: [T]) {
        array(T.typeName, count: list.count) { for e in list { e.write(to: self) } }
    }
    func value(_ list: [String]) { array(nil, count: list.count) { for e in list { string(e) } } }
}

/// One field of a model type: its name in JSON and Lua, its type, what it means, and how to write it.
/// (A class, so walking the fields of every object written shares one reference instead of copying strings.)
package final class ModelField<T>: Sendable {
    package let name: String
    /// The name with its JSON form prepared once (fields are written for every object).
    package let key: FieldKey
    package let type: String
    package let doc: String
    let emit: @Sendable (T, ModelWriter) -> Void

    init(_ name: String, _ type: String, _ doc: String, _ emit: @escaping @Sendable (T, ModelWriter) -> Void) {
        self.name = name
        self.key = FieldKey(name)
        self.type = type
        self.doc = doc
        self.emit = emit
    }
}

/// A field name and its JSON form (`"name":`), so writers need not escape the same name for every object.
package struct FieldKey: Sendable {
    package let name: String
    /// The quoted name and the colon, as UTF-8 (names are ASCII identifiers: nothing to escape).
    package let json: [UInt8]

    package init(_ name: String) {
        assert(name.utf8.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") })
        self.name = name
        json = [UInt8(ascii: "\"")] + Array(name.utf8) + [UInt8(ascii: "\""), UInt8(ascii: ":")]
    }
}

/// A model type with a described set of fields.
package protocol ModelType {
    /// The type's name in docs and Lua (`Quote`).
    static var typeName: String { get }
    /// One sentence saying what it is.
    static var summary: String { get }
    static var fields: [ModelField<Self>] { get }
}

extension ModelType {
    /// Writes this value as an object with all its fields.
    package func write(to w: ModelWriter) {
        let fields = Self.fields
        w.object(Self.typeName, fieldCount: fields.count) {
            for f in fields { w.field(f.key) { f.emit(self, w) } }
        }
    }
}

/// Field descriptions of every model type, for `help()`, docs and editor stubs.
package struct ModelTypeInfo: Sendable {
    package let name: String
    package let summary: String
    package let fields: [(name: String, type: String, doc: String)]
}

extension ModelType {
    package static var info: ModelTypeInfo {
        ModelTypeInfo(name: typeName, summary: summary, fields: fields.map { ($0.name, $0.type, $0.doc) })
    }
}
