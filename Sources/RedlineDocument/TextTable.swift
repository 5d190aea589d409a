import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Block texts made once for the versions parsed together: a paragraph the second version
/// holds unchanged shares the first version's `String` storage rather than holding a copy
/// of it. Two versions of a draft share most of their paragraphs, so this is most of the
/// second version's text (at 5 MB, some 3 MB less at the comparison's peak). Safe to share
/// between the two parse threads; lives as long as the parse, not the documents.
package final class TextTable: Sendable {
  /// One text per hash: a second, different text with the same hash is made on its own
  /// (correct, only not shared), so a bucket never needs a list.
  private let table = Mutex<[UInt64: String]>([:])
  /// Bits of the hash kept (all; tests keep none, so that every text collides).
  private let hashMask: UInt64

  package init() { hashMask = .max }

  init(hashMask: UInt64) { self.hashMask = hashMask }

  /// The text of these bytes (valid UTF-8): a `String` made before for the same bytes,
  /// else a new one, remembered.
  func string(validUTF8 p: UnsafeBufferPointer<UInt8>) -> String {
    // Up to 15 bytes a String keeps inline, with nothing to share.
    guard p.count > 15, let base = p.baseAddress else { return FastText.string(validUTF8: p) }
    let h = Self.hash(base, p.count) & hashMask
    if let found = table.withLock({ $0[h] }), Self.equal(found, p) { return found }
    let made = FastText.string(validUTF8: p)
    return table.withLock { t -> String in
      if let found = t[h] { return Self.equal(found, p) ? found : made }  // the other thread was first
      t[h] = made
      return made
    }
  }

  /// Number of texts remembered (for tests).
  var count: Int { table.withLock { $0.count } }

  private static func equal(_ s: String, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    var s = s
    return s.withUTF8 { q in q.count == p.count && memcmp(q.baseAddress!, p.baseAddress!, p.count) == 0 }
  }

  /// `ParseCache.hash`'s multiply-and-rotate over a buffer. Only a bucket: a hit is
  /// confirmed by comparing the bytes.
  private static func hash(_ base: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
    let raw = UnsafeRawPointer(base)
    var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(n)
    let k: UInt64 = 0x517C_C1B7_2722_0A95
    var i = 0
    while i &+ 8 <= n {
      h = ((h << 5) | (h >> 59)) ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      h = h &* k
      i &+= 8
    }
    var tail: UInt64 = 0
    var shift: UInt64 = 0
    while i < n {
      tail |= UInt64(base[i]) << shift
      shift &+= 8
      i &+= 1
    }
    h = (((h << 5) | (h >> 59)) ^ tail) &* k
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    return h
  }
}
