script = { name = "h", version = "1.0.0", description = (function() while true do end end)() }
