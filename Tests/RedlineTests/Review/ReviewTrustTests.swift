import Foundation
import RedlineDiff
import RedlineDocument
import RedlineGit
import RedlineKit
import RedlineReport
import RedlineReview
import Testing

let aino = "Aino Arvioija <aino@example.fi>"

/// Issue 8 items 9–14: comments a drafter can trust.
@Suite struct ReviewTrustTests {
  static let a = "Alueiden kehittämisen painopisteet valitaan yhdessä maakuntien kanssa ja niitä seurataan vuosittain."
  static let b = "Saavutettavuus on elinvoiman perusedellytys, ja raideliikenteen hankkeet ovat alueille ratkaisevia."
  static let c = "Osallisuus vahvistaa yhteisöjä ja lisää luottamusta päätöksentekoon kaikilla alueilla."
  static var v1: String { "# Päätös\n\n## 1 Elinvoima\n\n\(a)\n\n\(b)\n\n## 2 Osallisuus\n\n\(c)\n" }
  static var v2: String {
    "# Päätös\n\n## 1 Elinvoima\n\n\(a)\n\n\(b.replacingOccurrences(of: "ratkaisevia", with: "tärkeitä"))\n\n## 2 Osallisuus\n\n\(c)\n"
  }

  func placement(_ r: CommentsReport, _ id: String) throws -> ThreadReport {
    try #require(r.threads.first { $0.id == id })
  }

  // Item 9: asking about an older version never shows the future.
  @Test func olderRevisionLeavesOutLaterThreadsRepliesAndResolutions() throws {
    let (keep, r) = datedRepo([Self.v1, Self.v2])
    defer { withExtendedLifetime(keep) {} }
    let early = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶2", quote: nil, author: aino, message: "Ratkaisevia?", commit: false)
    let late = try r.addComment(
      revision: "v2", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "Myöhempi.", commit: false)
    _ = try r.addEvent(to: early.id, kind: .reply, author: aino, body: "Vastaus myöhemmin.", commit: false)
    _ = try r.addEvent(
      to: early.id, kind: .resolve, author: aino, body: "Korjattu.", disposition: .accepted, at: "v2", commit: false)

    let atV1 = try r.comments(at: "v1")
    let e = try placement(atV1, early.id)
    #expect(e.placement.status == .open, "resolved at v2: not yet at v1")
    #expect(e.placement.changes == nil, "no backwards word diff")
    #expect(e.thread?.replies.isEmpty == true, "the reply came after v1")
    #expect(e.thread?.isResolved == false)
    #expect(try placement(atV1, late.id).placement.status == .notYetMade)
    let text = CommentsRenderer.text(atV1, markdown: false)
    #expect(!text.contains("Vastaus myöhemmin"))
    #expect(text.contains("NOT YET MADE"))

    let atV2 = try r.comments(at: "v2")
    #expect(try placement(atV2, early.id).placement.status == .resolved)
    #expect(try placement(atV2, early.id).thread?.replies.count == 1)
    #expect(try placement(atV2, late.id).placement.status == .open)
  }

  // Item 10: versions are recorded as commits; WORKTREE comments record their base.
  @Test func resolutionsRecordCommitAndTagNeverHEAD() throws {
    let (d, r) = datedRepo([Self.v1, Self.v2])
    let t = try r.addComment(
      revision: "HEAD", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "x", commit: false)
    #expect(t.anchor.revision == "v2", "HEAD is recorded as the tag there")
    let v2 = git(d.path, "rev-parse", "v2")
    let done = try r.addEvent(
      to: t.id, kind: .resolve, author: aino, body: "ok", disposition: .noted, at: "HEAD", commit: false)
    #expect(done.lastResolution?.revision == "v2")
    #expect(done.lastResolution?.commit == v2)
    let raw = try String(contentsOfFile: d.path + "/reviews/\(t.id).jsonl", encoding: .utf8)
    #expect(!raw.contains("\"HEAD\""))
    // An untagged commit is recorded by its id.
    d.write("doc.md", Self.v2 + "\nLisäys.\n")
    git(d.path, "commit", "-qam", "untagged")
    let u = try r.addComment(
      revision: "HEAD", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "y", commit: false)
    #expect(u.anchor.revision == String(git(d.path, "rev-parse", "HEAD").prefix(7)))
  }

  @Test func worktreeCommentRecordsItsBaseAndIsNeverMovedToItsOwnLabel() throws {
    let (d, r) = datedRepo([Self.v1, Self.v2])
    d.write("doc.md", Self.v2.replacingOccurrences(of: "kaikilla alueilla", with: "kaikilla alueilla ja kunnissa"))
    let t = try r.addComment(
      revision: "WORKTREE", path: nil, block: "§2 ¶1", quote: nil, author: aino, message: "Tallentamaton.",
      commit: false)
    #expect(t.anchor.commit == nil)
    #expect(t.anchor.base == git(d.path, "rev-parse", "HEAD"))
    #expect(t.anchor.isUnsaved)
    let rep = try r.comments(at: "WORKTREE")
    let p = try placement(rep, t.id).placement
    #expect(p.status == .open)
    #expect(p.moved == false)
    let text = CommentsRenderer.text(rep, markdown: false)
    #expect(text.contains("unsaved text, based on \(t.anchor.base!.prefix(7))"))
    #expect(!text.contains("moved to"))
    let json = String(decoding: CommentsRenderer.json(rep), as: UTF8.self)
    #expect(json.contains("\"unsaved\": true"))
    #expect(json.contains("\"schema\": \"redline.comments/2\""))
  }

  // Item 11: merged-away paragraphs keep their comment; only a real deletion is outdated.
  @Test func mergedParagraphKeepsItsCommentAndWaits() throws {
    let merged = "# Päätös\n\n## 1 Elinvoima\n\n\(Self.a) \(Self.b)\n\n## 2 Osallisuus\n\n"
    let (keep, r) = datedRepo([Self.v1, merged])
    defer { withExtendedLifetime(keep) {} }
    let onB = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶2", quote: nil, author: aino, message: "b", commit: false)
    let onC = try r.addComment(
      revision: "v1", path: nil, block: "§2 ¶1", quote: nil, author: aino, message: "c", commit: false)
    let rep = try r.comments(at: "v2")
    let b = try placement(rep, onB.id)
    #expect(b.placement.status == .merged)
    #expect(b.placement.status.waitsForPerson)
    #expect(rep.documents["doc.md"]!.blocks[b.placement.block!].label == "§1 ¶1")
    #expect(CommentsRenderer.text(rep, markdown: false).contains("merged into §1 ¶1"))
    let c = try placement(rep, onC.id)
    #expect(c.placement.status == .outdated)
    #expect(c.placement.status.waitsForPerson, "an outdated thread still needs a disposition")
  }

  // Item 11: a paragraph whose sentences were moved into other blocks is merged, not outdated.
  @Test func paragraphWhoseSentencesMovedIsMergedNotOutdated() throws {
    let s1 = "Maakuntien liitot laativat ohjelmat yhdessä kuntien kanssa."
    let s2 = "Ohjelmien toteutumista seurataan vuosittain alueellisessa yhteistyöryhmässä."
    let a = "Valtion aluehallinto tukee liittoja ohjelmatyössä ja antaa niille tietoa alueiden kehityksestä."
    let b = "Rahoitus kohdennetaan ohjelmien painopisteisiin kolmen vuoden kausina ja siitä raportoidaan."
    let v1 = "# P\n\n## 1 Luku\n\n\(s1) \(s2)\n\n\(a)\n\n\(b)\n\n## 2 Toinen\n\nLoppu tässä aivan lopuksi.\n"
    let v2 = "# P\n\n## 1 Luku\n\n\(a) \(s1)\n\n\(b) \(s2)\n\n## 2 Toinen\n\nLoppu tässä aivan lopuksi.\n"
    let (keep, r) = datedRepo([v1, v2])
    defer { withExtendedLifetime(keep) {} }
    let t = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "x", commit: false)
    let rep = try r.comments(at: "v2")
    let p = try placement(rep, t.id).placement
    #expect(p.status == .merged)
    #expect(
      p.block.map { rep.documents["doc.md"]!.blocks[$0].text } == "\(b) \(s2)", "the block holding most of its words")
  }

  // Item 3/11: a thread quoting the first sentence follows it when the paragraph splits,
  // even when the larger half is what the diff pairs with the old paragraph.
  @Test func quotedSentenceIsFollowedIntoItsHalfOfASplit() throws {
    let first = "Lyhyt avauslause pysyy."
    let rest =
      "Tämä pitkä jatko sisältää suurimman osan kappaleen sanoista, kuten alueiden kehittämisen, rahoituksen, seurannan, arvioinnin ja yhteistyön maakuntien, kuntien ja valtion viranomaisten kesken vuosittain."
    let v1 = "# Päätös\n\n## 1 Luku\n\n\(first) \(rest)\n\n## 2 Toinen\n\nMuuta tekstiä.\n"
    let v2 = "# Päätös\n\n## 1 Luku\n\n\(first)\n\n\(rest)\n\n## 2 Toinen\n\nMuuta tekstiä.\n"
    let (keep, r) = datedRepo([v1, v2])
    defer { withExtendedLifetime(keep) {} }
    let t = try r.addComment(
      revision: "v1", path: nil, block: nil, quote: "Lyhyt avauslause", author: aino, message: "q", commit: false)
    let rep = try r.comments(at: "v2")
    let p = try placement(rep, t.id).placement
    let doc = rep.documents["doc.md"]!
    #expect(p.block.map { doc.blocks[$0].text } == first)
  }

  // Item 12: comment where reviewers point.
  @Test func forgivingLabelsAndSuggestions() throws {
    for l in ["§3.1 ¶2", "§3.1¶2", "3.1 ¶2", "3.1/2", "3.1 kpl 2", " §3.1  ¶2 ", "3.1 para 2"] {
      #expect(Labels.canonical(l) == "§3.1 ¶2", "\(l)")
    }
    #expect(Labels.canonical("3.3") == "§3.3")
    #expect(Labels.canonical("hello world again") == nil)
    let (keep, r) = datedRepo([Self.v1])
    defer { withExtendedLifetime(keep) {} }
    let t = try r.addComment(
      revision: "v1", path: nil, block: "1/2", quote: nil, author: aino, message: "x", commit: false)
    #expect(t.anchor.label == "§1 ¶2")
    do {
      _ = try r.addComment(
        revision: "v1", path: nil, block: "§1 ¶9", quote: nil, author: aino, message: "x", commit: false)
      Issue.record("a wrong label was accepted")
    } catch {
      #expect(error.description.contains("nearest: §1 ¶1, §1 ¶2"), "\(error.description)")
    }
  }

  @Test func quoteMatchesAcrossTypographyAndAnchorsThePhrase() throws {
    let text = "Nimeksi ehdotetaan ”Vetovoimainen elinympäristö” – ei muuta."
    #expect(
      QuoteMatch.range(of: "\"Vetovoimainen  elinympäristö\" - ei", in: text).map { String(text[$0]) }
        == "”Vetovoimainen elinympäristö” – ei")
    let (keep, r) = datedRepo(["# Päätös\n\n## 1 Luku\n\n\(text)\n\nToinen kappale.\n"])
    defer { withExtendedLifetime(keep) {} }
    let t = try r.addComment(
      revision: "v1", path: nil, block: nil, quote: "\"Vetovoimainen elinympäristö\"", author: aino, message: "x",
      commit: false)
    #expect(t.anchor.quote == "”Vetovoimainen elinympäristö”")
    #expect(t.anchor.label == "§1 ¶1")
  }

  @Test func commentOnAHeadingAndOnAWholeSection() throws {
    let v2 = Self.v2.replacingOccurrences(of: "## 2 Osallisuus", with: "## 2 Osallisuus ja yhteisöt")
    let (keep, r) = datedRepo([Self.v1, v2])
    defer { withExtendedLifetime(keep) {} }
    let h = try r.addComment(
      revision: "v1", path: nil, block: nil, quote: nil, author: aino, message: "otsikko", commit: false, heading: "2")
    let s = try r.addComment(
      revision: "v1", path: nil, block: nil, quote: nil, author: aino, message: "luku", commit: false, section: "§1")
    let para = try r.addComment(
      revision: "v1", path: nil, block: "§2 ¶1", quote: nil, author: aino, message: "kpl", commit: false)
    #expect(h.anchor.kind == .heading)
    #expect(s.anchor.kind == .section)
    let rep = try r.comments(at: "v2")
    let hp = try placement(rep, h.id).placement
    #expect(hp.status == .addressed, "the heading was reworded")
    #expect(hp.section.map { rep.documents["doc.md"]!.sections[$0].heading } == "2 Osallisuus ja yhteisöt")
    let sp = try placement(rep, s.id).placement
    #expect(sp.status == .addressed, "a paragraph of the section changed")
    #expect(CommentsRenderer.text(rep, markdown: false).contains("on section §1"))
    // Item 10: a paragraph that keeps its label under a reworded heading has not moved.
    #expect(try placement(rep, para.id).placement.moved == false)
    #expect(!CommentsRenderer.text(rep, markdown: false).contains("moved to §2 ¶1"))
  }

  // Item 13: a clear thread lifecycle.
  @Test func lifecycleRefusesReopenOfOpenAndDoubleResolve() throws {
    let (d, r) = datedRepo([Self.v1])
    let t = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "x", commit: false)
    let file = d.path + "/reviews/\(t.id).jsonl"
    let before = try String(contentsOfFile: file, encoding: .utf8)
    #expect(throws: RedlineError.self) {
      try r.addEvent(to: t.id, kind: .reopen, author: aino, body: "", commit: false)
    }
    #expect(try String(contentsOfFile: file, encoding: .utf8) == before, "a refused step writes nothing")
    _ = try r.addEvent(to: t.id, kind: .resolve, author: aino, body: "ok", disposition: .accepted, commit: false)
    #expect(throws: RedlineError.self) {
      try r.addEvent(to: t.id, kind: .resolve, author: aino, body: "", disposition: .notAccepted, commit: false)
    }
    let changed = try r.addEvent(
      to: t.id, kind: .resolve, author: aino, body: "toisin", disposition: .notAccepted, commit: false, change: true)
    #expect(changed.disposition == .notAccepted)
    #expect(changed.events.last?.change == true)
    let rep = try r.comments(at: "v1")
    for md in [false, true] {
      let text = CommentsRenderer.text(rep, markdown: md)
      #expect(text.contains("disposition changed to not taken into account (was taken into account)"))
      #expect(!text.contains("not_accepted"))
    }
  }

  // Issue 9 item 9: forged and ambiguous threads.
  @Test func forgedIdsEmptyPrefixAndInjectedLines() throws {
    let (d, r) = datedRepo([Self.v1])
    let t = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: aino,
      message: "Eka rivi\r# Väärä otsikko\nzzzzzzzz  RESOLVED  forged", commit: false)
    #expect(throws: RedlineError.self) { try r.addEvent(to: "", kind: .reply, author: aino, body: "x", commit: false) }
    try FileManager.default.copyItem(
      atPath: d.path + "/reviews/\(t.id).jsonl", toPath: d.path + "/reviews/kopio123.jsonl")
    let rep = try r.comments(at: "v1")
    #expect(rep.threads.filter { $0.thread?.id == t.id }.count == 1, "a copy is not a second thread with the same id")
    #expect(try placement(rep, "kopio123").placement.status == .unreadable)
    let term = CommentsRenderer.text(rep, markdown: false)
    for line in term.split(separator: "\n") where line.hasPrefix("zzzz") || line.hasPrefix("#") {
      Issue.record("a comment body forged a line: \(line)")
    }
    let md = CommentsRenderer.text(rep, markdown: true)
    #expect(!md.split(separator: "\n").contains { $0.hasPrefix("# Väärä") })
    // The consultation summary written to a file: a CR never ends a Markdown line.
    let (keep2, r2) = datedRepo([Self.v1, Self.v2])
    defer { withExtendedLifetime(keep2) {} }
    _ = try r2.addComment(
      revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "Eka\r# Väärä otsikko",
      commit: false)
    let summary = SummaryRenderer.render(try r2.summaryInput("v1", "v2", path: nil), language: .en, format: .markdown)
    #expect(!summary.unicodeScalars.contains("\r"))
    #expect(!summary.split(separator: "\n").contains { $0.hasPrefix("# Väärä") })
  }

  // Issue 9 item 4: one bad document hides no other thread.
  @Test func aThreadOnAnUnreadableDocumentFailsAlone() throws {
    let (d, r) = datedRepo([Self.v1])
    let good = try r.addComment(
      revision: "v1", path: "doc.md", block: "§1 ¶1", quote: nil, author: aino, message: "ok", commit: false)
    d.write("other.md", "# Muu\n\n## 1 Luku\n\nTeksti tässä.\n")
    git(d.path, "add", "other.md")
    git(d.path, "commit", "-qm", "other")
    let bad = try r.addComment(
      revision: "HEAD", path: "other.md", block: "§1 ¶1", quote: nil, author: aino, message: "x", commit: false)
    d.writeBytes("other.md", [0x23, 0x20, 0x41, 0x00, 0xFF, 0x0A])
    git(d.path, "add", "other.md")
    git(d.path, "commit", "-qm", "binary")
    let rep = try r.comments(at: "HEAD")
    #expect(try placement(rep, good.id).placement.status == .open)
    let p = try placement(rep, bad.id).placement
    #expect(p.status == .unreadable)
    #expect(p.reason?.contains("other.md") == true)
    #expect(rep.errors.contains { $0.file == "reviews/\(bad.id).jsonl" })
  }

  // Issue 9 item 5: reviews/ must be a real folder; thread files regular files.
  @Test func symlinkedReviewsAndOutsidePathsAreRefused() throws {
    let (d, r) = datedRepo([Self.v1])
    let outside = TempDir("outside")
    try FileManager.default.createSymbolicLink(atPath: d.path + "/reviews", withDestinationPath: outside.path)
    #expect(throws: RedlineError.self) {
      try r.addComment(revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "x", commit: false)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty, "nothing written outside")
    try FileManager.default.removeItem(atPath: d.path + "/reviews")
    let t = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "x", commit: false)
    outside.write("vieras12.jsonl", try String(contentsOfFile: d.path + "/reviews/\(t.id).jsonl", encoding: .utf8))
    try FileManager.default.createSymbolicLink(
      atPath: d.path + "/reviews/vieras12.jsonl", withDestinationPath: outside.path + "/vieras12.jsonl")
    let rep = try r.comments(at: "v1")
    #expect(try placement(rep, "vieras12").placement.status == .unreadable)
    outside.write("secret.md", "# Salainen\n\nSalainen teksti.\n")
    #expect(throws: RedlineError.self) {
      try r.addComment(
        revision: "WORKTREE", path: "../" + URL(fileURLWithPath: outside.path).lastPathComponent + "/secret.md",
        block: nil, quote: "Salainen", author: aino, message: "x", commit: false)
    }
  }

  // Issue 9 item 8: a failed --commit leaves nothing behind.
  @Test func failedCommitChangesNothing() throws {
    let (d, r) = datedRepo([Self.v1])
    func reviewFiles() -> [String] {
      ((try? FileManager.default.contentsOfDirectory(atPath: d.path + "/reviews")) ?? []).sorted()
    }
    let head = git(d.path, "rev-parse", "HEAD")
    // A stale branch lock (left by a crash a minute ago): refused at once, naming the lock file.
    func stale(_ p: String) throws {
      FileManager.default.createFile(atPath: p, contents: Data())
      try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-60)], ofItemAtPath: p)
    }
    try stale(d.path + "/.git/refs/heads/main.lock")
    let start = Date()
    do {
      _ = try r.addComment(
        revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "x", commit: true)
      Issue.record("committed through a stale lock")
    } catch {
      #expect(error.description.contains("refs/heads/main.lock"))
      #expect(error.description.contains("if none is running, delete '"))
    }
    #expect(Date().timeIntervalSince(start) < 2)
    #expect(reviewFiles().filter { $0.hasSuffix(".jsonl") }.isEmpty)
    try FileManager.default.removeItem(atPath: d.path + "/.git/refs/heads/main.lock")
    // A stale index lock: nothing written, nothing committed.
    try stale(d.path + "/.git/index.lock")
    #expect(throws: RedlineError.self) {
      try r.addComment(revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "x", commit: true)
    }
    #expect(reviewFiles().filter { $0.hasSuffix(".jsonl") }.isEmpty)
    #expect(git(d.path, "rev-parse", "HEAD") == head)
    try FileManager.default.removeItem(atPath: d.path + "/.git/index.lock")
    // A committed thread; then a reply under a stale lock leaves the file as it was.
    let t = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: aino, message: "x", commit: true)
    #expect(git(d.path, "status", "--porcelain").isEmpty)
    let file = d.path + "/reviews/\(t.id).jsonl"
    let before = try String(contentsOfFile: file, encoding: .utf8)
    try stale(d.path + "/.git/index.lock")
    #expect(throws: RedlineError.self) { try r.addEvent(to: t.id, kind: .reply, author: aino, body: "v", commit: true) }
    #expect(try String(contentsOfFile: file, encoding: .utf8) == before)
    try FileManager.default.removeItem(atPath: d.path + "/.git/index.lock")
    // Detached HEAD: refused before anything is written.
    git(d.path, "checkout", "-q", "--detach", "HEAD")
    #expect(throws: RedlineError.self) {
      try r.addComment(revision: "v1", path: nil, block: "§1 ¶2", quote: nil, author: aino, message: "y", commit: true)
    }
    #expect(reviewFiles().filter { $0.hasSuffix(".jsonl") } == ["\(t.id).jsonl"])
  }
}

/// The re-anchoring walk on hand-made versions (no git): read failures are reported.
@Suite struct ThreadWalkTests {
  struct Versions: VersionSource {
    var texts: [String?]  // nil: that version cannot be read
    func versions(of path: String) throws(VersionReadError) -> [VersionStep] {
      texts.indices.map { VersionStep(blob: "k\($0)", commit: "c\($0)") }
    }
    func document(at v: VersionStep, path: String) throws(VersionReadError) -> Document {
      guard let t = texts[Int(v.key.dropFirst())!] else { throw VersionReadError("version \(v.key) is broken") }
      return try! DocumentLoader.load(Array(t.utf8), path: path)
    }
    func origin(of anchor: Anchor, in chain: [VersionStep]) -> AnchorOrigin {
      .inChain(Int(anchor.commit!.dropFirst())!)
    }
    func isLater(_ commit: String) -> Bool { false }
    var cutoff: Int64? { nil }
  }

  func thread(_ doc: Document, block: Int) -> ReviewThread {
    ReviewThread(
      id: "t1", anchor: Anchor.make(doc: doc, block: block, path: "d.md", commit: "c0", revision: "v1"),
      events: [ThreadEvent(kind: .comment, time: 0, author: Person(name: "A"), body: "x")])
  }

  @Test func aBrokenVersionInBetweenIsNamedNotSwallowed() throws {
    let v1 = "## 1 A\n\nEnsimmäinen kappale on tässä.\n\nToinen kappale on tässä.\n"
    let v3 = "## 1 A\n\nToinen kappale on tässä.\n\nEnsimmäinen kappale on tässä.\n"
    let src = Versions(texts: [v1, nil, v3])
    let d1 = try DocumentLoader.load(Array(v1.utf8), path: "d.md")
    let (doc, reports) = ThreadWalk.place([thread(d1, block: 0)], path: "d.md", source: src)
    #expect(doc != nil)
    let p = reports[0].placement
    #expect(p.status == .open)
    #expect(p.matchedBy == .exactText)
    #expect(p.reason?.contains("version k1 is broken") == true)
  }

  @Test func anUnreadableLastVersionMakesItsThreadsUnreadable() throws {
    let v1 = "## 1 A\n\nKappale.\n"
    let d1 = try DocumentLoader.load(Array(v1.utf8), path: "d.md")
    let (_, reports) = ThreadWalk.place([thread(d1, block: 0)], path: "d.md", source: Versions(texts: [v1, nil]))
    #expect(reports[0].placement.status == .unreadable)
    #expect(reports[0].error?.contains("reviews/t1.jsonl") == true)
  }
}
