import Foundation
import Testing

/// Round-2 audit: what the merged history, blame, parallel, external-diff and usage-error
/// paths let through to a terminal from hostile commit metadata, file names and arguments.
@Suite struct AuditEscapeTests {
  static let esc = "\u{1B}"

  /// Two versions of `doc.md` (and a Swedish copy) whose authors and commit messages carry
  /// Redline's own colour sequences, a screen clear and an OSC title with BEL.
  static func hostileRepo() -> TempDir {
    let d = TempDir("audit-hostile")
    git(d.path, "init", "-q", "-b", "main")
    d.write("doc.md", "# 1 Otsikko\n\nEnsimmäinen kappale.\n\n## 1.1 Alaotsikko\n\nToinen kappale.\n")
    git(d.path, "add", ".")
    commitAs("Eve \(esc)[1mBold", "first \(esc)[2J msg", in: d)
    git(d.path, "tag", "v1")
    d.write("doc.md", "# 1 Otsikko\n\nEnsimmäinen kappale.\n\n## 1.1 Alaotsikko\n\nToinen kappale muuttui nyt.\n")
    d.write("sv.md", "# 1 Rubrik\n\nFörsta stycket.\n\n## 1.1 Underrubrik\n\nAndra stycket.\n")
    git(d.path, "add", ".")
    commitAs("Mal \(esc)[31;9m", "second \(esc)]0;pwn\u{07} msg", in: d)
    git(d.path, "tag", "v2")
    return d
  }

  /// Commits what is staged with `author` as author and committer name.
  static func commitAs(_ author: String, _ message: String, in d: TempDir) {
    let r = run(
      "/usr/bin/git", ["commit", "-qm", message], cwd: d.path,
      env: ["GIT_AUTHOR_NAME": author, "GIT_COMMITTER_NAME": author])
    #expect(r.status == 0, "\(r.stderr)")
  }

  static func expectInert(_ s: String, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(!s.contains(esc), "\(what) passes ESC: \(s.debugDescription.prefix(300))", sourceLocation: sourceLocation)
    #expect(!s.contains("\u{07}"), "\(what) passes BEL", sourceLocation: sourceLocation)
  }

  @Test func historyBlameAndParallelShowHostileAuthorsAndMessagesInert() {
    let d = Self.hostileRepo()
    let views: [[String]] = [
      ["history", "v2", "doc.md", "--block", "§1.1 ¶1"],
      ["blame", "v2", "doc.md"],
      ["parallel", "v2", "doc.md", "sv.md"],
    ]
    for v in views {
      for format in ["terminal", "markdown", "html"] {
        let r = run(redlineBinary, v + ["--format", format], cwd: d.path)
        #expect(r.status == 0 || (v[0] == "parallel" && r.status == 1), "\(v) \(format): \(r.stderr)")
        #expect(!r.stdout.isEmpty)
        Self.expectInert(r.stdout, "\(v[0]) --format \(format)")
      }
      // Into a file too: `cat` of it must not drive the terminal either.
      let out = d.path + "/out-\(v[0]).txt"
      let r = run(redlineBinary, v + ["-o", out], cwd: d.path)
      #expect(r.status == 0 || r.status == 1, "\(r.stderr)")
      let written = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
      #expect(!written.isEmpty)
      Self.expectInert(written, "\(v[0]) -o")
    }
    // The metadata is still shown, made visible.
    let h = run(redlineBinary, ["history", "v2", "doc.md", "--block", "§1.1 ¶1"], cwd: d.path)
    #expect(h.stdout.contains("Mal ␛[31;9m"))
    #expect(h.stdout.contains("second ␛]0;pwn␇ msg"))
  }

  @Test func colouredViewsKeepOnlyRedlinesOwnStyles() {
    let d = Self.hostileRepo()
    let r = run(redlineBinary, ["blame", "v2", "doc.md", "--color", "always"], cwd: d.path)
    #expect(r.status == 0, "\(r.stderr)")
    // The author's "\e[1m" is shown as text; Redline's own bold is the only real escape.
    #expect(r.stdout.contains("Eve ␛[1mBold"))
    #expect(!r.stdout.contains("␛[33m"), "blame's own colour must not come out as text")
    #expect(r.stdout.contains("\(Self.esc)[1m§1 ¶1"))
    let plain = run(redlineBinary, ["blame", "v2", "doc.md", "--color", "never"], cwd: d.path)
    #expect(plain.status == 0, "\(plain.stderr)")
    Self.expectInert(plain.stdout, "blame --color never")
  }

  @Test func viewsTakeColorAndNoPagerLikeEveryCommand() {
    let d = Self.hostileRepo()
    for v in [
      ["history", "v2", "doc.md", "--block", "§1 ¶1"], ["blame", "v2", "doc.md"],
      ["parallel", "v2", "doc.md", "sv.md"],
    ] {
      let r = run(redlineBinary, v + ["--no-pager", "--color", "never"], cwd: d.path)
      #expect(r.status == 0 || (v[0] == "parallel" && r.status == 1), "\(v): \(r.stderr)")
      #expect(r.stderr.isEmpty, "\(v): \(r.stderr)")
    }
    // On a terminal with NO_COLOR set, no colour; without it, colour (auto).
    let noColor = runInTerminal(
      redlineBinary, ["blame", "v2", "doc.md", "--no-pager"], cwd: d.path, env: ["NO_COLOR": "1"])
    #expect(noColor.status == 0)
    #expect(!noColor.stdout.contains(Self.esc), "\(noColor.stdout.debugDescription.prefix(200))")
    let dumb = runInTerminal(
      redlineBinary, ["blame", "v2", "doc.md", "--no-pager"], cwd: d.path, env: ["TERM": "dumb"])
    #expect(!dumb.stdout.contains(Self.esc), "TERM=dumb must turn colour off")
    let auto = runInTerminal(redlineBinary, ["blame", "v2", "doc.md", "--no-pager"], cwd: d.path)
    #expect(auto.stdout.contains("\(Self.esc)[1m"))
  }

  @Test func usageErrorsShowEscapesInArgumentsInert() {
    let d = Self.hostileRepo()
    for args in [
      ["diff", "--\(Self.esc)[1mx", "v1", "v2"], ["blame", "v2", "--format", "\(Self.esc)[31;9m"],
      ["diff", "v1", "v2", "--color", "\(Self.esc)[0m"],
    ] {
      let r = run(redlineBinary, args, cwd: d.path)
      #expect(r.status == 2)
      #expect(r.stderr.hasPrefix("redline: error: "))
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
      Self.expectInert(r.stderr, "usage error \(args)")
      #expect(r.stderr.contains("␛["))
    }
  }

  // A usage error whose message lists the values on further lines keeps them on its one line.
  @Test func aWrongStatusNamesTheValuesOnItsOneLine() {
    let d = Self.hostileRepo()
    let r = run(redlineBinary, ["comments", "--status", "waiting"], cwd: d.path)
    expectOneLineError(r, "the value 'waiting' is invalid for '--status <status>'")
    #expect(
      r.stderr.contains("one of the following: 'resolved', 'addressed', 'open', 'merged', 'outdated'"), "\(r.stderr)")
    #expect(!r.stderr.contains("following:;"))
  }

  @Test func externalDiffShowsHostileFileNamesOnOneLine() {
    let d = TempDir("audit-extname")
    git(d.path, "init", "-q", "-b", "main")
    let name = "ev\nil\(Self.esc)[1m.md"
    d.write(name, "# A\n\nYksi.\n")
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v1")
    d.write(name, "# A\n\nKaksi.\n")
    let r = run("/usr/bin/git", ["diff"], cwd: d.path, env: ["GIT_EXTERNAL_DIFF": redlineBinary])
    #expect(r.status == 0, "\(r.stderr)")
    Self.expectInert(r.stdout, "external diff")
    let header = r.stdout.split(separator: "\n").first { $0.hasPrefix("Comparing") } ?? ""
    #expect(header.contains("ev␤il␛[1m.md"), "\(r.stdout.prefix(300))")
    #expect(r.stdout.contains("{+Kaksi.+}"))
  }
}

/// `diff --files` and standard input name each side once, on one line, whatever the name holds.
@Suite struct DiffHeaderNamesTests {
  @Test func eachSideIsNamedOnceOnOneLine() {
    let d = TempDir("names")
    d.write("a.md", "# A\n\nYksi.\n")
    d.write("x\ny.md", "# A\n\nKaksi.\n")
    let r = run(redlineBinary, ["diff", "--files", d.path + "/a.md", d.path + "/x\ny.md"])
    #expect(r.status == 0, "\(r.stderr)")
    let first = r.stdout.split(separator: "\n", omittingEmptySubsequences: false)[0]
    #expect(first == "Comparing \(d.path)/a.md → \(d.path)/x␤y.md")
    #expect(r.stdout.components(separatedBy: "a.md").count == 2, "a.md named once: \(r.stdout)")
  }
}

/// Bidirectional overrides from a document cannot reorder what the terminal shows.
@Suite struct BidiControlTests {
  @Test func bidiOverridesAreShownNotObeyed() {
    let d = TempDir("bidi")
    d.write("a.md", "# A\n\nSumma on 100 euroa.\n")
    d.write("b.md", "# A\n\nSumma on \u{202E}001\u{202C} euroa.\n")
    let r = run(redlineBinary, ["diff", "--files", d.path + "/a.md", d.path + "/b.md", "--color", "never"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(!r.stdout.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) })
    #expect(r.stdout.contains("\u{FFFD}001\u{FFFD}"), "\(r.stdout)")
  }
}
