import ArgumentParser
import Foundation

/// A memory limit given on the command line: a number of megabytes, or a number with K, M, G or T.
struct MemorySize: ExpressibleByArgument, Sendable {
    /// The limit in bytes (0: no limit).
    var bytes: Int

    /// The largest limit accepted (1 TB), so a typo cannot overflow.
    static let largest = 1 << 40

    init(megabytes: Int) { bytes = megabytes << 20 }

    /// Reads "64", "64M", "64MB", "512k", "2G", "2GiB"; a bare number is megabytes.
    init?(argument: String) {
        var text = argument.trimmingCharacters(in: .whitespaces).uppercased()
        for suffix in ["IB", "B"] where text.hasSuffix(suffix) && text.count > suffix.count {
            text.removeLast(suffix.count)
        }
        let shifts: [Character: Int] = ["K": 10, "M": 20, "G": 30, "T": 40]
        var shift = 20
        if let last = text.last, let s = shifts[last] {
            shift = s
            text.removeLast()
        }
        guard let value = Double(text), value.isFinite, value >= 0 else { return nil }
        let scaled = value * Double(1 << shift)
        guard scaled <= Double(Self.largest) else { return nil }
        bytes = Int(scaled)
    }

    static var defaultValueDescription: String { "2048M" }
}
