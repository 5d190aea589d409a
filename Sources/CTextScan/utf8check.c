// Valid UTF-8 without NUL, 32 bytes at a time (AVX2), for the document loader's first
// look at a file: most drafts are clean, and a clean verdict needs no position. See
// CTextScan.h; the tables are those of Keiser and Lemire (simdjson's "lookup4").
#include "CTextScan.h"
#include "cpu.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))

// The bits each table sets: a pair of bytes (the previous byte and this one) is an error
// when the three lookups (the previous byte's high and low nibble, this byte's high
// nibble) share a bit.
#define TOO_SHORT (1 << 0)   // 11______ 0_______ or 11______ 11______
#define TOO_LONG (1 << 1)    // 0_______ 10______
#define OVERLONG_3 (1 << 2)  // 11100000 100_____
#define TOO_LARGE (1 << 3)   // 11110100 1001____ and above
#define SURROGATE (1 << 4)   // 11101101 101_____
#define OVERLONG_2 (1 << 5)  // 1100000_ 10______
#define TOO_LARGE_1000 (1 << 6)  // 11110101 1000____ and above
#define OVERLONG_4 (1 << 6)  // 11110000 1000____
#define TWO_CONTS (1 << 7)   // 10______ 10______ (allowed only inside a 3- or 4-byte form)
#define CARRY (TOO_SHORT | TOO_LONG | TWO_CONTS)

/// A 16-entry table in both 128-bit lanes (each byte's value an int from 0 to 255).
#define TABLE16(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15)                              \
  _mm256_setr_epi8((char)(a0), (char)(a1), (char)(a2), (char)(a3), (char)(a4), (char)(a5), (char)(a6), (char)(a7),   \
                   (char)(a8), (char)(a9), (char)(a10), (char)(a11), (char)(a12), (char)(a13), (char)(a14),          \
                   (char)(a15), (char)(a0), (char)(a1), (char)(a2), (char)(a3), (char)(a4), (char)(a5), (char)(a6),  \
                   (char)(a7), (char)(a8), (char)(a9), (char)(a10), (char)(a11), (char)(a12), (char)(a13),           \
                   (char)(a14), (char)(a15))

/// The 32 bytes that end `n` bytes before `input`'s end: `prev` holds the block before.
#define PREV(input, prev, n) _mm256_alignr_epi8((input), _mm256_permute2x128_si256((prev), (input), 0x21), 16 - (n))

static inline AVX2 __m256i high_nibbles(__m256i v) { return _mm256_and_si256(_mm256_srli_epi16(v, 4), _mm256_set1_epi8(0x0F)); }

/// Error bits of one block of 32 bytes, given the block before it.
static inline AVX2 __m256i block_errors(__m256i input, __m256i prev_input) {
  const __m256i byte_1_high_table = TABLE16(
      TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG, TOO_LONG,  // 0___
      TWO_CONTS, TWO_CONTS, TWO_CONTS, TWO_CONTS,                                      // 10__
      TOO_SHORT | OVERLONG_2,                                                          // 1100
      TOO_SHORT,                                                                       // 1101
      TOO_SHORT | OVERLONG_3 | SURROGATE,                                              // 1110
      TOO_SHORT | TOO_LARGE | TOO_LARGE_1000 | OVERLONG_4);                            // 1111
  const __m256i byte_1_low_table = TABLE16(
      CARRY | OVERLONG_3 | OVERLONG_2 | OVERLONG_4,  // ____0000
      CARRY | OVERLONG_2,                            // ____0001
      CARRY, CARRY,                                  // ____001_
      CARRY | TOO_LARGE,                             // ____0100
      CARRY | TOO_LARGE | TOO_LARGE_1000,            // ____0101
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,  // ____011_
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,  // ____1000, 1001
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000,  // ____1010, 1011
      CARRY | TOO_LARGE | TOO_LARGE_1000,                                      // ____1100
      CARRY | TOO_LARGE | TOO_LARGE_1000 | SURROGATE,                          // ____1101
      CARRY | TOO_LARGE | TOO_LARGE_1000, CARRY | TOO_LARGE | TOO_LARGE_1000);  // ____111_
  const __m256i byte_2_high_table = TABLE16(
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT,  // 0___
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE_1000 | OVERLONG_4,            // 1000
      TOO_LONG | OVERLONG_2 | TWO_CONTS | OVERLONG_3 | TOO_LARGE,                              // 1001
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                               // 1010
      TOO_LONG | OVERLONG_2 | TWO_CONTS | SURROGATE | TOO_LARGE,                               // 1011
      TOO_SHORT, TOO_SHORT, TOO_SHORT, TOO_SHORT);                                             // 11__

  __m256i prev1 = PREV(input, prev_input, 1);
  __m256i b1h = _mm256_shuffle_epi8(byte_1_high_table, high_nibbles(prev1));
  __m256i b1l = _mm256_shuffle_epi8(byte_1_low_table, _mm256_and_si256(prev1, _mm256_set1_epi8(0x0F)));
  __m256i b2h = _mm256_shuffle_epi8(byte_2_high_table, high_nibbles(input));
  __m256i special = _mm256_and_si256(_mm256_and_si256(b1h, b1l), b2h);

  // A third byte after 111_____ and a fourth after 1111____ must be continuations: there
  // TWO_CONTS is expected, and anywhere else an error.
  __m256i prev2 = PREV(input, prev_input, 2);
  __m256i prev3 = PREV(input, prev_input, 3);
  __m256i third = _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xE0 - 0x80)));   // ≥ 0x80 only after 111_____
  __m256i fourth = _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xF0 - 0x80)));  // ≥ 0x80 only after 1111____
  __m256i must23 = _mm256_and_si256(_mm256_or_si256(third, fourth), _mm256_set1_epi8((char)0x80));
  return _mm256_xor_si256(must23, special);
}

/// Non-zero where the block's last bytes begin a sequence the block does not finish.
static inline AVX2 __m256i incomplete(__m256i input) {
  const __m256i max = _mm256_setr_epi8(
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,  //
      -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, (char)(0xF0 - 1), (char)(0xE0 - 1), (char)(0xC0 - 1));
  return _mm256_subs_epu8(input, max);
}

/// 0, or 1 for a clean buffer, 2 when it is all ASCII besides.
static AVX2 int clean_avx2(const uint8_t *p, size_t n) {
  __m256i high = _mm256_setzero_si256();
  __m256i error = _mm256_setzero_si256();
  __m256i nul = _mm256_setzero_si256();
  __m256i prev_input = _mm256_setzero_si256();
  __m256i prev_incomplete = _mm256_setzero_si256();
  const __m256i zero = _mm256_setzero_si256();
  size_t i = 0;
  for (;;) {
    __m256i input;
    int last = 0;
    if (i + 32 <= n) {
      input = _mm256_loadu_si256((const __m256i *)(p + i));
    } else {
      // The tail, padded with spaces (ASCII, not NUL): a sequence cut off at the end is
      // then followed by a space, an error as it should be.
      uint8_t tail[32];
      memset(tail, 0x20, sizeof tail);
      if (n > i) memcpy(tail, p + i, n - i);
      input = _mm256_loadu_si256((const __m256i *)tail);
      last = 1;
    }
    nul = _mm256_or_si256(nul, _mm256_cmpeq_epi8(input, zero));
    high = _mm256_or_si256(high, input);
    if (_mm256_movemask_epi8(input) == 0) {
      // All ASCII: only a sequence left open by the block before can be wrong here.
      error = _mm256_or_si256(error, prev_incomplete);
    } else {
      error = _mm256_or_si256(error, block_errors(input, prev_input));
      prev_incomplete = incomplete(input);
    }
    prev_input = input;
    if (last) break;
    i += 32;
    // Stop early on a fault every 64 KiB: the caller's scan finds where it is.
    if ((i & 0xFFFF) == 0 && !_mm256_testz_si256(_mm256_or_si256(error, nul), _mm256_or_si256(error, nul))) return 0;
  }
  // The padded tail ends in spaces, so prev_incomplete needs no further check.
  __m256i bad = _mm256_or_si256(error, nul);
  if (!_mm256_testz_si256(bad, bad)) return 0;
  return _mm256_movemask_epi8(high) == 0 ? 2 : 1;
}

int redline_utf8_kind(const uint8_t *p, size_t n) {
  if (!redline_has_avx2()) return -1;
  if (n == 0) return 2;
  return clean_avx2(p, n);
}

int redline_utf8_clean(const uint8_t *p, size_t n) {
  int kind = redline_utf8_kind(p, n);
  return kind > 0 ? 1 : kind;
}

#else

int redline_utf8_kind(const uint8_t *p, size_t n) {
  (void)p;
  (void)n;
  return -1;
}

int redline_utf8_clean(const uint8_t *p, size_t n) {
  (void)p;
  (void)n;
  return -1;
}

#endif
