-- workbench.pause.corroborate — corroboration: figures the articles claim against an attack log.
-- Part of workbench.pause (require("workbench.pause") gives every function of its modules).
local M = setmetatable({}, { __index = require("workbench.pause.check") })

local workbench = workbench
local format = string.format

local argcheck = M._argcheck
local lexicon = workbench.lexicon
local add_days = M._add_days
local day_start = M._day_start
local is_generic = M._is_generic
local weapon_of = M._weapon_of
local Evidence = M._Evidence
local number = M._number

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
