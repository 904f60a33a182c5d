-- tally.lua — who is quoted, what is counted, who appears, and what was fired.
--
--   workbench run tally                                   (the seeds/ folder, Markdown on the terminal)
--   workbench run tally ../shared/corpus/bbc --arg top=15
--   workbench run tally seeds/ --out tally.html           (a page with charts)
--
-- Articles are streamed one at a time (workbench.each), so this works on any size of corpus.

script = {
  name = "tally",
  version = "1.1.0",
  description = "Quotes per speaker, figures and parties by kind, weapons launched per event.",
  author = "workbench",
  license = "MIT",
  categories = { "tally", "quotes", "strikes" },
  api = "1",
  args = {
    top = { type = "integer", default = 10, help = "rows per table and chart" },
  },
  tests = {
    { name = "the seed", inputs = { "../seeds" }, args = { top = 3 },
      expect_contains = { "Tally of 1 article", "Volodymyr Zelensky", "111 attack drone + 1 Iskander-M" } },
  },
}

local report = require("workbench.report")
local top = args.top

local speakers = workbench.tally()   -- speaker → quotes
local figures = workbench.tally()    -- figure kind → count
local parties = workbench.tally()    -- party kind → parties
local strikes = {}                   -- events that name how many weapons were launched
local articles = 0

for a in workbench.each() do
  articles = articles + 1
  for _, q in ipairs(a.quotes) do
    speakers:add(q.speaker or "(unattributed)")
  end
  figures:add_counts(a.figures:count_by("kind"))
  parties:add_counts(a.parties:count_by("kind"))
  for _, e in ipairs(a.events) do
    local launched = e.weapons:sum("count")
    if launched > 0 then strikes[#strikes + 1] = { event = e, launched = launched } end
  end
end

report.title(("Tally of %d article%s"):format(articles, articles == 1 and "" or "s"))

report.heading("Quotes per speaker")
report.bar_chart(speakers:top(top), { unit = "quotes" })

report.heading("Figures by kind")
report.table(figures:top(top), { "kind", "figures" })

report.heading("Parties by kind")
report.table(parties:top(top), { "kind", "parties" })

report.heading("Weapons launched per event")
local rows = {}
table.sort(strikes, function(x, y) return x.launched > y.launched end)
for i = 1, math.min(top, #strikes) do
  local s = strikes[i]
  local parts = {}
  for _, w in ipairs(s.event.weapons) do
    if w.count then parts[#parts + 1] = ("%d %s"):format(w.count, w.name) end
  end
  rows[#rows + 1] = { s.launched, table.concat(parts, " + "), s.event.when or "date unknown", s.event:cite(40) }
end
if #rows == 0 then
  report.paragraph("No event in these articles says how many weapons were launched.")
else
  report.table(rows, { "launched", "weapons", "when", "source" })
end
