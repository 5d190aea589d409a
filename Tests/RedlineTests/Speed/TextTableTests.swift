import Foundation
import Synchronization
import Testing

@testable import RedlineDocument

/// Two versions parsed together make each paragraph text once (`TextTable`): the second
/// version's unchanged paragraphs share the first's storage, in sections whose bytes differ
/// (sections with the same bytes share their whole parse through `ParseCache`). The
/// documents are exactly those parsed without sharing.
@Suite struct TextTableTests {
  /// Where a text's bytes live (nil for a text short enough to be kept inline).
  static func storage(_ s: String) -> UnsafeRawPointer? {
    var s = s
    guard s.utf8.count > 15 else { return nil }
    return s.withUTF8 { UnsafeRawPointer($0.baseAddress) }
  }

  /// Both versions as `parseBoth` parses them: one thread from the top, one from the end.
  static func parseTogether(_ a: [UInt8], _ b: [UInt8], sharing: Bool) -> (Document, Document) {
    let cache = ParseCache(copiesBytes: false, sharesTexts: sharing)
    let out = Mutex<[Document?]>([nil, nil])
    DispatchQueue.concurrentPerform(iterations: 2) { k in
      let d = MarkdownParser.parse(k == 0 ? a : b, path: "a.md", cache: cache, warmFromEnd: k == 1)
      out.withLock { $0[k] = d }
    }
    return out.withLock { ($0[0]!, $0[1]!) }
  }

  @Test func unchangedParagraphsInChangedSectionsShareTheirText() {
    var old = ""
    var new = ""
    for s in 1...20 {
      old += "# \(s) Alueiden kehittäminen\n\n"
      new += "# \(s) Alueiden kehittäminen\n\n"
      for p in 1...5 {
        let text = "Maakuntien yhteistyö vahvistaa elinvoimaa ja osaamista, kappale \(s).\(p).\n\n"
        old += text
        new += p == 3 ? "Muutettu kappale \(s), ”uusi” – sanamuoto.\n\n" : text
      }
    }
    let (a, b) = Self.parseTogether(Array(old.utf8), Array(new.utf8), sharing: true)
    let (a0, b0) = Self.parseTogether(Array(old.utf8), Array(new.utf8), sharing: false)
    #expect(a == a0 && b == b0, "sharing changes no document")
    var shared = 0
    var separate = 0
    for (x, y) in zip(a.blocks, b.blocks) where x.text == y.text {
      if Self.storage(x.text) == Self.storage(y.text) { shared += 1 } else { separate += 1 }
    }
    #expect(shared == 20 * 4 && separate == 0, "shared \(shared), separate \(separate)")
    for (x, y) in zip(a0.blocks, b0.blocks) where x.text == y.text {
      #expect(Self.storage(x.text) != Self.storage(y.text), "without the table each version has its own copy")
    }
  }

  /// Generated drafts and their edits, the sample drafts: parsed together with and without
  /// the table, the documents are equal, and so are their texts byte for byte.
  @Test func sharingChangesNoDocument() {
    var g = DraftGenerator(seed: 4242)
    var pairs: [([UInt8], [UInt8])] = []
    for _ in 0..<6 {
      let m = g.model()
      pairs.append((Array(m.markdown().utf8), Array(g.edit(m).markdown(wrap: true).utf8)))
    }
    let docs = ParsePiecesTests.realDocuments
    for k in 0..<(docs.count - 1) { pairs.append((docs[k], docs[k + 1])) }
    for (old, new) in pairs {
      let (a, b) = Self.parseTogether(old, new, sharing: true)
      #expect(a == ParsePiecesTests.whole(old))
      #expect(b == ParsePiecesTests.whole(new))
    }
  }

  /// A text is shared only with the same bytes: with every hash equal (a table that keeps
  /// no bit of it), the first text is remembered and a different one is made on its own.
  @Test(arguments: [UInt64.max, 0], [0, 4096]) func aTextIsSharedOnlyWithTheSameBytes(_ mask: UInt64, expected: Int) {
    let t = TextTable(hashMask: mask, expected: expected)
    func make(_ s: String) -> String {
      Array(s.utf8).withUnsafeBufferPointer { t.string(validUTF8: $0) }
    }
    let x = make("Alueiden kehittämisen painopisteet")
    let z = make("Alueiden kehittämisen painopisteeT")
    let y = make("Alueiden kehittämisen painopisteet")
    #expect(x == y && Self.storage(x) == Self.storage(y))
    #expect(z == "Alueiden kehittämisen painopisteeT" && Self.storage(z) != Self.storage(x))
    #expect(make("lyhyt") == "lyhyt", "a text kept inline is made as it is")
    #expect(t.count == (mask == 0 ? 1 : 2), "texts kept inline are not remembered; one text per hash")
  }

  /// The slots find every text by its hash and nothing else, grown from empty or from
  /// room asked for, with hashes that crowd one run of slots (equal low bits) and random
  /// ones; a text is never lost when they grow.
  @Test(arguments: [0, 100]) func slotsFindWhatWasPutAndNothingElse(_ room: Int) {
    var slots = TextTable.Slots(capacity: room)
    var rng = SeededRandom(seed: UInt64(7 + room))
    var kept: [(UInt64, String)] = []
    for k in 0..<3_000 {
      let h = k % 3 == 0 ? UInt64(k) << 20 : UInt64.random(in: 0...UInt64.max, using: &rng)
      guard slots.find(h) == nil else { continue }
      let text = "teksti numero \(k), pidempi kuin viisitoista tavua"
      slots.insert(h, text)
      kept.append((h, text))
    }
    #expect(slots.count == kept.count && slots.capacity >= kept.count)
    for (h, text) in kept { #expect(slots.find(h) == text) }
    var missing = 0
    for _ in 0..<1_000 {
      let h = UInt64.random(in: 0...UInt64.max, using: &rng)
      if !kept.contains(where: { $0.0 == h }) && slots.find(h) == nil { missing += 1 }
    }
    #expect(missing == 1_000)
  }

  /// A table made for a comparison has room for the texts its versions' size suggests
  /// before the parse threads start (growing it on them freed storage across threads).
  @Test func aTableIsMadeAtTheSizeOfTheVersions() {
    let bytes = 5_000_000
    let expected = TextTable.expectedTexts(bytes: bytes)
    #expect(expected > 5_000 && expected < 20_000)
    #expect(TextTable(expected: expected).capacity >= expected)
    #expect(ParseCache(copiesBytes: false, sharesTexts: true, expectedBytes: bytes).texts!.capacity >= expected)
    #expect(TextTable().capacity < 64 * 4, "no room asked: the shards start empty")
  }
}

/// `ByteHash` is only a bucket (every hit is confirmed by the bytes), but a bucket that
/// missed part of the bytes would put every long text of a draft into few buckets. From
/// 64 bytes on it runs four chains over interleaved words: each byte of each chain and of
/// the tail still changes the hash.
@Suite struct ByteHashTests {
  static func hash(_ b: [UInt8]) -> UInt64 { b.withUnsafeBytes { ByteHash.of($0.baseAddress, count: $0.count) } }

  /// Below 64 bytes: one chain over the eight-byte words, then the tail taken byte by byte
  /// (what the four-two-one reads of the tail must give on a little-endian machine).
  static func reference(_ b: [UInt8]) -> UInt64 {
    func mixed(_ x: UInt64) -> UInt64 {
      var h = x
      h ^= h >> 33
      h = h &* 0xFF51_AFD7_ED55_8CCD
      h ^= h >> 33
      return h
    }
    let k: UInt64 = 0x517C_C1B7_2722_0A95
    var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(b.count)
    guard !b.isEmpty else { return mixed(((h << 5) | (h >> 59)) &* k) }
    var i = 0
    while i + 8 <= b.count {
      var w: UInt64 = 0
      for j in 0..<8 { w |= UInt64(b[i + j]) << (8 * UInt64(j)) }
      h = (((h << 5) | (h >> 59)) ^ w) &* k
      i += 8
    }
    var tail: UInt64 = 0
    for j in i..<b.count { tail |= UInt64(b[j]) << (8 * UInt64(j - i)) }
    return mixed((((h << 5) | (h >> 59)) ^ tail) &* k)
  }

  @Test func shortInputsEqualTheByteByByteDefinition() {
    var g = SeededRandom(seed: 64)
    for n in 0..<64 {
      for _ in 0..<8 {
        let b = (0..<n).map { _ in UInt8.random(in: 0...255, using: &g) }
        #expect(Self.hash(b) == Self.reference(b), "\(n) bytes: \(b)")
      }
    }
  }

  /// With the CRC32C chains (where the processor has SSE 4.2) and with the multiply chains
  /// (every processor's fallback), each byte and the length change the hash.
  @Test(arguments: [true, false]) func everyByteAndTheLengthCount(_ crc: Bool) {
    func hash(_ b: [UInt8]) -> UInt64 { b.withUnsafeBytes { ByteHash.of($0.baseAddress, count: $0.count, crc: crc) } }
    let text = Array(
      ("Maakuntien liitot kehittävät alueitaan yhdessä kuntien, valtion ja yritysten kanssa. "
        + "Landskapsförbunden utvecklar sina regioner tillsammans med kommunerna.").utf8)
    #expect(text.count > 128 + 8)
    let base = hash(text)
    for i in text.indices {
      var changed = text
      changed[i] ^= 0x20
      #expect(hash(changed) != base, "byte \(i) of \(text.count) is left out")
    }
    // Every prefix (the lengths on both sides of the four-chain threshold) hashes apart.
    let prefixes = (0...text.count).map { hash(Array(text.prefix($0))) }
    #expect(Set(prefixes).count == prefixes.count)
    // Swapping two bytes between chains (the first of the first and second words) changes it too.
    var swapped = text
    swapped.swapAt(0, 8)
    #expect(hash(swapped) != base)
    // Below 64 bytes both ways are one chain: the same value.
    let short = Array(text.prefix(63))
    #expect(hash(short) == Self.hash(short))
  }
}
