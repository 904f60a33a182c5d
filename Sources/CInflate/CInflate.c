// CInflate.c — see include/CInflate.h.
#include "CInflate.h"

#include <limits.h>
#include <string.h>
#include <zlib.h>

int CInflate_inflate_check(const unsigned char *in, size_t length, size_t limit, size_t *inflated) {
    z_stream s;
    unsigned char out[16384];
    size_t total = 0;
    int r;
    *inflated = 0;
    if (length > UINT_MAX) return CINFLATE_TOO_LARGE;
    memset(&s, 0, sizeof s);
    if (inflateInit2(&s, -MAX_WBITS) != Z_OK) return CINFLATE_NO_MEMORY;
    s.next_in = (Bytef *)in;
    s.avail_in = (uInt)length;
    do {
        s.next_out = out;
        s.avail_out = sizeof out;
        r = inflate(&s, Z_NO_FLUSH);
        if (r == Z_NEED_DICT || r == Z_DATA_ERROR || r == Z_MEM_ERROR || r == Z_STREAM_ERROR) {
            inflateEnd(&s);
            return CINFLATE_CORRUPT;
        }
        total += sizeof out - s.avail_out;
        if (total > limit) { inflateEnd(&s); return CINFLATE_TOO_LARGE; }
        // no progress possible: the input is used up
        if (r == Z_BUF_ERROR) break;
    } while (r != Z_STREAM_END);
    inflateEnd(&s);
    *inflated = total;
    return r == Z_STREAM_END ? CINFLATE_ENDS : CINFLATE_TRUNCATED;
}
