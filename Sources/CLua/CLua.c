// CLua.c — the parts of the Lua bridge that must be C: error raising, the traceback handler,
// the limited allocator and the instruction hook. See include/CLua.h.
#include "CLua.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include <unistd.h>

// MARK: - Allocator

/// Lua allocator honouring CLua_Limits: refuses growth past `limit` unless Swift is running.
static void *clua_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
    CLua_Limits *lim = (CLua_Limits *)ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        lim->used -= old;
        return NULL;
    }
    if (lim->limit != 0 && lim->swiftDepth <= 0 && nsize > old && lim->used - old + nsize > lim->limit) {
        return NULL;  // Lua raises "not enough memory" in its own protected frame
    }
    void *p = realloc(ptr, nsize);
    if (p != NULL) {
        lim->used = lim->used - old + nsize;
        if (lim->used > lim->peak) lim->peak = lim->used;
    }
    return p;
}

/// Last-resort panic handler: only reached if an error escapes every protected call.
static int clua_panic(lua_State *L) {
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "workbench: unprotected Lua error: %s\n", msg ? msg : "(not a string)");
    return 0;  // lua aborts after this
}

lua_State *CLua_newstate(CLua_Limits *limits) {
    limits->used = 0;
    limits->peak = 0;
    limits->swiftDepth = 1;  // Swift is in control until it calls into Lua
    limits->interrupted = 0;
    limits->stopReason = 0;
    lua_State *L = lua_newstate(clua_alloc, limits);
    if (L != NULL) lua_atpanic(L, clua_panic);
    return L;
}

CLua_Limits *CLua_limits(lua_State *L) {
    void *ud = NULL;
    lua_Alloc f = lua_getallocf(L, &ud);
    return f == clua_alloc ? (CLua_Limits *)ud : NULL;
}

double CLua_monotonic(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

// MARK: - Hook: interrupts, deadlines, instruction budgets

#define CLUA_HOOK_STEP 1000

int CLua_pendingstop(CLua_Limits *lim) {
    if (lim == NULL) return 0;
    if (lim->stopReason == 0) {
        if (lim->interrupted) {
            lim->stopReason = 1;
        } else if (lim->deadline > 0 && CLua_monotonic() > lim->deadline) {
            lim->stopReason = 2;
        }
    }
    return lim->stopReason;
}

const char *CLua_stopmessage(int reason) {
    switch (reason) {
    case 1: return "interrupted";
    case 2: return "stopped: the time budget is exhausted (raise it with --timeout)";
    default: return "stopped: the instruction budget is exhausted";
    }
}

static void clua_hook(lua_State *L, lua_Debug *ar) {
    (void)ar;
    CLua_Limits *lim = CLua_limits(L);
    if (lim == NULL) return;
    if (CLua_pendingstop(lim) == 0 && lim->instructionBudget > 0) {
        lim->instructionBudget -= CLUA_HOOK_STEP;
        if (lim->instructionBudget <= 0) lim->stopReason = 3;
    }
    if (lim->stopReason != 0) {
        // From now on fire at every instruction, so a pcall cannot swallow the stop for long.
        lua_sethook(L, clua_hook, LUA_MASKCOUNT, 1);
        luaL_error(L, "%s", CLua_stopmessage(lim->stopReason));
    }
}

void CLua_installhook(lua_State *L) {
    CLua_Limits *lim = CLua_limits(L);
    lua_sethook(L, clua_hook, LUA_MASKCOUNT, lim != NULL && lim->stopReason != 0 ? 1 : CLUA_HOOK_STEP);
}

void CLua_armstop(lua_State *L, int reason) {
    CLua_Limits *lim = CLua_limits(L);
    if (lim != NULL && lim->stopReason == 0) lim->stopReason = reason;
    lua_sethook(L, clua_hook, LUA_MASKCOUNT, 1);
}

#define CLUA_MAX_WATCHED 16
static CLua_Limits *volatile clua_watched[CLUA_MAX_WATCHED];

void CLua_watch_interrupts(CLua_Limits *lim, int on) {
    if (lim == NULL) return;
    for (int i = 0; i < CLUA_MAX_WATCHED; i++) {
        if (on && clua_watched[i] == NULL) { clua_watched[i] = lim; return; }
        if (!on && clua_watched[i] == lim) { clua_watched[i] = NULL; return; }
    }
}

void CLua_interrupt_all(void) {
    for (int i = 0; i < CLUA_MAX_WATCHED; i++) {
        CLua_Limits *lim = clua_watched[i];
        if (lim != NULL) {
            lim->interrupted = 1;
            lim->interrupts++;
        }
    }
}

/// `stopping()`: whether a stop is pending for this state.
static int clua_stopping(lua_State *L) {
    lua_pushboolean(L, CLua_pendingstop(CLua_limits(L)) != 0);
    return 1;
}

void CLua_pushstopping(lua_State *L) {
    lua_pushcfunction(L, clua_stopping);
}

// MARK: - Watchdog

static CLua_StuckHandler clua_stuck = NULL;
static double clua_grace = 3;

/// Exits with the stop's status when no handler was given.
static void clua_default_stuck(int reason) {
    const char *m = reason == 1 ? "workbench: interrupted (the script did not stop in time)\n"
                  : reason == 4 ? "workbench: the script's finalizers (__gc) were still running after it ended; stopped\n"
                                : "workbench: stopped: the time budget is exhausted and the script did not stop in time\n";
    ssize_t ignored = write(2, m, strlen(m));
    (void)ignored;
    _exit(reason == 1 ? 130 : 1);
}

/// The watchdog's loop: every 50 ms, looks for stops pending too long in active states.
static void *clua_watchdog(void *unused) {
    (void)unused;
    for (;;) {
        struct timespec pause = { 0, 50 * 1000 * 1000 };
        nanosleep(&pause, NULL);
        double now = CLua_monotonic();
        for (int i = 0; i < CLUA_MAX_WATCHED; i++) {
            CLua_Limits *lim = clua_watched[i];
            if (lim == NULL) continue;
            int reason = lim->closing ? 4 : lim->interrupted ? 1 : (lim->deadline > 0 && now > lim->deadline) ? 2 : 0;
            if (lim->active <= 0 || reason == 0) { lim->stopSince = 0; continue; }
            if (lim->stopSince == 0) lim->stopSince = now;
            if (now - lim->stopSince > clua_grace || lim->interrupts >= 2) {
                (clua_stuck ? clua_stuck : clua_default_stuck)(reason);
                clua_default_stuck(reason);  // a handler must not return; if it does, exit anyway
            }
        }
    }
    return NULL;
}

void CLua_watchdog_start(double grace, CLua_StuckHandler handler) {
    static int started = 0;
    clua_stuck = handler;
    clua_grace = grace;
    if (started) return;
    started = 1;
    pthread_t thread;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (pthread_create(&thread, &attr, clua_watchdog, NULL) != 0) started = 0;
    pthread_attr_destroy(&attr);
}

// MARK: - Traceback handler

int CLua_traceback(lua_State *L) {
    const char *msg = lua_tostring(L, 1);
    if (msg == NULL) {
        if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING) {
            msg = lua_tostring(L, -1);
        } else {
            msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
        }
    }
    luaL_traceback(L, L, msg, 1);
    return 1;
}

// MARK: - Swift functions

static CLua_SwiftDispatch clua_dispatch = NULL;
static CLua_SwiftRelease clua_release = NULL;
static const char *const CLUA_BOX = "CLua.SwiftFunction";

void CLua_setswiftcallbacks(CLua_SwiftDispatch dispatch, CLua_SwiftRelease release) {
    clua_dispatch = dispatch;
    clua_release = release;
}

/// `__gc` of a Swift function's box: hands the pointer back to Swift to release.
static int clua_box_gc(lua_State *L) {
    void **slot = (void **)lua_touserdata(L, 1);
    if (slot != NULL && *slot != NULL && clua_release != NULL) {
        void *box = *slot;
        *slot = NULL;
        clua_release(box);
    }
    return 0;
}

/// The trampoline: refuses to start Swift work once a stop is pending, calls Swift, then raises in C
/// when Swift asked for an error or left the state over its memory limit.
static int clua_trampoline(lua_State *L) {
    CLua_Limits *lim = CLua_limits(L);
    if (lim && CLua_pendingstop(lim) != 0) {
        CLua_armstop(L, lim->stopReason);
        return luaL_error(L, "%s", CLua_stopmessage(lim->stopReason));
    }
    if (lim) lim->swiftDepth++;
    int status = clua_dispatch(L);
    if (lim) lim->swiftDepth--;
    if (status >= 0 && lim && lim->limit != 0 && lim->swiftDepth <= 0 && lim->used > lim->limit) {
        // what Swift built in Lua on the script's behalf counts against the script's limit
        lua_gc(L, LUA_GCCOLLECT);
        if (lim->used > lim->limit) {
            lua_settop(L, 0);
            return luaL_error(L, "not enough memory");
        }
    }
    switch (status) {
    case CLUA_RAISE:
        return lua_error(L);
    case CLUA_RAISE_WHERE:
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
        return lua_error(L);
    case CLUA_RAISE_ARG: {
        int arg = (int)lua_tointeger(L, -2);
        const char *msg = lua_tostring(L, -1);
        return luaL_argerror(L, arg, msg ? msg : "invalid value");
    }
    case CLUA_RAISE_STOP: {
        int reason = lim && lim->stopReason ? lim->stopReason : 1;
        CLua_armstop(L, reason);
        return luaL_error(L, "%s", CLua_stopmessage(reason));
    }
    default:
        return status;
    }
}

void CLua_pushswiftfunction(lua_State *L, void *box) {
    void **slot = (void **)lua_newuserdatauv(L, sizeof(void *), 0);
    *slot = box;
    if (luaL_newmetatable(L, CLUA_BOX)) {
        lua_pushcfunction(L, clua_box_gc);
        lua_setfield(L, -2, "__gc");
        lua_pushliteral(L, "swift function");
        lua_setfield(L, -2, "__metatable");
    }
    lua_setmetatable(L, -2);
    lua_pushcclosure(L, clua_trampoline, 1);
}

void *CLua_currentbox(lua_State *L) {
    void **slot = (void **)lua_touserdata(L, lua_upvalueindex(1));
    return slot ? *slot : NULL;
}
