import Foundation
import Testing

/// `redline import` and `diff --files` on .docx, through the built binary.
@Suite struct ImportCommandTests {
  func emptyRepo() -> TempDir {
    let d = TempDir("word")
    git(d.path, "init", "-q", "-b", "main")
    return d
  }

  @Test func importCommitsTagsAndMakesThreadsOnce() throws {
    let d = emptyRepo()
    let inbox = TempDir("inbox")
    inbox.writeBytes("luonnos.docx", handwrittenDocx())
    var r = run(
      redlineBinary,
      [
        "import", inbox.path + "/luonnos.docx", "strategia.md", "--tag", "v2", "--author", "Ville <v@example.fi>",
        "--repo", d.path,
      ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("as strategia.md: commit"))
    #expect(r.stdout.contains("tag v2"))
    #expect(r.stdout.contains("note: the file had pending tracked changes"))
    #expect(r.stdout.contains("comments: 2 thread(s) added"))
    // Committed through libgit2, tagged, working tree clean.
    #expect(git(d.path, "show", "v2:strategia.md").contains("# 1 Johdanto"))
    #expect(git(d.path, "status", "--porcelain") == "")
    let threads = try FileManager.default.contentsOfDirectory(atPath: d.path + "/reviews").filter {
      $0.hasSuffix(".jsonl")
    }
    #expect(threads.count == 2)
    // The thread shows its replies, author and phrase at v2.
    r = run(redlineBinary, ["comments", "--at", "v2", "--repo", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Aino Arvioija"))
    #expect(r.stdout.contains("Täsmennetään perusteluissa."))
    #expect(r.stdout.contains("Kiitos, riittää."))
    // Again: no new commit for the same text, no duplicate threads.
    let before = git(d.path, "rev-list", "--count", "HEAD")
    r = run(
      redlineBinary,
      ["import", inbox.path + "/luonnos.docx", "strategia.md", "--author", "Ville <v@example.fi>", "--repo", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("no new commit"))
    #expect(r.stdout.contains("2 already imported before"))
    #expect(git(d.path, "rev-list", "--count", "HEAD") == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: d.path + "/reviews").filter { $0.hasSuffix(".jsonl") }.count
        == 2)
  }

  @Test func importDefaultsToTheOnlyDraftAndRefusesUnsavedWork() {
    let d = emptyRepo()
    d.write("strategia.md", "# Vanha\n\nTeksti.\n")
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v1")
    d.writeBytes("uusi.docx", fixtureBytes("pandoc.docx"))
    d.write("strategia.md", "# Vanha\n\nMuokattu mutta ei tallennettu.\n")
    var r = run(redlineBinary, ["import", "uusi.docx", "--author", "V <v@e.fi>"], cwd: d.path)
    #expect(r.status == 2)
    #expect(r.stderr.contains("has changes that are not committed"))
    git(d.path, "checkout", "strategia.md")
    r = run(redlineBinary, ["import", "uusi.docx", "--author", "V <v@e.fi>"], cwd: d.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(git(d.path, "show", "HEAD:strategia.md").contains("## 1.1 Tausta"))
    r = run(redlineBinary, ["diff", "HEAD~1", "HEAD", "--stat"], cwd: d.path)
    #expect(r.status == 0, "\(r.stderr)")
  }

  @Test func importIntoANewFolderButNotThroughALinkOutside() throws {
    let d = emptyRepo()
    d.writeBytes("in.docx", fixtureBytes("pandoc.docx"))
    var r = run(redlineBinary, ["import", "in.docx", "luonnokset/strategia.md", "--author", "A <a@b.fi>"], cwd: d.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(git(d.path, "show", "HEAD:luonnokset/strategia.md").contains("# 1 Johdanto"))
    let outside = TempDir("outside")
    try FileManager.default.createSymbolicLink(atPath: d.path + "/ulos", withDestinationPath: outside.path)
    r = run(redlineBinary, ["import", "in.docx", "ulos/x.md", "--author", "A <a@b.fi>"], cwd: d.path)
    #expect(r.status == 2)
    #expect(r.stderr.contains("leads outside the repository"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: outside.path + "/x.md"))
    // Deeper folders through the link are refused before any is created out there.
    r = run(redlineBinary, ["import", "in.docx", "ulos/uusi/syva/x.md", "--author", "A <a@b.fi>"], cwd: d.path)
    #expect(r.status == 2)
    #expect(r.stderr.contains("leads outside the repository"), "\(r.stderr)")
    #expect(!FileManager.default.fileExists(atPath: outside.path + "/uusi"))
  }

  @Test func badInputIsOneLineExitTwo() {
    let d = emptyRepo()
    d.write("rikki.docx", "ei zip")
    d.writeBytes(
      "tyhja.docx",
      handwrittenDocx { name, text in
        name == "word/document.xml"
          ? "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p/></w:body></w:document>"
          : text
      })
    d.writeBytes("ok.docx", fixtureBytes("pandoc.docx"))
    let cases: [([String], String)] = [
      (["import", "rikki.docx"], "is not a Word .docx file"),
      (["import", "tyhja.docx", "--author", "A <a@b.fi>"], "has no text to import"),
      (["import", "puuttuu.docx"], "puuttuu.docx"),
      (["import", "ok.docx", "../ulos.md", "--author", "A <a@b.fi>"], "must be a file inside the repository"),
      (["import", "ok.docx", "x.txt", "--author", "A <a@b.fi>"], "must end in .md"),
    ]
    for (args, expected) in cases {
      let r = run(redlineBinary, args, cwd: d.path)
      #expect(r.status == 2, "\(args)")
      #expect(r.stderr.hasPrefix("redline: error: ") && r.stderr.contains(expected), "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1)
    }
    #expect(!FileManager.default.fileExists(atPath: d.path + "/../ulos.md"))
  }

  @Test func diffFilesReadsDocx() {
    let d = TempDir("wdiff")
    d.writeBytes("a.docx", fixtureBytes("pandoc.docx"))
    d.writeBytes("b.docx", handwrittenDocx())
    let r = run(redlineBinary, ["diff", "--files", d.path + "/a.docx", d.path + "/b.docx", "--format", "markdown"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Rahoitus"))
    #expect(r.stdout.contains("ikääntyy"))
    #expect(!r.stdout.contains("binary"))
  }
}
