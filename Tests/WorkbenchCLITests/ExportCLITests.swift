import Foundation
import Testing

/// `workbench export`: flat tables that Python's csv module, pandas and sqlite3 read as they are.
@Suite struct ExportCLITests {
    static let article = """
        ---
        title: Overnight attack on Kyiv
        date: 2026-01-30
        source: Example Wire
        url: https://example.org/kyiv-attack
        ---
        Overnight attack on Kyiv

        Russia launched 40 drones and two missiles at Kyiv overnight, killing three people, the air force said.

        "We will not stop," the mayor, Vitali Klitschko, said.

        """

    /// A folder with the article and a second one.
    private func corpus() throws -> URL {
        let dir = try temporaryFolder()
        try write(Self.article, to: "kyiv.txt", in: dir)
        try write(
            "Second\n\nRussia launched 12 drones at Odesa on Tuesday, officials said.\n", to: "odesa.txt", in: dir)
        return dir
    }

    /// Runs `python3 -c code`, or returns nil when Python is not installed.
    private func python(_ code: String, _ args: [String] = []) throws -> RunResult? {
        guard
            let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(
                where: FileManager.default.isExecutableFile(atPath:))
                ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":").map({ "\($0)/python3" }).first(
                    where: FileManager.default.isExecutableFile(atPath:))
        else {
            print("skipped: python3 is not installed")
            return nil
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", code] + args
        let out = Pipe()
        let err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return RunResult(
            status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
            stderr: String(decoding: e, as: UTF8.self))
    }

    @Test func eventsAsCSVCarryTheArticleAndTheEvidence() throws {
        let dir = try corpus()
        let r = try workbench(["export", "events", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(
            lines.first?.hasPrefix(
                "article_id,article_date,article_source,article_url,paragraph,sentence,sentence_text,start,end,event_date,"
            ) == true)
        #expect(lines.count == 3, "\(r.stdout)")
        #expect(r.stdout.contains("kyiv,2026-01-30,Example Wire,https://example.org/kyiv-attack,"))
        guard
            let py = try python(
                """
                import csv, sys
                rows = list(csv.DictReader(open(sys.argv[1], newline='')))
                k = [r for r in rows if r['article_id'] == 'kyiv'][0]
                print(len(rows), k['place'], k['killed'], k['actor'], k['sub_event_type'], k['sentence_text'][:14])
                """, [try saved(r.stdout)])
        else { return }
        #expect(py.stdout == "2 Kyiv 3 Russia Air/drone strike Russia launche\n", "\(py.stderr)")
    }

    @Test func quotesAsJSONLines() throws {
        let dir = try corpus()
        let r = try workbench(["export", "quotes", dir.path, "--format", "jsonl"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(obj["text"] as? String == "We will not stop")
        #expect(obj["speaker"] as? String == "Vitali Klitschko")
        #expect(obj["article_url"] as? String == "https://example.org/kyiv-attack")
        #expect(obj["via"] is NSNull)
    }

    @Test func everyKindIntoOneSQLiteDatabase() throws {
        let dir = try corpus()
        let db = dir.appendingPathComponent("corpus.db").path
        let r = try workbench(["export", "all", dir.path, "--out", db])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: db + ".partial-0"))
        guard
            let py = try python(
                """
                import sqlite3, sys
                c = sqlite3.connect(sys.argv[1])
                print(sorted(t for (t,) in c.execute("select name from sqlite_master where type='table'")))
                print(c.execute("select a.title, e.place, e.killed from events e join articles a on a.key = e.article order by a.id").fetchall())
                print(c.execute("pragma foreign_key_check").fetchall())
                print(c.execute("select count(*) from quotes q join articles a on a.key = q.article").fetchone()[0])
                """, [db])
        else { return }
        #expect(
            py.stdout == """
                ['articles', 'commitments', 'dates', 'events', 'figures', 'parties', 'quotes']
                [('Overnight attack on Kyiv', 'Kyiv', 3), ('Second', 'Odesa', None)]
                []
                1

                """, "\(py.stderr)")
        // pandas, when it is installed, reads a table straight from the database
        guard
            let pandas = try python(
                "import pandas, sqlite3, sys; print(pandas.read_sql('select * from events', sqlite3.connect(sys.argv[1])).shape[0])",
                [db]),
            pandas.status == 0
        else {
            print("skipped: pandas is not installed")
            return
        }
        #expect(pandas.stdout == "2\n")
    }

    @Test func mistakesAreUsageErrors() throws {
        let dir = try corpus()
        let kind = try workbench(["export", "event", dir.path])
        #expect(kind.status == 64)
        #expect(kind.stderr.contains("no kind 'event' (did you mean 'events'?)"))
        let sqlite = try workbench(["export", "events", dir.path, "--format", "sqlite"])
        #expect(sqlite.status == 64)
        #expect(sqlite.stderr.contains("needs --out FILE"))
        let all = try workbench(["export", "all", dir.path, "--format", "csv"])
        #expect(all.status == 64)
        #expect(all.stderr.contains("needs --format sqlite"))
    }

    @Test func anUnreadableInputIsNamedAndTheRestExported() throws {
        let dir = try corpus()
        let out = dir.appendingPathComponent("figures.csv").path
        let r = try workbench([
            "export", "figures", dir.path, dir.appendingPathComponent("missing.txt").path, "--out", out,
        ])
        #expect(r.status == 2)
        #expect(r.stderr.contains("missing.txt"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("kyiv,") && text.contains("odesa,"))
    }

    @Test func theDocsListEveryColumnBesideACLED() throws {
        let r = try workbench(["docs", "export"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("## events"))
        #expect(r.stdout.contains("| fatalities | killed |"))
        let doc = try String(contentsOf: projectRoot.appendingPathComponent("docs/export.md"), encoding: .utf8)
        #expect(doc == r.stdout, "docs/export.md is out of date: run workbench docs export > docs/export.md")
    }

    /// Saves text to a temporary file and returns its path.
    private func saved(_ text: String) throws -> String {
        let url = try temporaryFolder().appendingPathComponent("out.csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }
}
