import Foundation
import RedlineFuzzing
import Testing

/// The short, seeded version of `make fuzz`: the kept corpus (Tests/FuzzCorpus) and a few
/// thousand mutations of it through the same entry point as the libFuzzer target. A
/// crash fails the whole test run; a hang is caught by the time check.
@Suite struct FuzzTests {
  static let corpusFolder = packageRoot + "/Tests/FuzzCorpus"

  static func corpus() -> [[UInt8]] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: corpusFolder)) ?? []
    return names.sorted().compactMap {
      FileManager.default.contents(atPath: corpusFolder + "/" + $0).map { [UInt8]($0) }
    }
  }

  /// Bytes that steer the parsers: Markdown markers, JSON syntax, controls, UTF-8 lead bytes.
  static let interesting: [UInt8] =
    Array("-*+>#|`~[]()!{}\":,\\ \n\t\r0123.".utf8) + [
      0x00, 0x1B, 0x07, 0x7F, 0xC2, 0x9B, 0xC3, 0xA4, 0xE2, 0x80, 0xFF, 0xFE,
    ]

  static func mutate(_ input: [UInt8], _ rng: inout SeededRandom, pool: [[UInt8]]) -> [UInt8] {
    var b = input
    for _ in 0..<Int.random(in: 1...4, using: &rng) {
      let op = Int.random(in: 0..<6, using: &rng)
      let i = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
      switch op {
      case 0 where !b.isEmpty: b[i] = interesting.randomElement(using: &rng)!
      case 1: b.insert(interesting.randomElement(using: &rng)!, at: i)
      case 2 where !b.isEmpty: b.removeSubrange(i..<min(b.count, i + Int.random(in: 1...64, using: &rng)))
      case 3 where !b.isEmpty:
        let j = min(b.count, i + Int.random(in: 1...32, using: &rng))
        let piece = Array(b[i..<j])
        for _ in 0..<Int.random(in: 1...8, using: &rng) { b.insert(contentsOf: piece, at: i) }
      case 4:
        let other = pool.randomElement(using: &rng)!
        if !other.isEmpty {
          let k = Int.random(in: 0..<other.count, using: &rng)
          b.insert(contentsOf: other[k..<min(other.count, k + 256)], at: i)
        }
      default: if !b.isEmpty { b[i] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng)) }
      }
    }
    return Array(b.prefix(16_384))
  }

  @Test func corpusAndSeededMutationsNeverCrashOrHang() {
    let pool = Self.corpus()
    #expect(pool.count >= 8, "the corpus is kept in Tests/FuzzCorpus")
    let start = Date()
    for input in pool { FuzzEntry.run(input) }
    var rng = SeededRandom(seed: 0x9_2026)
    var slowest = 0.0
    for _ in 0..<6000 {
      let input = Self.mutate(pool.randomElement(using: &rng)!, &rng, pool: pool)
      let t = Date()
      FuzzEntry.run(input)
      slowest = max(slowest, Date().timeIntervalSince(t))
    }
    #expect(slowest < 2, "one input took \(slowest) s")
    #expect(Date().timeIntervalSince(start) < 120)
  }
}
