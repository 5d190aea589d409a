import Foundation
import RedlineDocument
import RedlineGit
import RedlineKit
import RedlineReport
import RedlineReview
import Synchronization

/// The review site's use cases over one drafts repository. Every read opens its own
/// libgit2 handle (a `Repository` is one per thread); every write goes through RedlineKit's
/// review store and is committed through libgit2, one at a time.
package final class Site: Sendable {
  /// The repository folder as given.
  package let repoPath: String
  /// Invited people and sessions.
  package let reviewers: ReviewerStore
  private let writeLock = Mutex(())
  private let diffCache = Mutex<[String: (Comparison, String)]>([:])
  private let reportCache = Mutex<(key: String, report: CommentsReport)?>(nil)
  private let refreshing = Mutex<(busy: Bool, last: UInt64)>((false, 0))

  /// Opens the repository once to check it and find its git directory.
  package init(repoPath: String) throws(RedlineError) {
    self.repoPath = repoPath
    let r = try DraftRepository(path: repoPath)
    guard r.git.workdir != nil else {
      throw .invalidArgument(
        "redline serve needs a repository with a working tree (reviews/ lives there); clone it first")
    }
    reviewers = ReviewerStore(gitdir: r.git.gitdir)
  }

  func open() throws(RedlineError) -> DraftRepository { try DraftRepository(path: repoPath) }

  // MARK: Names from URLs

  /// A revision from a URL: git names only (tags, branches, ids, `HEAD~2`), never `WORKTREE`
  /// (the files on disk) and never a `rev:path` blob name.
  static func checkRevision(_ s: String) throws(RedlineError) -> String {
    let ok =
      !s.isEmpty && s.utf8.count <= 200 && s != DraftRepository.worktree && !s.contains("..")
      && s.unicodeScalars.allSatisfy { c in
        (c.isASCII && (CharacterSet.alphanumerics.contains(c) || "._-/~^".unicodeScalars.contains(c)))
      }
      && !s.hasPrefix("-") && !s.hasPrefix("/")
    guard ok else { throw .invalidArgument("'\(s)' is not a version name") }
    return s
  }

  /// The document to show: one the revision's commit holds (looked up in git's tree, never
  /// on disk), or the first of them when the page names none.
  static func checkDocument(_ doc: String?, repo: DraftRepository, at rev: String) throws(RedlineError) -> String {
    try checkDocument(doc, among: try repo.documentPaths(at: rev), at: rev)
  }

  /// `doc` when it is one of `docs` exactly (compared as a name, never opened), else the
  /// first of `docs` when `doc` is nil or empty.
  static func checkDocument(_ doc: String?, among docs: [String], at rev: String) throws(RedlineError) -> String {
    if let doc, !doc.isEmpty {
      guard docs.contains(doc) else { throw .invalidArgument("there is no document '\(doc)' in version \(rev)") }
      return doc
    }
    guard let first = docs.first else { throw .noDocument(revision: rev) }
    return first
  }

  /// The documents a revision holds, in git's tree order (a revision from a URL is checked first).
  package func documents(at rev: String) throws(RedlineError) -> [String] {
    try open().documentPaths(at: try Self.checkRevision(rev))
  }

  // MARK: Reads

  /// The versions of the document, newest first, and the documents at HEAD.
  package func versions(doc: String?) throws(RedlineError) -> (doc: String, all: [String], commits: [CommitInfo]) {
    let r = try open()
    let d = try Self.checkDocument(doc, repo: r, at: "HEAD")
    return (d, try r.documentPaths(at: "HEAD"), try r.log(d, from: "HEAD"))
  }

  /// One version of one document.
  package func version(_ rev: String, doc: String?) throws(RedlineError) -> DocumentVersion {
    let r = try open()
    let rev = try Self.checkRevision(rev)
    _ = try r.commit(for: rev)
    return try r.load(try Self.checkDocument(doc, repo: r, at: rev), at: rev)
  }

  /// The comparison page's content (the `diff --format html` body in `language`), cached by
  /// the two commits, plus the comparison for comment actions.
  package func comparison(_ from: String, _ to: String, doc: String?, language: Localization.Language = .fi)
    throws(RedlineError) -> (Comparison, String)
  {
    let r = try open()
    let from = try Self.checkRevision(from)
    let to = try Self.checkRevision(to)
    let a = try r.commit(for: from)
    let b = try r.commit(for: to)
    let d = try Self.checkDocument(doc, repo: r, at: to)
    // Versions named through git never change: the commits and path are the key.
    let key = "\(a?.hex ?? "")|\(b?.hex ?? "")|\(d)|\(from)|\(to)|\(language.rawValue)"
    if let hit = diffCache.withLock({ $0[key] }) { return hit }
    let c = try r.compare(from, to, path: d)
    let body = Self.body(of: DiffHTML.render(c.diff, old: c.oldRef, new: c.newRef, labels: DiffLabels(language)))
    diffCache.withLock { cache in
      if cache.count > 20 { cache.removeAll() }
      cache[key] = (c, body)
    }
    return (c, body)
  }

  /// The part of a full page between `<body>` and `</body>`.
  static func body(of page: String) -> String {
    guard let s = page.range(of: "<body>"), let e = page.range(of: "</body>", options: .backwards),
      s.upperBound <= e.lowerBound
    else { return page }
    return String(page[s.upperBound..<e.lowerBound])
  }

  /// The last report computed, even if HEAD has moved since, refreshed in the background;
  /// for pages where a badge may lag a few seconds behind (the comparison under load).
  package func recentReport() throws(RedlineError) -> CommentsReport {
    guard let cached = reportCache.withLock({ $0 }) else { return try report() }
    let now = DispatchTime.now().uptimeNanoseconds
    let start = refreshing.withLock { state -> Bool in
      // One refresh at a time, at most one every 5 seconds.
      if state.busy || now < state.last + 5_000_000_000 { return false }
      state = (true, now)
      return true
    }
    if start {
      DispatchQueue.global(qos: .utility).async { [self] in
        _ = try? report()
        refreshing.withLock { $0.busy = false }
      }
    }
    return cached.report
  }

  /// Every thread and its status at HEAD, cached until HEAD or reviews/ changes.
  package func report() throws(RedlineError) -> CommentsReport {
    let r = try open()
    let head = ((try? r.git.head()) ?? nil)?.hex ?? "none"
    let key = head + "|" + Self.folderStamp(r.git.workdir.map { $0 + "reviews" } ?? "")
    if let c = reportCache.withLock({ $0 }), c.key == key { return c.report }
    let rep: CommentsReport
    do {
      rep = try r.comments(at: "HEAD")
    } catch {
      if case .noDocument = error {
        return CommentsReport(revision: "HEAD", commit: nil)
      }
      throw error
    }
    reportCache.withLock { $0 = (key, rep) }
    return rep
  }

  static func folderStamp(_ path: String) -> String {
    var st = stat()
    guard stat(path, &st) == 0 else { return "none" }
    return "\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec).\(st.st_nlink)"
  }

  /// One thread by its exact id (looked up among the threads, never used as a path).
  package func thread(_ id: String) throws(RedlineError) -> ThreadReport? {
    try report().threads.first { $0.id == id }
  }

  /// The consultation summary of FROM → TO in a language and format.
  package func summary(
    _ from: String, _ to: String, doc: String?, language: Localization.Language, format: SummaryRenderer.Format
  )
    throws(RedlineError) -> String
  {
    let r = try open()
    let from = try Self.checkRevision(from)
    let to = try Self.checkRevision(to)
    _ = try r.commit(for: from)
    _ = try r.commit(for: to)
    let d = try Self.checkDocument(doc, repo: r, at: to)
    return SummaryRenderer.render(try r.summaryInput(from, to, path: d), language: language, format: format)
  }

  // MARK: Writes (one at a time, each one commit)

  /// What a comment is attached to.
  package enum Target: Sendable {
    /// A paragraph, list item or table, by label; optionally a phrase inside it.
    case block(String, quote: String?)
    /// A section (its heading and everything under it), by label.
    case section(String)
  }

  /// Starts a thread as `who`, committed with them as author.
  package func comment(rev: String, doc: String?, target: Target, message: String, who: Reviewer) throws(RedlineError)
    -> ReviewThread
  {
    let rev = try Self.checkRevision(rev)
    let text = try Self.checkText(message)
    return try writeLock.withLock { _ throws(RedlineError) -> ReviewThread in
      let r = try open()
      _ = try r.commit(for: rev)
      let d = try Self.checkDocument(doc, repo: r, at: rev)
      let v = try r.load(d, at: rev)
      switch target {
      case .block(let label, let quote):
        guard let i = v.document.block(labeled: label) else {
          throw .invalidArgument("there is no paragraph \(label) in \(rev)")
        }
        var q: String? = nil
        if let quote, !quote.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
          let folded = Normalizer.foldWhitespace(quote)
          guard folded.count <= 2000, v.document.blocks[i].text.contains(folded) else {
            throw .invalidArgument("the selected words are not in paragraph \(label); select them again")
          }
          q = folded
        }
        return try r.addComment(
          revision: rev, path: d, block: v.document.blocks[i].label, quote: q, author: Self.signature(who),
          message: text, commit: true)
      case .section(let label):
        guard let s = v.document.section(labeled: label) else {
          throw .invalidArgument("there is no section \(label) in \(rev)")
        }
        let range = v.document.blockIndexes(inSubtree: s)
        guard let first = range.first else { throw .invalidArgument("section \(label) has no text to comment on") }
        let heading = v.document.sections[s].heading
        return try r.addComment(
          revision: rev, path: d, block: v.document.blocks[first].label, quote: nil, author: Self.signature(who),
          message: "[\(v.document.sections[s].label) \(heading)]\n" + text, commit: true)
      }
    }
  }

  /// Adds a reply, resolve or reopen to thread `id` as `who`, committed with them as author.
  package func event(
    _ id: String, kind: ThreadEvent.Kind, body: String, disposition: Disposition?, who: Reviewer
  ) throws(RedlineError) -> ReviewThread {
    let text = kind == .reply ? try Self.checkText(body) : try Self.checkText(body, allowEmpty: true)
    return try writeLock.withLock { _ throws(RedlineError) -> ReviewThread in
      let r = try open()
      guard try r.reviewStore().files().contains(id + ".jsonl") else {
        throw .invalidArgument("there is no thread \(id)")
      }
      return try r.addEvent(
        to: id, kind: kind, author: Self.signature(who), body: text, disposition: disposition, at: "HEAD", commit: true)
    }
  }

  static func signature(_ who: Reviewer) -> String { "\(who.name) <\(who.email)>" }

  /// A comment's text: not empty, at most 20,000 characters, no control characters but line breaks and tabs.
  static func checkText(_ s: String, allowEmpty: Bool = false) throws(RedlineError) -> String {
    let t = s.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    if t.isEmpty && !allowEmpty { throw .invalidArgument("the text is empty; write something first") }
    guard t.count <= 20_000 else { throw .invalidArgument("the text is longer than 20,000 characters; shorten it") }
    return String(
      String.UnicodeScalarView(
        t.unicodeScalars.filter { $0 == "\n" || $0 == "\t" || $0.properties.generalCategory != .control }))
  }
}
