import Foundation
import RedlineGit
import RedlineKit
import RedlineReport
import Testing

/// The conventions every command follows (docs/conventions.md), through the built binary.
@Suite struct ConventionsTests {
  static let esc = "\u{1B}["

  // MARK: --version

  @Test func versionPrintsThePackageVersion() {
    let r = run(redlineBinary, ["--version"])
    #expect(r.status == 0)
    #expect(r.stdout == RedlineVersion + "\n")
    #expect(r.stderr.isEmpty)
    #expect(RedlineVersion.split(separator: ".").count == 3, "semantic version")
  }

  // MARK: exit statuses

  @Test func exitStatusesFollowTheTable() {
    let d = threeVersionRepo()
    let ok: [[String]] = [
      ["log", "doc.md"], ["--help"], ["help", "diff"], ["diff", "--help"], ["--version"],
      ["diff", "v1", "v1", "doc.md", "--exit-code"], ["--generate-completion-script", "bash"],
    ]
    for args in ok {
      let r = run(redlineBinary, args, cwd: d.path)
      #expect(r.status == 0, "\(args): \(r.stderr)")
      #expect(!r.stdout.isEmpty, "\(args) prints to standard output")
      #expect(r.stderr.isEmpty, "\(args)")
    }
    let differs = run(redlineBinary, ["diff", "v1", "v2", "doc.md", "--exit-code"], cwd: d.path)
    #expect(differs.status == 1)
    #expect(differs.stderr.isEmpty)
    #expect(run(redlineBinary, ["diff", "v1", "v2", "doc.md"], cwd: d.path).status == 0, "1 only with --exit-code")

    // Usage errors exit 2 (not ArgumentParser's 64), as one line naming the help to read.
    let usage: [([String], String)] = [
      (["diff"], "redline: error: missing expected argument '<old>'; see 'redline diff --help'\n"),
      (["--bogus"], "redline: error: unknown option '--bogus'; see 'redline --help'\n"),
      (
        ["diff", "v1", "v2", "--color", "purple"],
        "redline: error: the value 'purple' is invalid for '--color <when>'. Please provide one of 'auto', 'always' or 'never'; see 'redline diff --help'\n"
      ),
      (
        ["comment", "add", "v1", "-m", "x"],
        "redline: error: say what you comment on: --block LABEL and/or --quote TEXT, or --heading SECTION, or --section SECTION; see 'redline comment add --help'\n"
      ),
      (["frobnicate"], "redline: error: unexpected argument 'frobnicate'; see 'redline --help'\n"),
      (
        ["log", "-n", "kaksi"],
        "redline: error: the value 'kaksi' is invalid for '-n <number>'; see 'redline log --help'\n"
      ),
    ]
    for (args, expected) in usage {
      let r = run(redlineBinary, args, cwd: d.path)
      #expect(r.status == 2, "\(args)")
      #expect(r.stderr == expected, "\(args)")
      #expect(r.stdout.isEmpty, "\(args)")
    }
    let missing = run(redlineBinary, ["show", "v9"], cwd: d.path)
    #expect(missing.status == 2)
    #expect(missing.stderr.hasPrefix("redline: error: no revision 'v9'"))
  }

  /// The README's exit-code table is the one the binary follows, and its command list is
  /// the one `--help` shows.
  @Test func readmeTablesMatchHelp() throws {
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    #expect(readme.contains("| 0 | success"))
    #expect(readme.contains("| 1 | differences found (`diff --exit-code`)"))
    #expect(readme.contains("| 2 | any error"))
    let help = run(redlineBinary, ["--help"]).stdout
    #expect(folded(help).contains("Exit status: 0 success, 1 differences found (diff --exit-code), 2 any error"))
    let listed = Set(
      help.components(separatedBy: "SUBCOMMANDS:")[1].split(separator: "\n")
        .filter { $0.hasPrefix("  ") && $0.dropFirst(2).first?.isLetter == true }
        .compactMap { $0.split(separator: " ").first.map(String.init) }
        .filter { $0 != "See" })
    let commands = readme.components(separatedBy: "## Commands")[1].components(separatedBy: "\n## ")[0]
    let documented = Set(
      commands.split(separator: "\n").filter { $0.hasPrefix("redline ") }
        .compactMap { $0.split(separator: " ").dropFirst().first.map(String.init) }
        .filter { $0.first?.isLetter == true })
    #expect(listed.subtracting(["help"]) == documented, "README commands vs --help")
    // Every option a README command line uses is in that command's --help.
    for line in commands.split(separator: "\n").filter({ $0.hasPrefix("redline ") }) {
      let code = line.components(separatedBy: "#")[0]
      let words = code.split(separator: " ").map(String.init)
      let path = ReadmeCommand.path(words.dropFirst())
      let commandHelp = run(redlineBinary, path + ["--help"]).stdout
      for option in words.filter({ $0.hasPrefix("--") || $0.hasPrefix("[--") }) {
        let name = option.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).components(separatedBy: "=")[0]
        #expect(
          commandHelp.contains(name),
          "README: \(line): \(name) is not in `redline \(path.joined(separator: " ")) --help`")
      }
    }
    for option in ["--color", "--no-pager", "--version", "--generate-completion-script", "--exit-code"] {
      #expect(readme.contains(option), "README documents \(option)")
    }
  }

  // MARK: colour

  @Test func colourFollowsFlagConfigEnvironmentAndTerminal() {
    let d = threeVersionRepo()
    func colored(_ r: RunResult) -> Bool { r.stdout.contains(Self.esc) }
    let args = ["diff", "v1", "v2", "doc.md"]
    // Auto: on a terminal yes; on a pipe, with NO_COLOR or TERM=dumb no.
    #expect(colored(runInTerminal(redlineBinary, args, cwd: d.path)))
    #expect(!colored(run(redlineBinary, args, cwd: d.path)))
    #expect(!colored(runInTerminal(redlineBinary, args, cwd: d.path, env: ["NO_COLOR": "1"])))
    #expect(!colored(runInTerminal(redlineBinary, args, cwd: d.path, env: ["TERM": "dumb"])))
    // The flag wins over all of them.
    #expect(colored(run(redlineBinary, args + ["--color", "always"], cwd: d.path)))
    #expect(colored(runInTerminal(redlineBinary, args + ["--color", "always"], cwd: d.path, env: ["NO_COLOR": "1"])))
    #expect(!colored(runInTerminal(redlineBinary, args + ["--color", "never"], cwd: d.path)))
    // git config redline.color, below the flag.
    git(d.path, "config", "redline.color", "always")
    #expect(colored(run(redlineBinary, args, cwd: d.path)))
    #expect(!colored(run(redlineBinary, args + ["--color", "auto"], cwd: d.path)))
    #expect(!colored(run(redlineBinary, args + ["--color", "never"], cwd: d.path)))
    git(d.path, "config", "redline.color", "never")
    #expect(!colored(runInTerminal(redlineBinary, args, cwd: d.path)))
    git(d.path, "config", "redline.color", "sometimes")
    let bad = run(redlineBinary, args, cwd: d.path)
    #expect(bad.status == 2)
    #expect(bad.stderr == "redline: error: git config redline.color is 'sometimes'; use auto, always or never\n")
  }

  @Test func everyPrintingCommandTakesColorAndNoPager() {
    for command in [
      ["diff"], ["log"], ["outline"], ["show"], ["comments"], ["summary"], ["demo"], ["comment", "add"],
      ["comment", "reply"], ["comment", "resolve"], ["comment", "reopen"],
    ] {
      let help = run(redlineBinary, command + ["--help"]).stdout
      #expect(help.contains("--color <when>"), "\(command)")
      #expect(help.contains("--no-pager"), "\(command)")
    }
  }

  // MARK: pager

  @Test func pagerRunsOnlyOnATerminalInGitsOrder() {
    let d = threeVersionRepo()
    let args = ["log", "doc.md"]
    func paged(_ r: RunResult, _ mark: String) -> Bool {
      let lines = r.stdout.split(separator: "\n").filter { !$0.isEmpty }
      return lines.count == 3 && lines.allSatisfy { $0.hasPrefix(mark) }
    }
    let gitPager = ["GIT_PAGER": "sed s/^/G:/", "PAGER": "sed s/^/P:/"]
    #expect(paged(runInTerminal(redlineBinary, args, cwd: d.path, env: gitPager), "G:"), "GIT_PAGER first")
    #expect(paged(runInTerminal(redlineBinary, args, cwd: d.path, env: ["PAGER": "sed s/^/P:/"]), "P:"))
    let direct = runInTerminal(redlineBinary, args + ["--no-pager"], cwd: d.path, env: gitPager)
    #expect(direct.stdout.split(separator: "\n").count == 3)
    #expect(!direct.stdout.contains("G:") && !direct.stdout.contains("P:"), "--no-pager")
    let piped = run(redlineBinary, args, cwd: d.path, env: gitPager)
    #expect(piped.stdout.split(separator: "\n").count == 3)
    #expect(!piped.stdout.contains("G:") && !piped.stdout.contains("P:"), "no pager on a pipe")
    // core.pager sits between GIT_PAGER and PAGER; "cat" means none.
    git(d.path, "config", "core.pager", "sed s/^/C:/")
    #expect(paged(runInTerminal(redlineBinary, args, cwd: d.path, env: ["PAGER": "sed s/^/P:/"]), "C:"))
    #expect(paged(runInTerminal(redlineBinary, args, cwd: d.path, env: gitPager), "G:"))
    let cat = runInTerminal(redlineBinary, args, cwd: d.path, env: ["GIT_PAGER": "cat"])
    #expect(cat.stdout.split(separator: "\n").count == 3)
    #expect(!cat.stdout.contains("C:"))
    // Spaces and tabs around the command are not part of it (Unicode's spaces too).
    let spaced = runInTerminal(redlineBinary, args, cwd: d.path, env: ["GIT_PAGER": "\t cat \u{3000}"])
    #expect(spaced.stdout.split(separator: "\n").count == 3 && !spaced.stdout.contains("C:"), "a padded cat is cat")
    #expect(paged(runInTerminal(redlineBinary, args, cwd: d.path, env: ["GIT_PAGER": " \u{00A0}sed s/^/G:/\t"]), "G:"))
    // Nothing written to standard output (output to a file) starts no pager.
    let out = d.path + "/x.md"
    let quiet = runInTerminal(
      redlineBinary, ["diff", "v1", "v2", "doc.md", "-o", out], cwd: d.path, env: ["GIT_PAGER": "echo PAGED"])
    #expect(!quiet.stdout.contains("PAGED"))
    #expect(FileManager.default.fileExists(atPath: out))
  }

  // MARK: settings from git config

  @Test func settingsComeFromGitConfigAndTheLocale() throws {
    func load(_ config: [String: String], _ env: [String: String] = [:]) throws(RedlineError) -> Settings {
      try Settings.load(lookup: { (key: String) throws(RedlineError) -> String? in config[key] }, environment: env)
    }
    #expect(try load([:]) == Settings(language: .en, author: nil, color: nil))
    #expect(try load([:], ["LANG": "fi_FI.UTF-8"]).language == .fi)
    #expect(try load([:], ["LANG": "sv_FI.UTF-8"]).language == .sv)
    #expect(try load([:], ["LANG": "sv_SE"]).language == .sv)
    #expect(try load([:], ["LANG": "de_DE.UTF-8"]).language == .en)
    #expect(try load([:], ["LANG": "C.UTF-8"]).language == .en)
    #expect(try load([:], ["LANG": "fi_FI.UTF-8", "LC_ALL": "sv_SE.UTF-8"]).language == .sv, "LC_ALL first")
    #expect(try load(["redline.lang": "sv"], ["LANG": "fi_FI.UTF-8"]).language == .sv, "config over locale")
    let s = try load(["redline.lang": "FI", "redline.author": "Aino <aino@example.fi>", "redline.color": "never"])
    #expect(s == Settings(language: .fi, author: "Aino <aino@example.fi>", color: .never))
    #expect(throws: RedlineError.self) { try load(["redline.lang": "de"]) }
    do {
      _ = try load(["redline.lang": "de"])
    } catch {
      #expect(error.description == "git config redline.lang is 'de'; use fi, sv or en")
    }
  }

  /// Decision 72: without libgit2 there is no git config to read outside a repository,
  /// so the defaults and the locale apply (comparing two files and `--help` still work);
  /// any other failure to read the config is still an error.
  @Test func withoutLibgit2TheDefaultsApplyOutsideARepository() throws {
    let missing = GitError(
      code: -1, message: "libgit2 1.5 cannot be loaded (not found); install it", function: "dlopen")
    let s = try Settings.load(
      repository: nil, environment: ["LANG": "sv_FI.UTF-8"],
      globalLookup: { (_: String) throws(GitError) -> String? in throw missing })
    #expect(s == Settings(language: .sv, author: nil, color: nil))
    let broken = GitError(code: -1, message: "failed to parse config file", function: "git_config_open_default")
    #expect(throws: RedlineError.self) {
      try Settings.load(
        repository: nil, environment: [:], globalLookup: { (_: String) throws(GitError) -> String? in throw broken })
    }
  }

  @Test func configIsReadThroughLibgit2() throws {
    let d = threeVersionRepo()
    git(d.path, "config", "redline.lang", "sv")
    git(d.path, "config", "redline.author", "Åsa Granskare <asa@example.se>")
    let repo = try Repository(discoverFrom: d.path)
    #expect(try repo.configString("redline.lang") == "sv")
    #expect(try repo.configString("redline.author") == "Åsa Granskare <asa@example.se>")
    #expect(try repo.configString("redline.color") == nil)
    let s = try Settings.load(repository: repo, environment: ["LANG": "fi_FI.UTF-8"])
    #expect(s == Settings(language: .sv, author: "Åsa Granskare <asa@example.se>", color: nil))
  }

  /// Two files compared into a pipe read `redline.lang` and `redline.color` on another
  /// thread while the files are compared (issue 14): the same settings, the same errors in
  /// the same order, and a bad setting still stops the run before anything is written.
  @Test func settingsOfAFilesComparisonAreReadWhileComparing() throws {
    let d = threeVersionRepo()
    d.write("a.md", "# A\n\n## 1 Yksi\n\nTeksti.\n")
    d.write("b.md", "# A\n\n## 1 Yksi\n\nTeksti muuttui.\n")
    let stat = ["diff", "--stat", "--files", "a.md", "b.md"]
    #expect(run(redlineBinary, stat, cwd: d.path).stdout.contains("paragraph changed"))
    git(d.path, "config", "redline.lang", "sv")
    let sv = run(redlineBinary, stat, cwd: d.path)
    #expect(sv.status == 0 && sv.stdout.contains("1 ändrat stycke") && sv.stdout.contains("[ändrad]"), "\(sv.stdout)")
    #expect(run(redlineBinary, stat + ["--lang", "fi"], cwd: d.path).stdout.contains("[muutettu]"))
    let markdown = run(redlineBinary, ["diff", "--format", "markdown", "--files", "a.md", "b.md"], cwd: d.path)
    #expect(markdown.stdout.contains("ändrat stycke"), "\(markdown.stdout)")
    // The colour setting, below the flag, read the same way.
    let plain = ["diff", "--files", "a.md", "b.md"]
    #expect(!run(redlineBinary, plain, cwd: d.path).stdout.contains(Self.esc))
    git(d.path, "config", "redline.color", "always")
    #expect(run(redlineBinary, plain, cwd: d.path).stdout.contains(Self.esc))
    #expect(!run(redlineBinary, plain + ["--color", "never"], cwd: d.path).stdout.contains(Self.esc))
    git(d.path, "config", "redline.lang", "de")
    let out = d.path + "/stat.txt"
    let bad = run(redlineBinary, stat + ["-o", out], cwd: d.path)
    #expect(bad.status == 2)
    #expect(bad.stderr == "redline: error: git config redline.lang is 'de'; use fi, sv or en\n")
    #expect(bad.stdout.isEmpty && !FileManager.default.fileExists(atPath: out), "nothing written")
    // A bad setting is reported before an unreadable file or an unknown section, as when
    // the settings were read first; without it, those errors are.
    let missing = ["diff", "--stat", "--files", "a.md", "nope.md"]
    let section = ["diff", "--stat", "--files", "a.md", "b.md", "--section", "9"]
    for args in [missing, section] {
      let r = run(redlineBinary, args, cwd: d.path)
      #expect(r.status == 2 && r.stderr == bad.stderr, "\(args): \(r.stderr)")
    }
    git(d.path, "config", "--unset", "redline.lang")
    let noFile = run(redlineBinary, missing, cwd: d.path)
    #expect(noFile.status == 2 && noFile.stderr.contains("nope.md"), "\(noFile.stderr)")
    let noSection = run(redlineBinary, section, cwd: d.path)
    #expect(noSection.status == 2 && noSection.stderr.contains("9"), "\(noSection.stderr)")
  }

  @Test func commentAuthorComesFromRedlineAuthorUnlessGiven() throws {
    let d = threeVersionRepo()
    let home = TempDir("home")  // no ~/.gitconfig, so no user.name
    let env = ["HOME": home.path, "XDG_CONFIG_HOME": home.path]
    let noUser = run(
      redlineBinary, ["comment", "add", "v1", "doc.md", "--block", "§1 ¶1", "-m", "x"], cwd: d.path, env: env)
    #expect(noUser.status == 2, "no author anywhere")
    git(d.path, "config", "redline.author", "Aino Arvioija <aino@example.fi>")
    let r = run(
      redlineBinary, ["comment", "add", "v1", "doc.md", "--block", "§1 ¶1", "-m", "Kommentti"], cwd: d.path, env: env)
    #expect(r.status == 0, "\(r.stderr)")
    let flag = run(
      redlineBinary,
      ["comment", "add", "v1", "doc.md", "--block", "§1 ¶1", "-m", "Toinen", "--author", "Bo <bo@example.se>"],
      cwd: d.path, env: env)
    #expect(flag.status == 0, "\(flag.stderr)")
    let files = try FileManager.default.contentsOfDirectory(atPath: d.path + "/reviews").filter {
      $0.hasSuffix(".jsonl")
    }
    let texts = try files.map { try String(contentsOfFile: d.path + "/reviews/" + $0, encoding: .utf8) }
    #expect(texts.count == 2)
    #expect(texts.filter { $0.contains("Aino Arvioija") && $0.contains("Kommentti") }.count == 1)
    #expect(
      texts.filter { $0.contains("\"Bo\"") && $0.contains("Toinen") && !$0.contains("Aino") }.count == 1,
      "the flag wins")
  }

  // MARK: completions and the manual

  @Test func completionScriptsOfferTheClosedSets() {
    let zsh = run(redlineBinary, ["--generate-completion-script", "zsh"])
    #expect(zsh.status == 0)
    #expect(zsh.stdout.contains("'auto' 'always' 'never'"))
    #expect(zsh.stdout.contains("'terminal' 'markdown' 'html' 'json'"))
    let bash = run(redlineBinary, ["--generate-completion-script", "bash"])
    #expect(bash.status == 0)
    for sub in ["diff", "comment", "comments", "summary", "log", "outline", "show", "demo"] {
      #expect(bash.stdout.contains(sub), "\(sub)")
    }
    let fish = run(redlineBinary, ["--generate-completion-script", "fish"])
    #expect(fish.status == 0)
    #expect(fish.stdout.contains("redline"))
  }

  /// The manual (`make man`) is generated from this dump of every command and option.
  @Test func helpDumpForTheManualListsEveryCommand() throws {
    let r = run(redlineBinary, ["--experimental-dump-help"])
    #expect(r.status == 0)
    let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    let command = try #require(obj["command"] as? [String: Any])
    let subs = try #require(command["subcommands"] as? [[String: Any]]).compactMap { $0["commandName"] as? String }
    #expect(Set(subs).isSuperset(of: ["diff", "comment", "comments", "summary", "log", "outline", "show", "demo"]))
  }

  @Test func languageIsAClosedSetOnTheCommandLine() {
    let help = run(redlineBinary, ["summary", "--help"]).stdout
    #expect(folded(help).contains("(default: git config redline.lang, else the locale, else en). (values: fi, sv, en)"))
  }
}

/// `s` with every run of whitespace folded to one space (help text wraps at 80 columns).
func folded(_ s: String) -> String {
  s.split(whereSeparator: \.isWhitespace).joined(separator: " ")
}

/// The subcommand path a README command line names (`comment add` from `comment add v1 …`).
enum ReadmeCommand {
  static let nested = ["comment": ["add", "reply", "resolve", "reopen"]]

  static func path(_ words: ArraySlice<String>) -> [String] {
    guard let first = words.first, first.first?.isLetter == true else { return [] }
    if let subs = nested[first], let second = words.dropFirst().first, subs.contains(second) { return [first, second] }
    return [first]
  }
}
