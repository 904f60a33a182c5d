-- workbench.report — build a report once, render it in any format.
--
--   local report = require("workbench.report")
--   report.heading("Quotes by speaker")
--   report.bar_chart(workbench.ranked(counts, 10), {title = "Quotes", unit = "quotes"})
--   report.table(workbench.ranked(counts, 10), {"speaker", "quotes"})
--   report.cite(a.quotes[1])
--
-- The run renders the report at the end, chosen by --format or the --out file's extension:
-- Markdown on the terminal (default), self-contained HTML with SVG charts, CSV (the tables), JSON.
-- A script never writes HTML by hand. report.render(format) returns the text if a script wants it.
local M = {}

local workbench = workbench
local type, tostring, ipairs, pairs, error, format, concat, sort =
  type, tostring, ipairs, pairs, error, string.format, table.concat, table.sort

local titled = false

-- Each block goes to the workbench as it is added (converted and checked there), so the report
-- survives any stop of the script and is rendered once, at the end.
local report_add, report_title, report_clear, render = workbench._report_add, workbench._report_title,
  workbench._report_clear, workbench._render_report

local function add(block)
  local ok, problem = report_add(block)
  if not ok then error(format("bad argument #1 to '%s' (%s)", block.type, problem), 3) end
  return M
end

local function check(n, name, value, expected)
  if type(value) ~= expected then
    error(format("bad argument #%d to '%s' (%s expected, got %s)", n, name, expected, value == nil and "no value" or type(value)), 3)
  end
end

local function text(v)
  if v == nil then return "" end
  if type(v) == "number" then
    if math.type(v) == "integer" then return tostring(v) end
    return (format("%.2f", v):gsub("0+$", ""):gsub("%.$", ""))
  end
  return tostring(v)
end

--- Sets the document's title (the page title in HTML).
function M.title(t)
  check(1, "title", t, "string")
  report_title(t)
  titled = true
  return M
end

--- A heading (level 1 to 3; 2 by default under a title).
function M.heading(t, level)
  check(1, "heading", t, "string")
  return add({ type = "heading", text = t, level = level or (titled and 2 or 1) })
end

--- A paragraph of text.
function M.paragraph(t)
  return add({ type = "paragraph", text = text(t) })
end
M.text = M.paragraph

--- A note (shown smaller; for caveats such as "claims, not verified").
function M.note(t)
  return add({ type = "note", text = text(t) })
end

--- A bulleted list.
function M.list(items)
  check(1, "list", items, "table")
  local out = {}
  for i, v in ipairs(items) do out[i] = text(v) end
  return add({ type = "list", items = out })
end

-- Rows of a table from: a list of lists; a list of keyed tables (with `columns`); ranked rows
-- ({key = …, count = …}); or a plain map {name = value}. A map has no order of its own: one whose keys
-- are all dates (or months, years) is shown in date order, any other by value (largest first);
-- `order` ("key" or "value") chooses.
local function is_date_key(k) return type(k) == "string" and k:match("^%d%d%d%d$") or (type(k) == "string" and k:match("^%d%d%d%d%-%d%d")) end
local function normalise(rows, columns, order)
  local out = {}
  if #rows == 0 and next(rows) ~= nil then
    local keys, dated = {}, true
    for k in pairs(rows) do keys[#keys + 1] = k; dated = dated and is_date_key(k) ~= nil end
    local by_key = order == "key" or (order == nil and dated)
    sort(keys, function(a, b)
      local va, vb = rows[a], rows[b]
      if not by_key and type(va) == "number" and type(vb) == "number" and va ~= vb then return va > vb end
      return tostring(a) < tostring(b)
    end)
    for _, k in ipairs(keys) do out[#out + 1] = { text(k), rows[k] } end
    return out, columns or { "key", "value" }
  end
  local first = rows[1]
  if type(first) == "table" and first[1] == nil then
    if columns == nil then
      if first.key ~= nil and first.count ~= nil then
        columns = { "key", "count" }
      else
        columns = rows.columns or {}
        if #columns == 0 then
          for k in pairs(first) do columns[#columns + 1] = k end
          sort(columns)
        end
      end
    end
    local fields = columns
    if first.key ~= nil and first.count ~= nil and #columns == 2 then fields = { "key", "count" } end
    for _, r in ipairs(rows) do
      local cells = {}
      for i, c in ipairs(fields) do cells[i] = r[c] end
      out[#out + 1] = cells
    end
    return out, columns
  end
  for _, r in ipairs(rows) do
    if type(r) == "table" then out[#out + 1] = r else out[#out + 1] = { r } end
  end
  if columns == nil then
    columns = {}
    for i = 1, #(out[1] or {}) do columns[i] = tostring(i) end
  end
  return out, columns
end

--- A table: rows (see above) and column names; opts.title.
function M.table(rows, columns, opts)
  check(1, "table", rows, "table")
  if columns ~= nil and type(columns) ~= "table" then check(2, "table", columns, "table") end
  opts = opts or {}
  local r, c = normalise(rows, columns)
  local cells = {}
  for i, row in ipairs(r) do
    local line = {}
    for j = 1, #c do
      local v = row[j]
      line[j] = v
    end
    cells[i] = line
  end
  return add({ type = "table", title = opts.title, columns = c, rows = cells })
end

local Flag = { __name = "ReportFlag" }
Flag.__tostring = function(f) return tostring(f.value) end

--- A table cell marked for the reader (a figure the sources disagree on): HTML highlights it with
-- the note as its title, Markdown adds ⚑, JSON gives {value, flag}, CSV the value.
function M.flag(value, note)
  if note ~= nil and type(note) ~= "string" then check(2, "flag", note, "string") end
  return setmetatable({ __report_flag = true, value = value, note = note or "" }, Flag)
end

--- A horizontal bar chart of labels and numbers: ranked rows, a map, or {label, value} pairs.
--- opts: title, unit, top (keep the first n), order ("key" or "value", for a map: dates by default
--- in date order, other keys by value). Lists keep the order they are given.
function M.bar_chart(data, opts)
  check(1, "bar_chart", data, "table")
  opts = opts or {}
  if opts.order ~= nil and opts.order ~= "key" and opts.order ~= "value" then
    error(format("bad option 'order' to 'bar_chart' (\"key\" or \"value\" expected, got %s)", tostring(opts.order)), 2)
  end
  local rows = normalise(data, nil, opts.order)
  local labels, values = {}, {}
  for _, r in ipairs(rows) do
    local v = tonumber(r[2])
    if v then
      labels[#labels + 1] = text(r[1])
      values[#values + 1] = v
    end
  end
  if opts.top and #labels > opts.top then
    for i = #labels, opts.top + 1, -1 do labels[i] = nil; values[i] = nil end
  end
  return add({ type = "bar_chart", title = opts.title, unit = opts.unit, labels = labels, values = values })
end

-- The series of a line or grouped bar chart: one series (anything bar_chart takes) or a list of
-- {name = …, data = …}; their labels are merged, in date order when every label is a date.
local function series_of(fname, data, opts)
  local list = data
  if not (type(data[1]) == "table" and data[1].data ~= nil) then
    list = { { name = opts.name or opts.unit or "value", data = data } }
  end
  local labels, index, dated, series = {}, {}, true, {}
  for i, s in ipairs(list) do
    if type(s) ~= "table" or type(s.data) ~= "table" then
      error(format("bad argument #1 to '%s' (series %d needs data = a table)", fname, i), 3)
    end
    local values = {}
    for _, r in ipairs((normalise(s.data, nil, "key"))) do
      local v = tonumber(r[2])
      if v then
        local label = text(r[1])
        if not index[label] then labels[#labels + 1] = label; index[label] = #labels; dated = dated and is_date_key(label) ~= nil end
        values[label] = v
      end
    end
    series[i] = { name = text(s.name or ("series " .. i)), values = values }
  end
  if dated then sort(labels) end
  for _, s in ipairs(series) do
    local aligned = {}
    for j, label in ipairs(labels) do
      local v = s.values[label]
      if v == nil then aligned[j] = false else aligned[j] = v end
    end
    s.values = aligned
  end
  return labels, series
end

local function series_chart(kind, data, opts)
  check(1, kind, data, "table")
  opts = opts or {}
  local labels, series = series_of(kind, data, opts)
  return add({ type = kind, title = opts.title, unit = opts.unit, labels = labels, series = series })
end

--- A line chart over dates (or any labels in order): one series (a {date = n} map, ranked rows or
--- {label, value} pairs) or several, as a list of {name = …, data = …}. Dates are placed on a time
--- axis, so a missing day shows as a gap. opts: title, unit.
function M.line_chart(data, opts) return series_chart("line_chart", data, opts) end

--- Grouped horizontal bars: several series on one scale (articles beside the log), given as a list
--- of {name = …, data = …}. opts: title, unit.
function M.grouped_bar_chart(data, opts) return series_chart("grouped_bar_chart", data, opts) end

--- A timeline: items {date = "YYYY-MM-DD", ["end"] = …, label = …, kind = …}; kinds such as
--- "violation", "unclear", "outside scope", "no violation reported" get their own colours. opts.title.
function M.timeline(items, opts)
  check(1, "timeline", items, "table")
  opts = opts or {}
  local out = {}
  for i, it in ipairs(items) do
    if type(it) ~= "table" or type(it.date) ~= "string" then
      error(format("bad argument #1 to 'timeline' (item %d needs date = \"YYYY-MM-DD\")", i), 2)
    end
    out[#out + 1] = { date = it.date, ["end"] = it["end"], label = text(it.label), kind = it.kind and text(it.kind) or nil }
  end
  return add({ type = "timeline", title = opts.title, items = out })
end

--- A citation of a model item (quote, figure, event …): its evidence sentence and where it is.
function M.cite(item, note)
  if type(item) ~= "table" then error(format("bad argument #1 to 'cite' (model item expected, got %s)", type(item)), 2) end
  local sentence = item.sentence_text or item.text or tostring(item)
  -- model items lead to their article (plain tables may have none, and strict objects raise on a missing field)
  local ok, url = pcall(function() return item.article.url end)
  if not ok or type(url) ~= "string" then url = nil end
  return add({ type = "citation", text = sentence, source = workbench.cite(item, 40), note = note, url = url })
end

--- Removes everything added so far.
function M.clear()
  report_clear()
  titled = false
  return M
end

--- Renders the report now ("markdown", "html", "csv" or "json") and returns the text.
function M.render(fmt)
  return render(fmt or "markdown")
end

return M
