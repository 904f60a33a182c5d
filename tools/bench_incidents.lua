-- Grouping at scale for make bench: the given articles' reports copied until there are n of them
-- (each copy a week after the last, so copies never share a window), grouped once; prints
-- "reports incidents seconds" for n and for n/4, so the bench can show how the time grows.
script = {
  name = "bench_incidents", version = "1.0.0", description = "Times workbench.incidents grouping at scale.",
  api = "1", args = { n = { type = "integer", default = 100000, help = "reports to group" } },
}

local incidents = require("workbench.incidents")
local base = {}

function each(a)
  for _, r in ipairs((incidents.reports(a))) do base[#base + 1] = r end
end

local function copies(n)
  local out, first, last = {}, math.huge, -math.huge
  for _, r in ipairs(base) do first = math.min(first, r.from); last = math.max(last, r.to) end
  local shift = (last - first) + 7 * 1440
  local k = 0
  while #out < n do
    for _, r in ipairs(base) do
      if #out >= n then break end
      local c = {}
      for key, v in pairs(r) do c[key] = v end
      c.from, c.to, c.article = r.from + k * shift, r.to + k * shift, r.article .. "#" .. k
      out[#out + 1] = c
    end
    k = k + 1
  end
  return out
end

function finish()
  if #base == 0 then error("no dated strike events in the articles", 0) end
  for _, n in ipairs({ args.n // 4, args.n }) do
    local reports = copies(n)
    local t = os.clock()
    local list = incidents.group(reports)
    print(("%d %d %.3f"):format(#reports, #list, os.clock() - t))
  end
end
