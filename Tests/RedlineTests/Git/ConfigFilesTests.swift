import Foundation
import RedlineGit
import Testing

/// Decision 87: whether any config file could set a `redline.*` key, told from the files'
/// bytes so that two files compared into a pipe need not load libgit2 to find none set.
/// Every doubt must answer "may"; only a layout in which no file libgit2 reads names the
/// section or an include answers "no".
@Suite struct ConfigFilesTests {
  /// A home, an XDG folder, a system file and a repository with a subfolder, in one place.
  struct Layout {
    let root = TempDir("config-files")
    var home: String { root.path + "/home" }
    var xdg: String { root.path + "/xdg" }
    var system: String { root.path + "/etc-gitconfig" }
    var repo: String { root.path + "/work/repo" }
    var inside: String { repo + "/drafts/2027" }
    var environment: [String: String] { ["HOME": home, "XDG_CONFIG_HOME": xdg] }

    init() {
      root.write("home/.gitconfig", "[user]\n\tname = Åsa Granskare\n\temail = asa@example.se\n")
      root.write("etc-gitconfig", "[core]\n\texcludesFile = /etc/gitignore\n")
      root.write("work/repo/.git/config", "[core]\n\tbare = false\n[remote \"origin\"]\n\turl = ../origin.git\n")
      root.write("work/repo/.git/HEAD", "ref: refs/heads/main\n")
      for folder in ["objects", "refs/heads"] {  // a repository git itself opens
        try! FileManager.default.createDirectory(
          atPath: root.path + "/work/repo/.git/" + folder, withIntermediateDirectories: true)
      }
      root.write("work/repo/drafts/2027/alke.md", "# ALKE\n")
    }

    func may(from path: String? = nil) -> Bool {
      ConfigFiles.mayMention(
        "redline", from: path ?? inside, environment: environment, systemFile: system, accountHome: nil)
    }

    func write(_ path: String, _ text: String) {
      try! FileManager.default.createDirectory(
        atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    func remove(_ path: String) { try! FileManager.default.removeItem(atPath: path) }
  }

  @Test func filesThatNameNeitherTheSectionNorAnIncludeNeedNoLibrary() {
    let l = Layout()
    #expect(!l.may(), "inside the repository")
    #expect(!l.may(from: l.repo))
    #expect(!l.may(from: l.root.path), "outside any repository: the user's and the system's files")
  }

  /// Each file libgit2 reads, naming the section in any letter case or including another
  /// file, makes the answer "may"; taken away again, "no".
  @Test func anyFileThatNamesTheSectionOrAnIncludeMay() {
    let l = Layout()
    let cases: [(String, String)] = [
      (l.repo + "/.git/config", "[core]\n\tbare = false\n[ReDLine]\n\tlang = sv\n"),
      (l.repo + "/.git/config.worktree", "[redline \"luonnos\"]\n\tx = 1\n"),
      (l.home + "/.gitconfig", "[user]\n\tname = Bo\n[include]\n\tpath = more.inc\n"),
      (l.home + "/.config/git/config", "[includeIf \"gitdir:~/work/\"]\n\tpath = work.inc\n"),
      (l.xdg + "/git/config", "[REDLINE]lang=fi"),
      (l.system, "[core]\n\tpager = less\n[Include]\n\tpath = /etc/more\n"),
      (l.root.path + "/work/.git/config", "[redline]\n\tcolor = never\n"),  // a repository further up
    ]
    for (file, text) in cases {
      let old = try? String(contentsOfFile: file, encoding: .utf8)
      l.write(file, text)
      #expect(l.may(), "\(file)")
      if let old { l.write(file, old) } else { l.remove(file) }
      #expect(!l.may(), "\(file) restored")
    }
  }

  /// What cannot be told from the files answers "may": a `.git` file (a linked worktree or
  /// a submodule: the config is elsewhere), a `commondir`, a path that does not resolve, a
  /// config that cannot be read; and a bare repository's own config is read.
  @Test func whatCannotBeToldMay() {
    let l = Layout()
    l.write(l.repo + "/drafts/sub/.git", "gitdir: ../../.git/modules/sub\n")
    #expect(l.may(from: l.repo + "/drafts/sub"))
    #expect(!l.may(), "a sibling folder is not inside the submodule")
    l.write(l.repo + "/.git/commondir", "../..\n")
    #expect(l.may())
    l.remove(l.repo + "/.git/commondir")
    #expect(l.may(from: l.root.path + "/no/such/folder"))
    try! FileManager.default.createDirectory(atPath: l.home + "/.config/git/config", withIntermediateDirectories: true)
    #expect(l.may(), "a config that is a folder cannot be read")
    l.remove(l.home + "/.config/git/config")
    #expect(!l.may())
    // A bare repository: its folder holds HEAD and config.
    let bare = l.root.path + "/bare.git"
    l.write(bare + "/HEAD", "ref: refs/heads/main\n")
    l.write(bare + "/config", "[core]\n\tbare = true\n")
    try! FileManager.default.createDirectory(atPath: bare + "/refs/heads", withIntermediateDirectories: true)
    #expect(!l.may(from: bare + "/refs/heads"))
    l.write(bare + "/config", "[core]\n\tbare = true\n[redline]\n\tlang = sv\n")
    #expect(l.may(from: bare + "/refs/heads"))
  }

  /// The byte search against a plain reference: needles at the start, the end, cut off by
  /// the end, absent, and longer than the text.
  @Test func searchFindsWhatAPlainScanFinds() {
    var rng = SeededRandom(seed: 870)
    let alphabet: [UInt8] = Array("rednil ".utf8)
    for _ in 0..<2_000 {
      let hay = (0..<Int.random(in: 0...24, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
      let needle = (0..<Int.random(in: 1...4, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
      let reference =
        hay.count >= needle.count
        && (0...(hay.count - needle.count)).contains { Array(hay[$0..<$0 + needle.count]) == needle }
      #expect(ConfigFiles.contains(hay, needle) == reference, "\(hay) \(needle)")
    }
  }

  /// Against git itself: for generated layouts of a repository config, a global and an
  /// XDG file (sections in mixed case, includes, comments, values naming Redline), the
  /// answer "no" is given only where git finds no `redline.*` key; and both answers occur.
  @Test func noIsGivenOnlyWhereGitFindsNoKey() {
    let pieces = [
      "[core]\n\tautocrlf = false\n", "[user]\n\tname = Aino Arvioija\n", "# kommentti\n",
      "[Redline]\n\tlang = sv\n", "[REDLINE]\n\tcolor = never\n", "[redline \"x\"]\n\ty = 1\n",
      "[include]\n\tpath = extra.inc\n", "[alias]\n\trl = !redline diff\n", "[remote \"origin\"]\n\turl = x\n",
    ]
    var rng = SeededRandom(seed: 87)
    let clean = pieces.filter { !$0.lowercased().contains("redline") && !$0.contains("include") }
    var answers: Set<Bool> = []
    for round in 0..<24 {
      let l = Layout()
      let files = [l.repo + "/.git/config", l.home + "/.gitconfig", l.xdg + "/git/config"]
      for file in files {
        let n = Int.random(in: 0...3, using: &rng)
        let from = round % 4 == 0 ? clean : pieces  // every fourth layout names nothing
        l.write(file, (0..<n).map { _ in from.randomElement(using: &rng)! }.joined())
      }
      l.write(l.home + "/extra.inc", round % 2 == 0 ? "[redline]\n\tlang = fi\n" : "[core]\n\tquotePath = off\n")
      l.write(l.repo + "/.git/extra.inc", round % 3 == 0 ? "[redline]\n\tlang = fi\n" : "")
      l.write(l.xdg + "/git/extra.inc", round % 5 == 0 ? "[redline]\n\tlang = fi\n" : "")
      // The test environment points git at no global file; here it reads the layout's.
      let git = run(
        "/usr/bin/git", ["config", "--get-regexp", "^redline\\."], cwd: l.inside,
        env: l.environment.merging(["GIT_CONFIG_GLOBAL": ""]) { a, _ in a })
      #expect(git.status == 0 || git.status == 1, "\(git.stderr)")
      let found = git.stdout
      let may = l.may()
      answers.insert(may)
      if !may { #expect(found.isEmpty, "round \(round): git finds \(found)") }
      if !found.isEmpty { #expect(may, "round \(round)") }
    }
    #expect(answers == [true, false], "both answers occur")
  }
}
