import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import WorkbenchCore

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
        let dated = try #require(try build("report.bar_chart({ ['2025-03-02'] = 5, ['2025-03-01'] = 9, ['2025-03-10'] = 1 })")).render(.markdown)
        let rows = dated.split(separator: "\n").filter { $0.hasPrefix("2025") }.map { String($0.prefix(10)) }
        #expect(rows == ["2025-03-01", "2025-03-02", "2025-03-10"])
        let named = try #require(try build("report.bar_chart({ b = 9, a = 5, c = 1 })")).render(.markdown)
        #expect(named.split(separator: "\n").compactMap(\.first).filter(\.isLetter) == ["b", "a", "c"])  // by value: 9, 5, 1
        let byKey = try #require(try build("report.bar_chart({ b = 9, a = 5 }, { order = 'key' })")).render(.markdown)
        #expect(byKey.split(separator: "\n").compactMap(\.first).filter(\.isLetter) == ["a", "b"])
        let pairs = try #require(try build("report.bar_chart({ { 'z', 1 }, { 'y', 2 } })")).render(.markdown)
        #expect(pairs.split(separator: "\n").compactMap(\.first).filter(\.isLetter) == ["z", "y"])  // lists keep their order
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
        let xml = String(html[start.lowerBound...]).replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"/>")
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
