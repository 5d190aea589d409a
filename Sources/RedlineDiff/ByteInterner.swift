import CTextScan
import RedlineDocument

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Interns byte strings (words, block texts) to dense `Int32` ids with one hash per
/// string and no `String` allocation: an open-addressing table of ids over an array of
/// entries. Equal bytes get equal ids; texts are NFC already, so byte equality is text
/// equality.
///
/// An entry holds its string's first sixteen bytes: a word of up to sixteen bytes (most
/// words of a draft) is confirmed by the table's slot and its entry alone, without reading
/// a byte arena; only the bytes of longer strings past their sixteenth are kept in the
/// arena.
struct ByteInterner {
  /// An interned string: its hash, length, first sixteen bytes (two little-endian words,
  /// zero past the string's end) and where its bytes past the sixteenth are in the arena.
  private struct Entry {
    var hash: UInt64
    var head: (UInt64, UInt64)
    var length: Int
    var rest: Int
  }
  private var arena: [UInt8] = []
  private var entries: [Entry] = []
  private var table: [Int32]
  private var mask: Int
  /// Ids of one-byte strings by their byte, -1 where not yet seen (`intern(byte:)`; made
  /// at its first use).
  private var singles: [Int32] = []

  init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    table = [Int32](repeating: -1, count: size)
    mask = size - 1
    // Room for the entries of a usual word diff, not for `capacity`: a caller gives its
    // count of strings, and one long paragraph's tokens are mostly repeats. 1,024 entries
    // are 40 KB, below glibc's first mmap threshold (128 KB): a larger reservation, mapped
    // and unmapped, raised the threshold and a one-paragraph 2 MB pair's peak by 13 MB.
    entries.reserveCapacity(min(capacity, 1024))
  }

  var count: Int { entries.count }

  /// The bytes' `ByteHash` (a bucket only: every hit is confirmed by comparing the bytes).
  @inline(__always)
  static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
    ByteHash.of(UnsafeRawPointer(p.baseAddress), count: p.count)
  }

  /// The first sixteen bytes of `p` as two little-endian words, zero past its end: with
  /// the length, equal heads of strings of up to sixteen bytes are equal strings.
  @inline(__always)
  static func head(_ p: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
    guard let raw = UnsafeRawPointer(p.baseAddress) else { return (0, 0) }
    let n = min(p.count, 16)
    if n >= 8 { return (UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)), word(raw + 8, n &- 8)) }
    return (word(raw, n), 0)
  }

  /// `n` (0 to 8) bytes at `raw` as one little-endian word, zero above them: the way
  /// `ByteHash.of` reads its last bytes, kept here so that it is inlined into `intern`
  /// (shared from RedlineDocument it was a call: +13 M instructions at the heavy pair).
  @inline(__always)
  private static func word(_ raw: UnsafeRawPointer, _ n: Int) -> UInt64 {
    if n == 8 { return UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)) }
    var w: UInt64 = 0
    var i = 0
    var shift: UInt64 = 0
    if n >= 4 {
      w = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
      shift = 32
      i = 4
    }
    if n &- i >= 2 {
      w |= UInt64(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt16.self))) << shift
      shift &+= 16
      i &+= 2
    }
    if i < n { w |= UInt64(raw.load(fromByteOffset: i, as: UInt8.self)) << shift }
    return w
  }

  /// The table's hash of a string whose first sixteen bytes are `head`: for up
  /// to sixteen bytes made from the head and length alone (a few multiplies on words
  /// already read; a word's `ByteHash` costs some seventy instructions), for longer
  /// strings `hash` of all its bytes. A bucket only, as `hash` is.
  @inline(__always)
  static func slotHash(_ p: UnsafeBufferPointer<UInt8>, _ head: (UInt64, UInt64)) -> UInt64 {
    guard p.count <= 16 else { return hash(p) }
    let b = head.1 &* 0xC2B2_AE3D_27D4_EB4F
    var h = (head.0 &* 0x9E37_79B9_7F4A_7C15) ^ ((b << 31) | (b >> 33)) ^ UInt64(truncatingIfNeeded: p.count)
    // MurmurHash3's finalizer: every bit of the words reaches the low bits the table uses.
    h ^= h >> 33
    h = h &* 0xFF51_AFD7_ED55_8CCD
    h ^= h >> 33
    h = h &* 0xC4CE_B9FE_1A85_EC53
    h ^= h >> 33
    return h
  }

  /// The id of bytes already interned, or nil.
  func lookup(_ p: UnsafeBufferPointer<UInt8>) -> Int32? {
    let head = Self.head(p)
    return probe(p, Self.slotHash(p, head), head).id
  }

  /// The id of `p` when present, and the slot where the probe for hash `h` ended.
  private func probe(_ p: UnsafeBufferPointer<UInt8>, _ h: UInt64, _ head: (UInt64, UInt64)) -> (
    id: Int32?, slot: Int
  ) {
    var slot = Int(truncatingIfNeeded: h) & mask
    while true {
      let id = table[slot]
      if id < 0 { return (nil, slot) }
      let same = entries.withUnsafeBufferPointer { e in
        let entry = e[Int(id)]
        guard entry.hash == h && entry.length == p.count && entry.head == head else { return false }
        guard p.count > 16 else { return true }
        return arena.withUnsafeBufferPointer { a in
          memcmp(a.baseAddress! + entry.rest, p.baseAddress! + 16, p.count &- 16) == 0
        }
      }
      if same { return (id, slot) }
      slot = (slot &+ 1) & mask
    }
  }

  mutating func intern(_ p: UnsafeBufferPointer<UInt8>) -> Int32 {
    let head = Self.head(p)
    return intern(p, head: head, hash: Self.slotHash(p, head))
  }

  /// A string waiting in a batch (`intern(batch:in:appendingTo:)`): where its bytes are
  /// and, once the batch is taken, its slot hash. Twenty-four bytes: a batch of 32 fits in
  /// the 1,024 bytes `withUnsafeTemporaryAllocation` takes from the stack.
  struct Waiting {
    var start: Int
    var count: Int
    var hash: UInt64 = 0
  }

  /// Interns the strings of `batch`, each `count` bytes at `base + start`, and appends
  /// their ids to `ids`, in order: the ids `intern` gives one string at a time. The
  /// strings' table slots are asked for first, then the entries those slots name, then
  /// each string is interned: their memory accesses overlap, where the table and entries
  /// of a long document's words are larger than the cache and each access to them is a
  /// wait for memory.
  mutating func intern(
    batch: UnsafeMutableBufferPointer<Waiting>, in base: UnsafePointer<UInt8>, appendingTo ids: inout [Int32]
  ) {
    let mask = self.mask
    table.withUnsafeBufferPointer { t in
      for k in batch.indices {
        let word = UnsafeBufferPointer(start: base + batch[k].start, count: batch[k].count)
        let hash = Self.slotHash(word, Self.head(word))
        batch[k].hash = hash
        redline_prefetch(t.baseAddress! + (Int(truncatingIfNeeded: hash) & mask))
      }
      entries.withUnsafeBufferPointer { e in
        for k in batch.indices {
          let id = t[Int(truncatingIfNeeded: batch[k].hash) & mask]
          guard id >= 0 else { continue }
          // A probe reads an entry's first 32 bytes, which may cross into the next line.
          let entry = UnsafeRawPointer(e.baseAddress! + Int(id))
          redline_prefetch(entry)
          redline_prefetch(entry + 31)
        }
      }
    }
    for k in batch.indices {
      let word = UnsafeBufferPointer(start: base + batch[k].start, count: batch[k].count)
      ids.append(intern(word, head: Self.head(word), hash: batch[k].hash))
    }
  }

  /// `intern(p)`, given `p`'s `head` and `slotHash`.
  @inline(__always)
  mutating func intern(_ p: UnsafeBufferPointer<UInt8>, head: (UInt64, UInt64), hash h: UInt64) -> Int32 {
    let (found, slot) = probe(p, h, head)
    if let found { return found }
    let id = Int32(entries.count)
    entries.append(Entry(hash: h, head: head, length: p.count, rest: arena.count))
    if p.count > 16 { arena.append(contentsOf: UnsafeBufferPointer(rebasing: p[16...])) }
    table[slot] = id
    if entries.count * 2 > table.count { grow() }
    return id
  }

  /// `intern` of one byte, remembered by the byte: a word diff's texts are half spaces and
  /// punctuation, each a one-byte token, which then costs no hash and no probe. The ids
  /// are `intern`'s (a byte's id is made by `intern` the first time it is seen).
  mutating func intern(byte b: UInt8) -> Int32 {
    if singles.isEmpty { singles = [Int32](repeating: -1, count: 256) }
    let known = singles[Int(b)]
    if known >= 0 { return known }
    var byte = b
    let id = withUnsafePointer(to: &byte) { intern(UnsafeBufferPointer(start: $0, count: 1)) }
    singles[Int(b)] = id
    return id
  }

  mutating func intern(_ s: String) -> Int32 {
    var s = s
    return s.withUTF8 { intern($0) }
  }

  private mutating func grow() {
    let size = table.count * 2
    table = [Int32](repeating: -1, count: size)
    mask = size - 1
    for k in 0..<entries.count {
      var slot = Int(truncatingIfNeeded: entries[k].hash) & mask
      while table[slot] >= 0 { slot = (slot + 1) & mask }
      table[slot] = Int32(k)
    }
  }
}

/// Word ids of a text for similarity: words are runs of letters, digits and marks
/// (scanned on UTF-8 bytes; Latin letters with diacritics by table, other scripts by
/// Unicode properties), lowercased for ASCII and Latin-1.
enum WordScanner {
  /// Words interned together (`ByteInterner.intern(batch:in:appendingTo:)`): their slots
  /// and entries are prefetched first, so that the memory accesses overlap. Thirty-two
  /// took a tenth less time in the interner than sixteen at the heavy pair.
  static let batch = 32

  static func wordIDs(_ text: String, _ interner: inout ByteInterner) -> [Int32] {
    var t = text
    return t.withUTF8 { p -> [Int32] in
      let n = p.count
      var out: [Int32] = []
      out.reserveCapacity(n / 6)
      // Lowercasing keeps each scalar's length, so the text's words never outgrow it: they
      // are written one after another into one scratch buffer, without array appends, and
      // interned a batch at a time (`flush`).
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(n, 1)) { scratch in
        withUnsafeTemporaryAllocation(of: ByteInterner.Waiting.self, capacity: batch) { pending in
          asciiWordBytes.withUnsafeBufferPointer { ascii in
            let w = scratch.baseAddress!
            var waiting = 0
            var start = 0
            var len = 0
            func flush() {
              let words = UnsafeMutableBufferPointer(rebasing: pending[0..<waiting])
              interner.intern(batch: words, in: w, appendingTo: &out)
              waiting = 0
            }
            func end() {
              pending.initializeElement(at: waiting, to: ByteInterner.Waiting(start: start, count: len))
              waiting &+= 1
              start &+= len
              len = 0
              if waiting == batch { flush() }
            }
            var i = 0
            while i < n {
              let b = p[i]
              if b < 0x80 {
                var c = ascii[Int(b)]
                if c != 0 {
                  // The rest of a run of ASCII letters and digits, lowercased, at once.
                  while true {
                    w[start &+ len] = c
                    len &+= 1
                    i &+= 1
                    guard i < n else { break }
                    let d = p[i]
                    guard d < 0x80 else { break }
                    c = ascii[Int(d)]
                    guard c != 0 else { break }
                  }
                  continue
                }
                if len > 0 { end() }
                i &+= 1
                continue
              }
              var (v, l) = decodeScalar(p, i)
              if isWordScalar(v) {
                if v >= 0xC0 && v <= 0xDE && v != 0xD7 { v += 0x20 }  // Latin-1 upper → lower
                let at = start &+ len
                if l == 2 && v < 0x800 {
                  w[at] = UInt8(0xC0 | (v >> 6))
                  w[at &+ 1] = UInt8(0x80 | (v & 0x3F))
                } else {
                  for k in 0..<l { w[at &+ k] = p[i &+ k] }
                }
                len &+= l
              } else if len > 0 {
                end()
              }
              i &+= l
            }
            if len > 0 { end() }
            flush()
          }
        }
      }
      return out
    }
  }

  /// Each ASCII byte's place in a word: the letter lowercased, the digit itself, or 0 for
  /// a byte that ends a word.
  static let asciiWordBytes: [UInt8] = (0..<128).map { b -> UInt8 in
    switch b {
    case 0x30...0x39, 0x61...0x7A: return UInt8(b)
    case 0x41...0x5A: return UInt8(b + 0x20)
    default: return 0
    }
  }

  /// The straightforward version of `wordIDs`, kept as its specification (a property test
  /// checks that the fast path returns exactly this).
  static func wordIDsReference(_ text: String, _ interner: inout ByteInterner) -> [Int32] {
    var t = text
    return t.withUTF8 { p in
      var out: [Int32] = []
      out.reserveCapacity(p.count / 6)
      var word: [UInt8] = []
      word.reserveCapacity(64)
      var i = 0
      let n = p.count
      func flush() {
        if !word.isEmpty {
          out.append(word.withUnsafeBufferPointer { interner.intern($0) })
          word.removeAll(keepingCapacity: true)
        }
      }
      while i < n {
        let b = p[i]
        if b < 0x80 {
          if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
            word.append(b)
          } else if b >= 0x41 && b <= 0x5A {
            word.append(b + 0x20)
          } else {
            flush()
          }
          i += 1
          continue
        }
        var (v, len) = decodeScalar(p, i)
        if isWordScalar(v) {
          if v >= 0xC0 && v <= 0xDE && v != 0xD7 { v += 0x20 }  // Latin-1 upper → lower
          if len == 2 && v < 0x800 {
            word.append(UInt8(0xC0 | (v >> 6)))
            word.append(UInt8(0x80 | (v & 0x3F)))
          } else {
            for k in 0..<len { word.append(p[i + k]) }
          }
        } else {
          flush()
        }
        i += len
      }
      flush()
      return out
    }
  }

  @inline(__always)
  static func decodeScalar(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) { Normalizer.decode(p, i) }

  @inline(__always)
  static func isWordScalar(_ v: UInt32) -> Bool {
    switch v {
    case 0xC0...0x24F: return v != 0xD7 && v != 0xF7
    case 0x80...0xBF: return v == 0xAA || v == 0xB5 || v == 0xBA || v == 0xB2 || v == 0xB3 || v == 0xB9
    case 0x2000...0x206F: return false  // general punctuation: dashes, quotes, spaces
    default:
      guard let u = Unicode.Scalar(v) else { return false }
      let p = u.properties
      return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
        || p.generalCategory == .spacingMark
    }
  }
}

/// Dense ids for the block texts of two versions (equal bytes, equal id), without copying
/// the texts: the table refers to the strings themselves, which both documents keep. Two
/// versions of a large document share most of their text, so this is one hash per block
/// and one byte comparison per repeated text.
enum BlockTextIDs {
  /// Each block's text hash (`ByteInterner.hash`), in block order.
  static func hashes(_ blocks: [Block]) -> [UInt64] {
    // Through the buffer: `map`'s closure would get a copy of each block (a retain and a
    // release of each of its texts).
    blocks.withUnsafeBufferPointer { blocks in
      blocks.indices.map { blocks[$0].text.withUTF8Bytes { ByteInterner.hash($0) } }
    }
  }

  /// The ids of both versions' block texts, from their hashes (`hashes`): the same ids,
  /// in the same order, however the hashes were computed.
  static func ids(_ a: [Block], _ b: [Block], hashes: (old: [UInt64], new: [UInt64])) -> (old: [Int32], new: [Int32]) {
    var size = 16
    while size < (a.count + b.count) * 2 { size <<= 1 }
    let mask = size - 1
    var table = [Int32](repeating: -1, count: size)
    // Where each id's text was first seen: a block of the old version (index ≥ 0) or of
    // the new one (-1 - index). The blocks are read through their buffers, so no text is
    // copied.
    var first: [Int] = []
    var firstHashes: [UInt64] = []
    var ids: (old: [Int32], new: [Int32]) = ([], [])
    ids.old.reserveCapacity(a.count)
    ids.new.reserveCapacity(b.count)
    a.withUnsafeBufferPointer { a in
      b.withUnsafeBufferPointer { b in
        for (side, blocks) in [(0, a), (1, b)] {
          for i in blocks.indices {
            let h = side == 0 ? hashes.old[i] : hashes.new[i]
            var slot = Int(truncatingIfNeeded: h) & mask
            var found: Int32 = -1
            while table[slot] >= 0 {
              let k = Int(table[slot])
              // Equal paragraphs of two versions parsed together usually share one
              // storage (`TextTable`): `hasSameBytes` then compares no bytes.
              if firstHashes[k] == h {
                let f = first[k]
                let same =
                  f >= 0 ? a[f].text.hasSameBytes(as: blocks[i].text) : b[-1 - f].text.hasSameBytes(as: blocks[i].text)
                if same {
                  found = Int32(k)
                  break
                }
              }
              slot = (slot &+ 1) & mask
            }
            if found < 0 {
              found = Int32(first.count)
              table[slot] = found
              first.append(side == 0 ? i : -1 - i)
              firstHashes.append(h)
            }
            if side == 0 { ids.old.append(found) } else { ids.new.append(found) }
          }
        }
      }
    }
    return ids
  }

  /// The ids of both versions' block texts, hashed on this thread.
  static func ids(_ a: [Block], _ b: [Block]) -> (old: [Int32], new: [Int32]) {
    ids(a, b, hashes: (hashes(a), hashes(b)))
  }
}
