import Foundation
import WorkbenchModel

/// Line charts and grouped bar charts of several series on one scale, as inline SVG.
enum SeriesChartSVG {
    /// Colours of the series, in order (the accent first; distinguishable in print).
    static let palette = ["#2f6fb5", "#d98613", "#2e8b57", "#8e44ad", "#c0392b", "#16a085", "#7f8c8d"]

    static func colour(_ i: Int) -> String { palette[i % palette.count] }

    /// A chart block: the figure with its caption, legend and SVG.
    static func render(
        kind: ReportDocument.SeriesChartKind, title: String?, unit: String?, labels: [String],
        series: [ReportDocument.Series]
    ) -> String {
        let caption = title.map { "<figcaption>\(HTMLRenderer.escape($0))</figcaption>" } ?? ""
        guard !labels.isEmpty, !series.isEmpty else {
            return "<figure>\(caption)<p class=\"note\">No values.</p></figure>"
        }
        let svg =
            kind == .line
            ? line(title: title, unit: unit, labels: labels, series: series)
            : groupedBars(title: title, unit: unit, labels: labels, series: series)
        return "<figure>\(caption)\(legend(series))\(svg)</figure>"
    }

    /// The series' names with their colours (omitted for one series).
    static func legend(_ series: [ReportDocument.Series]) -> String {
        guard series.count > 1 else { return "" }
        return "<p class=\"legend\">"
            + series.enumerated().map { i, s in
                "<span><i style=\"background:\(colour(i))\"></i>\(HTMLRenderer.escape(s.name))</span>"
            }.joined() + "</p>"
    }

    /// Up to six round numbers from 0 to at least `maxValue`.
    static func ticks(_ maxValue: Double) -> [Double] {
        guard maxValue > 0 else { return [0, 1] }
        let raw = maxValue / 5
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        return stride(from: 0.0, through: (maxValue / step).rounded(.up) * step + step / 2, by: step).map { $0 }
    }

    /// A line per series over the labels; dates sit on a time axis (gaps where days are missing).
    static func line(title: String?, unit: String?, labels: [String], series: [ReportDocument.Series]) -> String {
        let left = 64.0
        let right = 44.0
        let top = 26.0
        let bottom = 46.0
        let width = 900.0
        let height = 330.0
        let plotW = width - left - right
        let plotH = height - top - bottom
        let days = labels.map { Day(iso: String($0.prefix(10))) }
        let dated = days.allSatisfy { $0 != nil } && labels.count > 1
        let ordinals = days.map { $0?.ordinal ?? 0 }
        func x(_ i: Int) -> Double {
            if dated, let lo = ordinals.first, let hi = ordinals.last, hi > lo {
                return left + Double(ordinals[i] - lo) / Double(hi - lo) * plotW
            }
            return labels.count == 1 ? left + plotW / 2 : left + Double(i) / Double(labels.count - 1) * plotW
        }
        let axis = ticks(series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0)
        let top0 = axis.last ?? 1
        func y(_ v: Double) -> Double { top + plotH - max(0, v) / top0 * plotH }
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLRenderer.escape(title ?? "line chart"))\">"
        for t in axis {
            svg +=
                "<line x1=\"\(f(left))\" y1=\"\(f(y(t)))\" x2=\"\(f(width - right))\" y2=\"\(f(y(t)))\" stroke=\"#d9dee5\"/>"
            svg +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(y(t) + 4))\" text-anchor=\"end\">\(HTMLRenderer.escape(ReportDocument.format(t)))</text>"
        }
        if let unit {
            svg +=
                "<text x=\"\(f(left - 6))\" y=\"\(f(top - 12))\" text-anchor=\"end\" class=\"unit\">\(HTMLRenderer.escape(unit))</text>"
        }
        // at most ~9 x labels, evenly chosen
        let step = max(1, Int((Double(labels.count) / 9).rounded(.up)))
        for i in stride(from: 0, to: labels.count, by: step) {
            // the first and last labels stay inside the chart
            let anchor =
                labels.count > 1 && i == 0 ? "start" : labels.count > 1 && i == labels.count - 1 ? "end" : "middle"
            svg +=
                "<text x=\"\(f(x(i)))\" y=\"\(f(height - bottom + 18))\" text-anchor=\"\(anchor)\">\(HTMLRenderer.escape(labels[i]))</text>"
        }
        svg +=
            "<line x1=\"\(f(left))\" y1=\"\(f(top + plotH))\" x2=\"\(f(width - right))\" y2=\"\(f(top + plotH))\" stroke=\"#8f99a5\"/>"
        for (n, s) in series.enumerated() {
            // a series breaks where it has no value
            var runs: [[Int]] = [[]]
            for i in labels.indices {
                if s.values[i] == nil { runs.append([]) } else { runs[runs.count - 1].append(i) }
            }
            for run in runs where run.count > 1 {
                let points = run.map { "\(f(x($0))),\(f(y(s.values[$0]!)))" }.joined(separator: " ")
                svg += "<polyline points=\"\(points)\" fill=\"none\" stroke=\"\(colour(n))\" stroke-width=\"2\"/>"
            }
            if labels.count <= 90 {
                for i in labels.indices {
                    guard let v = s.values[i] else { continue }
                    svg +=
                        "<circle cx=\"\(f(x(i)))\" cy=\"\(f(y(v)))\" r=\"3\" fill=\"\(colour(n))\"><title>\(HTMLRenderer.escape(s.name)), \(HTMLRenderer.escape(labels[i])): \(HTMLRenderer.escape(ReportDocument.withUnit(v, unit)))</title></circle>"
                }
            }
        }
        return svg + "</svg>"
    }

    /// Horizontal bars, one group per label and one bar per series, all on one scale.
    static func groupedBars(title: String?, unit: String?, labels: [String], series: [ReportDocument.Series]) -> String
    {
        let barHeight = 14.0
        let gap = 10.0
        let labelWidth = 230.0
        let barArea = 560.0
        let top = 8.0
        let groupHeight = barHeight * Double(series.count) + gap
        let height = top * 2 + groupHeight * Double(labels.count)
        let maxValue = max(series.flatMap { $0.values.compactMap { $0 } }.max() ?? 0, 0)
        var svg =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(labelWidth + barArea + 90)) \(Int(height))\" role=\"img\" aria-label=\"\(HTMLRenderer.escape(title ?? "grouped bar chart"))\">"
        for (i, label) in labels.enumerated() {
            let y0 = top + Double(i) * groupHeight
            let shown = label.count > 34 ? String(label.prefix(33)) + "…" : label
            svg +=
                "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y0 + barHeight * Double(series.count) / 2 + 4))\" text-anchor=\"end\">\(HTMLRenderer.escape(shown))</text>"
            for (n, s) in series.enumerated() {
                let y = y0 + Double(n) * barHeight
                guard let v = s.values[i] else {
                    svg += "<text x=\"\(f(labelWidth + 4))\" y=\"\(f(y + barHeight - 3))\" class=\"missing\">—</text>"
                    continue
                }
                let w = maxValue > 0 ? max(0, v) / maxValue * barArea : 0
                let value = HTMLRenderer.escape(ReportDocument.withUnit(v, unit))
                svg +=
                    "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 1))\" width=\"\(f(max(w, v > 0 ? 1 : 0)))\" height=\"\(f(barHeight - 2))\" rx=\"2\" fill=\"\(colour(n))\"><title>\(HTMLRenderer.escape(label)), \(HTMLRenderer.escape(s.name)): \(value)</title></rect>"
                svg += "<text x=\"\(f(labelWidth + w + 6))\" y=\"\(f(y + barHeight - 3))\">\(value)</text>"
            }
        }
        return svg + "</svg>"
    }

    private static func f(_ d: Double) -> String { String(format: "%.1f", d) }
}
