import Foundation
import Testing

/// `Scripts/incidents.lua` on one night told by three outlets (Tests/Fixtures/incidents): HTML, JSON and
/// CSV reports, an attack log, and sharded runs merged.
@Suite struct IncidentsCLITests {
    private let articles = projectRoot.appendingPathComponent("Tests/Fixtures/incidents").path

    private func log(in dir: URL) throws -> URL {
        let rows = [
            "time_start,time_end,model,launch_place,target,launched,destroyed",
            "2026-03-10 19:00,2026-03-11 07:00,Shahed-136/131,Kursk oblast,Ukraine,111,90",
        ]
        return try write(rows.joined(separator: "\n") + "\n", to: "attacks.csv", in: dir)
    }

    @Test func theReportMarksWhatTheOutletsDifferOn() throws {
        let dir = try temporaryFolder()
        let csv = try log(in: dir)
        let md = try workbench(["run", "Scripts/incidents.lua", articles, "--arg", "log=\(csv.path)"])
        #expect(md.status == 0, "\(md.stderr)")
        #expect(md.stdout.contains("4 articles; 6 reports of dated strike events"))
        #expect(md.stdout.contains("### I2 · night of 2026-03-10/11, nationwide"))
        // the drones launched: 111 and 112, each cell marked; the toll rose as the day went on
        #expect(md.stdout.contains("111 ⚑"))
        #expect(md.stdout.contains("112 ⚑"))
        #expect(md.stdout.contains("killed: updated — rose from 2 to 10 as reports came in"))
        #expect(md.stdout.contains("Part of I2 (the night's nationwide attack)."))
        #expect(md.stdout.contains("log rows of this window: 2"))
        #expect(md.stdout.contains("wire on drone: differs (the article says 112, the log 111)"))

        let html = dir.appendingPathComponent("incidents.html")
        let h = try workbench(["run", "Scripts/incidents.lua", articles, "--out", html.path])
        #expect(h.status == 0, "\(h.stderr)")
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(
            page.contains(
                "<td class=\"num flagged\" title=\"drones launched: reports give 111, 112\">111 <span class=\"flag-mark\""
            ))

        let json = dir.appendingPathComponent("incidents.json")
        #expect(try workbench(["run", "Scripts/incidents.lua", articles, "--out", json.path]).status == 0)
        let text = try String(contentsOf: json, encoding: .utf8)
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(decoded != nil)
        #expect(text.contains("\"flag\" : \"drones launched: reports give 111, 112\""), "\(text.prefix(400))")

        let folder = dir.appendingPathComponent("incidents.csv")
        #expect(try workbench(["run", "Scripts/incidents.lua", articles, "--out", folder.path]).status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files == ["01-incidents.csv", "02-i2-reports.csv", "03-i3-reports.csv"], "\(files)")
        let reports = try String(contentsOf: folder.appendingPathComponent("02-i2-reports.csv"), encoding: .utf8)
        #expect(reports.contains(",111,"), "\(reports)")
    }

    @Test func shardsMergeIntoTheSameIncidents() throws {
        let dir = try temporaryFolder()
        let single = try workbench(["run", "Scripts/incidents.lua", articles])
        #expect(single.status == 0, "\(single.stderr)")
        var parts: [String] = []
        for k in 1...3 {
            let part = dir.appendingPathComponent("part\(k).json").path
            let r = try workbench(["run", "Scripts/incidents.lua", articles, "--shard", "\(k)/3", "--out", part])
            #expect(r.status == 0, "\(r.stderr)")
            parts.append(part)
        }
        let merged = try workbench(["merge"] + parts)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(merged.stdout == single.stdout)
    }

    @Test func anUnreadableLogIsOneClearError() throws {
        let r = try workbench(["run", "Scripts/incidents.lua", articles, "--arg", "log=/nonexistent/attacks.csv"])
        #expect(r.status != 0)
        #expect(
            r.stderr.hasPrefix("cannot use the attack log: /nonexistent/attacks.csv: cannot be read"), "\(r.stderr)")
    }
}
