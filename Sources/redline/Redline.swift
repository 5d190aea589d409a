import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport

/// The `redline` command: compare versions of a policy document kept in git and run its review.
@main
struct Redline: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "redline",
    abstract: "Compare versions of a long policy document kept in git, section by section.",
    discussion: """
      Drafts live in a git repository (one Markdown or text file per document). Revisions \
      are anything git accepts: tags (v1), branches, HEAD~2, commit ids; WORKTREE is the \
      file on disk. PATH may be left out when the revision holds one document.

      Start with `redline demo`, which builds a throwaway repository from the sample drafts.

      Exit status: 0 success, 1 differences found (diff --exit-code), 2 any error \
      (usage errors too). Colour and paging: --color, --no-pager, NO_COLOR, GIT_PAGER, \
      PAGER. Settings: git config redline.lang, redline.author, redline.color.
      """,
    version: RedlineVersion,
    subcommands: [
      DiffCommand.self, CommentCommand.self, CommentsCommand.self, SummaryCommand.self, LogCommand.self,
      OutlineCommand.self, ShowCommand.self, DemoCommand.self,
      HistoryCommand.self, BlameCommand.self, ParallelCommand.self,
      ServeCommand.self, ReviewersCommand.self,
      ImportCommand.self,
    ]
  )

  /// `redline --repo PATH diff …` works like `redline diff … --repo PATH`.
  /// Moves `--repo PATH` (or `--repo=PATH`) given before the subcommand to after it (before
  /// a `--` if there is one), where every command that reads a repository accepts it.
  static func hoistingGlobalOptions(_ args: [String]) -> [String] {
    var head: [String] = []
    var rest = args[...]
    while let a = rest.first, a.hasPrefix("--repo") {
      if a == "--repo", rest.count >= 2 {
        head += rest.prefix(2)
        rest = rest.dropFirst(2)
      } else if a.hasPrefix("--repo=") {
        head.append(a)
        rest = rest.dropFirst()
      } else {
        break
      }
    }
    guard !head.isEmpty else { return args }
    var out = Array(rest)
    let end = out.firstIndex(of: "--") ?? out.endIndex
    out.insert(contentsOf: head, at: end)
    return out
  }
}

/// Options every command that reads the drafts repository shares.
struct RepositoryOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp("The drafts repository (default: the one holding the current folder).", valueName: "path"))
  var repo: String?

  func open() throws(RedlineError) -> DraftRepository { try DraftRepository(path: repo) }
}

/// Runs a command body; a `RedlineError` becomes one line on stderr and exit status 2.
func runReporting(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let e as RedlineError {
    printError(e.description)
    throw ExitCode(2)
  }
}

/// The one way an error reaches standard error: `redline: error: ` and one line, control
/// characters and newlines from arguments, paths or thread files made visible.
func printError(_ message: String) {
  FileHandle.standardError.write(Data("redline: error: \(TerminalText.oneLine(message))\n".utf8))
}

/// Writes text for a person to standard output, control characters made visible;
/// Redline's own colour sequences are kept only when `styled` (colour was asked for).
func emit(_ s: String, styled: Bool = false) {
  writeStdout(Array(TerminalText.sanitize(s, keepingOwnStyles: styled).utf8))
}

/// Writes bytes to standard output directly (a closed pipe, e.g. `| head`, stops quietly).
func writeStdout(_ bytes: [UInt8]) {
  Output.willWrite()
  OutputFile.writeStandardOutput(bytes)
}
