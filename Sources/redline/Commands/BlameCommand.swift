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
  @OptionGroup var view: ViewOutputOptions
  @OptionGroup var version: VersionArguments

  func run() throws {
    var broken: [String] = []
    try runReporting {
      let b = try repository.open().blame(revision: version.revision, path: version.path, section: section)
      broken = b.threadErrors
      // Blame lays out its own columns to the terminal's width; Markdown keeps the default width.
      try view.emit(display, wrap: false, json: { BlameRenderer.json(b) }, html: { BlameRenderer.html(b) }) {
        $0 == .markdown ? BlameRenderer.text(b, style: $0) : BlameRenderer.text(b, style: $0, width: terminalWidth())
      }
    }
    // Like `comments`: a thread file that cannot be read is named, and the run fails.
    if !broken.isEmpty {
      for e in broken { printError(e) }
      throw ExitCode(2)
    }
  }
}
