import ArgumentParser
import Foundation
import RedlineDiff
import RedlineKit
import RedlineReport

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed between two versions, section by section.",
    discussion: """
      Opens with the structure (sections renamed, moved, added, deleted), then each changed \
      section with its changed paragraphs and list items, word changes marked inside them.

      Examples:
        redline diff v1 v2                       compare two tagged versions
        redline diff v2 WORKTREE                 last version against unsaved work
        redline diff v1 v2 --section 3.1         only section 3.1 and its subsections
        redline diff v1 v2 --stat                one line per changed section
        redline diff v1 v2 --format html -o muutokset.html
        redline diff --files vanha.md uusi.md    two files, no repository
        redline diff v1 v2 --format json --context 0 --compact
                                                 only the changes, on one line
        redline diff v1 v2 --lang sv --format html -o ändringar.html

      JSON output follows the documented contract redline.diff/2 (docs/json-diff.md).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case terminal, markdown, html, json
    case docx
  }

  @OptionGroup var repository: RepositoryOptions
  @Option(
    name: .long,
    help: "Output format: terminal, markdown, html, json or docx (default: from the -o file name, else terminal).")
  var format: Format?
  @Flag(name: .long, help: "One line per changed section: blocks and words added, removed, changed.") var stat = false
  @Option(name: .long, help: ArgumentHelp("Only this section (and its subsections), e.g. 2.1.", valueName: "number"))
  var section: String?
  @Flag(name: .long, help: "OLD and NEW are files on disk, not revisions.") var files = false
  @OptionGroup var display: DisplayOptions
  @Option(name: [.short, .customLong("output")], help: "Write to this file (atomically) instead of standard output.")
  var output: String?
  @Flag(name: .long, help: "Exit with status 1 when the versions differ.") var exitCode = false
  @Option(name: .long, help: "Work budget for fuzzy matching, in token comparisons.") var budget: Int?
  @Option(
    name: .long,
    help: ArgumentHelp(
      "JSON only: keep N unchanged blocks around each change and list the rest as omitted runs (like git's context lines; default: every block).",
      valueName: "N"))
  var context: Int?
  @Flag(
    name: .long,
    help: "JSON only: all on one line, without indentation (a fifth smaller; for programs, not for reading).")
  var compact = false
  @Option(name: .long, help: .readerLanguage(of: "labels and counts")) var lang: ReaderLanguage?

  @Argument(help: "The old revision (or file with --files).") var old: String
  @Argument(help: "The new revision, or WORKTREE (or file with --files).") var new: String
  @Argument(help: "The document (default: the only document at NEW).") var path: String?

  func validate() throws {
    if files && path != nil { throw ValidationError("--files compares two files: give only OLD and NEW") }
    if let budget, budget < 0 { throw ValidationError("--budget must be zero or more") }
    if let context, context < 0 { throw ValidationError("--context must be zero or more") }
    if context != nil || compact {
      let option = compact ? "--compact" : "--context"
      if stat { throw ValidationError("\(option) shapes JSON output, and --stat writes text: leave out one of them") }
      if chosenFormat != .json {
        throw ValidationError("\(option) shapes JSON output: add --format json (or write to a .json file)")
      }
    }
  }

  /// `--format`, else the `-o` file's extension (`.html`, `.md`, `.json`, `.docx`), else terminal.
  var chosenFormat: Format {
    if let format { return format }
    switch output.flatMap(OutputFormat.fromFileName) {
    case .html: return .html
    case .markdown: return .markdown
    case .json: return .json
    case .docx: return .docx
    case .text, nil: return .terminal
    }
  }

  func run() throws {
    var differs = false
    try runReporting {
      var options = DiffOptions()
      if let budget { options.budget = budget }
      let c: Comparison
      var sections: [SectionChange]? = nil
      do {
        c =
          files || old == "-" || new == "-"
          ? try compareInputs(old, new, options: options)
          : try repository.open().compare(old, new, path: path, options: options)
        if let section {
          guard let s = c.diff.sections(under: section) else {
            throw RedlineError.unknownSection(section, available: c.new.document.sections.dropFirst().map(\.label))
          }
          sections = s
        }
      } catch {
        // A bad setting read meanwhile (`readsSettingsLater`) is reported first, as when
        // the settings are read before the inputs.
        try Output.settle()
        throw error
      }
      differs = !c.diff.isUnchanged
      try Output.settle()  // read while the versions were compared (`readsSettingsLater`)
      let labels = DiffLabels(lang.orDefault)
      let bytes: [UInt8]?  // nil: already streamed to standard output
      if stat {
        bytes = Array(TerminalText.clean(StatView.render(c.diff, sections: sections, labels: labels)).utf8)
      } else {
        switch chosenFormat {
        case .docx:  // a Word file with tracked changes (RedlineKit/WordExport.swift)
          guard output != nil else {
            throw RedlineError.invalidArgument("--format docx writes a Word file; add -o muutokset.docx")
          }
          guard section == nil else {
            throw RedlineError.invalidArgument("--format docx exports the whole document; leave out --section")
          }
          bytes = files ? try wordRedline(c) : try repository.open().wordRedline(c)
        case .json:
          guard output != nil else {
            // Streamed as it is written: a long document's JSON is never held whole.
            Output.willWrite()
            DiffJSON.write(
              c.diff, old: c.oldRef, new: c.newRef, sections: sections, pretty: !compact, context: context
            ) {
              OutputFile.writeStandardOutput($0)
            }
            bytes = nil
            break
          }
          bytes = DiffJSON.render(
            c.diff, old: c.oldRef, new: c.newRef, sections: sections, pretty: !compact, context: context)
        case .html:
          bytes = Array(
            TerminalText.clean(
              DiffHTML.render(c.diff, old: c.oldRef, new: c.newRef, sections: sections, labels: labels)
            ).utf8)
        case .markdown:
          bytes = Array(
            TerminalText.clean(
              DiffText.render(
                c.diff, old: c.oldRef, new: c.newRef, style: .markdown, sections: sections, labels: labels)
            ).utf8)
        case .terminal:
          let useColor = output == nil && display.useColor
          let text = DiffText.render(
            c.diff, old: c.oldRef, new: c.newRef, style: useColor ? .color : .plain, sections: sections, labels: labels)
          bytes = Array(TerminalText.sanitize(text, keepingOwnStyles: useColor).utf8)
        }
      }
      if let bytes, let output {
        try writeAtomically(bytes, to: output)
      } else if let bytes {
        writeStdout(bytes)
      }
      ProcessEnd.keep(c)  // freed by the exit, not object by object (ProcessEnd)
    }
    if exitCode && differs { throw ExitCode(1) }
  }
}

extension DiffCommand: MayLeaveSettingsUnread {
  /// Two files (or standard input) compared into JSON, or `--stat` and the other text
  /// formats with `--lang` (and `--color` for terminal output), written to a file or a pipe,
  /// use no setting; a comparison of revisions reads them, as it starts libgit2 anyway.
  var readsSettings: Bool {
    let format = chosenFormat
    if !(files || old == "-" || new == "-") || format == .docx { return true }
    if output == nil && Output.stdoutIsTerminal && !display.noPager { return true }  // core.pager
    if lang == nil && (stat || format != .json) { return true }  // redline.lang
    if !stat && format == .terminal && output == nil && display.color == nil { return true }  // redline.color
    return false
  }

  /// Two files (or standard input) compared through no pager (into a file, a pipe, or a
  /// terminal with `--no-pager`), not into a Word file: the settings (`redline.lang`,
  /// `redline.color`) are used only once the versions are compared, and are read meanwhile.
  var readsSettingsLater: Bool {
    (files || old == "-" || new == "-") && chosenFormat != .docx
      && !(output == nil && Output.stdoutIsTerminal && !display.noPager)
  }
}
