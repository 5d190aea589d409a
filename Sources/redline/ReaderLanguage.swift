import ArgumentParser
import Foundation
import RedlineReport

/// `--lang fi|sv|en`: the language of labels, sentences and dates in an output.
enum ReaderLanguage: String, ExpressibleByArgument, CaseIterable {
  case fi, sv, en

  var localization: Localization.Language { Localization.Language(rawValue: rawValue)! }

  /// The language when `--lang` is not given: `git config redline.lang`, else the locale
  /// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
  static func defaultLanguage() -> Localization.Language { Output.settings.language }
}

extension ReaderLanguage? {
  /// The language `--lang` asked for, else the default (`ReaderLanguage.defaultLanguage()`).
  var orDefault: Localization.Language { self?.localization ?? ReaderLanguage.defaultLanguage() }
}

extension ArgumentHelp {
  /// `--lang`'s help: what it is the language of, then where the default comes from.
  static func readerLanguage(of what: String) -> ArgumentHelp {
    ArgumentHelp("Language of \(what) (default: git config redline.lang, else the locale, else en).")
  }
}

extension ArgumentHelp {
  /// Help for an option that names a block by its label (`--block LABEL`).
  static func label(_ text: String) -> ArgumentHelp { ArgumentHelp(text, valueName: "label") }

  /// Help for an option that quotes words of a block (`--quote TEXT`).
  static func words(_ text: String) -> ArgumentHelp { ArgumentHelp(text, valueName: "text") }

  /// Help for an option that names a section by its number (`--section SECTION`).
  static func section(_ text: String) -> ArgumentHelp { ArgumentHelp(text, valueName: "section") }
}

/// The version a view reads: `REV [PATH]`, the same two arguments for show, outline,
/// history and blame.
struct VersionArguments: ParsableArguments {
  @Argument(help: "The revision: tag, branch, HEAD~1, commit id or WORKTREE.") var revision: String
  @Argument(help: "The document (default: the only document at the revision).") var path: String?
}

/// `--text-lang CODE`: the language of the document's own text, a BCP 47 code such as
/// `fi`, `sv` or `sv-FI`.
func validTextLanguage(_ code: String) -> Bool {
  let parts = code.split(separator: "-", omittingEmptySubsequences: false)
  guard let p = parts.first, (2...3).contains(p.count), p.allSatisfy({ $0.isASCII && $0.isLetter }), parts.count <= 2
  else {
    return false
  }
  return parts.dropFirst().allSatisfy { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } }
}

/// Columns of the terminal on standard output (`COLUMNS` when set), else 80; at most 200.
func terminalWidth() -> Int {
  if let c = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), c > 20 { return min(c, 200) }
  var w = winsize()
  if isatty(STDOUT_FILENO) == 1, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &w) == 0, w.ws_col > 20 {
    return min(Int(w.ws_col), 200)
  }
  return 80
}

/// True when standard output is a terminal.
func stdoutIsTerminal() -> Bool { isatty(STDOUT_FILENO) == 1 }
