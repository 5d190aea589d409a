import ArgumentParser
import Foundation
import RedlineKit

struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Bring a Word draft (.docx) into the repository as a new version, its comments as threads.",
    discussion: """
      Reads headings (by Word's heading styles and outline levels, in any language), automatic \
      heading and list numbering, paragraphs, lists, tables, bold and italic and footnotes; \
      writes the draft as Markdown and commits it through libgit2. Pending tracked changes are \
      accepted (and the import says so). Comments become review threads with their authors, \
      dates and replies; importing the same file again adds no copies.

      Examples:
        redline import luonnos-v2.docx --tag v2 --author 'Ville Valmistelija <ville@example.fi>'
        redline import lausunto-kunta.docx strategia.md --message 'Kuntaliiton lausunto'
      """)

  @OptionGroup var repository: RepositoryOptions
  @Option(name: .long, help: ArgumentHelp("Tag the new version, e.g. v2.", valueName: "name")) var tag: String?
  @Option(name: [.short, .long], help: "Commit message (default: 'Tuotu Word-tiedostosta NAME').") var message: String?
  @Option(
    name: .long, help: ArgumentHelp("Who imports: 'Name <email>' (default: git config user.name).", valueName: "name"))
  var author: String?
  @Argument(help: "The Word file (.docx).") var file: String
  @Argument(help: "The draft to write (default: the only draft in the repository, else FILE's name with .md).")
  var path: String?

  func run() throws {
    try runReporting {
      let r = try repository.open().importWord(file, into: path, tag: tag, message: message, author: author)
      var lines: [String] = []
      if let c = r.commit {
        lines.append(
          "imported \(file) as \(r.path): commit \(String(c.hex.prefix(7)))\(r.tag.map { ", tag \($0)" } ?? "")")
      } else {
        lines.append("\(r.path) already has this text: no new commit\(r.tag.map { "; tagged \($0)" } ?? "")")
      }
      for n in r.notes { lines.append("note: \(n)") }
      if !r.threadsAdded.isEmpty || r.threadsAlreadyThere > 0 {
        var s = "comments: \(r.threadsAdded.count) thread(s) added"
        if r.threadsAlreadyThere > 0 { s += ", \(r.threadsAlreadyThere) already imported before" }
        if r.repliesAdded > 0 {
          s += ", \(r.repliesAdded) new repl\(r.repliesAdded == 1 ? "y" : "ies") added to existing threads"
        }
        lines.append(s)
      }
      emit(lines.joined(separator: "\n") + "\n")
    }
  }
}
