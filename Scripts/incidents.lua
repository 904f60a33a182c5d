-- incidents.lua — one attack across many reports, and who said what about each pause.
--
--   workbench run incidents ../reports                                  (HTML with --out incidents.html)
--   workbench run incidents ../reports --arg log=missile_attacks_daily.csv --out incidents.html
--   workbench run incidents ../reports --out incidents.csv              (a folder of CSV tables)
--
-- Strike events from different articles that report the same attack (the same attack window in Kyiv
-- local time, compatible places and weapons) become one incident: its reports in publication order,
-- the figures they agree on, and those they differ on, marked (a toll that rises in later reports is
-- an update). With --arg log=FILE the attack log's rows of each window are listed and each report's
-- counts checked against them. Pause commitments about the same pause are grouped with each side's
-- statements in time order; contradictions between sides are flagged.
--
-- Sharded runs keep the reports in named tallies, so `workbench merge` groups them all at once.

script = {
  name = "incidents",
  version = "1.0.0",
  description = "Groups the same attack told by several articles into incidents, with agreed and differing figures, and each pause's statements by side.",
  author = "workbench",
  license = "MIT",
  categories = { "strikes", "pauses", "verification" },
  api = "1",
  args = {
    log = { type = "path", help = "an attack log (CSV: time_start, time_end, model, launch_place, target, launched, destroyed)" },
    timezone = { type = "string", default = "Europe/Kyiv", help = "time zone of attack windows and log times" },
    min_reports = { type = "integer", default = 2, help = "incidents shown in full need at least this many reports" },
    limit = { type = "integer", default = 200, help = "incidents shown in full at most" },
  },
  tests = {
    { name = "the seed's night and pauses", inputs = { "../seeds" }, args = { min_reports = "1" },
      expect_contains = { "night of 2026-01-29/30", "drones launched", "short pause in attacks on Kyiv", "Unconfirmed: Donald Trump says Russia agreed" } },
  },
}

local incidents = require("workbench.incidents")
local positions = require("workbench.positions")
local report = require("workbench.report")

local kept = workbench.tally("incidents")
function each(a)
  local reports, skipped = incidents.reports(a, { timezone = args.timezone })
  for _, r in ipairs(reports) do kept:push("reports", r) end
  kept:add("undated", #skipped)
  kept:add("articles")
  for _, s in ipairs(positions.statements(a, { timezone = args.timezone })) do kept:push("statements", s) end
end

local function plural(n, word) return ("%d %s%s"):format(n, word, n == 1 and "" or "s") end

-- The cell of one report's figure: marked when the reports differ on it.
local function figure_cell(inc, name, index)
  for _, f in ipairs(inc.figures) do
    if f.name == name then
      for _, v in ipairs(f.values) do
        if v.report == index then
          local shown = (v.qualifier and (v.qualifier .. " ") or "") .. tostring(v.value)
          if f.status == incidents.DIFFERS then return report.flag(tonumber(shown) or shown, f.label .. ": " .. f.why) end
          if #f.values > 1 and f.status == incidents.UPDATED then return shown .. " ↑" end
          return tonumber(shown) or shown
        end
      end
      return ""
    end
  end
  return ""
end

local function show_incident(inc)
  report.heading(inc.id .. " · " .. inc.label, 3)
  local about = { ("Told by %s from %s."):format(plural(#inc.reports, "report"), table.concat(inc.outlets, ", ")) }
  if inc.actor then about[#about + 1] = ("Attacker: %s."):format(inc.actor) end
  if inc.part_of then about[#about + 1] = ("Part of %s (the night's nationwide attack)."):format(inc.part_of) end
  if #inc.parts > 0 then about[#about + 1] = ("Local incidents in this window: %s."):format(table.concat(inc.parts, ", ")) end
  report.paragraph(table.concat(about, " "))
  local columns = { "report", "place", "when" }
  local names = {}
  for _, f in ipairs(inc.figures) do columns[#columns + 1] = f.label; names[#names + 1] = f.name end
  columns[#columns + 1] = "reported by"
  if inc.log then columns[#columns + 1] = "log" end
  columns[#columns + 1] = "source"
  local rows = {}
  for i, r in ipairs(inc.reports) do
    local when = r.published and r.published:gsub("T", " ") or r.article_date or "undated"
    local row = { ("%s · %s"):format(when, r.outlet or r.article), r.place_text or "—", r.when_text or "—" }
    for _, name in ipairs(names) do row[#row + 1] = figure_cell(inc, name, i) end
    row[#row + 1] = r.reported_by or "—"
    if inc.log then row[#row + 1] = r.log_verdict end
    row[#row + 1] = r.cite
    rows[i] = row
  end
  report.table(rows, columns, { title = inc.id .. " reports" })
  local notes = {}
  for _, f in ipairs(inc.figures) do
    if f.status ~= incidents.SINGLE then notes[#notes + 1] = ("%s: %s — %s"):format(f.label, f.status, f.why) end
  end
  if inc.log then
    if #inc.log.rows > 0 then
      notes[#notes + 1] = "log rows of this window: " .. table.concat(inc.log.rows, ", ")
    else
      notes[#notes + 1] = "the log has no row for this window"
    end
    for _, c in ipairs(inc.log.checks) do
      notes[#notes + 1] = ("%s on %s: %s (%s)"):format(c.article, c.weapon, c.count, c.rule)
    end
  end
  if #notes > 0 then report.list(notes) end
end

local function show_position(p)
  report.heading(p.id .. " · " .. p.name, 3)
  local w = p.window
  if w.start or w["end"] then
    report.paragraph(("Window: %s – %s. Reported in %s."):format(w.start or "open", w["end"] or "open", plural(p.articles, "commitment")))
  end
  local sides = {}
  for _, s in ipairs(p.sides) do sides[#sides + 1] = { s.side, table.concat(s.statuses, " → "), s.latest } end
  report.table(sides, { "side", "statements in order", "latest" }, { title = p.id .. " sides" })
  local rows = {}
  for _, s in ipairs(p.statements) do
    rows[#rows + 1] = { s.date or "—", s.outlet or "—", s.by or "unattributed", s.side or "—", s.status, s.cite }
  end
  report.table(rows, { "date", "outlet", "by", "side", "status", "source" }, { title = p.id .. " statements" })
  for _, c in ipairs(p.contradictions) do
    report.note(("%s: %s (%s; %s)."):format(c.kind == positions.CONTRADICTION and "Contradiction" or "Unconfirmed",
      c.text, c.positive.cite, c.negative.cite))
  end
end

function finish()
  local reports = kept.lists.reports or {}
  local list, err = incidents.group(reports, { timezone = args.timezone, log = args.log })
  if not list then error("cannot use the attack log: " .. err, 0) end
  local total_articles, total_undated = kept:count("articles"), kept:count("undated")
  report.title("Incidents across reports")
  local multi = 0
  for _, inc in ipairs(list) do if #inc.reports > 1 then multi = multi + 1 end end
  report.paragraph(("%s; %s of dated strike events (%d more had no day or spanned a campaign) make %s, %d told by more than one article.")
    :format(plural(total_articles, "article"), plural(#reports, "report"), total_undated, plural(#list, "incident"), multi))
  report.note("An incident is one attack window (Kyiv local time; an overnight attack runs 18:00–09:00) with compatible places and weapons. ⚑ marks a figure the reports differ on; ↑ a toll that rose in later reports, which is an update, not a contradiction. Reports are ordered by publication time (front-matter date with time and offset), else by date.")

  local shown, timeline = {}, {}
  for _, inc in ipairs(list) do
    if #inc.reports >= args.min_reports and #shown < args.limit then
      shown[#shown + 1] = inc
      timeline[#timeline + 1] = { date = inc.from_time:sub(1, 10), label = ("%s %s (%s)"):format(inc.id, inc.where, plural(#inc.reports, "report")), kind = #inc.differs > 0 and "differs" or #inc.updated > 0 and "updated" or (#inc.reports > 1 and "agreed" or nil) }
    end
  end
  report.heading("Incidents")
  if #shown == 0 then
    report.paragraph(("No incident has %s."):format(plural(args.min_reports, "report")))
  else
    report.timeline(timeline, { title = ("Incidents told by at least %s (amber: the reports differ)"):format(plural(args.min_reports, "report")) })
    local summary = {}
    for _, inc in ipairs(shown) do
      local labels = { agreed = {}, differs = {}, updated = {} }
      for _, f in ipairs(inc.figures) do
        if labels[f.status] then table.insert(labels[f.status], f.label) end
      end
      summary[#summary + 1] = { inc.id, inc.window, inc.where, #inc.reports, table.concat(labels.agreed, ", "),
        #labels.differs > 0 and report.flag(table.concat(labels.differs, ", "), "the reports differ") or "",
        table.concat(labels.updated, ", ") }
    end
    report.table(summary, { "incident", "window", "where", "reports", "agreed", "differ", "updated" }, { title = "Incidents" })
    if #shown == args.limit then report.note(("Only the first %d incidents are shown (raise --arg limit=N)."):format(args.limit)) end
    for _, inc in ipairs(shown) do show_incident(inc) end
  end

  report.heading("Positions on each pause")
  local groups = positions.group(kept.lists.statements or {})
  if #groups == 0 then report.paragraph("No pause, truce or ceasefire commitment was found in these articles.") end
  for _, p in ipairs(groups) do show_position(p) end
end
