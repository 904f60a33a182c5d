#if canImport(Glibc)
@preconcurrency import Glibc
#elseif canImport(Darwin)
@preconcurrency import Darwin
#endif

/// Buffered writes to standard output and error (C stdio, so Lua's `io.write` and ours interleave correctly).
package enum StandardStreams {
    /// Writes bytes to standard output.
    package static func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
    }

    /// Writes a string to standard output.
    package static func write(_ string: String) {
        var s = string
        s.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
    }

    /// Writes a line to standard error, flushing standard output first so the two stay in order.
    package static func error(_ line: String) {
        fflush(stdout)
        var s = line.hasSuffix("\n") ? line : line + "\n"
        s.withUTF8 { _ = fwrite($0.baseAddress, 1, $0.count, stderr) }
        fflush(stderr)
    }

    /// Flushes standard output.
    package static func flush() { fflush(stdout) }

    /// Whether a file descriptor is a terminal.
    package static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) != 0 }
}
