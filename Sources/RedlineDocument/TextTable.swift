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
  /// One part of the table, with its own lock: the two parse threads look up a text for
  /// every paragraph, and with one lock for all, on a busy machine, an eighth of the parse
  /// was spent waiting for it.
  private final class Shard: Sendable {
    /// One text per hash: a second, different text with the same hash is made on its own
    /// (correct, only not shared), so a slot never needs a list.
    let table: Mutex<Slots>
    init(capacity: Int) { table = Mutex(Slots(capacity: capacity)) }
  }

  /// Texts by their hash, in open addressing (linear probing, at most three quarters
  /// full). The hash is `ByteHash`'s already: a `Dictionary` hashed it again (SipHash) at
  /// every lookup, twice for each text made. An empty text marks a free slot (the table
  /// holds only texts of more than 15 bytes).
  struct Slots {
    private var hashes: [UInt64] = []
    private var texts: [String] = []
    private(set) var count = 0

    init(capacity: Int) {
      var size = 0
      if capacity > 0 {
        size = 8
        while size / 4 * 3 < capacity { size <<= 1 }
      }
      hashes = [UInt64](repeating: 0, count: size)
      texts = [String](repeating: "", count: size)
    }

    /// How many texts fit before the slots grow.
    var capacity: Int { texts.count / 4 * 3 }

    /// The text remembered for hash `h`, if any.
    func find(_ h: UInt64) -> String? {
      guard !texts.isEmpty else { return nil }
      let mask = texts.count - 1
      var i = Int(truncatingIfNeeded: h) & mask
      while !texts[i].isEmpty {
        if hashes[i] == h { return texts[i] }
        i = (i &+ 1) & mask
      }
      return nil
    }

    /// Remembers `text` (not empty) for hash `h`, which holds none.
    mutating func insert(_ h: UInt64, _ text: String) {
      precondition(!text.isEmpty, "an empty text marks a free slot")
      if count + 1 > capacity { grow() }
      let mask = texts.count - 1
      var i = Int(truncatingIfNeeded: h) & mask
      while !texts[i].isEmpty { i = (i &+ 1) & mask }
      hashes[i] = h
      texts[i] = text
      count += 1
    }

    private mutating func grow() {
      var bigger = Slots(capacity: max(8, capacity * 2))
      for i in texts.indices where !texts[i].isEmpty { bigger.insert(hashes[i], texts[i]) }
      self = bigger
    }
  }
  /// 2^`shardBits` shards; a text's is picked by the top bits of its hash.
  private let shards: [Shard]
  private static let shardBits = 6
  /// Bits of the hash kept (all; tests keep none, so that every text collides).
  private let hashMask: UInt64

  /// A table with room for about `expected` texts, made here, on the caller's thread.
  /// Growing a shard while both parse threads run frees its old storage on whichever thread
  /// grew it; when the other thread had made it, that free waits for the other thread's
  /// malloc arena, and most of the parse's waits for a lock were these (`perf`, sched_switch).
  package convenience init(expected: Int = 0) { self.init(hashMask: .max, expected: expected) }

  init(hashMask: UInt64, expected: Int = 0) {
    self.hashMask = hashMask
    let each = max(0, expected) >> Self.shardBits
    shards = (0..<(1 << Self.shardBits)).map { _ in Shard(capacity: each + each / 8) }
  }

  /// About how many texts of more than 15 bytes `bytes` of Markdown hold: one in 512 bytes
  /// (generated drafts: 570; the real drafts of `drafts/`: 300-700).
  package static func expectedTexts(bytes: Int) -> Int { bytes / 512 }

  /// The text of these bytes (valid UTF-8): a `String` made before for the same bytes,
  /// else a new one, remembered.
  func string(validUTF8 p: UnsafeBufferPointer<UInt8>) -> String {
    // Up to 15 bytes a String keeps inline, with nothing to share.
    guard p.count > 15, let base = p.baseAddress else { return FastText.string(validUTF8: p) }
    let h = ByteHash.of(base, count: p.count) & hashMask
    let shard = shards[Int(truncatingIfNeeded: h >> UInt64(64 - Self.shardBits))]
    if let found = shard.table.withLock({ $0.find(h) }), Self.equal(found, p) { return found }
    let made = FastText.string(validUTF8: p)
    return shard.table.withLock { t -> String in
      if let found = t.find(h) { return Self.equal(found, p) ? found : made }  // the other thread was first
      t.insert(h, made)
      return made
    }
  }

  /// How many texts the table holds before any shard grows (for tests).
  var capacity: Int { shards.reduce(0) { n, s in n + s.table.withLock { $0.capacity } } }

  /// Number of texts remembered (for tests).
  var count: Int { shards.reduce(0) { n, s in n + s.table.withLock { $0.count } } }

  private static func equal(_ s: String, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
    s.withUTF8Bytes { q in q.count == p.count && memcmp(q.baseAddress!, p.baseAddress!, p.count) == 0 }
  }
}
