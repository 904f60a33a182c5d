-- workbench.pause.time — the clock: instants are minutes since 1970-01-01 UTC; parsing, formatting and days in a zone.
-- Part of workbench.pause (require("workbench.pause") gives every function of its modules).
local M = {}

local workbench = workbench
local format = string.format

local function argcheck(n, fname, value, expected, optional)
  if value == nil and optional then return end
  if type(value) ~= expected then
    error(format("bad argument #%d to '%s' (%s expected, got %s)", n, fname, expected,
      value == nil and "no value" or type(value)), 3)
  end
end

-- The argument check of every workbench module, for the modules built on this one.
M._argcheck = argcheck

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

M._add_days = add_days
M._day_start = day_start
M._zone = zone

return M
