// Whether this processor has AVX2 (asked once; two threads asking at once both store the
// same answer). Internal to CTextScan.
#ifndef REDLINE_CTEXTSCAN_CPU_H
#define REDLINE_CTEXTSCAN_CPU_H

static inline int redline_has_avx2(void) {
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
  static int has_avx2 = -1;
  int known = __atomic_load_n(&has_avx2, __ATOMIC_RELAXED);
  if (known < 0) {
    __builtin_cpu_init();
    known = __builtin_cpu_supports("avx2") ? 1 : 0;
    __atomic_store_n(&has_avx2, known, __ATOMIC_RELAXED);
  }
  return known;
#else
  return 0;
#endif
}

/// Whether this processor has SSE 4.2 (its CRC32C instruction), asked once as above.
static inline int redline_has_sse42(void) {
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
  static int has_sse42 = -1;
  int known = __atomic_load_n(&has_sse42, __ATOMIC_RELAXED);
  if (known < 0) {
    __builtin_cpu_init();
    known = __builtin_cpu_supports("sse4.2") ? 1 : 0;
    __atomic_store_n(&has_sse42, known, __ATOMIC_RELAXED);
  }
  return known;
#else
  return 0;
#endif
}

#endif
