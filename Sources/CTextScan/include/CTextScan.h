#ifndef REDLINE_CTEXTSCAN_H
#define REDLINE_CTEXTSCAN_H

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

/// `redline_utf8_clean`, telling a clean buffer that is all ASCII (2) from any other
/// clean buffer (1); 0 and -1 as there.
int redline_utf8_kind(const uint8_t *p, size_t n);

/// How many bytes at the start of the `n` bytes at `src` text normalization leaves as
/// they are, copied to `dst` (which has room for `n` bytes; bytes after the run in `dst`
/// may be overwritten). It assumes no space is pending before `src`, and, with
/// `at_start`, that nothing has been written yet. A byte is left as it is when it is
/// visible ASCII (0x21–0x7E); `C3` with a continuation byte after it, and that byte
/// (U+00C0–U+00FF, both in the run); or a space that is not the first byte written and is
/// followed by one of those. Anything else ends the run, which so never ends on a space;
/// the caller goes on byte by byte. Thirty-two bytes at a time with AVX2, else one at a
/// time.
size_t redline_plain_run(const uint8_t *src, size_t n, uint8_t *dst, int at_start);

/// `redline_plain_run` one byte at a time, without vector instructions (for tests).
size_t redline_plain_run_bytes(const uint8_t *src, size_t n, uint8_t *dst, int at_start);

/// The offset of the first byte at or after `from` in the `n` bytes at `p` that JSON
/// output escapes (below 0x20, `"`, backslash, DEL, and `C2` before a byte below 0xA0: a C1
/// control), or `n`; 32 bytes at a time. `SIZE_MAX` when this processor has no AVX2 (the
/// caller scans itself).
size_t redline_json_special(const uint8_t *p, size_t n, size_t from);

/// The 32-byte blocks at the start of the `n` bytes at `p` (n of 64 or more) folded into
/// 64 bits with `seed`: four CRC32C chains over interleaved eight-byte words, one
/// instruction per word, mixed at the end. `*consumed` is the bytes taken (a multiple of
/// 32), or 0 when this processor has no SSE 4.2 and the caller hashes them itself. A
/// bucket only, as `ByteHash` is: every hit is confirmed by comparing bytes.
uint64_t redline_hash_blocks(const uint8_t *p, size_t n, uint64_t seed, size_t *consumed);

/// Asks the processor to bring the cache line at `p` in for reading, and goes on without
/// waiting for it: a hint, which never faults, whatever `p` is. (Inlined into Swift: the
/// standard library has no prefetch.)
static inline void redline_prefetch(const void *p) { __builtin_prefetch(p, 0, 3); }

#endif
