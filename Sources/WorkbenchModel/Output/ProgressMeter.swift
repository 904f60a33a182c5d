import Foundation

/// A one-line progress report on standard error (articles done, rate, time left), for long runs on a terminal.
///
/// It draws nothing for the first half second, so short runs stay quiet, and at most five times a
/// second; `StandardStreams.error` clears the line before any message, so warnings never mix with it.
package final class ProgressMeter: @unchecked Sendable {
    /// Inputs to go through.
    package let total: Int
    private(set) var done = 0
    private let started = Date()
    private var lastDraw = Date.distantPast
    private let delay: TimeInterval
    private var finished = false

    /// - Parameters:
    ///   - total: how many inputs the run reads.
    ///   - delay: seconds before the first draw (`WORKBENCH_PROGRESS_DELAY` overrides it, for tests).
    package init(total: Int, delay: TimeInterval = 0.5) {
        self.total = total
        self.delay = ProcessInfo.processInfo.environment["WORKBENCH_PROGRESS_DELAY"].flatMap(Double.init) ?? delay
    }

    /// A meter for `total` inputs when standard error is a terminal and there is more than one input, else nil.
    package static func forTerminal(total: Int) -> ProgressMeter? {
        guard total > 1, StandardStreams.isTerminal(2),
            ProcessInfo.processInfo.environment["WORKBENCH_NO_PROGRESS"] == nil
        else { return nil }
        return ProgressMeter(total: total)
    }

    /// Counts `n` more inputs done and redraws when it is time.
    package func advance(_ n: Int = 1) {
        guard !finished else { return }
        done = min(total, done + n)
        let now = Date()
        let elapsed = now.timeIntervalSince(started)
        guard elapsed >= delay, now.timeIntervalSince(lastDraw) >= 0.2 || done == total else { return }
        lastDraw = now
        StandardStreams.status(Self.line(done: done, total: total, elapsed: elapsed))
    }

    /// Clears the line; later calls draw nothing.
    package func finish() {
        guard !finished else { return }
        finished = true
        StandardStreams.status(nil)
    }

    /// "1,234 of 2,225 articles (55%) · 98/s · 10 s left".
    static func line(done: Int, total: Int, elapsed: TimeInterval) -> String {
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        var s = "workbench: \(grouped(done)) of \(grouped(total)) articles (\(done * 100 / max(1, total))%)"
        if rate > 0 {
            s += " · \(rate >= 10 ? String(Int(rate.rounded())) : String(format: "%.1f", rate))/s"
            let left = Double(total - done) / rate
            s += " · " + (left < 60 ? "\(Int(left.rounded(.up))) s left" : "\(Int((left / 60).rounded(.up))) min left")
        }
        return s
    }

    /// 12345 → "12,345".
    private static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }
}
