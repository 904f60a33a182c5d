// CEditLine.c — see include/CEditLine.h.
#include "CEditLine.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

static volatile sig_atomic_t ceditline_interrupted = 0;
static CEditLine_Interrupt ceditline_onInterrupt = NULL;
static struct sigaction ceditline_previous;
static int ceditline_installed = 0;

static void ceditline_sigint(int sig) {
    (void)sig;
    ceditline_interrupted = 1;
    if (ceditline_onInterrupt != NULL) ceditline_onInterrupt();
}

void CEditLine_installSigint(CEditLine_Interrupt onInterrupt) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ceditline_sigint;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocked read returns EINTR
    ceditline_onInterrupt = onInterrupt;
    if (sigaction(SIGINT, &sa, &ceditline_previous) == 0) ceditline_installed = 1;
    // a parent may have left SIGINT blocked (the mask is inherited across exec)
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
}

void CEditLine_restoreSigint(void) {
    if (ceditline_installed) {
        sigaction(SIGINT, &ceditline_previous, NULL);
        ceditline_installed = 0;
    }
}

int CEditLine_takeInterrupt(void) {
    int was = ceditline_interrupted;
    ceditline_interrupted = 0;
    return was;
}

// MARK: - Completion

static CEditLine_Completer ceditline_completer = NULL;
static char **ceditline_candidates = NULL;
static int ceditline_count = 0;
static int ceditline_next = 0;

void CEditLine_setCandidates(const char *const *candidates, int count) {
    for (int i = 0; i < ceditline_count; i++) free(ceditline_candidates[i]);
    free(ceditline_candidates);
    ceditline_candidates = NULL;
    ceditline_count = 0;
    if (count <= 0) return;
    ceditline_candidates = calloc((size_t)count, sizeof(char *));
    if (ceditline_candidates == NULL) return;
    for (int i = 0; i < count; i++) ceditline_candidates[i] = strdup(candidates[i]);
    ceditline_count = count;
}

/// readline's generator: hands out the candidates one by one.
static char *ceditline_generate(const char *text, int state) {
    (void)text;
    if (state == 0) ceditline_next = 0;
    if (ceditline_next < ceditline_count) return strdup(ceditline_candidates[ceditline_next++]);
    return NULL;
}

/// readline's completion entry: asks the completer for candidates, never falls back to file names.
static char **ceditline_attempt(const char *text, int start, int end) {
    (void)start;
    rl_attempted_completion_over = 1;
    if (ceditline_completer == NULL) return NULL;
    char *line = strndup(rl_line_buffer ? rl_line_buffer : "", (size_t)end);
    ceditline_completer(line ? line : "", text);
    free(line);
    if (ceditline_count == 0) return NULL;
    return rl_completion_matches(text, ceditline_generate);
}

void CEditLine_setCompleter(CEditLine_Completer completer, const char *wordBreaks) {
    ceditline_completer = completer;
    rl_attempted_completion_function = ceditline_attempt;
    rl_completion_append_character = 0;
    // the caller's string may be temporary: keep a copy for the life of the process
    char *copy = strdup(wordBreaks ? wordBreaks : " \t\n");
    rl_basic_word_break_characters = copy;
    rl_completer_word_break_characters = copy;
}

// MARK: - Reading and history

char *CEditLine_readline(const char *prompt) { return readline(prompt); }
void CEditLine_addHistory(const char *line) { add_history(line); }
int CEditLine_readHistory(const char *path) { return read_history(path); }
int CEditLine_writeHistory(const char *path, int keep) {
    int r = write_history(path);
    if (r == 0 && keep > 0) history_truncate_file(path, keep);
    return r;
}
void CEditLine_limitHistory(int lines) { stifle_history(lines); }
