// The next byte JSON output escapes (see CTextScan.h), 32 bytes at a time.
#include "CTextScan.h"
#include "cpu.h"

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <immintrin.h>

#define AVX2 __attribute__((target("avx2")))

static inline int special_at(const uint8_t *p, size_t n, size_t i) {
  uint8_t c = p[i];
  return c < 0x20 || c == 0x22 || c == 0x5C || c == 0x7F || (c == 0xC2 && i + 1 < n && p[i + 1] < 0xA0);
}

static AVX2 size_t special_avx2(const uint8_t *p, size_t n, size_t i) {
  const __m256i quote = _mm256_set1_epi8(0x22);
  const __m256i backslash = _mm256_set1_epi8(0x5C);
  const __m256i del = _mm256_set1_epi8(0x7F);
  const __m256i c2 = _mm256_set1_epi8((char)0xC2);
  const __m256i below_space = _mm256_set1_epi8(0x1F);
  const __m256i below_a0 = _mm256_set1_epi8((char)0x9F);
  // Each window needs the byte after it (for C2).
  while (i + 33 <= n) {
    __m256i x = _mm256_loadu_si256((const __m256i *)(p + i));
    __m256i next = _mm256_loadu_si256((const __m256i *)(p + i + 1));
    __m256i control = _mm256_cmpeq_epi8(_mm256_min_epu8(x, below_space), x);  // x <= 0x1F
    __m256i c1 = _mm256_and_si256(_mm256_cmpeq_epi8(x, c2), _mm256_cmpeq_epi8(_mm256_min_epu8(next, below_a0), next));
    __m256i hit = _mm256_or_si256(_mm256_or_si256(control, c1),
                                  _mm256_or_si256(_mm256_cmpeq_epi8(x, quote),
                                                  _mm256_or_si256(_mm256_cmpeq_epi8(x, backslash), _mm256_cmpeq_epi8(x, del))));
    unsigned mask = (unsigned)_mm256_movemask_epi8(hit);
    if (mask) return i + (size_t)__builtin_ctz(mask);
    i += 32;
  }
  while (i < n && !special_at(p, n, i)) i++;
  return i;
}

size_t redline_json_special(const uint8_t *p, size_t n, size_t from) {
  if (!redline_has_avx2()) return SIZE_MAX;
  if (from >= n) return n;
  return special_avx2(p, n, from);
}

#else

size_t redline_json_special(const uint8_t *p, size_t n, size_t from) {
  (void)p;
  (void)n;
  (void)from;
  return SIZE_MAX;
}

#endif
