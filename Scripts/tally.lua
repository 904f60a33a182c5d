-- tally.lua — who is quoted, what is counted, who appears, and what was fired.
--
--   workbench run Scripts/tally.lua seeds/
--   workbench run tally ../shared/corpus/bbc --arg top=15
--
-- Articles are streamed one at a time (workbench.each), so this works on any size of corpus.

script = {
  name = "tally",
  version = "1.0.0",
  description = "Quotes per speaker, figures and parties by kind, weapons launched per event.",
  author = "workbench",
  license = "MIT",
  categories = { "tally", "quotes", "strikes" },
  api = "1",
  args = {
    top = { type = "integer", default = 10, help = "rows per table" },
  },
  tests = {
    { name = "the seed", inputs = { "../seeds" }, args = { top = 3 },
      expect_contains = { "Tally of 1 article", "4  Volodymyr Zelensky", "111 attack drone + 1 Iskander-M" } },
  },
}

local top = args.top                       -- how many rows per table (--arg top=N)

local speakers = {}    -- speaker → quotes
local figures = {}     -- figure kind → count
local parties = {}     -- party kind → distinct parties
local strikes = {}     -- one row per strike event that names weapons
local articles = 0

-- Adds n (default 1) to counts[key].
local function add(counts, key, n)
  counts[key] = (counts[key] or 0) + (n or 1)
end

for a in workbench.each() do
  articles = articles + 1
  for _, q in ipairs(a.quotes) do
    add(speakers, q.speaker or "(unattributed)")
  end
  for kind, n in pairs(a.figures:count_by("kind")) do
    add(figures, kind, n)
  end
  for kind, n in pairs(a.parties:count_by("kind")) do
    add(parties, kind, n)
  end
  for _, e in ipairs(a.events) do
    local launched = e.weapons:sum("count")
    if launched > 0 then
      strikes[#strikes + 1] = { event = e, launched = launched }
    end
  end
end

-- Prints a heading and the top rows of a counts table, largest first.
local function show(title, counts)
  print(("\n%s"):format(title))
  local rows = workbench.ranked(counts, top)
  if #rows == 0 then print("  (none)") end
  for _, row in ipairs(rows) do
    print(("  %5d  %s"):format(row.count, row.key))
  end
end

print(("Tally of %d article%s"):format(articles, articles == 1 and "" or "s"))
show("Quotes per speaker", speakers)
show("Figures by kind", figures)
show("Parties by kind", parties)

print("\nWeapons launched per event")
if #strikes == 0 then print("  (none)") end
for i, s in ipairs(strikes) do
  if i > top then print(("  … %d more"):format(#strikes - top)) break end
  local parts = {}
  for _, w in ipairs(s.event.weapons) do
    if w.count then parts[#parts + 1] = ("%d %s"):format(w.count, w.name) end
  end
  print(("  %5d  %s (%s, %s)"):format(s.launched, table.concat(parts, " + "),
    s.event.when or "date unknown", s.event:cite(40)))
end
