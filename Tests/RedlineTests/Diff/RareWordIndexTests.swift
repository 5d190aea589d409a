import Testing

@testable import RedlineDiff

/// The moves', merges' and splits' index of blocks by their rarest words gives what the
/// array of arrays it replaced gave: the same rarest words, in the same order, and the
/// same blocks under each word, in the same order.
@Suite struct RareWordIndexTests {
  @Test func rarestWordsAreTheFirstOfAllSortedByFrequencyThenId() {
    var rng = SeededRandom(seed: 1420)
    var ties = 0
    for _ in 0..<3000 {
      let vocabulary = Int.random(in: 1...60, using: &rng)
      let frequency = (0..<vocabulary).map { _ in Int32.random(in: 0...5, using: &rng) }
      let bag = distinctSorted(
        (0..<Int.random(in: 0...30, using: &rng)).map { _ in
          Int32.random(in: 0..<Int32(vocabulary), using: &rng)
        })
      for k in [0, 1, 4, 7] {
        let expected = bag.map { (frequency[Int($0)], $0) }.sorted { $0 < $1 }.prefix(k).map(\.1)
        #expect(RareWordIndex.rarest(bag, k, frequency: frequency) == expected, "\(bag) \(k)")
      }
      if Set(bag.map { frequency[Int($0)] }).count < bag.count { ties += 1 }
    }
    #expect(ties > 1000)
  }

  /// Blocks given with their bags are listed under their rarest words, in the order given.
  @Test func blocksAreListedUnderTheirRarestWords() {
    var rng = SeededRandom(seed: 1422)
    for _ in 0..<500 {
      let vocabulary = Int.random(in: 1...40, using: &rng)
      let frequency = (0..<vocabulary).map { _ in Int32.random(in: 0...5, using: &rng) }
      let blocks = (0..<Int.random(in: 0...20, using: &rng)).map { block in
        (
          block: block * 3,
          bag: distinctSorted(
            (0..<Int.random(in: 0...12, using: &rng)).map { _ in
              Int32.random(in: 0..<Int32(vocabulary), using: &rng)
            })
        )
      }.shuffled(using: &rng)
      var expected = [[Int]](repeating: [], count: vocabulary)
      for (block, bag) in blocks {
        for w in RareWordIndex.rarest(bag, 4, frequency: frequency) { expected[Int(w)].append(block) }
      }
      let index = RareWordIndex(words: vocabulary, blocks: blocks, rarest: 4, frequency: frequency)
      for w in 0..<vocabulary { #expect(Array(index[Int32(w)]) == expected[w]) }
    }
  }

  @Test func blocksUnderEachWordAreTheArraysOfArrays() {
    var rng = SeededRandom(seed: 1421)
    for _ in 0..<500 {
      let words = Int.random(in: 0...50, using: &rng)
      var entries: [(word: Int32, block: Int)] = []
      if words > 0 {
        for block in 0..<Int.random(in: 0...40, using: &rng) {
          for _ in 0..<Int.random(in: 0...4, using: &rng) {
            entries.append((Int32.random(in: 0..<Int32(words), using: &rng), block))
          }
        }
      }
      var expected = [[Int]](repeating: [], count: words)
      for e in entries { expected[Int(e.word)].append(e.block) }
      let index = RareWordIndex(words: words, entries: entries)
      for w in 0..<words { #expect(Array(index[Int32(w)]) == expected[w]) }
      // Ids past the index (words interned after it was made) list nothing.
      #expect(index[Int32(words)].isEmpty && index[Int32(words + 7)].isEmpty)
    }
  }
}
