import Testing

@testable import RedlineDiff

/// Sections are paired by keys that occur once on each side (`DiffState.uniquePairs`). Short
/// lists, a section's children, are compared pairwise; long ones through dictionaries. Both
/// must give the same pairs, in the same order.
@Suite struct UniquePairsTests {
  @Test func comparingAndHashingGiveTheSamePairs() {
    var rng = SeededRandom(seed: 2026)
    // Headings as sections carry them: repeats, case, a decomposed "ä", typographic dashes.
    let words = [
      "Johdanto", "johdanto", "Yleistä", "Yleista", "Yleis\u{0061}\u{0308}", "Aluekehitys – tavoitteet",
      "Aluekehitys - tavoitteet", "Tavoitteet", "Rahoitus", "Seuranta", "",
    ]
    var nonEmpty = 0
    for _ in 0..<2_000 {
      func list(_ n: Int) -> [(DiffState.TextKey, Int)] {
        (0..<n).map { (DiffState.TextKey(words.randomElement(using: &rng)!), $0 * 3 + 1) }.shuffled(using: &rng)
      }
      let xs = list(Int.random(in: 0...12, using: &rng))
      let ys = list(Int.random(in: 0...12, using: &rng))
      let comparing = DiffState.uniquePairsByComparing(xs, ys)
      let hashing = DiffState.uniquePairsByHashing(xs, ys)
      #expect(
        comparing.map { [$0.0, $0.1] } == hashing.map { [$0.0, $0.1] }, "\(xs.map(\.0.text)) / \(ys.map(\.0.text))")
      if !comparing.isEmpty { nonEmpty += 1 }
    }
    #expect(nonEmpty > 500, "the generated lists should often pair something")
  }

  @Test func aKeyRepeatedOnEitherSidePairsNothing() {
    let x = [(1, 10), (1, 11), (2, 12)]
    let y = [(1, 20), (2, 21), (2, 22), (3, 23)]
    #expect(DiffState.uniquePairsByComparing(x, y).isEmpty)
    #expect(
      DiffState.uniquePairsByComparing([(5, 1), (6, 2)], [(6, 9), (5, 4)]).map { [$0.0, $0.1] } == [[1, 4], [2, 9]])
  }
}
