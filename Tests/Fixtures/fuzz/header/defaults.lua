script = { name = "h", version = "1.0.0", description = "x", args = { a = { type = "path", default = "/" } }, tests = { { inputs = { "workbench" }, expect_contains = { "x" } } } }
