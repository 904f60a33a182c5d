script = { name = "h", version = "1.0.0", description = ('x'):rep(1e9) }
