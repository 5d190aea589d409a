// Which vector instructions this processor has, asked once per feature and file (two
// threads asking at once both store the same answer). Internal to CTextScan.
#ifndef REDLINE_CTEXTSCAN_CPU_H
#define REDLINE_CTEXTSCAN_CPU_H

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
/// Defines `int name(void)`: 1 when the processor has `feature` (a name
/// `__builtin_cpu_supports` knows), else 0.
#define REDLINE_CPU_HAS(name, feature)                    \
  static inline int name(void) {                          \
    static int answer = -1;                               \
    int known = __atomic_load_n(&answer, __ATOMIC_RELAXED); \
    if (known < 0) {                                      \
      __builtin_cpu_init();                               \
      known = __builtin_cpu_supports(feature) ? 1 : 0;    \
      __atomic_store_n(&answer, known, __ATOMIC_RELAXED); \
    }                                                     \
    return known;                                         \
  }
#else
#define REDLINE_CPU_HAS(name, feature) \
  static inline int name(void) { return 0; }
#endif

/// AVX2: the 32-byte scans (UTF-8 check, plain runs, JSON escapes).
REDLINE_CPU_HAS(redline_has_avx2, "avx2")
/// SSE 4.2: CRC32C, `ByteHash`'s long inputs.
REDLINE_CPU_HAS(redline_has_sse42, "sse4.2")

#endif
