import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport

struct SummaryCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "summary",
    abstract: "Write the consultation summary: what changed and how each response was handled.",
    discussion: """
      The summary opens with the versions compared and who made the changes, a table of \
      contents, the structural changes (sections renamed, moved, added, deleted), then each \
      changed section in document order with its paragraphs as a redline, then every \
      consultation response made on OLD or between OLD and NEW (and those from earlier \
      rounds still waiting) with how it was handled and why, and a table to scan.

      The format follows the output file's name (-o x.html, -o x.md) unless --format says \
      otherwise; on a terminal the text is wrapped to its width.

      Examples:
        redline summary v1 v2 --lang fi -o yhteenveto.html
        redline summary v1 v2 --lang sv --by respondent -o sammanfattning.md
        redline summary v2 v3 --lang fi --comments-only -o kasittely.html
        redline summary v2 v3 paatos.md --parallel beslut.md -o yhteenveto.md   ends with the Swedish version's status
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html, text, docx }
  enum By: String, ExpressibleByArgument, CaseIterable { case section, respondent }

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var display: DisplayOptions
  @Option(name: .long, help: .readerLanguage(of: "labels, sentences and dates")) var lang: ReaderLanguage?
  @Option(
    name: .long,
    help:
      "markdown, html (one self-contained file) or text (default: from the -o file name, else text on a terminal, else markdown)."
  )
  var format: Format?
  @Option(name: .long, help: "Group the responses by section (document order) or by respondent.") var by: By = .section
  @Flag(name: .long, help: "Write only the handling of the consultation responses (lausuntopalautteen käsittely).")
  var commentsOnly = false
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Language of the document's text, e.g. fi or sv (default: front matter lang:, else fi).", valueName: "code"))
  var textLang: String?
  @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
  var output: String?
  @Option(
    name: .long,
    help: ArgumentHelp(
      "End with the status of this Swedish version against the document at NEW (as `redline parallel`).",
      valueName: "sv-path"))
  var parallel: String?
  @Argument(help: "The earlier version (e.g. the one sent to consultation).") var old: String
  @Argument(help: "The new version.") var new: String
  @Argument(help: "The document (default: the only document at NEW).") var path: String?

  func run() throws {
    var broken: [String] = []
    try runReporting {
      // Word: tracked changes, every thread a comment (RedlineKit/WordExport.swift).
      if format == .docx || (format == nil && output.flatMap(OutputFormat.fromFileName) == .docx) {
        guard let output else {
          throw RedlineError.invalidArgument("--format docx writes a Word file; add -o yhteenveto.docx")
        }
        let repo = try repository.open()
        try writeAtomically(try repo.wordRedline(repo.compare(old, new, path: path)), to: output)
        return
      }
      if let t = textLang, !validTextLanguage(t) {
        throw RedlineError.invalidArgument("--text-lang '\(t)' is not a language code such as fi, sv or sv-FI")
      }
      let chosen = try outputFormat()
      let repo = try repository.open()
      if repo.isLater(old, than: new) {
        FileHandle.standardError.write(
          Data(
            "redline: warning: \(old) is newer than \(new); the summary goes backwards (did you mean `redline summary \(new) \(old)`?)\n"
              .utf8))
      }
      let input = try repo.summaryInput(old, new, path: path, textLanguage: textLang, swedish: parallel)
      let options = SummaryOptions(
        language: lang.orDefault, format: chosen,
        grouping: by == .respondent ? .respondent : .section, commentsOnly: commentsOnly, width: terminalWidth())
      let text = SummaryRenderer.render(input, options)
      if let output {
        try writeAtomically(Array(TerminalText.clean(text).utf8), to: output)
      } else {
        emit(TerminalText.clean(text))
      }
      broken = input.comments.errors.map(\.description)
    }
    // Unreadable thread files: the summary is written, each file is named, and the exit
    // status says it is incomplete.
    if !broken.isEmpty {
      for b in broken { printError(b) }
      throw ExitCode(2)
    }
  }

  /// `--format`, else the output file's extension, else text on a terminal and Markdown in a pipe.
  func outputFormat() throws(RedlineError) -> SummaryRenderer.Format {
    let explicit = format.flatMap { OutputFormat(rawValue: $0.rawValue) }
    let fallback: OutputFormat = output == nil && stdoutIsTerminal() ? .text : .markdown
    switch OutputFormat.choose(explicit: explicit, output: output, fallback: fallback) {
    case .html: return .html
    case .markdown: return .markdown
    case .text: return .text
    case .json: throw .invalidArgument("summary writes markdown, html, text or docx, not JSON; pass --format")
    case .docx: throw .invalidArgument("summary writes a Word file only with -o NAME.docx")
    }
  }
}
