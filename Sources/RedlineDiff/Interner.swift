/// A string key hashed and compared by its UTF-8 bytes.
///
/// Swift's `String` hashes by canonical equivalence, which re-normalizes non-ASCII text
/// on every hash. Redline's texts are already NFC, so byte equality is the same
/// equality at a fraction of the cost.
struct TextKey: Hashable {
  let text: String

  static func == (a: TextKey, b: TextKey) -> Bool {
    var x = a.text
    var y = b.text
    return x.withUTF8 { p in y.withUTF8 { q in p.count == q.count && (p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0) } }
  }

  func hash(into h: inout Hasher) {
    var t = text
    t.withUTF8 { h.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}

/// Maps equal texts to equal small integers, so diffs compare integers.
struct Interner {
  private var ids: [TextKey: Int32] = [:]
  private(set) var count: Int32 = 0

  init(capacity: Int = 0) { ids.reserveCapacity(capacity) }

  mutating func intern(_ s: String) -> Int32 {
    let k = TextKey(text: s)
    if let id = ids[k] { return id }
    let id = count
    ids[k] = id
    count += 1
    return id
  }
}

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
