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
  try emitView(
    Array((output == nil ? TerminalText.sanitize(text, keepingOwnStyles: styled) : text).utf8), output: output)
}

/// Colour for a view's terminal format: never into a file, else `--color` (and
/// `redline.color`, NO_COLOR, TERM=dumb, a terminal) as for every other command.
func viewColor(_ output: String?, _ display: DisplayOptions) -> Bool {
  output == nil && display.useColor
}

/// `--format` and `-o/--output` of the views (`history`, `blame`, `parallel`).
struct ViewOutputOptions: ParsableArguments {
  @Option(name: .long, help: "Output format: terminal, markdown, html or json.") var format: ViewFormat = .terminal
  @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  /// Renders the view in `format` and writes it to `-o FILE` or standard output. Terminal
  /// text is coloured per `viewColor`; on standard output control characters are made
  /// visible (Redline's own colour kept only when colouring); with `wrap`, plain text on a
  /// terminal is wrapped to its width (colour is left to the terminal).
  func emit(
    _ display: DisplayOptions, wrap: Bool = true, json: () -> [UInt8], html: () -> String,
    text: (DiffText.Style) -> String
  ) throws {
    switch format {
    case .json: try emitView(json(), output: output)
    case .html: try emitViewText(html(), output: output, styled: false)
    case .markdown: try emitViewText(text(.markdown), output: output, styled: false)
    case .terminal:
      let color = viewColor(output, display)
      let plain = text(color ? .color : .plain)
      let shown =
        !wrap || color || output != nil || !stdoutIsTerminal()
        ? plain : TextWrap.wrapLines(plain, width: terminalWidth())
      try emitViewText(shown, output: output, styled: color)
    }
  }

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
  @Option(name: .long, help: .label("The paragraph's label at REV, e.g. '§3.3 ¶1'.")) var block: String?
  @Option(name: .long, help: .words("Words of the paragraph at REV (it must be the only one containing them)."))
  var quote: String?
  @OptionGroup var view: ViewOutputOptions
  @OptionGroup var version: VersionArguments

  func validate() throws {
    if (block == nil) == (quote == nil) {
      throw ValidationError("say which paragraph: --block '§2.1 ¶3' or --quote 'words in it' (one of them)")
    }
  }

  func run() throws {
    var broken: [String] = []
    try runReporting {
      let h = try repository.open().history(revision: version.revision, path: version.path, block: block, quote: quote)
      broken = h.threadErrors
      try view.emit(display, json: { HistoryRenderer.json(h) }, html: { HistoryRenderer.html(h) }) {
        HistoryRenderer.text(h, style: $0)
      }
    }
    // Like `comments`: a thread file that cannot be read is named, and the run fails.
    if !broken.isEmpty {
      for e in broken { printError(e) }
      throw ExitCode(2)
    }
  }
}
