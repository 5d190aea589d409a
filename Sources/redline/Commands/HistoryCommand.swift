import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport

/// Output formats of the history, blame and parallel views.
enum ViewFormat: String, ExpressibleByArgument, CaseIterable {
  case terminal, markdown, html, json
}

/// Writes a view's output to `-o FILE` (atomically) or standard output.
func emitView(_ bytes: [UInt8], output: String?) throws {
  if let output { try writeAtomically(bytes, to: output) } else { writeStdout(bytes) }
}

/// Writes a view's text (terminal, Markdown or HTML) to `-o FILE` or standard output; on
/// standard output control characters are made visible, Redline's own colour kept only
/// when `styled`.
func emitViewText(_ text: String, output: String?, styled: Bool) throws {
  try emitView(Array((output == nil ? TerminalText.sanitize(text, keepingOwnStyles: styled) : text).utf8), output: output)
}

/// Colour for a view's terminal format: never into a file, else `--color` (and
/// `redline.color`, NO_COLOR, TERM=dumb, a terminal) as for every other command.
func viewColor(_ output: String?, _ display: DisplayOptions) -> Bool {
  output == nil && display.useColor
}

struct HistoryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "history",
    abstract: "Every version that changed one paragraph, back to the one that created it.",
    discussion: """
      Follows the paragraph through moves, renamed sections, merges and splits. Each change \
      shows the version (tag), author, date (d.M.yyyy), commit, the word changes, and the \
      comment threads made on the paragraph before it.

      Examples:
        redline history v3 --block '§3.3 ¶1'
        redline history HEAD --quote 'Rajaliikenteen sulkeminen' --format html
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var display: DisplayOptions
  @Option(name: .long, help: ArgumentHelp("The paragraph's label at REV, e.g. '§3.3 ¶1'.", valueName: "label")) var block: String?
  @Option(name: .long, help: ArgumentHelp("Words of the paragraph at REV (it must be the only one containing them).", valueName: "text"))
  var quote: String?
  @Option(name: .long, help: "Output format: terminal, markdown, html or json.") var format: ViewFormat = .terminal
  @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
  var output: String?
  @Argument(help: "The revision: tag, branch, HEAD~1, commit id or WORKTREE.") var revision: String
  @Argument(help: "The document (default: the only document at the revision).") var path: String?

  func validate() throws {
    if (block == nil) == (quote == nil) { throw ValidationError("say which paragraph: --block '§2.1 ¶3' or --quote 'words in it' (one of them)") }
  }

  func run() throws {
    var broken: [String] = []
    try runReporting {
      let h = try repository.open().history(revision: revision, path: path, block: block, quote: quote)
      broken = h.threadErrors
      let color = viewColor(output, display)
      switch format {
      case .json: try emitView(HistoryRenderer.json(h), output: output)
      case .html: try emitViewText(HistoryRenderer.html(h), output: output, styled: false)
      case .markdown: try emitViewText(HistoryRenderer.text(h, style: .markdown), output: output, styled: false)
      case .terminal:
        // Plain text on a terminal is wrapped to its width (colour is left to the terminal).
        let plain = HistoryRenderer.text(h, style: color ? .color : .plain)
        let text = color || output != nil || !stdoutIsTerminal() ? plain : TextWrap.wrapLines(plain, width: terminalWidth())
        try emitViewText(text, output: output, styled: color)
      }
    }
    // Like `comments`: a thread file that cannot be read is named, and the run fails.
    if !broken.isEmpty {
      for e in broken { printError(e) }
      throw ExitCode(2)
    }
  }
}
