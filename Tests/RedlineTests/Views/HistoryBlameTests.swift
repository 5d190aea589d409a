import Foundation
import RedlineKit
import RedlineReport
import Testing

/// A paragraph edited, moved, merged and commented across three versions.
@Suite struct HistoryBlameTests {
  static let first = "Ensimmäinen kappale pysyy samana kaikissa versioissa ja kertoo päätöksen tarkoituksesta."
  static let money1 = "Toinen kappale kertoo rahoituksesta, jota on 1 000 000 euroa vuonna 2024 kaikille alueille."
  static let money2 = "Toinen kappale kertoo rahoituksesta, jota on 1 500 000 euroa vuonna 2024 kaikille alueille."
  static let third = "Kolmas kappale kuvaa toimia, joita alueet toteuttavat yhdessä valtion ja kuntien kanssa."
  static let fourth = "Neljäs kappale tarkentaa toimien aikataulua ja vastuita maakuntien liitoissa."

  static let v1 = "# Päätös\n\n## 1 Johdanto\n\n\(first)\n\n\(money1)\n\n## 2 Toimet\n\n\(third)\n\n\(fourth)\n"
  static let v2 = "# Päätös\n\n## 1 Johdanto\n\n\(first)\n\n\(money2)\n\n## 2 Toimet\n\n\(third) \(fourth)\n"
  static let v3 = "# Päätös\n\n## 1 Johdanto\n\n\(first)\n\n## 2 Toimet\n\n\(third) \(fourth)\n\n\(money2)\n"

  /// v1 by Aino Aloittaja (1.10.2023), v2 by Mikko Korhonen (27.11.2023), v3 by Liisa Virtanen (14.12.2023).
  static func repo() throws -> (TempDir, DraftRepository) {
    let d = TempDir("views")
    git(d.path, "init", "-q", "-b", "main")
    let who = [
      ("Aino Aloittaja", "2023-10-01T10:00:00+03:00"), ("Mikko Korhonen", "2023-11-27T14:30:00+02:00"),
      ("Liisa Virtanen", "2023-12-14T10:15:00+02:00"),
    ]
    for (i, text) in [v1, v2, v3].enumerated() {
      d.write("paatos.md", text)
      git(d.path, "add", "paatos.md")
      let r = run(
        "/usr/bin/git", ["commit", "-qm", "Versio \(i + 1)"], cwd: d.path,
        env: [
          "GIT_AUTHOR_NAME": who[i].0, "GIT_AUTHOR_EMAIL": "x@example.fi", "GIT_AUTHOR_DATE": who[i].1,
          "GIT_COMMITTER_DATE": who[i].1,
        ])
      #expect(r.status == 0, "\(r.stderr)")
      git(d.path, "tag", "v\(i + 1)")
    }
    let repo = try DraftRepository(path: d.path)
    // A statement on the money paragraph at v1, accepted at v2.
    let t = try repo.addComment(
      revision: "v1", path: nil, block: "§1 ¶2", quote: nil, author: "Etelä-Savon liitto <kirjaamo@esavo.example>",
      message: "Rahoitus on liian pieni.\nPerustelut liitteessä.", commit: false)
    _ = try repo.addEvent(
      to: t.id, kind: .resolve, author: "Mikko Korhonen <m@tem.example>", body: "Korotettu.", disposition: .accepted,
      at: "v2", commit: false)
    // A comment on the merged paragraph at v2, after its last change.
    _ = try repo.addComment(
      revision: "v2", path: nil, block: "§2 ¶1", quote: nil, author: "Kuopion kaupunki <k@kuopio.example>",
      message: "Aikataulu on tiukka.", commit: false)
    return (d, repo)
  }

  @Test func historyFollowsAMovedEditedParagraphBackToItsCreation() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let h = try repo.history(revision: "v3", block: "§2 ¶2")
    #expect(h.label == "§2 ¶2")
    #expect(h.entries.map(\.change) == [.moved, .changed, .created])
    #expect(h.entries.map { h.versions[$0.version].name } == ["v3", "v2", "v1"])
    #expect(h.entries.map { h.versions[$0.version].author } == ["Liisa Virtanen", "Mikko Korhonen", "Aino Aloittaja"])
    #expect(h.entries.map { h.versions[$0.version].date } == ["14.12.2023", "27.11.2023", "1.10.2023"])
    #expect(h.entries[0].oldLabel == "§1 ¶2")
    let change = h.entries[1]
    #expect(change.segments?.contains { $0.op == .insert && $0.text.contains("500") } == true)
    // The statement made at v1 preceded the v2 change and was accepted.
    #expect(change.threads.map(\.author) == ["Etelä-Savon liitto"])
    #expect(change.threads.first?.status == "accepted")
    #expect(change.threads.first?.excerpt == "Rahoitus on liian pieni.")
    #expect(h.entries[0].threads.isEmpty && h.entries[2].threads.isEmpty)
    #expect(h.openThreads.isEmpty)
    let text = HistoryRenderer.text(h, style: .plain)
    #expect(text.contains("changed in v2 (Mikko Korhonen, 27.11.2023)"))
    #expect(text.contains("after the comment of Etelä-Savon liitto"))
    #expect(text.contains("”, taken into account"))
    #expect(!text.contains("accepted"), "internal names never show")
  }

  @Test func historyFollowsAMergeIntoBothSources() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let h = try repo.history(revision: "v3", quote: "Neljäs kappale tarkentaa")
    #expect(h.label == "§2 ¶1")
    let merged = try #require(h.entries.first)
    #expect(merged.change == .merged)
    #expect(h.versions[merged.version].name == "v2")
    #expect(merged.sources == ["§2 ¶1", "§2 ¶2"])  // the diff names every source of a merge
    // Both merged paragraphs go back to v1.
    #expect(h.entries.filter { $0.change == .created }.map { h.versions[$0.version].name } == ["v1", "v1"])
    // The comment made at v2, after the merge, is open on the current text.
    #expect(h.openThreads.map(\.author) == ["Kuopion kaupunki"])
  }

  @Test func historyOfAParagraphUnchangedSinceItsCreation() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let h = try repo.history(revision: "v3", block: "§1 ¶1")
    #expect(h.entries.map(\.change) == [.created])
    #expect(h.versions[h.entries[0].version].name == "v1")
  }

  @Test func blameGivesTheLastTextChangeNotTheMove() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let b = try repo.blame(revision: "v3")
    let byLabel = Dictionary(uniqueKeysWithValues: b.blocks.map { ($0.label, $0) })
    let first = try #require(byLabel["§1 ¶1"])
    #expect(b.versions[first.version].name == "v1")
    #expect(b.versions[first.version].author == "Aino Aloittaja")
    let merged = try #require(byLabel["§2 ¶1"])
    #expect(b.versions[merged.version].name == "v2")
    #expect(merged.change == .merged)
    #expect(merged.threads.isEmpty)  // the Kuopio comment came after the change
    let money = try #require(byLabel["§2 ¶2"])
    #expect(b.versions[money.version].name == "v2")  // moved in v3, text last changed in v2
    #expect(b.versions[money.version].author == "Mikko Korhonen")
    #expect(money.change == .changed)
    #expect(money.threads.map(\.author) == ["Etelä-Savon liitto"])
    #expect(money.threads.first?.status == "accepted")
  }

  @Test func blameAtAnOlderRevisionStopsThere() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let b = try repo.blame(revision: "v1")
    #expect(b.versions.count == 1)
    #expect(b.blocks.allSatisfy { $0.version == 0 && $0.change == .created })
  }

  @Test func blameAndHistoryRenderEveryFormat() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let b = try repo.blame(revision: "v3")
    let json = try JSONSerialization.jsonObject(with: Data(BlameRenderer.json(b))) as! [String: Any]
    #expect(json["schema"] as? String == "redline.blame/1")
    let blocks = json["blocks"] as! [[String: Any]]
    #expect(blocks.count == 3)
    #expect(BlameRenderer.text(b, style: .markdown).contains("| §2 ¶2 | v2 | Mikko Korhonen | 27.11.2023 | changed |"))
    #expect(BlameRenderer.html(b).contains("<td>Mikko Korhonen</td>"))
    let h = try repo.history(revision: "v3", block: "§2 ¶2")
    let hj = try JSONSerialization.jsonObject(with: Data(HistoryRenderer.json(h))) as! [String: Any]
    #expect(hj["schema"] as? String == "redline.history/1")
    #expect((hj["entries"] as! [[String: Any]]).map { $0["change"] as! String } == ["moved", "changed", "created"])
    #expect(HistoryRenderer.html(h).contains("<ins>"))
  }

  @Test func historyRejectsAnUnknownOrAmbiguousParagraph() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    #expect(throws: RedlineError.self) { try repo.history(revision: "v3", block: "§9 ¶9") }
    #expect(throws: RedlineError.self) { try repo.history(revision: "v3", quote: "kappale") }
  }

  @Test func historyAndBlameCommands() throws {
    let (dir, _) = try Self.repo()
    var r = run(redlineBinary, ["history", "v3", "--block", "§2 ¶2", "--repo", dir.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("changed in v2 (Mikko Korhonen, 27.11.2023)"))
    r = run(redlineBinary, ["blame", "v3", "--format", "json", "--repo", dir.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("\"redline.blame/1\""))
    r = run(redlineBinary, ["history", "v3", "--repo", dir.path])
    #expect(r.status != 0)
    r = run(redlineBinary, ["history", "v3", "--block", "§7 ¶1", "--repo", dir.path])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("redline: error: no block '§7 ¶1'"))
  }
}
