import CEditLine
import Foundation
import WorkbenchModel
import WorkbenchScripting

/// `workbench console`: the interactive front end of a `ConsoleSession`.
///
/// On a terminal it uses libedit (line editing, Ctrl-R history search, tab completion, persistent
/// history). When standard input is not a terminal it reads lines plainly and prints no prompts,
/// so it can be piped and tested.
package enum Console {
    /// The session being edited, for libedit's C callbacks.
    nonisolated(unsafe) private static var active: ConsoleSession?

    /// Where history is kept: `WORKBENCH_HISTORY`, else `$XDG_STATE_HOME/workbench/history`
    /// (`~/.local/state/workbench/history` by default).
    package static func historyPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let p = environment["WORKBENCH_HISTORY"], !p.isEmpty { return p }
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? ".") + "/.local/state")
        return state + "/workbench/history"
    }

    /// Runs the console until end of input or `:quit`.
    /// - Parameters:
    ///   - runtime: the Lua state with the articles.
    ///   - history: the history file (nil: no history).
    /// - Returns: the exit status.
    package static func run(runtime: ScriptRuntime, history: String?) -> Int32 {
        runtime.state.watchesInterrupts = true
        let interactive = StandardStreams.isTerminal(0)
        let session = ConsoleSession(
            runtime: runtime,
            output: {
                StandardStreams.write($0)
                StandardStreams.flush()
            },
            errors: { StandardStreams.error($0) })
        // Ctrl-C interrupts running Lua code (through the hook) instead of ending the process.
        ScriptInterrupts.install()
        defer { ScriptInterrupts.restore() }
        if interactive {
            return runInteractive(session, history: history)
        }
        while let line = readLine(strippingNewline: true) {
            _ = CEditLine_takeInterrupt()
            if !session.handle(line) { break }
        }
        return ExitStatus.success
    }

    private static func runInteractive(_ session: ConsoleSession, history: String?) -> Int32 {
        active = session
        CEditLine_limitHistory(5000)
        CEditLine_setCompleter(complete, Self.wordBreaks)
        if let history {
            try? FileManager.default.createDirectory(
                atPath: (history as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = CEditLine_readHistory(history)
        }
        StandardStreams.write(
            "workbench \(WorkbenchInfo.version) console (Lua 5.4) — :help for help, Ctrl-D to leave\n")
        StandardStreams.flush()
        while true {
            guard let raw = CEditLine_readline(session.prompt) else {
                if CEditLine_takeInterrupt() != 0 {
                    // Ctrl-C at the prompt: drop the line (and an unfinished chunk), keep going
                    session.cancelLine()
                    StandardStreams.write("\n")
                    StandardStreams.flush()
                    continue
                }
                StandardStreams.write("\n")
                break
            }
            let line = String(cString: raw)
            free(raw)
            _ = CEditLine_takeInterrupt()
            if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                CEditLine_addHistory(line)
                if let history { _ = CEditLine_writeHistory(history, 5000) }
            }
            if !session.handle(line) { break }
        }
        active = nil
        return ExitStatus.success
    }

    /// Characters that end a word for completion (not `.`, `:`, `[`, `]`, quotes inside brackets).
    private static let wordBreaks = " \t\n\\'`@$><=;|&{(,+-*/%^~#"

    /// libedit's completion callback: asks the active session for candidates.
    private static let complete: CEditLine_Completer = { _, text in
        guard let text, let session = Console.active else { return }
        let candidates = session.completions(for: String(cString: text))
        var pointers: [UnsafePointer<CChar>?] = []
        var storage: [[CChar]] = candidates.map { Array($0.utf8CString) }
        for i in storage.indices {
            storage[i].withUnsafeBufferPointer { pointers.append(UnsafePointer(strdup($0.baseAddress!))) }
        }
        pointers.withUnsafeBufferPointer { CEditLine_setCandidates($0.baseAddress, Int32($0.count)) }
        for p in pointers { free(UnsafeMutablePointer(mutating: p)) }
    }
}
