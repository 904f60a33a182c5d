-- workbench.incident_figures — reconciling the reports of one incident (used by workbench.incidents):
-- the order reports came in, the figures they agree or differ on, and the attack log's rows.
local M = {}

local pause = require("workbench.pause")
local workbench = workbench
local format, concat, sort = string.format, table.concat, table.sort

M.AGREED, M.UPDATED, M.DIFFERS, M.SINGLE = "agreed", "updated", "differs", "single"
M.NATIONAL, M.LOCAL = "national", "local"

--- Minutes two spans share (negative when they do not meet).
function M.overlap(a_from, a_to, b_from, b_to) return math.min(a_to, b_to) - math.max(a_from, b_from) end
local overlap = M.overlap

--- Whether two places can be the same attack's: the same place, a city and its region, a region named
-- after the city.
function M.same_place(a, b)
  if not a or not b then return a == b end
  if a.name == b.name then return true end
  if a.within and a.within == b.name or b.within and b.within == a.name then return true end
  return a.name == b.name .. " region" or b.name == a.name .. " region"
end

local same_place = M.same_place

-- When an article was published, as a UTC instant: its front-matter time, else noon of its date in
-- the time zone; the second result says whether the time was given (positions orders statements so too).
local function published_at(a, tz)
  if a.published then
    local t = pause.parse_time(a.published, tz)
    if t then return t, true end
  end
  if a.date then return pause.parse_time(a.date, tz) + 12 * 60, false end
  return nil, false
end

M._published_at = published_at

---------------------------------------------------------------------------------------------
-- Reconciling: order, figures, the log
---------------------------------------------------------------------------------------------

-- Whether the order of two reports is known: both give a publication time, or their dates differ.
local function ordered(a, b)
  if a.timed and b.timed then return a.order ~= b.order end
  return a.article_date ~= nil and b.article_date ~= nil and a.article_date ~= b.article_date
end

local function consistent(a, b)
  if a.value == b.value then return true end
  if (a.qualifier or a.approximate) and pause.agrees({ count = a.value, qualifier = a.qualifier, approximate = a.approximate }, b.value) then return true end
  if (b.qualifier or b.approximate) and pause.agrees({ count = b.value, qualifier = b.qualifier, approximate = b.approximate }, a.value) then return true end
  return false
end

local function said(v) return (v.qualifier and (v.qualifier .. " ") or "") .. tostring(v.value) end

-- A toll read in time order: "updated" when it only rises and each rise comes in a later report.
local function toll_status(values)
  local rose = false
  for i = 2, #values do
    local a, b = values[i - 1], values[i]
    if b.value < a.value and not consistent(a, b) then
      return M.DIFFERS, format("fell from %s to %s in a later report", said(a), said(b))
    end
    if b.value > a.value and not consistent(a, b) then
      if not ordered(a.report, b.report) then
        return M.DIFFERS, format("%s and %s, reported the same day with no publication times to order them", said(a), said(b))
      end
      rose = true
    end
  end
  if rose then return M.UPDATED, format("rose from %s to %s as reports came in", said(values[1]), said(values[#values])) end
  return nil
end

-- One figure across the reports: status (single, agreed, updated, differs), the reconciled value and why.
local function reconcile(field, values)
  if #values == 1 then return M.SINGLE, values[1].value, "one report" end
  local all = true
  for i = 2, #values do
    for j = 1, i - 1 do if not consistent(values[i], values[j]) then all = false end end
  end
  if all then
    local exact = values[1]
    for _, v in ipairs(values) do if not v.qualifier and not v.approximate then exact = v; break end end
    return M.AGREED, exact.value, format("%d reports agree", #values)
  end
  if field.toll then
    local status, why = toll_status(values)
    if status == M.UPDATED then return status, values[#values].value, why end
    if status then return status, nil, why end
  end
  local shown = {}
  for _, v in ipairs(values) do shown[#shown + 1] = said(v) end
  return M.DIFFERS, nil, "reports give " .. concat(shown, ", ")
end

local function weapon_fields(inc)
  local keys, seen = {}, {}
  for _, r in ipairs(inc.reports) do
    for _, w in ipairs(r.weapons) do
      local c = w.category or w.name
      if not seen[c] then seen[c] = true; keys[#keys + 1] = c end
    end
  end
  sort(keys)
  return keys
end

-- The figures of an incident: tolls, then each kind of weapon launched and destroyed.
local function figures_of(inc)
  local fields = { { name = "killed", label = "killed", toll = true, get = function(r) return r.killed, r.killed_approximate end },
                   { name = "wounded", label = "wounded", toll = true, get = function(r) return r.wounded, r.wounded_approximate end } }
  for _, c in ipairs(weapon_fields(inc)) do
    for _, what in ipairs({ "launched", "destroyed" }) do
      fields[#fields + 1] = { name = c .. " " .. what, label = c .. (what == "launched" and "s launched" or "s destroyed"), get = function(r)
        local n, q, approx
        for _, w in ipairs(r.weapons) do
          local v = what == "launched" and w.count or w.destroyed
          if (w.category or w.name) == c and v then n = (n or 0) + v; q = q or (what == "launched" and w.qualifier or nil); approx = approx or w.approximate end
        end
        return n, approx, q
      end }
    end
  end
  local out = {}
  for _, f in ipairs(fields) do
    local values = {}
    for i, r in ipairs(inc.reports) do
      local v, approx, q = f.get(r)
      if v then values[#values + 1] = { report = r, index = i, value = v, approximate = approx == true, qualifier = q } end
    end
    if #values > 0 then
      local status, value, why = reconcile(f, values)
      local plain = {}
      for k, v in ipairs(values) do plain[k] = { report = v.index, article = v.report.article, value = v.value, qualifier = v.qualifier, approximate = v.approximate } end
      out[#out + 1] = { name = f.name, label = f.label, status = status, value = value, why = why, values = plain }
    end
  end
  return out
end

local function window_label(inc, tz)
  local a, b = pause.format_time(inc.from, tz), pause.format_time(inc.to, tz)
  local day = a:sub(1, 10)
  if a:sub(12) == "18:00" and b:sub(12) == "09:00" and b:sub(1, 10) == pause.add_days(day, 1) then
    return format("night of %s/%s", day, b:sub(9, 10))
  elseif a:sub(12) == "00:00" and b:sub(12) == "00:00" and b:sub(1, 10) == pause.add_days(day, 1) then
    return day
  end
  return format("%s – %s", a, b)
end

-- Each local incident is part of the nationwide attack of its window, when one was reported:
-- nationwide incidents are indexed by UTC day, so linking stays linear.
local function link_parts(all)
  local national = {}
  for _, inc in ipairs(all) do
    if inc.level == M.NATIONAL then
      local day = inc.from // 1440
      national[day] = national[day] or {}
      table.insert(national[day], inc)
    end
  end
  for _, inc in ipairs(all) do
    if inc.level == M.LOCAL then
      local day = inc.from // 1440
      for shift = -2, 2 do
        for _, n in ipairs(national[day + shift] or {}) do
          if not inc.part_of and overlap(n.from, n.to, inc.from, inc.to) > 0 and (not n.side or not inc.side or n.side == inc.side) then
            inc.part_of = n.id
            n.parts[#n.parts + 1] = inc.id
          end
        end
      end
    end
  end
end

-- The log rows of an incident's window and whether each report's counts agree with them.
local function check_log(inc, log, tz)
  local checks, rows, seen = {}, {}, {}
  local index = {}
  for i, r in ipairs(inc.reports) do index[r] = i end
  for _, c in ipairs(pause.corroborate(inc.reports, log, { timezone = tz })) do
    checks[#checks + 1] = { report = index[c.item], article = c.item.article, weapon = c.weapon, claimed = c.claimed,
                            logged = c.logged, count = c.count, rule = c.rule, rows = c.rows }
    for _, n in ipairs(c.rows) do if not seen[n] then seen[n] = true; rows[#rows + 1] = n end end
  end
  if #rows == 0 then
    for _, row in ipairs(log) do
      if row.source == "log" and overlap(row.from, row.to, inc.from, inc.to) > 0 then
        local here = inc.level == M.NATIONAL
        for _, p in ipairs(row.places or {}) do if same_place(inc.place, p) then here = true end end
        if here and not seen[row.row] then seen[row.row] = true; rows[#rows + 1] = row.row end
      end
    end
  end
  sort(rows)
  for i, r in ipairs(inc.reports) do
    local verdict
    for _, c in ipairs(checks) do
      if c.report == i then
        if c.count == "differs" then verdict = "differs"
        elseif c.count == "not in log" and verdict ~= "differs" then verdict = "not in log"
        elseif not verdict then verdict = "agreed" end
      end
    end
    r.log_verdict = verdict or "no counts"
  end
  return { rows = rows, checks = checks }
end

--- Orders an incident list, names it and reconciles each incident's figures (and the log's rows).
function M.finish(all, tz, log)
  for _, inc in ipairs(all) do
    sort(inc.reports, function(x, y)
      if (x.order or 0) ~= (y.order or 0) then return (x.order or 0) < (y.order or 0) end
      if x.article ~= y.article then return x.article < y.article end
      return (x.sentence or 0) < (y.sentence or 0)
    end)
  end
  sort(all, function(x, y)
    if x.from ~= y.from then return x.from < y.from end
    if x.level ~= y.level then return x.level == M.NATIONAL end
    return (x.place and x.place.name or "") < (y.place and y.place.name or "")
  end)
  local out = workbench.list({})
  for i, inc in ipairs(all) do
    inc.id = format("I%d", i)
    inc.articles = nil
    local cats, specific = {}, false
    for c in pairs(inc.categories) do if c ~= "missile" and c:find("missile$") then specific = true end end
    for c in pairs(inc.categories) do if c ~= "missile" or not specific then cats[#cats + 1] = c end end
    sort(cats)
    inc.categories = cats
    inc.from_time, inc.to_time = pause.iso_time(inc.from, tz), pause.iso_time(inc.to, tz)
    inc.window = window_label(inc, tz)
    inc.where = inc.place and inc.place.name or (inc.level == M.NATIONAL and "nationwide" or "place not given")
    inc.label = format("%s, %s", inc.window, inc.where)
    inc.figures = figures_of(inc)
    inc.agreed, inc.differs, inc.updated = {}, {}, {}
    for _, f in ipairs(inc.figures) do
      local list = f.status == M.AGREED and inc.agreed or f.status == M.DIFFERS and inc.differs or f.status == M.UPDATED and inc.updated
      if list then list[#list + 1] = f.name end
    end
    local outlets, seen = {}, {}
    for _, r in ipairs(inc.reports) do
      local o = r.outlet or r.article
      if not seen[o] then seen[o] = true; outlets[#outlets + 1] = o end
    end
    inc.outlets = outlets
    if log then inc.log = check_log(inc, log, tz) end
    out[i] = inc
  end
  link_parts(all)
  return out
end


return M
