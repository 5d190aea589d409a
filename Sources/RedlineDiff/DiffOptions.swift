/// Thresholds and limits of the alignment, each with one line on why. The defaults are
/// what the tests and the benchmark use (decisions in docs/decisions.md).
package struct DiffOptions: Sendable, Hashable {
  /// Work budget for fuzzy searches, in token comparisons. When spent, remaining
  /// fuzzy matches are not searched and `DocumentDiff.budgetExhausted` is set.
  package var budget: Int = 50_000_000
  /// Least similarity for a block in the corresponding section to count as modified.
  package var modifiedThreshold: Double = 0.5
  /// Least similarity for a block found in another section to count as moved.
  package var moveThreshold: Double = 0.6
  /// Margin a match must keep over the runner-up.
  package var margin: Double = 0.05
  /// Least score (0.6 × wording similarity + 0.4 × title similarity, plus bonuses for the
  /// same number and corresponding parents) for two sections to be the same, renamed.
  package var sectionThreshold: Double = 0.45
  /// Fewest words a block needs before a fuzzy move is believed.
  package var minWordsForFuzzyMove: Int = 5
  /// Rounds of the section passes: each round can only pair children of pairs found in the
  /// round before, so this bounds the heading depth followed (8 is deeper than any draft).
  package var sectionRounds: Int = 8
  /// Unmatched section pairs scored exhaustively up to this many (200 × 200); above it only
  /// pairs sharing a block's text or a number are scored, keeping big documents linear.
  package var sectionPairsScoredExhaustively: Int = 40_000
  /// Rarest words through which a block is indexed for fuzzy candidates: enough to find a
  /// reworded paragraph, few enough that common words never fan out to every block.
  package var rareWordsIndexed: Int = 4
  /// Share of the shorter text's words found in the longer one for containment to count as
  /// strong evidence (an item that gains a clause is still that item).
  package var containmentThreshold: Double = 0.9
  /// Fewest words the shorter text needs before containment anywhere is believed (a
  /// two-word item is contained in too many paragraphs by chance; it counts only as the
  /// opening words of the other text).
  package var containmentMinWords: Int = 3
  /// Least share of a merge source's (or split part's) words found in the other side.
  package var pieceContainment: Double = 0.8
  /// Least share of a source's (part's) words that no earlier source (part) already
  /// explains: a repeated sentence is not a second source.
  package var pieceCoverage: Double = 0.6
  /// Word-diff cost cap in tokens: past it the middle is split at unique shared words
  /// (a good-enough split, as imara-diff does) and `budgetExhausted` is reported.
  package var wordDiffMaxCost: Int = 2000
  /// Text (UTF-8 bytes, both sides) of changed blocks above which their word diffs run on
  /// two cores: below it, starting the second thread costs more than it saves.
  package var parallelWordDiffBytes: Int = 64 * 1024
  /// Text (UTF-8 bytes, both versions) from which the word diffs of blocks the alignment
  /// pairs start on another core at once, while moves, merges and splits are sought.
  package var speculativeWordDiffBytes: Int = 256 * 1024
  /// Text of paired blocks handed to that core at a time.
  package var speculativeBatchBytes: Int = 32 * 1024
  /// Blocks (both versions) from which each version's section keys and block hashes are
  /// computed on a core of its own.
  package var parallelSetupBlocks: Int = 4096
  /// Blocks in one section beyond which reorder detection uses the unweighted longest
  /// increasing subsequence (O(n log n)) instead of the size-weighted one (O(n²)).
  package var weightedReorderLimit: Int = 500

  /// `piece × whole` words above which the in-order containment check finds each word's
  /// next occurrence by binary search (same answer, no scan to the end of the span).
  package var inOrderIndexedWork: Int = 1 << 22
  /// Starts the in-order check tries on such long texts before it answers no and marks
  /// the budget spent (a pathological paragraph of thousands of repeated words).
  package var inOrderStartsTried: Int = 64
  /// Word diffs of edited blocks. Off for a walk that only follows blocks from version to
  /// version (re-anchoring reads where each block went and whether it changed, never
  /// which words): an edited block then has empty, non-nil `segments`. Splits and merges
  /// keep theirs (their pieces come from them).
  package var wordDiffs = true
  package init() {}
}

/// A work counter that replaces wall-clock timeouts: output depends on input, not machine speed.
struct Budget {
  private(set) var remaining: Int
  private(set) var exhausted = false

  init(_ n: Int) { remaining = n }

  /// Takes `n` units; false (and exhausted) when not enough remain.
  mutating func spend(_ n: Int) -> Bool {
    if remaining < n {
      exhausted = true
      return false
    }
    remaining -= n
    return true
  }

  /// Records that a search was cut off short of its answer, so the result says so; the
  /// other searches go on with what remains.
  mutating func markCutOff() { exhausted = true }
}

/// Dice similarity of two sorted multisets of word ids: 2·|common| / (|a| + |b|).
func dice(_ a: [Int32], _ b: [Int32]) -> Double {
  if a.isEmpty && b.isEmpty { return 1 }
  return 2 * Double(commonCount(a, b)) / Double(a.count + b.count)
}

/// Size of the multiset intersection of two sorted word-id lists. Without branches on the
/// comparison (which way a merge step goes is a coin toss the processor mispredicts).
func commonCount(_ a: [Int32], _ b: [Int32]) -> Int {
  a.withUnsafeBufferPointer { pa in
    b.withUnsafeBufferPointer { pb in
      var i = 0
      var j = 0
      var common = 0
      while i < pa.count && j < pb.count {
        let x = pa[i]
        let y = pb[j]
        common &+= x == y ? 1 : 0
        i &+= x <= y ? 1 : 0
        j &+= y <= x ? 1 : 0
      }
      return common
    }
  }
}

/// `commonCount(bag, whole)` for a sorted `bag`, from the whole's count of each word id
/// (`tally`; ids past its end count zero).
func commonCount(_ bag: [Int32], tally: [Int32]) -> Int {
  bag.withUnsafeBufferPointer { bag in
    tally.withUnsafeBufferPointer { tally in
      var common = 0
      var i = 0
      while i < bag.count {
        let w = bag[i]
        var j = i &+ 1
        while j < bag.count && bag[j] == w { j &+= 1 }
        let inWhole = Int(w) < tally.count ? Int(tally[Int(w)]) : 0
        common &+= min(j &- i, inWhole)
        i = j
      }
      return common
    }
  }
}

/// The distinct values of a sorted list, in order: what `Array(Set(bag))` holds, without
/// hashing every value, and in an order that does not change from one run to the next.
func distinctSorted<T: Equatable>(_ bag: [T]) -> [T] {
  var out: [T] = []
  out.reserveCapacity(bag.count)
  for w in bag where out.last != w { out.append(w) }
  return out
}
