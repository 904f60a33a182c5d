import Foundation
import WorkbenchExtraction
import WorkbenchModel

/// Finds scripts by path or by name on the script search path.
package enum ScriptLocator {
    /// Folders searched for scripts by name, in order: the project's `Scripts/`, the user's library,
    /// then team folders on `WORKBENCH_PATH` (colon-separated).
    package static func searchPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var dirs = ["Scripts"]
        dirs.append(ScriptBundle.libraryFolder(environment: environment))
        if let team = environment["WORKBENCH_PATH"] {
            dirs += team.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        // the scripts shipped with the workbench, found from any folder
        let shipped = Resources.scriptsDirectory
        if SandboxPolicy.canonical(shipped) != SandboxPolicy.canonical("Scripts") { dirs.append(shipped) }
        return dirs
    }

    /// The names of the scripts that ship with the workbench.
    package static func builtinNames() -> Set<String> {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Resources.scriptsDirectory)) ?? []
        return Set(names.filter { $0.hasSuffix(".lua") }.map { String($0.dropLast(4)) })
    }

    /// The file for `name`: the path itself if it exists, else `NAME.lua` (or `NAME/init.lua`) on the search path.
    package static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isDir), !isDir.boolValue { return name }
        guard !name.contains("/") else { return nil }
        let base = name.hasSuffix(".lua") ? String(name.dropLast(4)) : name
        guard !base.isEmpty, !base.contains(".."), !base.hasPrefix(".") else { return nil }
        for dir in searchPath(environment: environment) {
            for candidate in ["\(dir)/\(base).lua", "\(dir)/\(base)/init.lua"]
            where FileManager.default.fileExists(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }
}

extension ScriptLocator {
    /// A script found on the search path.
    package struct Entry: Sendable {
        package var name: String
        package var path: String
        /// The search-path folder it came from.
        package var source: String
        package var metadata: ScriptMetadata?
        /// Why the header could not be read, if it could not.
        package var problem: String?
        /// How it was installed (signer, origin), for scripts in the library.
        package var install: InstallRecord?
        /// Whether it ships with the workbench.
        package var builtin = false
    }

    /// Every script on the search path (the first of each name wins, as for `run NAME`).
    /// The message for a script name that is neither a file nor on the search path, with the closest name.
    package static func notFound(_ name: String) -> String {
        let near = Spelling.closest(to: name, in: all().map(\.name))
        return "no script '\(name)'" + (near.map { " (did you mean '\($0)'?)" } ?? "")
            + "; looked for the file, then in " + searchPath().joined(separator: ", ")
    }

    package static func all(environment: [String: String] = ProcessInfo.processInfo.environment) -> [Entry] {
        var seen = Set<String>()
        var out: [Entry] = []
        for dir in searchPath(environment: environment) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else { continue }
            for item in names.sorted() where !item.hasPrefix(".") {
                var path = dir + "/" + item
                var name = item
                var isDir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: path, isDirectory: &isDir)
                if isDir.boolValue {
                    guard FileManager.default.fileExists(atPath: path + "/init.lua") else { continue }
                    path += "/init.lua"
                } else {
                    guard item.hasSuffix(".lua") else { continue }
                    name = String(item.dropLast(4))
                }
                guard !seen.contains(name) else { continue }
                seen.insert(name)
                var entry = Entry(name: name, path: path, source: dir, metadata: nil, problem: nil)
                do { entry.metadata = try ScriptMetadata.read(path: path) } catch { entry.problem = "\(error)" }
                if isDir.boolValue { entry.install = InstallRecord.read(folder: dir + "/" + item) }
                entry.builtin = SandboxPolicy.canonical(dir) == SandboxPolicy.canonical(Resources.scriptsDirectory)
                out.append(entry)
            }
        }
        return out
    }
}
