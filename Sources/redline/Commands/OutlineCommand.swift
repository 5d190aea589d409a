import ArgumentParser
import RedlineKit
import RedlineReport

struct OutlineCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "outline",
    abstract: "Show the section tree of a version, with block labels and counts.",
    discussion: """
      Each section shows its label (§2.1; §#N for a heading without a unique number), \
      its line, and the labels of its blocks (¶1–¶4). A block's full label, such as \
      '§2.1 ¶3', is what reviewers type to comment on it.
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var display: DisplayOptions
  @Option(name: .long, help: "Show headings down to this level only.") var depth: Int?
  @Option(name: .long, help: .readerLanguage(of: "the labels and counts")) var lang: ReaderLanguage?
  @OptionGroup var version: VersionArguments

  func validate() throws {
    if let depth, depth < 1 { throw ValidationError("--depth must be 1 or more") }
  }

  func run() throws {
    try runReporting {
      let repo = try repository.open()
      let v = try repo.load(version.path, at: version.revision)
      let language = lang.orDefault
      emit(
        Views.header(v, language: language) + "\n"
          + OutlineRenderer.outline(
            v.document, maxDepth: depth ?? .max, language: language,
            width: stdoutIsTerminal() ? terminalWidth() : .max))
    }
  }
}
