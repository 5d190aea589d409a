import Testing

@testable import RedlineDiff

/// `SequenceDiff.matches`, which both the block alignment and the word diff stand on: its
/// pairs are a longest common subsequence (a shortest edit script), in order, with the
/// equal start and end matched element by element.
@Suite struct SequenceDiffTests {
  /// The length of a longest common subsequence, by the textbook table.
  static func lcsLength(_ a: [Int32], _ b: [Int32]) -> Int {
    var row = [Int](repeating: 0, count: b.count + 1)
    for x in a {
      var diagonal = 0
      for j in b.indices {
        let above = row[j + 1]
        row[j + 1] = x == b[j] ? diagonal + 1 : max(above, row[j])
        diagonal = above
      }
    }
    return row[b.count]
  }

  /// Pairs that match equal elements, rising on both sides.
  static func isMatching(_ pairs: [(Int, Int)], _ a: [Int32], _ b: [Int32]) -> Bool {
    var last = (-1, -1)
    for (i, j) in pairs {
      guard i > last.0, j > last.1, i < a.count, j < b.count, a[i] == b[j] else { return false }
      last = (i, j)
    }
    return true
  }

  /// `matches` as it was before its pairs were written in place: the equal start, Myers'
  /// (or the anchored) middle and the equal end, appended one by one.
  static func matchesReference(_ a: [Int32], _ b: [Int32], maxCost: Int) -> (pairs: [(Int, Int)], capped: Bool) {
    var pairs: [(Int, Int)] = []
    var lo = 0
    while lo < a.count && lo < b.count && a[lo] == b[lo] {
      pairs.append((lo, lo))
      lo += 1
    }
    var ea = a.count
    var eb = b.count
    while ea > lo && eb > lo && a[ea - 1] == b[eb - 1] {
      ea -= 1
      eb -= 1
    }
    var capped = false
    if ea > lo && eb > lo {
      let (mid, c) = SequenceDiff.myers(a, lo, ea, b, lo, eb, maxCost: maxCost)
      pairs.append(contentsOf: c ? SequenceDiff.anchored(a, lo, ea, b, lo, eb, maxCost: maxCost) : mid)
      capped = c
    }
    for k in 0..<(a.count - ea) { pairs.append((ea + k, eb + k)) }
    return (pairs, capped)
  }

  /// Two sequences of up to `letters` values: a shared start and end of up to `ends`
  /// values around two random middles of up to `middle` (either may be empty), so that
  /// the stripped ends meet the middle in every way.
  static func aroundSharedEnds(
    letters: ClosedRange<Int32>, ends: Int, middle: Int, _ rng: inout SeededRandom
  ) -> ([Int32], [Int32]) {
    let count = Int32.random(in: letters, using: &rng)
    func some(_ n: Int) -> [Int32] { (0..<n).map { _ in Int32.random(in: 0..<count, using: &rng) } }
    let start = some(Int.random(in: 0...ends, using: &rng))
    let end = some(Int.random(in: 0...ends, using: &rng))
    let a = start + some(Int.random(in: 0...middle, using: &rng)) + end
    return (a, start + some(Int.random(in: 0...middle, using: &rng)) + end)
  }

  /// The very pairs the reference gives (ties broken alike), capped or not.
  @Test func pairsEqualTheReference() {
    var rng = SeededRandom(seed: 1416)
    var capped = 0
    for round in 0..<3000 {
      let (a, b) = Self.aroundSharedEnds(letters: 1...6, ends: 5, middle: 20, &rng)
      let cost = round % 3 == 0 ? 2 : SequenceDiff.defaultMaxCost
      let got = SequenceDiff.matches(a, b, maxCost: cost)
      let expected = Self.matchesReference(a, b, maxCost: cost)
      #expect(got.capped == expected.capped)
      #expect(got.pairs.map { [$0.0, $0.1] } == expected.pairs.map { [$0.0, $0.1] }, "\(a) → \(b)")
      if got.capped { capped += 1 }
    }
    #expect(capped > 300)
  }

  @Test func pairsAreALongestCommonSubsequenceWithTheEqualEndsMatched() {
    var rng = SeededRandom(seed: 1414)
    var withEnds = 0
    for round in 0..<4000 {
      let (a, other) = Self.aroundSharedEnds(letters: 1...5, ends: 6, middle: 14, &rng)
      let b = round % 7 == 0 ? a : other
      let (pairs, capped) = SequenceDiff.matches(a, b)
      #expect(!capped)
      #expect(Self.isMatching(pairs, a, b), "\(a) → \(b): \(pairs)")
      #expect(pairs.count == Self.lcsLength(a, b), "\(a) → \(b): \(pairs)")
      // The equal start, element by element, and the equal end.
      var lo = 0
      while lo < min(a.count, b.count) && a[lo] == b[lo] { lo += 1 }
      #expect(pairs.prefix(lo).map { [$0.0, $0.1] } == (0..<lo).map { [$0, $0] })
      var tail = 0
      while tail < min(a.count, b.count) - lo && a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
      #expect(
        pairs.suffix(tail).map { [$0.0, $0.1] }
          == (0..<tail).map { [a.count - tail + $0, b.count - tail + $0] })
      if lo > 0 && tail > 0 && lo + tail < min(a.count, b.count) { withEnds += 1 }
    }
    #expect(withEnds > 500)
    #expect(SequenceDiff.matches([], []).pairs.isEmpty)
    #expect(SequenceDiff.matches([1, 2], []).pairs.isEmpty)
    #expect(SequenceDiff.matches([], [1]).pairs.isEmpty)
  }

  /// Past the cost cap the middle is matched on elements found once on each side: still
  /// pairs of equal elements in order, the equal ends still matched.
  @Test func aCappedMiddleStillGivesMatchingPairs() {
    var rng = SeededRandom(seed: 1415)
    var cappedRuns = 0
    for _ in 0..<500 {
      let a = (0..<60).map { _ in Int32.random(in: 0..<40, using: &rng) }
      let b = [7, 7] + (0..<60).map { _ in Int32.random(in: 0..<40, using: &rng) } + [9]
      let (pairs, capped) = SequenceDiff.matches([7, 7] + a + [9], b, maxCost: 4)
      #expect(Self.isMatching(pairs, [7, 7] + a + [9], b))
      #expect(pairs.prefix(2).map { [$0.0, $0.1] } == [[0, 0], [1, 1]])
      #expect(pairs.last.map { [$0.0, $0.1] } == [a.count + 2, b.count - 1])
      if capped { cappedRuns += 1 }
    }
    #expect(cappedRuns > 400)
  }
}
