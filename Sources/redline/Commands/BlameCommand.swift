import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport

struct BlameCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "blame",
    abstract: "For every paragraph, the version and author that last changed its text.",
    discussion: """
      Also lists the comment threads made on each paragraph before that change (the ones \
      the change may answer). Moves and renumbering do not count as changes.

      Examples:
        redline blame v3
        redline blame HEAD paatos.md --format markdown
        redline blame v3 --section 3.3          only section 3.3 (and its subsections)
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var display: DisplayOptions
  @Option(name: .long, help: ArgumentHelp("Only this section (and its subsections), e.g. 3.3.", valueName: "number"))
  var section: String?
  @Option(name: .long, help: "Output format: terminal, markdown, html or json.") var format: ViewFormat = .terminal
  @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
  var output: String?
  @Argument(help: "The revision: tag, branch, HEAD~1, commit id or WORKTREE.") var revision: String
  @Argument(help: "The document (default: the only document at the revision).") var path: String?

  func run() throws {
    try runReporting {
      let b = try repository.open().blame(revision: revision, path: path, section: section)
      let bytes: [UInt8]
      switch format {
      case .json: bytes = BlameRenderer.json(b)
      case .html: bytes = Array(BlameRenderer.html(b).utf8)
      case .markdown: bytes = Array(BlameRenderer.text(b, style: .markdown).utf8)
      case .terminal:
        let text = BlameRenderer.text(b, style: viewColor(output, display) ? .color : .plain, width: terminalWidth())
        bytes = Array((output == nil ? TerminalText.sanitize(text) : text).utf8)
      }
      try emitView(bytes, output: output)
    }
  }
}
