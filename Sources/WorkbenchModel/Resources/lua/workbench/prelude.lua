-- The Lua side of the workbench API: lists with methods, readable model objects, citations,
-- pretty printing. Loaded once per Lua state before any script; `workbench` is already a table
-- holding the Swift functions (parse, load, each, …) when this runs.
local workbench = ...

local type, pairs, ipairs, tostring, select, error = type, pairs, ipairs, tostring, select, error
local format, rep, concat, sort = string.format, string.rep, table.concat, table.sort

-- Checks an argument's type and raises Lua's usual "bad argument" error.
local function check(n, name, value, expected)
  local t = type(value)
  if t ~= expected and not (expected == "callable" and (t == "function" or (t == "table" and getmetatable(value) and getmetatable(value).__call))) then
    error(format("bad argument #%d to '%s' (%s expected, got %s)", n, name, expected == "callable" and "function" or expected,
      value == nil and "no value" or t), 3)
  end
end

---------------------------------------------------------------------------------------------
-- List: every list in the model (a.quotes, workbench.articles …) and anything built from one.
---------------------------------------------------------------------------------------------
local List = {}
List.__index = List
List.__name = "List"
debug.getregistry()["workbench.List"] = List

--- Makes a plain table a List (in place) and returns it.
function workbench.list(t)
  if t ~= nil then check(1, "list", t, "table") end
  return setmetatable(t or {}, List)
end

-- A field getter: a function is used as is, a string picks that field.
local function getter(f, fname, n)
  if type(f) == "string" then return function(x) return x[f] end end
  check(n or 1, fname, f, "callable")
  return f
end

--- The items for which `pred(item)` is true (or whose field `pred` is truthy).
function List:filter(pred)
  local get = getter(pred, "filter")
  local out = setmetatable({}, List)
  for _, x in ipairs(self) do if get(x) then out[#out + 1] = x end end
  return out
end

--- A new list of `f(item)` for each item (or each item's field `f`).
function List:map(f)
  local get = getter(f, "map")
  local out = setmetatable({}, List)
  for i, x in ipairs(self) do out[#out + 1] = get(x, i) end
  return out
end

--- The first item for which `pred(item)` is true, and its index.
function List:find(pred)
  local get = getter(pred, "find")
  for i, x in ipairs(self) do if get(x) then return x, i end end
  return nil
end

--- Whether the list holds `value`.
function List:includes(value)
  for _, x in ipairs(self) do if x == value then return true end end
  return false
end

--- Calls `f(item, index)` for each item; returns the list.
function List:each(f)
  check(1, "each", f, "callable")
  for i, x in ipairs(self) do f(x, i) end
  return self
end

--- A table counting items by key: `key` is a field name or a function; nil keys count as "(none)".
function List:count_by(key)
  if key == nil then error("bad argument #1 to 'count_by' (string or function expected, got no value)", 2) end
  local get = getter(key, "count_by")
  local counts = {}
  for _, x in ipairs(self) do
    local k = get(x)
    if k == nil or k == false then k = "(none)" end
    counts[k] = (counts[k] or 0) + 1
  end
  return counts
end

--- A table of Lists grouping items by key.
function List:group_by(key)
  if key == nil then error("bad argument #1 to 'group_by' (string or function expected, got no value)", 2) end
  local get = getter(key, "group_by")
  local groups = {}
  for _, x in ipairs(self) do
    local k = get(x)
    if k == nil then k = "(none)" end
    local g = groups[k]
    if not g then g = setmetatable({}, List); groups[k] = g end
    g[#g + 1] = x
  end
  return groups
end

--- The sum of a numeric field (or of `f(item)`), skipping nils.
function List:sum(f)
  local get = f and getter(f, "sum") or function(x) return x end
  local total = 0
  for _, x in ipairs(self) do
    local v = get(x)
    if type(v) == "number" then total = total + v end
  end
  return total
end

--- A sorted copy, by a field or key function (`descending` = true for largest first).
function List:sort_by(key, descending)
  local get = getter(key, "sort_by")
  local out = setmetatable({}, List)
  for i, x in ipairs(self) do out[i] = x end
  sort(out, function(a, b)
    local ka, kb = get(a), get(b)
    if ka == nil then return false elseif kb == nil then return true end
    if descending then return ka > kb end
    return ka < kb
  end)
  return out
end

--- The first `n` items.
function List:take(n)
  local out = setmetatable({}, List)
  for i = 1, math.min(n, #self) do out[i] = self[i] end
  return out
end

--- Appends the items of other lists; returns a new list.
function List:concat(...)
  local out = setmetatable({}, List)
  for _, x in ipairs(self) do out[#out + 1] = x end
  for i = 1, select("#", ...) do
    for _, x in ipairs((select(i, ...))) do out[#out + 1] = x end
  end
  return out
end

--- Number of items (same as #list).
function List:count() return #self end

--- Items as "key, count" pairs sorted by count (for count_by results): {{key=…, count=…}, …}.
function workbench.ranked(counts, n)
  check(1, "ranked", counts, "table")
  local out = setmetatable({}, List)
  for k, v in pairs(counts) do out[#out + 1] = { key = k, count = v } end
  sort(out, function(a, b) if a.count ~= b.count then return a.count > b.count end return tostring(a.key) < tostring(b.key) end)
  if n then out = out:take(n) end
  return out
end

List.__tostring = function(self) return format("List(%d)", #self) end

---------------------------------------------------------------------------------------------
-- Tally: mergeable counters. Named tallies (workbench.tally("speakers")) are what a sharded run
-- (--shard k/n --out part.json) saves and `workbench merge` adds up before finish() runs.
---------------------------------------------------------------------------------------------
local Tally = {}
Tally.__index = Tally
Tally.__name = "Tally"
workbench._tallies = {}

--- A tally: counts per key, sums per key, and lists per key. With a name it is saved by sharded runs.
function workbench.tally(name)
  if name ~= nil then
    check(1, "tally", name, "string")
    local existing = workbench._tallies[name]
    if existing then return existing end
  end
  local t = setmetatable({ name = name, counts = {}, sums = {}, lists = {} }, Tally)
  if name then workbench._tallies[name] = t end
  return t
end

local function key_of(k, fname)
  local tk = type(k)
  if tk == "string" then return k end
  if tk == "number" or tk == "boolean" then return tostring(k) end
  if k == nil then return "(none)" end
  error(format("bad argument #1 to '%s' (string expected, got %s)", fname, tk), 3)
end

--- Adds n (default 1) to the count of key.
function Tally:add(key, n)
  key = key_of(key, "add")
  if n ~= nil and type(n) ~= "number" then error(format("bad argument #2 to 'add' (number expected, got %s)", type(n)), 2) end
  self.counts[key] = (self.counts[key] or 0) + (n or 1)
  return self
end

--- Adds every count of a {key = n} table (e.g. a list's count_by result).
function Tally:add_counts(counts)
  check(1, "add_counts", counts, "table")
  for k, n in pairs(counts) do self:add(k, n) end
  return self
end

--- Adds value to the sum kept for key.
function Tally:sum(key, value)
  key = key_of(key, "sum")
  if type(value) ~= "number" then error(format("bad argument #2 to 'sum' (number expected, got %s)", type(value)), 2) end
  self.sums[key] = (self.sums[key] or 0) + value
  return self
end

--- Appends a value (string, number, boolean or a table of those) to the list kept for key.
function Tally:push(key, value)
  key = key_of(key, "push")
  local l = self.lists[key]
  if not l then l = {}; self.lists[key] = l end
  l[#l + 1] = value
  return self
end

--- The count of key (0 when never added).
function Tally:count(key) return self.counts[key_of(key, "count")] or 0 end

--- The total of all counts.
function Tally:total()
  local n = 0
  for _, v in pairs(self.counts) do n = n + v end
  return n
end

--- The n largest counts as rows {key = …, count = …} (ties by key), as a List.
function Tally:top(n)
  return workbench.ranked(self.counts, n)
end

--- Adds another tally (or its saved table) into this one.
function Tally:merge(other)
  check(1, "merge", other, "table")
  for k, v in pairs(other.counts or {}) do self.counts[k] = (self.counts[k] or 0) + v end
  for k, v in pairs(other.sums or {}) do self.sums[k] = (self.sums[k] or 0) + v end
  for k, l in pairs(other.lists or {}) do
    local mine = self.lists[k]
    if not mine then mine = {}; self.lists[k] = mine end
    for _, v in ipairs(l) do mine[#mine + 1] = v end
  end
  return self
end

--- A plain table of the tally, for JSON.
function Tally:to_table()
  return { name = self.name, counts = self.counts, sums = self.sums, lists = self.lists }
end

Tally.__tostring = function(t)
  local keys = 0
  for _ in pairs(t.counts) do keys = keys + 1 end
  return format("Tally%s: %d keys, total %s", t.name and (" " .. t.name) or "", keys, tostring(t:total()))
end
workbench.Tally = Tally

--- Every entry of a lexicon list ("weapons", "places", "parties", "targets") named in text, as a List.
function workbench.lexicon.find_all(list, text)
  return workbench.list(workbench.lexicon._find_all(list, text))
end

-- require("workbench.csv") and friends give the same tables as workbench.csv
package.loaded["workbench.csv"] = workbench.csv
package.loaded["workbench.json"] = workbench.json
package.loaded["workbench.lexicon"] = workbench.lexicon

--- The articles of a large corpus as a list read as used: `articles[i]`, `#articles`, `ipairs` and the
-- List methods work; each article is parsed when first touched and forgotten when no longer used.
function workbench._lazy_articles(get, len)
  local held = setmetatable({}, { __mode = "v" })
  return setmetatable({}, {
    __name = "List",
    __index = function(_, k)
      if math.type(k) == "integer" then
        local a = held[k]
        if a == nil then
          a = get(k)
          if a ~= nil then held[k] = a end
        end
        return a
      end
      return List[k]
    end,
    __len = function() return len() end,
    __newindex = function() error("workbench.articles is read-only for a large corpus (copy what you need into a table)", 2) end,
    __tostring = function() return format("List(%d articles, parsed as used)", len()) end,
  })
end

--- The named tallies as plain tables (name → {counts, sums, lists}), for a sharded run to save.
function workbench._saved_tallies()
  local out = {}
  for name, t in pairs(workbench._tallies) do out[name] = t:to_table() end
  return out
end

--- Adds saved tallies (from _saved_tallies) into the named tallies, creating those the script has not.
function workbench._merge_tallies(saved)
  for name, t in pairs(saved) do workbench.tally(name):merge(t) end
end

---------------------------------------------------------------------------------------------
-- Model objects: readable tostring, computed fields, citations.
---------------------------------------------------------------------------------------------
-- Each item remembers its article (weak keys, so articles can be collected).
local owner = setmetatable({}, { __mode = "k" })

local function shorten(s, n)
  if s == nil then return "" end
  if #s <= n then return s end
  local cut = s:sub(1, n)
  -- don't cut inside a UTF-8 sequence
  while #cut > 0 and (cut:byte(#cut) or 0) >= 0x80 and (cut:byte(#cut) or 0) < 0xC0 do cut = cut:sub(1, -2) end
  if #cut > 0 and (cut:byte(#cut) or 0) >= 0xC0 then cut = cut:sub(1, -2) end
  return cut .. "…"
end
workbench.shorten = shorten

local types = {}

-- Edit distance between two short names (for "did you mean").
local function distance(a, b)
  if #a > 40 or #b > 40 then return math.huge end
  local prev = {}
  for j = 0, #b do prev[j] = j end
  for i = 1, #a do
    local cur = { [0] = i }
    for j = 1, #b do
      local cost = a:byte(i) == b:byte(j) and 0 or 1
      cur[j] = math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
    end
    prev = cur
  end
  return prev[#b]
end

--- The closest of `names` to `word`, when it is close enough to be a typo (nil otherwise).
function workbench._closest(word, names)
  local best, bestd = nil, math.huge
  for _, n in ipairs(names) do
    local d = distance(word, n)
    if d < bestd or (d == bestd and best and n < best) then best, bestd = n, d end
  end
  if best and (bestd <= 2 and bestd < #word or best:sub(1, #word) == word and #word >= 3) then return best end
  return nil
end

--- Makes `args` strict: a declared argument that was not given reads as nil, any other name is an
-- error naming the closest declared argument.
function workbench._strict_args(t, names)
  local declared = {}
  for _, n in ipairs(names) do declared[n] = true end
  return setmetatable(t, { __index = function(_, k)
    if type(k) ~= "string" or declared[k] then return nil end
    local near = workbench._closest(k, names)
    error(format("args has no field '%s'%s", k,
      near and format(" (did you mean '%s'?)", near) or (#names == 0 and " (the script's header declares no arguments)" or "")), 2)
  end })
end

-- The field names a model type documents (nil for a type the registry does not know).
local known_fields = {}
local function fields_of(name)
  local known = known_fields[name]
  if known == nil then
    local info = workbench._types and workbench._types[name]
    if not info then return nil end
    known = {}
    for _, f in ipairs(info.fields) do known[f.name] = true end
    known_fields[name] = known
  end
  return known
end

-- Model objects are strict: a documented field that is absent reads as nil, any other name is an error
-- naming the type and the closest field, so a typo cannot make every value silently nil.
local function no_such_field(name, k, methods)
  local names = {}
  for f in pairs(fields_of(name)) do names[#names + 1] = f end
  for m in pairs(methods) do names[#names + 1] = m end
  local near = workbench._closest(k, names)
  error(format("%s has no field '%s'%s", name, k, near and format(" (did you mean '%s'?)", near) or ""), 3)
end

local function modeltype(name, tostr, extra)
  local mt = { __name = name }
  local methods = extra or {}
  mt.__index = function(t, k)
    local m = methods[k]
    if m ~= nil then
      if type(m) == "table" and m.computed then return m.computed(t) end
      return m
    end
    if type(k) ~= "string" then return nil end
    local known = fields_of(name)
    if known == nil or known[k] then return nil end
    no_such_field(name, k, methods)
  end
  mt.__tostring = tostr
  debug.getregistry()["workbench." .. name] = mt
  types[name] = mt
  return methods
end

local function computed(f) return { computed = f } end

-- The ¶ number of a paragraph index (body paragraphs counted from 1; the headline is ¶0).
local function paragraph_number(article, pindex)
  local n = 0
  for i, p in ipairs(article.paragraphs) do
    if p.kind == "body" then n = n + 1 end
    if i == pindex then return p.kind == "headline" and 0 or n end
  end
  return pindex
end


--- Incidents: strike events from different articles grouped by the attack they report (see
-- require("workbench.incidents")); log is an attack log (a CSV path or pause.read_log evidence).
function workbench.incidents(articles, log, opts)
  if type(articles) ~= "table" then error(format("bad argument #1 to 'incidents' (table expected, got %s)", type(articles)), 2) end
  return require("workbench.incidents").of(articles, log, opts)
end

--- A citation for any model item: "article-id ¶4 “If Russia does not…”".
function workbench.cite(item, width)
  if type(item) ~= "table" then error(format("bad argument #1 to 'cite' (model item expected, got %s)", type(item)), 2) end
  local a = owner[item]
  if not a then
    if getmetatable(item) == types.Article then return item.id end
    return tostring(item)
  end
  -- not every kind has a sentence or a text of its own (a Party has neither): read them raw
  local si = rawget(item, "sentence")
  local s = si and a.sentences[si]
  local where = s and ("¶" .. paragraph_number(a, s.paragraph)) or ""
  local quoted = rawget(item, "text") or (s and s.text) or ""
  return format("%s %s “%s”", a.id, where, shorten(quoted, width or 60))
end

local function sentence_text(t)
  local a = owner[t]
  local si = rawget(t, "sentence")
  local s = a and si and a.sentences[si]
  return s and s.text or nil
end

local item_methods = {
  article = computed(function(t) return owner[t] end),
  sentence_text = computed(sentence_text),
  cite = function(t, width) return workbench.cite(t, width) end,
}
local function with_items(extra)
  local m = {}
  for k, v in pairs(item_methods) do m[k] = v end
  for k, v in pairs(extra or {}) do m[k] = v end
  return m
end

modeltype("Quote", function(q)
  return format("%s: “%s”", q.speaker or (q.speaker_mention and q.speaker_mention.text) or "(unattributed)", shorten(q.text, 60))
end, with_items())

modeltype("Figure", function(f)
  local v = f.value
  local vs = v == nil and "?" or (math.type(v) == "integer" and tostring(v) or format("%g", v))
  if f.value_max then vs = vs .. "–" .. format("%g", f.value_max) end
  local what = f.unit or f.counted or f.kind
  return format("%s%s %s (%s)", f.approximate and "~" or "", vs, what, f.text)
end, with_items())

modeltype("DateMention", function(d)
  local v = d.value or "?"
  if d.end_value then v = v .. "/" .. d.end_value end
  return format("%s = %s", d.text, v)
end, with_items())

modeltype("Party", function(p)
  local extra = {}
  if p.role then extra[#extra + 1] = p.role end
  if p.affiliation then extra[#extra + 1] = p.affiliation end
  return format("%s [%s%s] ×%d", p.name, p.kind, #extra > 0 and (", " .. concat(extra, ", ")) or "", #(p.mentions or {}))
end, with_items())

modeltype("Weapon", function(w)
  return format("%s×%s", w.name, w.count or "?")
end)

modeltype("StrikeEvent", function(e)
  local ws = {}
  for _, w in ipairs(e.weapons or {}) do ws[#ws + 1] = tostring(w) end
  return format("%s by %s on %s%s%s (%s)", e.kind, e.actor or "?", e.target or e.target_type,
    e.place and (" in " .. e.place) or "", #ws > 0 and (" with " .. concat(ws, ", ")) or "", e.when or "date unknown")
end, with_items())

modeltype("Commitment", function(c)
  local scope = c.scope or "?"
  return format("%s: %s holds fire on %s (%s)%s", c.status, c.party or "?", scope,
    (c.window and (c.window.start or c.window["end"])) and ((c.window.start or "…") .. " to " .. (c.window["end"] or "…")) or "no window",
    c.condition and (", " .. c.condition) or "")
end, with_items())

modeltype("Claim", function(c) return format("%s: %s", c.by or "?", c.status) end, with_items())
modeltype("Window", function(w) return format("%s to %s", w.start or "…", w["end"] or "…") end)
modeltype("Sentence", function(s) return format("“%s”", shorten(s.text, 70)) end, with_items({
  cite = function(t, width) return workbench.cite(t, width) end,
}))
modeltype("Paragraph", function(p) return format("[%s] %s", p.kind, shorten(p.text, 70)) end)
modeltype("Mention", function(m) return m.text end)
modeltype("Warning", function(w) return format("%d:%d: %s", w.line, w.column, w.message) end)
modeltype("Article", function(a)
  return format("%s: %s (%s, %d quotes, %d figures, %d events)", a.id, shorten(a.title or "(no title)", 60), a.date or "no date",
    #a.quotes, #a.figures, #a.events)
end, {
  cite = function(t) return t.id end,
})

--- Links every item of an article back to it (for cite, sentence_text, article). Called for each article pushed.
function workbench._attach(a)
  for _, key in ipairs({ "quotes", "figures", "dates", "parties", "events", "commitments", "sentences" }) do
    local list = a[key]
    if list then
      for _, x in ipairs(list) do owner[x] = a end
    end
  end
  for _, c in ipairs(a.commitments) do
    for _, cl in ipairs(c.claims) do owner[cl] = a end
  end
  return a
end

---------------------------------------------------------------------------------------------
-- inspect: pretty printing like vim.inspect.
---------------------------------------------------------------------------------------------
local keywords = {}
for w in ("and break do else elseif end false for function goto if in local nil not or repeat return then true until while"):gmatch("%a+") do
  keywords[w] = true
end

local function is_identifier(k)
  return type(k) == "string" and k:match("^[%a_][%w_]*$") ~= nil and not keywords[k]
end

local function sort_keys(a, b)
  local ta, tb = type(a), type(b)
  if ta == tb and (ta == "string" or ta == "number") then return a < b end
  if ta == "number" then return true end
  if tb == "number" then return false end
  return tostring(a) < tostring(b)
end

--- A readable rendering of any value: sorted keys, depth limit, cycles marked, long lists truncated.
function workbench.inspect(value, opts)
  opts = opts or {}
  local depth_limit = opts.depth or 3
  local max_items = opts.max_items or 20
  local indent_unit = opts.indent or "  "
  local newline = opts.newline or "\n"
  local seen = {}
  local out = {}
  local function put(s) out[#out + 1] = s end

  local function render(v, depth)
    local t = type(v)
    if t == "string" then
      put(format("%q", v):gsub("\\\n", "\\n"))
    elseif t ~= "table" then
      put(tostring(v))
    else
      local mt = getmetatable(v)
      if seen[v] then put("<cycle>"); return end
      if mt and mt.__tostring and mt ~= List and depth > 0 then put(tostring(v)); return end
      if depth >= depth_limit then put(mt == List and format("<List of %d>", #v) or "{...}"); return end
      seen[v] = true
      local n = #v
      local keys = {}
      for k in pairs(v) do
        if not (math.type(k) == "integer" and k >= 1 and k <= n) then keys[#keys + 1] = k end
      end
      sort(keys, sort_keys)
      if n == 0 and #keys == 0 then put("{}"); seen[v] = nil; return end
      local pad = rep(indent_unit, depth + 1)
      put("{")
      local shown = 0
      for i = 1, n do
        if shown >= max_items then put(newline .. pad .. format("… (%d more)", n - shown)); break end
        put(newline .. pad); render(v[i], depth + 1); put(",")
        shown = shown + 1
      end
      for _, k in ipairs(keys) do
        put(newline .. pad)
        if is_identifier(k) then put(k) else put("["); render(k, depth + 1); put("]") end
        put(" = "); render(v[k], depth + 1); put(",")
      end
      put(newline .. rep(indent_unit, depth) .. "}")
      seen[v] = nil
    end
  end
  render(value, 0)
  return concat(out)
end

-- The API registry (workbench/api.lua) with each entry's function found, read once when help is asked.
local api_index
local function api()
  if api_index then return api_index end
  api_index = { by_function = {}, by_name = {}, modules = {}, module_of = {} }
  local ok, reg = pcall(require, "workbench.api")
  if not ok then return api_index end
  local roots = { workbench = workbench, List = List, Tally = Tally }
  local function module_table(name)
    if roots[name] then return roots[name] end
    local loaded, m = pcall(require, "workbench." .. name)
    return loaded and m or nil
  end
  for _, m in ipairs(reg.modules) do
    api_index.modules[#api_index.modules + 1] = { name = m[1], summary = m[2], functions = {} }
    local t = m[1]:match("^workbench%.") and workbench[m[1]:sub(11)] or module_table(m[1])
    if t then api_index.module_of[t] = api_index.modules[#api_index.modules] end
  end
  for _, e in ipairs(reg.functions) do
    local entry = { name = e[1], params = e[2], results = e[3], summary = e[4], example = e[5] }
    api_index.by_name[e[1]] = entry
    local head, rest = e[1]:match("^([%w_]+)[.:](.+)$")
    local t = head and module_table(head)
    for part in (rest or ""):gmatch("[^.]+") do
      if type(t) ~= "table" then break end
      local nxt = rawget(t, part)
      if nxt == nil and getmetatable(t) == nil then nxt = t[part] end
      t = nxt
    end
    if type(t) == "function" then api_index.by_function[t] = entry end
    for _, m in ipairs(api_index.modules) do
      local prefix = m.name .. (m.name:match("^%u") and ":" or ".")
      if e[1]:sub(1, #prefix) == prefix and not e[1]:sub(#prefix + 1):find("[.:]") then m.functions[#m.functions + 1] = entry end
    end
  end
  return api_index
end

local function describe_function(e)
  local results = e.results ~= "" and (" → " .. e.results) or ""
  return format("%s(%s)%s\n  %s\n  example: %s", e.name, e.params, results, e.summary, e.example)
end

local function describe_module(m)
  local lines = { format("%s — %s", m.name, m.summary) }
  for _, e in ipairs(m.functions) do lines[#lines + 1] = format("  %s(%s)\n      %s", e.name, e.params, e.summary) end
  return concat(lines, "\n")
end

--- Explains a model object, a model type name, a function of the API, or a module.
function workbench.describe(x)
  local reg = workbench._types
  local name
  if type(x) == "string" then
    name = x
    if not reg[name] then
      local index = api()
      if index.by_name[name] then return describe_function(index.by_name[name]) end
      for _, m in ipairs(index.modules) do if m.name == name then return describe_module(m) end end
    end
  elseif type(x) == "table" then
    local mt = getmetatable(x)
    name = mt and mt.__name
    if mt == List then
      local first = x[1]
      local inner = first and getmetatable(first) and getmetatable(first).__name
      return format("List of %d%s. Methods: filter, map, find, includes, each, count_by, group_by, sum, sort_by, take, concat, count (help(\"List\") describes them).",
        #x, inner and (" " .. inner .. "s (help(list[1]) describes them)") or "")
    end
    local m = api().module_of[x]
    if m then return describe_module(m) end
  elseif type(x) == "function" then
    local e = api().by_function[x]
    return e and describe_function(e) or "a function (not part of the workbench API; see workbench docs lua)"
  end
  local info = name and reg[name]
  if not info then
    if type(x) == "table" then
      local keys = {}
      for k in pairs(x) do keys[#keys + 1] = tostring(k) end
      sort(keys)
      return "a table with fields: " .. concat(keys, ", ")
    end
    if type(x) == "string" then return format("no model type, function or module is called '%s' (see workbench docs lua)", x) end
    return "a " .. type(x) .. " value"
  end
  local lines = { format("%s — %s", info.name, info.summary) }
  for _, f in ipairs(info.fields) do
    lines[#lines + 1] = format("  %-16s %-14s %s", f.name, f.type, f.doc)
  end
  local methods = { Quote = true, Figure = true, DateMention = true, Party = true, StrikeEvent = true, Commitment = true, Sentence = true }
  if methods[info.name] then
    lines[#lines + 1] = "  also: article (its Article), sentence_text (the evidence sentence), :cite() (a citation)"
  end
  return concat(lines, "\n")
end

--- How the console shows a value: model objects by their tostring, lists of them one per line
--- (truncated with a count), other tables through inspect.
function workbench._render(v)
  local mt = type(v) == "table" and getmetatable(v) or nil
  if mt == List then
    local n = #v
    local first = v[1]
    local fmt = first ~= nil and getmetatable(first) and getmetatable(first).__tostring
    if n == 0 then return "List(0) {}" end
    if fmt then
      local name = getmetatable(first).__name or "item"
      local lines = { format("List of %d %s%s", n, name, n == 1 and "" or "s") }
      local limit = 20
      for i = 1, math.min(n, limit) do lines[#lines + 1] = format("  [%d] %s", i, tostring(v[i])) end
      if n > limit then lines[#lines + 1] = format("  … %d more (show all with workbench.inspect(x, {max_items = %d}))", n - limit, n) end
      return concat(lines, "\n")
    end
    return workbench.inspect(v, { depth = 2 })
  end
  if mt and mt.__tostring then return tostring(v) end
  if type(v) == "table" then return workbench.inspect(v, { depth = 2 }) end
  if type(v) == "string" then return (format("%q", v):gsub("\\\n", "\\n")) end
  return tostring(v)
end

--- The field and method names of a value, for tab completion.
function workbench._names(v)
  local names = {}
  local seen = {}
  local function add(k) if type(k) == "string" and not seen[k] and not k:match("^_") then seen[k] = true; names[#names + 1] = k end end
  local t = type(v)
  if t == "table" then
    for k in pairs(v) do add(k) end
    local mt = getmetatable(v)
    if mt then
      local info = mt.__name and workbench._types[mt.__name]
      if info then for _, f in ipairs(info.fields) do add(f.name) end end
      if type(mt.__index) == "table" then for k in pairs(mt.__index) do add(k) end end
      if mt.__name and types[mt.__name] then
        for _, k in ipairs({ "article", "sentence_text", "cite" }) do add(k) end
      end
    end
  elseif t == "string" then
    for k in pairs(string) do add(k) end
  end
  sort(names)
  return names
end

workbench.List = List
return workbench
