-- workbench.pause.check — checking a pause day by day against the evidence.
-- Part of workbench.pause (require("workbench.pause") gives every function of its modules).
local M = setmetatable({}, { __index = require("workbench.pause.evidence") })

local workbench = workbench
local format, concat, sort = string.format, table.concat, table.sort

local argcheck = M._argcheck
M.VIOLATION = "violation"
M.NONE = "no violation reported"
M.OUTSIDE = "outside scope"
M.UNCLEAR = "unclear"
--- Verdicts from the most to the least serious; a day takes the most serious of its evidence.
M.verdicts = { M.VIOLATION, M.UNCLEAR, M.NONE, M.OUTSIDE }
local rank = {}
for i, v in ipairs(M.verdicts) do rank[v] = i end
M._rank = rank
local lexicon = workbench.lexicon
local add_days = M._add_days
local day_start = M._day_start
local place_of = M._place_of
local place_relation = M._place_relation
local region_city = M._region_city

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

return M
