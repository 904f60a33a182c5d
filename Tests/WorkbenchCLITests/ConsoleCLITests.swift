import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Drives `workbench console` through a pseudo-terminal that is the child's controlling terminal,
/// as a user at a real terminal would (so Ctrl-C is a signal, not a character).
private final class PTYConsole {
    var pid: pid_t = 0
    let master: Int32
    var transcript = ""

    init(history: String) throws {
        // Linux pseudo-terminal: open the multiplexer, unlock, find the slave's number
        master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard master >= 0, ioctl(master, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0,
            ioctl(master, 0x8004_5430 /* TIOCGPTN */, &number) == 0
        else {
            throw CocoaError(.fileReadUnknown)
        }
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        let slavePath = "/dev/pts/\(number)"
        // a new session whose controlling terminal is the slave (opened after setsid, without O_NOCTTY)
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        // a new session, default signal handling and nothing blocked (the test runner may block SIGINT)
        posix_spawnattr_setflags(
            &attr, Int16(0x80 /* POSIX_SPAWN_SETSID */ | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var none = sigset_t()
        var defaults = sigset_t()
        sigemptyset(&none)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &defaults)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        posix_spawn_file_actions_addclose(&actions, master)
        var env = ProcessInfo.processInfo.environment
        env["WORKBENCH_HISTORY"] = history
        env["TERM"] = "xterm"
        let args = [workbenchBinary.path, "console", projectRoot.appendingPathComponent("seeds").path]
        let argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let status = posix_spawn(&pid, workbenchBinary.path, &actions, &attr, argv, envp)
        for p in argv { free(p) }
        for p in envp { free(p) }
        posix_spawn_file_actions_destroy(&actions)
        posix_spawnattr_destroy(&attr)
        guard status == 0 else { throw CocoaError(.executableLoad) }
    }

    /// Sends keys (raw bytes: "\t" is Tab, "\r" Enter, "\u{3}" Ctrl-C, "\u{4}" Ctrl-D).
    func send(_ keys: String) {
        _ = keys.withCString { write(master, $0, strlen($0)) }
    }

    /// Reads until `needle` appears in the transcript after offset `from` (or the timeout passes).
    @discardableResult
    func expect(_ needle: String, timeout: Double = 10, from: Int = 0) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if String(transcript.dropFirst(from)).contains(needle) { return true }
            var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            if poll(&fds, 1, 100) > 0 {
                let n = read(master, &buffer, buffer.count)
                if n > 0 { transcript += String(decoding: buffer[0..<n], as: UTF8.self) } else { break }
            }
        }
        return String(transcript.dropFirst(from)).contains(needle)
    }

    func finish() {
        send("\u{4}")
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(5)
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            _ = expect("\u{0}", timeout: 0.1)
        }
        close(master)
    }
}

@Suite(.serialized) struct ConsoleCLITests {
    @Test func terminalSessionWithCompletionErrorsAndHistory() throws {
        let history = FileManager.default.temporaryDirectory.appendingPathComponent("wb-history-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: history) }

        let first = try PTYConsole(history: history)
        #expect(first.expect("> "))
        // a multi-line function definition
        first.send("function twice(x)\r")
        #expect(first.expect(">> "))
        first.send("return 2 * x\r")
        first.send("end\r")
        first.send("twice(21)\r")
        #expect(first.expect("42"))
        // an error, then recovery
        first.send("error('deliberate')\r")
        #expect(first.expect("stdin:1: deliberate"))
        first.send("1 + 1\r")
        #expect(first.expect("\r\n2\r\n"))
        // completion of a model field
        first.send("articles[1].quo\t")
        #expect(first.expect("tes"), "completion did not fill in “quotes”: \(first.transcript)")
        first.send("[1].speaker\r")
        #expect(first.expect("\"Volodymyr Zelensky\""), "\(first.transcript)")
        // Ctrl-C stops a runaway loop without leaving the console
        first.send("for i = 1, 1e15 do end\r")
        usleep(300_000)
        let mark = first.transcript.count
        first.send("\u{3}")
        #expect(first.expect("interrupted", from: mark), "\(first.transcript)")
        first.send("'alive'\r")
        #expect(first.expect("\"alive\"", from: mark))
        first.send("marker_from_first_session = 7\r")
        first.finish()

        // the next session finds the history
        let second = try PTYConsole(history: history)
        #expect(second.expect("> "))
        second.send("\u{1B}[A")  // Up arrow: the last line of the first session
        #expect(second.expect("marker_from_first_session = 7"), "\(second.transcript)")
        // let the line editor settle into its read before the interrupt (a loaded CI machine is slow to redraw)
        usleep(300_000)
        let before = second.transcript.count
        second.send("\u{3}")  // Ctrl-C clears the line and shows a fresh prompt
        #expect(second.expect("\r\n> ", from: before))
        second.send("'fresh'\r")
        #expect(second.expect("\"fresh\""), "\(second.transcript)")
        second.finish()
        let saved = (try? String(contentsOfFile: history, encoding: .utf8)) ?? ""
        #expect(saved.contains("twice(21)"))
    }
}
