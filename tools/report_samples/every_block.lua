-- every_block.lua — one report with every block type, for looking at reports in a browser
-- (make report-images renders it with headless Chromium).
script = { name = "every_block", version = "1.0.0", description = "A report with every kind of block, to check rendering.", api = "1" }

local report = require("workbench.report")

function finish()
  local a = workbench.articles[1]
  report.title("Every report block")
  report.heading("Text")
  report.paragraph("A paragraph of text under a heading.")
  report.note("A note: claims, not verified.")
  report.list({ "first item", "second item" })
  report.heading("Tables and charts")
  local weapons = workbench.tally()
  for _, art in ipairs(workbench.articles) do
    for _, e in ipairs(art.events) do
      for _, w in ipairs(e.weapons) do weapons:add(w.name, w.count or 1) end
    end
  end
  report.table(weapons:top(10), { "weapon", "launched" }, { title = "Weapons" })
  report.bar_chart(weapons:top(10), { title = "Weapons (bars)", unit = "launched" })
  local articles = { ["2026-01-26"] = 120, ["2026-01-27"] = 90, ["2026-01-29"] = 150, ["2026-01-30"] = 60 }
  local log = { ["2026-01-26"] = 118, ["2026-01-27"] = 95, ["2026-01-28"] = 40, ["2026-01-29"] = 149, ["2026-01-30"] = 70 }
  report.line_chart({ { name = "articles", data = articles }, { name = "log", data = log } },
    { title = "Drones per night: articles and log", unit = "drones" })
  report.grouped_bar_chart({ { name = "articles", data = articles }, { name = "log", data = log } },
    { title = "Drones per night, one scale", unit = "drones" })
  report.table({ { "a", 1, "b", 2, "c", 3, "a much longer cell of text that has to wrap when printed on paper" } },
    { "one", "two", "three", "four", "five", "six", "seven" }, { title = "A wide table" })
  report.timeline({ { date = "2026-01-29", ["end"] = "2026-02-01", label = "pause", kind = "no violation reported" },
    { date = "2026-01-30", label = "strike on Kyiv", kind = "violation" } }, { title = "Timeline" })
  report.heading("Citations")
  if a and a.quotes[1] then report.cite(a.quotes[1], "first quote") end
  if a and a.events[1] then report.cite(a.events[1]) end
end
