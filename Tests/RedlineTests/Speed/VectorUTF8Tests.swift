import Foundation
import Testing

@testable import RedlineDocument

/// `redline_utf8_clean` (AVX2, 32 bytes at a time) says "clean" exactly when the loader's
/// byte-by-byte scan finds neither a NUL nor a byte that breaks UTF-8: on every one-, two-
/// and three-byte sequence around a 32-byte boundary, on four-byte sequences with every
/// second byte, on mutated Finnish and Swedish text, and on a whole draft with one bad byte
/// anywhere in it.
@Suite struct VectorUTF8Tests {
  /// The standard library's verdict (valid UTF-8 and no NUL), the reference for both the
  /// vector check and the byte scan.
  static func clean(_ b: [UInt8]) -> Bool {
    !b.contains(0) && String(validating: b, as: UTF8.self) != nil
  }

  /// The byte scan's verdict.
  static func scanned(_ b: [UInt8]) -> Bool {
    let (nul, bad) = b.withUnsafeBufferPointer { FastText.scanBytes($0) }
    return nul == nil && bad == nil
  }

  /// The inputs where the vector check (where there is one) or the byte scan disagrees
  /// with the standard library (at most `limit` kept).
  static func disagreements(_ inputs: some Sequence<[UInt8]>, limit: Int = 5) -> [[UInt8]] {
    var out: [[UInt8]] = []
    for b in inputs {
      let expected = clean(b)
      let vector = b.withUnsafeBufferPointer { FastText.vectorClean($0) }
      if (vector != nil && vector != expected) || scanned(b) != expected {
        out.append(b)
        if out.count >= limit { break }
      }
    }
    return out
  }

  /// Whether this processor has AVX2, as Linux reports it.
  static let hasAVX2: Bool = {
    let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    return flags.split(separator: "\n").contains {
      $0.hasPrefix("flags") && $0.split(separator: " ").contains("avx2")
    }
  }()

  /// Where the processor has AVX2, the vector check answers (it is not silently skipped).
  @Test func answersWhereTheProcessorHasAVX2() throws {
    let answer = Array("Päätös".utf8).withUnsafeBufferPointer { FastText.vectorClean($0) }
    if Self.hasAVX2 {
      #expect(answer == true)
    } else {
      #expect(answer == nil)
    }
  }

  /// Every sequence of one and two bytes, ending the first 32-byte block (after 30 ASCII
  /// bytes) and crossing into the second (after 31), with or without ASCII after it; three-
  /// byte sequences with every lead byte from C0, across the boundary (after 30).
  @Test func everyShortSequenceAcrossABoundary() {
    var misses: [[UInt8]] = []
    let (p30, p31) = ([UInt8](repeating: 0x61, count: 30), [UInt8](repeating: 0x61, count: 31))
    for x in 0..<(1 << 16) {
      let (b0, b1) = (UInt8(x >> 8), UInt8(x & 0xFF))
      misses += Self.disagreements(
        [p30 + [b0, b1], p31 + [b0, b1], p31 + [b0, b1, 0x62], [b0, b1], [b0]], limit: 1)
    }
    for b0 in UInt8(0xC0)...0xFF {
      for b1 in UInt8(0x70)...0xC5 {
        let inputs = (UInt8(0x70)...0xC5).lazy.map { b2 in p30 + [b0, b1, b2] }
        misses += Self.disagreements(inputs, limit: 1)
      }
    }
    let agree = misses.isEmpty
    #expect(agree, "first disagreements (last bytes): \(misses.prefix(3).map { Array($0.suffix(4)) })")
  }

  /// Four-byte sequences with leads F0–FF, every second byte from 0x70 to 0xC5 (both
  /// sides of the continuation range), and third and fourth bytes at the edges of that
  /// range, ending at the boundary or crossing it (offsets 28–31).
  @Test func fourByteSequences() {
    let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xF4]
    var misses: [[UInt8]] = []
    for b0 in UInt8(0xF0)...0xFF {
      for b1 in UInt8(0x70)...0xC5 {
        for b2 in edges {
          for b3 in edges {
            for off in 28...31 {
              var b = [UInt8](repeating: 0x78, count: off)
              b += [b0, b1, b2, b3]
              misses += Self.disagreements([b, b + [0x20, 0x20]], limit: 1)
            }
          }
        }
      }
    }
    let agree = misses.isEmpty
    #expect(agree, "first disagreements (last bytes): \(misses.prefix(3).map { Array($0.suffix(4)) })")
  }

  /// Finnish, Swedish and typographic text cut at random points and mutated with bad bytes,
  /// lengths 0–300 (every tail length).
  @Test func mutatedText() {
    var rng = SeededRandom(seed: 32)
    let sample = Array(
      "Kehitetään satamia ja lentokenttiä — ”lainaus” ja Åbo, Göteborg, ärende 𝄞 😀 e\u{301} Itä-Suomi; remissvar beaktad. "
        .utf8)
    let bad: [UInt8] = [0x00, 0x80, 0xBF, 0xC0, 0xC1, 0xC3, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
    var inputs: [[UInt8]] = []
    for _ in 0..<60_000 {
      let start = Int.random(in: 0..<sample.count, using: &rng)
      var b: [UInt8] = []
      let n = Int.random(in: 0...300, using: &rng)
      while b.count < n { b += sample[start...].prefix(n - b.count) }
      for _ in 0..<Int.random(in: 0...2, using: &rng) where !b.isEmpty {
        b[Int.random(in: 0..<b.count, using: &rng)] = bad.randomElement(using: &rng)!
      }
      inputs.append(b)
    }
    let misses = Self.disagreements(inputs)
    let agree = misses.isEmpty
    #expect(agree, "first disagreement: \(misses.first.map { Array($0) } ?? [])")
    // The mutations are not all harmless: both verdicts occur.
    let verdicts = Set(inputs.prefix(2_000).map(Self.clean))
    #expect(verdicts == [true, false])
  }

  /// A whole corpus draft is clean; one NUL, one stray continuation byte or one cut-off
  /// sequence anywhere in it is not (positions across the draft, beyond 64 KiB too).
  @Test func oneBadByteInAWholeDraft() {
    guard let draft = FastPathReferenceTests.corpusFiles.max(by: { $0.1.count < $1.1.count })?.1 else {
      Issue.record("no corpus")
      return
    }
    #expect(draft.count > 1 << 16)
    #expect(draft.withUnsafeBufferPointer { FastText.vectorClean($0) } != false)
    var misses = 0
    var b = draft
    for at in stride(from: 0, to: draft.count, by: draft.count / 40 + 1) {
      for v: UInt8 in [0x00, 0x80, 0xFF] {
        let old = b[at]
        b[at] = v
        let vector = b.withUnsafeBufferPointer { FastText.vectorClean($0) }
        let expected = Self.clean(b)
        if (vector != nil && vector != expected) || Self.scanned(b) != expected { misses += 1 }
        b[at] = old
      }
    }
    // A draft cut inside its last multi-byte character.
    if let last = draft.lastIndex(where: { $0 >= 0xC0 }) {
      let cut = Array(draft[...last])
      let vector = cut.withUnsafeBufferPointer { FastText.vectorClean($0) }
      #expect(vector != true)
    }
    #expect(misses == 0)
  }

  /// `FastText.string(validUTF8:)` (checked here, then copied unchecked) makes the same
  /// string as `String(decoding:as:)`, ASCII or not, short or long, and on bytes that are
  /// not UTF-8 after all repairs them as it does; ASCII is told from the rest.
  @Test func stringsMadeFromCheckedBytesEqualDecodedOnes() {
    var rng = SeededRandom(seed: 80)
    let sample = Array("Päätös — ”ärende” 𝄞 e\u{301} kunta ja alue ".utf8)
    var inputs: [[UInt8]] = [[], Array("a".utf8), Array(String(repeating: "x", count: 40).utf8)]
    for round in 0..<3_000 {
      let n = Int.random(in: 0...200, using: &rng)
      var b: [UInt8] = []
      while b.count < n { b += sample[Int.random(in: 0..<sample.count, using: &rng)...].prefix(n - b.count) }
      if round % 2 == 0 { b = b.map { $0 < 0x80 ? $0 : 0x61 } }  // all ASCII
      if round % 7 == 0, !b.isEmpty { b[Int.random(in: 0..<b.count, using: &rng)] = 0xFF }
      inputs.append(b)
    }
    var differ: [[UInt8]] = []
    var asciiSeen = false
    for b in inputs {
      let made = b.withUnsafeBufferPointer { FastText.string(validUTF8: $0) }
      let decoded = String(decoding: b, as: UTF8.self)
      if Array(made.utf8) != Array(decoded.utf8) || made != decoded || made.count != decoded.count { differ.append(b) }
      let kind = b.withUnsafeBufferPointer { p in p.baseAddress.map { FastText.utf8Kind($0, p.count) } ?? 2 }
      guard kind >= 0 else { continue }  // no AVX2: nothing to tell
      let ascii = !b.contains(0) && b.allSatisfy { $0 < 0x80 }
      if (kind == 2) != ascii || (kind > 0) != Self.clean(b) { differ.append(b) }
      asciiSeen = asciiSeen || kind == 2
    }
    let same = differ.isEmpty
    #expect(same, "first difference: \(differ.first ?? [])")
    #expect(asciiSeen == Self.hasAVX2)
  }
}
