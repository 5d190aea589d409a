import CTextScan

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Byte-level helpers for the hot loops (loading, normalizing, indexing lines): eight bytes
/// at a time where the text is ASCII or Latin-1 letters, and `String`s made from bytes this
/// module has already checked, without the standard library checking them a second time.
package enum FastText {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// The high bit of each byte of `t` that is zero (exact, byte by byte).
  @inline(__always)
  static func zeroBytes(_ t: UInt64) -> UInt64 {
    let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    return ~(((t & low7) &+ low7) | t) & highs
  }

  /// How many bytes at the start of `p` normalization copies as they are
  /// (`redline_plain_run`; with `vector: false`, its byte-at-a-time twin), and the copy it
  /// wrote. For tests.
  static func plainRun(_ p: [UInt8], atStart: Bool, vector: Bool = true) -> (count: Int, copy: [UInt8]) {
    var out = [UInt8](repeating: 0, count: p.count)
    let count = p.withUnsafeBufferPointer { src in
      out.withUnsafeMutableBufferPointer { dst -> Int in
        guard let s = src.baseAddress, let d = dst.baseAddress else { return 0 }
        return vector
          ? redline_plain_run(s, src.count, d, atStart ? 1 : 0)
          : redline_plain_run_bytes(s, src.count, d, atStart ? 1 : 0)
      }
    }
    return (count, Array(out.prefix(count)))
  }

  /// True when eight bytes hold no NUL and only ASCII and whole two-byte sequences
  /// (`C2`–`DF` then a continuation byte, both inside the eight): valid UTF-8 as they are.
  @inline(__always)
  static func isClean8(_ w: UInt64) -> Bool {
    let high = w & highs
    if high == 0 { return (w &- ones) & ~w & highs == 0 }
    let lead = zeroBytes((w & (0xE0 &* ones)) ^ (0xC0 &* ones))  // 110xxxxx
    let overlong = zeroBytes((w & (0xFE &* ones)) ^ (0xC0 &* ones))  // C0, C1
    let cont = w & ~(w << 1) & highs  // 10xxxxxx
    return high == lead | cont && cont == lead << 8 && lead & 0x8000_0000_0000_0000 == 0 && overlong == 0
      && zeroBytes(w) == 0
  }

  /// Length of the UTF-8 sequence starting at `i` (a byte ≥ 0x80), or 0 when it breaks the
  /// Unicode rules (no overlongs, no surrogates, nothing above U+10FFFF, no truncation).
  @inline(__always)
  static func scalarLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let n = p.count
    let b = p[i]
    var lo: UInt8 = 0x80
    var hi: UInt8 = 0xBF
    let len: Int
    switch b {
    case 0xC2...0xDF: len = 2
    case 0xE0:
      len = 3
      lo = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: len = 3
    case 0xED:
      len = 3
      hi = 0x9F
    case 0xF0:
      len = 4
      lo = 0x90
    case 0xF1...0xF3: len = 4
    case 0xF4:
      len = 4
      hi = 0x8F
    default: return 0
    }
    guard i + len <= n else { return 0 }
    let b1 = p[i + 1]
    if b1 < lo || b1 > hi { return 0 }
    if len > 2 && p[i + 2] & 0xC0 != 0x80 { return 0 }
    if len > 3 && p[i + 3] & 0xC0 != 0x80 { return 0 }
    return len
  }

  /// Offset of the first NUL byte and of the first byte that breaks UTF-8. Both nil for a
  /// clean buffer. A clean buffer (almost every draft) is known as such 32 bytes at a time
  /// (`redline_utf8_clean`, where the processor has AVX2); any other goes through
  /// `scanBytes`, which finds where.
  package static func scan(_ p: UnsafeBufferPointer<UInt8>) -> (nul: Int?, invalid: Int?) {
    if vectorClean(p) == true { return (nil, nil) }
    return scanBytes(p)
  }

  /// `redline_utf8_kind`: 2 for valid UTF-8 without NUL that is all ASCII, 1 for any other
  /// such bytes, 0 for the rest, -1 where the processor has no AVX2.
  @inline(__always)
  static func utf8Kind(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int { Int(redline_utf8_kind(base, count)) }

  /// Whether `p` is valid UTF-8 without NUL, asked of `redline_utf8_clean`; nil where the
  /// processor has no AVX2.
  static func vectorClean(_ p: UnsafeBufferPointer<UInt8>) -> Bool? {
    guard let base = p.baseAddress else { return true }
    switch redline_utf8_clean(base, p.count) {
    case 1: return true
    case 0: return false
    default: return nil
    }
  }

  /// `scan` byte by byte, in one pass (ASCII without NUL eight bytes at a time; in eight
  /// bytes that are not all clean, the ASCII before the first other byte is passed at once).
  static func scanBytes(_ p: UnsafeBufferPointer<UInt8>) -> (nul: Int?, invalid: Int?) {
    let n = p.count
    guard let base = p.baseAddress else { return (nil, nil) }
    let raw = UnsafeRawPointer(base)
    var i = 0
    while i < n {
      if i &+ 8 <= n {
        let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
        if isClean8(w) {
          i &+= 8
          continue
        }
        // Bytes (little-endian: lowest first) before the first NUL or byte ≥ 0x80.
        let stop = (w & highs) | zeroBytes(w)
        let ascii = stop.trailingZeroBitCount >> 3
        if ascii > 0 {
          i &+= ascii
          continue
        }
      }
      let b = p[i]
      if b == 0 { return (i, nil) }
      if b < 0x80 {
        i &+= 1
        continue
      }
      let len = scalarLength(p, i)
      if len == 0 {
        // The first bad byte is known; only a NUL can still change the verdict.
        let rest = UnsafeBufferPointer(rebasing: p[i...])
        return (rest.firstIndex(of: 0).map { i + $0 }, i)
      }
      i &+= len
    }
    return (nil, nil)
  }

  /// Appends the offset after every LF (memchr: the C library's word-at-a-time search).
  static func appendLineStarts(_ p: UnsafeBufferPointer<UInt8>, to starts: inout [Int]) {
    guard let base = p.baseAddress else { return }
    let n = p.count
    var i = 0
    while i < n, let hit = memchr(base + i, 0x0A, n - i) {
      i = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit)) + 1
      starts.append(i)
    }
  }

  /// A `String` of bytes that are valid UTF-8 and that no one else can change while this
  /// runs (the normalizer's own buffer). From 32 bytes on, where the processor has AVX2,
  /// the bytes are checked here (`redline_utf8_kind`, a tenth of the standard library's
  /// time) and copied as a `UTF8Span` made without a second check, the standard library's
  /// public way to make a `String` of checked bytes (decision 80); anything else, and any
  /// bytes the check refuses, go through `String(decoding:as:)`, which checks and repairs.
  @inline(__always)
  static func string(validUTF8 p: UnsafeBufferPointer<UInt8>) -> String {
    guard p.count >= 32, let base = p.baseAddress else { return p.isEmpty ? "" : String(decoding: p, as: UTF8.self) }
    // `UTF8Span` is in the standard library of Swift 6.2 (macOS 26); older systems decode.
    guard #available(macOS 26.0, iOS 26.0, *) else { return String(decoding: p, as: UTF8.self) }
    let kind = utf8Kind(base, p.count)
    guard kind > 0 else { return String(decoding: p, as: UTF8.self) }
    return String(copying: UTF8Span(unchecked: p.span, isKnownASCII: kind == 2))
  }
}

extension FastText {
  /// Writes `n`'s decimal digits (as `String(n)` spells them) at `out`, which has room for
  /// 20 bytes; returns how many it wrote. Numbers in JSON and blocks' labels.
  package static func writeDecimal(_ n: Int, at out: UnsafeMutablePointer<UInt8>) -> Int {
    var v = n.magnitude
    var len = 0
    repeat {
      out[len] = UInt8(truncatingIfNeeded: v % 10) &+ 0x30
      v /= 10
      len += 1
    } while v > 0
    if n < 0 {
      out[len] = 0x2D
      len += 1
    }
    var (i, j) = (0, len - 1)
    while i < j {
      (out[i], out[j]) = (out[j], out[i])
      i += 1
      j -= 1
    }
    return len
  }

  /// A `String` of bytes joined from valid `String`s' bytes and ASCII digits (a block's
  /// label), copied without a second check: `String(decoding:as:)` checked each label's
  /// two non-ASCII signs, § and ¶, at some 300 instructions a label. Not for bytes that
  /// came from anywhere else.
  static func string(joinedFromValid p: UnsafeBufferPointer<UInt8>, isASCII: Bool) -> String {
    guard !p.isEmpty else { return "" }
    guard #available(macOS 26.0, iOS 26.0, *) else { return String(decoding: p, as: UTF8.self) }
    return String(copying: UTF8Span(unchecked: p.span, isKnownASCII: isASCII))
  }
}

extension String {
  /// `withUTF8` without copying the string first: a native string's bytes are read where
  /// they lie (no retain and release of its storage, which are atomic), any other string
  /// is made contiguous in a copy, as `withUTF8` does.
  @inlinable
  package func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    if let r = try utf8.withContiguousStorageIfAvailable(body) { return r }
    var copy = self
    return try copy.withUTF8(body)
  }

  /// Whether the two strings hold the same UTF-8 bytes (`==` also equates canonically
  /// equivalent texts; Redline's texts are NFC, where the two agree). One `memcmp`, none
  /// when both share one storage.
  package func hasSameBytes(as other: String) -> Bool {
    guard utf8.count == other.utf8.count else { return false }
    return withUTF8Bytes { p in
      other.withUTF8Bytes { q in
        p.count == 0 || p.baseAddress == q.baseAddress || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0
      }
    }
  }
}

/// A 64-bit hash of bytes, eight at a time (FxHash's multiply and rotate, then a final
/// mix); from 64 bytes on, the 32-byte blocks first as four chains over interleaved words,
/// which the processor runs side by side: CRC32C chains where it has SSE 4.2
/// (`redline_hash_blocks`, one instruction a word), else multiply chains. Only a bucket
/// for `ParseCache`, `TextTable` and the diff's interners: each confirms a hit by
/// comparing the bytes, and no output depends on the values (which differ between the
/// two kinds of processor).
package enum ByteHash {
  package static func of(_ base: UnsafeRawPointer?, count n: Int) -> UInt64 { of(base, count: n, crc: true) }

  /// `of`, with `crc: false` taking the multiply chains whatever the processor (for tests).
  @inline(__always)
  static func of(_ base: UnsafeRawPointer?, count n: Int, crc: Bool) -> UInt64 {
    var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(n)
    let k: UInt64 = 0x517C_C1B7_2722_0A95
    guard let raw = base, n > 0 else { return (((h << 5) | (h >> 59)) &* k).mixed }
    var i = 0
    if n >= 64 && crc {
      var used = 0
      let folded = redline_hash_blocks(raw.assumingMemoryBound(to: UInt8.self), n, h, &used)
      if used > 0 {
        h = folded
        i = used
      }
    }
    if n >= 64 && i == 0 {
      var a = h
      var b = h ^ 0x9E37_79B9_7F4A_7C15
      var c = h ^ 0xC2B2_AE3D_27D4_EB4F
      var d = h ^ 0x1656_67B1_9E37_79F9
      while i &+ 32 <= n {
        a = (((a << 5) | (a >> 59)) ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* k
        b = (((b << 5) | (b >> 59)) ^ raw.loadUnaligned(fromByteOffset: i &+ 8, as: UInt64.self)) &* k
        c = (((c << 5) | (c >> 59)) ^ raw.loadUnaligned(fromByteOffset: i &+ 16, as: UInt64.self)) &* k
        d = (((d << 5) | (d >> 59)) ^ raw.loadUnaligned(fromByteOffset: i &+ 24, as: UInt64.self)) &* k
        i &+= 32
      }
      let (mb, mc, md) = (b.mixed, c.mixed, d.mixed)
      h = a.mixed ^ ((mb << 17) | (mb >> 47)) ^ ((mc << 31) | (mc >> 33)) ^ ((md << 47) | (md >> 17))
    }
    while i &+ 8 <= n {
      h = ((h << 5) | (h >> 59)) ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = h &* k
      i &+= 8
    }
    // The last bytes as one little-endian word, read four, two and one at a time (the
    // same value as byte by byte; a short word, the diff's usual key, is mostly tail).
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    if n &- i >= 4 {
      tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt32.self)))
      shift = 32
      i &+= 4
    }
    if n &- i >= 2 {
      tail |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt16.self))) << shift
      shift &+= 16
      i &+= 2
    }
    if i < n { tail |= UInt64(raw.load(fromByteOffset: i, as: UInt8.self)) << shift }
    return ((((h << 5) | (h >> 59)) ^ tail) &* k).mixed
  }
}

extension UInt64 {
  /// The final mix of `ByteHash`.
  fileprivate var mixed: UInt64 {
    var h = self
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    return h
  }
}
