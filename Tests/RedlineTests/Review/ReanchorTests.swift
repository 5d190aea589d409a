import Foundation
import RedlineDiff
import RedlineKit
import RedlineReview
import Testing

/// Hand-made histories: every status, the lookalike case, broken files, concurrency.
@Suite struct ReanchorTests {
  static let p1 = "Alueiden kehittämisen painopisteet valitaan yhdessä maakuntien kanssa ja niitä seurataan vuosittain."
  static let p2 = "Saavutettavuus on elinvoiman perusedellytys, ja raideliikenteen hankkeet ovat alueille ratkaisevia."
  static let p3 = "Osallisuus vahvistaa yhteisöjä ja lisää luottamusta päätöksentekoon kaikilla alueilla."
  static let p4 = "Vihreän siirtymän investoinnit kohdistuvat Pohjois- ja Länsi-Suomeen, kuten Lappiin ja Pohjanmaalle."
  static let p5 =
    "Itärajan sulkeminen on heikentänyt Etelä-Karjalan ja Pohjois-Karjalan yritysten toimintaedellytyksiä."
  static let same = "Toimenpiteiden vaikutuksia seurataan vuosittain."
  static let p7 =
    "Työvoiman saatavuus on kasvun este monella alueella. Koulutusta ja työperäistä maahanmuuttoa vahvistetaan kaikkialla Suomessa."

  static func v1() -> String {
    "# Päätös\n\n## 1 Elinvoima\n\n\(p1)\n\n\(p2)\n\n\(p3)\n\n## 2 Turvallisuus\n\n\(p4)\n\n\(p5)\n\n## 3 Seuranta\n\n\(same)\n\n## 4 Arviointi\n\n\(same)\n\n## 5 Työvoima\n\n\(p7)\n"
  }

  static func v2() -> String {
    let p2b = p2.replacingOccurrences(of: "ratkaisevia", with: "erityisen tärkeitä")
    let p5b = p5.replacingOccurrences(of: "sulkeminen", with: "pitkittynyt sulkeminen")
    return
      "# Päätös\n\n## 1 Elinvoima\n\n\(p1)\n\n\(p2b)\n\n\(p4)\n\n## 2 Turvallisuus\n\n## 3 Seuranta\n\n\(same)\n\n\(p5b)\n\n## 4 Arviointi\n\n\(same)\n\n## 5 Työvoima\n\nTyövoiman saatavuus on kasvun este monella alueella.\n\nKoulutusta ja työperäistä maahanmuuttoa vahvistetaan kaikkialla Suomessa.\n"
  }

  func repo(_ versions: [String]) -> (TempDir, DraftRepository) {
    let d = TempDir("review")
    git(d.path, "init", "-q", "-b", "main")
    for (i, v) in versions.enumerated() {
      d.write("doc.md", v)
      git(d.path, "add", "doc.md")
      git(d.path, "commit", "-qm", "v\(i + 1)")
      git(d.path, "tag", "v\(i + 1)")
    }
    return (d, try! DraftRepository(path: d.path))
  }

  func add(_ r: DraftRepository, _ block: String, at rev: String = "v1", quote: String? = nil) throws -> String {
    try r.addComment(
      revision: rev, path: nil, block: quote == nil ? block : nil, quote: quote,
      author: "Aino Arvioija <aino@example.fi>",
      message: "Kommentti kohtaan \(block)", commit: false
    ).id
  }

  func status(_ report: CommentsReport, _ id: String) -> ThreadReport { report.threads.first { $0.id == id }! }

  @Test func everyStatusOnAHandMadeHistory() throws {
    let (dir, r) = repo([Self.v1(), Self.v2()])
    let unchanged = try add(r, "§1 ¶1")
    let edited = try add(r, "§1 ¶2")
    let deleted = try add(r, "§1 ¶3")
    let moved = try add(r, "§2 ¶1")
    let movedEdited = try add(r, "§2 ¶2")
    let twinInArviointi = try add(r, "§4 ¶1")
    let split = try add(r, "§5 ¶1")
    let resolved = try add(r, "§1 ¶1")
    _ = try r.addEvent(
      to: resolved, kind: .resolve, author: "Liisa <l@tem.fi>", body: "Hyvä huomio.", disposition: .noted, at: "v2",
      commit: false)

    let atV1 = try r.comments(at: "v1")
    #expect(atV1.threads.filter { $0.id != resolved }.allSatisfy { $0.placement.status == .open })

    let rep = try r.comments(at: "v2")
    #expect(rep.threads.count == 8, "threads stored = threads reported")
    let doc = rep.documents["doc.md"]!
    func current(_ id: String) -> String? { status(rep, id).placement.block.map { doc.blocks[$0].label } }

    #expect(status(rep, unchanged).placement.status == .open)
    #expect(status(rep, unchanged).placement.moved == false)
    #expect(current(unchanged) == "§1 ¶1")

    #expect(status(rep, edited).placement.status == .addressed)
    #expect(status(rep, edited).placement.changes?.contains(Segment(.insert, "erityisen tärkeitä")) == true)

    #expect(status(rep, deleted).placement.status == .outdated)
    #expect(status(rep, deleted).placement.block == nil)

    #expect(status(rep, moved).placement.status == .open)
    #expect(status(rep, moved).placement.moved == true)
    #expect(current(moved) == "§1 ¶3")

    #expect(status(rep, movedEdited).placement.status == .addressed)
    #expect(status(rep, movedEdited).placement.moved == true)
    #expect(current(movedEdited) == "§3 ¶2")

    #expect(status(rep, twinInArviointi).placement.status == .open)
    #expect(current(twinInArviointi) == "§4 ¶1", "the same text in another section is not where the thread is")

    let s = status(rep, split).placement
    #expect(s.status == .addressed, "a split paragraph changed")
    #expect(current(split)?.hasPrefix("§5 ¶") == true)

    #expect(status(rep, resolved).placement.status == .resolved)
    #expect(status(rep, resolved).thread?.disposition == .noted)
    withExtendedLifetime(dir) {}
  }

  @Test func followsAParagraphEditedTwiceAndMovedOnce() throws {
    let a = "Maakuntien liitot vastaavat maakuntaohjelmien laatimisesta yhdessä kuntien ja valtion kanssa."
    let b = a.replacingOccurrences(of: "yhdessä", with: "tiiviissä yhteistyössä")
    let c = b.replacingOccurrences(of: "valtion", with: "valtion aluehallinnon")
    let (dir, r) = repo([
      "## 1 Alku\n\n\(Self.p1)\n\n\(a)\n\n## 2 Loppu\n\n\(Self.p4)\n",
      "## 1 Alku\n\n\(Self.p1)\n\n\(b)\n\n## 2 Loppu\n\n\(Self.p4)\n",
      "## 1 Alku\n\n\(Self.p1)\n\n## 2 Loppu\n\n\(Self.p4)\n\n\(b)\n",
      "## 1 Alku\n\n\(Self.p1)\n\n## 2 Loppu\n\n\(Self.p4)\n\n\(c)\n",
    ])
    let id = try add(r, "§1 ¶2")
    let rep = try r.comments(at: "v4")
    let p = status(rep, id).placement
    #expect(p.status == .addressed)
    #expect(p.moved)
    #expect(p.matchedBy == .diff)
    #expect(rep.documents["doc.md"]!.blocks[p.block!].text == c)
    #expect(p.changes?.oldText == a)
    #expect(p.changes?.newText == c)
    withExtendedLifetime(dir) {}
  }

  @Test func lookalikeIsNeverReattached() throws {
    // The commented word is fixed; the same word still appears in another paragraph.
    let x = "Alueiden vetovoima riippuu palveluista, asumisesta ja työpaikoista."
    let y = "Matkailu lisää Lapin vetovoima-alueiden tunnettuutta ja vetovoima kasvaa."
    let (dir, r) = repo([
      "## 1 A\n\n\(x)\n\n## 2 B\n\n\(y)\n",
      "## 1 A\n\n\(x.replacingOccurrences(of: "vetovoima", with: "veto- ja pitovoima"))\n\n## 2 B\n\n\(y)\n",
    ])
    let id = try add(r, "", quote: "Alueiden vetovoima")
    let rep = try r.comments(at: "v2")
    let p = status(rep, id).placement
    #expect(p.status == .addressed)
    #expect(rep.documents["doc.md"]!.blocks[p.block!].label == "§1 ¶1", "stays on its own paragraph, not the lookalike")
    withExtendedLifetime(dir) {}
  }

  @Test func deletedParagraphFoundElsewhereByText() throws {
    // A paragraph moved in a commit that also rewrote its surroundings beyond recognition:
    // the exact text is found; a thread on a really deleted paragraph is outdated.
    let (dir, r) = repo([
      "## 1 A\n\n\(Self.p1)\n\n\(Self.p3)\n", "## 9 Uusi\n\n\(Self.p2)\n\n## 10 Muu\n\n\(Self.p1)\n",
    ])
    let kept = try add(r, "§1 ¶1")
    let gone = try add(r, "§1 ¶2")
    let rep = try r.comments(at: "v2")
    #expect(status(rep, kept).placement.status == .open)
    #expect(status(rep, kept).placement.moved)
    #expect(status(rep, gone).placement.status == .outdated)
    withExtendedLifetime(dir) {}
  }

  @Test func orphanedWhenTheVersionIsUnknownAndNothingMatches() throws {
    let (d, r) = repo([Self.v1(), Self.v2()])
    let id = try add(r, "§1 ¶3")
    // Rewrite the anchor as if made on a commit this repository never had.
    let file = d.path + "/reviews/\(id).jsonl"
    var text = try String(contentsOfFile: file, encoding: .utf8)
    let real = git(d.path, "rev-parse", "v1")
    text = text.replacingOccurrences(of: real, with: String(repeating: "a", count: 40)).replacingOccurrences(
      of: "\"revision\":\"v1\"", with: "\"revision\":\"vanha\"")
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let rep = try r.comments(at: "v2")
    #expect(status(rep, id).placement.status == .orphaned)
  }

  @Test func reopenAndRepliesAreKept() throws {
    let (dir, r) = repo([Self.v1(), Self.v2()])
    let id = try add(r, "§1 ¶2")
    _ = try r.addEvent(to: id, kind: .reply, author: "Liisa <l@tem.fi>", body: "Katsotaan.", commit: false)
    _ = try r.addEvent(
      to: String(id.prefix(4)), kind: .resolve, author: "Liisa <l@tem.fi>", body: "Korjattu.", disposition: .accepted,
      at: "v2", commit: false)
    var rep = try r.comments(at: "v2")
    #expect(status(rep, id).placement.status == .resolved)
    _ = try r.addEvent(to: id, kind: .reopen, author: "Aino <a@x.fi>", body: "Ei riitä.", at: "v2", commit: false)
    rep = try r.comments(at: "v2")
    let t = status(rep, id)
    #expect(t.placement.status == .addressed)
    #expect(t.thread?.replies.map(\.body) == ["Katsotaan."])
    #expect(t.thread?.events.map(\.kind) == [.comment, .reply, .resolve, .reopen])
    withExtendedLifetime(dir) {}
  }

  @Test func brokenThreadFileIsNamedAndOthersStillReported() throws {
    let (d, r) = repo([Self.v1(), Self.v2()])
    let good = try add(r, "§1 ¶1")
    d.write("reviews/rikki123.jsonl", "{\"type\":\"comment\", tämä ei ole JSONia\n")
    let rep = try r.comments(at: "v2")
    #expect(rep.threads.count == 2)
    #expect(status(rep, good).placement.status == .open)
    #expect(status(rep, "rikki123").placement.status == .unreadable)
    #expect(
      rep.errors.map(\.description) == [
        "reviews/rikki123.jsonl line 1: not a JSON object; fix or remove that line (each line is one JSON event)"
      ])
    // Through the CLI: listed, the file named on stderr, non-zero exit.
    let c = run(redlineBinary, ["comments", "--at", "v2", "--repo", d.path])
    #expect(c.status == 2)
    #expect(c.stdout.contains(good))
    #expect(c.stdout.contains("rikki123  UNREADABLE"))
    #expect(
      c.stderr
        == "redline: error: reviews/rikki123.jsonl line 1: not a JSON object; fix or remove that line (each line is one JSON event)\n"
    )
    // Appending to a broken thread is refused, the file untouched.
    let before = try String(contentsOfFile: d.path + "/reviews/rikki123.jsonl", encoding: .utf8)
    #expect(throws: RedlineError.self) {
      try r.addEvent(to: "rikki123", kind: .reply, author: "A <a@x.fi>", body: "x", commit: false)
    }
    #expect(try String(contentsOfFile: d.path + "/reviews/rikki123.jsonl", encoding: .utf8) == before)
  }

  @Test func threadFilesAreStableReadableAndMergeFriendly() throws {
    let (d, r) = repo([Self.v1()])
    let id = try add(r, "§1 ¶2")
    _ = try r.addEvent(
      to: id, kind: .reply, author: "Bo Björk <bo@x.se>", body: "Instämmer – ”viktigt”.", commit: false)
    let text = try String(contentsOfFile: d.path + "/reviews/\(id).jsonl", encoding: .utf8)
    let lines = text.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines[0].hasPrefix("{\"anchor\":{"), "keys sorted")
    #expect(lines[1].contains("Instämmer – ”viktigt”."), "UTF-8, not escaped")
    #expect(try String(contentsOfFile: d.path + "/reviews/.gitattributes", encoding: .utf8) == "*.jsonl merge=union\n")
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: d.path + "/reviews").filter {
      $0.contains(".tmp-")
    }
    #expect(leftovers.isEmpty)
  }

  @Test func quoteMustBeUnambiguous() throws {
    let (d, _) = repo([Self.v1()])
    let res = run(
      redlineBinary, ["comment", "add", "v1", "--quote", "vuosittain", "--author", "A", "-m", "x", "--repo", d.path])
    #expect(res.status == 2)
    #expect(res.stderr.contains("“vuosittain” is in 3 blocks: §1 ¶1 (line 5), §3 ¶1 (line 19), §4 ¶1 (line 23)"))
    let none = run(redlineBinary, ["comment", "reply", "zzzz", "-m", "x", "--author", "A", "--repo", d.path])
    #expect(none.status == 2)
    #expect(none.stderr.contains("no comment thread 'zzzz'"))
  }

  @Test func eightProcessesCommittingConcurrentlyLoseNothing() throws {
    let (d, _) = repo([Self.v1()])
    let path = d.path
    let before = Int(git(path, "rev-list", "--count", "HEAD"))!
    // 50 rounds of 8 processes running at once: all 8 are started, then all are waited for.
    for i in 0..<50 {
      let results = runAll(
        redlineBinary,
        (0..<8).map { w in
          [
            "comment", "add", "v1", "--block", "§1 ¶\(1 + (i % 3))", "--author", "Arvioija \(w) <a\(w)@x.fi>", "-m",
            "Kommentti \(w)-\(i)", "--commit", "--repo", path,
          ]
        })
      for r in results { #expect(r.status == 0, "\(r.stderr)") }
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: path + "/reviews").filter { $0.hasSuffix(".jsonl") }
    #expect(files.count == 400)
    #expect(Int(git(path, "rev-list", "--count", "HEAD"))! == before + 400, "no lost commit")
    #expect(
      git(path, "ls-tree", "--name-only", "HEAD", "reviews/").split(separator: "\n").filter { $0.hasSuffix(".jsonl") }
        .count == 400)
    #expect(git(path, "status", "--porcelain") == "")
    let r = try DraftRepository(path: path).comments(at: "HEAD")
    #expect(r.threads.count == 400)
  }
}
