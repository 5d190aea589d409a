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
      if let i = b.old { oldSeen[i] += 1 }
      if let j = b.new { newSeen[j] += 1 }
      switch b.status {
      case .added: #expect(b.old == nil && b.new != nil, sourceLocation: sourceLocation)
      case .deleted: #expect(b.old != nil && b.new == nil, sourceLocation: sourceLocation)
      default: #expect(b.old != nil && b.new != nil, sourceLocation: sourceLocation)
      }
      if let i = b.old, let j = b.new {
        let ot = d.old.blocks[i].text
        let nt = d.new.blocks[j].text
        if let segs = b.segments {
          #expect(segs.oldText == ot, "old replay \(context)", sourceLocation: sourceLocation)
          #expect(segs.newText == nt, "new replay \(context)", sourceLocation: sourceLocation)
          #expect(ot != nt, sourceLocation: sourceLocation)
        } else {
          #expect(ot == nt, "a block without segments has equal text \(context)", sourceLocation: sourceLocation)
        }
        if b.status == .unchanged { #expect(ot == nt, sourceLocation: sourceLocation) }
      }
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
