import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport

struct LogCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "log",
    abstract: "List the versions of a document, newest first.",
    discussion: "Shows each commit that changed the document (following renames): id, tags, date, author, message.")

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var display: DisplayOptions
  @Option(name: .long, help: "Start from this revision.") var from: String = "HEAD"
  @Option(name: [.short, .long], help: "Show at most this many versions.") var number: Int?
  @Option(name: .long, help: .readerLanguage(of: "the dates")) var lang: ReaderLanguage?
  @Argument(help: "The document (default: the only document in the repository).") var path: String?

  func validate() throws {
    if let number, number < 0 { throw ValidationError("--number must be zero or more") }
  }

  func run() throws {
    try runReporting {
      let repo = try repository.open()
      // `-n 0` shows nothing, as in git, once one version shows the document is there.
      let commits = try repo.log(path, from: from, limit: number == 0 ? 1 : number ?? .max)
      if commits.isEmpty {
        // Nothing in the history: the document is not there (never an empty answer).
        let rev = from == DraftRepository.worktree ? "HEAD" : from
        let p = try repo.resolvePath(path, at: rev)
        throw RedlineError.pathNotInRevision(
          path: p, revision: rev, documents: (try? repo.documentPaths(at: rev)) ?? [])
      }
      emit(Views.log(number == 0 ? [] : commits, language: lang.orDefault))
    }
  }
}
