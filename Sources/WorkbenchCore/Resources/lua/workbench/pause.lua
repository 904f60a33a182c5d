-- workbench.pause — declare pauses, gather evidence, judge compliance day by day.
--
--   local pause = require("workbench.pause")
--   local pauses = pause.from_article(a)                    -- the commitments an article reports
--   local p = pause.declare{ party = "Russia", scope = { places = { "Kyiv" } },
--                            window = { start = "2026-01-29", ["end"] = "2026-02-01" } }
--   local evidence = pause.from_events(workbench.articles)  -- strike events in articles
--   local log = assert(pause.read_log("attacks.csv"))       -- rows of an attack log (CSV)
--   local result = pause.check(p, evidence:concat(log))     -- a verdict per day, with reasons
--   local rows = pause.corroborate(evidence, log)           -- article figures against the log
--
-- Verdicts: "violation", "no violation reported", "outside scope", "unclear". Each comes with the
-- rule that decided it and the evidence (an article sentence with its citation, or a log row).
-- Times are compared as instants: window dates and log times are local to the pause's time zone
-- (Europe/Kyiv by default, EET/EEST), so an overnight attack that straddles a window edge is
-- "unclear", never guessed.
local M = {}

local workbench = workbench
local type, tostring, tonumber, ipairs, pairs, error, setmetatable, getmetatable, select =
  type, tostring, tonumber, ipairs, pairs, error, setmetatable, getmetatable, select
local format, concat, sort, floor, min, max = string.format, table.concat, table.sort, math.floor, math.min, math.max

M.VIOLATION = "violation"
M.NONE = "no violation reported"
M.OUTSIDE = "outside scope"
M.UNCLEAR = "unclear"
--- Verdicts from the most to the least serious; a day takes the most serious of its evidence.
M.verdicts = { M.VIOLATION, M.UNCLEAR, M.NONE, M.OUTSIDE }
local rank = {}
for i, v in ipairs(M.verdicts) do rank[v] = i end

local function argcheck(n, fname, value, expected, optional)
  if value == nil and optional then return end
  if type(value) ~= expected then
    error(format("bad argument #%d to '%s' (%s expected, got %s)", n, fname, expected,
      value == nil and "no value" or type(value)), 3)
  end
end

---------------------------------------------------------------------------------------------
-- Time: instants are minutes since 1970-01-01 00:00 UTC.
---------------------------------------------------------------------------------------------

-- Calendar days and zone offsets come from the Swift side (workbench.time): Foundation's time-zone
-- database gives every IANA zone its real daylight-saving history.
local time = workbench.time

-- Days since 1970-01-01 of a civil date, or nil when there is no such date.
local function days_from_civil(y, m, d) return time.days(y, m, d) end

-- The year, month and day of a day counted from 1970-01-01.
local function civil_from_days(z)
  local y, m, d = time.civil(z)
  return y, m, d
end

local function fixed_zone(offset) return function() return offset end end

--- Time zones by name: each maps a UTC instant to its offset in minutes. Names not listed are looked
-- up in the system's time-zone database ("America/New_York"); add your own to override one.
M.zones = { UTC = fixed_zone(0) }

local database = {}
local function zone(tz)
  if tz == nil then tz = "Europe/Kyiv" end
  local z = M.zones[tz] or database[tz]
  if z then return z end
  local sign, h, m = tostring(tz):match("^([+-])(%d%d):?(%d%d)$")
  if sign then
    local off = tonumber(h) * 60 + tonumber(m)
    return fixed_zone(sign == "-" and -off or off)
  end
  if type(tz) ~= "string" or not time.offset(tz, 0) then return nil end
  -- offsets change only on quarter hours: each quarter is asked of the database once
  local quarters = {}
  z = function(utc)
    local q = utc // 15
    local o = quarters[q]
    if not o then o = time.offset(tz, q * 15); quarters[q] = o end
    return o
  end
  database[tz] = z
  return z
end

-- The UTC instant of a local wall-clock time (the offset in force at that time).
local function local_to_utc(z, local_minutes)
  local guess = local_minutes - z(local_minutes)
  return local_minutes - z(guess)
end

--- Parses "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or ISO 8601 with "T" and "Z"/"±HH:MM".
-- Returns the UTC instant (minutes) and whether a time of day was given; nil, message when not a time.
function M.parse_time(text, tz)
  if type(text) ~= "string" then return nil, "not a time: " .. tostring(text) end
  local s = text:match("^%s*(.-)%s*$")
  local y, mo, d, rest = s:match("^(%d%d%d%d)-(%d%d)-(%d%d)(.*)$")
  if not y then return nil, format("not a date or time: %q (expected YYYY-MM-DD or YYYY-MM-DD HH:MM)", text) end
  y, mo, d = tonumber(y), tonumber(mo), tonumber(d)
  local day = days_from_civil(y, mo, d)
  if not day then return nil, format("not a real date: %q", text) end
  if rest == "" then
    local z = zone(tz)
    if not z then return nil, "unknown time zone: " .. tostring(tz) end
    return local_to_utc(z, day * 1440), false
  end
  local h, mi, sec, tail = rest:match("^[T ](%d%d?):(%d%d):?(%d*)%.?%d*(.*)$")
  if not h then return nil, format("not a time: %q", text) end
  h, mi = tonumber(h), tonumber(mi)
  if h > 24 or mi > 59 then return nil, format("not a time of day: %q", text) end
  local wall = day * 1440 + h * 60 + mi
  if tail == "Z" or tail == "z" then return wall, true end
  local sign, oh, om = tail:match("^%s*([+-])(%d%d):?(%d%d)$")
  if sign then
    local off = tonumber(oh) * 60 + tonumber(om)
    return wall - (sign == "-" and -off or off), true
  end
  if tail ~= "" then return nil, format("not a time: %q", text) end
  local z = zone(tz)
  if not z then return nil, "unknown time zone: " .. tostring(tz) end
  return local_to_utc(z, wall), true
end

--- "YYYY-MM-DD HH:MM" in the time zone (default Europe/Kyiv) for a UTC instant in minutes.
function M.format_time(utc, tz)
  argcheck(1, "format_time", utc, "number")
  argcheck(2, "format_time", tz, "string", true)
  local z = zone(tz)
  if not z then error(format("bad argument #2 to 'format_time' (unknown time zone '%s')", tz), 2) end
  local l = utc + z(utc)
  local y, m, d = civil_from_days(l // 1440)
  local mins = l % 1440
  return format("%04d-%02d-%02d %02d:%02d", y, m, d, mins // 60, mins % 60)
end

--- ISO 8601 local time with its offset ("2025-03-18T23:00+02:00") for a UTC instant in minutes.
function M.iso_time(utc, tz)
  argcheck(1, "iso_time", utc, "number")
  argcheck(2, "iso_time", tz, "string", true)
  local z = zone(tz)
  if not z then error(format("bad argument #2 to 'iso_time' (unknown time zone '%s')", tz), 2) end
  local off = z(utc)
  local sign = off < 0 and "-" or "+"
  off = math.abs(off)
  return (M.format_time(utc, tz):gsub(" ", "T")) .. format("%s%02d:%02d", sign, off // 60, off % 60)
end

--- "YYYY-MM-DD" of the local day containing a UTC instant.
function M.local_date(utc, tz)
  return M.format_time(utc, tz):sub(1, 10)
end

-- Local midnight (as a UTC instant) of an ISO date.
local function day_start(date, tz)
  return (M.parse_time(date, tz))
end

-- The ISO date n days after an ISO date.
local function add_days(date, n)
  local y, m, d = date:match("^(%d+)-(%d+)-(%d+)$")
  local yy, mm, dd = civil_from_days(days_from_civil(tonumber(y), tonumber(m), tonumber(d)) + n)
  return format("%04d-%02d-%02d", yy, mm, dd)
end
M.add_days = add_days

---------------------------------------------------------------------------------------------
-- Names: places and weapons are compared through the lexicons, so "Kiev", "Kyiv" and
-- "Kyiv oblast"/"Kyiv region" relate the way an analyst expects.
---------------------------------------------------------------------------------------------

local lexicon = workbench.lexicon

-- Words that make a scope vague: "Kyiv and other cities", "the various towns".
local vague_places = { ["other cities"] = true, ["cities"] = true, ["towns"] = true, ["various towns"] = true,
  ["other towns"] = true, ["the various towns"] = true, ["other places"] = true, ["population centers"] = true,
  ["population centres"] = true, ["civilian areas"] = true }
-- Areas an attack log uses for a whole front or the whole country.
local areas = { north = true, south = true, east = true, west = true, center = true, centre = true,
  ["south-east"] = true, ["north-east"] = true, ["south-west"] = true, ["north-west"] = true, ["front line"] = true }
-- Target types too vague to place inside or outside a scope of types.
M.vague_types = { ["civilian infrastructure"] = true, infrastructure = true, unknown = true, civilian = true }

-- A place as {name, kind, country, text}: kind is city, region, country, area or unknown.
local function place_of(text)
  local t = text:match("^%s*(.-)%s*$")
  local lower = t:lower()
  if areas[lower] then return { name = lower, kind = "area", text = t } end
  if vague_places[lower] or vague_places[lower:gsub("^the ", "")] then return { name = lower, kind = "vague", text = t } end
  local found = lexicon.lookup("places", t)
  if found then
    return { name = found.name, kind = found.kind, country = found.country, text = t }
  end
  -- "X oblast" / "X region" not in the lexicon: a region named after X
  local base = t:match("^(.-)%s+[Oo]blast$") or t:match("^(.-)%s+[Rr]egion$") or t:match("^(.-)%s+[Kk]rai$")
  if base then return { name = base .. " region", kind = "region", text = t } end
  return { name = t, kind = "unknown", text = t }
end
M.place = place_of

-- Splits "Kyiv oblast and Kharkiv oblast", "Dnipropetrovsk oblast, Dnipro Raion" into places.
local function places_in(text)
  local out = {}
  if type(text) ~= "string" or text:match("^%s*$") then return out end
  for part in (text .. " and "):gmatch("(.-)%s+and%s+") do
    local main = part:match("^([^,(]+)") or part
    main = main:match("^%s*(.-)%s*$")
    if main ~= "" then out[#out + 1] = place_of(main) end
  end
  return out
end
M.places_in = places_in

-- The city a region is named after ("Kyiv region" → "Kyiv").
local function region_city(name)
  return name:match("^(.-) region$")
end

-- How an evidence place relates to a scope place: "in", "unclear" (with why) or "outside".
local function place_relation(item, scope)
  if scope.kind == "vague" then
    if item.kind == "city" then return "unclear", format("“%s” is vague; %s is a city", scope.text, item.name) end
    if item.kind == "region" or item.kind == "area" or item.kind == "country" or item.kind == "unknown" then
      return "unclear", format("“%s” is vague and %s may include one", scope.text, item.text)
    end
    return "outside"
  end
  if item.name == scope.name then return "in" end
  if item.kind == "region" and region_city(item.name) == scope.name then
    return "unclear", format("%s includes %s but is not only %s", item.text, scope.name, scope.name)
  end
  if scope.kind == "region" and region_city(scope.name) == item.name then return "in" end
  if item.kind == "country" then
    if scope.country == nil or scope.country == item.name then
      return "unclear", format("the evidence names only %s, not where in it", item.name)
    end
    return "outside"
  end
  if item.kind == "area" then
    return "unclear", format("the evidence names only the %s, not which places", item.name)
  end
  if item.kind == "unknown" then
    return "unclear", format("%s is not in the places lexicon", item.text)
  end
  if scope.country and item.country and scope.country ~= item.country then return "outside" end
  return "outside"
end

-- The canonical weapon for a name written in an article or a log ("X-101/X-555" → Kh-101).
local function weapon_of(name)
  local w = lexicon.lookup("weapons", name)
  if w then return w.name, w.category end
  local lower = name:lower()
  if lower:find("uav") or lower:find("drone") then return name, "drone" end
  if lower:find("ballistic") then return name, "ballistic missile" end
  if lower:find("missile") then return name, "missile" end
  if lower:find("bomb") or lower:find("gbu") then return name, "bomb" end
  return name, nil
end
M.weapon = weapon_of

-- Generic names match a whole category: "attack drone", "drone", "missile".
local function is_generic(name, category)
  return name == category or name == "attack drone" or name == "missile" or name == "drone"
end

---------------------------------------------------------------------------------------------
-- Pauses
---------------------------------------------------------------------------------------------

local Pause = {}
Pause.__index = Pause
Pause.__name = "Pause"
M.Pause = Pause

local function copy_list(t)
  local out = {}
  if type(t) == "table" then for i, v in ipairs(t) do out[i] = v end elseif type(t) == "string" then out[1] = t end
  return out
end

--- Declares a pause. Fields: party (who holds fire; required), counterparty, requested_by,
-- scope = {types = {...}, places = {...}, text = "..."} (empty: all strikes), window = {start, end}
-- (ISO dates or "YYYY-MM-DD HH:MM"; either may be nil: an open start is taken from `announced`, an
-- open end is checked for `horizon` days), timezone (default "Europe/Kyiv"), reciprocal, condition,
-- status, name, announced (ISO date), source (a model item to cite), notes.
function M.declare(spec)
  argcheck(1, "declare", spec, "table")
  argcheck(1, "declare", spec.party, "string")
  local scope = spec.scope or {}
  if type(scope) == "string" then scope = { text = scope } end
  local window = spec.window or {}
  local tz = spec.timezone or "Europe/Kyiv"
  if not zone(tz) then error(format("bad argument #1 to 'declare' (unknown time zone '%s')", tostring(tz)), 2) end
  for _, k in ipairs({ "start", "end" }) do
    if window[k] ~= nil then
      local ok, err = M.parse_time(window[k], tz)
      if not ok then error(format("bad argument #1 to 'declare' (window.%s: %s)", k, err), 2) end
    end
  end
  -- a disputed start: several claimed starts, each with who claims it
  if window.starts ~= nil then
    if type(window.starts) ~= "table" then error("bad argument #1 to 'declare' (window.starts must be a list of {date = …, by = …})", 2) end
    for i, st in ipairs(window.starts) do
      local ok, err = type(st) == "table" and M.parse_time(st.date, tz)
      if not ok then error(format("bad argument #1 to 'declare' (window.starts[%d]: %s)", i, err or "{date = …, by = …} expected"), 2) end
    end
    if window.start == nil and window.starts[1] then
      local earliest
      for _, st in ipairs(window.starts) do
        if earliest == nil or M.parse_time(st.date, tz) < M.parse_time(earliest, tz) then earliest = st.date end
      end
      window = { start = earliest, ["end"] = window["end"], text = window.text, derived = window.derived, starts = window.starts }
    end
  end
  if spec.void_on_violation ~= nil and type(spec.void_on_violation) ~= "boolean" then
    error("bad argument #1 to 'declare' (void_on_violation must be a boolean)", 2)
  end
  local p = setmetatable({
    name = spec.name, party = spec.party, counterparty = spec.counterparty, requested_by = spec.requested_by,
    scope = { types = copy_list(scope.types), places = copy_list(scope.places), text = scope.text, limited = scope.limited },
    window = { start = window.start, ["end"] = window["end"], text = window.text, derived = window.derived,
               starts = window.starts },
    timezone = tz, reciprocal = spec.reciprocal == true, condition = spec.condition,
    status = spec.status or "declared", announced = spec.announced, source = spec.source,
    claims = spec.claims, notes = copy_list(spec.notes), horizon = spec.horizon,
    void_on_violation = spec.void_on_violation == true,
  }, Pause)
  if not p.name then
    local what = p.scope.text or (#p.scope.types > 0 and concat(p.scope.types, ", ")) or
      (#p.scope.places > 0 and concat(p.scope.places, ", ")) or "all strikes"
    p.name = format("%s: pause on %s", p.party, what)
  end
  return p
end

--- A pause from an extracted commitment (c), with optional overrides (any declare field).
function M.from_commitment(c, overrides)
  argcheck(1, "from_commitment", c, "table")
  argcheck(2, "from_commitment", overrides, "table", true)
  overrides = overrides or {}
  local a = c.article
  local notes = {}
  if c.window and c.window.derived == "start" then
    notes[#notes + 1] = format("the start date is worked out from “%s”, not stated", c.window.text or "the duration")
  end
  local w = c.window or {}
  local stop, horizon = w["end"], nil
  if w.days then
    -- "a 30-day ceasefire": from its start, or checked for its length when the start is not known
    if w.start and not stop then stop = M.add_days(w.start, w.days - 1) end
    if not w.start then horizon = w.days end
    notes[#notes + 1] = format("it was to last %d days", w.days)
  end
  local spec = {
    name = format("%s: %s", c.party or (c.counterparty and "both sides") or "?", c.action or "pause"),
    horizon = horizon,
    party = c.party, counterparty = c.counterparty, requested_by = c.requested_by,
    scope = { types = c.scope_types, places = c.scope_places, text = c.scope,
              -- "a localized ceasefire" with no place named: limited to somewhere the text does not say
              limited = (#(c.scope_places or {}) == 0 and c.action ~= nil
                         and (c.action:lower():find("locali[sz]ed") or c.action:lower():find("limited") or c.action:lower():find("partial")
                              or c.action:lower():find("local ")) and c.action or nil) },
    window = { start = w.start, ["end"] = stop, text = w.text, derived = w.derived, days = w.days },
    reciprocal = c.reciprocal, condition = c.condition, status = c.status,
    announced = a and a.date, source = c, claims = c.claims, notes = notes,
  }
  for k, v in pairs(overrides) do spec[k] = v end
  if spec.party == nil then
    return nil, format("the commitment (%s) names no party that holds fire; give one: from_commitment(c, {party = \"…\"})", c.action or "pause")
  end
  return M.declare(spec)
end

--- The pauses an article reports (one per commitment with a party), as a List; the second result
-- lists the commitments that could not become one ({commitment = c, reason = "…"}).
function M.from_article(a)
  argcheck(1, "from_article", a, "table")
  local out, skipped = workbench.list({}), workbench.list({})
  for _, c in ipairs(a.commitments or {}) do
    local p, why = M.from_commitment(c)
    if p then out[#out + 1] = p else skipped[#skipped + 1] = { commitment = c, reason = why } end
  end
  return out, skipped
end

--- The other side's half of a reciprocal pause: the counterparty keeps the same scope.
function M.reciprocal_of(p)
  argcheck(1, "reciprocal_of", p, "table")
  if not p.counterparty then return nil, "the pause names no counterparty" end
  return M.declare({
    name = format("%s (condition of %s's pause): %s", p.counterparty, p.party, p.condition or "the same restraint"),
    party = p.counterparty, counterparty = p.party, scope = p.scope, window = p.window, timezone = p.timezone,
    status = "condition", announced = p.announced, source = p.source, notes = p.notes, horizon = p.horizon,
    void_on_violation = p.void_on_violation,
  })
end

function Pause:__tostring()
  local w = self.window
  return format("%s [%s – %s] (%s)", self.name, w.start or "open", w["end"] or "open", self.status)
end

---------------------------------------------------------------------------------------------
-- Evidence: strike events from articles, rows from attack logs. Each item has source, actor,
-- from/to (UTC minutes; nil when unknown), places, target_type, weapons, launched, cite, basis.
---------------------------------------------------------------------------------------------

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

-- The argument check of every workbench module, for the modules built on this one.
M._argcheck = argcheck

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

---------------------------------------------------------------------------------------------
-- Checking
---------------------------------------------------------------------------------------------

-- The window as UTC instants, with the notes that say how open or derived ends were filled.
local function resolve_window(p, opts)
  local tz = p.timezone
  local notes = {}
  for _, n in ipairs(p.notes or {}) do notes[#notes + 1] = n end
  local start, stop = p.window.start, p.window["end"]
  local open_start, open_end = start == nil, stop == nil
  if open_start then
    start = opts.start or p.announced
    if start then
      notes[#notes + 1] = format("no start date is given; checked from %s (%s)", start, opts.start and "the start option" or "when it was reported")
    else
      return nil, "the pause has no start date and no announcement date; give window.start"
    end
  end
  local from, timed = M.parse_time(start, tz)
  if not from then return nil, timed end
  local to
  if open_end then
    local horizon = opts.horizon or p.horizon or 7
    -- from a start time, `horizon` whole days; from a start date, up to local midnight `horizon` days on
    to = timed and from + horizon * 1440 or day_start(add_days(start:sub(1, 10), horizon), tz)
    notes[#notes + 1] = format("no end date is given; checked for %d days", horizon)
  else
    local t, end_timed = M.parse_time(stop, tz)
    if not t then return nil, end_timed end
    -- an end date without a time is read as the end of that day ("until Feb. 1" includes Feb. 1)
    to = end_timed and t or day_start(add_days(stop:sub(1, 10), 1), tz)
    if not end_timed then notes[#notes + 1] = format("the end date %s is read as including that whole day", stop) end
  end
  if to <= from then return nil, format("the window ends (%s) before it starts (%s)", M.format_time(to, tz), M.format_time(from, tz)) end
  -- a disputed start: until the latest claimed start, evidence is unclear
  local disputed_until, disputed_text
  if p.window.starts and #p.window.starts > 1 then
    local claims = {}
    for _, st in ipairs(p.window.starts) do
      local t = M.parse_time(st.date, tz)
      if disputed_until == nil or t > disputed_until then disputed_until = t end
      claims[#claims + 1] = format("%s says %s", st.by or "someone", st.date)
    end
    disputed_text = concat(claims, ", ")
    notes[#notes + 1] = "the start is disputed (" .. disputed_text .. "); evidence before the latest claimed start is unclear"
  end
  return { from = from, to = to, open_start = open_start, open_end = open_end, notes = notes,
           disputed_until = disputed_until, disputed_text = disputed_text,
           start_day = M.local_date(from, tz), end_day = M.local_date(to - 1, tz) }
end

-- Whether a party name and an actor name are the same side ("Russia" / "Russian forces").
local function same_side(actor, party)
  if actor == nil or party == nil then return false end
  if actor == party then return true end
  local a = lexicon.lookup("parties", actor)
  local p = lexicon.lookup("parties", party)
  local function side(x) return x and (x.kind == "country" and x.name or x.affiliation or x.name) end
  return side(a) ~= nil and side(a) == side(p)
end

--- The places of an item that name a place in the pause's scope, or a region named after one
-- ("Kyiv oblast" for Kyiv). Vague scope words ("other cities") never count here.
function M.scope_hits(p, item)
  local hits = {}
  for _, sp in ipairs(p.scope.places or {}) do
    local scope_place = place_of(sp)
    if scope_place.kind ~= "vague" then
      for _, ip in ipairs(item.places or {}) do
        if ip.name == scope_place.name or (ip.kind == "region" and region_city(ip.name) == scope_place.name)
            or (scope_place.kind == "region" and region_city(scope_place.name) == ip.name) then
          hits[#hits + 1] = ip.text
        end
      end
    end
  end
  return hits
end

--- Judges one piece of evidence against a pause: returns verdict, rule, reasons (list of strings).
function M.judge(p, item, window)
  local reasons = {}
  -- who
  if item.actor == nil then
    reasons[#reasons + 1] = "the source does not say who attacked"
  elseif not same_side(item.actor, p.party) then
    return M.OUTSIDE, format("the attacker (%s) is not the party that paused (%s)", item.actor, p.party), reasons
  end
  -- when
  if item.from == nil then
    reasons[#reasons + 1] = item.time_note or "the time is not known"
  else
    if item.to <= window.from then return M.OUTSIDE, "it ended before the window opened", reasons end
    if item.from >= window.to then return M.OUTSIDE, "it began after the window closed", reasons end
    if window.voided_from and item.from >= window.voided_from then
      return M.OUTSIDE, format("the pause no longer bound %s: %s", p.party, window.voided_text), reasons
    end
    if window.disputed_until and item.from < window.disputed_until then
      reasons[#reasons + 1] = format("it falls before the latest claimed start (%s)", window.disputed_text)
    end
    if item.from < window.from then
      reasons[#reasons + 1] = format("it straddles the window's start (%s – %s, window opens %s)",
        M.format_time(item.from, p.timezone), M.format_time(item.to, p.timezone), M.format_time(window.from, p.timezone))
    elseif item.to > window.to then
      reasons[#reasons + 1] = format("it straddles the window's end (%s – %s, window closes %s)",
        M.format_time(item.from, p.timezone), M.format_time(item.to, p.timezone), M.format_time(window.to, p.timezone))
    end
  end
  -- what and where
  local types, places = p.scope.types or {}, p.scope.places or {}
  if p.scope.limited and #places == 0 then
    -- the area is unknown, so nothing can be placed inside it: whatever else matches stays unclear
    reasons[#reasons + 1] = format("the pause covers a limited area (“%s”) that the text does not name", p.scope.limited)
  end
  if #types > 0 or #places > 0 then
    local best, why = "outside", {}
    if #types > 0 then
      local t = item.target_type
      local wanted = {}
      for _, x in ipairs(types) do wanted[x] = true end
      local text_hit = false
      if item.target then
        local lt = item.target:lower()
        for _, x in ipairs(types) do if lt:find(x:lower(), 1, true) then text_hit = true end end
      end
      if (t and wanted[t]) or text_hit then best = "in"
      elseif t == nil then
        if best ~= "in" then best = "unclear" end
        why[#why + 1] = item.source == "log" and "the log does not record what kind of target was hit"
          or "the article does not say what kind of target was hit"
      elseif M.vague_types[t] then
        if best ~= "in" then best = "unclear" end
        why[#why + 1] = format("the target (“%s”) is too vague to tell whether it was %s", item.target or t, concat(types, " or "))
      end
    end
    if #places > 0 and best ~= "in" then
      if #item.places == 0 then
        best = "unclear"
        why[#why + 1] = "the source does not say where it struck"
      else
        for _, sp in ipairs(places) do
          local scope_place = place_of(sp)
          for _, ip in ipairs(item.places) do
            local rel, r = place_relation(ip, scope_place)
            if rel == "in" then best = "in"
            elseif rel == "unclear" and best ~= "in" then
              best = "unclear"
              why[#why + 1] = r
            end
          end
        end
      end
    end
    if best == "outside" then
      local what = {}
      if item.target_type then what[#what + 1] = item.target_type end
      if item.place_text then what[#what + 1] = item.place_text end
      return M.OUTSIDE, format("its target (%s) is outside the pause's scope (%s)", #what > 0 and concat(what, ", ") or "?",
        p.scope.text or concat(types, ", ") .. (#places > 0 and (" " .. concat(places, ", ")) or "")), reasons
    elseif best == "unclear" then
      -- keep one reason per distinct sentence
      local seen = {}
      for _, w in ipairs(why) do if not seen[w] then seen[w] = true; reasons[#reasons + 1] = w end end
    end
  end
  if #reasons > 0 then return M.UNCLEAR, reasons[1], reasons end
  return M.VIOLATION, format("%s attacked %s inside the window", p.party,
    item.place_text or item.target or "a target in scope"), reasons
end

-- The local day an item is counted on: the day its attack began (an overnight attack belongs to
-- the evening it started).
local function item_day(item, tz) return item.from and M.local_date(item.from, tz) or nil end

--- Checks a pause against evidence. Options: margin_before (days shown before the window, default
-- 1), margin_after (default 2), horizon (days checked for an open end, default 7), start (for an
-- open start). Returns a result table, or nil and a message.
--
-- result.days[i] = {date, in_window, verdict, rule, items = {{item, verdict, rule, reasons}…},
--                   launched, launched_in_scope, launched_source ("log" or "articles"),
--                   totals = {log = n, articles = n}}
-- result.items: the judged evidence; result.verdict: the most serious day verdict;
-- result.counts: days per verdict; result.notes: how open or derived window ends were read.
function M.check(p, evidence, opts)
  argcheck(1, "check", p, "table")
  argcheck(2, "check", evidence, "table")
  argcheck(3, "check", opts, "table", true)
  opts = opts or {}
  local tz = p.timezone
  local window, err = resolve_window(p, opts)
  if not window then return nil, err end
  window.voided_from, window.voided_text = opts.voided_from, opts.voided_text
  if opts.voided_text then window.notes[#window.notes + 1] = opts.voided_text end
  local first = add_days(window.start_day, -(opts.margin_before or 1))
  local last = add_days(window.end_day, opts.margin_after or 2)
  local days, by_date = {}, {}
  local d = first
  while d <= last do
    local day = { date = d, items = {}, totals = {}, in_scope = {},
      in_window = d >= window.start_day and d <= window.end_day }
    days[#days + 1] = day
    by_date[d] = day
    d = add_days(d, 1)
  end
  local judged = workbench.list({})
  local undated = {}
  for _, item in ipairs(evidence) do
    local date = item_day(item, tz)
    local verdict, rule, reasons = M.judge(p, item, window)
    local j = { item = item, verdict = verdict, rule = rule, reasons = reasons, date = date }
    -- an accusation by the other side is evidence of a claim, not of a violation: say so
    if item.independent then j.basis_kind = "independent"
    elseif item.side then
      j.basis_kind = "claim"
      j.claimed_by = item.side
      if verdict == M.VIOLATION then
        j.rule = format("%s (a claim by %s, a party to the conflict, not independently verified)", rule, item.side)
      end
    else j.basis_kind = "unattributed" end
    if date and by_date[date] then
      judged[#judged + 1] = j
      local day = by_date[date]
      day.items[#day.items + 1] = j
      if same_side(item.actor, p.party) and item.launched then
        -- logs and articles are counted apart: an article often reports the same night the log records
        local key = item.source == "log" and "log" or "articles"
        day.totals[key] = (day.totals[key] or 0) + item.launched
        if verdict == M.VIOLATION or verdict == M.UNCLEAR then
          day.in_scope[key] = (day.in_scope[key] or 0) + item.launched
        end
      end
    elseif not date and verdict ~= M.OUTSIDE then
      undated[#undated + 1] = j
      judged[#judged + 1] = j
    end
  end
  local counts = {}
  local overall = M.NONE
  for _, day in ipairs(days) do
    -- weapons launched by the party that day: the log's count when it has one, else the articles'
    day.launched_source = day.totals.log and "log" or (day.totals.articles and "articles") or nil
    day.launched = day.totals.log or day.totals.articles or 0
    day.launched_in_scope = day.in_scope.log or day.in_scope.articles or 0
    local voided = window.voided_from and day.date > M.local_date(window.voided_from, tz)
    if day.in_window and voided then
      -- from the day after the other side's violation the pause no longer binds this party
      day.verdict = M.OUTSIDE
      day.rule = "the pause was void: " .. window.voided_text
    elseif not day.in_window then
      day.verdict = M.OUTSIDE
      day.rule = day.date < window.start_day and "before the window" or "after the window"
      -- what happened there still matters to a reader (the night after a pause ends)
      local relevant, hits, seen = 0, {}, {}
      for _, j in ipairs(day.items) do
        if same_side(j.item.actor, p.party) then
          relevant = relevant + 1
          for _, h in ipairs(M.scope_hits(p, j.item)) do
            if not seen[h] then seen[h] = true; hits[#hits + 1] = h end
          end
        end
      end
      if relevant > 0 then
        day.rule = format("%s; %d attack%s by %s recorded%s", day.rule, relevant, relevant == 1 and "" or "s", p.party,
          #hits > 0 and (", targets include " .. concat(hits, ", ")) or "")
      end
      day.hits = hits
    else
      local worst, rule = M.NONE, nil
      local outside = 0
      for _, j in ipairs(day.items) do
        if rank[j.verdict] < rank[worst] then worst, rule = j.verdict, j.rule end
        if j.verdict == M.OUTSIDE then outside = outside + 1 end
      end
      day.verdict = worst
      if worst == M.VIOLATION then
        local sides, independent = {}, false
        for _, j in ipairs(day.items) do
          if j.verdict == M.VIOLATION then
            if j.basis_kind == "claim" then sides[j.claimed_by] = true else independent = true end
          end
        end
        if not independent then
          local names = {}
          for k in pairs(sides) do names[#names + 1] = k end
          sort(names)
          day.claimed_only = true
          day.claimed_by = concat(names, ", ")
        end
      end
      if worst == M.NONE then
        local by_party = 0
        for _, j in ipairs(day.items) do if same_side(j.item.actor, p.party) then by_party = by_party + 1 end end
        if #day.items == 0 then rule = "no attack in the evidence for this day"
        elseif by_party == 0 then
          rule = format("no attack by %s in the evidence (%d by others)", p.party, #day.items)
        else
          rule = format("%d attack%s by %s in the evidence, none within the pause's scope", by_party, by_party == 1 and "" or "s", p.party)
        end
      end
      day.rule = rule
      if rank[worst] < rank[overall] then overall = worst end
    end
    -- in each day, the most serious evidence first, then by time
    sort(day.items, function(x, y)
      if x.verdict ~= y.verdict then return rank[x.verdict] < rank[y.verdict] end
      return (x.item.from or 0) < (y.item.from or 0)
    end)
    counts[day.verdict] = (counts[day.verdict] or 0) + 1
  end
  for _, j in ipairs(undated) do
    if rank[j.verdict] < rank[overall] then overall = j.verdict end
  end
  return setmetatable({ pause = p, window = window, days = days, items = judged, undated = undated,
    verdict = overall, counts = counts, notes = window.notes }, M.Result)
end

-- The first violation in a result: its instant and the evidence.
local function first_violation(result)
  local best
  for _, j in ipairs(result.items) do
    if j.verdict == M.VIOLATION and j.item.from and (best == nil or j.item.from < best.item.from) then best = j end
  end
  return best
end

--- Checks both directions of a reciprocal pause: the party's restraint and the counterparty's
-- side of the condition. With void_on_violation, the first side to violate frees the other from
-- that moment (its later attacks are "outside scope", and the note says whose violation voided it).
-- Returns the party's result and the counterparty's, or nil and a message.
function M.check_reciprocal(p, evidence, opts)
  argcheck(1, "check_reciprocal", p, "table")
  argcheck(2, "check_reciprocal", evidence, "table")
  opts = opts or {}
  local other, err = M.reciprocal_of(p)
  if not other then return nil, err end
  local r1, e1 = M.check(p, evidence, opts)
  if not r1 then return nil, e1 end
  local o2 = {}
  for k, v in pairs(opts) do o2[k] = v end
  o2.start = o2.start or r1.window.start_day
  local r2, e2 = M.check(other, evidence, o2)
  if not r2 then return nil, e2 end
  if p.void_on_violation then
    local v1, v2 = first_violation(r1), first_violation(r2)
    local function redo(pause_, base, by, v)
      local o = {}
      for k, val in pairs(base) do o[k] = val end
      o.voided_from = v.item.from
      o.voided_text = format("voided from %s by %s's violation (%s), under the void-on-violation clause",
        M.format_time(v.item.from, p.timezone), by, v.item.cite)
      local r = M.check(pause_, evidence, o)
      r.voided = { by = by, at = v.item.from, evidence = v }
      return r
    end
    if v2 and (not v1 or v2.item.from < v1.item.from) then r1 = redo(p, opts, other.party, v2)
    elseif v1 and (not v2 or v1.item.from < v2.item.from) then r2 = redo(other, o2, p.party, v1) end
  end
  return r1, r2
end

M.Result = { __name = "PauseResult" }
M.Result.__index = M.Result
M.Result.__tostring = function(r)
  local parts = {}
  for _, v in ipairs(M.verdicts) do
    if r.counts[v] then parts[#parts + 1] = format("%d %s", r.counts[v], v) end
  end
  return format("%s: %s (days: %s)", r.pause.name, r.verdict, concat(parts, ", "))
end

---------------------------------------------------------------------------------------------
-- Corroboration: figures claimed in articles against the log.
---------------------------------------------------------------------------------------------

-- A place name reduced for comparison: "Russia’s Voronezh region" / "Voronezh oblast" → "voronezh".
local function place_key(s)
  s = s:lower():gsub("’", "'"):gsub("^russia's%s+", ""):gsub("^the%s+", "")
  s = s:gsub("%s+oblast$", ""):gsub("%s+region$", ""):gsub("%s+krai$", ""):gsub(",.*$", "")
  return (s:match("^%s*(.-)%s*$"))
end

-- The log's national rows inside a period (a total "this month" is the sum of the nights in it).
local function period_window(item, log)
  local g = { from = item.from, to = item.to, rows = {}, date_only = false, overlap = item.to - item.from }
  for _, row in ipairs(log) do
    if row.source == "log" and not row.date_only and row.from >= item.from and row.to <= item.to + 12 * 60 then g.rows[#g.rows + 1] = row end
  end
  return g
end

-- The words bounding a figure, as the events pass writes them in a weapon's `qualifier`.
local QUALIFIERS = { "more than", "at least", "over", "nearly", "almost", "about", "around", "roughly", "some",
  "approximately", "up to", "fewer than", "less than", "under" }
local function qualifier_of(text)
  local t = text:lower()
  for _, q in ipairs(QUALIFIERS) do
    if t:sub(1, #q + 1) == q .. " " then return q end
  end
  return nil
end

--- Period totals the articles claim ("Russia launched 6,000 drones this month", "over the past week"):
-- a count of weapons in a sentence with a span of days, for `corroborate`. Returns a List.
function M.from_periods(articles, opts)
  argcheck(1, "from_periods", articles, "table")
  opts = opts or {}
  local tz = opts.timezone or "Europe/Kyiv"
  local out = workbench.list({})
  local list = (articles.figures and articles.dates) and { articles } or articles
  for _, a in ipairs(list) do
    for _, f in ipairs(a.figures or {}) do
      local weapon = f.kind == "count" and f.counted and workbench.lexicon.lookup("weapons", f.counted)
      if weapon and f.value then
        for _, d in ipairs(a.dates or {}) do
          if d.sentence == f.sentence and d.value and d.end_value and d.end_value > d.value
              and (d.grain == "week" or d.grain == "month" or d.kind == "relative") and add_days(d.value, 1) < d.end_value then
            local name, category = weapon_of(weapon.name)
            out[#out + 1] = setmetatable({
              source = "article", period = true, period_text = d.text, article = a.id, from = day_start(d.value, tz),
              to = day_start(add_days(d.end_value, 1), tz), weapons = { { name = name, written = weapon.name, category = category,
              count = math.floor(f.value), approximate = f.approximate, qualifier = qualifier_of(f.text) } },
              text = a.sentences[f.sentence] and a.sentences[f.sentence].text, cite = workbench.cite(f, 80),
              short_cite = (workbench.cite(f, 1):match("^(.-)%s*“") or workbench.cite(f, 1)),
              summary = "period total (" .. d.text .. ")",
            }, Evidence)
            break
          end
        end
      end
    end
  end
  return out
end

-- The log rows an article's attack is compared with, grouped by their attack window (the log records
-- each night's attack as rows with one time_start and time_end): windows from national reports first,
-- then those overlapping the article's span most.
local function log_windows(item, log)
  local groups, order = {}, {}
  for _, row in ipairs(log) do
    if row.source == "log" and row.from < item.to and row.to > item.from then
      -- each account reports its own attack (the national command and a regional one may both count a night)
      local key = row.from .. "-" .. row.to .. "-" .. (row.account or "")
      local g = groups[key]
      if not g then
        g = { from = row.from, to = row.to, rows = {}, date_only = row.date_only == true, national = false,
              overlap = math.min(row.to, item.to) - math.max(row.from, item.from) }
        groups[key] = g
        order[#order + 1] = g
      end
      g.rows[#g.rows + 1] = row
      if row.target == "Ukraine" then g.national = true end
    end
  end
  table.sort(order, function(x, y)
    if x.date_only ~= y.date_only then return not x.date_only end
    if x.overlap ~= y.overlap then return x.overlap > y.overlap end
    if x.national ~= y.national then return x.national end
    return x.from < y.from
  end)
  return order
end

-- The rows of `rows` that record weapon `w` (by name, or by category for a generic "drones"), their total
-- and their launch places.
local function logged_of(rows, w)
  local generic = is_generic(w.name, w.category)
  local total, matched, places, seen = 0, {}, {}, {}
  for _, row in ipairs(rows) do
    local match = false
    for _, rw in ipairs(row.weapons) do
      if rw.name == w.name or (generic and rw.category == w.category) then match = true end
      -- "missiles" alone counts every kind of missile
      if w.name == "missile" and rw.category and rw.category:find("missile$") then match = true end
    end
    if match then
      total = total + (row.launched or 0)
      matched[#matched + 1] = row
      for part in ((row.launch_place or "") .. " and "):gmatch("(.-)%s+and%s+") do
        if part ~= "" and not seen[part] then seen[part] = true; places[#places + 1] = part end
      end
    end
  end
  return total, matched, places
end

-- Whether the log's figure is what the article claims: exactly, or inside the range its words give
-- ("more than 200", "almost 30", "about 600", "hundreds of").
local function agrees(w, logged)
  local q, n = w.qualifier, w.count
  if q and (q:find("^hundreds") or q:find("^dozens") or q:find("^thousands") or q:find("^tens")) then
    local lo, hi = 100, 999
    if q:find("^dozens") then lo, hi = 24, 99 elseif q:find("^thousands") then lo, hi = 1000, math.huge
    elseif q:find("^tens") then lo, hi = 20, 99 end
    if logged >= lo and logged <= hi then return true, format("the log's %d is %s", logged, q:gsub(" of$", "")) end
    return false
  end
  if not n then return false end
  if logged == n then return true, format("the log has %d", logged) end
  if q == "more than" or q == "at least" or q == "over" then
    if logged >= n and logged <= n * 1.5 + 10 then return true, format("the log's %d is %s %d", logged, q, n) end
  elseif q == "almost" or q == "nearly" or q == "up to" or q == "under" or q == "fewer than" or q == "less than" then
    if logged <= n and logged >= n * 0.8 then return true, format("the log's %d is %s %d", logged, q, n) end
  elseif q or w.approximate then
    if math.abs(logged - n) <= 0.1 * n then
      return true, format("the article's approximate %d is within 10%% of the log's %d", n, logged)
    end
  end
  return false
end

--- Whether figure b (a number) agrees with claim w ({count, qualifier, approximate}); the second
-- result says why. Exported for comparing reports with each other (workbench.incidents).
M.agrees = function(w, b) return agrees(w, b) end

-- One claim against the log: the window whose figure agrees, else the window of the same attack.
local function corroborate_claim(item, w, windows, opts)
  local best
  for _, g in ipairs(windows) do
    local total, rows, places = logged_of(g.rows, w)
    if #rows > 0 then
      local ok, why = agrees(w, total)
      local entry = { total = total, rows = rows, places = places, window = g, ok = ok, why = why }
      if ok then best = entry; break end
      best = best or entry
    end
  end
  local claimed = w.count or w.qualifier -- a number, or the words of a range ("hundreds of")
  local verdict, rule
  if not best then
    verdict, rule = "not in log", format("no %s in the log between %s and %s", w.written or w.name,
      M.format_time(item.from, opts.timezone), M.format_time(item.to, opts.timezone))
  elseif best.ok then
    verdict, rule = "agreed", best.why
  elseif item.kind == "strike" and item.place_text and w.count and w.count < best.total and not item.period then
    -- the weapons that hit one place are part of the night's total, not a rival figure for it
    verdict, rule = "within", format("the article's %d on %s are part of the log's %d for the attack", w.count, item.place_text, best.total)
  else
    local said = w.count and ((w.qualifier and (w.qualifier .. " ") or "") .. tostring(w.count)) or w.qualifier
    verdict, rule = "differs", format("the article says %s, the log %d", said, best.total)
  end
  return best, verdict, rule, claimed
end

--- Corroborates the figures articles claim against an attack log: each count is compared with the log
-- rows of the same attack window (the log's evening-to-morning rows), not with a day's sum; a period
-- total ("this month") with the log's sum over the period. Approximate claims agree when the log falls
-- inside their range; attacks by a side the log does not record are left out. Each result names the
-- rows. Options: timezone. Returns a List of {item, weapon, claimed, logged, count (agreed|within|
-- differs|not in log), rule, basis, window, rows, log_rows, launch_place, log_places, place (agreed|
-- differs|not in log|not stated)}.
function M.corroborate(article_evidence, log, opts)
  argcheck(1, "corroborate", article_evidence, "table")
  argcheck(2, "corroborate", log, "table")
  opts = opts or {}
  local out = workbench.list({})
  -- the log records one side's attacks: an article's claim about the other side's is not checked against it
  local actors = {}
  for _, row in ipairs(log) do if row.actor then actors[row.actor] = true end end
  local function logged_side(item) return not item.actor or next(actors) == nil or actors[item.actor] end
  for _, item in ipairs(article_evidence) do
    if item.source == "article" and item.from and logged_side(item) then
      local windows = item.period and { period_window(item, log) } or log_windows(item, log)
      for _, w in ipairs(item.weapons) do
        if w.count or w.qualifier then
          local best, verdict, rule, claimed = corroborate_claim(item, w, windows, opts)
          local places = best and best.places or {}
          local place_verdict
          if not item.launch_place then place_verdict = "not stated"
          elseif not best or #places == 0 then place_verdict = "not in log"
          else
            place_verdict = "differs"
            local key = place_key(item.launch_place)
            for _, lp in ipairs(places) do if place_key(lp) == key then place_verdict = "agreed" end end
          end
          local rows = best and best.rows or {}
          local row_numbers = {}
          for _, r in ipairs(rows) do row_numbers[#row_numbers + 1] = r.row end
          out[#out + 1] = { item = item, weapon = w.written or w.name, canonical = w.name, claimed = claimed,
            logged = best and best.total or nil, count = verdict, rule = rule, launch_place = item.launch_place,
            log_places = places, place = place_verdict, rows = row_numbers, log_rows = rows,
            basis = item.period and ("period total, " .. (item.period_text or "")) or "same attack window",
            window = best and format("%s – %s", M.format_time(best.window.from, opts.timezone), M.format_time(best.window.to, opts.timezone)) or nil }
        end
      end
    end
  end
  return out
end

return M
