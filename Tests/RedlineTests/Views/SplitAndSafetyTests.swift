import Foundation
import RedlineKit
import RedlineReport
import Testing

/// A paragraph split in two, the working tree as the last version, and document text
/// that must never become markup.
@Suite struct SplitAndSafetyTests {
  static let a1 = "Alueiden kehittämisen painopisteet valitaan yhdessä maakuntien liittojen kanssa."
  static let a2 = "Painopisteiden toteutumista seurataan vuosittain alueiden kehittämisen neuvottelukunnassa."
  static let other = "Tämä kappale ei muutu missään versiossa, vaikka muu teksti muuttuu ympärillä."

  static func repo() -> (TempDir, DraftRepository) {
    datedRepo([
      "# Päätös\n\n## 1 Painopisteet\n\n\(a1) \(a2)\n\n\(other)\n",
      "# Päätös\n\n## 1 Painopisteet\n\n\(a1)\n\n\(a2)\n\n\(other)\n",
    ])
  }

  @Test func historyFollowsASplitBackToTheLongerParagraph() throws {
    let (dir, repo) = Self.repo()
    _ = dir
    let h = try repo.history(revision: "v2", quote: "seurataan vuosittain")
    #expect(h.label == "§1 ¶2")
    #expect(h.entries.map(\.change) == [.split, .created])
    #expect(h.entries[0].sources == ["§1 ¶1"])
    #expect(h.entries.map { h.versions[$0.version].name } == ["v2", "v1"])
  }

  @Test func blameKeepsTheVersionOfTheWordsAfterASplit() throws {
    let (dir, repo) = Self.repo()
    _ = dir
    let b = try repo.blame(revision: "v2")
    let second = try #require(b.blocks.first { $0.label == "§1 ¶2" })
    #expect(second.change == .split)
    #expect(b.versions[second.version].name == "v1")
    let first = try #require(b.blocks.first { $0.label == "§1 ¶1" })
    #expect(b.versions[first.version].name == "v2")  // its text lost the second sentence
    #expect(first.change == .changed)
  }

  @Test func worktreeIsTheLastVersion() throws {
    let (dir, repo) = Self.repo()
    dir.write("doc.md", "# Päätös\n\n## 1 Painopisteet\n\n\(Self.a1)\n\n\(Self.a2)\n\n\(Self.other) Lisäys.\n")
    let b = try repo.blame(revision: "WORKTREE")
    #expect(b.versions.count == 3)
    let changed = try #require(b.blocks.first { $0.label == "§1 ¶3" })
    #expect(b.versions[changed.version].name == "WORKTREE")
    let h = try repo.history(revision: "WORKTREE", block: "§1 ¶3")
    #expect(h.entries.map(\.change) == [.changed, .created])
  }

  @Test func documentTextNeverBecomesMarkup() throws {
    let d = TempDir("markup")
    git(d.path, "init", "-q", "-b", "main")
    d.write("doc.md", "# Päätös\n\n## 1 Osa\n\nTeksti <script>alert(1)</script> & *tähti* ensin.\n")
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v1")
    d.write("doc.md", "# Päätös\n\n## 1 Osa\n\nTeksti <script>alert(2)</script> & *tähti* sitten.\n")
    git(d.path, "commit", "-qam", "<b>v2</b>")
    let repo = try DraftRepository(path: d.path)
    let h = try repo.history(revision: "HEAD", block: "§1 ¶1")
    let b = try repo.blame(revision: "HEAD")
    for page in [HistoryRenderer.html(h), BlameRenderer.html(b)] {
      #expect(!page.contains("<script>"))
      #expect(!page.contains("<b>v2"))
      #expect(page.contains("&lt;script&gt;"))
    }
    #expect(!BlameRenderer.text(b, style: .markdown).contains("<script>"))
    #expect(!HistoryRenderer.text(h, style: .markdown).contains("<script>"))
  }
}
