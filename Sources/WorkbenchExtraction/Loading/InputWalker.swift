import Foundation

/// Turns command-line paths into article files: folders are walked for `*.txt`, sorted, deterministic.
package enum InputWalker {
    /// One input: a file to read, or a path that could not be used.
    package enum Item: Sendable, Equatable {
        case file(String)
        case problem(path: String, reason: String)
    }

    /// Expands `paths` in order; each folder contributes its `*.txt` files (recursively) in sorted order.
    package static func expand(_ paths: [String]) -> [Item] {
        var items: [Item] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                items.append(.problem(path: path, reason: "no such file or folder"))
                continue
            }
            if !isDir.boolValue {
                items.append(.file(path))
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                items.append(.problem(path: path, reason: "the folder cannot be read"))
                continue
            }
            var found: [String] = []
            while let rel = walker.nextObject() as? String {
                let name = (rel as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory {
                        walker.skipDescendants()
                    }
                    continue
                }
                if rel.hasSuffix(".txt") { found.append(rel) }
            }
            found.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            if found.isEmpty {
                items.append(.problem(path: path, reason: "the folder holds no .txt files"))
            }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            for rel in found { items.append(.file(base + "/" + rel)) }
        }
        return items
    }
}
