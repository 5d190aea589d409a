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
      """,
    subcommands: [
      DiffCommand.self, CommentCommand.self, CommentsCommand.self, SummaryCommand.self, LogCommand.self, OutlineCommand.self, ShowCommand.self, DemoCommand.self,
      ImportCommand.self,
    ]
  )
}

/// Options every command that reads the drafts repository shares.
struct RepositoryOptions: ParsableArguments {
  @Option(name: .long, help: ArgumentHelp("The drafts repository (default: the one holding the current folder).", valueName: "path"))
  var repo: String?

  func open() throws(RedlineError) -> DraftRepository { try DraftRepository(path: repo) }
}

/// Runs a command body; a `RedlineError` becomes one line on stderr and exit status 2.
func runReporting(_ body: () throws -> Void) throws {
  do {
    try body()
  } catch let e as RedlineError {
    FileHandle.standardError.write(Data("redline: error: \(TerminalText.sanitize(e.description))\n".utf8))
    throw ExitCode(2)
  }
}

/// Writes text for a person to standard output, control characters made visible.
func emit(_ s: String) {
  FileHandle.standardOutput.write(Data(TerminalText.sanitize(s).utf8))
}

/// Writes bytes to standard output directly (no intermediate copy of large outputs).
func writeStdout(_ bytes: [UInt8]) {
  bytes.withUnsafeBytes { buf in
    var off = 0
    while off < buf.count {
      let n = write(STDOUT_FILENO, buf.baseAddress! + off, buf.count - off)
      if n <= 0 {
        if n < 0 && errno == EINTR { continue }
        return  // closed pipe (e.g. `| head`): stop quietly
      }
      off += n
    }
  }
}
