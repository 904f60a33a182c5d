import Foundation
import Testing

/// `Scripts/pause_compliance.lua` on the seed, with a constructed attack log.
@Suite struct PauseCLITests {
    /// A log in the Air Force format: the seed's overnight barrage, quiet nights, and a strike on Kyiv region after the window.
    private func log(in dir: URL) throws -> URL {
        let header = "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,source"
        let rows = [
            "2026-01-29 18:00,2026-01-30 08:00,Shahed-136/131,\"Primorsko-Akhtarsk and Kursk oblast and Hvardiiske, Crimea\",Ukraine,,111.0,80.0,test",
            "2026-01-29 18:00,2026-01-30 08:00,Iskander-M,Voronezh oblast,Ukraine,,1.0,0.0,test",
            "2026-01-31 18:00,2026-02-01 08:30,Shahed-136/131,Kursk oblast,Ukraine,,90.0,76.0,test",
            "2026-02-02 18:00,2026-02-03 09:30,X-22 and X-32,Bryansk oblast,Kyiv oblast,,7.0,3.0,test",
        ]
        return try write(([header] + rows).joined(separator: "\n") + "\n", to: "attacks.csv", in: dir)
    }

    @Test func theSeedsPausesAreCheckedAgainstTheLog() throws {
        let dir = try temporaryFolder()
        let csv = try log(in: dir)
        let r = try workbench(["run", "Scripts/pause_compliance.lua", "seeds", "--arg", "log=\(csv.path)"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = r.stdout
        #expect(out.contains("## Ukraine: halt long-range strikes on Russian energy facilities"))
        #expect(out.contains("## Russia: short pause in attacks on Kyiv and other cities"))
        #expect(out.contains("2026-01-25 – 2026-02-01 (“for a week until Feb. 1”)"))
        #expect(out.contains("the start date is worked out from “for a week until Feb. 1”"))
        // the night after the window: Kyiv region hit, outside the window
        #expect(out.contains("after the window; 1 attack by Russia recorded, targets include Kyiv oblast"))
        // the barrage straddles nothing but names no place: unclear, never a guessed violation
        #expect(out.contains("| 2026-01-29 | in window | unclear"))
        #expect(!out.contains("| violation "))
        // corroboration: counts agree, the drones' launch place differs
        let corroboration = out.components(separatedBy: "## Corroboration")[1]
        #expect(
            corroboration.contains(
                "| attack drone | 111     | 111 | agreed | the log has 111 | same attack window | 2026-01-29 18:00 – 2026-01-30 08:00 | Voronezh region"
            ))
        #expect(corroboration.contains("| differs |"))
        #expect(
            corroboration.contains(
                "| Iskander-M   | 1       |   1 | agreed | the log has 1   | same attack window | 2026-01-29 18:00 – 2026-01-30 08:00 | Voronezh region         | Voronezh oblast"
            ))
    }

    @Test func theAttackLogHasTheArticlesCountsForTheirNights() throws {
        // the three counts the log has exactly: 728 (0267, "on Tuesday night"), 273 and 267 (0260)
        guard let shared = sharedFolder else {
            print("skipped: ../shared is not here")
            return
        }
        let dir = try temporaryFolder()
        let script = try write(
            """
            local pause = require("workbench.pause")
            local log = assert(pause.read_log(arg[1]))
            for _, c in ipairs(pause.corroborate(pause.from_events(workbench.articles), log)) do
              print(c.item.article, c.weapon, c.claimed, c.logged, c.count, table.concat(c.rows, ","))
            end
            """, to: "corr.lua", in: dir)
        let corpus = shared.appendingPathComponent("corpus/ukraine")
        let r = try workbench([
            "run", script.path, corpus.appendingPathComponent("0267.txt").path,
            corpus.appendingPathComponent("0260.txt").path, "--allow-read", shared.path, "--",
            shared.appendingPathComponent("data/missile_attacks_daily.csv").path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.contains("0267\tdrone\t728\t728\tagreed\t933"))
        #expect(lines.contains("0260\tdrone\t273\t273\tagreed\t1146"))
        #expect(lines.contains("0260\tdrone\t267\t267\tagreed\t1429"))
        // the 25 Ukrainian drones Russia says it downed are not checked against Russia's log
        #expect(!lines.contains { $0.hasPrefix("0260\tdrone\t25\t") })
        #expect(!lines.contains { $0.contains("differs") }, "\(lines)")
    }

    @Test func withoutALogTheArticlesAloneAreUsed() throws {
        let r = try workbench(["run", "Scripts/pause_compliance.lua", "seeds"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("no attack log: add one with --arg log=FILE.csv"))
        #expect(r.stdout.contains("the articles' figures are not corroborated"))
    }

    @Test func aBrokenLogIsAClearError() throws {
        let dir = try temporaryFolder()
        let missing = try workbench([
            "run", "Scripts/pause_compliance.lua", "seeds", "--arg", "log=\(dir.path)/nope.csv",
        ])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("nope.csv"))
        let wrong = try write("date,model\n2026-01-30,Shahed\n", to: "wrong.csv", in: dir)
        let r = try workbench(["run", "Scripts/pause_compliance.lua", "seeds", "--arg", "log=\(wrong.path)"])
        #expect(r.status == 1)
        #expect(
            r.stderr.contains(
                "cannot use the attack log: wrong.csv: no column 'time_start' (the columns are: date, model)"))
    }

    @Test func theHTMLReportHasChartsAndVerdictBadges() throws {
        let dir = try temporaryFolder()
        let csv = try log(in: dir)
        let out = dir.appendingPathComponent("pauses.html")
        let r = try workbench([
            "run", "Scripts/pause_compliance.lua", "seeds", "--arg", "log=\(csv.path)", "--out", out.path,
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.contains("class=\"kind unclear\""))
        #expect(html.contains("class=\"kind outside\""))
        #expect(!html.contains("<script"))
    }
}
