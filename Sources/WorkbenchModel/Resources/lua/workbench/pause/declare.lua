-- workbench.pause.declare — pauses: declared, read from extracted commitments, and the other side's half.
-- Part of workbench.pause (require("workbench.pause") gives every function of its modules).
local M = setmetatable({}, { __index = require("workbench.pause.names") })

local workbench = workbench
local format, concat = string.format, table.concat

local argcheck = M._argcheck
local zone = M._zone

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

return M
