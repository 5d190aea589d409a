import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport

struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Write the consultation summary: what changed and how each comment was handled.",
    discussion: """
      The summary opens with the versions compared and who made the changes, lists the \
      structural changes first (sections renamed, moved, added, deleted), then each changed \
      section with its paragraphs as a redline, then every comment made on OLD or between \
      OLD and NEW with its status, disposition and reason, and a table to scan.

      Examples:
        redline summary v1 v2 --lang fi --format html -o yhteenveto.html
        redline summary v1 v2 --lang sv -o sammanfattning.md
        redline summary v2 v3 --lang en
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, docx }
  enum Lang: String, ExpressibleByArgument, CaseIterable { case fi, sv, en }

  @OptionGroup var repository: RepositoryOptions
  @Option(name: .long, help: "Language of labels and dates: fi, sv or en.") var lang: Lang = .fi
  @Option(name: .long, help: "markdown or html (one self-contained file).") var format: Format = .markdown
  @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
  var output: String?
  @Argument(help: "The earlier version (e.g. the one sent to consultation).") var old: String
  @Argument(help: "The new version.") var new: String
  @Argument(help: "The document (default: the only document at NEW).") var path: String?

  func run() throws {
    try runReporting {
      if format == .docx {  // Word: tracked changes, every thread a comment (RedlineKit/WordExport.swift)
        guard let output else { throw RedlineError.invalidArgument("--format docx writes a Word file; add -o yhteenveto.docx") }
        let repo = try repository.open()
        try writeAtomically(try repo.wordRedline(repo.compare(old, new, path: path)), to: output)
        return
      }
      let input = try repository.open().summaryInput(old, new, path: path)
      let text = SummaryRenderer.render(
        input, language: Localization.Language(rawValue: lang.rawValue)!,
        format: format == .html ? .html : .markdown)
      if let output {
        try writeAtomically(Array(text.utf8), to: output)
      } else {
        emit(text)
      }
    }
  }
}
