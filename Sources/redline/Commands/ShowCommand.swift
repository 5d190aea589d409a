import ArgumentParser
import RedlineKit
import RedlineReport

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print the text of a version, or of one section, with block labels.",
    discussion: "Each block is printed after its ¶ number; --raw prints the file exactly as stored.")

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var display: DisplayOptions
  @Option(
    name: .long, help: ArgumentHelp("Only this section and its subsections, e.g. 2.1 or §2.1.", valueName: "number"))
  var section: String?
  @Flag(name: .long, help: "Print the stored bytes, unparsed.") var raw = false
  @Option(name: .long, help: .readerLanguage(of: "the header line")) var lang: ReaderLanguage?
  @OptionGroup var version: VersionArguments

  func run() throws {
    try runReporting {
      let repo = try repository.open()
      if raw {
        let p = try repo.resolvePath(version.path, at: version.revision)
        let (_, bytes) = try repo.bytes(of: p, at: version.revision)
        emit(String(decoding: bytes, as: UTF8.self))
        return
      }
      let v = try repo.load(version.path, at: version.revision)
      let doc = v.document
      var roots = [0]
      if let section {
        guard let s = doc.section(labeled: section) else {
          throw RedlineError.unknownSection(section, available: doc.sections.dropFirst().map(\.label))
        }
        roots = [s]
      }
      let language = lang.orDefault
      emit(Views.header(v, language: language) + OutlineRenderer.labelledText(doc, sections: roots, language: language))
    }
  }
}
