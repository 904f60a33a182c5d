-- Builds the environment a script runs in. Sandboxed (the default): an allow-list of the standard
-- library, with file access checked by the workbench and system access replaced by functions that
-- explain what was refused and which flag grants it. Trusted (--trusted): the full library.
-- Either way, assigning to an undeclared global inside a function, or reading one that was never
-- set, warns once (typos like `coutns` are the commonest script bug).
--
-- Called once per script as make_env(opts), with opts:
--   trusted      boolean
--   check_path   function(path, mode) -> true | nil, reason   (mode "read" or "write")
--   warn         function(message)                            (a diagnostic, shown once)
--   script_path  the search path for the script's own modules (its folder, Scripts/): "dir/?.lua;…"
local G = _G
local setmetatable, rawset, rawget, getmetatable = setmetatable, rawset, rawget, getmetatable
local getinfo = debug.getinfo
local real_open, real_lines, real_loadfile, real_load = io.open, io.lines, loadfile, load
local type, error, setmetatable, rawget, rawset, pairs, tostring, select = type, error, setmetatable, rawget, rawset, pairs, tostring, select
local format = string.format

-- A function that refuses, naming the capability and the flag that grants it.
local function refused(name, flag)
  return function()
    error(format("%s is not allowed in the sandbox (%s)", name, flag or "run trusted scripts with --trusted"), 2)
  end
end

local function copy(t, except)
  local c = {}
  for k, v in pairs(t) do if not (except and except[k]) then c[k] = v end end
  return c
end

-- Protect the string metatable: getmetatable("") must not hand out the real string library.
do
  local smt = getmetatable("")
  if smt and rawget(smt, "__metatable") == nil then smt.__metatable = "string" end
end

-- Finalizers (__gc) run with Lua's hooks off, where no time budget or Ctrl-C can reach them, so a
-- sandboxed script cannot install one: not through setmetatable, rawset, or the workbench's own
-- metatables (List, Tally, the model types), which refuse new __gc fields.
local gc_refusal = "__gc finalizers are not allowed in the sandbox (they run where no time budget reaches); "
  .. "use a to-be-closed variable (local x <close> = …) for clean-up"

local function guarded_setmetatable(t, mt)
  if type(mt) == "table" and rawget(mt, "__gc") ~= nil then error("setmetatable: " .. gc_refusal, 2) end
  return setmetatable(t, mt)
end

local function guarded_rawset(t, k, v)
  if k == "__gc" then error("rawset: " .. gc_refusal, 2) end
  return rawset(t, k, v)
end

local guard_mt = { __newindex = function(t, k, v)
  if k == "__gc" then error(gc_refusal, 2) end
  rawset(t, k, v)
end }
-- Guards a metatable of the workbench's (a table with metamethods, as the modules export them).
local function guard(mt)
  if type(mt) == "table" and getmetatable(mt) == nil
      and (rawget(mt, "__index") ~= nil or rawget(mt, "__name") ~= nil or rawget(mt, "__tostring") ~= nil) then
    setmetatable(mt, guard_mt)
  end
end
for name, mt in pairs(debug.getregistry()) do
  if type(name) == "string" and name:find("^workbench%.") then guard(mt) end
end
-- Guards the metatables a workbench module exports (workbench.List, pause.Result …).
local function guard_module(m)
  if type(m) == "table" then for _, v in pairs(m) do guard(v) end end
  return m
end
guard_module(G.workbench)

return function(opts)
  local check = opts.check_path
  local warned = {}
  local function warn_once(key, message)
    if warned[key] then return end
    warned[key] = true
    opts.warn(message)
  end

  -- The position of the script line that called us (level 3: our caller's caller).
  local function where(level)
    local info = getinfo(level or 3, "Sl")
    if info and info.currentline and info.currentline > 0 then
      return format("%s:%d: ", info.short_src, info.currentline)
    end
    return ""
  end

  local env
  if opts.trusted then
    env = {}
    setmetatable(env, {
      __index = function(_, k)
        local v = G[k]
        if v == nil and type(k) == "string" then warn_once("read:" .. k, where() .. "undefined global '" .. k .. "'") end
        return v
      end,
    })
  else
    -- Every function that takes a path checks it here and then passes on exactly the string it
    -- checked: a path must be a string (a number would be converted by C after the check), and the
    -- workbench refuses paths with a NUL byte (C would cut them where the check did not).
    local function checked(path, mode, fname)
      if type(path) ~= "string" then
        error(format("bad argument #1 to '%s' (string expected, got %s)", fname, path == nil and "no value" or type(path)), 3)
      end
      local ok, reason = check(path, mode)
      if not ok then error(reason, 3) end
      return path
    end

    local io_ = {
      write = io.write, read = io.read, stdout = io.stdout, stderr = io.stderr,
      open = function(path, mode)
        if mode ~= nil and type(mode) ~= "string" then
          error(format("bad argument #2 to 'open' (string expected, got %s)", type(mode)), 2)
        end
        path = checked(path, (mode or "r"):find("[wa+]") and "write" or "read", "open")
        return real_open(path, mode)
      end,
      lines = function(path, ...)
        if path ~= nil then path = checked(path, "read", "lines") end
        return real_lines(path, ...)
      end,
      popen = refused("io.popen"),
      tmpfile = refused("io.tmpfile", "write to a file given with --out or under --allow-write"),
      input = refused("io.input", "open files with io.open"),
      output = refused("io.output", "open files with io.open"),
      close = io.close, type = io.type,
    }
    local os_ = {
      clock = os.clock, date = os.date, difftime = os.difftime, time = os.time,
      execute = refused("os.execute"), exit = refused("os.exit", "return from the script, or call error()"),
      remove = refused("os.remove"), rename = refused("os.rename"), tmpname = refused("os.tmpname"),
      getenv = refused("os.getenv", "pass values with --arg name=value"),
      setlocale = refused("os.setlocale"),
    }
    local string_ = copy(string, { dump = true })
    local allowed_gc = { count = true, collect = true, step = true, isrunning = true }

    env = {
      assert = assert, error = error, ipairs = ipairs, next = next, pairs = pairs, pcall = pcall, select = select,
      tonumber = tonumber, tostring = tostring, type = type, xpcall = xpcall, rawequal = rawequal, rawget = rawget,
      rawlen = rawlen, rawset = guarded_rawset, setmetatable = guarded_setmetatable, getmetatable = getmetatable, print = print,
      warn = warn, _VERSION = _VERSION,
      math = copy(math), string = string_, table = copy(table), utf8 = copy(utf8), coroutine = copy(coroutine),
      io = io_, os = os_,
      debug = { traceback = debug.traceback },
      package = { path = package.path, config = package.config },
      workbench = G.workbench,
      collectgarbage = function(what, ...)
        what = what or "collect"
        if not allowed_gc[what] then
          error(format("collectgarbage(%q) is not allowed in the sandbox (run trusted scripts with --trusted)", what), 2)
        end
        return collectgarbage(what, ...)
      end,
      load = function(chunk, name, mode, e)
        if mode ~= nil and mode ~= "t" then
          error("load: only text chunks can be loaded in the sandbox (mode \"t\")", 2)
        end
        return real_load(chunk, name, "t", e == nil and env or e)
      end,
      loadfile = function(path, mode, e)
        path = checked(path, "read", "loadfile")
        return real_loadfile(path, "t", e == nil and env or e)
      end,
      dofile = function(path)
        path = checked(path, "read", "dofile")
        local f, err = real_loadfile(path, "t", env)
        if not f then error(err, 2) end
        return f()
      end,
      loadstring = nil,
    }
    env.string = string_
    env.package.loadlib = refused("package.loadlib")
    env._G = env

    -- require: the workbench's own modules (always from its resources, shared with the workbench,
    -- which reads the report back) and Lua files on the script path, loaded into this environment;
    -- never C modules, never the unrestricted standard libraries.
    local builtin = { string = string_, table = env.table, math = env.math, utf8 = env.utf8, coroutine = env.coroutine,
                      io = io_, os = os_, workbench = G.workbench }
    local loaded = {}
    local script_path = opts.script_path
    env.require = function(name)
      if type(name) ~= "string" then error("bad argument #1 to 'require' (string expected, got " .. type(name) .. ")", 2) end
      if builtin[name] then return builtin[name] end
      if name:find("^workbench%.") then return guard_module(G.require(name)) end
      if name == "debug" or name == "package" then
        error(format("require(%q) is not allowed in the sandbox (run trusted scripts with --trusted)", name), 2)
      end
      if loaded[name] ~= nil then return loaded[name] end
      if name:find("%.%.") or name:find("^[/.]") or name:find("[/\\%c]") then
        error(format("module '%s' not found: module names are dotted names on the script path, not file paths", name), 2)
      end
      local path, err = package.searchpath(name, script_path)
      if not path then error(format("module '%s' not found:%s", name, err), 2) end
      local f, lerr = real_loadfile(path, "t", env)
      if not f then error(lerr, 2) end
      local result = f(name, path)
      if result == nil then result = true end
      loaded[name] = result
      return result
    end

    setmetatable(env, {
      __index = function(_, k)
        if type(k) == "string" then warn_once("read:" .. k, where() .. "undefined global '" .. k .. "'") end
        return nil
      end,
    })
  end

  -- Globals assigned in the main chunk are declared; assigning a new one inside a function warns.
  local mt = getmetatable(env)
  mt.__newindex = function(t, k, v)
    local info = getinfo(2, "S")
    if info and info.what ~= "main" and type(k) == "string" then
      warn_once("write:" .. k, where() .. "assignment to undeclared global '" .. k .. "'")
    end
    rawset(t, k, v)
  end
  return env
end
