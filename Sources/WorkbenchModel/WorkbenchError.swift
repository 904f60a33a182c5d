/// Errors the workbench reports to users: each reads as one clear sentence.
package enum WorkbenchError: Error, CustomStringConvertible, Sendable {
    /// A file could not be used as an article (path, reason).
    case badInput(path: String, reason: String)
    /// A lexicon file is malformed.
    case lexicon(String)
    /// A usage mistake on the command line (exit status 64).
    case usage(String)
    /// Anything else, already phrased for the user.
    case message(String)

    package var description: String {
        switch self {
        case .badInput(let path, let reason): return "\(path): \(reason)"
        case .lexicon(let m): return "lexicon: \(m)"
        case .usage(let m): return m
        case .message(let m): return m
        }
    }
}
