import RedlineDiff
import RedlineDocument
import Testing

/// Checks the diff contract: each old block exactly once on the old side, each new block
/// exactly once on the new side, segments replaying both texts, sections in new order.
func checkInvariants(_ d: DocumentDiff, _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
  var oldSeen = [Int](repeating: 0, count: d.old.blocks.count)
  var newSeen = [Int](repeating: 0, count: d.new.blocks.count)
  var oldSections = [Int](repeating: 0, count: d.old.sections.count)
  var newSections = [Int](repeating: 0, count: d.new.sections.count)
  var lastNew = -1
  for s in d.sections {
    if let i = s.old { oldSections[i] += 1 }
    if let j = s.new {
      newSections[j] += 1
      #expect(j > lastNew, "sections follow the new document's order \(context)", sourceLocation: sourceLocation)
      lastNew = j
    }
    for b in s.blocks {
      for i in b.oldBlocks { oldSeen[i] += 1 }
      for j in b.newBlocks { newSeen[j] += 1 }
      switch b.status {
      case .added: #expect(b.old == nil && b.new != nil, sourceLocation: sourceLocation)
      case .deleted: #expect(b.old != nil && b.new == nil, sourceLocation: sourceLocation)
      case .merged:
        #expect(b.sources.count >= 2 && b.sources.first == b.old && b.new != nil, sourceLocation: sourceLocation)
        #expect(b.segments != nil, "a merge carries its word diff \(context)", sourceLocation: sourceLocation)
      case .split:
        #expect(b.parts.count >= 2 && b.parts.first == b.new && b.old != nil, sourceLocation: sourceLocation)
        #expect(b.segments != nil, "a split carries its word diff \(context)", sourceLocation: sourceLocation)
      default: #expect(b.old != nil && b.new != nil, sourceLocation: sourceLocation)
      }
      if b.old != nil, b.new != nil {
        // Merged: the sources joined by one space replay the old side; split: the parts
        // joined by one space replay the new side.
        let ot = b.oldBlocks.map { d.old.blocks[$0].text }.joined(separator: " ")
        let nt = b.newBlocks.map { d.new.blocks[$0].text }.joined(separator: " ")
        if let segs = b.segments {
          #expect(segs.oldText == ot, "old replay \(context)", sourceLocation: sourceLocation)
          #expect(segs.newText == nt, "new replay \(context)", sourceLocation: sourceLocation)
          if b.status != .merged && b.status != .split { #expect(ot != nt, sourceLocation: sourceLocation) }
        } else {
          #expect(ot == nt, "a block without segments has equal text \(context)", sourceLocation: sourceLocation)
        }
        if b.status == .unchanged { #expect(ot == nt, sourceLocation: sourceLocation) }
        // Pieces cover every source/part and stay inside the texts.
        for p in b.pieces {
          #expect(p.oldRange.upperBound <= d.old.blocks[p.old].text.utf8.count, sourceLocation: sourceLocation)
          #expect(p.newRange.upperBound <= d.new.blocks[p.new].text.utf8.count, sourceLocation: sourceLocation)
        }
        if b.status == .merged { #expect(Set(b.pieces.map(\.old)) == Set(b.sources), sourceLocation: sourceLocation) }
        if b.status == .split { #expect(Set(b.pieces.map(\.new)) == Set(b.parts), sourceLocation: sourceLocation) }
      }
    }
    // A pointer never stands for a second side: it points at a change shown elsewhere.
    for p in s.pointers {
      #expect(p.old < d.old.blocks.count && p.new < d.new.blocks.count, sourceLocation: sourceLocation)
    }
  }
  let badOld = oldSeen.enumerated().filter { $0.element != 1 }.map(\.offset)
  let badNew = newSeen.enumerated().filter { $0.element != 1 }.map(\.offset)
  #expect(badOld.isEmpty, "old blocks not exactly once: \(badOld.prefix(5)) \(context)", sourceLocation: sourceLocation)
  #expect(badNew.isEmpty, "new blocks not exactly once: \(badNew.prefix(5)) \(context)", sourceLocation: sourceLocation)
  // Every section with blocks (or a heading) appears exactly once per side.
  for (i, n) in oldSections.enumerated() where i > 0 || !d.old.sections[0].blockRange.isEmpty {
    #expect(n == 1, "old section \(i) appears \(n) times \(context)", sourceLocation: sourceLocation)
  }
  for (j, n) in newSections.enumerated() where j > 0 || !d.new.sections[0].blockRange.isEmpty {
    #expect(n == 1, "new section \(j) appears \(n) times \(context)", sourceLocation: sourceLocation)
  }
}

func md(_ s: String) -> Document { MarkdownParser.parse(Array(s.utf8), path: "t.md") }
