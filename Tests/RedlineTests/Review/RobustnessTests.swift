import Foundation
import RedlineDiff
import RedlineDocument
import RedlineGit
import RedlineKit
import RedlineReport
import Testing

@testable import RedlineReview

/// Inputs found by review: line endings, front matter lookalikes, control characters,
/// detached HEAD, broken anchors, renamed documents, reworded paragraphs.
@Suite struct RobustnessTests {
  @Test func crlfAndLoneCRReadLikeLF() throws {
    let lf = "# 1 Otsikko\n\n> Lainaus\n> jatkuu.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nKappale yksi\njatkuu.\n"
    let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
    let a = try DocumentLoader.load(Array(lf.utf8), path: "a.md")
    let b = try DocumentLoader.load(Array(crlf.utf8), path: "a.md")
    #expect(a.blocks.map(\.text) == b.blocks.map(\.text))
    #expect(a.blocks.map(\.line) == b.blocks.map(\.line))
    #expect(Differ.diff(a, b).isUnchanged)
    let old = try DocumentLoader.load(
      Array("Para one\rcontinued\n\nSecond paragraph text\n\nThird\n".utf8), path: "c.md")
    let new = try DocumentLoader.load(
      Array("Para one\rcontinued\n\nSecond paragraph CHANGED\n\nThird\n".utf8), path: "c.md")
    #expect(old.blocks.map(\.text) == ["Para one continued", "Second paragraph text", "Third"])
    #expect(Differ.diff(old, new).summary.blocks[.modified] == 1)
    let txt = try DocumentLoader.load(Array("1 Otsikko\r\n\r\nTeksti.\r\n".utf8), path: "a.txt")
    #expect(txt.sections.count == 2)
    #expect(txt.blocks.map(\.text) == ["Teksti."])
  }

  @Test func paragraphRightAboveATableStaysAParagraph() {
    let d = md("Kuvateksti rivi.\n| a | b |\n|---|---|\n| 1 | 2 |\n")
    #expect(d.blocks.map { "\($0.kind.rawValue)@\($0.line)" } == ["paragraph@1", "table@2"])
    #expect(d.blocks[0].text == "Kuvateksti rivi.")
    #expect(d.blocks[1].text == "| a | b |\n|---|---|\n| 1 | 2 |")
  }

  @Test func aLeadingRuleIsNotFrontMatter() {
    let d = md("---\n\nEnsimmäinen kappale.\n\n---\n\nToinen kappale.\n")
    #expect(d.blocks.map(\.text) == ["Ensimmäinen kappale.", "Toinen kappale."])
    let fm = md("---\ntitle: Päätös\nversio: 2\n---\nTeksti.\n")
    #expect(fm.blocks.map(\.text) == ["Teksti."])
  }

  @Test func controlCharactersAreShownNotObeyed() {
    let evil = "Teksti\u{1B}[2K\u{1B}[1A piilotettu\r ja kello\u{07}"
    let safe = TerminalText.sanitize(evil + " \u{1B}[32;4mvihreä\u{1B}[0m")
    #expect(!safe.contains("\u{1B}[2K"))
    #expect(!safe.contains("\u{1B}[1A"))
    #expect(safe.contains("␛[2K"))
    #expect(safe.contains("␍") && safe.contains("␇"))
    #expect(safe.contains("\u{1B}[32;4mvihreä\u{1B}[0m"), "Redline's own colours stay")
  }

  @Test func detachedHeadRefusesToCommit() throws {
    let d = threeVersionRepo()
    git(d.path, "checkout", "-q", "--detach", "v2")
    let repo = try Repository(discoverFrom: d.path)
    let sig = Signature(name: "A", email: "a@x.fi", time: 1_700_000_000)
    #expect(throws: GitError.self) {
      try repo.commit([FileChange(path: "reviews/x.jsonl", content: Array("x\n".utf8))], message: "m", author: sig)
    }
    #expect(git(d.path, "branch", "--list").split(separator: "\n").count == 3, "no new branch was made")
  }

  @Test func negativeAnchorIndexIsUnreadableNotACrash() throws {
    let d = threeVersionRepo()
    let r = try DraftRepository(path: d.path)
    let t = try r.addComment(
      revision: "v1", path: "doc.md", block: "§1 ¶1", quote: nil, author: "A <a@x.fi>", message: "x", commit: false)
    let file = d.path + "/reviews/\(t.id).jsonl"
    let text = try String(contentsOfFile: file, encoding: .utf8).replacingOccurrences(
      of: "\"index\":0", with: "\"index\":-1")
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    let rep = try r.comments(at: "v3", path: "doc.md")
    #expect(rep.threads.map(\.placement.status) == [.unreadable])
  }

  @Test func threadsFollowARenamedDocument() throws {
    let d = threeVersionRepo()
    let r = try DraftRepository(path: d.path)
    let t = try r.addComment(
      revision: "v3", path: "doc.md", block: "§1 ¶1", quote: nil, author: "A <a@x.fi>", message: "x", commit: false)
    git(d.path, "mv", "doc.md", "paatos.md")
    git(d.path, "commit", "-qm", "rename")
    let rep = try r.comments(at: "HEAD")
    let p = try #require(rep.threads.first { $0.id == t.id }).placement
    #expect(p.status == .open)
    #expect(p.block != nil)
  }

  @Test func rewordedParagraphIsFoundByFuzzyMatch() {
    let old =
      "Maakuntien liitot laativat maakuntaohjelmat yhdessä kuntien, yritysten ja järjestöjen kanssa neljän vuoden välein."
    let doc = md(
      "## 1 A\n\nEnsimmäinen kappale pysyy.\n\nMaakuntien liitot valmistelevat maakuntaohjelmat yhdessä kuntien, yritysten ja korkeakoulujen kanssa neljän vuoden välein.\n\nViimeinen kappale pysyy.\n"
    )
    let a = Anchor(
      path: "t.md", commit: nil, revision: "v1", section: ["1 A"], label: "§1 ¶2", index: 1, text: old,
      prefix: "Ensimmäinen kappale pysyy.", suffix: "Viimeinen kappale pysyy.")
    let found = Reanchor.search(a, in: doc)
    #expect(found?.index == 1)
    #expect(found?.method == .fuzzy)
  }

  /// Thread files are split into lines on the bytes: CR LF, a lone CR and blank margins as
  /// before, and a U+2028 or U+0085 inside a comment's body is text, not a line end.
  @Test func threadFileLinesSplitOnLineEndsOnly() throws {
    let anchor = Anchor(
      path: "a.md", commit: nil, revision: "v1", section: [], label: "", index: 0, text: "Kappale.", prefix: "",
      suffix: "", quote: nil)
    let opening = ThreadFile.encode(
      ThreadEvent(kind: .comment, time: 1, author: Person(name: "Aino", email: ""), body: "Rivi\u{2028}toinen\u{85}."),
      threadID: "t1", anchor: anchor)
    let reply = ThreadFile.encode(
      ThreadEvent(kind: .reply, time: 2, author: Person(name: "Eero", email: ""), body: "Vastaus"))
    for sep in ["\n", "\r\n", "\r"] {
      let text = "  " + opening + "\t" + sep + sep + reply + sep
      let t = try ThreadFile.decode(Array(text.utf8), file: "reviews/t1.jsonl")
      #expect(t.events.map(\.body) == ["Rivi\u{2028}toinen\u{85}.", "Vastaus"])
    }
    // Line numbers in errors count CR LF as one line end.
    let broken = opening + "\r\n\r\n{oops\r\n"
    #expect(throws: ThreadFileError(file: "f", line: 3, reason: "not a JSON object")) {
      try ThreadFile.decode(Array(broken.utf8), file: "f")
    }
  }

  /// A store of many threads is read on two threads: the same threads and errors, in the
  /// same order, as reading one file after another.
  @Test func aLargeStoreLoadsInFileOrder() throws {
    let d = TempDir("store")
    let folder = d.path + "/reviews"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    for k in 0..<150 {
      let id = String(format: "t%07d", k)
      let anchor = Anchor(
        path: "a.md", commit: nil, revision: "v1", section: [], label: "", index: k, text: "Kappale \(k).", prefix: "",
        suffix: "", quote: nil)
      let line = ThreadFile.encode(
        ThreadEvent(kind: .comment, time: Int64(k), author: Person(name: "Aino"), body: "Huomio \(k)"), threadID: id,
        anchor: anchor)
      d.write("reviews/\(id).jsonl", k % 17 == 5 ? "{rikki\n" : line + "\n")
    }
    let store = ReviewStore(folder: folder, lockPath: d.path + "/lock")
    let (threads, errors) = store.load()
    var expected: [String] = []
    var expectedErrors: [String] = []
    for f in store.files() {
      let bytes = [UInt8](FileManager.default.contents(atPath: folder + "/" + f)!)
      do { expected.append(try ThreadFile.decode(bytes, file: "reviews/" + f).id) } catch {
        expectedErrors.append(error.description)
      }
    }
    #expect(threads.map(\.id) == expected)
    #expect(errors.map(\.description) == expectedErrors)
    #expect(threads.count == 141 && errors.count == 9)
  }
}
