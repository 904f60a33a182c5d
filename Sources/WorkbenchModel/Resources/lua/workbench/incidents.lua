-- workbench.incidents — one attack across many reports.
--
-- Strike events from different articles that tell of the same attack are grouped into an incident:
-- the same attack window (Kyiv local time, an overnight attack from 18:00 to 09:00), compatible places
-- (a city inside its region, a district inside its city) and compatible weapons. Each incident lists its
-- reports in publication order, the figures they agree on, the ones they differ on (a toll that rises
-- in later reports is an update, not a contradiction) and, given an attack log, the log rows of its
-- window and whether each report's counts agree with them.
--
-- Reports are plain tables (numbers, strings, booleans), so a sharded run can keep them in a named
-- tally and group them in finish() after `workbench merge`: grouping is over all reports at once, so an
-- attack whose reports fall in two slices is still one incident.

local M = {}

local pause = require("workbench.pause")
local argcheck = pause._argcheck
local figures = require("workbench.incident_figures")
local positions = require("workbench.positions")
local same_place, overlap = figures.same_place, figures.overlap
local workbench = workbench
local lexicon = workbench.lexicon
local format, concat, sort = string.format, table.concat, table.sort

M.AGREED, M.UPDATED, M.DIFFERS, M.SINGLE = figures.AGREED, figures.UPDATED, figures.DIFFERS, figures.SINGLE
M.NATIONAL, M.LOCAL, M.UNPLACED = figures.NATIONAL, figures.LOCAL, "unplaced"

-- Spans longer than this are campaigns or periods, not one attack.
local MAX_SPAN = 36 * 60

local Incident = {}
Incident.__index = Incident
Incident.__name = "Incident"
M.Incident = Incident

function Incident:__tostring()
  return format("%s: %d report%s", self.label, #self.reports, #self.reports == 1 and "" or "s")
end

---------------------------------------------------------------------------------------------
-- Reports
---------------------------------------------------------------------------------------------

-- A place for grouping: the lexicon's name, kind, country and the region a city is in.
local function place_record(text)
  if type(text) ~= "string" then return nil end
  local adjective = text:lower():match("^the%s+([%a%-]+)%s+capital$")
  if adjective then
    local country = lexicon.lookup("parties", adjective)
    if country and country.capital then text = country.capital end
  end
  local p = pause.place(text)
  local entry = lexicon.lookup("places", text)
  return { name = p.name, kind = p.kind, country = p.country, within = entry and entry.within or nil, text = text }
end

local published_at = figures._published_at

local function copy_weapons(list)
  local out = {}
  for i, w in ipairs(list or {}) do
    out[i] = { name = w.name, written = w.written, category = w.category, count = w.count, destroyed = w.destroyed,
               qualifier = w.qualifier, approximate = w.approximate }
  end
  return out
end

--- The reports of strike events in an article or a list of articles, as plain tables for `group`.
-- Options: timezone (default Europe/Kyiv). The second result lists the events left out (no day, or a
-- span too long to be one attack) as {article, cite, reason, item}, item being their pause evidence.
function M.reports(source, opts)
  argcheck(1, "reports", source, "table")
  argcheck(2, "reports", opts, "table", true)
  opts = opts or {}
  local tz = opts.timezone or "Europe/Kyiv"
  local list = (source.events and source.quotes) and { source } or source
  local out, skipped = workbench.list({}), workbench.list({})
  for _, a in ipairs(list) do
    local order, timed = published_at(a, tz)
    for _, e in ipairs(pause.from_events(a, { timezone = tz })) do
      local ev = e.event
      if not e.from then
        skipped[#skipped + 1] = { article = a.id, cite = e.cite, reason = e.time_note or "no time", item = e }
      elseif e.to - e.from > MAX_SPAN then
        skipped[#skipped + 1] = { article = a.id, cite = e.cite, reason = "it spans more than a day and a half (a campaign, not one attack)", item = e }
      else
        local place = place_record(e.place_text)
        out[#out + 1] = {
          source = "article", article = a.id, outlet = a.source, url = a.url, article_date = a.date,
          published = a.published, order = order, timed = timed,
          kind = e.kind, actor = e.actor, from = e.from, to = e.to, from_time = e.from_time, to_time = e.to_time,
          time_note = e.time_note, when_text = e.when_text,
          place_text = e.place_text, places = { place }, target = e.target, target_type = e.target_type,
          weapons = copy_weapons(e.weapons), launched = e.launched, launch_place = e.launch_place,
          killed = ev.killed, wounded = ev.wounded, killed_approximate = ev.killed_approximate == true,
          wounded_approximate = ev.wounded_approximate == true,
          reported_by = e.reported_by, basis = e.basis, side = e.side, independent = e.independent,
          text = e.text, cite = e.cite, short_cite = e.short_cite, sentence = ev.sentence,
        }
      end
    end
  end
  return out, skipped
end

---------------------------------------------------------------------------------------------
-- Grouping
---------------------------------------------------------------------------------------------

local function level_of(r)
  if r.kind == "barrage" then return M.NATIONAL end
  local p = r.places[1]
  -- a strike that names no place cannot be told apart from another one: it stands alone
  if not p then return M.UNPLACED end
  if p.kind == "country" or p.kind == "area" or p.kind == "vague" then return M.NATIONAL end
  return M.LOCAL
end

-- The side a party belongs to ("Russian forces" → Russia); a party the lexicon does not know is its own side.
local function side_of(actor) return actor and (positions.side_of(actor) or actor) end

local function categories(weapons)
  local out = {}
  for _, w in ipairs(weapons) do
    local c = w.category or "weapon"
    out[c] = true
    if c:find("missile$") then out.missile = true end
  end
  return out
end

-- Whether the weapons of two reports can be the same attack's: either says none, or they share a kind.
local function same_weapons(a, b)
  if next(a) == nil or next(b) == nil then return true end
  for c in pairs(a) do if b[c] then return true end end
  return false
end

-- The bucket of an instant: its UTC day (neighbouring buckets are searched, so the zone does not matter).
local function day_key(utc) return utc // 1440 end

local function compatible(inc, r, cats)
  if inc.articles[r.article] or inc.level ~= level_of(r) or inc.level == M.UNPLACED then return false end
  local side = side_of(r.actor)
  if side and inc.side and side ~= inc.side then return false end
  if overlap(inc.from, inc.to, r.from, r.to) <= 0 then return false end
  if inc.level == M.LOCAL and not same_place(inc.place, r.places[1]) then return false end
  return same_weapons(inc.categories, cats)
end

local function add_report(inc, r, cats)
  inc.reports[#inc.reports + 1] = r
  inc.articles[r.article] = true
  inc.side = inc.side or side_of(r.actor)
  inc.actor = inc.actor or r.actor
  for c in pairs(cats) do inc.categories[c] = true end
  -- the most precise report sets the window; the most specific place names the incident
  if r.to - r.from < inc.to - inc.from then inc.from, inc.to = r.from, r.to end
  local p = r.places[1]
  if p and (not inc.place or (inc.place.kind == "region" and p.kind == "city")) then inc.place = p end
end

--- Groups reports (from `reports`, possibly from several shards) into incidents; near-linear: each
-- report is compared only with incidents that begin within two days of it (spans are at most a day
-- and a half). Options: timezone, log (evidence from pause.read_log, or a path to read). Returns a
-- List of incidents, ordered by time, or nil and a message when the log cannot be read.
function M.group(reports, opts)
  argcheck(1, "group", reports, "table")
  argcheck(2, "group", opts, "table", true)
  opts = opts or {}
  local tz = opts.timezone or "Europe/Kyiv"
  local sorted = {}
  for i, r in ipairs(reports) do sorted[i] = r end
  sort(sorted, function(x, y)
    local sx, sy = x.to - x.from, y.to - y.from
    if sx ~= sy then return sx < sy end
    if x.from ~= y.from then return x.from < y.from end
    if x.article ~= y.article then return x.article < y.article end
    return (x.sentence or 0) < (y.sentence or 0)
  end)
  local buckets, all = {}, {}
  for _, r in ipairs(sorted) do
    local cats = categories(r.weapons)
    local day = day_key(r.from)
    local best, best_score
    for shift = -2, 2 do
      for _, inc in ipairs(buckets[day + shift] or {}) do
        if compatible(inc, r, cats) then
          local score = overlap(inc.from, inc.to, r.from, r.to) + ((inc.place and r.places[1] and inc.place.name == r.places[1].name) and 10000 or 0)
          if not best_score or score > best_score then best, best_score = inc, score end
        end
      end
    end
    if not best then
      best = setmetatable({ from = r.from, to = r.to, level = level_of(r), reports = {}, articles = {}, categories = {},
                            place = nil, parts = {} }, Incident)
      local bucket = buckets[day]
      if not bucket then bucket = {}; buckets[day] = bucket end
      bucket[#bucket + 1] = best
      all[#all + 1] = best
    end
    add_report(best, r, cats)
  end
  local log = opts.log
  if type(log) == "string" then
    local err
    log, err = pause.read_log(log, { timezone = tz })
    if not log then return nil, err end
  end
  return figures.finish(all, tz, log)
end

--- The incidents of articles (or a list of reports), with an optional attack log (evidence from
-- pause.read_log, or a CSV path): what `workbench.incidents(articles [, log])` calls.
function M.of(source, log, opts)
  argcheck(1, "of", source, "table")
  opts = opts or {}
  local reports = source
  if source.events and source.quotes or (source[1] and source[1].events) then reports = M.reports(source, opts) end
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  o.log = log
  return M.group(reports, o)
end

--- One evidence item per incident for pause.check: the attack counted once, with the reconciled
-- counts (agreed or latest), every report's places, and a citation naming how many reports tell it.
function M.evidence(incidents)
  argcheck(1, "evidence", incidents, "table")
  local out = workbench.list({})
  for _, inc in ipairs(incidents) do
    local first = inc.reports[1]
    local places, seen = {}, {}
    local target, target_type = nil, nil
    for _, r in ipairs(inc.reports) do
      for _, p in ipairs(r.places) do if not seen[p.name] then seen[p.name] = true; places[#places + 1] = p end end
      target = target or r.target
      if r.target_type and r.target_type ~= "unknown" and not target_type then target_type = r.target_type end
    end
    -- whose word it is: independent when any report is; one side's claim only when every report is that side's
    local independent, side, sides_agree, reporters = false, nil, true, {}
    for _, r in ipairs(inc.reports) do
      if r.independent then independent = true end
      if not r.side or (side and r.side ~= side) then sides_agree = false end
      side = side or r.side
      if r.reported_by then reporters[#reporters + 1] = r.reported_by end
    end
    if independent or not sides_agree then side = nil end
    local basis = #inc.reports == 1 and first.basis
      or (side and format("claims by %s (%s side)", concat(reporters, "; "), side))
      or (#reporters > 0 and format("reports by %s", concat(reporters, "; ")) or "not attributed")
    local weapons, launched = {}, 0
    for _, f in ipairs(inc.figures) do
      local c = f.name:match("^(.-) launched$")
      if c then
        local v = f.value
        if not v then for _, x in ipairs(f.values) do v = math.max(v or 0, x.value) end end
        weapons[#weapons + 1] = { name = c, written = c, category = c, count = v }
        launched = launched + v
      end
    end
    local n = #inc.reports
    out[#out + 1] = setmetatable({
      source = "article", incident = inc.id, article = first.article, kind = first.kind, actor = inc.actor,
      from = inc.from, to = inc.to, from_time = inc.from_time, to_time = inc.to_time, time_note = first.time_note,
      when_text = first.when_text, places = places, place_text = first.place_text, target = target,
      target_type = target_type or first.target_type, weapons = weapons, launched = launched > 0 and launched or nil,
      launch_place = first.launch_place, reported_by = reporters[1], basis = basis, side = side, independent = independent,
      text = first.text, cite = n > 1 and format("%s (incident %s, %d reports)", first.cite, inc.id, n) or first.cite,
      short_cite = first.short_cite, summary = inc.label, reports = n,
    }, pause.Evidence)
  end
  return out
end

return M
