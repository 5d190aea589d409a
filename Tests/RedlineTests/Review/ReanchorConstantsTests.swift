import RedlineDocument
import RedlineReview
import Testing

/// The named re-anchoring constants are the ones anchors are made with.
@Suite struct ReanchorConstantsTests {
  static let long = String(repeating: "sana ", count: 20) + "alku"

  @Test func anchorKeepsContextCharactersOfEachNeighbour() throws {
    let text = "# Otsikko\n\n\(Self.long)\n\nKeskimmäinen kappale.\n\nloppu \(Self.long)\n"
    let doc = try DocumentLoader.load(Array(text.utf8), path: "d.md")
    #expect(doc.blocks.count == 3)
    let a = Anchor.make(doc: doc, block: 1, path: "d.md", commit: nil, revision: "v1")
    #expect(Reanchor.contextCharacters == 32)
    #expect(a.prefix == String(Self.long.suffix(32)))
    #expect(a.suffix == String("loppu \(Self.long)".prefix(32)))
    let first = Anchor.make(doc: doc, block: 0, path: "d.md", commit: nil, revision: "v1")
    #expect(first.prefix == "")
    #expect(first.suffix == "Keskimmäinen kappale.")
  }

  @Test func fuzzyScoreKeepsItsScale() {
    // The score is a weighted mean: the weights' sum is the divisor (50 + 20 + 20 = 90).
    let w = Reanchor.fuzzyWeights
    #expect(w.text + w.prefix + w.suffix == 90)
    #expect(Reanchor.fuzzyCandidateFloor < Reanchor.fuzzyThreshold)
  }
}
