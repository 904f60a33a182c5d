import Foundation
import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchScripting

/// CSV reading and writing: quoted fields, embedded newlines, BOM, CRLF, ragged rows.
@Suite struct CSVTests {
    @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
        let t = try CSVTable.parse(
            "time_start,launch_place,note\n2026-01-30,\"Hvardiiske, Crimea\",\"said \"\"111\"\"\nthen more\"\n")
        #expect(t.columns == ["time_start", "launch_place", "note"])
        #expect(t.rows.count == 1)
        #expect(t.rows[0][1] == "Hvardiiske, Crimea")
        #expect(t.rows[0][2] == "said \"111\"\nthen more")
    }

    @Test func bomAndCRLFAreHandled() throws {
        let t = try CSVTable.parse("\u{FEFF}a,b\r\n1,2\r\n3,4\r\n")
        #expect(t.columns == ["a", "b"])
        #expect(t.rows == [["1", "2"], ["3", "4"]])
    }

    @Test func blankAndRepeatedColumnNamesStayReachable() throws {
        let t = try CSVTable.parse("a,,a\n1,2,3\n")
        #expect(t.columns == ["a", "2", "a_2"])
    }

    @Test func raggedRowsAndHeaderlessTables() throws {
        let t = try CSVTable.parse("1,2\n3\n", header: false)
        #expect(t.columns == ["1", "2"])
        #expect(t.rows.count == 2)
        #expect(t.rows[1] == ["3"])
    }

    @Test func writingQuotesWhatNeedsIt() throws {
        let text = CSVTable.format(
            columns: ["place", "n"], rows: [["Kyiv, city", "1"], ["say \"hi\"", "2"], ["two\nlines", "3"]])
        #expect(text == "place,n\n\"Kyiv, city\",1\n\"say \"\"hi\"\"\",2\n\"two\nlines\",3\n")
        let back = try CSVTable.parse(text)
        #expect(back.rows.map { $0[0] } == ["Kyiv, city", "say \"hi\"", "two\nlines"])
    }

    @Test func unreadableFilesAreNamed() throws {
        #expect {
            _ = try CSVTable.read(path: "/nonexistent/log.csv")
        } throws: { error in "\(error)".contains("/nonexistent/log.csv") }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try Data([0x61, 0x2C, 0xFF, 0xFE, 0x0A]).write(to: dir)
        #expect {
            _ = try CSVTable.read(path: dir.path)
        } throws: { error in "\(error)".contains("is not UTF-8") }
    }

    @Test func scriptsReadCSVWithNumbersOnRequest() throws {
        let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: nil)
        let runtime = try ScriptRuntime(parser: parser, corpus: nil, modulePath: [])
        runtime.policy = SandboxPolicy(trusted: false, readRoots: ["/nonexistent"], writeRoots: [])
        try runtime.state.run(
            """
            local t = assert(workbench.csv.parse('model,launched\\nShahed,111.0\\n"Iskander-M",1\\n', { numbers = true }))
            result = t[1].model .. ' ' .. math.type(t[1].launched) .. ' ' .. (t[1].launched + t[2].launched) .. ' ' .. table.concat(t.columns, '+')
            local none, err = workbench.csv.read('/nonexistent/x.csv')
            result = result .. ' | ' .. tostring(none) .. ' ' .. err
            """)
        runtime.lua.getGlobal("result")
        #expect(
            runtime.lua.string(at: -1) == "Shahed integer 112 model+launched | nil /nonexistent/x.csv: cannot be read")
    }
}
