-- workbench.positions — who said what about each pause, across articles.
--
-- Commitments about the same pause (the same parties, overlapping scope and window, or the same
-- named truce: "the Easter truce", "a 30-day ceasefire") are grouped; each group lists every
-- statement in time order with the side that made it (proposed by, claimed agreed by, confirmed or
-- denied by), and flags where sides contradict each other about one party's pause: one side says the
-- party agreed, the party rejects it (a contradiction) or does not confirm it (unconfirmed).
--
-- Statements are plain tables, so a sharded run can keep them in a named tally.

local M = {}

local pause = require("workbench.pause")
local argcheck = pause._argcheck
local published_at = require("workbench.incident_figures")._published_at
local workbench = workbench
local lexicon = workbench.lexicon
local format, concat, sort = string.format, table.concat, table.sort

M.CONTRADICTION, M.UNCONFIRMED = "contradiction", "unconfirmed"

-- Statuses that say a party holds to the pause, and those that say it does not (or not yet).
local POSITIVE = { ["claimed agreed"] = true, confirmed = true, declared = true }
local NEGATIVE = { rejected = M.CONTRADICTION, denied = M.CONTRADICTION, ["not confirmed"] = M.UNCONFIRMED }

-- Days between reports of one pause when neither gives a window: talk of a truce moves on quickly.
local NEARBY_DAYS = 14

local Position = {}
Position.__index = Position
Position.__name = "Position"
M.Position = Position

function Position:__tostring()
  return format("%s: %d statement%s", self.name, #self.statements, #self.statements == 1 and "" or "s")
end

-- The side a speaker or party belongs to: a country, or a person's or body's affiliation; each name
-- is looked up once (false marks a name the lexicon does not know).
local sides = {}
local function side_of(name)
  if not name then return nil end
  local side = sides[name]
  if side == nil then
    local p = lexicon.lookup("parties", name)
    side = p and (p.kind == "country" and p.name or p.affiliation or p.name) or false
    sides[name] = side
  end
  return side or nil
end
M.side_of = side_of

-- What a commitment pauses, from the pause_terms lexicon: a corridor (a local pause for evacuations)
-- is not the ceasefire talked about beside it; and how many days it lasts ("a 30-day ceasefire").
local function kind_and_days(c)
  local action = c.action or ""
  local term = lexicon.lookup("pause_terms", action)
  local kind = term and term.kind == "corridor" and "corridor" or "pause"
  local w = c.window or {}
  local days = w.days or tonumber(action:match("(%d+)%-day"))
  if not days and w.start and w["end"] then
    days = math.floor((pause.parse_time(w["end"], "UTC") - pause.parse_time(w.start, "UTC")) / 1440) + 1
  end
  return kind, days
end

-- What a pause spares, as target types and place names: two pauses with nothing in common differ.
local function scope_list(c)
  local out = {}
  for _, t in ipairs(c.scope_types or {}) do out[#out + 1] = t end
  for _, p in ipairs(c.scope_places or {}) do out[#out + 1] = pause.place(p).name end
  return out
end

local function copy(list)
  local out = {}
  for i, v in ipairs(list or {}) do out[i] = v end
  return out
end

--- The statements about pauses in an article or a list of articles: one per commitment, with its
-- claims, as plain tables for `group`. Options: timezone (default Europe/Kyiv).
function M.statements(source, opts)
  argcheck(1, "statements", source, "table")
  opts = opts or {}
  local tz = opts.timezone or "Europe/Kyiv"
  local list = (source.commitments and source.quotes) and { source } or source
  local out = workbench.list({})
  for _, a in ipairs(list) do
    local order, timed = published_at(a, tz)
    for _, c in ipairs(a.commitments or {}) do
      local kind, days = kind_and_days(c)
      local claims = {}
      for _, cl in ipairs(c.claims or {}) do
        claims[#claims + 1] = { by = cl.by, side = side_of(cl.by), status = cl.status, text = cl.text, cite = workbench.cite(cl, 80) }
      end
      if #claims == 0 then
        local by = c.status == "requested" and c.requested_by or c.party
        claims[1] = { by = by, side = side_of(by), status = c.status, text = c.text, cite = workbench.cite(c, 80) }
      end
      out[#out + 1] = {
        article = a.id, outlet = a.source, url = a.url, article_date = a.date, published = a.published,
        order = order, timed = timed == true,
        party = c.party, counterparty = c.counterparty, requested_by = c.requested_by, action = c.action,
        scope = c.scope, scope_types = copy(c.scope_types), scope_places = copy(c.scope_places),
        window = { start = c.window.start, ["end"] = c.window["end"], days = c.window.days, text = c.window.text },
        scope_list = scope_list(c), status = c.status, reciprocal = c.reciprocal, condition = c.condition, kind = kind, days = days,
        claims = claims, text = c.text, cite = workbench.cite(c, 80),
      }
    end
  end
  return out
end

---------------------------------------------------------------------------------------------
-- Grouping
---------------------------------------------------------------------------------------------

local function pair(s)
  local a, b = side_of(s.party) or s.party, side_of(s.counterparty) or s.counterparty
  return a, b
end

local function same_parties(g, s)
  local a, b = pair(s)
  if not a then return true end -- a call for a ceasefire between sides it does not name
  if not g.party then return true end
  if b and g.counterparty then
    return (a == g.party and b == g.counterparty) or (a == g.counterparty and b == g.party)
  end
  return a == g.party or a == g.counterparty
end

local function disjoint(x, y)
  if #x == 0 or #y == 0 then return false end
  for _, a in ipairs(x) do for _, b in ipairs(y) do if a == b then return false end end end
  return true
end

local function day_number(iso) return iso and math.floor(pause.parse_time(iso, "UTC") / 1440) or nil end

-- The days a statement is about: from when it was said or its window opens to when its window
-- closes or it was said; the window alone when it gives both ends.
local function extent(s)
  local said = day_number(s.article_date)
  local w = s.window
  local a, b = w.start and day_number(w.start), w["end"] and day_number(w["end"])
  if a and not b and w.days then b = a + w.days - 1 end
  local lo, hi = a or said, b or said
  if lo and said and not a then lo = math.min(lo, said) end
  if hi and said and not b then hi = math.max(hi, said) end
  if lo and hi and lo > hi then lo, hi = hi, lo end
  return lo, hi, a ~= nil and b ~= nil
end

local function compatible(g, s)
  if g.kind ~= s.kind or not same_parties(g, s) then return false end
  if g.days and s.days and math.abs(g.days - s.days) > 2 and math.max(g.days, s.days) > 1.5 * math.min(g.days, s.days) then return false end
  if disjoint(g.scope, s.scope_list) then return false end
  local lo, hi, closed = extent(s)
  if not lo or not g.lo then return lo == g.lo end
  -- two windows given in full must overlap; otherwise the talk must be close in time
  if closed and g.closed then return lo <= g.window_to and g.window_from <= hi end
  return lo <= g.hi + NEARBY_DAYS and g.lo - NEARBY_DAYS <= hi
end

local function join(g, s)
  g.members[#g.members + 1] = s
  g.kind = s.kind
  local a, b = pair(s)
  if a and not g.party then g.party, g.counterparty = a, b elseif b and not g.counterparty and a == g.party then g.counterparty = b end
  g.days = g.days or s.days
  if #g.scope_types == 0 then g.scope_types = copy(s.scope_types) end
  if #g.scope == 0 then g.scope = copy(s.scope_list) end
  local lo, hi, closed = extent(s)
  if lo then
    g.lo, g.hi = math.min(g.lo or lo, lo), math.max(g.hi or hi, hi)
    if closed then
      g.window_from, g.window_to = math.max(g.window_from or lo, lo), math.min(g.window_to or hi, hi)
      g.closed = true
    end
  end
  if s.window.start or s.window["end"] then
    g.start = g.start or s.window.start
    g["end"] = g["end"] or s.window["end"]
  end
end

local function by_order(x, y)
  if (x.order or 0) ~= (y.order or 0) then return (x.order or 0) < (y.order or 0) end
  return x.article < y.article
end

-- Statements in one group by different sides that cannot both be true about one party's pause.
local function contradictions(statements)
  local out = {}
  for i, x in ipairs(statements) do
    for j = i + 1, #statements do
      local y = statements[j]
      local pos, neg = x, y
      if NEGATIVE[x.status] then pos, neg = y, x end
      local kind = NEGATIVE[neg.status]
      if kind and POSITIVE[pos.status] and pos.party and neg.party == pos.party and pos.side and neg.side and pos.side ~= neg.side then
        out[#out + 1] = { kind = kind, positive = pos, negative = neg,
          text = format("%s says %s %s; %s: %s", pos.by or pos.side, pos.party, pos.status == "confirmed" and "confirmed" or "agreed",
                        neg.by or neg.side, neg.status) }
      end
    end
  end
  return out
end

local function describe(g)
  local what = g.members[1].action or "pause"
  for _, m in ipairs(g.members) do
    if m.days or m.window.start then what = m.action or what; break end
  end
  local who = g.party and (g.counterparty and (g.party .. " and " .. g.counterparty) or g.party) or "sides not named"
  return format("%s (%s)", what, who)
end

--- Groups statements (from `statements`, possibly from several shards) into the pauses they are
-- about. Returns a List of positions: name, party, counterparty, window, statements (time order:
-- date, outlet, by, side, status, text, cite), sides ({side, statuses, latest}) and contradictions.
function M.group(statements, opts)
  argcheck(1, "group", statements, "table")
  local sorted = copy(statements)
  sort(sorted, by_order)
  local groups = {}
  for _, s in ipairs(sorted) do
    local found
    for k = #groups, 1, -1 do
      if compatible(groups[k], s) then found = groups[k]; break end
    end
    if not found then
      found = { members = {}, scope_types = {}, scope = {}, kind = s.kind }
      groups[#groups + 1] = found
    end
    join(found, s)
  end
  local out = workbench.list({})
  for i, g in ipairs(groups) do
    local list = {}
    for _, m in ipairs(g.members) do
      for _, cl in ipairs(m.claims) do
        list[#list + 1] = { article = m.article, outlet = m.outlet, date = m.article_date, order = m.order, timed = m.timed,
          party = m.party and (side_of(m.party) or m.party), by = cl.by, side = cl.side, status = cl.status,
          text = cl.text, cite = cl.cite, action = m.action }
      end
    end
    local sides, order = {}, {}
    for _, st in ipairs(list) do
      local key = st.side or "unattributed"
      if not sides[key] then sides[key] = { side = key, statuses = {} }; order[#order + 1] = sides[key] end
      local e = sides[key]
      e.statuses[#e.statuses + 1] = st.status
      e.latest = st.status
    end
    out[i] = setmetatable({ id = format("P%d", i), name = describe(g), party = g.party, counterparty = g.counterparty,
      kind = g.kind, window = { start = g.start, ["end"] = g["end"] }, scope_types = g.scope_types, days = g.days,
      statements = list, sides = order, contradictions = contradictions(list), articles = #g.members }, Position)
  end
  return out
end

--- The pause positions of articles (or of statements already gathered).
function M.of(source, opts)
  argcheck(1, "of", source, "table")
  local statements = source
  if source.commitments and source.quotes or (source[1] and source[1].commitments) then statements = M.statements(source, opts) end
  return M.group(statements, opts)
end

return M
