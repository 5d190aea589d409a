import RedlineDocument

extension DiffState {
  /// Blocks joined into one (list items merged into a paragraph, two paragraphs merged) and
  /// blocks divided into several (a paragraph split in two, maybe across sections).
  ///
  /// A merge: a new block that holds most of the words of two or more old blocks that are
  /// unmatched (or matched to it). A split: an old block that holds most of the words of two
  /// or more new blocks that are unmatched (or matched to it). Candidates come through each
  /// block's rarest words (as for moves), every comparison is charged to the budget, and
  /// the joined texts must still be similar above the modified threshold.
  mutating func findMergesAndSplits() {
    findMerges()
    findSplits()
  }

  private mutating func findMerges() {
    let freeA = a.blocks.indices.filter { blkAB[$0] == nil }
    guard !freeA.isEmpty else { return }
    // Targets: new blocks unmatched, or matched with changed text and more words than their match.
    let targets = b.blocks.indices.filter { m in
      guard let k = blkBA[m] else { return true }
      return aIds[k] != bIds[m] && newSequence(m).count > oldSequence(k).count
    }
    let sourcesOf = claimedPieces(Array(freeA), in: targets, piecesOld: true)
    for m in sourcesOf.keys.sorted() {
      guard let j = joinedPieces(m, start: blkBA[m], claimed: sourcesOf[m]!, piecesOld: true) else { continue }
      if let k = blkBA[m] { blkAB[k] = nil }
      matchBlock(j.pieces[0], m, .merged, j.similarity)
      mergeSources[m] = j.pieces
      for k in j.pieces { mergedInto[k] = m }
    }
  }

  private mutating func findSplits() {
    let freeB = b.blocks.indices.filter { blkBA[$0] == nil && mergeSources[$0] == nil }
    guard !freeB.isEmpty else { return }
    let targets = a.blocks.indices.filter { k in
      guard mergedInto[k] == nil else { return false }
      guard let m = blkAB[k] else { return true }
      return mergeSources[m] == nil && aIds[k] != bIds[m] && oldSequence(k).count > newSequence(m).count
    }
    let partsOf = claimedPieces(Array(freeB), in: targets, piecesOld: false)
    for k in partsOf.keys.sorted() {
      guard let j = joinedPieces(k, start: blkAB[k], claimed: partsOf[k]!, piecesOld: false) else { continue }
      if let m = blkAB[k] { blkBA[m] = nil }
      matchBlock(k, j.pieces[0], .split, j.similarity)
      splitParts[k] = j.pieces
      for m in j.pieces { splitOf[m] = k }
    }
  }

  /// Block `i`'s words (sorted bag) on the old side or the new.
  private mutating func words(_ i: Int, old: Bool) -> [Int32] { old ? oldWords(i) : newWords(i) }

  /// Block `i`'s words in text order on the old side or the new.
  private mutating func sequence(_ i: Int, old: Bool) -> [Int32] { old ? oldSequence(i) : newSequence(i) }

  /// The pieces found inside each of `wholes`: for a merge (`piecesOld`) old blocks inside a
  /// new one, for a split new blocks inside an old one. Candidates come through the pieces'
  /// rarest words, every comparison is charged to the budget, and each piece goes to the
  /// whole that contains most of it (best containment first).
  private mutating func claimedPieces(_ pieces: [Int], in wholes: [Int], piecesOld: Bool) -> [Int: [Int]] {
    var bags: [Int: [Int32]] = [:]
    for p in pieces { bags[p] = words(p, old: piecesOld) }
    let index = rareIndex(bags)
    var claims: [(Double, Int, Int)] = []  // (containment, piece, whole)
    // The whole each piece was last seen for (a mark per block, not a set per whole).
    var seenFor = [Int](repeating: -1, count: piecesOld ? a.blocks.count : b.blocks.count)
    // The present whole's count of each word id, so that a piece's shared words are
    // counted over the piece alone (`commonCount` of the two bags walked both), zero again
    // after each whole.
    var tally = [Int32](repeating: 0, count: wordInterner.count)
    outer: for h in wholes {
      let wh = words(h, old: !piecesOld)
      if let top = wh.last, Int(top) >= tally.count {
        tally += repeatElement(0, count: Int(top) + 1 - tally.count)
      }
      for w in wh { tally[Int(w)] &+= 1 }
      defer { for w in wh { tally[Int(w)] = 0 } }
      // Each distinct word once, in id order: the same candidates every run, so a budget
      // that runs out stops at the same place.
      // (A word first met in a whole is in no piece's bag, nor in the index.)
      for w in distinctSorted(wh) {
        for p in index[w] where seenFor[p] != h {
          seenFor[p] = h
          let wp = words(p, old: piecesOld)
          guard budget.spend(wp.count + wh.count) else { break outer }
          let (k, m) = piecesOld ? (p, h) : (h, p)
          if let c = pieceContainment(
            wp, in: wh, tally: tally, oldSection: a.blocks[k].section, newSection: b.blocks[m].section),
            inOrder(sequence(p, old: piecesOld), sequence(h, old: !piecesOld))
          {
            claims.append((c, p, h))
          }
        }
      }
    }
    var piecesOf: [Int: [Int]] = [:]
    var taken = Set<Int>()
    for (_, p, h) in claims.sorted(by: { ($0.0, -$0.1) > ($1.0, -$1.1) }) where taken.insert(p).inserted {
      piecesOf[h, default: []].append(p)
    }
    return piecesOf
  }

  /// The pieces of `whole` that each add to its coverage (after `start`, its present match),
  /// in block order, with the similarity of their joined words to the whole; nil unless
  /// there are two or more and they are similar above the modified threshold.
  private mutating func joinedPieces(
    _ whole: Int, start: Int?, claimed: [Int], piecesOld: Bool
  ) -> (pieces: [Int], similarity: Double)? {
    var pieces = addsCoverage(start.map { [$0] } ?? [], claimed, of: words(whole, old: !piecesOld)) {
      $0.words($1, old: piecesOld)
    }
    pieces.sort()
    guard pieces.count >= 2 else { return nil }
    let joined = pieces.flatMap { words($0, old: piecesOld) }.sorted()
    let similarity = piecesOld ? dice(joined, newWords(whole)) : dice(oldWords(whole), joined)
    guard similarity >= options.modifiedThreshold else { return nil }
    return (pieces, similarity)
  }

  /// `start` plus those `candidates` (in the order given: best containment first) that
  /// each explain at least `pieceCoverage` of their own words in `whole` beyond what the
  /// pieces taken before them already explain. Two copies of one sentence, or a new
  /// sentence that repeats an old one's phrasing, add nothing and are left out.
  private mutating func addsCoverage(
    _ start: [Int], _ candidates: [Int], of whole: [Int32], words: (inout DiffState, Int) -> [Int32]
  ) -> [Int] {
    var taken = start
    var bag = start.flatMap { words(&self, $0) }.sorted()
    var covered = commonCount(bag, whole)
    for c in candidates {
      let w = words(&self, c)
      let next = (bag + w).sorted()
      let gain = commonCount(next, whole) - covered
      guard Double(gain) >= options.pieceCoverage * Double(w.count) else { continue }
      taken.append(c)
      bag = next
      covered += gain
    }
    return taken
  }

  /// How much of `piece` is inside `whole` (share of its words), when that is enough to
  /// call it a source or part: `pieceContainment` of its words, at least two words; from
  /// another section, at least twice `minWordsForFuzzyMove` words and a fifth of the whole.
  ///
  /// `tally` holds the whole's count of each word id (zero for ids it lacks; ids past its
  /// end are not in the whole): the shared words are counted over the piece's sorted bag,
  /// each run of one word as often as both have it, `commonCount(piece, whole)`.
  private func pieceContainment(
    _ piece: [Int32], in whole: [Int32], tally: [Int32], oldSection: Int, newSection: Int
  ) -> Double? {
    guard piece.count >= 2, whole.count >= piece.count else { return nil }
    let c = Double(commonCount(piece, tally: tally)) / Double(piece.count)
    guard c >= options.pieceContainment else { return nil }
    // Outside corresponding sections a piece must be a real share of the whole: a short
    // phrase found by chance in a long paragraph elsewhere is not a merge.
    if secAB[oldSection] != newSection
      && (piece.count < 2 * options.minWordsForFuzzyMove || 5 * piece.count < whole.count)
    {
      return nil
    }
    return c
  }

  /// True when the piece's words stand in the whole in their order, close together:
  /// from some occurrence of one of its first words, at least `pieceContainment` of the
  /// piece's words are found in order within a span of twice its length plus two (its
  /// length plus two for a piece under `minWordsForFuzzyMove` words). A real
  /// source or part is a run of the other text; stop words scattered through a long
  /// paragraph are not.
  ///
  /// For long texts (`piece × whole` above `inOrderIndexedWork`) each word's next
  /// occurrence is found by binary search in the whole's positions of that word instead of
  /// a scan to the span's end (the same answer: a 300,000-word paragraph with 5 % of its
  /// words changed took minutes), and the starts tried are capped at
  /// `inOrderStartsTried`: past that the answer is no, and the result says its budget ran out.
  mutating func inOrder(_ piece: [Int32], _ whole: [Int32]) -> Bool {
    guard !piece.isEmpty else { return false }
    let need = Int((Double(piece.count) * options.pieceContainment).rounded(.up))
    let span = piece.count < options.minWordsForFuzzyMove ? piece.count + 2 : 2 * piece.count + 2
    // The words a match may start with, marked in `wordTally` (cleared before returning).
    let startWords = Array(piece.prefix(max(1, piece.count - need + 1)))
    let marked = tallyCovering(startWords, whole)
    let starts = marked ? [] : Set(startWords)
    if marked { for w in startWords { wordTally[Int(w)] = 1 } }
    defer { if marked { for w in startWords { wordTally[Int(w)] = 0 } } }
    let long = piece.count * whole.count > options.inOrderIndexedWork
    let positions: [Int32: [Int]] = long ? Dictionary(grouping: whole.indices, by: { whole[$0] }) : [:]
    var tried = 0
    for p in whole.indices where marked ? wordTally[Int(whole[p])] != 0 : starts.contains(whole[p]) {
      if long {
        tried += 1
        if tried > options.inOrderStartsTried {
          budget.markCutOff()
          return false
        }
      }
      var matched = 0
      var q = p
      let end = min(whole.count, p + span)
      for (n, w) in piece.enumerated() {
        // The words left cannot make up what is missing: this start fails.
        if matched + (piece.count - n) < need { break }
        var r = q
        if long {
          r = Self.nextOccurrence(positions[w] ?? [], atOrAfter: q) ?? end
        } else {
          while r < end && whole[r] != w { r += 1 }
        }
        if r < end {
          matched += 1
          q = r + 1
        }
      }
      if matched >= need { return true }
    }
    return false
  }

  /// The first of the sorted `positions` at or after `q`, if any.
  static func nextOccurrence(_ positions: [Int], atOrAfter q: Int) -> Int? {
    var lo = 0
    var hi = positions.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if positions[mid] < q { lo = mid + 1 } else { hi = mid }
    }
    return lo < positions.count ? positions[lo] : nil
  }

  /// Blocks indexed by their rarest words (document frequency among `blocks`), by word id.
  private func rareIndex(_ words: [Int: [Int32]]) -> RareWordIndex {
    var bags: [Int: [Int32]] = [:]
    var df = [Int32](repeating: 0, count: wordInterner.count)  // by word id: ids are dense
    for (i, w) in words {
      let s = distinctSorted(w)
      bags[i] = s
      for w in s { df[Int(w)] += 1 }
    }
    return RareWordIndex(
      words: wordInterner.count, blocks: words.keys.sorted().lazy.map { ($0, bags[$0]!) },
      rarest: options.rareWordsIndexed, frequency: df)
  }
}

/// Maps a stretch of one side of a word diff to the other side (UTF-8 offsets): where the
/// side's position reaches `range`'s bounds, the other side's position.
func mapThroughSegments(_ segs: [Segment], _ range: Range<Int>, fromOld: Bool) -> Range<Int> {
  func map(_ p: Int, start: Bool) -> Int {
    var here = 0
    var there = 0
    for s in segs {
      let n = s.text.utf8.count
      let onHere = s.op == .equal || s.op == (fromOld ? .delete : .insert)
      let onThere = s.op == .equal || s.op == (fromOld ? .insert : .delete)
      if onHere {
        if here + n > p || (!start && here + n == p) {
          return s.op == .equal ? there + (p - here) : there
        }
        here += n
      }
      if onThere { there += n }
    }
    return there
  }
  let lo = map(range.lowerBound, start: true)
  let hi = max(lo, map(range.upperBound, start: false))
  return lo..<hi
}
