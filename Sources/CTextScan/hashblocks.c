// The long-input part of ByteHash (see CTextScan.h): CRC32C chains, one instruction per
// eight bytes where the multiply chains it replaced took four.
#include "CTextScan.h"
#include "cpu.h"

#include <string.h>

/// MurmurHash3's 64-bit finalizer.
static inline uint64_t fmix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
#include <nmmintrin.h>

#define SSE42 __attribute__((target("sse4.2")))

static SSE42 uint64_t blocks_crc(const uint8_t *p, size_t n, uint64_t seed, size_t *consumed) {
  uint64_t a = (uint32_t)seed, b = seed >> 32, c = (uint32_t)~seed, d = ~seed >> 32;
  size_t i = 0;
  for (; i + 32 <= n; i += 32) {
    uint64_t w0, w1, w2, w3;
    memcpy(&w0, p + i, 8);
    memcpy(&w1, p + i + 8, 8);
    memcpy(&w2, p + i + 16, 8);
    memcpy(&w3, p + i + 24, 8);
    a = _mm_crc32_u64(a, w0);
    b = _mm_crc32_u64(b, w1);
    c = _mm_crc32_u64(c, w2);
    d = _mm_crc32_u64(d, w3);
  }
  *consumed = i;
  uint64_t lo = a | (b << 32), hi = c | (d << 32);
  uint64_t r = fmix64(hi ^ 0x9E3779B97F4A7C15ull);
  return fmix64(lo ^ seed) ^ ((r << 31) | (r >> 33));
}

uint64_t redline_hash_blocks(const uint8_t *p, size_t n, uint64_t seed, size_t *consumed) {
  *consumed = 0;
  if (n < 64 || !redline_has_sse42()) return seed;
  return blocks_crc(p, n, seed, consumed);
}

#else

uint64_t redline_hash_blocks(const uint8_t *p, size_t n, uint64_t seed, size_t *consumed) {
  (void)p;
  (void)n;
  *consumed = 0;
  return seed;
}

#endif
