import RedlineDocument

extension DiffState {
  /// Builds the ordered result: section flags, block statuses and word diffs.
  func assemble() -> DocumentDiff {
    let movedSections = sectionsOutOfOrder()
    var sectionChanges: [Int: SectionChange] = [:]  // by new index (matched and added)
    var deletedChanges: [Int: SectionChange] = [:]  // by old index

    // Blocks per new section and per deleted old section.
    for j in b.sections.indices {
      var blocks: [BlockChange] = []
      if let i = secBA[j] {
        blocks = blocksOfPair(i, j)
      } else {
        blocks = b.sections[j].blockRange.map { newBlockChange($0) }
      }
      var change = SectionChange(
        status: .unchanged, renamed: false, moved: false, renumbered: false, old: secBA[j], new: j,
        matchedBy: secMethod[j], confidence: secConfidence[j], splitFrom: nil, mergedInto: nil, blocks: blocks)
      if let i = secBA[j] {
        let sa = a.sections[i]
        let sb = b.sections[j]
        change.renamed = j != 0 && sa.title.lowercased() != sb.title.lowercased()
        change.renumbered = sa.number != sb.number
        change.moved = movedSections.contains(j)
        let lostBlocks = sa.blockRange.contains { k in blkAB[k].map { b.blocks[$0].section != j } ?? false }
        change.status = blocks.allSatisfy({ $0.status == .unchanged }) && !lostBlocks ? .unchanged : .modified
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
      let blocks = a.sections[i].blockRange.filter { blkAB[$0] == nil }.map { deletedBlockChange($0) }
      var change = SectionChange(
        status: .deleted, renamed: false, moved: false, renumbered: false, old: i, new: nil, matchedBy: nil,
        confidence: 1, splitFrom: nil, mergedInto: nil, blocks: blocks)
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
    for i in after[-1] ?? [] { ordered.append(deletedChanges[i]!) }
    for j in b.sections.indices {
      let c = sectionChanges[j]!
      if !(j == 0 && c.blocks.isEmpty) { ordered.append(c) }
      for i in after[j] ?? [] { ordered.append(deletedChanges[i]!) }
    }
    return DocumentDiff(old: a, new: b, sections: ordered, budgetExhausted: budget.exhausted)
  }

  /// Blocks of a matched section pair in new order, deleted blocks after the new
  /// counterpart of the nearest kept block before them.
  func blocksOfPair(_ i: Int, _ j: Int) -> [BlockChange] {
    let ra = a.sections[i].blockRange
    let rb = b.sections[j].blockRange
    var after: [Int: [Int]] = [:]
    var anchor = -1
    for k in ra {
      if let m = blkAB[k] {
        if b.blocks[m].section == j { anchor = m }
      } else {
        after[anchor, default: []].append(k)
      }
    }
    var out: [BlockChange] = []
    for k in after[-1] ?? [] { out.append(deletedBlockChange(k)) }
    for m in rb {
      out.append(newBlockChange(m, pairedSection: i))
      for k in after[m] ?? [] { out.append(deletedBlockChange(k)) }
    }
    return out
  }

  func deletedBlockChange(_ k: Int) -> BlockChange {
    BlockChange(
      status: .deleted, kind: a.blocks[k].kind, old: k, new: nil, matchedBy: nil, confidence: 1, segments: nil,
      cosmetic: [])
  }

  /// The change for new block `m`; `pairedSection` is the old section matched to its section.
  func newBlockChange(_ m: Int, pairedSection: Int? = nil) -> BlockChange {
    let nb = b.blocks[m]
    guard let k = blkBA[m] else {
      return BlockChange(
        status: .added, kind: nb.kind, old: nil, new: m, matchedBy: nil, confidence: 1, segments: nil, cosmetic: [])
    }
    let ob = a.blocks[k]
    let sameText = aIds[k] == bIds[m]
    let method = blkMethod[m] ?? .exact
    let movedAway = method == .movedExact || method == .movedSimilar
    let status: ChangeStatus = movedAway ? .moved : (sameText ? .unchanged : .modified)
    let segments = sameText ? nil : WordDiff.diff(ob.text, nb.text)
    var cosmetic: [String] = []
    if ob.invisibles != nb.invisibles {
      for x in nb.invisibles where !ob.invisibles.contains(x) { cosmetic.append("added " + x) }
      for x in ob.invisibles where !nb.invisibles.contains(x) { cosmetic.append("removed " + x) }
    }
    return BlockChange(
      status: status, kind: nb.kind, old: k, new: m, matchedBy: method, confidence: blkConfidence[m],
      segments: segments, cosmetic: cosmetic)
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
