import Foundation

/// Finds the data shipped with the workbench (lexicons, Lua modules) at run time.
///
/// Looked up in order: `WORKBENCH_RESOURCES`; the resource bundle SwiftPM puts beside the executable;
/// `../share/workbench` next to an installed binary; the source tree this binary was built from.
package enum Resources {
    /// The folder holding `lexicons/` and `lua/`.
    package static let directory: String = {
        let env = ProcessInfo.processInfo.environment
        var candidates: [String] = []
        if let dir = env["WORKBENCH_RESOURCES"], !dir.isEmpty { candidates.append(dir) }
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let selfExe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        for base in [selfExe, exe] {
            candidates.append(base.appendingPathComponent("workbench_WorkbenchModel.resources/Resources").path)
            candidates.append(base.appendingPathComponent("../share/workbench").standardized.path)
        }
        // The source tree (development builds, tests).
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Resources")
            .path
        candidates.append(source)
        for c in candidates where FileManager.default.fileExists(atPath: c + "/lexicons") { return c }
        return source
    }()

    /// The built-in lexicon folder.
    package static var lexiconDirectory: String { directory + "/lexicons" }

    /// The built-in Lua library folder (`workbench/*.lua` modules).
    package static var luaDirectory: String { directory + "/lua" }

    /// The scripts that ship with the workbench (`tally`, `pause_compliance` …): beside `Resources` in
    /// the resource bundle, or the project's `Scripts/` in the source tree.
    package static var scriptsDirectory: String { sibling("Scripts") }

    /// The seed articles the shipped scripts' tests read.
    package static var seedsDirectory: String { sibling("seeds") }

    /// A folder next to `directory` (in the bundle), else in the source tree's root.
    private static func sibling(_ name: String) -> String {
        let beside = (directory as NSString).deletingLastPathComponent + "/" + name
        if FileManager.default.fileExists(atPath: beside) { return beside }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(name).path
    }
}
