import WorkbenchModel

/// How the command line turns an error into what the user reads and the status the process ends with.
extension ExitStatus {
    /// Prints an error as one clear line ("workbench: …") and returns its status: 64 for usage errors, 1 otherwise.
    static func report(_ error: any Error) -> Int32 {
        if let e = error as? WorkbenchError {
            StandardStreams.error("workbench: \(e.description)")
            if case .usage = e { return usage }
            return failure
        }
        StandardStreams.error("workbench: \(error)")
        return failure
    }
}
