-- pause_compliance.lua — did each side keep the pause it announced?
--
--   workbench run pause_compliance                          (the seeds/ folder)
--   workbench run pause_compliance seeds --arg log=../shared/data/missile_attacks_daily.csv
--   workbench run pause_compliance seeds --arg log=attacks.csv --out pauses.html
--
-- Every pause the articles report (their commitments) is checked day by day against the evidence:
-- strike events in the articles and, with --arg log=FILE, the rows of an attack log (CSV with
-- time_start, time_end, model, launch_place, target, launched, destroyed — the Ukrainian Air
-- Force's format; times in Kyiv local time). Each day gets a verdict — violation, no violation
-- reported, outside scope or unclear — with the rule and the evidence that decided it. Figures the
-- articles claim (a night's launches, or a period's total such as "2,000 drones this week") are then
-- matched against the log rows of the same attack window: agreed, within (one place's share of the
-- night), differs, or not in log.

script = {
  name = "pause_compliance",
  version = "1.0.0",
  description = "Checks each reported pause day by day against article strike reports and an attack log, and corroborates claimed figures.",
  author = "workbench",
  license = "MIT",
  categories = { "pauses", "strikes", "verification" },
  api = "1",
  args = {
    log = { type = "path", help = "an attack log (CSV: time_start, time_end, model, launch_place, target, launched, destroyed)" },
    timezone = { type = "string", default = "Europe/Kyiv", help = "time zone of window dates and log times" },
    before = { type = "integer", default = 1, help = "days shown before each window" },
    after = { type = "integer", default = 2, help = "days shown after each window" },
    horizon = { type = "integer", default = 7, help = "days checked when a pause has no end date" },
    evidence = { type = "integer", default = 40, help = "evidence lines listed per pause" },
  },
  tests = {
    { name = "the seed's two pauses", inputs = { "../seeds" },
      expect_contains = { "Ukraine: halt long-range strikes on Russian energy facilities",
                          "pause in attacks on Kyiv and other cities", "2026-02-01" } },
  },
}

local pause = require("workbench.pause")
local incidents = require("workbench.incidents")
local report = require("workbench.report")

local pauses, seen = {}, {}
local evidence = workbench.list({})  -- every article's strike events, for corroborating their figures
local reports = workbench.list({})   -- the same events as incident reports: one attack told twice is checked once
local loose = workbench.list({})     -- events no incident holds (no day, or a campaign of several days)
local periods = {}     -- totals the articles give for a span of days, corroborated against the log's sum
local articles = 0

local unchecked = {}   -- commitments that name no side holding fire (calls for "a ceasefire")

function each(a)
  articles = articles + 1
  local found, skipped = pause.from_article(a)
  for _, s in ipairs(skipped) do unchecked[#unchecked + 1] = s end
  for _, p in ipairs(found) do
    p.timezone = args.timezone
    -- the same pause reported by several articles is checked once (the first report is cited)
    local key = table.concat({ p.party, p.scope.text or "", p.window.start or "", p.window["end"] or "" }, "|")
    if seen[key] then
      seen[key].also = (seen[key].also or 0) + 1
    else
      seen[key] = p
      pauses[#pauses + 1] = p
    end
  end
  for _, e in ipairs(pause.from_events(a, { timezone = args.timezone })) do evidence[#evidence + 1] = e end
  local told, skipped = incidents.reports(a, { timezone = args.timezone })
  for _, r in ipairs(told) do reports[#reports + 1] = r end
  for _, s in ipairs(skipped) do loose[#loose + 1] = s.item end
  for _, t in ipairs(pause.from_periods(a, { timezone = args.timezone })) do periods[#periods + 1] = t end
end

local function join(list, empty)
  if list == nil or #list == 0 then return empty or "—" end
  return table.concat(list, ", ")
end

local function describe_pause(p)
  local rows = {
    { "who holds fire", p.party },
    { "towards", p.counterparty or "—" },
    { "requested by", p.requested_by or "—" },
    { "scope", p.scope.text or "all strikes" },
    { "target types", join(p.scope.types) },
    { "places", join(p.scope.places) },
    { "window", (p.window.start or "open") .. " – " .. (p.window["end"] or "open") ..
      (p.window.text and (" (“" .. p.window.text .. "”)") or "") },
    { "condition", p.condition or "none stated" },
    { "reciprocal", p.reciprocal and "yes" or "no" },
    { "status", p.status },
  }
  report.table(rows, { "", "as reported" })
  if p.claims and #p.claims > 0 then
    local items = {}
    for _, c in ipairs(p.claims) do
      items[#items + 1] = ("%s — %s: “%s”"):format(c.by or "unattributed", c.status, workbench.shorten(c.text, 110))
    end
    report.heading("What each side says", 3)
    report.list(items)
  end
  if p.source then report.cite(p.source, p.also and ("also reported in %d more article%s"):format(p.also, p.also == 1 and "" or "s") or nil) end
end

local function evidence_line(j)
  local item = j.item
  local why = j.rule
  if #j.reasons > 1 then why = table.concat(j.reasons, "; ") end
  return ("%s — %s: %s [%s; %s]"):format(j.verdict, item.cite, item.text and workbench.shorten(item.text, 140) or item.summary, why, item.basis)
end

-- The day's evidence in a few words: "log rows 241, 242; 000_735b… ¶5, ¶6".
local function sources_of(day)
  local rows, articles, paragraphs = {}, {}, {}
  for _, j in ipairs(day.items) do
    if j.verdict ~= pause.OUTSIDE or not day.in_window then
      local item = j.item
      if item.source == "log" then rows[#rows + 1] = item.row
      else
        local id, para = item.short_cite:match("^(%S+)%s*(.*)$")
        if not paragraphs[id] then paragraphs[id] = {}; articles[#articles + 1] = id end
        local list = paragraphs[id]
        if para ~= "" and not list[para] then list[para] = true; list[#list + 1] = para end
      end
    end
  end
  table.sort(rows)
  local parts = {}
  if #rows > 0 then parts[#parts + 1] = (#rows == 1 and "log row " or "log rows ") .. table.concat(rows, ", ") end
  for _, id in ipairs(articles) do
    local list = paragraphs[id]
    table.sort(list, function(a, b) return (tonumber(a:match("%d+")) or 0) < (tonumber(b:match("%d+")) or 0) end)
    parts[#parts + 1] = id .. (#list > 0 and (" " .. table.concat(list, ", ")) or "")
  end
  return #parts > 0 and table.concat(parts, "; ") or "—"
end

local function show_result(p, result, title)
  local counts = {}
  for _, v in ipairs(pause.verdicts) do
    if result.counts[v] then counts[#counts + 1] = ("%d %s"):format(result.counts[v], v) end
  end
  report.paragraph(("%s: %s. Days: %s."):format(title, result.verdict, table.concat(counts, ", ")))
  if p.status ~= "confirmed" and p.status ~= "declared" and p.status ~= "condition" then
    report.note(("Status “%s”: the pause may never have been in force; the verdicts say what the evidence shows if it was."):format(p.status))
  end
  for _, n in ipairs(result.notes) do report.note("Window: " .. n .. ".") end

  local timeline, rows, bars = {}, {}, {}
  for _, day in ipairs(result.days) do
    timeline[#timeline + 1] = { date = day.date, label = (day.rule or "") .. (day.launched > 0 and (" (" .. day.launched .. " launched)") or ""), kind = day.verdict }
    local verdict = day.verdict
    if day.claimed_only then verdict = verdict .. " (claimed by " .. day.claimed_by .. ")" end
    rows[#rows + 1] = { day.date, day.in_window and "in window" or "outside", verdict, day.rule or "", day.launched, sources_of(day) }
    if day.in_window then bars[#bars + 1] = { day.date, day.launched } end
  end
  report.timeline(timeline, { title = "Verdict per day" })
  report.table(rows, { "day", "window", "verdict", "rule", ("launched by %s"):format(p.party), "evidence" })
  report.note("Days are local days in " .. p.timezone .. "; an overnight attack counts on the evening it began. Launched: the attack log's count for the day when it has one, else the articles'.")
  local any = false
  for _, b in ipairs(bars) do if b[2] > 0 then any = true end end
  if any then report.bar_chart(bars, { title = ("Weapons launched by %s per day in the window"):format(p.party), unit = "launched" }) end

  local lines = {}
  for _, day in ipairs(result.days) do
    for _, j in ipairs(day.items) do
      if (day.in_window and (j.verdict == pause.VIOLATION or j.verdict == pause.UNCLEAR))
          or (j.verdict == pause.UNCLEAR and j.reasons[1] and j.reasons[1]:find("straddles"))
          or (not day.in_window and #pause.scope_hits(p, j.item) > 0) then
        lines[#lines + 1] = day.date .. ": " .. evidence_line(j)
      end
    end
  end
  for _, j in ipairs(result.undated) do lines[#lines + 1] = "undated: " .. evidence_line(j) end
  if #lines > 0 then
    report.heading("Evidence behind the verdicts", 3)
    local limit = args.evidence
    if #lines > limit then
      local shown = {}
      for i = 1, limit do shown[i] = lines[i] end
      report.list(shown)
      report.note(("…and %d more pieces of evidence (raise --arg evidence=N, or write --out report.json for all of them)."):format(#lines - limit))
    else
      report.list(lines)
    end
  end
end

function finish()
  local log, skipped
  if args.log then
    local err
    log, err = pause.read_log(args.log, { timezone = args.timezone })
    if not log then error("cannot use the attack log: " .. err, 0) end
    skipped = log.skipped
  end
  -- each attack once: the incidents' reconciled evidence, then what no incident holds, then the log
  local grouped = incidents.evidence(incidents.group(reports, { timezone = args.timezone }))
  local all = workbench.list({})
  for _, e in ipairs(grouped) do all[#all + 1] = e end
  for _, e in ipairs(loose) do all[#all + 1] = e end
  for _, r in ipairs(log or {}) do all[#all + 1] = r end

  report.title("Pause compliance")
  report.paragraph(("%d article%s, %d pause%s reported. Evidence: %d strike event%s from the articles (%d attack%s once the same attack told by several articles is counted once)%s."):format(
    articles, articles == 1 and "" or "s", #pauses, #pauses == 1 and "" or "s", #evidence, #evidence == 1 and "" or "s",
    #grouped + #loose, #grouped + #loose == 1 and "" or "s",
    log and (", %d rows of %s"):format(#log, args.log) or " (no attack log: add one with --arg log=FILE.csv)"))
  if skipped and #skipped > 0 then
    local items = {}
    for i = 1, math.min(#skipped, 10) do items[i] = ("row %d: %s"):format(skipped[i].row, skipped[i].reason) end
    report.note(("%d log rows could not be read and were left out%s."):format(#skipped, #skipped > 10 and " (the first 10 are listed)" or ""))
    report.list(items)
  end
  report.note("Verdicts: violation (the pause's party attacked its scope inside the window), unclear (the evidence cannot say: timing straddles an edge, the target or place is vague), no violation reported (nothing in scope in the evidence), outside scope (another party, place, target or time). Article reports and log rows are claims by the side that made them, as the basis column says.")

  if #pauses == 0 then
    report.paragraph("No pause, truce or ceasefire commitment was found in these articles.")
  end
  for _, p in ipairs(pauses) do
    report.heading(p.name)
    describe_pause(p)
    local opts = { margin_before = args.before, margin_after = args.after, horizon = args.horizon }
    local result, other_result, err
    if p.reciprocal and p.counterparty then
      result, other_result = pause.check_reciprocal(p, all, opts)
      if not result then err = other_result; other_result = nil end
    else
      result, err = pause.check(p, all, opts)
    end
    if not result then
      report.note("Not checked: " .. err .. ".")
    else
      show_result(p, result, "Verdict")
      if other_result then
        report.heading(("The condition: %s's side"):format(p.counterparty), 3)
        report.paragraph(("The pause is conditional (%s), so %s's strikes on the same targets decide whether the condition held."):format(p.condition or "reciprocal", p.counterparty))
        show_result(other_result.pause, other_result, "Condition")
      end
    end
  end

  if #unchecked > 0 then
    report.heading("Pauses talked about but not checked")
    report.paragraph("These commitments name no side that holds fire (a call for a ceasefire, a proposal between third parties), so there is nothing to check day by day. Declare them with pause.declare in a script of your own to check them.")
    local rows = {}
    for _, u in ipairs(unchecked) do
      local c = u.commitment
      rows[#rows + 1] = { c.action or "pause", c.status, c.requested_by or "—", c.window.start or "—", c.window["end"] or "—",
                          c.window.days or "—", workbench.cite(c, 50) }
    end
    report.table(rows, { "what", "status", "asked by", "from", "until", "days", "source" })
  end

  report.heading("Corroboration: figures in the articles against the log")
  if not log then
    report.paragraph("No attack log given (--arg log=FILE.csv), so the articles' figures are not corroborated.")
  else
    local rows = {}
    local claims = {}
    for _, e in ipairs(evidence) do claims[#claims + 1] = e end
    for _, t in ipairs(periods) do claims[#claims + 1] = t end
    for _, c in ipairs(pause.corroborate(claims, log, { timezone = args.timezone })) do
      local places = #c.log_places > 0 and table.concat(c.log_places, "; ") or "—"
      local row_list = {}
      for _, n in ipairs(c.rows) do row_list[#row_list + 1] = tostring(n) end
      local w = nil
      for _, x in ipairs(c.item.weapons) do if (x.written or x.name) == c.weapon then w = x end end
      local said = tostring(c.claimed)
      if w and w.qualifier and w.count then said = w.qualifier .. " " .. w.count end
      rows[#rows + 1] = { c.weapon, said, c.logged or "—", c.count, c.rule, c.basis, c.window or "—",
                          c.launch_place or "—", places, c.place, c.item.cite, #row_list > 0 and table.concat(row_list, ", ") or "—" }
    end
    if #rows == 0 then
      report.paragraph("No article gives a count of weapons launched, so there is nothing to corroborate.")
    else
      report.table(rows, { "weapon", "article", "log", "count", "why", "compared with", "log window",
                           "launched from (article)", "launched from (log)", "place", "source", "log rows" })
    end
  end
end
