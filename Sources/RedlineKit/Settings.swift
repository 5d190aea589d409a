import RedlineGit
import RedlineReport

/// When terminal output is coloured: `--color`, or `git config redline.color`.
package enum ColorMode: String, Sendable, CaseIterable {
  /// Colour on a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
  case auto
  case always
  case never

  /// Whether to colour, given the environment and whether standard output is a terminal.
  package func wantsColor(environment: [String: String], isTerminal: Bool) -> Bool {
    switch self {
    case .always: return true
    case .never: return false
    case .auto:
      if let v = environment["NO_COLOR"], !v.isEmpty { return false }
      if environment["TERM"] == "dumb" { return false }
      return isTerminal
    }
  }
}

/// Settings read from git config (`redline.lang`, `redline.author`, `redline.color`);
/// a command-line flag always wins over them.
package struct Settings: Sendable, Equatable {
  /// `redline.lang`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `fi_FI` → fi,
  /// `sv_*` → sv), else English.
  package var language: Localization.Language
  /// `redline.author` ("Name <email>"): who comments when `--author` is not given.
  package var author: String?
  /// `redline.color`, or nil when not set (then `auto`).
  package var color: ColorMode?

  package init(language: Localization.Language = .en, author: String? = nil, color: ColorMode? = nil) {
    self.language = language
    self.author = author
    self.color = color
  }

  /// Reads the settings with `lookup` (a git config reader) and the environment; a value
  /// that is set but not understood is an error naming the key and the accepted values.
  package static func load(
    lookup: (String) throws(RedlineError) -> String?, environment: [String: String]
  ) throws(RedlineError) -> Settings {
    var s = Settings(language: language(fromLocale: environment) ?? .en)
    if let v = try lookup("redline.lang") {
      guard let l = Localization.Language(rawValue: v.lowercased()) else {
        throw .invalidArgument("git config redline.lang is '\(v)'; use fi, sv or en")
      }
      s.language = l
    }
    if let v = try lookup("redline.author"), !v.isEmpty { s.author = v }
    if let v = try lookup("redline.color") {
      guard let c = ColorMode(rawValue: v.lowercased()) else {
        throw .invalidArgument("git config redline.color is '\(v)'; use auto, always or never")
      }
      s.color = c
    }
    return s
  }

  /// Reads the settings of `repository` (its local, global and system config), or only the
  /// global and system config when there is no repository. Without libgit2 on the machine
  /// (decision 72) there is no config to read outside a repository, and the defaults and
  /// the locale apply: comparing two files and `--help` still work.
  package static func load(
    repository: Repository?, environment: [String: String],
    globalLookup: (String) throws(GitError) -> String? = GitConfig.globalString
  ) throws(RedlineError) -> Settings {
    try load(
      lookup: { (key: String) throws(RedlineError) -> String? in
        do throws(GitError) {
          if let repository { return try repository.configString(key) }
          return try globalLookup(key)
        } catch {
          if error.isLibraryMissing && repository == nil { return nil }
          throw .git(error)
        }
      }, environment: environment)
  }

  /// The language the locale names (`fi_FI.UTF-8` → fi, `sv_SE` → sv, `en_GB` → en), or
  /// nil when it names none of them or is unset; `C` and `POSIX` are English.
  package static func language(fromLocale environment: [String: String]) -> Localization.Language? {
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let v = environment[key], !v.isEmpty else { continue }
      let code = v.prefix { $0 != "_" && $0 != "." && $0 != "@" && $0 != "-" }.lowercased()
      if code == "c" || code == "posix" { return .en }
      return Localization.Language(rawValue: code) ?? .en
    }
    return nil
  }
}
