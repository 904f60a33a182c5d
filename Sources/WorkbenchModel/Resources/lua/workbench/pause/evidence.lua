-- workbench.pause.evidence — evidence: strike events from articles and rows of attack logs.
-- Part of workbench.pause (require("workbench.pause") gives every function of its modules).
local M = setmetatable({}, { __index = require("workbench.pause.declare") })

local workbench = workbench
local format, concat, floor = string.format, table.concat, math.floor

local argcheck = M._argcheck
local lexicon = workbench.lexicon
local add_days = M._add_days
local day_start = M._day_start
local zone = M._zone
local place_of = M._place_of
local places_in = M._places_in
local weapon_of = M._weapon_of

local Evidence = {}
Evidence.__index = Evidence
Evidence.__name = "Evidence"
M.Evidence = Evidence

function Evidence:__tostring()
  return format("%s: %s", self.source == "log" and ("log row " .. tostring(self.row)) or "article", self.summary or "")
end

-- Whose word a report is: returns a description and the side (a country) when the reporter
-- belongs to one ("Ukrainian air force" → Ukraine; "authorities in the Chernihiv region" → Ukraine);
-- the side is nil for independent or unattributed reports.
local function basis_of(reporter, fallback)
  if not reporter then return fallback or "not attributed", nil end
  local p = lexicon.lookup("parties", reporter)
  local side = p and (p.kind == "country" and p.name or p.affiliation)
  if not side then
    local place = lexicon.lookup("places", reporter)
    side = place and place.country
  end
  if side then return format("claim by %s (%s side)", reporter, side), side end
  if p then return format("report by %s (independent)", reporter), nil, true end
  return format("report by %s", reporter), nil
end
M.basis = basis_of

-- The time span of an event: "overnight" is read as 18:00–09:00 local, days as whole days.
local function event_span(e, tz)
  local when = e.when
  if type(when) ~= "string" then return nil, nil, "the article does not say when" end
  local a, b = when:match("^(%d%d%d%d%-%d%d%-%d%d)/(%d%d%d%d%-%d%d%-%d%d)$")
  if not a then a = when:match("^(%d%d%d%d%-%d%d%-%d%d)$"); b = a end
  if not a then return nil, nil, "the article's date for it is not a day" end
  -- "a/b" over two days is a night (the events pass writes nights so); "Tuesday night" on one day is
  -- that evening and the next morning
  local said_night = e.when_text and e.when_text:lower():find("night") ~= nil
  if b == add_days(a, 1) or (a == b and said_night) then
    local note = e.when_text and ("“" .. e.when_text .. "” read as 18:00–09:00 local time") or "read as a night, 18:00–09:00 local time"
    return day_start(a, tz) + 18 * 60, day_start(add_days(a, 1), tz) + 9 * 60, note
  end
  return day_start(a, tz), day_start(add_days(b, 1), tz), nil
end

--- Evidence from strike events: pass an article, a list of articles, or a list of events.
-- Options: timezone (default Europe/Kyiv). Returns a List.
function M.from_events(source, opts)
  argcheck(1, "from_events", source, "table")
  opts = opts or {}
  local tz = opts.timezone or "Europe/Kyiv"
  local events = {}
  local function add_article(a) for _, e in ipairs(a.events or {}) do events[#events + 1] = e end end
  if source.events and source.quotes then add_article(source)
  else
    for _, x in ipairs(source) do
      if type(x) == "table" and x.events and x.quotes then add_article(x) else events[#events + 1] = x end
    end
  end
  local out = workbench.list({})
  for _, e in ipairs(events) do
    local from, to, note = event_span(e, tz)
    local weapons = {}
    for _, w in ipairs(e.weapons or {}) do
      local name, category = weapon_of(w.name)
      weapons[#weapons + 1] = { name = name, written = w.name, category = w.category or category, count = w.count,
                                destroyed = w.destroyed, approximate = w.approximate == true, qualifier = w.qualifier }
    end
    local launched = 0
    for _, w in ipairs(weapons) do launched = launched + (w.count or 0) end
    local basis, side, independent = basis_of(e.reported_by, "the article does not say who reported it")
    local places = {}
    if e.place then places[1] = place_of(e.place) end
    local a = e.article
    out[#out + 1] = setmetatable({
      source = "article", article = a and a.id, event = e, kind = e.kind, actor = e.actor,
      from = from, to = to, from_time = from and M.iso_time(from, tz), to_time = to and M.iso_time(to, tz),
      time_note = note, when_text = e.when_text,
      places = places, place_text = e.place, target = e.target, target_type = e.target_type,
      weapons = weapons, launched = launched > 0 and launched or nil, launch_place = e.launch_place,
      reported_by = e.reported_by, basis = basis, side = side, independent = independent == true, text = e.text,
      cite = workbench.cite(e, 80),
      short_cite = (workbench.cite(e, 1):match("^(.-)%s*“") or workbench.cite(e, 1)),
      summary = format("%s%s%s", e.kind or "strike", e.place and (" on " .. e.place) or "",
        e.target and (" (" .. e.target .. ")") or ""),
    }, Evidence)
  end
  return out
end

local function number(v)
  if v == nil or v == "" then return nil end
  local n = tonumber(v)
  if n == nil or n ~= n then return nil end
  if n == floor(n) then return floor(n) end
  return n
end

--- Evidence from the rows of an attack log (already read with workbench.csv). Columns:
-- time_start, time_end (required), model, launch_place, target, target_main, launched, destroyed,
-- source. Options: timezone of the times (default Europe/Kyiv), actor (default "Russia"),
-- reported_by (default "Ukrainian Air Force"), name (for citations). Returns a List, or nil and
-- a message; rows that cannot be read are listed in the result's `skipped`.
function M.from_log_rows(rows, opts)
  argcheck(1, "from_log_rows", rows, "table")
  opts = opts or {}
  local tz = opts.timezone or "Europe/Kyiv"
  if not zone(tz) then return nil, "unknown time zone: " .. tostring(tz) end
  local name = opts.name or "log"
  local columns = rows.columns
  if columns then
    local have = {}
    for _, c in ipairs(columns) do have[c] = true end
    for _, need in ipairs({ "time_start", "time_end" }) do
      if not have[need] then
        return nil, format("%s: no column '%s' (the columns are: %s)", name, need, concat(columns, ", "))
      end
    end
  end
  local actor = opts.actor or "Russia"
  local reporter = opts.reported_by or "Ukrainian Air Force"
  local basis, side, independent = basis_of(reporter)
  local out = workbench.list({})
  local skipped = {}
  for i, r in ipairs(rows) do
    local line = i + 1 -- the header is row 1
    local from, timed = M.parse_time(r.time_start, tz)
    local to, timed_end = M.parse_time(r.time_end ~= "" and r.time_end or r.time_start, tz)
    if not from then
      skipped[#skipped + 1] = { row = line, reason = "time_start: " .. tostring(timed) }
    elseif not to then
      skipped[#skipped + 1] = { row = line, reason = "time_end: " .. tostring(timed_end) }
    else
      if not timed_end then to = to + 1440 end -- a date alone covers the whole day
      if to < from then
        skipped[#skipped + 1] = { row = line, reason = format("time_end %s is before time_start %s", r.time_end, r.time_start) }
      else
        local weapons = {}
        local launched, destroyed = number(r.launched), number(r.destroyed)
        local models = {}
        for m in ((r.model or "") .. " and "):gmatch("(.-)%s+and%s+") do
          if m ~= "" then models[#models + 1] = m end
        end
        for _, m in ipairs(models) do
          local canonical, category = weapon_of(m)
          weapons[#weapons + 1] = { name = canonical, written = m, category = category,
            -- a row with several models gives one total for all of them
            count = #models == 1 and launched or nil, destroyed = #models == 1 and destroyed or nil }
        end
        local places = places_in(r.target)
        for _, p in ipairs(places_in(r.target_main)) do places[#places + 1] = p end
        out[#out + 1] = setmetatable({
          source = "log", log = name, row = line, actor = actor, from = from, to = to, date_only = not timed,
          from_time = M.iso_time(from, tz), to_time = M.iso_time(to, tz),
          places = places, place_text = (r.target_main ~= nil and r.target_main ~= "") and (r.target .. "; main: " .. r.target_main) or r.target,
          target = r.target, target_type = nil, model = r.model, weapons = weapons, launched = launched, destroyed = destroyed,
          launch_place = (r.launch_place ~= "" and r.launch_place) or nil, reported_by = reporter, basis = basis, side = side, independent = independent == true,
          url = r.source, account = r.source and r.source:match("^([^/]+)/") or nil, cite = format("%s row %d", name, line), short_cite = format("row %d", line),
          text = format("%s – %s: %s%s launched%s, target %s", r.time_start, r.time_end, tostring(launched or "?"),
            r.model and r.model ~= "" and (" " .. r.model) or "", r.launch_place and r.launch_place ~= "" and (" from " .. r.launch_place) or "",
            (r.target ~= nil and r.target ~= "") and r.target or "not given"),
          summary = format("%s %s → %s", tostring(launched or "?"), r.model or "?", r.target or "?"),
        }, Evidence)
      end
    end
  end
  out.skipped = skipped
  return out
end

--- Reads an attack log from a CSV file (see from_log_rows for columns and options).
-- Returns a List of evidence, or nil and a message.
function M.read_log(path, opts)
  argcheck(1, "read_log", path, "string")
  opts = opts or {}
  local rows, err = workbench.csv.read(path)
  if not rows then return nil, err end
  local o = {}
  for k, v in pairs(opts) do o[k] = v end
  o.name = o.name or path:match("([^/]+)$")
  return M.from_log_rows(rows, o)
end

M._Evidence = Evidence
M._number = number

return M
