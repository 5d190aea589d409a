import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReport
import RedlineReview
import Testing

/// The bundled drafts (drafts/, in the repository): v1 → v2 §1.1, §2.2, §2.3 and §3.2 are
/// the merges and the emptied section the issue names.
@Suite struct SampleDraftsTests {
  func load(_ name: String) throws -> Document {
    let bytes = try #require(FileManager.default.contents(atPath: packageRoot + "/drafts/" + name))
    return MarkdownParser.parse([UInt8](bytes), path: name)
  }

  @Test func v1ToV2MergesAreMergesNotStrikeAndInsert() throws {
    let d = Differ.diff(try load("alke-v1.md"), try load("alke-v2.md"))
    checkInvariants(d)
    func section(_ n: String) -> SectionChange? { d.sections.first { $0.new.map { d.new.sections[$0].number } == n } }
    // §1.1: four list items became one paragraph.
    let s11 = try #require(section("1.1"))
    let merged = s11.blocks.filter { $0.status == .merged }
    #expect(merged.count == 1)
    #expect(merged.first?.sources.count == 4)
    #expect(!s11.blocks.contains { $0.status == .deleted })
    // §2.2 and §2.3: short paragraphs joined into the first paragraph.
    for n in ["2.2", "2.3"] {
      let s = try #require(section(n))
      #expect(s.blocks.contains { $0.status == .merged }, "§\(n)")
    }
    // §3.2 lost its paragraphs to the new 3.2.1 and 3.2.2, and says so.
    let s32 = try #require(section("3.2"))
    #expect(s32.status == .modified)
    #expect(s32.pointers.count == 5)
    let out = DiffText.render(
      d, old: VersionRef(revision: "v1", commit: nil, path: "alke.md"),
      new: VersionRef(revision: "v2", commit: nil, path: "alke.md"),
      style: .plain)
    #expect(out.contains("(modified); 5 paragraphs moved to 3.2.1 and 3.2.2"))
    // The summary says the same for §3.2 (no empty "0 added, 0 deleted …").
    let input = SummaryInput(
      diff: d, old: VersionRef(revision: "v1", commit: nil, path: "alke.md"),
      new: VersionRef(revision: "v2", commit: nil, path: "alke.md"),
      comments: CommentsReport(revision: "v2", commit: nil),
      generated: 0)
    let fi = SummaryRenderer.render(input, language: .fi, format: .markdown)
    #expect(fi.contains("5 kappaletta siirretty kohtiin 3.2.1 ja 3.2.2"))
    // `diff` and `summary` give the same counts for the same pair.
    let s = d.summary
    let en = SummaryRenderer.render(input, language: .en, format: .markdown)
    #expect(
      en.contains(
        "\(s.sectionsChanged) sections changed: \(s.blocks[.added]) paragraphs were added, \(s.blocks[.deleted]) deleted, \(s.blocks[.modified]) changed and \(s.blocks[.moved]) moved."
      ))
    #expect(out.contains("Sections: \(s.sectionsChanged) changed"))
    #expect(
      out.contains(
        "\(s.blocks[.added]) paragraphs added, \(s.blocks[.deleted]) paragraphs deleted, \(s.blocks[.modified]) paragraphs changed, \(s.blocks[.moved]) paragraphs moved"
      ))
    // The front matter is metadata: title, version, date.
    #expect(Set(d.metadata.map(\.key)) == ["title", "versio", "päivämäärä"])
  }

  @Test func everyConsecutivePairKeepsTheInvariants() throws {
    let v = try ["alke-v1.md", "alke-v2.md", "alke-v3.md"].map(load)
    for (a, b) in [(v[0], v[1]), (v[1], v[2]), (v[0], v[2]), (v[2], v[0])] { checkInvariants(Differ.diff(a, b)) }
  }
}
