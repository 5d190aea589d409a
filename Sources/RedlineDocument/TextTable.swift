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
    let h = ByteHash.of(base, count: p.count) & hashMask
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
    s.withUTF8Bytes { q in q.count == p.count && memcmp(q.baseAddress!, p.baseAddress!, p.count) == 0 }
  }
}
