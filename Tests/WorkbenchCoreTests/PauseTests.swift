import Foundation
import Testing

@testable import WorkbenchExtraction
@testable import WorkbenchLua
@testable import WorkbenchModel
@testable import WorkbenchScripting

/// The `workbench.pause` module on constructed cases: each verdict, window edges, time zones.
@Suite(.serialized) struct PauseTests {
    /// Runs Lua (with `pause` and `seed` in scope) and returns the string it returns.
    private func lua(_ code: String) throws -> String {
        let parser = ArticleParser(lexicon: try Lexicon.standard.get(), defaultDate: Day(2026, 1, 30))
        let runtime = try ScriptRuntime(parser: parser, corpus: nil, modulePath: [])
        try runtime.state.run(
            """
            pause = require('workbench.pause')
            function rows(list)
              -- log rows in the attack log's columns, Kyiv time unless a row says otherwise
              local t = { columns = { "time_start", "time_end", "model", "launch_place", "target", "target_main", "launched", "destroyed", "source" } }
              for i, r in ipairs(list) do
                t[i] = { time_start = r[1], time_end = r[2], model = r.model or "Shahed-136/131", launch_place = r.from or "",
                         target = r[3], target_main = "", launched = tostring(r.n or 10), destroyed = "", source = r.src or "kpszsu/posts/1" }
              end
              return t
            end
            function verdicts(result)
              local out = {}
              for _, d in ipairs(result.days) do out[#out + 1] = d.date .. "=" .. d.verdict end
              return table.concat(out, " ")
            end
            function item_verdicts(result)
              local out = {}
              for _, j in ipairs(result.items) do out[#out + 1] = (j.item.row or j.item.target_type or "?") .. ":" .. j.verdict end
              table.sort(out)
              return table.concat(out, " ")
            end
            """)
        try runtime.state.run("__result = (function() " + code + " end)()")
        runtime.lua.getGlobal("__result")
        defer { runtime.lua.pop() }
        return runtime.lua.string(at: -1) ?? "(not a string)"
    }

    @Test func kyivTimeIsUTCPlusTwoInWinterAndThreeInSummer() throws {
        #expect(try lua("return pause.format_time(pause.parse_time('2026-01-29 18:00'), 'UTC')") == "2026-01-29 16:00")
        #expect(try lua("return pause.format_time(pause.parse_time('2026-07-01 12:00'), 'UTC')") == "2026-07-01 09:00")
        // summer time starts on the last Sunday of March at 01:00 UTC (03:00 → 04:00 in Kyiv)
        #expect(try lua("return pause.format_time(pause.parse_time('2026-03-29 04:30'), 'UTC')") == "2026-03-29 01:30")
        #expect(try lua("return pause.format_time(pause.parse_time('2026-03-29 02:30'), 'UTC')") == "2026-03-29 00:30")
        // ISO instants with Z or an offset, and back to Kyiv time
        #expect(try lua("return pause.format_time((pause.parse_time('2026-01-29T16:00Z')))") == "2026-01-29 18:00")
        #expect(try lua("return pause.format_time((pause.parse_time('2026-01-29T19:00+03:00')))") == "2026-01-29 18:00")
        // parse_time's second result (whether a time was given) is not a time zone
        #expect(throws: LuaError.self) { try lua("return pause.format_time(pause.parse_time('2026-01-29T16:00Z'))") }
        #expect(
            try lua("local t, e = pause.parse_time('2026-02-30'); return tostring(t) .. ' ' .. e")
                == "nil not a real date: \"2026-02-30\"")
        #expect(try lua("local t, e = pause.parse_time('Jan 30'); return tostring(t)") == "nil")
    }

    @Test func anyZoneOfTheTimeZoneDatabaseHasItsOwnDaylightSaving() throws {
        // New York: UTC-5 in winter, UTC-4 from the second Sunday of March (2026-03-08, 02:00 local)
        #expect(
            try lua("return pause.iso_time(pause.parse_time('2026-03-08T06:59Z'), 'America/New_York')")
                == "2026-03-08T01:59-05:00")
        #expect(
            try lua("return pause.iso_time(pause.parse_time('2026-03-08T07:00Z'), 'America/New_York')")
                == "2026-03-08T03:00-04:00")
        #expect(
            try lua("return pause.format_time(pause.parse_time('2026-07-01 12:00', 'Asia/Tokyo'), 'UTC')")
                == "2026-07-01 03:00")
        #expect(
            try lua("local t, e = pause.parse_time('2026-07-01', 'Mars/Olympus'); return tostring(t) .. ' ' .. e")
                == "nil unknown time zone: Mars/Olympus")
        #expect(
            try lua("return tostring(workbench.time.days(2026, 2, 30)) .. ' ' .. workbench.time.days(1970, 1, 2)")
                == "nil 1")
    }

    @Test func eachVerdictOnAPlaceScopedPause() throws {
        let result = try lua(
            """
            local p = pause.declare{ party = "Russia", scope = { places = { "Kyiv" } }, window = { start = "2026-01-30", ["end"] = "2026-02-01" } }
            local log = assert(pause.from_log_rows(rows{
              { "2026-01-29 18:00", "2026-01-30 08:00", "Kyiv" },        -- row 2: straddles the start
              { "2026-01-30 20:00", "2026-01-31 06:00", "Kyiv" },        -- row 3: inside, on Kyiv
              { "2026-01-31 10:00", "2026-01-31 11:00", "Lviv oblast" }, -- row 4: elsewhere
              { "2026-01-31 20:00", "2026-02-01 05:00", "Ukraine" },     -- row 5: somewhere in Ukraine
              { "2026-01-31 21:00", "2026-01-31 23:00", "Kyiv oblast" }, -- row 6: the region around Kyiv
              { "2026-02-01 18:00", "2026-02-02 09:00", "Kyiv" },        -- row 7: straddles the end
              { "2026-02-03 01:00", "2026-02-03 05:00", "Kyiv" },        -- row 8: after
            }))
            local r = pause.check(p, log)
            return verdicts(r) .. " | " .. item_verdicts(r) .. " | " .. r.verdict
            """)
        let parts = result.components(separatedBy: " | ")
        #expect(
            parts[0]
                == "2026-01-29=outside scope 2026-01-30=violation 2026-01-31=unclear 2026-02-01=unclear 2026-02-02=outside scope 2026-02-03=outside scope"
        )
        #expect(parts[1] == "2:unclear 3:violation 4:outside scope 5:unclear 6:unclear 7:unclear 8:outside scope")
        #expect(parts[2] == "violation")
    }

    @Test func rulesExplainTheVerdicts() throws {
        let rules = try lua(
            """
            local p = pause.declare{ party = "Russia", scope = { places = { "Kyiv" } }, window = { start = "2026-01-30", ["end"] = "2026-02-01" } }
            local log = assert(pause.from_log_rows(rows{
              { "2026-01-29 18:00", "2026-01-30 08:00", "Kyiv" },
              { "2026-01-30 20:00", "2026-01-31 06:00", "Kyiv" },
              { "2026-01-31 10:00", "2026-01-31 11:00", "Lviv oblast" },
              { "2026-01-31 20:00", "2026-02-01 05:00", "Ukraine" },
            }))
            local r = pause.check(p, log)
            local out = {}
            for _, j in ipairs(r.items) do out[j.item.row] = j.rule end
            return table.concat(out, "\\n", 2, 5)
            """
        ).components(separatedBy: "\n")
        #expect(rules[0].contains("straddles the window's start"))
        #expect(rules[0].contains("window opens 2026-01-30 00:00"))
        // the log is the Ukrainian Air Force's: an accusation by the other side, said to be one
        #expect(
            rules[1]
                == "Russia attacked Kyiv inside the window (a claim by Ukraine, a party to the conflict, not independently verified)"
        )
        #expect(rules[2].contains("outside the pause's scope"))
        #expect(rules[3] == "the evidence names only Ukraine, not where in it")
    }

    @Test func windowEdgesDependOnTheTimeZone() throws {
        // 22:30 UTC on 1 February is 00:30 on 2 February in Kyiv: after a window that ends on 1 February
        let kyiv = try lua(
            """
            local p = pause.declare{ party = "Russia", window = { start = "2026-01-30", ["end"] = "2026-02-01" } }
            local log = assert(pause.from_log_rows(rows{ { "2026-02-01T22:30Z", "2026-02-01T23:00Z", "Kyiv" } }))
            return pause.check(p, log).items[1].verdict
            """)
        #expect(kyiv == "outside scope")
        // the same clock times read as UTC wall times by a pause kept in UTC fall inside it
        let utc = try lua(
            """
            local p = pause.declare{ party = "Russia", timezone = "UTC", window = { start = "2026-01-30", ["end"] = "2026-02-01" } }
            local log = assert(pause.from_log_rows(rows{ { "2026-02-01 22:30", "2026-02-01 23:00", "Kyiv" } }, { timezone = "UTC" }))
            return pause.check(p, log).items[1].verdict
            """)
        #expect(utc == "violation")
        // a log in Kyiv time: 23:30 local on 1 February is inside; 00:10 on 2 February is after
        let edges = try lua(
            """
            local p = pause.declare{ party = "Russia", window = { start = "2026-01-30", ["end"] = "2026-02-01" } }
            local log = assert(pause.from_log_rows(rows{ { "2026-02-01 23:30", "2026-02-01 23:50", "Kyiv" }, { "2026-02-02 00:10", "2026-02-02 00:30", "Kyiv" },
                                                         { "2026-01-29 23:50", "2026-01-30 00:00", "Kyiv" } }))
            return item_verdicts(pause.check(p, log))
            """)
        #expect(edges == "2:violation 3:outside scope 4:outside scope")
    }

    @Test func targetTypesAndVagueTargets() throws {
        let result = try lua(
            """
            local p = pause.declare{ party = "Russia", scope = { types = { "energy" } }, window = { start = "2026-01-30", ["end"] = "2026-02-01" } }
            local events = {
              { actor = "Russia", when = "2026-01-30", target_type = "energy", target = "power plant", place = "Odesa" },
              { actor = "Russia", when = "2026-01-31", target_type = "civilian infrastructure", target = "civilian infrastructure", place = "Chernihiv" },
              { actor = "Russia", when = "2026-01-31", target_type = "residential", target = "residential building", place = "Zaporizhzhia" },
              { actor = "Ukraine", when = "2026-01-31", target_type = "energy", target = "refinery" },
              { actor = "Russia", when = nil, target_type = "energy", target = "substation" },
            }
            local r = pause.check(p, pause.from_events(events))
            local out = {}
            for _, j in ipairs(r.items) do out[#out + 1] = (j.item.actor or "?") .. "/" .. j.item.target_type .. "/" .. (j.date or "undated") .. ":" .. j.verdict end
            table.sort(out)
            return table.concat(out, " ") .. " | " .. verdicts(r)
            """)
        let parts = result.components(separatedBy: " | ")
        #expect(
            parts[0]
                == "Russia/civilian infrastructure/2026-01-31:unclear Russia/energy/2026-01-30:violation Russia/energy/undated:unclear Russia/residential/2026-01-31:outside scope Ukraine/energy/2026-01-31:outside scope"
        )
        #expect(parts[1].contains("2026-01-30=violation 2026-01-31=unclear 2026-02-01=no violation reported"))
    }

    @Test func overnightEventsStraddleAWindowThatOpensAtMidnight() throws {
        let verdict = try lua(
            """
            local p = pause.declare{ party = "Russia", window = { start = "2026-01-30", ["end"] = "2026-02-01" } }
            local e = { actor = "Russia", when = "2026-01-29/2026-01-30", when_text = "overnight", place = "Kyiv", target_type = "energy" }
            local j = pause.check(p, pause.from_events({ e })).items[1]
            return j.verdict .. ": " .. j.rule
            """)
        #expect(verdict.hasPrefix("unclear: it straddles the window's start (2026-01-29 18:00 – 2026-01-30 09:00"))
    }

    @Test func openWindowsUseTheAnnouncementAndAHorizon() throws {
        let result = try lua(
            """
            local p = pause.declare{ party = "Ukraine", announced = "2026-01-30", horizon = 3 }
            local r = assert(pause.check(p, {}, { margin_before = 0, margin_after = 0 }))
            return verdicts(r) .. " | " .. table.concat(r.notes, "; ")
            """)
        #expect(
            result
                == "2026-01-30=no violation reported 2026-01-31=no violation reported 2026-02-01=no violation reported | no start date is given; checked from 2026-01-30 (when it was reported); no end date is given; checked for 3 days"
        )
        let missing = try lua(
            "local r, err = pause.check(pause.declare{ party = 'Ukraine' }, {}); return tostring(r) .. ': ' .. err")
        #expect(missing == "nil: the pause has no start date and no announcement date; give window.start")
    }

    @Test func badDeclarationsSpeakLua() throws {
        #expect(throws: LuaError.self) { try lua("pause.declare{ scope = 'Kyiv' }") }
        let message = try lua(
            "local ok, e = pcall(pause.declare, { party = 'Russia', window = { start = '30 Jan' } }); return e")
        #expect(message.contains("bad argument #1 to 'declare' (window.start: not a date or time"))
    }

    @Test func pausesFromTheSeedArticle() throws {
        let seed = projectRoot.appendingPathComponent("seeds/000_735b6c5849dd2fa6.txt")
        let text = try String(contentsOf: seed, encoding: .utf8).replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "]]", with: "] ]")
        let result = try lua(
            """
            local a = workbench.parse([[\(text)]], "000_735b6c5849dd2fa6")
            local out = {}
            for _, p in ipairs(pause.from_article(a)) do
              out[#out + 1] = table.concat({ p.party, p.window.start or "open", p.window["end"] or "open", p.status,
                tostring(p.reciprocal), table.concat(p.scope.types, "+"), table.concat(p.scope.places, "+"), table.concat(p.notes, ";") }, "|")
            end
            return table.concat(out, "\\n")
            """
        ).components(separatedBy: "\n")
        #expect(result.count == 2)
        #expect(result[0] == "Ukraine|open|open|proposed|true|energy||")
        #expect(
            result[1]
                == "Russia|2026-01-25|2026-02-01|not confirmed|false||Kyiv+other cities|the start date is worked out from “for a week until Feb. 1”, not stated"
        )
    }

    @Test func corroborationAgreesDiffersOrIsMissing() throws {
        let result = try lua(
            """
            local events = {
              { actor = "Russia", when = "2026-01-29/2026-01-30", when_text = "overnight", launch_place = "Voronezh region",
                weapons = { { name = "attack drone", category = "drone", count = 111 }, { name = "Iskander-M", category = "ballistic missile", count = 1 },
                            { name = "Kalibr", category = "cruise missile", count = 4 } } },
              { actor = "Russia", when = "2026-01-31/2026-02-01", when_text = "overnight",
                weapons = { { name = "drone", category = "drone", count = 50 } } },
            }
            local log = assert(pause.from_log_rows(rows{
              { "2026-01-29 18:00", "2026-01-30 08:00", "Ukraine", n = 111, from = "Kursk oblast and Oryol oblast" },
              { "2026-01-29 18:00", "2026-01-30 08:00", "Ukraine", n = 1, model = "Iskander-M", from = "Voronezh oblast" },
              { "2026-01-30", "2026-01-30", "south", n = 6, model = "Unknown UAV" },
              { "2026-01-31 18:00", "2026-02-01 08:30", "Ukraine", n = 90 },
            }))
            local out = {}
            for _, c in ipairs(pause.corroborate(pause.from_events(events), log)) do
              out[#out + 1] = ("%s %s/%s %s %s"):format(c.weapon, tostring(c.claimed), tostring(c.logged), c.count, c.place)
            end
            return table.concat(out, "\\n")
            """
        ).components(separatedBy: "\n")
        #expect(
            result == [
                "attack drone 111/111 agreed differs",
                "Iskander-M 1/1 agreed agreed",
                "Kalibr 4/nil not in log not in log",
                "drone 50/90 differs not stated",
            ])
    }

    @Test func corroborationComparesTheSameAttackWindow() throws {
        let result = try lua(
            """
            local events = {
              -- "on Tuesday night": one day, but a night — the evening's rows and the next morning's
              { kind = "barrage", actor = "Russia", when = "2025-07-08", when_text = "Tuesday night",
                weapons = { { name = "drone", category = "drone", count = 728 },
                            { name = "missile", category = "missile", count = 13 } } },
              -- ranges: "more than 200", "almost 30"
              { kind = "barrage", actor = "Russia", when = "2025-07-25/2025-07-26", when_text = "overnight",
                weapons = { { name = "drone", category = "drone", count = 200, qualifier = "more than", approximate = true },
                            { name = "cruise missile", category = "cruise missile", count = 30, qualifier = "almost", approximate = true } } },
              -- one city's share of the night
              { kind = "strike", actor = "Russia", place = "Lviv", when = "2025-07-25/2025-07-26", when_text = "overnight",
                weapons = { { name = "drone", category = "drone", count = 3 } } },
              -- the other side's attack is not in this log
              { kind = "barrage", actor = "Ukraine", when = "2025-07-25/2025-07-26", when_text = "overnight",
                weapons = { { name = "drone", category = "drone", count = 25 } } },
            }
            local log = assert(pause.from_log_rows(rows{
              { "2025-07-08 20:00", "2025-07-09 08:30", "Ukraine", n = 728 },
              { "2025-07-08 20:00", "2025-07-09 08:30", "south", n = 1, model = "Orlan-10", src = "PvKPivden/posts/2" },
              { "2025-07-08 20:00", "2025-07-09 08:30", "Ukraine", n = 7, model = "X-101/X-555 and Iskander-K" },
              { "2025-07-08 20:00", "2025-07-09 08:30", "Ukraine", n = 6, model = "X-47 Kinzhal" },
              { "2025-07-25 18:00", "2025-07-26 08:00", "Ukraine", n = 208 },
              { "2025-07-25 18:00", "2025-07-26 08:00", "Ukraine", n = 27, model = "Kalibr" },
            }))
            local out = {}
            for _, c in ipairs(pause.corroborate(pause.from_events(events), log)) do
              out[#out + 1] = ("%s %s/%s %s [%s]"):format(c.weapon, tostring(c.claimed), tostring(c.logged), c.count, table.concat(c.rows, ","))
            end
            return table.concat(out, "\\n")
            """
        ).components(separatedBy: "\n")
        #expect(
            result == [
                "drone 728/728 agreed [2]",
                "missile 13/13 agreed [4,5]",
                "drone 200/208 agreed [6]",
                "cruise missile 30/27 agreed [7]",
                "drone 3/208 within [6]",
            ])
    }

    @Test func periodTotalsAreComparedWithTheSumOfTheirNights() throws {
        let result = try lua(
            """
            local a = workbench.parse("---\\ndate: 2026-01-18\\n---\\nRussia launched more than 300 drones at Ukraine this week, the air force said.", "w")
            local claims = pause.from_periods(a)
            local log = assert(pause.from_log_rows(rows{
              { "2026-01-12 18:00", "2026-01-13 08:00", "Ukraine", n = 150 },
              { "2026-01-15 18:00", "2026-01-16 08:00", "Ukraine", n = 160 },
              { "2026-01-19 18:00", "2026-01-20 08:00", "Ukraine", n = 500 },
            }))
            local c = pause.corroborate(claims, log)[1]
            return ("%d %s %s/%s %s [%s] %s"):format(#claims, c.weapon, tostring(c.claimed), tostring(c.logged), c.count, table.concat(c.rows, ","), c.basis)
            """)
        #expect(result == "1 drone 300/310 agreed [2,3] period total, this week")
    }

    @Test func logsWithoutTheNeededColumnsOrWithBadRowsSayWhy() throws {
        let missing = try lua(
            """
            local r, err = pause.from_log_rows({ columns = { "date", "model" }, { date = "2026-01-30", model = "Shahed" } }, { name = "x.csv" })
            return tostring(r) .. ": " .. err
            """)
        #expect(missing == "nil: x.csv: no column 'time_start' (the columns are: date, model)")
        let skipped = try lua(
            """
            local log = assert(pause.from_log_rows(rows{ { "yesterday", "2026-01-30 08:00", "Kyiv" }, { "2026-01-30 10:00", "2026-01-30 08:00", "Kyiv" },
                                                         { "2026-01-30 10:00", "", "Kyiv" } }))
            local out = { #log }
            for _, s in ipairs(log.skipped) do out[#out + 1] = s.row .. " " .. s.reason end
            return table.concat(out, "\\n")
            """
        ).components(separatedBy: "\n")
        #expect(skipped[0] == "1")
        #expect(skipped[1].hasPrefix("2 time_start: not a date or time: \"yesterday\""))
        #expect(skipped[2] == "3 time_end 2026-01-30 08:00 is before time_start 2026-01-30 10:00")
    }

    @Test func aDisputedStartMakesEarlyEvidenceUnclear() throws {
        // the March 2025 energy moratorium: Moscow said it began on 18 March, Kyiv on 25 March
        let result = try lua(
            """
            local p = pause.declare{ party = "Russia", counterparty = "Ukraine", scope = { types = { "energy" } },
              window = { starts = { { date = "2025-03-18", by = "Russia" }, { date = "2025-03-25", by = "Ukraine" } }, ["end"] = "2025-04-17" } }
            local events = {
              { actor = "Russia", when = "2025-03-20", target_type = "energy", target = "substation", place = "Sloviansk", reported_by = "Ukrainian energy ministry" },
              { actor = "Russia", when = "2025-03-28", target_type = "energy", target = "power plant", place = "Kherson", reported_by = "Reuters" },
            }
            local r = pause.check(p, pause.from_events(events), { margin_before = 0, margin_after = 0 })
            local out = {}
            for _, j in ipairs(r.items) do out[#out + 1] = j.date .. ":" .. j.verdict .. ":" .. j.rule end
            return p.window.start .. " | " .. table.concat(out, " | ") .. " | " .. table.concat(r.notes, "; ")
            """
        ).components(separatedBy: " | ")
        #expect(result[0] == "2025-03-18")
        #expect(
            result[1]
                == "2025-03-20:unclear:it falls before the latest claimed start (Russia says 2025-03-18, Ukraine says 2025-03-25)"
        )
        #expect(result[2].hasPrefix("2025-03-28:violation:Russia attacked Kherson inside the window"))
        #expect(result[3].contains("the start is disputed"))
    }

    @Test func accusationsByTheOtherSideAreClaims() throws {
        let result = try lua(
            """
            local p = pause.declare{ party = "Russia", scope = { types = { "energy" } }, window = { start = "2025-03-25", ["end"] = "2025-04-17" } }
            local events = {
              { actor = "Russia", when = "2025-03-28", target_type = "energy", target = "power plant", place = "Kherson", reported_by = "Ukrainian energy ministry" },
              { actor = "Russia", when = "2025-03-29", target_type = "energy", target = "substation", place = "Odesa", reported_by = "IAEA" },
            }
            local r = pause.check(p, pause.from_events(events), { margin_before = 0, margin_after = 0 })
            local out = {}
            for _, d in ipairs(r.days) do
              if d.verdict == "violation" then out[#out + 1] = d.date .. ":" .. tostring(d.claimed_only) .. ":" .. tostring(d.claimed_by) end
            end
            for _, j in ipairs(r.items) do out[#out + 1] = j.basis_kind end
            return table.concat(out, " ")
            """)
        #expect(result == "2025-03-28:true:Ukraine 2025-03-29:nil:nil claim independent")
    }

    @Test func voidOnViolationFreesTheOtherSide() throws {
        let result = try lua(
            """
            local p = pause.declare{ party = "Ukraine", counterparty = "Russia", reciprocal = true, void_on_violation = true,
              scope = { types = { "energy" } }, window = { start = "2025-03-25", ["end"] = "2025-04-17" } }
            local events = {
              { actor = "Russia", when = "2025-03-28", target_type = "energy", target = "power plant", place = "Kherson", reported_by = "IAEA" },
              { actor = "Ukraine", when = "2025-04-02", target_type = "energy", target = "oil refinery", place = "Saratov", reported_by = "IAEA" },
            }
            local mine, theirs = pause.check_reciprocal(p, pause.from_events(events), { margin_before = 0, margin_after = 0 })
            local out = { theirs.verdict, mine.voided and mine.voided.by or "-" }
            for _, j in ipairs(mine.items) do out[#out + 1] = j.item.actor .. ":" .. j.verdict end
            for _, d in ipairs(mine.days) do
              if d.date == "2025-03-28" or d.date == "2025-03-29" or d.date == "2025-04-02" then out[#out + 1] = d.date .. "=" .. d.verdict end
            end
            return table.concat(out, " ")
            """)
        // Russia struck first (28 March), so Ukraine's strike on 2 April falls after the pause was void for it
        #expect(
            result
                == "violation Russia Russia:outside scope Ukraine:outside scope 2025-03-28=no violation reported 2025-03-29=outside scope 2025-04-02=outside scope"
        )
    }

    @Test func aLocalizedCeasefireWithNoPlaceStaysUnclear() throws {
        let result = try lua(
            """
            local p = pause.declare{ party = "Russia", scope = { limited = "localized ceasefire" }, window = { start = "2026-01-16", ["end"] = "2026-01-18" } }
            local log = assert(pause.from_log_rows(rows{ { "2026-01-17 10:00", "2026-01-17 11:00", "Odesa oblast" } }))
            local j = pause.check(p, log).items[1]
            return j.verdict .. ": " .. j.rule
            """)
        #expect(
            result == "unclear: the pause covers a limited area (“localized ceasefire”) that the text does not name")
    }
}
