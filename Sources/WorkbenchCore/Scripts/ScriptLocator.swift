import Foundation

/// Finds scripts by path or by name on the script search path.
package enum ScriptLocator {
    /// Folders searched for scripts by name, in order: the project's `Scripts/`, the user's library,
    /// then team folders on `WORKBENCH_PATH` (colon-separated).
    package static func searchPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        var dirs = ["Scripts"]
        let dataHome = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? ((environment["HOME"] ?? "") + "/.local/share")
        dirs.append(dataHome + "/workbench/scripts")
        if let team = environment["WORKBENCH_PATH"] {
            dirs += team.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        return dirs
    }

    /// The file for `name`: the path itself if it exists, else `NAME.lua` (or `NAME/init.lua`) on the search path.
    package static func find(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: name, isDirectory: &isDir), !isDir.boolValue { return name }
        guard !name.contains("/") else { return nil }
        let base = name.hasSuffix(".lua") ? String(name.dropLast(4)) : name
        guard !base.isEmpty, !base.contains(".."), !base.hasPrefix(".") else { return nil }
        for dir in searchPath(environment: environment) {
            for candidate in ["\(dir)/\(base).lua", "\(dir)/\(base)/init.lua"] where FileManager.default.fileExists(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }
}
