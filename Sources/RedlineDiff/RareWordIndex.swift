/// Blocks listed under the ids of their rarest words, for the searches for moves, merges
/// and splits: one flat array of blocks and where each word's list starts in it, not an
/// array per word id (a comparison's vocabulary is tens of thousands of words, the blocks
/// indexed a few hundred, and an array of arrays made and freed one per word).
struct RareWordIndex {
  /// Where each word's blocks start in `blocks`; the last is `blocks.count`.
  private let starts: [Int32]
  private let blocks: [Int]

  /// An index of word ids below `words`, each listing its blocks in the order of `entries`.
  init(words: Int, entries: [(word: Int32, block: Int)]) {
    var starts = [Int32](repeating: 0, count: words + 1)
    for e in entries { starts[Int(e.word) + 1] &+= 1 }
    for w in 0..<words { starts[w + 1] &+= starts[w] }
    var next = starts
    var blocks = [Int](repeating: 0, count: entries.count)
    for e in entries {
      blocks[Int(next[Int(e.word)])] = e.block
      next[Int(e.word)] &+= 1
    }
    self.starts = starts
    self.blocks = blocks
  }

  /// An index of word ids below `words` listing each block, in the order given, under its
  /// `k` rarest words (`rarest`) by `frequency`.
  init(words: Int, blocks: some Sequence<(block: Int, bag: [Int32])>, rarest k: Int, frequency: [Int32]) {
    var entries: [(word: Int32, block: Int)] = []
    for (block, bag) in blocks {
      for w in Self.rarest(bag, k, frequency: frequency) { entries.append((w, block)) }
    }
    self.init(words: words, entries: entries)
  }

  /// The blocks listed under `word`, in the order they were given; none past the index.
  subscript(word: Int32) -> ArraySlice<Int> {
    let w = Int(word)
    guard w >= 0, w + 1 < starts.count else { return [] }
    return blocks[Int(starts[w])..<Int(starts[w + 1])]
  }

  /// The `k` words of `bag` (distinct ids) with the fewest blocks in `frequency` (by word
  /// id), ties by id, rarest first: the first `k` of all of them sorted by (frequency,
  /// id), without sorting them all.
  static func rarest(_ bag: [Int32], _ k: Int, frequency: [Int32]) -> [Int32] {
    var best: [(Int32, Int32)] = []
    best.reserveCapacity(k + 1)
    for w in bag {
      let e = (frequency[Int(w)], w)
      if best.count == k, let last = best.last, !(e < last) { continue }
      var at = best.count
      while at > 0 && e < best[at - 1] { at -= 1 }
      best.insert(e, at: at)
      if best.count > k { best.removeLast() }
    }
    return best.map(\.1)
  }
}
