import Foundation
import RedlineGit
import Testing

/// `redline diff` end to end, through the built binary.
@Suite struct DiffCommandTests {
  /// The demo repository holds the Finnish and (from v2) the Swedish version: commands name the Finnish one.
  static let fi = "aluekehittamispaatos.md"

  func demoRepo() -> TempDir {
    let d = TempDir("diffdemo")
    try? FileManager.default.removeItem(atPath: d.path)
    let r = run(redlineBinary, ["demo", "--drafts", packageRoot + "/drafts", "--into", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    return d
  }

  @Test func jsonFollowsTheContract() throws {
    let d = demoRepo()
    let r = run(redlineBinary, ["diff", "v1", "v2", Self.fi, "--format", "json", "--repo", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    #expect(obj["schema"] as? String == "redline.diff/2")
    let old = try #require(obj["old"] as? [String: Any])
    #expect(old["revision"] as? String == "v1")
    #expect((old["commit"] as? String)?.count == 40)
    #expect(old["path"] as? String == "aluekehittamispaatos.md")
    #expect(obj["budget_exhausted"] as? Bool == false)
    let summary = try #require(obj["summary"] as? [String: Int])
    #expect(summary["sections_renamed"]! > 0)
    let sections = try #require(obj["sections"] as? [[String: Any]])
    let statuses = Set(sections.compactMap { $0["status"] as? String })
    #expect(statuses.isSubset(of: ["unchanged", "modified", "added", "deleted"]))
    // The renamed-and-moved priority.
    let priority = try #require(sections.first { ($0["new"] as? [String: Any])?["number"] as? String == "3.3" })
    #expect(priority["renamed"] as? Bool == true)
    #expect(priority["moved"] as? Bool == true)
    #expect((priority["old"] as? [String: Any])?["number"] as? String == "3.1")
    #expect(priority["confidence"] as? Double == 0.78)
    #expect(priority["matched_by"] as? String == "similar_title")
    // Every block: replay of segments, lines 1-based, section paths.
    var oldCount = 0
    var newCount = 0
    for s in sections {
      for b in try #require(s["blocks"] as? [[String: Any]]) {
        let o = b["old"] as? [String: Any]
        let n = b["new"] as? [String: Any]
        // A merge lists all its old blocks in `sources`, a split all its new ones in `parts`.
        let sources = b["sources"] as? [[String: Any]]
        let parts = b["parts"] as? [[String: Any]]
        if o != nil { oldCount += sources?.count ?? 1 }
        if n != nil { newCount += parts?.count ?? 1 }
        for side in [o, n].compactMap({ $0 }) {
          #expect((side["line"] as? Int ?? 0) >= 1)
          #expect((side["end_line"] as? Int ?? 0) >= (side["line"] as? Int ?? 0))
          #expect(side["section"] is [String])
          #expect(side["text"] is String)
        }
        if let segs = b["segments"] as? [[String: String]] {
          let oldText = segs.filter { $0["op"] != "insert" }.map { $0["text"]! }.joined()
          let newText = segs.filter { $0["op"] != "delete" }.map { $0["text"]! }.joined()
          let oldJoined = sources.map { $0.compactMap { $0["text"] as? String }.joined(separator: " ") }
          let newJoined = parts.map { $0.compactMap { $0["text"] as? String }.joined(separator: " ") }
          #expect(oldText == oldJoined ?? o?["text"] as? String)
          #expect(newText == newJoined ?? n?["text"] as? String)
        }
      }
    }
    let outline1 = run(redlineBinary, ["outline", "v1", Self.fi, "--repo", d.path]).stdout
    let blocks1 = Int(outline1.split(separator: ",")[1].split(separator: " ")[0])!
    #expect(oldCount == blocks1, "every old block exactly once")
    let outline2 = run(redlineBinary, ["outline", "v2", Self.fi, "--repo", d.path]).stdout
    #expect(newCount == Int(outline2.split(separator: ",")[1].split(separator: " ")[0])!)
  }

  @Test func terminalOutputOpensWithStructureAndHonoursNoColor() {
    let d = demoRepo()
    // On a terminal (so only NO_COLOR can turn the colour off), then on a pipe.
    let tty = runInTerminal(
      redlineBinary, ["diff", "v1", "v2", Self.fi, "--repo", d.path, "--no-pager"], env: ["NO_COLOR": "1"])
    #expect(tty.status == 0)
    #expect(!tty.stdout.contains("\u{1B}["), "no colour with NO_COLOR")
    #expect(
      runInTerminal(redlineBinary, ["diff", "v1", "v2", Self.fi, "--repo", d.path, "--no-pager"]).stdout.contains(
        "\u{1B}["))
    let r = run(redlineBinary, ["diff", "v1", "v2", Self.fi, "--repo", d.path])
    #expect(r.status == 0)
    #expect(!r.stdout.contains("\u{1B}["), "no colour on a pipe")
    let lines = r.stdout.split(separator: "\n")
    #expect(lines.first?.hasPrefix("Comparing aluekehittamispaatos.md v1") == true)
    #expect(
      r.stdout.contains("renamed and moved: 3.1 Laadukas elinympäristö ja monimuotoinen luonto → 3.3 Vetovoimainen"))
    #expect(r.stdout.range(of: "Structure")!.lowerBound < r.stdout.range(of: "── ")!.lowerBound)
    #expect(r.stdout.contains("{+ ja työllisyys+}"))
    let colored = run(redlineBinary, ["diff", "v1", "v2", Self.fi, "--color", "always", "--repo", d.path])
    #expect(colored.stdout.contains("\u{1B}[32;4m"))
  }

  @Test func statSectionFilesAndWorktree() {
    let d = demoRepo()
    var r = run(redlineBinary, ["diff", "v1", "v2", Self.fi, "--stat", "--repo", d.path])
    #expect(r.status == 0)
    #expect(r.stdout.contains("§5 "))
    #expect(r.stdout.contains("[modified]"))
    r = run(redlineBinary, ["diff", "v1", "v2", Self.fi, "--section", "5", "--repo", d.path])
    #expect(r.status == 0)
    #expect(r.stdout.contains("── §5 5 Edellytykset"))
    #expect(!r.stdout.contains("── §3.1 "))
    r = run(redlineBinary, ["diff", "v1", "v2", Self.fi, "--section", "42", "--repo", d.path])
    #expect(r.status == 2)
    #expect(r.stderr.contains("no section '42'"))
    // Unsaved work against the last version.
    let file = d.path + "/aluekehittamispaatos.md"
    var text = try! String(contentsOfFile: file, encoding: .utf8)
    text = text.replacingOccurrences(of: "osaaminen ja koulutus", with: "osaaminen, koulutus ja tutkimus")
    try! text.write(toFile: file, atomically: true, encoding: .utf8)
    r = run(redlineBinary, ["diff", "v3", "WORKTREE", Self.fi, "--repo", d.path, "--exit-code"])
    #expect(r.status == 1, "differences with --exit-code")
    #expect(r.stdout.contains("{+, koulutus ja tutkimus+}"))
    r = run(
      redlineBinary,
      [
        "diff", "--files", packageRoot + "/drafts/alke-v2.md", packageRoot + "/drafts/alke-v3.md", "--format",
        "markdown",
      ])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("## Structure"))
    #expect(r.stdout.contains("<ins>"))
    r = run(redlineBinary, ["diff", "--files", "/nonexistent/a.md", "b.md"])
    #expect(r.status == 2)
    #expect(r.stderr == "redline: error: no file '/nonexistent/a.md'; check the path\n")
    // The two files are read at once; the error is still the first side's that failed.
    r = run(redlineBinary, ["diff", "--files", packageRoot + "/drafts", "/nonexistent/b.md"])
    #expect(r.stderr == "redline: error: '\(packageRoot)/drafts' is a directory; name a .md or .txt file\n")
    r = run(redlineBinary, ["diff", "--files", packageRoot + "/drafts/alke-v2.md", "/nonexistent/b.md"])
    #expect(r.status == 2)
    #expect(r.stderr == "redline: error: no file '/nonexistent/b.md'; check the path\n")
  }

  /// When the old side fails, the new side is not opened: a FIFO there is left alone (a
  /// writer waiting on it stays waiting, and is not cut off).
  @Test func aFailedOldSideLeavesTheNewOneUnopened() throws {
    let d = TempDir("fifo-new")
    let fifo = d.path + "/new.md"
    #expect(mkfifo(fifo, 0o600) == 0)
    let r = run(
      "/bin/sh",
      [
        "-c",
        "( exec 3>\"$1\"; echo opened > \"$2\" ) >/dev/null 2>&1 & w=$!; \"$0\" diff --files \"$3\" \"$1\"; "
          + "s=$?; sleep 0.3; kill -9 $w 2>/dev/null; exit $s",
        redlineBinary, fifo, d.path + "/opened", d.path + "/missing.md",
      ])
    #expect(r.status == 2)
    #expect(r.stderr == "redline: error: no file '\(d.path)/missing.md'; check the path\n")
    #expect(!FileManager.default.fileExists(atPath: d.path + "/opened"), "the FIFO was opened")
  }

  @Test func htmlIsOneSelfContainedFileWrittenAtomically() throws {
    let d = demoRepo()
    let out = d.path + "/muutokset.html"
    let r = run(redlineBinary, ["diff", "v1", "v2", Self.fi, "--format", "html", "-o", out, "--repo", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<del>") && html.contains("<ins>"))
    #expect(!html.contains("<script"))
    #expect(!html.contains("src="))
    #expect(!html.contains("http://") && !html.contains("https://"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: d.path).filter { $0.contains(".tmp-") }
    #expect(leftovers.isEmpty)
    let bad = run(redlineBinary, ["diff", "v1", "v2", Self.fi, "-o", "/nonexistent/dir/x.html", "--repo", d.path])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("folder '/nonexistent/dir' does not exist"))
  }

  /// A repository whose git config sets `redline.lang` to a value Redline cannot use, with
  /// two versions of a one-paragraph draft beside it (`a.md`, `b.md`).
  static func settingsRepository(_ name: String) throws -> TempDir {
    let d = TempDir(name)
    git(d.path, "init", "-q")
    git(d.path, "config", "redline.lang", "klingon")
    try "# 1 Tavoite\n\nAlueet kehittyvät.\n".write(toFile: d.path + "/a.md", atomically: true, encoding: .utf8)
    try "# 1 Tavoite\n\nAlueet kehittyvät nopeasti.\n".write(
      toFile: d.path + "/b.md", atomically: true, encoding: .utf8)
    return d
  }

  /// `redline diff --files ARGS` in `d`, with `REDLINE_PROFILE` (which says whether libgit2 started).
  static func profiledDiff(in d: TempDir, _ args: [String]) -> RunResult {
    run(redlineBinary, ["diff", "--files"] + args, cwd: d.path, env: ["REDLINE_PROFILE": "1"])
  }

  /// Decision 65: a run that uses no git-config setting (two files into JSON, or `--stat`
  /// with `--lang`, into a pipe) does not read them, so libgit2 is never started; a run
  /// that uses one still reads them, and a value it cannot use is still an error.
  @Test func settingsAreReadOnlyWhenSomethingUsesThem() throws {
    let d = try Self.settingsRepository("settings")
    func diff(_ extra: [String]) -> RunResult { Self.profiledDiff(in: d, ["a.md", "b.md"] + extra) }
    for extra in [["--format", "json"], ["--stat", "--lang", "fi"], ["--format", "markdown", "--lang", "sv"]] {
      let r = diff(extra)
      #expect(r.status == 0, "\(extra): \(r.stderr)")
      #expect(r.stderr.contains("[profile] libgit2 started: false"), "\(extra): \(r.stderr)")
      // Nor loaded: libgit2 and the libraries it brings are not even mapped in.
      #expect(r.stderr.contains("[profile] libgit2 loaded: false"), "\(extra): \(r.stderr)")
      #expect(!r.stdout.isEmpty)
    }
    #expect(diff(["--format", "json"]).stdout.contains("\"schema\": \"redline.diff/2\""))
    for extra in [[], ["--stat"], ["--format", "markdown"], ["--lang", "fi"]] {
      let r = diff(extra)
      #expect(r.status == 2, "\(extra): \(r.stdout)")
      #expect(r.stderr.contains("git config redline.lang is 'klingon'; use fi, sv or en"), "\(extra): \(r.stderr)")
      #expect(r.stderr.contains("[profile] libgit2 started: true"), "\(extra): \(r.stderr)")
      #expect(r.stderr.contains("[profile] libgit2 loaded: true"), "\(extra): \(r.stderr)")
    }
    git(d.path, "config", "redline.lang", "sv")
    #expect(diff(["--stat"]).stdout.contains("Avsnitt: 1 ändrat avsnitt"), "the setting still applies when used")
  }

  /// Decision 87: when no config file names a `redline` section or an include, two files
  /// compared into a pipe know every setting is unset without loading libgit2; a setting
  /// in the user's file, or in a file it includes, is still read and used.
  @Test func settingsNamedInNoConfigFileNeedNoLibrary() throws {
    let d = TempDir("no-settings")
    git(d.path, "init", "-q")
    d.write("a.md", "# 1 Tavoite\n\nAlueet kehittyvät.\n")
    d.write("b.md", "# 1 Tavoite\n\nAlueet kehittyvät nopeasti.\n")
    let home = TempDir("no-settings-home")
    let env = ["REDLINE_PROFILE": "1", "HOME": home.path, "XDG_CONFIG_HOME": home.path + "/xdg"]
    func stat() -> RunResult {
      run(redlineBinary, ["diff", "--stat", "--files", "a.md", "b.md"], cwd: d.path, env: env)
    }
    let plain = stat()
    #expect(plain.status == 0 && plain.stdout.contains("1 paragraph changed"), "\(plain.stdout)\(plain.stderr)")
    // This machine's /etc/gitconfig is read too: libgit2 is loaded exactly when the check
    // cannot rule a setting out (on a machine whose system file names none, it is not).
    let may = ConfigFiles.mayMention(
      "redline", from: d.path, environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path + "/xdg"])
    #expect(plain.stderr.contains("[profile] libgit2 loaded: \(may)"), "\(plain.stderr)")
    #expect(plain.stderr.contains("[profile] libgit2 started: \(may)"), "\(plain.stderr)")
    home.write(".gitconfig", "[user]\n\tname = Bo\n[include]\n\tpath = kieli.inc\n")
    home.write("kieli.inc", "[Redline]\n\tlang = sv\n")
    let included = stat()
    #expect(included.stdout.contains("1 ändrat stycke"), "\(included.stdout)\(included.stderr)")
    #expect(included.stderr.contains("[profile] libgit2 started: true"), "\(included.stderr)")
    home.write(".gitconfig", "")
    home.write("xdg/git/config", "[REDLINE]\n\tlang = fi\n")
    #expect(stat().stdout.contains("[muutettu]"))
    home.write("xdg/git/config", "[redline]\n\tlang = de\n")
    let bad = stat()
    #expect(bad.status == 2 && bad.stderr.contains("git config redline.lang is 'de'; use fi, sv or en"))
  }
}
