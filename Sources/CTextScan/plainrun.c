// The longest run of bytes text normalization copies as they are (see CTextScan.h): the
// normalizer's fast path, 32 bytes at a time.
#include "CTextScan.h"
#include "cpu.h"

#include <string.h>

static inline int visible(uint8_t b) { return b >= 0x21 && b <= 0x7E; }

/// Whether byte `j` is left as it is, given the run reached it (the byte before, if in the
/// run, was left as it is too).
static inline int plain_at(const uint8_t *src, size_t n, size_t j, int at_start) {
  uint8_t b = src[j];
  if (visible(b)) return 1;
  if (b == 0x20)
    return !(at_start && j == 0) && j + 1 < n &&
           (visible(src[j + 1]) || (src[j + 1] == 0xC3 && j + 2 < n && (src[j + 2] & 0xC0) == 0x80));
  if (b == 0xC3) return j + 1 < n && (src[j + 1] & 0xC0) == 0x80;
  if ((b & 0xC0) == 0x80) return j > 0 && src[j - 1] == 0xC3;
  return 0;
}

size_t redline_plain_run_bytes(const uint8_t *src, size_t n, uint8_t *dst, int at_start) {
  size_t j = 0;
  while (j < n && plain_at(src, n, j, at_start)) {
    dst[j] = src[j];
    j++;
  }
  return j;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))

/// Bytes in 0x21–0x7E.
static inline AVX2 __m256i visible32(__m256i x) {
  __m256i t = _mm256_sub_epi8(x, _mm256_set1_epi8(0x21));
  return _mm256_cmpeq_epi8(_mm256_min_epu8(t, _mm256_set1_epi8(0x5D)), t);
}

static AVX2 size_t run_avx2(const uint8_t *src, size_t n, uint8_t *dst, int at_start) {
  // The first byte alone: it has no byte before it in the run, and may be the first written.
  if (n == 0 || !plain_at(src, n, 0, at_start)) return 0;
  dst[0] = src[0];
  size_t i = 1;
  const __m256i c3 = _mm256_set1_epi8((char)0xC3);
  const __m256i top2 = _mm256_set1_epi8((char)0xC0);
  const __m256i cont_bits = _mm256_set1_epi8((char)0x80);
  const __m256i space = _mm256_set1_epi8(0x20);
  // Each window needs the byte before it and the two after it.
  while (i + 34 <= n) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(src + i));
    __m256i next = _mm256_loadu_si256((const __m256i *)(src + i + 1));
    __m256i next2 = _mm256_loadu_si256((const __m256i *)(src + i + 2));
    __m256i prev = _mm256_loadu_si256((const __m256i *)(src + i - 1));
    // C3 then a continuation byte, at each position.
    __m256i letter = _mm256_and_si256(_mm256_cmpeq_epi8(x, c3), _mm256_cmpeq_epi8(_mm256_and_si256(next, top2), cont_bits));
    __m256i next_letter =
        _mm256_and_si256(_mm256_cmpeq_epi8(next, c3), _mm256_cmpeq_epi8(_mm256_and_si256(next2, top2), cont_bits));
    __m256i ok = _mm256_or_si256(
        _mm256_or_si256(visible32(x),
                        _mm256_and_si256(_mm256_cmpeq_epi8(x, space), _mm256_or_si256(visible32(next), next_letter))),
        _mm256_or_si256(letter, _mm256_and_si256(_mm256_cmpeq_epi8(_mm256_and_si256(x, top2), cont_bits),
                                                 _mm256_cmpeq_epi8(prev, c3))));
    _mm256_storeu_si256((__m256i *)(dst + i), x);  // room: i + 32 < n
    unsigned mask = (unsigned)_mm256_movemask_epi8(ok);
    if (mask != 0xFFFFFFFFu) return i + (size_t)__builtin_ctz(~mask);
    i += 32;
  }
  while (i < n && plain_at(src, n, i, at_start)) {
    dst[i] = src[i];
    i++;
  }
  return i;
}

size_t redline_plain_run(const uint8_t *src, size_t n, uint8_t *dst, int at_start) {
  if (redline_has_avx2()) return run_avx2(src, n, dst, at_start);
  return redline_plain_run_bytes(src, n, dst, at_start);
}

#else

size_t redline_plain_run(const uint8_t *src, size_t n, uint8_t *dst, int at_start) {
  return redline_plain_run_bytes(src, n, dst, at_start);
}

#endif
