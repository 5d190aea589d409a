import Foundation
import RedlineWord
import Testing

/// Runs the built binary, as a user would.
@Suite struct CLITests {
  @Test func errorsAreOneLineWithNonZeroExit() {
    let d = threeVersionRepo()
    let cases: [([String], String)] = [
      (["show", "v7", "doc.md"], "no revision 'v7' in the drafts repository; tags are v1, v2, v3"),
      (["show", "v1", "puuttuu.md"], "'puuttuu.md' is not in revision v1; documents there: doc.md"),
      (["outline", "v3"], "revision v3 holds several documents; name one as PATH: doc.md, notes.txt"),
      (["show", "v3", "doc.md", "--section", "9.9"], "no section '9.9'"),
    ]
    for (args, expected) in cases {
      let r = run(redlineBinary, args + ["--repo", d.path])
      #expect(r.status == 2, "\(args)")
      #expect(r.stderr.hasPrefix("redline: error: "), "\(args): \(r.stderr)")
      #expect(r.stderr.contains(expected), "\(args): \(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1)
      #expect(r.stdout.isEmpty)
    }
    let plain = TempDir("plain")
    let r = run(redlineBinary, ["log"], cwd: plain.path)
    #expect(r.status == 2)
    #expect(r.stderr.contains("is not inside a git repository"))
  }

  @Test func binaryAndNonUTF8ContentAreRefused() {
    let d = threeVersionRepo()
    d.writeBytes("bin.md", [0x23, 0x20, 0x41, 0x00, 0x0A])
    d.writeBytes("latin.md", Array("# Otsikko\n\nP".utf8) + [0xE4, 0x0A])
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "bad")
    var r = run(redlineBinary, ["show", "HEAD", "bin.md", "--repo", d.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("'bin.md' is a binary file"))
    r = run(redlineBinary, ["show", "HEAD", "latin.md", "--repo", d.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("'latin.md' is not valid UTF-8"))
  }

  @Test func logOutlineAndShowWork() {
    let d = threeVersionRepo()
    var r = run(redlineBinary, ["log", "doc.md"], cwd: d.path)
    #expect(r.status == 0)
    #expect(r.stdout.split(separator: "\n").count == 3)
    #expect(r.stdout.contains("(v3)"))
    r = run(redlineBinary, ["outline", "v2", "--repo", d.path])
    #expect(r.status == 0)
    #expect(r.stdout.contains("§1"))
    #expect(r.stdout.contains("1 Johdanto"))
    r = run(redlineBinary, ["show", "v1", "--section", "1", "--repo", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("¶1   Ensimmäinen versio."))
  }

  @Test func demoRunsOnTheBundledDrafts() {
    let into = NSTemporaryDirectory() + "redline-demo-test-\(UUID().uuidString.prefix(6))"
    defer {
      try? FileManager.default.removeItem(atPath: into)
      try? FileManager.default.removeItem(atPath: into + "-out")
    }
    let r = run(redlineBinary, ["demo", "--drafts", packageRoot + "/drafts", "--into", into])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("(v1)"))
    #expect(r.stdout.contains("(v3)"))
    #expect(git(into, "tag") == "v1\nv2\nv3")
    #expect(git(into, "status", "--porcelain") == "")
    #expect(FileManager.default.fileExists(atPath: into + "-out/muutokset-v1-v2.html"))
    // The Word file with tracked changes reads back, through Redline's XML reader, as v2
    // (changes accepted): its renamed heading is there.
    let docx = FileManager.default.contents(atPath: into + "-out/muutokset-v1-v2.docx").map { [UInt8]($0) } ?? []
    let markdown = (try? WordImport.read(docx, name: "muutokset-v1-v2.docx").markdown) ?? ""
    #expect(markdown.contains("1.3 Valmistelu ja lausuntopalaute"))
    // Only the changes, for programs: one line of the JSON contract, unchanged runs counted.
    let json = (try? String(contentsOfFile: into + "-out/muutokset-v1-v2.json", encoding: .utf8)) ?? ""
    #expect(json.hasPrefix("{\"schema\":\"redline.diff/2\",\"context\":0,") && json.split(separator: "\n").count == 1)
    #expect(json.contains("\"status\":\"omitted\""))
    #expect(r.stdout.contains("renamed and moved: 3.1 Laadukas elinympäristö ja monimuotoinen luonto → 3.3"))
    // The sample threads anchor into the demo's v1 and are followed into v2 and v3.
    #expect(r.stdout.contains("Comments at v2"))
    // §2.2 ¶5 kept its sentence and gained three (containment): modified, so addressed, not outdated.
    #expect(r.stdout.contains("12 comments from 12 respondents (8 resolved, 3 addressed, 1 open)"), "\(r.stdout)")
    #expect(!r.stdout.contains("orphaned"))
    // The Swedish version sits beside the Finnish one from v2 on, as its translator committed it.
    #expect(git(into, "ls-tree", "--name-only", "v1") == "aluekehittamispaatos.md")
    #expect(git(into, "ls-tree", "--name-only", "v2") == "aluekehittamispaatos.md\nregionutvecklingsbeslut.md")
    let sv3 = try? String(contentsOfFile: packageRoot + "/drafts/regionutvecklingsbeslut.v3.md", encoding: .utf8)
    #expect(git(into, "show", "v3:regionutvecklingsbeslut.md") + "\n" == sv3)
    // Without a PATH, a revision with two documents is ambiguous: the error names both.
    let amb = run(redlineBinary, ["diff", "v1", "v2", "--repo", into])
    #expect(amb.status == 2)
    #expect(amb.stderr.contains("name one as PATH: aluekehittamispaatos.md, regionutvecklingsbeslut.md"))
  }
}
