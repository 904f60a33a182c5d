-- workbench.pause — declare pauses, gather evidence, judge compliance day by day.
--
--   local pause = require("workbench.pause")
--   local pauses = pause.from_article(a)                    -- the commitments an article reports
--   local p = pause.declare{ party = "Russia", scope = { places = { "Kyiv" } },
--                            window = { start = "2026-01-29", ["end"] = "2026-02-01" } }
--   local evidence = pause.from_events(workbench.articles)  -- strike events in articles
--   local log = assert(pause.read_log("attacks.csv"))       -- rows of an attack log (CSV)
--   local result = pause.check(p, evidence:concat(log))     -- a verdict per day, with reasons
--   local rows = pause.corroborate(evidence, log)           -- article figures against the log
--
-- Verdicts: "violation", "no violation reported", "outside scope", "unclear". Each comes with the
-- rule that decided it and the evidence (an article sentence with its citation, or a log row).
-- Times are compared as instants: window dates and log times are local to the pause's time zone
-- (Europe/Kyiv by default, EET/EEST), so an overnight attack that straddles a window edge is
-- "unclear", never guessed.

local M = {}
for _, part in ipairs({ "time", "names", "declare", "evidence", "check", "corroborate" }) do
  for k, v in pairs(require("workbench.pause." .. part)) do
    if k:sub(1, 1) ~= "_" or k == "_argcheck" then M[k] = v end
  end
end

return M
