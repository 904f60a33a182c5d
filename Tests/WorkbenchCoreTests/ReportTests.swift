import Foundation
import Testing

@testable import WorkbenchLua
@testable import WorkbenchModel
@testable import WorkbenchScripting

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Renders reports built in Lua through `workbench.report`, and checks each format.
@Suite(.serialized) struct ReportTests {
    private func build(_ code: String) throws -> ReportDocument? { try buildReport(code) }

    private let sample = """
        report.title("Strikes & <pauses>")
        report.heading("Launches")
        report.table({ { "Kyiv, city", 12 }, { "Kharkiv \\"oblast\\"", 3.5 } }, { "place", "launched" })
        report.bar_chart({ { key = "Shahed", count = 111 }, { key = "Iskander-M", count = 1 } }, { unit = "launches" })
        report.timeline({ { date = "2026-01-29", ["end"] = "2026-01-30", label = "barrage" }, { date = "2026-02-01", label = "pause ends" } })
        report.paragraph("A & B")
        """

    @Test func noReportMeansNil() throws {
        #expect(try build("local x = 1") == nil)
    }

    @Test func barChartsOfDatesStayInDateOrder() throws {
        let dated = try #require(
            try build("report.bar_chart({ ['2025-03-02'] = 5, ['2025-03-01'] = 9, ['2025-03-10'] = 1 })")
        ).render(.markdown)
        let rows = dated.split(separator: "\n").filter { $0.hasPrefix("2025") }.map { String($0.prefix(10)) }
        #expect(rows == ["2025-03-01", "2025-03-02", "2025-03-10"])
        let named = try #require(try build("report.bar_chart({ b = 9, a = 5, c = 1 })")).render(.markdown)
        // by value: 9, 5, 1
        #expect(named.split(separator: "\n").compactMap(\.first).filter(\.isLetter) == ["b", "a", "c"])
        let byKey = try #require(try build("report.bar_chart({ b = 9, a = 5 }, { order = 'key' })")).render(.markdown)
        #expect(byKey.split(separator: "\n").compactMap(\.first).filter(\.isLetter) == ["a", "b"])
        let pairs = try #require(try build("report.bar_chart({ { 'z', 1 }, { 'y', 2 } })")).render(.markdown)
        // lists keep their order
        #expect(pairs.split(separator: "\n").compactMap(\.first).filter(\.isLetter) == ["z", "y"])
        #expect(throws: LuaError.self) { try build("report.bar_chart({ a = 1 }, { order = 'sideways' })") }
    }

    @Test func markdownTablesAreAligned() throws {
        let doc = try #require(try build(sample))
        let md = doc.render(.markdown)
        #expect(md.hasPrefix("# Strikes & <pauses>\n"))
        let tableLines = md.split(separator: "\n").filter { $0.hasPrefix("|") }
        #expect(tableLines.count == 4)
        // every row of the table has its pipes in the same columns
        let pipeColumns = tableLines.map { line in line.enumerated().filter { $0.element == "|" }.map(\.offset) }
        #expect(Set(pipeColumns.map { $0.description }).count == 1)
        // the number column is right-aligned
        #expect(tableLines[1].contains("--:|"))
        #expect(md.contains("111 launches"))
        #expect(md.contains("1 launch\n"))
    }

    @Test func htmlIsSelfContainedAndWellFormed() throws {
        let doc = try #require(try build(sample))
        let html = doc.render(.html)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("<script src"))
        #expect(!html.contains("http://") || html.contains("xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("Strikes &amp; &lt;pauses&gt;"))
        #expect(html.contains("@media print"))
        // the body, minus the doctype, parses as XML: every tag is closed and every entity escaped
        let start = try #require(html.range(of: "<html"))
        let xml = String(html[start.lowerBound...]).replacingOccurrences(
            of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"/>")
        let parser = XMLParser(data: Data(xml.utf8))
        let ok = parser.parse()
        #expect(ok, "HTML is not well-formed: \(parser.parserError.map { "\($0)" } ?? "") at line \(parser.lineNumber)")
    }

    @Test func csvQuotesFieldsAndKeepsEveryTable() throws {
        let doc = try #require(try build(sample))
        let csv = doc.render(.csv)
        #expect(csv.contains("\"Kyiv, city\",12"))
        #expect(csv.contains("\"Kharkiv \"\"oblast\"\"\",3.5"))
        #expect(csv.contains("Shahed,111"))
        let back = try CSVTable.parse(csv.components(separatedBy: "\n\n")[0])
        #expect(back.rows.count == 2)
    }

    @Test func jsonRoundTrips() throws {
        let doc = try #require(try build(sample))
        let json = try #require(JSONSerialization.jsonObject(with: Data(doc.render(.json).utf8)) as? [String: Any])
        #expect(json["title"] as? String == "Strikes & <pauses>")
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["heading", "table", "bar_chart", "timeline", "paragraph"])
    }

    @Test func badArgumentsSpeakLua() throws {
        #expect {
            _ = try build("report.table(nil)")
        } throws: { error in
            "\(error)".contains("bad argument #1 to 'table' (table expected, got no value)")
        }
    }
}

/// Line and grouped bar charts, linked citations and CSV folders.
@Suite(.serialized) struct ReportChartTests {
    private let twoSeries = """
        local articles = { ["2026-01-27"] = 90, ["2026-01-26"] = 120, ["2026-01-29"] = 150 }
        local log = { ["2026-01-26"] = 118, ["2026-01-28"] = 40, ["2026-01-29"] = 149 }
        report.line_chart({ { name = "articles", data = articles }, { name = "log", data = log } }, { title = "Drones", unit = "drones" })
        report.grouped_bar_chart({ { name = "articles", data = articles }, { name = "log", data = log } }, { title = "Side by side" })
        """

    @Test func seriesShareTheirLabelsInDateOrder() throws {
        let doc = try #require(try buildReport(twoSeries))
        guard case .seriesChart(let kind, _, let unit, let labels, let series) = doc.blocks[0] else {
            Issue.record("not a series chart")
            return
        }
        #expect(kind == .line)
        #expect(unit == "drones")
        #expect(labels == ["2026-01-26", "2026-01-27", "2026-01-28", "2026-01-29"])
        #expect(series.map(\.name) == ["articles", "log"])
        #expect(series[0].values == [120, 90, nil, 150])
        #expect(series[1].values == [118, nil, 40, 149])
    }

    @Test func oneSeriesNeedsNoNames() throws {
        let doc = try #require(
            try buildReport("report.line_chart({ ['2026-01-02'] = 3, ['2026-01-01'] = 1 }, { unit = 'strikes' })"))
        guard case .seriesChart(_, _, _, let labels, let series) = doc.blocks[0] else {
            Issue.record("not a series chart")
            return
        }
        #expect(labels == ["2026-01-01", "2026-01-02"])
        #expect(series.count == 1 && series[0].values == [1, 3])
    }

    @Test func htmlDrawsLinesAndBarsOnOneScale() throws {
        let html = try #require(try buildReport(twoSeries)).render(.html)
        #expect(html.contains("<polyline"))
        #expect(html.contains("class=\"legend\""))
        // a series breaks where it has no value; here each has one run of two or more points to draw as a line
        #expect(html.components(separatedBy: "<polyline").count - 1 == 2)
        let start = try #require(html.range(of: "<html"))
        let xml = String(html[start.lowerBound...]).replacingOccurrences(
            of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"/>")
        #expect(XMLParser(data: Data(xml.utf8)).parse(), "HTML is not well-formed")
    }

    @Test func markdownCSVAndJSONCarryEverySeries() throws {
        let doc = try #require(try buildReport(twoSeries))
        let md = doc.render(.markdown)
        #expect(md.contains("| label (drones) | articles | log |"))
        let tables = doc.csvTables()
        #expect(tables.map(\.file) == ["01-drones.csv", "02-side-by-side.csv"])
        #expect(tables[0].columns == ["label", "articles", "log"])
        #expect(tables[0].rows[2] == ["2026-01-28", "", "40"])
        let json = try #require(JSONSerialization.jsonObject(with: Data(doc.render(.json).utf8)) as? [String: Any])
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["line_chart", "grouped_bar_chart"])
        let series = try #require(blocks[0]["series"] as? [[String: Any]])
        #expect((series[0]["values"] as? [Any])?[2] is NSNull)
    }

    @Test func aBadSeriesSpeaksLua() throws {
        #expect {
            _ = try buildReport("report.line_chart({ { name = 'x', data = 5 } })")
        } throws: { error in
            "\(error)".contains("bad argument #1 to 'line_chart' (series 1 needs data = a table)")
        }
    }

    @Test func citationsLinkToTheArticle() throws {
        let code = """
            local a = workbench.parse("---\\nurl: https://example.org/kyiv?a=1&b=2\\n---\\nKyiv\\n\\nRussia launched 40 drones at Kyiv overnight, the air force said.\\n")
            report.cite(a.events[1])
            local b = workbench.parse("Kyiv\\n\\nRussia launched 40 drones at Kyiv overnight, the air force said.\\n")
            report.cite(b.events[1])
            """
        let doc = try #require(try buildReport(code))
        let html = doc.render(.html)
        #expect(html.contains("<a href=\"https://example.org/kyiv?a=1&amp;b=2\">"))
        #expect(html.contains("<p>Russia launched 40 drones at Kyiv overnight, the air force said.</p>"))
        #expect(html.components(separatedBy: "<a href").count - 1 == 1)
        #expect(doc.render(.markdown).contains("](https://example.org/kyiv?a=1&b=2)"))
    }

    @Test func aFolderOfCSVFilesReplacesAnEarlierReport() throws {
        let doc = try #require(try buildReport(twoSeries))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("wb-report-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "old".write(toFile: dir + "/07-old-table.csv", atomically: true, encoding: .utf8)
        try "keep".write(toFile: dir + "/notes.txt", atomically: true, encoding: .utf8)
        let files = try ReportFolder.write(doc, to: dir)
        #expect(files == ["01-drones.csv", "02-side-by-side.csv"])
        let listing = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(listing == ["01-drones.csv", "02-side-by-side.csv", "notes.txt"])
        let back = try CSVTable.read(path: dir + "/01-drones.csv")
        #expect(back.columns == ["label", "articles", "log"] && back.rows.count == 4)
        let file = dir + "/notes.txt"
        #expect(throws: WorkbenchError.self) { try ReportFolder.write(doc, to: file) }
    }
}
