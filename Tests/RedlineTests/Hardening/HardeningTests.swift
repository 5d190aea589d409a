import Foundation
import RedlineDocument
import RedlineGit
import RedlineKit
import RedlineReport
import Testing

/// Runs a program with a time limit; a hang is killed and reported as status -1.
func runBounded(_ exe: String, _ args: [String], cwd: String? = nil, seconds: Double = 30) -> RunResult {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: exe)
  p.arguments = args
  if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
  var e = ProcessInfo.processInfo.environment
  e["GIT_CONFIG_GLOBAL"] = "/dev/null"
  e["GIT_CONFIG_NOSYSTEM"] = "1"
  p.environment = e
  let out = FileManager.default.temporaryDirectory.appendingPathComponent("rb-\(UUID().uuidString)")
  let err = FileManager.default.temporaryDirectory.appendingPathComponent("rb-\(UUID().uuidString)")
  FileManager.default.createFile(atPath: out.path, contents: nil)
  FileManager.default.createFile(atPath: err.path, contents: nil)
  defer {
    try? FileManager.default.removeItem(at: out)
    try? FileManager.default.removeItem(at: err)
  }
  p.standardOutput = try! FileHandle(forWritingTo: out)
  p.standardError = try! FileHandle(forWritingTo: err)
  try! p.run()
  let deadline = Date().addingTimeInterval(seconds)
  while p.isRunning && Date() < deadline { usleep(20_000) }
  var status = Int32(-1)
  if p.isRunning {
    p.terminate()
    p.waitUntilExit()
  } else {
    status = p.terminationStatus
  }
  let o = (try? Data(contentsOf: out)) ?? Data()
  let r = (try? Data(contentsOf: err)) ?? Data()
  return RunResult(
    status: status, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: r, as: UTF8.self))
}

/// Expects a refusal: exit status 2, one `redline: error:` line containing `text`.
func expectOneLineError(_ r: RunResult, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(r.status == 2, "status \(r.status): \(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.stderr.hasPrefix("redline: error: "), "\(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)", sourceLocation: sourceLocation)
  #expect(r.stderr.contains(text), "\(r.stderr)", sourceLocation: sourceLocation)
  #expect(!r.stderr.contains("\u{1B}"), sourceLocation: sourceLocation)
}

/// Issue 9: no input corrupts, hangs, leaks or misleads.
@Suite struct HardeningTests {
  // 1. A newline in --author must not reach a commit header.
  @Test func authorWithControlCharactersOrBracketsIsRefused() throws {
    #expect(throws: SignatureError.self) { try Signature.parseAuthor("Eve\n  x <e@x>", now: 0) }
    #expect(throws: SignatureError.self) { try Signature.parseAuthor("Eve <e\n@x>", now: 0) }
    #expect(throws: SignatureError.self) { try Signature.parseAuthor("E<v>e <e@x>", now: 0) }
    #expect(throws: SignatureError.self) { try Signature(validatingName: "...", email: "e@x", time: 0) }
    #expect(
      try Signature.parseAuthor("Åsa Öberg <asa@example.fi>", now: 5)
        == Signature(name: "Åsa Öberg", email: "asa@example.fi", time: 5))

    let d = threeVersionRepo()
    let head = git(d.path, "rev-parse", "HEAD")
    let r = run(
      redlineBinary,
      [
        "comment", "add", "v1", "doc.md", "--block", "§1 ¶1", "--author", "Eve\n  x <e@x>", "--message", "m",
        "--commit",
        "--repo", d.path,
      ])
    expectOneLineError(r, "control character U+000A")
    #expect(git(d.path, "rev-parse", "HEAD") == head)
    #expect(run("/usr/bin/git", ["fsck", "--strict"], cwd: d.path).status == 0)
    // The library refuses too, before writing a blob.
    let repo = try Repository(discoverFrom: d.path)
    #expect(throws: GitError.self) {
      try repo.commit(
        [FileChange(path: "x.md", content: [0x41])], message: "x\n",
        author: Signature(name: "A\nB", email: "a@b", time: 0))
    }
    #expect(git(d.path, "rev-parse", "HEAD") == head)
  }

  // 2. -o never replaces a symlink, FIFO or device; a directory is refused; - is stdout.
  @Test func outputWritesOnlyRegularFilesAndStreamsFIFOs() throws {
    let d = threeVersionRepo()
    let victim = d.path + "/victim.txt"
    try Data("keep".utf8).write(to: URL(fileURLWithPath: victim))
    let link = d.path + "/link.html"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
    var r = run(redlineBinary, ["diff", "v1", "v2", "--repo", d.path, "-o", link])
    expectOneLineError(r, "is a symbolic link")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == victim)
    #expect(try String(contentsOfFile: victim, encoding: .utf8) == "keep")

    r = run(redlineBinary, ["diff", "v1", "v2", "--repo", d.path, "-o", d.path])
    expectOneLineError(r, "is a directory")

    r = run(redlineBinary, ["diff", "v1", "v2", "--repo", d.path, "-o", "/dev/null"])
    #expect(r.status == 0, "\(r.stderr)")
    var st = stat()
    #expect(lstat("/dev/null", &st) == 0 && st.st_mode & S_IFMT == S_IFCHR)

    r = run(redlineBinary, ["diff", "v1", "v2", "--repo", d.path, "-o", "-"])
    #expect(r.status == 0)
    #expect(r.stdout.contains("inen versio"))

    let fifo = d.path + "/pipe"
    #expect(mkfifo(fifo, 0o600) == 0)
    r = run(
      "/bin/sh",
      [
        "-c", "cat \"$1\" > \"$2\" & \"$0\" diff v1 v2 --repo \"$3\" -o \"$1\"; s=$?; wait; exit $s",
        redlineBinary, fifo, d.path + "/from-fifo.txt", d.path,
      ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(lstat(fifo, &st) == 0 && st.st_mode & S_IFMT == S_IFIFO)
    #expect(try String(contentsOfFile: d.path + "/from-fifo.txt", encoding: .utf8).contains("inen versio"))

    // A regular file is replaced whole, keeping its mode.
    let out = d.path + "/out.md"
    try Data("old".utf8).write(to: URL(fileURLWithPath: out))
    chmod(out, 0o600)
    r = run(redlineBinary, ["diff", "v1", "v2", "--repo", d.path, "--format", "markdown", "-o", out])
    #expect(r.status == 0)
    #expect(try String(contentsOfFile: out, encoding: .utf8).contains("inen versio"))
    #expect(lstat(out, &st) == 0 && st.st_mode & 0o777 == 0o600)
  }

  // 3. A truncated loose object gives one line naming it, never a hang.
  @Test func truncatedObjectsAreReportedNotSpunOn() throws {
    for keepAllBut in [-5, 3] {  // cut to 5 bytes; cut 3 bytes short (a valid header)
      let d = threeVersionRepo()
      let blob = git(d.path, "rev-parse", "HEAD:doc.md")
      let file = d.path + "/.git/objects/" + blob.prefix(2) + "/" + blob.dropFirst(2)
      chmod(file, 0o644)
      var st = stat()
      stat(file, &st)
      #expect(truncate(file, keepAllBut < 0 ? off_t(-keepAllBut) : off_t(st.st_size) - off_t(keepAllBut)) == 0)
      for args in [
        ["show", "HEAD", "doc.md"], ["diff", "v2", "HEAD", "doc.md"], ["show", "--raw", "HEAD", "doc.md"],
      ] {
        let r = runBounded(redlineBinary, args + ["--repo", d.path], seconds: 20)
        expectOneLineError(r, blob)
      }
      // A truncated commit too.
      let head = git(d.path, "rev-parse", "HEAD")
      let cfile = d.path + "/.git/objects/" + head.prefix(2) + "/" + head.dropFirst(2)
      chmod(cfile, 0o644)
      stat(cfile, &st)
      #expect(truncate(cfile, keepAllBut < 0 ? off_t(-keepAllBut) : off_t(st.st_size) - off_t(keepAllBut)) == 0)
      for args in [["log", "doc.md"], ["show", "HEAD", "doc.md"], ["show", "v3", "doc.md"]] {
        let r = runBounded(redlineBinary, args + ["--repo", d.path], seconds: 20)
        expectOneLineError(r, head)
      }
    }
  }

  @Test func truncatedBlobSeenByRenameDetectionIsReported() throws {
    let d = TempDir("rename")
    git(d.path, "init", "-q", "-b", "main")
    d.write("doc.md", "# Päätös\n\n## 1 Johdanto\n\nTeksti joka pysyy samana nimenvaihdossa.\n")
    d.write("muu.md", "# Muu\n\nToinen tiedosto, joka poistetaan.\n")
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v1")
    let other = git(d.path, "rev-parse", "HEAD:muu.md")
    git(d.path, "mv", "doc.md", "uusi.md")
    git(d.path, "rm", "-q", "muu.md")
    git(d.path, "commit", "-qm", "v2")
    let file = d.path + "/.git/objects/" + other.prefix(2) + "/" + other.dropFirst(2)
    chmod(file, 0o644)
    #expect(truncate(file, 5) == 0)
    let r = runBounded(redlineBinary, ["log", "uusi.md", "--repo", d.path], seconds: 20)
    expectOneLineError(r, other)
  }

  // 5. WORKTREE reads stay inside the working tree.
  @Test func worktreePathsCannotEscape() throws {
    let d = threeVersionRepo()
    let outside = TempDir("outside")
    outside.write("secret.md", "# Salainen\n\nsalasana 1234\n")
    var r = run(
      redlineBinary, ["show", "--raw", "WORKTREE", "../../../../../../etc/passwd", "--repo", d.path], cwd: d.path)
    expectOneLineError(r, "outside the working tree")
    #expect(!r.stdout.contains("root:"))
    try FileManager.default.createSymbolicLink(
      atPath: d.path + "/link.md", withDestinationPath: outside.path + "/secret.md")
    r = run(redlineBinary, ["show", "--raw", "WORKTREE", "link.md", "--repo", d.path])
    expectOneLineError(r, "outside the working tree")
    #expect(!r.stdout.contains("salasana"))
    try FileManager.default.createSymbolicLink(atPath: d.path + "/sub", withDestinationPath: outside.path)
    r = run(redlineBinary, ["show", "WORKTREE", "sub/secret.md", "--repo", d.path])
    expectOneLineError(r, "outside the working tree")
    let rel = "../" + URL(fileURLWithPath: outside.path).lastPathComponent + "/secret.md"
    r = run(
      redlineBinary,
      [
        "comment", "add", "WORKTREE", rel, "--quote", "salasana", "--author", "Eve <e@x>", "--message", "m",
      ], cwd: d.path)
    expectOneLineError(r, "is outside the repository")
    #expect(!FileManager.default.fileExists(atPath: d.path + "/reviews"))
    // A FIFO in the working tree is refused, not waited on.
    #expect(mkfifo(d.path + "/fifo.md", 0o600) == 0)
    r = runBounded(redlineBinary, ["show", "WORKTREE", "fifo.md", "--repo", d.path], seconds: 20)
    expectOneLineError(r, "not a regular file")
  }

  // 6. Size before reading; nesting before parsing.
  @Test func hugeFilesAreRefusedBeforeReading() throws {
    let d = threeVersionRepo()
    let big = d.path + "/big.md"
    FileManager.default.createFile(atPath: big, contents: nil)
    #expect(truncate(big, 3 << 30) == 0)  // sparse: 3 GiB without the disk
    let start = Date()
    let r = runBounded(redlineBinary, ["show", "WORKTREE", "big.md", "--repo", d.path], seconds: 30)
    expectOneLineError(r, "is 3072 MiB, over the 64 MiB limit")
    #expect(Date().timeIntervalSince(start) < 10)
    let f = run(redlineBinary, ["diff", "--files", big, d.path + "/doc.md"])
    expectOneLineError(f, "over the 64 MiB limit")
    // A blob's size comes from its header.
    let repo = try Repository(discoverFrom: d.path)
    let blob = try #require(ObjectID(hex: git(d.path, "rev-parse", "v1:doc.md")))
    #expect(try repo.blobSize(blob) == "# Päätös\n\n## 1 Johdanto\n\nEnsimmäinen versio.\n".utf8.count)
  }

  @Test func deepNestingIsRefusedInOneLine() throws {
    let deep = Array((String(repeating: "- ", count: 5000) + "x\n").utf8)
    #expect(throws: DocumentError.tooDeep(path: "d.md", line: 1, limit: DocumentLoader.maxNesting)) {
      try DocumentLoader.load(deep, path: "d.md")
    }
    var indented = ""
    for i in 0..<200 { indented += String(repeating: "  ", count: i) + "- kohta \(i)\n" }
    #expect(throws: DocumentError.self) { try DocumentLoader.load(Array(indented.utf8), path: "d.md") }
    let quotes = Array((String(repeating: ">", count: 100_000) + " x\n").utf8)
    #expect(throws: DocumentError.self) { try DocumentLoader.load(quotes, path: "d.md") }
    // Ordinary structure, thematic breaks and plain text pass.
    let ok =
      "# A\n\n- a\n  - b\n    - c\n      1. d\n\n> > lainaus\n\n- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -\n"
    #expect(try DocumentLoader.load(Array(ok.utf8), path: "ok.md").blocks.count >= 3)
    #expect(throws: Never.self) { try DocumentLoader.load(deep, path: "d.txt") }
    // Inline markers count once each: 30 levels of `- - - x` pass, 40 do not.
    #expect(throws: Never.self) {
      try DocumentLoader.load(Array((String(repeating: "- ", count: 30) + "x\n").utf8), path: "d.md")
    }
    #expect(throws: DocumentError.self) {
      try DocumentLoader.load(Array((String(repeating: "- ", count: 40) + "x\n").utf8), path: "d.md")
    }
    // A flat list of millions of items is refused before cmark builds it.
    let flat =
      [UInt8](repeating: 0, count: 0) + Array(String(repeating: "- x\n", count: DocumentLoader.maxListItems + 1).utf8)
    #expect(throws: DocumentError.tooManyItems(path: "f.md", limit: DocumentLoader.maxListItems)) {
      try DocumentLoader.load(flat, path: "f.md")
    }
  }

  // 7. Control characters from documents never reach the terminal; own colours only with colour on.
  @Test func controlCharactersAreMadeVisibleAtTheSource() throws {
    let (t, inv) = Normalizer.normalize("Alku\u{1B}[2J \u{07}kello \u{9B}31m loppu"[...])
    #expect(t == "Alku␛[2J ␇kello \u{FFFD}31m loppu")
    #expect(inv.contains("U+001B CONTROL CHARACTER"))
    #expect(TerminalText.sanitize("a\u{1B}[1mb\u{1B}[0m", keepingOwnStyles: false) == "a␛[1mb␛[0m")
    #expect(TerminalText.oneLine("a\nb\u{1B}") == "a␤b␛")

    let d = threeVersionRepo()
    d.write(
      "doc.md",
      "# Päätös\u{1B}]0;title\u{07}\n\n## 1 Johdanto\n\nNeljäs \u{1B}[32;4mväärä\u{1B}[0m versio \u{07}.\n\n    koodi \u{1B}[2J\n"
    )
    for format in ["markdown", "html", "terminal", "json"] {
      let r = run(
        redlineBinary, ["diff", "v3", "WORKTREE", "doc.md", "--format", format, "--color", "never", "--repo", d.path])
      #expect(r.status == 0, "\(format): \(r.stderr)")
      #expect(!r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{07}"), "\(format)")
    }
    var r = run(redlineBinary, ["show", "WORKTREE", "doc.md", "--repo", d.path])
    #expect(r.status == 0 && !r.stdout.contains("\u{1B}"))
    r = run(redlineBinary, ["diff", "v3", "WORKTREE", "doc.md", "--color", "always", "--repo", d.path])
    #expect(r.stdout.contains("\u{1B}[32;4m"), "Redline's own colour is kept when asked for")
    #expect(!r.stdout.contains("\u{1B}[32;4mväärä"), "but the document's copy of it is not")
    // A comment carrying escapes and Redline's own colour codes stays inert in every format.
    r = run(
      redlineBinary,
      [
        "comment", "add", "v3", "doc.md", "--block", "§1 ¶1", "--author", "Eve <e@x>",
        "--message", "katso \u{1B}[31;9mtätä\u{1B}[0m \u{9B}2J \u{07}", "--repo", d.path,
      ])
    #expect(r.status == 0, "\(r.stderr)")
    for format in ["terminal", "markdown", "json"] {
      r = run(redlineBinary, ["comments", "--format", format, "--repo", d.path])
      #expect(r.status == 0, "\(format): \(r.stderr)")
      #expect(
        !r.stdout.contains("\u{1B}") && !r.stdout.contains("\u{9B}") && !r.stdout.contains("\u{07}"),
        "\(format): \(r.stdout)")
    }
    // An error about a thread file named with escapes stays one inert line.
    d.write("reviews/x\u{1B}[2Jy.jsonl", "not json\n")
    r = run(redlineBinary, ["comments", "--repo", d.path])
    #expect(r.status == 2)
    #expect(!r.stderr.contains("\u{1B}"), "\(r.stderr)")
    #expect(r.stderr.contains("x␛[2Jy.jsonl"), "\(r.stderr)")
  }

  // 10. Shallow clones and odd tags.
  @Test func shallowCloneLogStopsAtTheBoundary() throws {
    let d = threeVersionRepo()
    let c = TempDir("shallow")
    run("/usr/bin/git", ["clone", "-q", "--depth", "1", "file://" + d.path, c.path + "/s"])
    let r = run(redlineBinary, ["log", "doc.md", "--repo", c.path + "/s"])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("v3"))
    #expect(r.stdout.contains("shallow clone"))
    #expect(!r.stderr.contains("corrupt"))
  }

  @Test func oneBadTagDoesNotHideTheOthers() throws {
    let d = threeVersionRepo()
    let head = git(d.path, "rev-parse", "HEAD")
    try Data((head + "\n").utf8).write(to: URL(fileURLWithPath: d.path + "/.git/refs/tags/bad..name"))
    try Data("0000000000000000000000000000000000000001\n".utf8).write(
      to: URL(fileURLWithPath: d.path + "/.git/refs/tags/dangling"))
    let repo = try Repository(discoverFrom: d.path)
    #expect(try repo.tagNames() == ["v1", "v2", "v3"])
    let r = run(redlineBinary, ["log", "doc.md", "--repo", d.path])
    #expect(r.stdout.contains("(v1)") && r.stdout.contains("(v3)"), "\(r.stdout)\(r.stderr)")
  }

  // 11. Every error is one clear line.
  @Test func errorsAreOneClearLine() throws {
    let d = threeVersionRepo()
    var r = run(redlineBinary, ["show", "v7\nforged line", "--repo", d.path])
    expectOneLineError(r, "v7␤forged line")
    r = run(redlineBinary, ["diff", "--files", d.path, d.path + "/doc.md"])
    expectOneLineError(r, "is a directory")
    d.writeBytes("utf16.md", [0xFF, 0xFE] + Array("# Otsikko\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    r = run(redlineBinary, ["show", "WORKTREE", "utf16.md", "--repo", d.path])
    expectOneLineError(r, "is UTF-16; convert it to UTF-8")
    d.writeBytes("nobom.md", Array("# Otsikko\n\nTeksti.\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    r = run(redlineBinary, ["show", "WORKTREE", "nobom.md", "--repo", d.path])
    expectOneLineError(r, "is UTF-16")
    r = run(redlineBinary, ["log", "-n", "-1", "--repo", d.path, "doc.md"])
    #expect(r.status != 0 && r.stdout.isEmpty)
    r = run(redlineBinary, ["log", "--number=-1", "--repo", d.path, "doc.md"])
    #expect(r.status != 0 && r.stdout.isEmpty && r.stderr.contains("--number"))
    r = run(redlineBinary, ["outline", "v1", "--depth=-5", "--repo", d.path])
    #expect(r.status != 0 && r.stdout.isEmpty && r.stderr.contains("--depth"))

    // Lock, detached HEAD and ambiguity are said as what they are, not as corruption.
    let lock = RedlineError.git(
      GitError(
        code: -14, errorClass: 0, message: "failed to lock file '/r/.git/refs/heads/main.lock' for writing: ",
        function: "git_reference_create_matching")
    ).description
    #expect(lock.contains("'/r/.git/refs/heads/main.lock' is locked") && !lock.contains("corrupt"))
    git(d.path, "checkout", "-q", "--detach")
    r = run(
      redlineBinary,
      [
        "comment", "add", "v1", "doc.md", "--block", "§1 ¶1", "--author", "A <a@b>", "--message", "m", "--commit",
        "--repo", d.path,
      ])
    #expect(r.status == 2)
    #expect(r.stderr.contains("detached") && !r.stderr.contains("corrupt"), "\(r.stderr)")
  }

  @Test func ambiguousPrefixIsNamedAsAmbiguous() throws {
    let d = threeVersionRepo()
    // Enough blobs that two share a four-digit prefix.
    for i in 0..<700 { d.write("b/\(i).txt", "\(i)\n") }
    let ids = run("/bin/sh", ["-c", "git hash-object -w b/*.txt"], cwd: d.path).stdout.split(separator: "\n")
    var seen: [Substring: Int] = [:]
    for id in ids { seen[id.prefix(4), default: 0] += 1 }
    guard let prefix = seen.first(where: { $0.value > 1 })?.key else { return }
    let r = run(redlineBinary, ["show", String(prefix), "--repo", d.path])
    expectOneLineError(r, "ambiguous")
    #expect(!r.stderr.contains("corrupt"))
  }

  @Test func summaryNamesUnreadableThreadsAndFails() throws {
    let d = threeVersionRepo()
    d.write("reviews/rikki.jsonl", "{ ei jsonia\n")
    let r = run(redlineBinary, ["summary", "v1", "v2", "doc.md", "--repo", d.path])
    #expect(r.status == 2, "\(r.stderr)")
    #expect(r.stderr.contains("rikki.jsonl"))
    #expect(!r.stdout.isEmpty, "the summary itself is still written")
  }
}

/// Issue 9 item 7: a comment body carrying Redline's own colour codes shows them as
/// visible symbols even when the listing is coloured.
@Suite struct CommentColourInjectionTests {
  @Test func ownColourCodesInACommentAreMadeVisibleWhenColoured() throws {
    let d = threeVersionRepo()
    let body = "Huomio \u{1B}[32;4mväärennetty lisäys\u{1B}[0m loppu"
    var r = run(
      redlineBinary,
      ["comment", "add", "v1", "doc.md", "--block", "§1 ¶1", "-m", body, "--author", "Eve <e@x>", "--repo", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    r = run(redlineBinary, ["comments", "--at", "v1", "--color", "always", "--no-pager", "--repo", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("Huomio ␛[32;4mväärennetty lisäys␛[0m loppu"), "\(r.stdout)")
    #expect(!r.stdout.contains("\u{1B}[32;4mväärennetty"))
  }
}
