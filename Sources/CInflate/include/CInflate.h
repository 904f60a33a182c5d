// CInflate — a C shim over zlib (Debian: zlib1g-dev, already needed by ZIPFoundation) for checking a ZIP
// entry's deflate data before ZIPFoundation extracts it: a stream that never ends makes its reader spin.
#ifndef CINFLATE_H
#define CINFLATE_H

#include <stddef.h>

/// The result of `CInflate_inflate_check`.
enum {
    CINFLATE_ENDS = 1,        // the stream ends inside the input and inflates to no more than the limit
    CINFLATE_TRUNCATED = 0,   // the input runs out before the stream's end
    CINFLATE_CORRUPT = -1,    // zlib finds the data invalid
    CINFLATE_TOO_LARGE = -2,  // it inflates to more than the limit
    CINFLATE_NO_MEMORY = -3,  // zlib could not start
};

/// Inflates raw deflate data `in[0..<length]` into a scratch buffer and says whether the stream ends
/// within it, inflating to at most `limit` bytes (`*inflated` gets the count).
int CInflate_inflate_check(const unsigned char *in, size_t length, size_t limit, size_t *inflated);

#endif
