import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport

struct ParallelCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parallel",
    abstract: "Check the Swedish version against the Finnish one: what it has not caught up with.",
    discussion: """
      Pairs the two documents by numbering and structure (not by words), then reports \
      paragraphs whose Finnish text changed after the Swedish one last changed, sections \
      and paragraphs in one language only, sections with a different number of list items, \
      and numbers, dates, euro amounts and years that differ within a pair.

      Exit status: 0 in sync, 1 out of sync (for CI), 2 on an error.

      Examples:
        redline parallel v3 aluekehittamispaatos.md regionutvecklingsbeslut.md
        redline parallel HEAD fi.md sv.md --format json
        redline parallel v3 fi.md sv.md --section 7     only Finnish section 7 (and its subsections)
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var display: DisplayOptions
  @Option(name: .long, help: ArgumentHelp("Only this Finnish section (and its subsections), e.g. 7.", valueName: "number"))
  var section: String?
  @Option(name: .long, help: "Output format: terminal, markdown, html or json.") var format: ViewFormat = .terminal
  @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
  var output: String?
  @Argument(help: "The revision: tag, branch, HEAD~1, commit id or WORKTREE.") var revision: String
  @Argument(help: "The Finnish document.") var finnish: String
  @Argument(help: "The Swedish document.") var swedish: String

  func run() throws {
    var inSync = true
    try runReporting {
      let r = try repository.open().parallel(revision: revision, finnish: finnish, swedish: swedish, section: section)
      inSync = r.inSync
      let color = viewColor(output, display)
      switch format {
      case .json: try emitView(ParallelRenderer.json(r), output: output)
      case .html: try emitViewText(ParallelRenderer.html(r), output: output, styled: false)
      case .markdown: try emitViewText(ParallelRenderer.text(r, style: .markdown), output: output, styled: false)
      case .terminal:
        // Plain text on a terminal is wrapped to its width (colour is left to the terminal).
        let plain = ParallelRenderer.text(r, style: color ? .color : .plain)
        let text = color || output != nil || !stdoutIsTerminal() ? plain : TextWrap.wrapLines(plain, width: terminalWidth())
        try emitViewText(text, output: output, styled: color)
      }
    }
    if !inSync { throw ExitCode(1) }
  }
}
