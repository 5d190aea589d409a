import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReview
import Testing

/// The comment walk diffs through two shortcuts (issue 14): each version prepared once
/// (`DiffSide`) for both pairs it is in, and no word diffs (`BlockMapping.diffOptions`).
/// Neither may change where a block goes, whether it changed, or how sure the diff is.
@Suite struct MappingDiffTests {
  /// Chains of three versions: generated drafts (edits of every kind) and the corpus's
  /// real statute pairs (each with its own new version as a third, unchanged one).
  static func chains() throws -> [(String, [Document])] {
    var out: [(String, [Document])] = []
    for batch in 0..<120 {
      var g = DraftGenerator(seed: UInt64(7000 + batch))
      let a = g.model()
      let b = g.edit(a)
      let c = g.edit(b)
      out.append(("seed \(7000 + batch)", [md(a.markdown()), md(b.markdown(wrap: batch % 5 == 0)), md(c.markdown())]))
    }
    for (name, oldPath, newPath) in CorpusTests.pairs {
      let a = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: oldPath))), path: oldPath)
      let b = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: newPath))), path: newPath)
      out.append((name, [a, b, b]))
    }
    return out
  }

  /// Every field of both mappings, block by block and section by section.
  func expectSame(_ x: RedlineReview.BlockMapping, _ y: RedlineReview.BlockMapping, old: Document, _ what: String) {
    for i in old.blocks.indices {
      #expect(x.target(ofBlock: i) == y.target(ofBlock: i), "\(what): block \(i)")
    }
    for i in old.sections.indices {
      let (p, q) = (x.target(ofSection: i), y.target(ofSection: i))
      #expect(p?.index == q?.index && p?.changed == q?.changed, "\(what): section \(i)")
    }
  }

  @Test func shortcutsMapBlocksAsTheFullDiffDoes() throws {
    let chains = try Self.chains()
    #expect(chains.count == 127, "120 generated chains and the corpus's seven pairs")
    var changedBlocks = 0
    for (name, docs) in chains {
      let sides = docs.map(DiffSide.init)
      for k in 0..<(docs.count - 1) {
        let full = BlockMapping(Differ.diff(docs[k], docs[k + 1]))
        // The middle version's side serves both of its pairs.
        let prepared = BlockMapping(Differ.diff(sides[k], sides[k + 1], options: BlockMapping.diffOptions))
        expectSame(full, prepared, old: docs[k], "\(name), pair \(k)")
        changedBlocks += docs[k].blocks.indices.count { full.target(ofBlock: $0)?.changed == true }
      }
    }
    // The check means something only if edited blocks were compared.
    #expect(changedBlocks > 400, "\(changedBlocks) edited blocks")
  }

  @Test func withoutWordDiffsAnEditedBlockHasEmptySegments() {
    let a = md("# A\n\nThe regional council decides on the funding of the programme.\n")
    let b = md("# A\n\nThe regional council decides on the whole funding of the programme.\n")
    let d = Differ.diff(a, b, options: BlockMapping.diffOptions)
    let edited = d.sections.flatMap(\.blocks).filter { $0.status == .modified }
    #expect(edited.count == 1)
    #expect(edited.first?.segments == [])
    let full = Differ.diff(a, b).sections.flatMap(\.blocks).filter { $0.status == .modified }
    #expect(full.first?.segments?.isEmpty == false)
  }
}
