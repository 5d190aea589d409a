import Testing

@testable import RedlineDiff
@testable import RedlineDocument

/// The in-order containment check behind "an item that gains a clause is still that item"
/// and behind merges and splits: its indexed path for long texts gives the scan's answers,
/// and on a pathological text it gives up after a bounded number of starts, saying so.
@Suite struct InOrderTests {
  static func state(_ configure: (inout DiffOptions) -> Void) throws -> DiffState {
    var options = DiffOptions()
    configure(&options)
    let empty = try DocumentLoader.load(Array("# 1 A\n\nx\n".utf8), path: "a.md")
    return DiffState(old: DiffSide(empty), new: DiffSide(empty), options: options)
  }

  @Test func indexedSearchGivesTheScansAnswers() throws {
    var scan = try Self.state { $0.inOrderIndexedWork = .max }
    var indexed = try Self.state {
      $0.inOrderIndexedWork = 0
      $0.inOrderStartsTried = .max
    }
    var rng = SeededRandom(seed: 69)
    var yes = 0
    for _ in 0..<3000 {
      let alphabet = Int32(Int.random(in: 2...40, using: &rng))
      let whole = (0..<Int.random(in: 0...200, using: &rng)).map { _ in Int32.random(in: 0..<alphabet, using: &rng) }
      var piece: [Int32]
      if !whole.isEmpty && Bool.random(using: &rng) {
        // A run of the whole with a few words changed or dropped: often contained.
        let from = Int.random(in: 0..<whole.count, using: &rng)
        let to = Int.random(in: from...min(whole.count, from + 60), using: &rng)
        piece = Array(whole[from..<to]).filter { _ in Int.random(in: 0..<10, using: &rng) > 0 }
        for k in piece.indices where Int.random(in: 0..<10, using: &rng) == 0 { piece[k] = alphabet }
      } else {
        piece = (0..<Int.random(in: 0...40, using: &rng)).map { _ in Int32.random(in: 0..<alphabet, using: &rng) }
      }
      let a = scan.inOrder(piece, whole)
      let b = indexed.inOrder(piece, whole)
      #expect(b == a, "piece \(piece), whole \(whole)")
      if a { yes += 1 }
    }
    #expect(yes > 300 && yes < 2700, "both answers are exercised (\(yes) yes of 3000)")
    #expect(!scan.budget.exhausted && !indexed.budget.exhausted)
  }

  /// The scan as it was written first (a `Set` of start words, every word of the piece
  /// tried): the specification of the faster scan (start words marked in a tally, a start
  /// given up once the words left cannot make up what is missing).
  static func inOrderReference(_ piece: [Int32], _ whole: [Int32], options: DiffOptions) -> Bool {
    guard !piece.isEmpty else { return false }
    let need = Int((Double(piece.count) * options.pieceContainment).rounded(.up))
    let span = piece.count < options.minWordsForFuzzyMove ? piece.count + 2 : 2 * piece.count + 2
    let starts = Set(piece.prefix(max(1, piece.count - need + 1)))
    for p in whole.indices where starts.contains(whole[p]) {
      var matched = 0
      var q = p
      let end = min(whole.count, p + span)
      for w in piece {
        var r = q
        while r < end && whole[r] != w { r += 1 }
        if r < end {
          matched += 1
          q = r + 1
        }
      }
      if matched >= need { return true }
    }
    return false
  }

  /// The scan gives the reference's answers, and words shared are counted as the sorted
  /// bags' `commonCount` (negative ids, which no interner makes, take the old way), and
  /// the tally is left all zero.
  @Test func tallyScansGiveTheReferenceAnswers() throws {
    var state = try Self.state { $0.inOrderIndexedWork = .max }
    var rng = SeededRandom(seed: 70)
    var wrong = 0
    var yes = 0
    for round in 0..<3000 {
      let alphabet = Int32(Int.random(in: 2...60, using: &rng))
      let low: Int32 = round % 50 == 0 ? -3 : 0
      let whole = (0..<Int.random(in: 0...150, using: &rng)).map { _ in Int32.random(in: low..<alphabet, using: &rng) }
      var piece = (0..<Int.random(in: 0...40, using: &rng)).map { _ in Int32.random(in: low..<alphabet, using: &rng) }
      if !whole.isEmpty && Bool.random(using: &rng) {
        let from = Int.random(in: 0..<whole.count, using: &rng)
        piece = Array(whole[from..<min(whole.count, from + 40)]).filter { _ in Int.random(in: 0..<8, using: &rng) > 0 }
      }
      let expected = Self.inOrderReference(piece, whole, options: state.options)
      if state.inOrder(piece, whole) != expected { wrong += 1 }
      if expected { yes += 1 }
      if state.sharedWords(piece, whole) != commonCount(piece.sorted(), whole.sorted()) { wrong += 1 }
    }
    #expect(wrong == 0)
    #expect(yes > 300 && yes < 2700, "both answers are exercised (\(yes) yes of 3000)")
    #expect(state.wordTally.allSatisfy { $0 == 0 })
  }

  @Test func aPathologicalTextIsCutOffAndSaysSo() throws {
    // Every tenth word of the whole starts the piece, and no start leads to a match.
    let piece = Array(Int32(1)...Int32(100))
    let whole = (0..<5000).map { $0 % 10 == 0 ? Int32(1) : Int32(500) }
    var capped = try Self.state {
      $0.inOrderIndexedWork = 0
      $0.inOrderStartsTried = 64
    }
    let cut = capped.inOrder(piece, whole)
    #expect(!cut)
    #expect(capped.budget.exhausted, "a cut-off answer marks the diff's budget as spent")
    var full = try Self.state { $0.inOrderIndexedWork = .max }
    let all = full.inOrder(piece, whole)
    #expect(!all)
    #expect(!full.budget.exhausted)
    // The default cut-off leaves texts of ordinary paragraphs alone.
    #expect(piece.count * 2000 <= DiffOptions().inOrderIndexedWork)
  }
}

/// `commonCount`, the similarity's core (how many words two sorted bags share, with
/// repeats), against counting them in a dictionary; `distinctSorted` against a `Set`.
@Suite struct CommonCountTests {
  @Test func equalsTheMultisetIntersection() {
    var rng = SeededRandom(seed: 95)
    for _ in 0..<2000 {
      let alphabet = Int32(Int.random(in: 1...30, using: &rng))
      let a = (0..<Int.random(in: 0...60, using: &rng)).map { _ in Int32.random(in: 0..<alphabet, using: &rng) }
        .sorted()
      let b = (0..<Int.random(in: 0...60, using: &rng)).map { _ in Int32.random(in: 0..<alphabet, using: &rng) }
        .sorted()
      var counts: [Int32: Int] = [:]
      for x in a { counts[x, default: 0] += 1 }
      var expected = 0
      for y in b where counts[y, default: 0] > 0 {
        counts[y]! -= 1
        expected += 1
      }
      #expect(commonCount(a, b) == expected, "\(a) \(b)")
      #expect(commonCount(b, a) == expected)
      // Counted over one bag from the other's counts by word id (the merge and split
      // search's way), the tally shorter than the largest id at times.
      var tally = [Int32](repeating: 0, count: Int.random(in: 0...Int(alphabet), using: &rng))
      for y in b where Int(y) < tally.count { tally[Int(y)] += 1 }
      let inTally = b.filter { Int($0) < tally.count }
      #expect(commonCount(a, tally: tally) == commonCount(a, inTally), "\(a) \(b) \(tally)")
      // The distinct words of a bag, in order, as the set of its words sorted.
      #expect(distinctSorted(a) == Array(Set(a)).sorted())
    }
  }
}
