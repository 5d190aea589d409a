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
  @Option(
    name: .long, help: ArgumentHelp("Only this Finnish section (and its subsections), e.g. 7.", valueName: "number"))
  var section: String?
  @OptionGroup var view: ViewOutputOptions
  @Argument(help: "The revision: tag, branch, HEAD~1, commit id or WORKTREE.") var revision: String
  @Argument(help: "The Finnish document.") var finnish: String
  @Argument(help: "The Swedish document.") var swedish: String

  func run() throws {
    var inSync = true
    try runReporting {
      let r = try repository.open().parallel(revision: revision, finnish: finnish, swedish: swedish, section: section)
      inSync = r.inSync
      try view.emit(display, json: { ParallelRenderer.json(r) }, html: { ParallelRenderer.html(r) }) {
        ParallelRenderer.text(r, style: $0)
      }
    }
    if !inSync { throw ExitCode(1) }
  }
}
