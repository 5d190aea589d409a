import Foundation

/// Literal substring search on UTF-8 bytes (`memchr` for the first byte, `memcmp` for the
/// rest), for the hot loops of re-anchoring, history and blame, where Foundation's
/// `String.contains` (an `NSString` search in UTF-16) cost most of the time of following
/// 1,000 threads through 50 versions.
/// Block texts are NFC-normalized, so equal text is equal bytes; a match is accepted only
/// when it does not end inside a grapheme (the next scalar does not extend it).
package enum TextSearch {
  /// True when `needle` occurs in `haystack` as a whole sequence of characters.
  package static func contains(_ haystack: String, _ needle: String) -> Bool {
    if needle.isEmpty { return true }
    let found: Bool?? = haystack.utf8.withContiguousStorageIfAvailable { h in
      needle.utf8.withContiguousStorageIfAvailable { n in search(h, n) }
    }
    if case .some(.some(let r)) = found { return r }
    var h = haystack
    var n = needle
    h.makeContiguousUTF8()
    n.makeContiguousUTF8()
    return contains(h, n)
  }

  private static func search(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let hb = h.baseAddress, let nb = n.baseAddress, n.count <= h.count else { return false }
    var from = 0
    let first = Int32(n[0])
    let last = h.count - n.count  // the last byte a match can start at
    while from <= last, let hit = memchr(hb + from, first, last - from + 1) {
      let start = UnsafeRawPointer(hb).distance(to: UnsafeRawPointer(hit))
      if memcmp(hb + start, nb, n.count) == 0 {
        let end = start + n.count
        if end == h.count || !extendsGrapheme(h, at: end) { return true }
      }
      from = start + 1
    }
    return false
  }

  /// True when the scalar starting at byte `i` joins the character before it (a combining
  /// mark, a variation selector, a zero-width joiner …).
  private static func extendsGrapheme(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
    let b = p[i]
    if b < 0x80 { return false }
    var it = p[i...].makeIterator()
    var decoder = UTF8()
    guard case .scalarValue(let u) = decoder.decode(&it) else { return false }
    return u.properties.isGraphemeExtend || u.value == 0x200D || u.properties.isVariationSelector
  }
}
