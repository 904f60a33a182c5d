// CEditLine — the console's C shim over libedit (BSD licence; Debian: libedit-dev), through its
// readline-compatible API: line editing, history, completion, and a SIGINT handler that stops
// running Lua code instead of killing the process.
#ifndef CEDITLINE_H
#define CEDITLINE_H

#include <stdio.h>
#include <editline/readline.h>

/// Called from the SIGINT handler (must be async-signal-safe).
typedef void (*CEditLine_Interrupt)(void);

/// Installs a SIGINT handler (without SA_RESTART, so a waiting readline returns) that records the
/// interrupt and calls `onInterrupt`.
void CEditLine_installSigint(CEditLine_Interrupt onInterrupt);
/// Restores the SIGINT handler that was there before `CEditLine_installSigint`.
void CEditLine_restoreSigint(void);
/// Whether SIGINT arrived since the last call (clears the flag).
int CEditLine_takeInterrupt(void);

/// Fills the candidates for the line `line` (up to the cursor) completing the word `text`.
typedef void (*CEditLine_Completer)(const char *line, const char *text);
/// Sets up completion: word break characters (copied) and the function that proposes candidates.
void CEditLine_setCompleter(CEditLine_Completer completer, const char *wordBreaks);
/// Replaces the candidate list (copied); called by the completer.
void CEditLine_setCandidates(const char *const *candidates, int count);

/// Wraps `readline` (returns a malloc'd line or NULL at end of input or interrupt).
char *CEditLine_readline(const char *prompt);
/// Wraps `add_history`.
void CEditLine_addHistory(const char *line);
/// Wraps `read_history`; 0 on success.
int CEditLine_readHistory(const char *path);
/// Wraps `write_history` followed by `history_truncate_file` to `keep` lines; 0 on success.
int CEditLine_writeHistory(const char *path, int keep);
/// Wraps `stifle_history`.
void CEditLine_limitHistory(int lines);

#endif
