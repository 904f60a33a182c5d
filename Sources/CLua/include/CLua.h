// CLua — the workbench's C shim over the system Lua 5.4 (Debian: liblua5.4-dev).
//
// Swift cannot import Lua's function-like macros, and Swift frames must never be crossed by
// Lua's error longjmp. This header gives `static inline CLua_*` wrappers for the macros, and
// CLua.c adds what has to be C: a traceback message handler (as in lua.c), the trampoline
// through which every Swift function is called from Lua (Swift reports failure by status and
// C raises the error), a limited allocator and the instruction hook for time budgets and Ctrl-C.
#ifndef CLUA_H
#define CLUA_H

#include <stddef.h>
#include <lua5.4/lua.h>
#include <lua5.4/lauxlib.h>
#include <lua5.4/lualib.h>

// MARK: - Macro wrappers

/// Wraps `lua_upvalueindex`.
static inline int CLua_upvalueindex(int i) { return lua_upvalueindex(i); }
/// Wraps `LUA_REGISTRYINDEX`.
static inline int CLua_registryindex(void) { return LUA_REGISTRYINDEX; }
/// Wraps `lua_pcall` (protected call without continuation).
static inline int CLua_pcall(lua_State *L, int nargs, int nresults, int msgh) { return lua_pcall(L, nargs, nresults, msgh); }
/// Wraps `lua_pop`.
static inline void CLua_pop(lua_State *L, int n) { lua_pop(L, n); }
/// Wraps `lua_newtable`.
static inline void CLua_newtable(lua_State *L) { lua_newtable(L); }
/// Wraps `lua_tonumber`.
static inline lua_Number CLua_tonumber(lua_State *L, int i) { return lua_tonumber(L, i); }
/// Wraps `lua_tointeger`.
static inline lua_Integer CLua_tointeger(lua_State *L, int i) { return lua_tointeger(L, i); }
/// Wraps `lua_tostring`.
static inline const char *CLua_tostring(lua_State *L, int i) { return lua_tostring(L, i); }
/// Wraps `lua_isnoneornil`.
static inline int CLua_isnoneornil(lua_State *L, int i) { return lua_isnoneornil(L, i); }
/// Wraps `lua_insert`.
static inline void CLua_insert(lua_State *L, int i) { lua_insert(L, i); }
/// Wraps `lua_remove`.
static inline void CLua_remove(lua_State *L, int i) { lua_remove(L, i); }
/// Wraps `lua_replace`.
static inline void CLua_replace(lua_State *L, int i) { lua_replace(L, i); }
/// Wraps `lua_pushglobaltable`.
static inline void CLua_pushglobaltable(lua_State *L) { lua_pushglobaltable(L); }
/// Wraps `lua_newuserdata` (one user value).
static inline void *CLua_newuserdata(lua_State *L, size_t size) { return lua_newuserdatauv(L, size, 0); }
/// Wraps `lua_gc(L, LUA_GCCOLLECT)` (variadic, so not importable).
static inline void CLua_collect(lua_State *L) { lua_gc(L, LUA_GCCOLLECT); }
/// Wraps `lua_gc(L, LUA_GCCOUNT)` + `LUA_GCCOUNTB`: bytes in use.
static inline size_t CLua_memoryinuse(lua_State *L) { return (size_t)lua_gc(L, LUA_GCCOUNT) * 1024 + (size_t)lua_gc(L, LUA_GCCOUNTB); }
/// Wraps `luaL_getmetatable`.
static inline int CLua_getmetatable_named(lua_State *L, const char *name) { return luaL_getmetatable(L, name); }
/// Wraps `luaL_typename`.
static inline const char *CLua_typename(lua_State *L, int i) { return luaL_typename(L, i); }
/// Wraps `luaL_loadbuffer` with mode "t" (text only: precompiled bytecode is refused).
static inline int CLua_loadtext(lua_State *L, const char *buf, size_t len, const char *name) {
    return luaL_loadbufferx(L, buf, len, name, "t");
}

// MARK: - States with limits

/// Per-state limits, read by the allocator, the hook, the trampoline and the watchdog; owned by the C side.
///
/// One budget covers a whole run: the deadline and an interrupt stay set across every call from
/// Swift into Lua until Swift clears them (the console does so for each line it evaluates).
typedef struct CLua_Limits {
    size_t used;                    ///< bytes currently allocated by this state
    size_t peak;                    ///< highest `used` seen
    size_t limit;                   ///< 0 = unlimited
    int swiftDepth;                 ///< > 0 while Swift code is running: allocations never fail then
    volatile int interrupted;       ///< set (e.g. by a SIGINT handler) to stop running Lua code
    volatile int interrupts;        ///< how many interrupts arrived (a second one forces the stop)
    double deadline;                ///< monotonic seconds; 0 = none
    int stopReason;                 ///< 0 none, 1 interrupted, 2 time budget exhausted, 3 instruction budget
    long long instructionBudget;    ///< 0 = none; else instructions left (approximate, in hook steps)
    volatile int active;            ///< > 0 while a script's work runs (the watchdog only acts then)
    volatile double stopSince;      ///< when the watchdog first saw a stop pending (0 = none)
    volatile int closing;           ///< set while the state is closed (its finalizers run then)
} CLua_Limits;

/// Creates a state whose allocator honours `limits->limit`; `limits` must outlive the state.
lua_State *CLua_newstate(CLua_Limits *limits);
/// The limits a state was created with (NULL for states not made by CLua_newstate).
CLua_Limits *CLua_limits(lua_State *L);
/// Installs the count hook that stops code on interrupt, deadline or instruction budget.
void CLua_installhook(lua_State *L);
/// Records why code must stop (1 interrupted, 2 time budget) and makes the hook fire at the next instruction,
/// so a stop noticed inside a long-running library function cannot be swallowed by pcall.
void CLua_armstop(lua_State *L, int reason);
/// Why code under `limits` must stop now (0: it need not); sets `stopReason` when it must.
int CLua_pendingstop(CLua_Limits *limits);
/// The message Lua code sees for a stop reason.
const char *CLua_stopmessage(int reason);
/// Monotonic clock in seconds, for deadlines.
double CLua_monotonic(void);
/// Sets `interrupted` on every state registered for interrupts (async-signal-safe).
void CLua_interrupt_all(void);
/// Registers or unregisters a state's limits for `CLua_interrupt_all` and the watchdog (at most 16 at once).
void CLua_watch_interrupts(CLua_Limits *limits, int on);

/// Called by the watchdog, on its own thread, when a stop has been pending for longer than the grace
/// period (or a second interrupt came) while a script's work is still running, with the reason (1
/// interrupted, 2 time budget, 4 finalizers still running when the state closed); it must end the process.
typedef void (*CLua_StuckHandler)(int reason);
/// Pushes `stopping()`, a C function (no trampoline, so it works while a stop is being raised) that
/// returns whether a stop is pending; message handlers use it to step aside for a stop.
void CLua_pushstopping(lua_State *L);
/// Starts (once per process) a thread that ends the process through `handler` when running code does
/// not honour a stop within `grace` seconds: code the hook cannot reach (finalizers, message handlers
/// called from the hook, long C or Swift work).
void CLua_watchdog_start(double grace, CLua_StuckHandler handler);

// MARK: - Errors and Swift functions

/// The message handler used for every protected call: adds a traceback (as `msghandler` in lua.c).
int CLua_traceback(lua_State *L);

/// Status a Swift function returns to ask the trampoline to raise the value on top of the stack.
#define CLUA_RAISE (-1)
/// Status asking to raise the string on top, prefixed with the calling Lua position ("file:line: ").
#define CLUA_RAISE_WHERE (-2)
/// Status asking for `luaL_argerror(L, arg, msg)` with arg below the message on the stack.
#define CLUA_RAISE_ARG (-3)
/// Status asking to raise the stop the limits record (interrupt or time budget), pcall cannot swallow it.
#define CLUA_RAISE_STOP (-4)

/// The Swift side of a function: gets the state, returns a result count or a CLUA_RAISE* status.
typedef int (*CLua_SwiftDispatch)(lua_State *L);
/// Called when a Swift function's box is collected, with the pointer stored in it.
typedef void (*CLua_SwiftRelease)(void *box);

/// Sets the Swift dispatcher and release callbacks (once, before any Swift function is pushed).
void CLua_setswiftcallbacks(CLua_SwiftDispatch dispatch, CLua_SwiftRelease release);
/// Pushes a Lua closure that calls the Swift dispatcher with `box` reachable as upvalue 1.
void CLua_pushswiftfunction(lua_State *L, void *box);
/// The box pointer of the Swift function now running (upvalue 1 of the current C closure).
void *CLua_currentbox(lua_State *L);

#endif
