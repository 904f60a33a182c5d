import Foundation
import WorkbenchExtraction
import WorkbenchLua
import WorkbenchModel
import WorkbenchScripting

/// `workbench test [SCRIPTS…]`: runs the checks scripts carry in their headers.
package enum TestCommand {
    /// Outcome of one check.
    package struct Outcome: Sendable {
        package var script: String
        package var test: String
        package var passed: Bool
        package var detail: String
    }

    /// Runs the tests of `names` (every script on the search path when empty) and prints a line per test.
    /// - Returns: 0 when all pass, 1 otherwise (64 when a script is not found).
    package static func run(names: [String], parser: ArticleParser) -> Int32 {
        var targets: [(name: String, path: String)] = []
        if names.isEmpty {
            targets = ScriptLocator.all().filter { !($0.metadata?.tests.isEmpty ?? true) }.map { ($0.name, $0.path) }
        } else {
            for n in names {
                guard let p = ScriptLocator.find(n) else {
                    StandardStreams.error("workbench: " + ScriptLocator.notFound(n))
                    return ExitStatus.usage
                }
                targets.append((n, p))
            }
        }
        var outcomes: [Outcome] = []
        for (name, path) in targets {
            do {
                guard let m = try ScriptMetadata.read(path: path), !m.tests.isEmpty else {
                    StandardStreams.write(
                        "NONE  \(name): no tests in its header (add tests = { {inputs = {…}, expect = \"file\"} })\n")
                    continue
                }
                for t in m.tests {
                    let o = runTest(t, metadata: m, path: path, parser: parser)
                    outcomes.append(o)
                    StandardStreams.write(
                        "\(o.passed ? "PASS" : "FAIL")  \(m.name): \(t.name)\(o.passed ? "" : "\n" + o.detail)\n")
                    StandardStreams.flush()
                }
            } catch {
                outcomes.append(Outcome(script: name, test: "header", passed: false, detail: "\(error)"))
                StandardStreams.write("FAIL  \(name): \(error)\n")
            }
        }
        let failed = outcomes.filter { !$0.passed }.count
        StandardStreams.write("\(outcomes.count - failed) passed, \(failed) failed\n")
        return failed == 0 ? ExitStatus.success : ExitStatus.failure
    }

    /// Runs one test in a fresh sandboxed runtime, capturing what the script prints.
    package static func runTest(_ t: ScriptMetadata.Test, metadata: ScriptMetadata, path: String, parser: ArticleParser)
        -> Outcome
    {
        let dir = (path as NSString).deletingLastPathComponent
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : (dir as NSString).appendingPathComponent(p) }
        let inputs = t.inputs.map(resolve)
        var out = ""
        var diagnostics = ""
        do {
            let args = try ScriptArguments.resolve(t.args, metadata: metadata)
            let corpus = inputs.isEmpty ? nil : Corpus(paths: inputs, parser: parser)
            let runtime = try ScriptRuntime(
                parser: parser, corpus: corpus, modulePath: [dir, "Scripts", Resources.scriptsDirectory],
                memoryLimit: 1024 << 20)
            runtime.output = { out += $0 }
            runtime.diagnostics = { diagnostics += $0 + "\n" }
            runtime.policy = SandboxPolicy(readRoots: inputs + [dir, Resources.directory])
            runtime.state.timeout = 120
            runtime.setArguments(
                script: metadata.name, positional: [], named: args, declared: metadata.arguments.map(\.name))
            try runtime.runScript(at: path, displayPath: path)
            // what a user sees: the printed lines, then the report the script built, in the test's format
            if let report = runtime.reportCollector.takeForDelivery() { out += report.render(t.format) }
        } catch let e as LuaError {
            return Outcome(
                script: metadata.name, test: t.name, passed: false, detail: "  the script failed: \(e.description)")
        } catch {
            return Outcome(script: metadata.name, test: t.name, passed: false, detail: "  \(error)")
        }
        var problems: [String] = []
        if let file = t.expectFile {
            let expectedPath = resolve(file)
            guard let data = FileManager.default.contents(atPath: expectedPath) else {
                return Outcome(
                    script: metadata.name, test: t.name, passed: false,
                    detail: "  cannot read the expected output \(expectedPath)")
            }
            let expected = String(decoding: data, as: UTF8.self)
            if expected != out { problems.append(firstDifference(expected: expected, actual: out)) }
        }
        let missing = t.expectContains.filter { !out.contains($0) }
        if !missing.isEmpty {
            problems.append("  expected the output to contain: " + missing.map { "\"\($0)\"" }.joined(separator: ", "))
            problems.append(excerpt(of: out))
        }
        return Outcome(
            script: metadata.name, test: t.name, passed: problems.isEmpty, detail: problems.joined(separator: "\n"))
    }

    /// The first lines of what came instead, so a failure shows both sides.
    private static func excerpt(of out: String, lines limit: Int = 12) -> String {
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        guard !out.isEmpty else { return "  got: (no output and no report)" }
        let shown = lines.prefix(limit).map { "    " + $0 }.joined(separator: "\n")
        return "  got:\n" + shown + (lines.count > limit ? "\n    … (\(lines.count - limit) more lines)" : "")
    }

    /// A short report of where the output first differs.
    private static func firstDifference(expected: String, actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "(end of output)"
            let al = i < a.count ? String(a[i]) : "(end of output)"
            if el != al { return "  line \(i + 1) differs:\n    expected: \(el)\n    got:      \(al)" }
        }
        return "  the output differs"
    }
}
