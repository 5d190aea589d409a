import ArgumentParser
import Foundation
import RedlineDocument
import RedlineKit
import RedlineReport

/// Redline called by git rather than by a person:
/// - `GIT_EXTERNAL_DIFF=redline git diff`, or `diff.redline.command = redline` with
///   `*.md diff=redline` in `.gitattributes`: `path old-file old-hex old-mode new-file
///   new-hex new-mode` (plus `new-path rename-info` after a rename; only `path` for an
///   unmerged file);
/// - `git difftool -x redline`: `LOCAL REMOTE`, like `redline diff --files`.
enum ExternalDiff {
  enum Call: Equatable {
    case unmerged(path: String)
    case diff(path: String, oldFile: String, oldHex: String, newFile: String, newHex: String, newPath: String)
    case files(String, String)
  }

  static func isMode(_ s: String) -> Bool { s == "." || (s.count == 6 && s.allSatisfy { ("0"..."7").contains($0) }) }
  static func isHex(_ s: String) -> Bool {
    s == "." || ((s.count == 40 || s.count == 64) && s.allSatisfy(\.isHexDigit))
  }

  /// The subcommand names, which are never file arguments.
  static var commandNames: Set<String> {
    Set(Redline.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"])
  }

  /// How git called us, or nil for an ordinary command line.
  static func recognize(_ args: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> Call?
  {
    if (args.count == 7 || args.count == 9), isHex(args[2]), isMode(args[3]), isHex(args[5]), isMode(args[6]) {
      return .diff(
        path: args[0], oldFile: args[1], oldHex: args[2], newFile: args[4], newHex: args[5],
        newPath: args.count == 9 ? args[7] : args[0])
    }
    if args.count == 1, environment["GIT_DIFF_PATH_TOTAL"] != nil, !commandNames.contains(args[0]),
      !args[0].hasPrefix("-")
    {
      return .unmerged(path: args[0])
    }
    if args.count == 2, args.allSatisfy({ !$0.hasPrefix("-") }), !commandNames.contains(args[0]) {
      var dir: ObjCBool = false
      let bothFiles = args.allSatisfy {
        FileManager.default.fileExists(atPath: $0, isDirectory: &dir) && !dir.boolValue
      }
      if bothFiles { return .files(args[0], args[1]) }
    }
    return nil
  }

  /// Runs a call from git; returns the exit status (0 unless a document cannot be read,
  /// since git stops at an external diff that fails).
  static func run(_ call: Call) -> Int32 {
    let env = ProcessInfo.processInfo.environment
    let noColor = (env["NO_COLOR"].map { !$0.isEmpty } ?? false)
    let color = !noColor && (isatty(STDOUT_FILENO) == 1 || env["GIT_PAGER_IN_USE"] == "true")
    do {
      let c: Comparison
      switch call {
      case .unmerged(let path):
        writeStdout(Array("* Unmerged path \(TerminalText.oneLine(path))\n".utf8))
        return 0
      case .files(let a, let b):
        c = try compareInputs(a, b)
      case .diff(let path, let oldFile, let oldHex, let newFile, let newHex, let newPath):
        guard DocumentLoader.isDocumentPath(newPath) else {
          let shown = TerminalText.oneLine(newPath)
          writeStdout(Array("\(shown): not a document Redline compares (.md, .markdown, .txt); not shown\n".utf8))
          return 0
        }
        // git passes `.` or zeros for a side that is not a stored blob (absent, or the working tree).
        func blob(_ h: String) -> String? { h == "." || h.allSatisfy { $0 == "0" } ? nil : h }
        // The names git passes are shown on one line, inert (a file name may hold a newline or ESC).
        let shownPath = TerminalText.oneLine(path)
        let shownNewPath = TerminalText.oneLine(newPath)
        let old = VersionRef(revision: "a/" + shownPath, commit: blob(oldHex), path: shownPath)
        let new = VersionRef(revision: "b/" + shownNewPath, commit: blob(newHex), path: shownNewPath)
        c = try compareInputs(oldFile, newFile, documentPath: shownNewPath, oldRef: old, newRef: new)
      }
      let text = DiffText.render(c.diff, old: c.oldRef, new: c.newRef, style: color ? .color : .plain)
      writeStdout(Array(TerminalText.sanitize(text, keepingOwnStyles: color).utf8))
      ProcessEnd.keep(c)  // freed by the exit (ProcessEnd)
      return 0
    } catch {
      printError(error.description)
      return 2
    }
  }
}
