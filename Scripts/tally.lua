-- tally.lua — who is quoted, what is counted, who appears, and what was fired.
--
--   workbench run tally                                   (the seeds/ folder, Markdown on the terminal)
--   workbench run tally ../shared/corpus/bbc --arg top=15
--   workbench run tally seeds/ --out tally.html           (a page with charts)
--   workbench run tally CORPUS --shard 3/8 --out part3.json, then: workbench merge part*.json
--
-- each(article) is called once per article (streamed, so any size of corpus works) and counts into
-- named tallies; finish() writes the report. Named tallies are what sharded runs save and merge adds up.

script = {
  name = "tally",
  version = "1.2.0",
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

local speakers = workbench.tally("speakers")   -- speaker → quotes
local figures = workbench.tally("figures")     -- figure kind → count
local parties = workbench.tally("parties")     -- party kind → parties
local totals = workbench.tally("totals")       -- articles, and the strike rows (lists.strikes)

-- Who a quote is shown under: its speaker; else the words that name one ("the official", "a source"),
-- so unnamed speakers stay apart; a pronoun nobody could resolve, or no mention at all, is unattributed.
local pronouns = { he = true, she = true, they = true, it = true, we = true, i = true, you = true }
local function speaker_of(q)
  if q.speaker then return q.speaker end
  local m = q.speaker_mention and q.speaker_mention.text
  if m and not pronouns[m:lower()] then return m:sub(1, 1):lower() .. m:sub(2) .. " (unnamed)" end
  return "(unattributed)"
end

function each(a)
  totals:add("articles")
  for _, q in ipairs(a.quotes) do
    speakers:add(speaker_of(q))
  end
  figures:add_counts(a.figures:count_by("kind"))
  parties:add_counts(a.parties:count_by("kind"))
  for _, e in ipairs(a.events) do
    local launched = e.weapons:sum("count")
    if launched > 0 then
      local parts = {}
      for _, w in ipairs(e.weapons) do
        if w.count then parts[#parts + 1] = ("%d %s"):format(w.count, w.name) end
      end
      totals:push("strikes", { launched, table.concat(parts, " + "), e.when or "date unknown", e:cite(40) })
    end
  end
end

function finish()
  local top = args.top
  local articles = totals:count("articles")
  report.title(("Tally of %d article%s"):format(articles, articles == 1 and "" or "s"))

  report.heading("Quotes per speaker")
  report.bar_chart(speakers:top(top), { unit = "quotes" })

  report.heading("Figures by kind")
  report.table(figures:top(top), { "kind", "figures" })

  report.heading("Parties by kind")
  report.table(parties:top(top), { "kind", "parties" })

  report.heading("Weapons launched per event")
  local strikes = totals.lists.strikes or {}
  -- most launched first; ties keep corpus order (the source citation breaks them)
  table.sort(strikes, function(x, y)
    if x[1] ~= y[1] then return x[1] > y[1] end
    return x[4] < y[4]
  end)
  local rows = {}
  for i = 1, math.min(top, #strikes) do rows[i] = strikes[i] end
  if #rows == 0 then
    report.paragraph("No event in these articles says how many weapons were launched.")
  else
    report.table(rows, { "launched", "weapons", "when", "source" })
  end
end
