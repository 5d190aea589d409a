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

  /// The environment as libgit2 reads it: an empty `HOME` or `XDG_CONFIG_HOME` names a
  /// folder relative to the current one, and a value with `:` a list; both answer "may".
  /// Set-uid, the password entry's home is read, and one that cannot be told answers
  /// "may". A config that is a device is read as libgit2 reads it (its size, nothing),
  /// not to an end that never comes.
  @Test func theEnvironmentAndDevicesAsLibgit2ReadsThem() throws {
    let l = Layout()
    func may(_ env: [String: String], accountHome: String? = nil) -> Bool {
      ConfigFiles.mayMention(
        "redline", from: l.inside, environment: env, systemFile: l.system, accountHome: accountHome)
    }
    #expect(!may(["HOME": l.home]))
    #expect(!may([:]), "no HOME: libgit2 has no user file")
    for env in [
      ["HOME": ""], ["HOME": l.home, "XDG_CONFIG_HOME": ""], ["HOME": "/nonexistent:" + l.home],
      ["HOME": l.home, "XDG_CONFIG_HOME": "/nonexistent:" + l.xdg],
    ] {
      #expect(may(env), "\(env)")
    }
    let account = l.root.path + "/account"
    l.write(account + "/.gitconfig", "[user]\n\tname = Bo\n")
    #expect(!may(["HOME": l.home], accountHome: account))
    l.write(account + "/.config/git/config", "[redline]\n\tlang = sv\n")
    #expect(may(["HOME": l.home], accountHome: account))
    #expect(may(["HOME": l.home], accountHome: ""), "a home that cannot be told")
    for device in ["/dev/null", "/dev/zero"] {
      try? FileManager.default.removeItem(atPath: l.home + "/.gitconfig")
      try FileManager.default.createSymbolicLink(atPath: l.home + "/.gitconfig", withDestinationPath: device)
      #expect(!l.may(), "\(device) holds no setting, and is not read to its end")
    }
  }

  /// Against libgit2 itself: for generated layouts (a `[Redline]` section in the
  /// repository's config, the user's file, the XDG file, a file the user's includes, or
  /// a file relative to the current folder; `HOME` and `XDG_CONFIG_HOME` set, unset,
  /// empty or listing folders), two files compared into a pipe print the same with the
  /// check as with it turned off (`REDLINE_NO_CONFIG_PRECHECK`, every setting read through
  /// libgit2); and both languages, and both a loaded and an unloaded libgit2, occur.
  @Test func theCheckNeverChangesWhatLibgit2Reads() throws {
    let places = ["none", "repository", "home", "home XDG", "XDG", "include", "relative XDG", "relative home"]
    var rng = SeededRandom(seed: 87)
    var languages: Set<Bool> = []
    var loaded: Set<Bool> = []
    for round in 0..<32 {
      let l = Layout()
      let drafts = l.root.path + "/work/repo/drafts"
      l.write(drafts + "/a.md", "# 1 Tavoite\n\nAlueet kehittyvät.\n")
      l.write(drafts + "/b.md", "# 1 Tavoite\n\nAlueet kehittyvät nopeasti.\n")
      let section = "[core]\n\tquotePath = off\n[Redline]\n\tlang = sv\n"
      switch places[round % places.count] {
      case "repository": l.write(l.repo + "/.git/config", "[core]\n\tbare = false\n" + section)
      case "home": l.write(l.home + "/.gitconfig", section)
      case "home XDG": l.write(l.home + "/.config/git/config", section)
      case "XDG": l.write(l.xdg + "/git/config", section)
      case "include":
        l.write(l.home + "/.gitconfig", "[include]\n\tpath = kieli.inc\n")
        l.write(l.home + "/kieli.inc", section)
      case "relative XDG": l.write(drafts + "/git/config", section)
      case "relative home": l.write(drafts + "/.config/git/config", section)
      default: break
      }
      var env = testEnvironment(["REDLINE_PROFILE": "1"])
      if round < places.count {  // each place once with variables that need no doubt
        env["HOME"] = l.home
        env["XDG_CONFIG_HOME"] = places[round] == "home XDG" ? nil : l.xdg
      } else {
        env["HOME"] = [l.home, l.home, l.home, "", "/nonexistent:" + l.home].randomElement(using: &rng)!
        env["XDG_CONFIG_HOME"] = [nil, nil, l.xdg, "", "/nonexistent:" + l.xdg].randomElement(using: &rng)!
      }
      let checked = Self.stat(in: drafts, environment: env)
      env["REDLINE_NO_CONFIG_PRECHECK"] = "1"
      let read = Self.stat(in: drafts, environment: env)
      let setting = "\(places[round % places.count]), HOME=\(env["HOME"]!), XDG=\(env["XDG_CONFIG_HOME"] ?? "unset")"
      #expect(checked.status == read.status && checked.stdout == read.stdout, "\(setting): \(checked.stdout)")
      #expect(read.stderr.contains("libgit2 loaded: true"), "\(setting)")
      languages.insert(checked.stdout.contains("ändrat"))
      loaded.insert(checked.stderr.contains("libgit2 loaded: true"))
    }
    #expect(languages == [true, false] && loaded == [true, false], "both answers occur")
  }

  /// `redline diff --stat --files a.md b.md` in `folder` with exactly `environment` (an
  /// empty value stays set).
  static func stat(in folder: String, environment: [String: String]) -> RunResult {
    run(redlineBinary, ["diff", "--stat", "--files", "a.md", "b.md"], cwd: folder, exactly: environment)
  }
}
