-- workbench.pause.names — places and weapons compared through the lexicons ("Kiev", "Kyiv" and "Kyiv oblast").
-- Part of workbench.pause (require("workbench.pause") gives every function of its modules).
local M = setmetatable({}, { __index = require("workbench.pause.time") })

local workbench = workbench
local format = string.format

local argcheck = M._argcheck

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

M._is_generic = is_generic
M._place_of = place_of
M._place_relation = place_relation
M._places_in = places_in
M._region_city = region_city
M._weapon_of = weapon_of

return M
