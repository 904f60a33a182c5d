import Foundation
import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchScripting

/// Short articles written for the project that tell the same attack differently: `workbench.incidents`
/// and `workbench.positions`.
@Suite(.serialized) struct IncidentTests {
    /// One night's attack on Kyiv in three outlets in two time zones, and an unrelated strike on Odesa
    /// (Tests/Fixtures/incidents, also read by the CLI tests).
    static let night: [(String, String)] = {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/incidents")
        return ["kyiv-desk.txt", "wire.txt", "evening-paper.txt", "port-news.txt"].map { name in
            (name, (try? String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)) ?? "")
        }
    }()

    /// Runs Lua with `incidents`, `positions` and `articles` (the given texts parsed) in scope; returns its string.
    private func lua(_ articles: [(String, String)], _ code: String) throws -> String {
        let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: nil)
        let runtime = try ScriptRuntime(parser: parser, corpus: nil, modulePath: [])
        try runtime.state.run(
            """
            incidents, positions, pause = require('workbench.incidents'), require('workbench.positions'), require('workbench.pause')
            articles = workbench.list({})
            """)
        for (name, text) in articles {
            try runtime.state.run(
                "articles[#articles + 1] = assert(workbench.parse(\(luaString(text)), \(luaString(name))))")
        }
        try runtime.state.run("__result = (function() " + code + " end)()")
        runtime.lua.getGlobal("__result")
        defer { runtime.lua.pop() }
        return runtime.lua.string(at: -1) ?? "(not a string)"
    }

    private func luaString(_ s: String) -> String { "[==[" + s + "]==]" }

    @Test func oneNightInThreeOutletsIsOneIncidentPerPlace() throws {
        let summary = try lua(
            Self.night,
            """
            local out = {}
            for _, inc in ipairs(workbench.incidents(articles)) do
              local ids = {}
              for _, r in ipairs(inc.reports) do ids[#ids + 1] = r.article end
              out[#out + 1] = inc.id .. " " .. inc.label .. " [" .. table.concat(ids, ",") .. "]" .. (inc.part_of and (" in " .. inc.part_of) or "")
            end
            return table.concat(out, " | ")
            """)
        #expect(
            summary
                == "I1 2026-03-09, Odesa [port-news] | I2 night of 2026-03-10/11, nationwide [kyiv-desk,wire] | I3 night of 2026-03-10/11, Kyiv [evening-paper,kyiv-desk,wire] in I2"
        )
    }

    @Test func figuresAgreeDifferOrRiseInTimeOrder() throws {
        let figures = try lua(
            Self.night,
            """
            local out = {}
            for _, inc in ipairs(incidents.group(incidents.reports(articles))) do
              for _, f in ipairs(inc.figures) do out[#out + 1] = inc.id .. " " .. f.name .. "=" .. f.status .. ": " .. f.why end
            end
            return table.concat(out, " | ")
            """)
        #expect(figures.contains("I2 drone launched=differs: reports give 111, 112"))
        // the Evening Paper wrote at 21:30 in New York, before Kyiv woke: its two dead came first
        #expect(figures.contains("I3 killed=updated: rose from 2 to 10 as reports came in"))
        #expect(figures.contains("I1 wounded=single"))
    }

    @Test func aTollOnTheSameDayWithoutTimesCannotBeOrdered() throws {
        let undated = Self.night.prefix(2).map { name, text in
            (
                name,
                text.replacingOccurrences(of: "2026-03-11T08:00+02:00", with: "2026-03-11").replacingOccurrences(
                    of: "2026-03-11T13:30Z", with: "2026-03-11")
            )
        }
        let why = try lua(
            Array(undated),
            """
            local list = incidents.group(incidents.reports(articles))
            for _, inc in ipairs(list) do
              for _, f in ipairs(inc.figures) do if f.name == "killed" then return f.status .. ": " .. f.why end end
            end
            return "no toll"
            """)
        #expect(why == "differs: 3 and 10, reported the same day with no publication times to order them")
    }

    @Test func aFallingTollIsADifferenceNotAnUpdate() throws {
        let later = [
            Self.night[0],
            (
                "correction.txt",
                """
                ---
                date: 2026-03-12
                source: Correction Daily
                ---
                Kyiv toll revised

                In Kyiv, a drone struck an apartment building overnight, killing two people, officials said.
                """
            ),
        ]
        let status = try lua(
            later,
            """
            for _, inc in ipairs(incidents.group(incidents.reports(articles))) do
              for _, f in ipairs(inc.figures) do if f.name == "killed" then return f.status end end
            end
            return "none"
            """)
        // "overnight" on the 12th is another night: no shared incident, so each toll stands alone
        #expect(status == "single")
    }

    @Test func reportsFromShardsGroupAsOne() throws {
        let same = try lua(
            Self.night,
            """
            -- reports saved by two shards (as JSON) and merged group like one run's
            local a, b = incidents.reports({ articles[1], articles[3] }), incidents.reports({ articles[2], articles[4] })
            local merged = workbench.list({})
            for _, r in ipairs(workbench.json.decode(workbench.json.encode(a))) do merged[#merged + 1] = r end
            for _, r in ipairs(workbench.json.decode(workbench.json.encode(b))) do merged[#merged + 1] = r end
            local function labels(list)
              local out = {}
              for _, inc in ipairs(list) do out[#out + 1] = inc.label .. "/" .. #inc.reports end
              return table.concat(out, " ")
            end
            return labels(incidents.group(merged)) == labels(incidents.group(incidents.reports(articles))) and "same" or labels(incidents.group(merged))
            """)
        #expect(same == "same")
    }

    @Test func theLogRowsOfTheWindowCheckEachReport() throws {
        let checks = try lua(
            Self.night,
            """
            local log = assert(pause.from_log_rows({ columns = { "time_start", "time_end", "model", "launch_place", "target", "launched", "destroyed" },
              { time_start = "2026-03-10 19:00", time_end = "2026-03-11 07:00", model = "Shahed-136/131", launch_place = "Kursk oblast",
                target = "Ukraine", launched = "111", destroyed = "90" } }))
            local out = {}
            for _, inc in ipairs(incidents.group(incidents.reports(articles), { log = log })) do
              if inc.id == "I2" then
                out[#out + 1] = "rows " .. table.concat(inc.log.rows, ",")
                for _, r in ipairs(inc.reports) do out[#out + 1] = r.article .. "=" .. r.log_verdict end
              end
            end
            return table.concat(out, " ")
            """)
        #expect(checks == "rows 2 kyiv-desk=agreed wire=differs")
    }

    @Test func aPauseCheckCountsTheAttackOnce() throws {
        let counted = try lua(
            Self.night,
            """
            local list = incidents.group(incidents.reports(articles))
            local evidence = incidents.evidence(list)
            local p = pause.declare({ party = "Russia", scope = { places = { "Kyiv" } }, window = { start = "2026-03-10", ["end"] = "2026-03-11" } })
            local r = pause.check(p, evidence)
            local kyiv
            for _, e in ipairs(evidence) do if e.incident == "I3" then kyiv = e end end
            return #evidence .. " items; " .. r.days[2].rule .. "; " .. r.verdict .. "; " .. kyiv.cite:match("%(.-%)")
            """)
        // officials and the mayor: not every report is one side's claim
        #expect(counted == "3 items; Russia attacked Kyiv inside the window; violation; (incident I3, 3 reports)")
    }

    @Test func aTruceClaimedByOneSideAndDeniedByTheOther() throws {
        let truce = [
            (
                "claim.txt",
                """
                ---
                date: 2026-03-12
                source: Wire Service
                ---
                Trump says Putin agreed to energy truce

                U.S. President Donald Trump said Russian President Vladimir Putin had agreed to stop strikes on Ukraine's energy facilities for 30 days.
                """
            ),
            (
                "denial.txt",
                """
                ---
                date: 2026-03-13
                source: Kyiv Desk
                ---
                Kremlin denies energy truce

                The Kremlin rejected a pause in strikes on Ukraine's energy facilities for 30 days, spokesman Dmitry Peskov said.
                """
            ),
            (
                "other.txt",
                """
                ---
                date: 2026-06-01
                source: Port News
                ---
                Corridor for Mariupol

                Russia proposed a humanitarian corridor out of Mariupol, the defence ministry said.
                """
            ),
        ]
        let positions = try lua(
            truce,
            """
            local out = {}
            for _, p in ipairs(positions.of(articles)) do
              local st = {}
              for _, s in ipairs(p.statements) do st[#st + 1] = (s.side or "?") .. ":" .. s.status end
              local c = p.contradictions[1]
              out[#out + 1] = p.id .. " " .. table.concat(st, ",") .. (c and (" ! " .. c.kind .. " " .. c.text) or "")
            end
            return table.concat(out, " | ")
            """)
        let groups = positions.components(separatedBy: " | ")
        #expect(groups.count == 2, "\(positions)")
        #expect(groups.first?.hasPrefix("P1 United States:claimed agreed") == true, "\(positions)")
        #expect(groups.first?.contains("Russia:rejected") == true, "\(positions)")
        #expect(
            groups.first?.contains("! contradiction Donald Trump says Russia agreed; Russia: rejected") == true,
            "\(positions)")
    }

    @Test func aFrontMatterTimeIsThePublicationInstant() throws {
        let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: nil)
        func published(_ date: String) -> String? {
            parser.parse(
                SourceText(
                    path: "x.txt", text: "---\ndate: \(date)\n---\nTitle\n\nBody text.\n", frontMatter: ["date": date],
                    bodyStart: 0, notes: [])
            ).published
        }
        #expect(published("2026-03-10T21:30-04:00") == "2026-03-10T21:30-04:00")
        #expect(published("2026-03-11T13:30:05Z") == "2026-03-11T13:30:05Z")
        #expect(published("2026-03-11") == nil)
        #expect(published("2026-03-11T25") == nil)
        #expect(published("2026-03-11 evening") == nil)
    }
}
