/// Exit statuses of the workbench, documented in the README.
package enum ExitStatus {
    /// Everything worked.
    package static let success: Int32 = 0
    /// The script failed (a Lua error), or another error stopped the command.
    package static let failure: Int32 = 1
    /// Some inputs could not be read; the others were processed.
    package static let someInputsFailed: Int32 = 2
    /// The command line was wrong (as sysexits' EX_USAGE).
    package static let usage: Int32 = 64
    /// Stopped by Ctrl-C.
    package static let interrupted: Int32 = 130
}
