import Foundation
import Testing

/// Round-2 audit of the merged views as a drafter uses them: labels typed the forgiving
/// way, shallow clones, and file names that hold a newline.
@Suite struct AuditViewsTests {
  static let v1 = "# Päätös\n\n## 1 Johdanto\n\nEnsimmäinen kappale.\n\nToinen kappale.\n"
  static let v2 = "# Päätös\n\n## 1 Johdanto\n\nEnsimmäinen kappale muuttui.\n\nToinen kappale.\n"

  static func twoVersions(_ name: String = "paatos.md") -> TempDir {
    let d = TempDir("audit-views")
    git(d.path, "init", "-q", "-b", "main")
    d.write(name, v1)
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v1")
    git(d.path, "tag", "v1")
    d.write(name, v2)
    git(d.path, "commit", "-qam", "v2")
    git(d.path, "tag", "v2")
    return d
  }

  // Issue 8 item 12: labels are forgiving in `comment add`; `history --block` takes the same.
  @Test func historyTakesTheForgivingLabelsCommentAddTakes() {
    let d = Self.twoVersions()
    for label in ["§1 ¶1", "§1¶1", "1 ¶1", "1/1", "1 kpl 1"] {
      let r = run(redlineBinary, ["history", "v2", "--block", label], cwd: d.path)
      #expect(r.status == 0, "\(label): \(r.stderr)")
      #expect(r.stdout.hasPrefix("History of §1 ¶1 in paatos.md at v2"), "\(label): \(r.stdout.prefix(80))")
      #expect(r.stdout.contains("changed in v2"))
    }
    let wrong = run(redlineBinary, ["history", "v2", "--block", "§1 ¶9"], cwd: d.path)
    expectOneLineError(wrong, "nearest: §1 ¶1, §1 ¶2")
  }

  // Issue 8 item 12: quotes match across typographic/straight quotes, dashes and spacing
  // in `comment add`; `history --quote` finds the same paragraph.
  @Test func historyQuoteMatchesLikeCommentAdd() {
    let d = TempDir("audit-quote")
    git(d.path, "init", "-q", "-b", "main")
    d.write(
      "paatos.md",
      "# Päätös\n\n## 1 Johdanto\n\nOtsikolla ”Aluekehittämispäätös 2024–2027, luonnos” lausuttiin.\n\nToinen kappale.\n"
    )
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v1")
    for q in ["\"Aluekehittämispäätös 2024-2027, luonnos\"", "Aluekehittämispäätös  2024–2027"] {
      let h = run(redlineBinary, ["history", "HEAD", "--quote", q], cwd: d.path)
      #expect(h.status == 0, "\(q): \(h.stderr)")
      #expect(h.stdout.hasPrefix("History of §1 ¶1 in paatos.md at HEAD"))
      let c = run(
        redlineBinary, ["comment", "add", "HEAD", "--quote", q, "-m", "x", "--author", "A <a@x.fi>"], cwd: d.path)
      #expect(c.status == 0, "\(q): \(c.stderr)")
    }
  }

  // `log -n 0` asked for nothing: before, it claimed the document was not in HEAD while
  // listing it as the document there.
  @Test func logOfZeroVersionsIsEmptyNotAFalseError() {
    let d = Self.twoVersions()
    let r = run(redlineBinary, ["log", "-n", "0"], cwd: d.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.isEmpty && r.stderr.isEmpty, "\(r.stdout)\(r.stderr)")
    expectOneLineError(
      run(redlineBinary, ["log", "puuttuu.md", "-n", "0"], cwd: d.path), "'puuttuu.md' is not in revision HEAD")
    #expect(run(redlineBinary, ["log", "-n", "1"], cwd: d.path).stdout.split(separator: "\n").count == 1)
  }

  // git's revision syntax Redline does not take is refused with a hint, never with
  // libgit2's "unimplemented".
  @Test func rangeAndPathRevisionsGetAHintNotALibgit2Message() {
    let d = Self.twoVersions()
    expectOneLineError(
      run(redlineBinary, ["show", ":paatos.md"], cwd: d.path), "give the revision and the document separately")
    expectOneLineError(
      run(redlineBinary, ["blame", "v2:paatos.md"], cwd: d.path), "give the revision and the document separately")
    expectOneLineError(
      run(redlineBinary, ["history", "v1..v2", "--block", "§1 ¶1"], cwd: d.path), "'v1..v2' is a range")
    let r = run(redlineBinary, ["comments", "--at", ":paatos.md"], cwd: d.path)
    #expect(!r.stderr.contains("unimplemented"), "\(r.stderr)")
    expectOneLineError(
      run(redlineBinary, ["show", "v9"], cwd: d.path), "no revision 'v9' in the drafts repository; tags are v1, v2")
  }

  // A repository with no commits yet: say so, and point at WORKTREE, which works there.
  @Test func aRepositoryWithNoCommitsSaysSo() {
    let d = TempDir("audit-unborn")
    git(d.path, "init", "-q", "-b", "main")
    d.write("paatos.md", Self.v1)
    for args in [["log"], ["comments"], ["blame", "HEAD"], ["diff", "v1", "WORKTREE"]] {
      expectOneLineError(run(redlineBinary, args, cwd: d.path), "the repository has no commits yet")
    }
    let b = run(redlineBinary, ["blame", "WORKTREE"], cwd: d.path)
    #expect(b.status == 0, "\(b.stderr)")
  }

  // `comment add` refuses an empty comment; an empty reply was stored as an event.
  @Test func anEmptyReplyIsRefusedLikeAnEmptyComment() throws {
    let d = Self.twoVersions()
    let add = run(
      redlineBinary, ["comment", "add", "v2", "--block", "§1 ¶1", "-m", "Kysymys", "--author", "A <a@x.fi>"],
      cwd: d.path)
    #expect(add.status == 0, "\(add.stderr)")
    let id = String(add.stdout.prefix(8))
    let before = try String(contentsOfFile: d.path + "/reviews/\(id).jsonl", encoding: .utf8)
    for m in ["", "  \n\t "] {
      expectOneLineError(
        run(redlineBinary, ["comment", "reply", id, "-m", m, "--author", "B <b@x.fi>"], cwd: d.path),
        "the reply is empty")
    }
    #expect(try String(contentsOfFile: d.path + "/reviews/\(id).jsonl", encoding: .utf8) == before)
    let ok = run(redlineBinary, ["comment", "reply", id, "-m", "Vastaus", "--author", "B <b@x.fi>"], cwd: d.path)
    #expect(ok.status == 0, "\(ok.stderr)")
  }

  // The working tree is a version "not committed", said once (not "not committed · not committed").
  @Test func historyOfUnsavedTextSaysNotCommittedOnce() {
    let d = Self.twoVersions()
    d.write("paatos.md", Self.v2.replacingOccurrences(of: "Toinen kappale.", with: "Toinen kappale, tallentamaton."))
    let r = run(redlineBinary, ["history", "WORKTREE", "--block", "§1 ¶2"], cwd: d.path)
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("changed in WORKTREE"))
    #expect(r.stdout.contains("\n    not committed\n"), "\(r.stdout)")
    #expect(!r.stdout.contains("not committed · not committed"))
    let html = run(redlineBinary, ["history", "WORKTREE", "--block", "§1 ¶2", "--format", "html"], cwd: d.path)
    #expect(html.stdout.contains("<p class=\"meta\">not committed</p>"), "\(html.stdout)")
  }

  // Issue 9 item 10: a shallow clone's history stops at the boundary and says so; the
  // views must not claim the paragraph was created there.
  @Test func historyAndBlameInAShallowCloneDoNotClaimCreation() {
    let d = Self.twoVersions()
    let c = TempDir("audit-shallow")
    let r0 = run("/usr/bin/git", ["clone", "-q", "--depth", "1", "file://" + d.path, c.path + "/s"])
    #expect(r0.status == 0, "\(r0.stderr)")
    let s = c.path + "/s"
    let h = run(redlineBinary, ["history", "HEAD", "--block", "§1 ¶2"], cwd: s)
    #expect(h.status == 0, "\(h.stderr)")
    #expect(!h.stdout.contains("created in"), "\(h.stdout)")
    #expect(h.stdout.contains("already in"))
    #expect(h.stdout.contains("shallow clone"))
    let hj = run(redlineBinary, ["history", "HEAD", "--block", "§1 ¶2", "--format", "json"], cwd: s)
    #expect(hj.stdout.contains("\"shallow\": true"), "\(hj.stdout)")
    let b = run(redlineBinary, ["blame", "HEAD"], cwd: s)
    #expect(b.status == 0, "\(b.stderr)")
    #expect(b.stdout.contains("shallow clone's boundary"), "\(b.stdout)")
    let bj = run(redlineBinary, ["blame", "HEAD", "--format", "json"], cwd: s)
    #expect(bj.stdout.contains("\"shallow\": true"))
    // The full repository is not shallow: the creation is real there.
    let full = run(redlineBinary, ["history", "v2", "--block", "§1 ¶2"], cwd: d.path)
    #expect(full.stdout.contains("created in v1"))
    #expect(!full.stdout.contains("shallow"))
    let fj = run(redlineBinary, ["blame", "v2", "--format", "json"], cwd: d.path)
    #expect(fj.stdout.contains("\"shallow\": false"))
  }

  // Issue 9 item 7: a newline in a file name cannot add a line to a header.
  @Test func aNewlineInAFileNameStaysOnTheHeaderLine() {
    let name = "pää\ntös.md"
    let d = Self.twoVersions(name)
    for args in [
      ["outline", "v2", name], ["show", "v2", name], ["history", "v2", name, "--block", "§1 ¶1"],
      ["blame", "v2", name],
    ] {
      let r = run(redlineBinary, args, cwd: d.path)
      #expect(r.status == 0, "\(args): \(r.stderr)")
      let first = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
      #expect(first.contains("pää␤tös.md"), "\(args[0]): \(r.stdout.prefix(120).debugDescription)")
      #expect(!r.stdout.contains("\ntös.md"), "\(args[0]) lets a file name start a line")
    }
  }

  // Issue 9 item 4: a thread file that cannot be read is named, never dropped silently;
  // history and blame list the threads made on a paragraph, so they must say so too.
  @Test func historyAndBlameNameUnreadableThreadFiles() throws {
    let d = Self.twoVersions()
    d.writeBytes("reviews/zzzzzzzz.jsonl", [0xFF, 0xFE, 0x00, 0x41, 0x0A])
    for args in [["history", "v2", "--block", "§1 ¶1"], ["blame", "v2"]] {
      let r = run(redlineBinary, args, cwd: d.path)
      #expect(r.status == 2, "\(args[0]): \(r.status) \(r.stderr)")
      #expect(r.stdout.contains("§1 ¶1"), "the view is still shown")
      #expect(r.stderr.hasPrefix("redline: error: reviews/zzzzzzzz.jsonl"), "\(r.stderr)")
      #expect(r.stderr.split(separator: "\n").count == 1)
    }
    // reviews/ as a link out of the repository is refused, not read and not ignored.
    let e = Self.twoVersions()
    let outside = TempDir("audit-outside")
    try FileManager.default.createSymbolicLink(atPath: e.path + "/reviews", withDestinationPath: outside.path)
    let b = run(redlineBinary, ["blame", "v2"], cwd: e.path)
    #expect(b.status == 2)
    #expect(b.stderr.contains("reviews/ is a symbolic link"), "\(b.stderr)")
    // No reviews/ at all, or a bare repository: nothing to report.
    let fresh = Self.twoVersions()
    let clean = run(redlineBinary, ["blame", "v2"], cwd: fresh.path)
    #expect(clean.status == 0 && clean.stderr.isEmpty, "\(clean.stderr)")
    withExtendedLifetime((d, e, outside, fresh)) {}
  }
}

/// Round-2 audit: output that cannot be written is an error, like git's "unable to write".
@Suite struct AuditStandardOutputTests {
  @Test func aFullDiskOnStandardOutputIsAnErrorNotSuccess() throws {
    let d = AuditViewsTests.twoVersions()
    for args in [
      ["diff", "v1", "v2"], ["blame", "v2"], ["log"], ["outline", "v2"],
      ["history", "v2", "--block", "§1 ¶1", "-o", "-"],
    ] {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: redlineBinary)
      p.arguments = args
      p.currentDirectoryURL = URL(fileURLWithPath: d.path)
      p.environment = testEnvironment([:])
      p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: "/dev/full"))
      let err = Pipe()
      p.standardError = err
      try p.run()
      let e = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      p.waitUntilExit()
      #expect(p.terminationStatus == 2, "\(args[0]): \(p.terminationStatus)")
      #expect(e == "redline: error: cannot write to standard output: No space left on device\n", "\(args[0]): \(e)")
    }
    // A reader that stops early (`| head`) is not an error.
    // The text is far larger than a pipe's buffer, so the write does meet the closed pipe;
    // with SIGPIPE ignored (inherited) Redline sees EPIPE, which must stay quiet.
    d.write(
      "iso.md",
      "# Iso\n\n" + (1...4000).map { "Kappale \($0) on tässä, ja sen teksti on tarpeeksi pitkä.\n\n" }.joined())
    let sh = run(
      "/bin/bash",
      [
        "-c", "trap '' PIPE; '\(redlineBinary)' show WORKTREE iso.md | head -c 1 >/dev/null; echo \"${PIPESTATUS[0]}\"",
      ], cwd: d.path)
    #expect(sh.stderr.isEmpty, "\(sh.stderr)")
    #expect(sh.stdout == "0\n", "\(sh.stdout)")
    withExtendedLifetime(d) {}
  }
}

/// Round-2 audit: a pager that cannot run does not swallow the output.
@Suite struct AuditPagerTests {
  @Test func aPagerThatIsNotFoundLeavesTheOutputOnTheTerminal() {
    let d = AuditViewsTests.twoVersions()
    let r = runInTerminal(redlineBinary, ["log"], cwd: d.path, env: ["PAGER": "redline-no-such-pager"])
    #expect(r.status == 0)
    #expect(
      r.stdout.contains("redline: warning: cannot run the pager 'redline-no-such-pager' (not found); writing directly"))
    #expect(r.stdout.contains("(v2)") && r.stdout.contains("(v1)"), "\(r.stdout)")
    // A pager that exists still gets the output.
    let paged = runInTerminal(redlineBinary, ["log"], cwd: d.path, env: ["PAGER": "sed s/^/PAGED:/"])
    #expect(paged.stdout.contains("PAGED:"), "\(paged.stdout)")
    withExtendedLifetime(d) {}
  }
}

/// `comments --status X` that matches nothing says so, not "no comments" (found in the final review).
@Suite struct CommentsFilterTests {
  @Test func aFilterThatMatchesNothingSaysHowManyThereAre() {
    let d = threeVersionRepo()
    var r = run(
      redlineBinary,
      [
        "comment", "add", "v1", "doc.md", "--block", "§1 ¶1", "-m", "Hyvä.", "--author", "Aino <a@x.fi>", "--repo",
        d.path,
      ])
    #expect(r.status == 0, "\(r.stderr)")
    r = run(redlineBinary, ["comments", "--at", "v1", "--status", "merged", "--lang", "en", "--repo", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.hasSuffix(": no comments with status “merged” (1 in all)\n"), "\(r.stdout)")
    r = run(redlineBinary, ["comments", "--at", "v1", "--status", "merged", "--lang", "fi", "--repo", d.path])
    #expect(r.stdout.contains("ei huomioita, joiden tila on ”"), "\(r.stdout)")
  }
}
