import Foundation
import Testing

/// Splits a command line as a POSIX shell would for the words the demo prints
/// (plain words and single-quoted words).
func shellWords(_ line: String) -> [String] {
  var out: [String] = []
  var cur = ""
  var inQuote = false
  var has = false
  for c in line {
    if inQuote {
      if c == "'" { inQuote = false } else { cur.append(c) }
    } else if c == "'" {
      inQuote = true
      has = true
    } else if c == " " {
      if has || !cur.isEmpty { out.append(cur) }
      cur = ""
      has = false
    } else {
      cur.append(c)
    }
  }
  if has || !cur.isEmpty { out.append(cur) }
  return out
}

/// Issue 8 item 14 and the command-line side of the review items, through the built binary.
@Suite struct ReviewCLITests {
  @Test func repoOptionBeforeTheCommand() {
    let d = threeVersionRepo()
    let before = run(redlineBinary, ["--repo", d.path, "log", "doc.md"])
    #expect(before.status == 0, "\(before.stderr)")
    let after = run(redlineBinary, ["log", "doc.md", "--repo", d.path])
    #expect(before.stdout == after.stdout)
    #expect(run(redlineBinary, ["--repo=\(d.path)", "show", "v1", "doc.md"]).status == 0)
  }

  @Test func logOfAMissingDocumentIsAnError() {
    let d = threeVersionRepo()
    let r = run(redlineBinary, ["log", "puuttuu.md", "--repo", d.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("'puuttuu.md' is not in revision HEAD"))
    #expect(r.stdout.isEmpty)
  }

  @Test func summaryWithSwappedVersionsWarns() {
    let d = threeVersionRepo()
    let swapped = run(redlineBinary, ["summary", "v2", "v1", "doc.md", "--lang", "en", "--repo", d.path])
    #expect(swapped.stderr.contains("warning: v2 is newer than v1"))
    let right = run(redlineBinary, ["summary", "v1", "v2", "doc.md", "--lang", "en", "--repo", d.path])
    #expect(right.status == 0)
    #expect(!right.stderr.contains("warning"))
  }

  @Test func helpListsStatusesAndDispositions() {
    let c = run(redlineBinary, ["comments", "--help"]).stdout
    for s in ["merged", "not-yet-made", "unreadable"] { #expect(c.contains(s), "\(s)") }
    let r = run(redlineBinary, ["comment", "resolve", "--help"]).stdout
    for s in ["partly-accepted", "not-accepted", "--change"] { #expect(r.contains(s), "\(s)") }
    let bad = run(redlineBinary, ["comments", "--status", "bogus"])
    #expect(bad.status != 0)
  }

  @Test func lifecycleAndDispositionWordsOnTheCommandLine() {
    let d = threeVersionRepo()
    let add = run(
      redlineBinary,
      ["comment", "add", "v3", "doc.md", "--block", "§1 ¶1", "-m", "x", "--author", "A <a@x.fi>", "--repo", d.path])
    #expect(add.status == 0, "\(add.stderr)")
    let id = String(add.stdout.prefix(8))
    let reopen = run(redlineBinary, ["comment", "reopen", id, "--author", "A <a@x.fi>", "--repo", d.path])
    #expect(reopen.status == 2)
    #expect(reopen.stderr.contains("is not resolved"))
    let res = run(
      redlineBinary,
      ["comment", "resolve", id, "--disposition", "not-accepted", "--author", "A <a@x.fi>", "--repo", d.path])
    #expect(res.stdout.contains("resolved (not taken into account)"), "\(res.stdout)\(res.stderr)")
    let again = run(
      redlineBinary,
      ["comment", "resolve", id, "--disposition", "accepted", "--author", "A <a@x.fi>", "--repo", d.path])
    #expect(again.status == 2)
    #expect(again.stderr.contains("--change"))
    let list = run(redlineBinary, ["comments", "--repo", d.path])
    #expect(list.stdout.contains("resolved (not taken into account)"))
    #expect(!list.stdout.contains("not_accepted"))
  }

  /// Every command the demo prints works as printed and prints what the demo showed.
  @Test func demoShowsExactlyWhatItsCommandsPrint() throws {
    let d = TempDir("demo")
    let folder = d.path + "/repo"
    let demo = run(
      redlineBinary,
      ["demo", "--into", folder, "--drafts", packageRoot + "/drafts", "--reviews", packageRoot + "/reviews"])
    #expect(demo.status == 0, "\(demo.stderr)")
    let parts = demo.stdout.components(separatedBy: "\n━━ ").dropFirst()
    #expect(parts.count >= 8)
    // The three views: a paragraph's history, blame, and the Swedish version (out of sync: exit 1).
    let titles = parts.map { $0.components(separatedBy: "\n")[0] }
    #expect(titles.allSatisfy { $0.count + 3 <= 80 }, "titles fit 80 columns")
    #expect(parts.contains { $0.contains("$ redline --repo \(folder) history v3 aluekehittamispaatos.md --block") })
    #expect(parts.contains { $0.contains("$ redline --repo \(folder) blame v3 aluekehittamispaatos.md") })
    #expect(
      titles.contains {
        $0.hasPrefix("The Swedish version, §2: what it has not caught up with") && $0.hasSuffix("(exit status 1)")
      })
    #expect(parts.contains { $0.contains("parallel v3 aluekehittamispaatos.md regionutvecklingsbeslut.md") })
    #expect(
      parts.contains {
        $0.contains("summary v2 v3 aluekehittamispaatos.md --lang fi --parallel regionutvecklingsbeslut.md")
      })
    #expect(demo.stdout.contains("GIT_EXTERNAL_DIFF="), "the git recipe")
    // The sample threads resolve at the demo's own v2 commit: asked about v1, none is resolved yet.
    let atV1 = run(redlineBinary, ["comments", "--at", "v1", "--repo", folder])
    #expect(atV1.stdout.contains("12 comments from 12 respondents (12 open)"), "\(atV1.stdout.prefix(200))")
    let summary = try String(contentsOfFile: d.path + "/repo-out/yhteenveto-v2-v3.md", encoding: .utf8)
    #expect(summary.contains("## Ruotsinkielisen version tilanne"))
    for part in parts {
      let lines = part.components(separatedBy: "\n")
      let command = try #require(lines.dropFirst().first { $0.hasPrefix("$ ") })
      var shown = lines.drop { !$0.hasPrefix("$ ") }.dropFirst(2).joined(separator: "\n")
      if let end = shown.range(of: "\nWrote the pages to ") { shown = String(shown[..<end.lowerBound]) }
      let args = Array(shellWords(String(command.dropFirst(2))).dropFirst())
      let again = run(redlineBinary, args)
      // A step whose command ends with another status says so in its title.
      let title = lines[0]
      let expected: Int32 = title.hasSuffix("(exit status 1)") ? 1 : 0
      #expect(again.status == expected, "\(command): \(again.stderr)")
      #expect(again.stdout == shown, "\(command) printed something else than the demo showed")
    }
    // The README's --quote example works on the bundled drafts.
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("redline comment add v1 --quote") })
    let quote = try #require(
      shellWords(String(line)).firstIndex(of: "--quote").map { shellWords(String(line))[$0 + 1] })
    let add = run(
      redlineBinary,
      [
        "--repo", folder, "comment", "add", "v1", "--quote", quote, "-m", "Miksi?", "--author",
        "Aino <aino@example.fi>",
      ])
    #expect(add.status == 0, "\(add.stderr)")
  }

  @Test func anUnreadableDocumentIsNamedOnStderrAndOthersListed() {
    let d = threeVersionRepo()
    let ok = run(
      redlineBinary,
      ["comment", "add", "v3", "doc.md", "--block", "§1 ¶1", "-m", "x", "--author", "A <a@x.fi>", "--repo", d.path])
    let bad = run(
      redlineBinary,
      ["comment", "add", "v3", "notes.txt", "--block", "§1 ¶1", "-m", "y", "--author", "A <a@x.fi>", "--repo", d.path])
    #expect(ok.status == 0 && bad.status == 0, "\(ok.stderr)\(bad.stderr)")
    d.writeBytes("notes.txt", [0x31, 0x00, 0xFF, 0x0A])
    git(d.path, "commit", "-qam", "rikki")
    let r = run(redlineBinary, ["comments", "--repo", d.path])
    #expect(r.status == 2)
    #expect(r.stdout.contains(String(ok.stdout.prefix(8)) + "  OPEN"))
    #expect(r.stderr.contains("reviews/\(bad.stdout.prefix(8)).jsonl"))
    #expect(r.stderr.contains("notes.txt"))
  }
}
