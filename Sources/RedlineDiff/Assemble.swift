import Dispatch
import RedlineDocument
import Synchronization

extension DiffState {
  /// Builds the ordered result: section flags, block statuses and word diffs.
  mutating func assemble() -> DocumentDiff {
    prepareWordDiffs()
    // The rest only reads: from here a non-mutating method takes the state as it stands.
    // (Called from a mutating one, each call, such as `pointers` once per section, would
    // take a copy of the whole state, a retain and a release of each of its arrays.)
    return assembled()
  }

  /// The result, from the matches and the word diffs made.
  func assembled() -> DocumentDiff {
    var wordDiffCapped = wordDiffCapped
    let movedSections = sectionsOutOfOrder()
    let reordered = blocksOutOfOrder()
    // By new index (matched and added), and by old index (deleted).
    var sectionChanges = [SectionChange?](repeating: nil, count: b.sections.count)
    var deletedChanges: [Int: SectionChange] = [:]

    // Blocks per new section and per deleted old section; a long document's new sections
    // in eight runs shared by two threads (each section's blocks depend on nothing another
    // run makes).
    let changes = BlockChanges(self, reordered: reordered)
    let perSection = changes.ofNewSections(parallel: a.blocks.count + b.blocks.count >= options.parallelSetupBlocks)
    if perSection.capped { wordDiffCapped = true }
    for j in b.sections.indices {
      let blocks = perSection.blocks[j]
      var change = SectionChange(
        status: .unchanged, renamed: false, moved: false, renumbered: false, old: secBA[j], new: j,
        matchedBy: secMethod[j], confidence: secConfidence[j], splitFrom: nil, mergedInto: nil, blocks: blocks)
      change.pointers = pointers(oldSection: secBA[j], newSection: j)
      if let i = secBA[j] {
        // The two fields read where they stand: a copy of each section retained and
        // released its every string and array.
        let (ta, tb) = (a.sections[i].title, b.sections[j].title)
        change.renamed = j != 0 && ta != tb && CaseFold.lowercased(ta) != CaseFold.lowercased(tb)
        change.renumbered = a.sections[i].number != b.sections[j].number
        change.moved = movedSections.contains(j)
        change.status =
          blocks.allSatisfy({ $0.status == .unchanged }) && change.pointers.isEmpty ? .unchanged : .modified
      } else {
        change.status = .added
        change.confidence = 1
        if let src = dominantSource(ofNew: j) {
          change.splitFrom = src
          change.matchedBy = .split
        }
      }
      sectionChanges[j] = change
    }
    for i in a.sections.indices where secAB[i] == nil {
      let blocks = a.sections[i].blockRange.filter { blkAB[$0] == nil && mergedInto[$0] == nil }.map {
        changes.deleted($0)
      }
      var change = SectionChange(
        status: .deleted, renamed: false, moved: false, renumbered: false, old: i, new: nil, matchedBy: nil,
        confidence: 1, splitFrom: nil, mergedInto: nil, blocks: blocks)
      change.pointers = pointers(oldSection: i, newSection: nil)
      if let dst = dominantDestination(ofOld: i) {
        change.mergedInto = dst
        change.matchedBy = .merged
      }
      deletedChanges[i] = change
    }

    // Order: new sections in order; each deleted section after the new counterpart of
    // the nearest matched old section before it.
    var after: [Int: [Int]] = [:]  // new index (-1 = start) → deleted old indexes
    var anchor = -1
    for i in a.sections.indices {
      if let j = secAB[i] {
        anchor = j
      } else {
        after[anchor, default: []].append(i)
      }
    }
    var ordered: [SectionChange] = []
    ordered.reserveCapacity(b.sections.count + deletedChanges.count)
    for i in after[-1] ?? [] { ordered.append(deletedChanges[i]!) }
    for j in b.sections.indices {
      let c = sectionChanges[j].take()!
      if !(j == 0 && c.blocks.isEmpty && c.pointers.isEmpty) { ordered.append(c) }
      for i in after[j] ?? [] { ordered.append(deletedChanges[i]!) }
    }
    var d = DocumentDiff(old: a, new: b, sections: ordered, budgetExhausted: budget.exhausted || wordDiffCapped)
    d.metadata = metadataChanges(a.metadata, b.metadata)
    return d
  }

  /// The new section a block change is shown under.
  func shownIn(newBlock m: Int) -> Int {
    if let k = splitOf[m], let first = splitParts[k]?.first { return b.blocks[first].section }
    return b.blocks[m].section
  }

  /// Pointers for a section shown as (`i`, `j`): its old blocks whose change is shown in
  /// another section, and parts of blocks split elsewhere that sit here.
  func pointers(oldSection i: Int?, newSection j: Int?) -> [BlockPointer] {
    var out: [BlockPointer] = []
    if let i {
      for k in a.sections[i].blockRange {
        if let m = mergedInto[k] {
          if b.blocks[m].section != j { out.append(BlockPointer(kind: .mergedAway, old: k, new: m)) }
        } else if let m = blkAB[k] {
          let shown = shownIn(newBlock: m)
          if shown != j {
            if let parts = splitParts[k] {
              out.append(BlockPointer(kind: .splitAway, old: k, new: parts[0]))
            } else {
              out.append(BlockPointer(kind: .movedOut, old: k, new: m))
            }
          }
        }
      }
    }
    if let j {
      for m in b.sections[j].blockRange {
        guard let k = splitOf[m], shownIn(newBlock: m) != j else { continue }
        out.append(BlockPointer(kind: .splitPart, old: k, new: m))
      }
    }
    return out
  }

  /// The word diffs of blocks matched one to one whose text changed, computed on both
  /// cores before the result is assembled (they are most of the assembly's work, and each
  /// is independent). Those `early` computed for the same pair are taken as they are; few
  /// or short others are left to `newBlockChange`.
  mutating func prepareWordDiffs() {
    guard options.wordDiffs else { return }
    var pairs: [(k: Int, m: Int)] = []
    var bytes = 0
    let started = early?.pairs ?? [:]
    for m in b.blocks.indices where splitOf[m] == nil && mergeSources[m] == nil {
      guard let k = blkBA[m], aIds[k] != bIds[m], started[m] != k else { continue }
      pairs.append((k, m))
      bytes += a.blocks[k].text.utf8.count + b.blocks[m].text.utf8.count
    }
    let results = Mutex<[Int: ([Segment], Bool)]>([:])
    if pairs.count >= 2, bytes >= options.parallelWordDiffBytes {
      let (old, new, maxCost) = (a, b, options.wordDiffMaxCost)
      let work = pairs
      // Sixteen parts taken in turn by whichever thread is free: with two halves, one
      // thread waited 0.5–1.2 ms at 5 MB for the other's last long paragraphs.
      let parts = min(work.count, 16)
      Workers.perform(iterations: parts) { part in
        var mine: [Int: ([Segment], Bool)] = [:]
        for n in stride(from: part, to: work.count, by: parts) {
          let (k, m) = work[n]
          mine[m] = WordDiff.diffReportingCap(old.blocks[k].text, new.blocks[m].text, maxCost: maxCost)
        }
        results.withLock { $0.merge(mine) { x, _ in x } }
      }
    }
    preparedWordDiffs = results.withLock { $0 }
    for (m, r) in early?.finish() ?? [:] where blkBA[m] == r.old {
      preparedWordDiffs[m] = (r.segments, r.capped)
    }
  }

  /// New blocks reordered inside their own section: matched within a section pair but off
  /// the heaviest increasing run of old positions (weighted by words, so the smaller block
  /// is the one that moved; unweighted past `weightedReorderLimit` blocks).
  func blocksOutOfOrder() -> Set<Int> {
    var out = Set<Int>()
    for j in b.sections.indices {
      guard let i = secBA[j] else { continue }
      // Made with room for every block (`compactMap` grew it append by append).
      var pairs: [(Int, Int)] = []
      pairs.reserveCapacity(b.sections[j].blockRange.count)
      for m in b.sections[j].blockRange {
        guard let k = blkBA[m], a.blocks[k].section == i, splitOf.isEmpty || splitOf[m] == nil,
          mergeSources.isEmpty || mergeSources[m] == nil
        else { continue }
        pairs.append((k, m))
      }
      guard pairs.count > 1 else { continue }
      let olds = pairs.map(\.0)
      if zip(olds, olds.dropFirst()).allSatisfy({ $0 < $1 }) { continue }
      let keep =
        pairs.count <= options.weightedReorderLimit
        ? heaviestIncreasing(olds, pairs.map { Tokenizer.wordCount(b.blocks[$0.1].text) + 1 })
        : longestIncreasing(olds)
      for (n, p) in pairs.enumerated() where !keep.contains(n) { out.insert(p.1) }
    }
    return out
  }

  /// Front-matter keys added, removed or changed, in the new version's key order.
  func metadataChanges(_ x: [MetadataEntry], _ y: [MetadataEntry]) -> [MetadataChange] {
    var old: [String: String] = [:]
    for e in x { old[e.key] = e.value }
    var out: [MetadataChange] = []
    var seen = Set<String>()
    for e in y {
      seen.insert(e.key)
      if old[e.key] != e.value { out.append(MetadataChange(key: e.key, old: old[e.key], new: e.value)) }
    }
    for e in x where !seen.contains(e.key) { out.append(MetadataChange(key: e.key, old: e.value, new: nil)) }
    return out
  }

  /// The old section that gave an added section half of its blocks, or a third and at least two (a split).
  func dominantSource(ofNew j: Int) -> Int? {
    Self.dominant(b.sections[j].blockRange.map { m in blkBA[m].map { a.blocks[$0].section } })
  }

  /// The new section that received half of a deleted section's blocks, or a third and at least two (a merge).
  func dominantDestination(ofOld i: Int) -> Int? {
    Self.dominant(a.sections[i].blockRange.map { k in blkAB[k].map { b.blocks[$0].section } })
  }

  /// The section most of these blocks' counterparts sit in (half, or a third and two).
  static func dominant(_ counterpartSections: [Int?]) -> Int? {
    guard !counterpartSections.isEmpty else { return nil }
    var votes: [Int: Int] = [:]
    for s in counterpartSections { if let s { votes[s, default: 0] += 1 } }
    guard let (s, n) = votes.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }),
      2 * n >= counterpartSections.count || (n >= 2 && 3 * n >= counterpartSections.count)
    else { return nil }
    return s
  }

  /// New sections that moved: under a parent that does not correspond to the old one, or
  /// out of order among siblings (not on the heaviest increasing subsequence of old
  /// positions, weighted by size, so the small section is the one that moved).
  func sectionsOutOfOrder() -> Set<Int> {
    var moved = Set<Int>()
    for j in b.sections.indices.dropFirst() {
      guard let i = secBA[j], let pb = b.sections[j].parent, let pa = a.sections[i].parent else { continue }
      if secAB[pa] != pb { moved.insert(j) }
    }
    for pj in b.sections.indices {
      guard let pi = secBA[pj] else { continue }
      let kids = b.sections[pj].children.filter { c in
        guard let i = secBA[c] else { return false }
        return a.sections[i].parent == pi
      }
      guard kids.count > 1 else { continue }
      let oldPos = kids.map { c -> Int in a.sections[pi].children.firstIndex(of: secBA[c]!)! }
      // A section keeping its rank among the matched siblings is the one that stayed put
      // (in a swap, the other two moved); size breaks the remaining ties.
      let oldRank = oldPos.sorted()
      let weights = kids.indices.map { n -> Int in
        (oldRank[n] == oldPos[n] ? 1_000_000 : 0) + b.blockIndexes(inSubtree: kids[n]).count + 1
      }
      let keep = heaviestIncreasing(oldPos, weights)
      for (n, c) in kids.enumerated() where !keep.contains(n) { moved.insert(c) }
    }
    return moved
  }
}

/// Positions of the heaviest strictly increasing subsequence (O(n²); sibling lists are short).
func heaviestIncreasing(_ xs: [Int], _ w: [Int]) -> Set<Int> {
  let n = xs.count
  var best = w
  var prev = [Int](repeating: -1, count: n)
  for i in 0..<n {
    for j in 0..<i where xs[j] < xs[i] && best[j] + w[i] > best[i] {
      best[i] = best[j] + w[i]
      prev[i] = j
    }
  }
  guard var k = best.indices.max(by: { best[$0] < best[$1] }) else { return [] }
  var out = Set<Int>()
  while k >= 0 {
    out.insert(k)
    k = prev[k]
  }
  return out
}

/// Positions of a longest strictly increasing subsequence (patience sorting, O(n log n)).
func longestIncreasing(_ xs: [Int]) -> Set<Int> {
  var tails: [Int] = []  // index into xs of the smallest tail of each length
  var prev = [Int](repeating: -1, count: xs.count)
  for (i, x) in xs.enumerated() {
    var lo = 0
    var hi = tails.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if xs[tails[mid]] < x { lo = mid + 1 } else { hi = mid }
    }
    if lo > 0 { prev[i] = tails[lo - 1] }
    if lo == tails.count { tails.append(i) } else { tails[lo] = i }
  }
  var out = Set<Int>()
  var k = tails.last ?? -1
  while k >= 0 {
    out.insert(k)
    k = prev[k]
  }
  return out
}

/// Word diffs of block pairs the alignment matched, computed by the helper thread
/// (`Workers`), one batch after another, while the matching goes on (moves, merges,
/// splits); `finish` computes those it has not begun. A word diff depends
/// on the two texts alone, so one is used only when the pair is still matched in the end:
/// the result is the very one computing it afterwards gives.
final class EarlyWordDiffs: Sendable {
  private let old: Document
  private let new: Document
  private let maxCost: Int
  private let results = Mutex<[Int: (old: Int, segments: [Segment], capped: Bool)]>([:])
  private let handed = Mutex<[Int: Int]>([:])
  private let waiting = Mutex<[Batch]>([])

  init(old: Document, new: Document, maxCost: Int) {
    self.old = old
    self.new = new
    self.maxCost = maxCost
  }

  /// The pairs handed over so far: new block → old block.
  var pairs: [Int: Int] { handed.withLock { $0 } }

  /// Starts the word diffs of `batch` after those handed over before.
  func start(_ batch: [(old: Int, new: Int)]) {
    handed.withLock { for (k, m) in batch { $0[m] = k } }
    let work = Batch(pairs: batch)
    waiting.withLock { $0.append(work) }
    Workers.async { [self] in run(work) }
  }

  /// Computes `batch` unless another thread has taken it; true when this thread did.
  @discardableResult
  private func run(_ batch: Batch) -> Bool {
    guard !batch.taken.exchange(true, ordering: .acquiringAndReleasing) else { return false }
    var mine: [Int: (old: Int, segments: [Segment], capped: Bool)] = [:]
    for (k, m) in batch.pairs {
      let (segments, capped) = WordDiff.diffReportingCap(old.blocks[k].text, new.blocks[m].text, maxCost: maxCost)
      mine[m] = (k, segments, capped)
    }
    results.withLock { $0.merge(mine) { x, _ in x } }
    batch.done.signal()
    return true
  }

  /// Every result, once all batches are done: new block → (old block, segments, capped).
  /// A batch the helper has not begun is computed here; only one it is computing is
  /// waited for, never the helper's other work (its queued job then finds the batch taken
  /// and does nothing).
  func finish() -> [Int: (old: Int, segments: [Segment], capped: Bool)] {
    for batch in waiting.withLock({ $0 }) where !run(batch) {
      Workers.waitingForHelper()
      batch.done.wait()
    }
    return results.withLock { $0 }
  }
}

/// One batch of pairs, taken by exactly one thread, which signals `done` when its results
/// are in.
private final class Batch: Sendable {
  let pairs: [(old: Int, new: Int)]
  let taken = Atomic<Bool>(false)
  let done = DispatchSemaphore(value: 0)
  init(pairs: [(old: Int, new: Int)]) { self.pairs = pairs }
}

/// The block changes of a finished matching: what `assemble` lists under each section.
/// A snapshot of the matching (value types only), so that two threads can build the
/// changes of different sections at once; a word diff it has to compute (a split's, a
/// merge's, or one left to the end) reports whether it was capped instead of marking the
/// diff itself.
struct BlockChanges: Sendable {
  let a: Document
  let b: Document
  let secBA: [Int?]
  let blkAB: [Int?]
  let blkBA: [Int?]
  let blkMethod: [MatchMethod?]
  let blkConfidence: [Double]
  let aIds: [Int32]
  let bIds: [Int32]
  let mergeSources: [Int: [Int]]
  let mergedInto: [Int: Int]
  let splitParts: [Int: [Int]]
  let splitOf: [Int: Int]
  let prepared: [Int: ([Segment], Bool)]
  let reordered: Set<Int>
  let wordDiffMaxCost: Int
  /// `DiffOptions.wordDiffs`.
  let wordDiffs: Bool

  init(_ s: DiffState, reordered: Set<Int>) {
    a = s.a
    b = s.b
    secBA = s.secBA
    blkAB = s.blkAB
    blkBA = s.blkBA
    blkMethod = s.blkMethod
    blkConfidence = s.blkConfidence
    aIds = s.aIds
    bIds = s.bIds
    mergeSources = s.mergeSources
    mergedInto = s.mergedInto
    splitParts = s.splitParts
    splitOf = s.splitOf
    prepared = s.preparedWordDiffs
    self.reordered = reordered
    wordDiffMaxCost = s.options.wordDiffMaxCost
    wordDiffs = s.options.wordDiffs
  }

  /// The blocks listed under each new section, by index, and whether a word diff made
  /// here was capped; with `parallel`, the sections in eight runs of about equal blocks,
  /// taken in turn by whichever core is free (two halves left one core waiting 0.6–0.8 ms
  /// at 5 MB for the other).
  func ofNewSections(parallel: Bool) -> (blocks: [[BlockChange]], capped: Bool) {
    let n = b.sections.count
    guard parallel, n >= 2 else { return ofNewSections(0..<n) }
    // Run p starts at the first section at or after p eighths of the new blocks.
    let runs = min(n, 8)
    var starts = [0]
    var j = 0
    for p in 1..<runs {
      let from = b.blocks.count * p / runs
      while j < n && b.sections[j].blockRange.lowerBound < from { j += 1 }
      if j > starts.last! && j < n { starts.append(j) }
    }
    starts.append(n)
    let ranges = (0..<(starts.count - 1)).map { starts[$0]..<starts[$0 + 1] }
    let parts = Mutex([(blocks: [[BlockChange]], capped: Bool)?](repeating: nil, count: ranges.count))
    Workers.perform(iterations: ranges.count) { r in
      let part = ofNewSections(ranges[r])
      parts.withLock { $0[r] = part }
    }
    return parts.withLock { all in
      (all.flatMap { $0!.blocks }, all.contains { $0!.capped })
    }
  }

  /// `ofNewSections` for the new sections `range`, on this thread.
  func ofNewSections(_ range: Range<Int>) -> (blocks: [[BlockChange]], capped: Bool) {
    var capped = false
    var out: [[BlockChange]] = []
    out.reserveCapacity(range.count)
    for j in range {
      if let i = secBA[j] {
        out.append(ofPair(i, j, &capped))
      } else {
        out.append(b.sections[j].blockRange.compactMap { new($0, &capped) })
      }
    }
    return (out, capped)
  }

  /// Blocks of a matched section pair in new order, deleted blocks after the new
  /// counterpart of the nearest kept block before them.
  func ofPair(_ i: Int, _ j: Int, _ capped: inout Bool) -> [BlockChange] {
    let ra = a.sections[i].blockRange
    let rb = b.sections[j].blockRange
    var after: [Int: [Int]] = [:]
    var anchor = -1
    for k in ra {
      if let m = blkAB[k] {
        if b.blocks[m].section == j { anchor = m }
      } else if mergedInto[k] == nil {
        after[anchor, default: []].append(k)
      }
    }
    var out: [BlockChange] = []
    for k in after[-1] ?? [] { out.append(deleted(k)) }
    for m in rb {
      if let c = new(m, &capped) { out.append(c) }
      for k in after[m] ?? [] { out.append(deleted(k)) }
    }
    return out
  }

  func deleted(_ k: Int) -> BlockChange {
    BlockChange(
      status: .deleted, kind: a.blocks[k].kind, old: k, new: nil, matchedBy: nil, confidence: 1, segments: nil,
      cosmetic: [])
  }

  /// A word diff with the cost cap from the options; `capped` is set when it was capped.
  func wordDiff(_ x: String, _ y: String, _ capped: inout Bool) -> [Segment] {
    let (segs, wasCapped) = WordDiff.diffReportingCap(x, y, maxCost: wordDiffMaxCost)
    if wasCapped { capped = true }
    return segs
  }

  /// The change for new block `m`, or nil for a split part shown with its first part.
  func new(_ m: Int, _ capped: inout Bool) -> BlockChange? {
    // Each block's fields are read where it stands, not through a copy of the block: a
    // copy retains and releases its text, which for an unchanged block (most of them) is
    // the only time its storage would be touched.
    let kind = b.blocks[m].kind
    if let k = splitOf[m] {
      let parts = splitParts[k]!
      guard parts[0] == m else { return nil }
      let joined = parts.map { b.blocks[$0].text }.joined(separator: " ")
      let segs = wordDiff(a.blocks[k].text, joined, &capped)
      var pieces: [BlockPiece] = []
      var at = 0
      for p in parts {
        let n = b.blocks[p].text.utf8.count
        pieces.append(
          BlockPiece(old: k, new: p, oldRange: mapThroughSegments(segs, at..<(at + n), fromOld: false), newRange: 0..<n)
        )
        at += n + 1
      }
      return BlockChange(
        status: .split, kind: kind, old: k, new: m, matchedBy: .split, confidence: blkConfidence[m],
        segments: segs, cosmetic: [], parts: parts, pieces: pieces)
    }
    if let sources = mergeSources[m] {
      let joined = sources.map { a.blocks[$0].text }.joined(separator: " ")
      let segs = wordDiff(joined, b.blocks[m].text, &capped)
      var pieces: [BlockPiece] = []
      var at = 0
      for k in sources {
        let n = a.blocks[k].text.utf8.count
        pieces.append(
          BlockPiece(old: k, new: m, oldRange: 0..<n, newRange: mapThroughSegments(segs, at..<(at + n), fromOld: true)))
        at += n + 1
      }
      return BlockChange(
        status: .merged, kind: kind, old: sources[0], new: m, matchedBy: .merged, confidence: blkConfidence[m],
        segments: segs, cosmetic: [], sources: sources, pieces: pieces)
    }
    guard let k = blkBA[m] else {
      return BlockChange(
        status: .added, kind: kind, old: nil, new: m, matchedBy: nil, confidence: 1, segments: nil, cosmetic: [])
    }
    let sameText = aIds[k] == bIds[m]
    let method = blkMethod[m] ?? .exact
    let movedAway = method == .movedExact || method == .movedSimilar
    let within = reordered.contains(m)
    let status: ChangeStatus = movedAway || within ? .moved : (sameText ? .unchanged : .modified)
    var segments: [Segment]? = nil
    if !sameText && !wordDiffs {
      segments = []
    } else if !sameText {
      if let (segs, wasCapped) = prepared[m] {
        if wasCapped { capped = true }
        segments = segs
      } else {
        segments = wordDiff(a.blocks[k].text, b.blocks[m].text, &capped)
      }
    }
    var cosmetic: [String] = []
    if !a.blocks[k].invisibles.isEmpty || !b.blocks[m].invisibles.isEmpty {
      let (oldInvisibles, newInvisibles) = (a.blocks[k].invisibles, b.blocks[m].invisibles)
      if oldInvisibles != newInvisibles {
        for x in newInvisibles where !oldInvisibles.contains(x) { cosmetic.append("added " + x) }
        for x in oldInvisibles where !newInvisibles.contains(x) { cosmetic.append("removed " + x) }
      }
    }
    return BlockChange(
      status: status, kind: kind, old: k, new: m, matchedBy: method, confidence: blkConfidence[m],
      segments: segments, cosmetic: cosmetic, withinSection: within && !movedAway)
  }
}
