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
        redline comment add v1 --quote 'veto- ja pitovoimasta' --author 'Aino' --message 'Miksi tämä poistui?'
        redline comment add v1 --section 3.3 --author 'Aino' --message 'Koko luku on liian pitkä.'
        redline comment add v1 --heading 3.3 --author 'Aino' --message 'Otsikko ei kuvaa sisältöä.'
        redline comment reply k3v9x2qa --message 'Korjataan toiseen versioon.'
        redline comment resolve k3v9x2qa --disposition accepted --reason 'Lisätty kohtaan 5.1.'
        redline comment resolve k3v9x2qa --change --disposition not-accepted --reason 'Päätettiin toisin.'
        redline comment reopen k3v9x2qa --reason 'Korjaus jäi puolitiehen.'
      """,
    subcommands: [Add.self, Reply.self, Resolve.self, Reopen.self])

  struct Common: ParsableArguments {
    @OptionGroup var repository: RepositoryOptions
    @Option(
      name: .long,
      help: ArgumentHelp(
        "Who you are: 'Name <email>' (default: git config redline.author, else user.name).", valueName: "name"))
    var author: String?
    @Flag(name: .long, help: "Also record the change as a git commit.") var commit = false
    @Option(name: .long, help: .readerLanguage(of: "the confirmation")) var lang: ReaderLanguage?
    @OptionGroup var display: DisplayOptions

    var words: Localization { Localization(lang.orDefault) }
    /// " (kirjattu versionhallintaan)" when --commit was given.
    var committedNote: String { commit ? " (\(words[.committed]))" : "" }

    /// Adds a `kind` event to thread `id` and prints the thread's id with `said` of it.
    func record(
      _ kind: ThreadEvent.Kind, on id: String, body: String, disposition: Disposition? = nil, at: String = "HEAD",
      change: Bool = false, said: (ReviewThread) -> String
    ) throws {
      try runReporting {
        let t = try repository.open().addEvent(
          to: id, kind: kind, author: authorOrSetting, body: body, disposition: disposition, at: at, commit: commit,
          change: change)
        emit("\(t.id)  \(said(t))\(committedNote)\n")
      }
    }
  }

  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Start a thread on a paragraph, a phrase, a heading or a whole section of a version.",
      discussion: """
        Name the block by its label (see `redline show REV`; '§3.1 ¶2', '3.1 ¶2', '3.1/2' and '3.1 kpl 2' all work) \
        or quote words from it (the thread is about that phrase; quotes, dashes and spaces may be typed either way); \
        an ambiguous quote lists the candidates, a wrong label the nearest ones.
        """)
    @OptionGroup var common: Common
    @Option(name: .long, help: .label("The block's label, e.g. '§2.1 ¶3'.")) var block: String?
    @Option(name: .long, help: .words("A phrase in the block (in exactly one block, or in --block)."))
    var quote: String?
    @Option(name: .long, help: .section("Comment on a section's heading, e.g. 3.3.")) var heading: String?
    @Option(name: .long, help: .section("Comment on a whole section with its subsections, e.g. 3.3."))
    var section: String?
    @Option(name: [.short, .long], help: "The comment.") var message: String
    @Argument(help: "The revision commented on (tag, branch, commit, WORKTREE).") var revision: String
    @Argument(help: "The document (default: the only document at the revision).") var path: String?

    func validate() throws {
      let targets = [block != nil || quote != nil, heading != nil, section != nil].filter { $0 }.count
      if targets != 1 {
        throw ValidationError(
          "say what you comment on: --block LABEL and/or --quote TEXT, or --heading SECTION, or --section SECTION")
      }
    }

    func run() throws {
      try runReporting {
        let repo = try common.repository.open()
        let t = try repo.addComment(
          revision: revision, path: path, block: block, quote: quote, author: common.authorOrSetting, message: message,
          commit: common.commit, section: section, heading: heading)
        emit(
          "\(t.id)  \(common.words.commentAdded(t.anchor.kind, t.anchor.label, path: t.anchor.path, revision: revision))\(common.committedNote)\n"
        )
      }
    }
  }

  struct Reply: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reply", abstract: "Reply to a thread.")
    @OptionGroup var common: Common
    @Option(name: [.short, .long], help: "The reply.") var message: String
    @Argument(help: "The thread id (a unique prefix is enough).") var id: String

    func run() throws {
      try common.record(.reply, on: id, body: message) { common.words.replies($0.replies.count) }
    }
  }

  struct Resolve: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "resolve",
      abstract: "Mark a thread resolved, with how it was handled.",
      discussion: """
        Dispositions feed the consultation summary: accepted, partly-accepted, not-accepted, noted. \
        A resolved thread is resolved again only with --change, recorded as a change of disposition.
        """)
    @OptionGroup var common: Common
    @Option(name: .long, help: "How the comment was handled.") var disposition: Disposition?
    @Flag(name: .long, help: "Change the disposition of a thread that is already resolved.") var change = false
    @Option(name: .long, help: "Why (shown in the consultation summary).") var reason: String = ""
    @Option(name: .long, help: "The revision that resolves it.") var at: String = "HEAD"
    @Argument(help: "The thread id (a unique prefix is enough).") var id: String

    func run() throws {
      try common.record(.resolve, on: id, body: reason, disposition: disposition, at: at, change: change) {
        common.words.resolved($0.disposition)
      }
    }
  }

  struct Reopen: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "reopen", abstract: "Reopen a resolved thread (an open one is refused).")
    @OptionGroup var common: Common
    @Option(name: .long, help: "Why.") var reason: String = ""
    @Option(name: .long, help: "The revision it is reopened at.") var at: String = "HEAD"
    @Argument(help: "The thread id (a unique prefix is enough).") var id: String

    func run() throws {
      try common.record(.reopen, on: id, body: reason, at: at) { _ in common.words[.reopened] }
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
      moved: the new place is shown); merged (its words went into another block: where is \
      shown; a person confirms); outdated (the paragraph was deleted; a person still gives \
      a disposition); orphaned (it cannot be found); not yet made (made after --at: listed \
      apart, never placed in the older text; replies and resolutions made after --at are \
      left out). A thread file or document that cannot be read is reported as unreadable, \
      named on standard error; the others are still listed.

      JSON output follows the contract redline.comments/2 (docs/json-comments.md).
      """)

  enum Format: String, ExpressibleByArgument, CaseIterable { case terminal, markdown, json }

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var display: DisplayOptions
  @Option(name: .long, help: "The revision to report at (tag, branch, commit, WORKTREE).") var at: String = "HEAD"
  @Option(name: .long, help: "Only threads with this status.") var status: ThreadStatus?
  @Option(name: .long, help: "terminal, markdown or json.") var format: Format = .terminal
  @Option(name: .long, help: .readerLanguage(of: "the listing, not of JSON")) var lang: ReaderLanguage?
  @Argument(help: "Only threads on this document.") var path: String?

  var language: Localization.Language { lang.orDefault }

  func run() throws {
    var broken: [String] = []
    try runReporting {
      var report = try repository.open().comments(at: at, path: path)
      broken = report.errors.map(\.description)
      let all = report.threads.count
      if let s = status { report.threads = report.threads.filter { $0.placement.status == s } }
      if let s = status, report.threads.isEmpty, all > 0, format != .json {
        // The filter left nothing: say so, not "no comments" (there are some).
        let l = Localization(language)
        emit("\(l[.commentsAt, report.revision]): \(l.noneWithStatus(s, total: all))\n")
        return
      }
      switch format {
      case .json: writeStdout(CommentsRenderer.json(report))
      case .markdown: emit(CommentsRenderer.text(report, markdown: true, language: language))
      case .terminal:
        let color = display.useColor
        emit(CommentsRenderer.text(report, markdown: false, color: color, language: language), styled: color)
      }
    }
    if !broken.isEmpty {
      for b in broken { printError(b) }
      throw ExitCode(2)
    }
  }
}

extension Disposition: ExpressibleByArgument {
  package init?(argument: String) { self.init(lenient: argument) }
  package static var allValueStrings: [String] { allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") } }
  package var defaultValueDescription: String { rawValue.replacingOccurrences(of: "_", with: "-") }
  package static var allValueDescriptions: [String: String] {
    [
      "accepted": "the text was changed as proposed", "partly-accepted": "the text was changed in part",
      "not-accepted": "the text was not changed", "noted": "taken into account, no change asked for",
    ]
  }
}

extension ThreadStatus: ExpressibleByArgument {
  package init?(argument: String) { self.init(rawValue: argument.replacingOccurrences(of: "-", with: "_")) }
  package static var allValueStrings: [String] { allCases.map { $0.rawValue.replacingOccurrences(of: "_", with: "-") } }
  package var defaultValueDescription: String { rawValue.replacingOccurrences(of: "_", with: "-") }
  package static var allValueDescriptions: [String: String] {
    [
      "resolved": "a person resolved it", "addressed": "its paragraph changed since; a person confirms",
      "open": "its paragraph is unchanged (maybe moved)", "merged": "its words went into another block",
      "outdated": "its paragraph was deleted", "orphaned": "it cannot be found",
      "unreadable": "its file or document cannot be read", "not-yet-made": "made after --at",
    ]
  }
}
