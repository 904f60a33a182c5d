#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// Buffered writes to standard output and error (C stdio, so Lua's `io.write` and ours interleave correctly).
///
/// Every write to standard output is checked: the first failure (a full disk, a closed pipe) is
/// reported once on standard error and remembered, so the command ends with a non-zero status
/// instead of claiming success with lost output.
package enum StandardStreams {
    /// The first failed write to standard output, as an `errno` value (0: none).
    nonisolated(unsafe) private static var failure: Int32 = 0

    /// Whether a write to standard output has failed.
    package static var outputFailed: Bool { failure != 0 }

    /// Writes bytes to standard output.
    package static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { check(fwrite($0.baseAddress, 1, $0.count, stdout) == $0.count) }
    }

    /// Writes a string to standard output.
    package static func write(_ string: String) {
        var s = string
        s.withUTF8 { check(fwrite($0.baseAddress, 1, $0.count, stdout) == $0.count) }
    }

    /// Whether a progress line is on standard error now.
    nonisolated(unsafe) private static var statusShown = false

    /// Shows `line` as the progress line on standard error (replacing the one shown), or clears it (nil).
    package static func status(_ line: String?) {
        guard line != nil || statusShown else { return }
        var s = "\r\u{1B}[K" + (line ?? "")
        s.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stderr) }
        fflush(stderr)
        statusShown = line != nil
    }

    /// Writes a line to standard error, flushing standard output first so the two stay in order.
    package static func error(_ line: String) {
        status(nil)
        flush()
        var s = line.hasSuffix("\n") ? line : line + "\n"
        s.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stderr) }
        fflush(stderr)
    }

    /// Flushes standard output.
    package static func flush() { check(fflush(stdout) == 0) }

    /// Flushes standard output and says whether everything written to it arrived.
    package static func finish() -> Bool {
        flush()
        check(ferror(stdout) == 0)
        return failure == 0
    }

    /// Records (and reports, once) a failed write to standard output.
    private static func check(_ ok: Bool) {
        guard !ok, failure == 0 else { return }
        failure = errno == 0 ? EIO : errno
        clearerr(stdout)
        let message = "workbench: cannot write to standard output: \(String(cString: strerror(failure)))\n"
        var s = message
        s.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stderr) }
        fflush(stderr)
    }

    /// Whether a file descriptor is a terminal.
    package static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }
}
