import ArgumentParser
import Foundation
import RedlineKit
import RedlineReport
import RedlineReview

struct CommentCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "comment",
    abstract: "Comment on a paragraph, reply, resolve or reopen a thread.",
    discussion: """
      Threads are stored in reviews/ of the drafts repository, one file per thread, so \
      reviewers working at the same time never overwrite each other. --commit also records \
      the change as a git commit (through libgit2).

      Examples:
        redline comment add v1 --block '§3.1 ¶2' --author 'Aino Arvioija' --message 'Lisätkää saavutettavuus.'
        redline comment add v1 --quote 'veto- ja pitovoima' --author 'Aino' --message 'Miksi tämä poistui?'
        redline comment reply k3v9x2qa --message 'Korjataan toiseen versioon.'
        redline comment resolve k3v9x2qa --disposition accepted --reason 'Lisätty kohtaan 5.1.'
        redline comment reopen k3v9x2qa --reason 'Korjaus jäi puolitiehen.'
      """,
    subcommands: [Add.self, Reply.self, Resolve.self, Reopen.self])

  struct Common: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @Option(name: .long, help: ArgumentHelp("Who you are: 'Name <email>' (default: git config user.name).", valueName: "name"))
    var author: String?
    @Flag(name: .long, help: "Also record the change as a git commit.") var commit = false
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Start a thread on one paragraph or list item of a version.",
      discussion: "Name the block by its label (see `redline show REV`) or quote words from it; an ambiguous quote lists the candidates.")
    @OptionGroup var common: Common
    @Option(name: .long, help: ArgumentHelp("The block's label, e.g. '§2.1 ¶3'.", valueName: "label")) var block: String?
    @Option(name: .long, help: ArgumentHelp("Words from the block (must occur in exactly one block).", valueName: "text"))
    var quote: String?
    @Option(name: [.short, .long], help: "The comment.") var message: String
    @Argument(help: "The revision commented on (tag, branch, commit, WORKTREE).") var revision: String
    @Argument(help: "The document (default: the only document at the revision).") var path: String?

    func validate() throws {
      if (block == nil) == (quote == nil) { throw ValidationError("give exactly one of --block LABEL or --quote TEXT") }
    }

    func run() throws {
      try runReporting {
        let repo = try common.repository.open()
        let t = try repo.addComment(
          revision: revision, path: path, block: block, quote: quote, author: common.author, message: message,
          commit: common.commit)
        emit("\(t.id)  on \(t.anchor.label) of \(t.anchor.path) at \(revision)\(common.commit ? " (committed)" : "")\n")
      }
    }
  }

  struct Reply: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reply to a thread.")
    @OptionGroup var common: Common
    @Option(name: [.short, .long], help: "The reply.") var message: String
    @Argument(help: "The thread id (a unique prefix is enough).") var id: String

    func run() throws {
      try runReporting {
        let t = try common.repository.open().addEvent(
          to: id, kind: .reply, author: common.author, body: message, commit: common.commit)
        emit("\(t.id)  \(t.replies.count) \(t.replies.count == 1 ? "reply" : "replies")\n")
      }
    }
  }

  struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark a thread resolved, with how it was handled.",
      discussion: "Dispositions feed the consultation summary: accepted, partly-accepted, not-accepted, noted.")
    @OptionGroup var common: Common
    @Option(name: .long, help: "accepted, partly-accepted, not-accepted or noted.") var disposition: String?
    @Option(name: .long, help: "Why (shown in the consultation summary).") var reason: String = ""
    @Option(name: .long, help: "The revision that resolves it.") var at: String = "HEAD"
    @Argument(help: "The thread id (a unique prefix is enough).") var id: String

    func validate() throws {
      if let d = disposition, Disposition(lenient: d) == nil {
        throw ValidationError("unknown disposition '\(d)'; use accepted, partly-accepted, not-accepted or noted")
      }
    }

    func run() throws {
      try runReporting {
        let t = try common.repository.open().addEvent(
          to: id, kind: .resolve, author: common.author, body: reason,
          disposition: disposition.flatMap(Disposition.init(lenient:)), at: at, commit: common.commit)
        emit("\(t.id)  resolved\(t.disposition.map { " (\($0.rawValue))" } ?? "")\n")
      }
    }
  }

  struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reopen a resolved thread.")
    @OptionGroup var common: Common
    @Option(name: .long, help: "Why.") var reason: String = ""
    @Option(name: .long, help: "The revision it is reopened at.") var at: String = "HEAD"
    @Argument(help: "The thread id (a unique prefix is enough).") var id: String

    func run() throws {
      try runReporting {
        let t = try common.repository.open().addEvent(
          to: id, kind: .reopen, author: common.author, body: reason, at: at, commit: common.commit)
        emit("\(t.id)  reopened\n")
      }
    }
  }
}

struct CommentsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "comments",
    abstract: "List comment threads and their status at a revision.",
    discussion: """
      Each thread is followed from the version it was made on to --at (default HEAD), \
      version by version. Statuses: resolved (a person resolved it); addressed (its paragraph \
      changed since; the word changes are shown; a person confirms); open (unchanged, maybe \
      moved: the new place is shown); outdated (the paragraph was deleted); orphaned (it \
      cannot be found). A thread file that cannot be read is reported as unreadable, with \
      the file named on standard error; the others are still listed.

      JSON output follows the contract redline.comments/1 (docs/json-comments.md).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case terminal, markdown, json }

  @OptionGroup var repository: RepositoryOptions
  @Option(name: .long, help: "The revision to report at (tag, branch, commit, WORKTREE).") var at: String = "HEAD"
  @Option(name: .long, help: "Only threads with this status: open, addressed, resolved, outdated, orphaned, unreadable.")
  var status: String?
  @Option(name: .long, help: "terminal, markdown or json.") var format: Format = .terminal
  @Argument(help: "Only threads on this document.") var path: String?

  func validate() throws {
    if let s = status, ThreadStatus(rawValue: s) == nil {
      throw ValidationError("unknown status '\(s)'; use open, addressed, resolved, outdated, orphaned or unreadable")
    }
  }

  func run() throws {
    var broken: [String] = []
    try runReporting {
      var report = try repository.open().comments(at: at, path: path)
      broken = report.errors.map(\.description)
      if let s = status.flatMap(ThreadStatus.init(rawValue:)) { report.threads = report.threads.filter { $0.placement.status == s } }
      switch format {
      case .json: writeStdout(CommentsRenderer.json(report))
      case .markdown: emit(CommentsRenderer.text(report, markdown: true))
      case .terminal:
        let color = wantsColor(.auto)
        emit(CommentsRenderer.text(report, markdown: false, color: color), styled: color)
      }
    }
    if !broken.isEmpty {
      for b in broken { printError(b) }
      throw ExitCode(2)
    }
  }
}
