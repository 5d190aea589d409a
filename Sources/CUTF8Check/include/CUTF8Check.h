#ifndef REDLINE_CUTF8CHECK_H
#define REDLINE_CUTF8CHECK_H

#include <stddef.h>
#include <stdint.h>

/// 1 when the `n` bytes at `p` are valid UTF-8 (RFC 3629: no overlong forms, no
/// surrogates, nothing above U+10FFFF, no sequence cut off at the end) and hold no NUL
/// byte; 0 when they are not; -1 when this processor has no vector unit for the check
/// (no AVX2), and the caller must check them itself. Thirty-two bytes at a time (the
/// lookup-table method of Keiser and Lemire, "Validating UTF-8 in less than one
/// instruction per byte", 2021). Says nothing about where a fault is: on 0 the caller
/// looks for it with its own byte-by-byte scan.
int redline_utf8_clean(const uint8_t *p, size_t n);

#endif
