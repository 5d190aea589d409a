import Foundation
import RedlineDiff
import RedlineDocument
import RedlineGit
import RedlineReview

extension DraftRepository {
  /// The `reviews/` folder of the working tree (refused when it is a symbolic link).
  package func reviewStore() throws(RedlineError) -> ReviewStore {
    guard let root = git.workdir else {
      throw .invalidArgument("comments live in reviews/ of a working tree, but this repository is bare; clone it first")
    }
    let store = ReviewStore(folder: root + "reviews", lockPath: git.gitdir + "redline-reviews.lock")
    do { try store.checkFolder() } catch { throw .review(error) }
    return store
  }

  /// Who is acting: `--author "Name <email>"`, else the repository's user.name/user.email.
  package func person(_ author: String?) throws(RedlineError) -> Signature {
    let now = Int64(Date().timeIntervalSince1970)
    if let author {
      do { return try Signature.parseAuthor(author, now: now) } catch {
        throw .invalidArgument("--author: \(error.description)")
      }
    }
    if let s = git.configuredSignature(now: now) {
      do { try Signature.validate(name: s.name, email: s.email) } catch {
        throw .invalidArgument("git config user.name/user.email: \(error.description)")
      }
      return s
    }
    throw .invalidArgument(
      "who is commenting? pass --author 'Name <email>' or set user.name and user.email in git config")
  }

  /// How a version is recorded in a thread: the tag pointing at the commit, else the
  /// commit's short id (never a moving name such as HEAD or a branch).
  func recordedName(_ id: ObjectID) -> String {
    ((try? git.tagsByCommit()) ?? [:])[id]?.sorted().first ?? id.short
  }

  /// Refuses a working-tree path that leaves the repository or goes through a symbolic link.
  func checkInsideWorktree(_ path: String) throws(RedlineError) {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    if path.hasPrefix("/") || parts.contains("..") || path.isEmpty {
      throw .invalidArgument("'\(path)' is outside the repository; comment on a document inside it")
    }
    guard let root = git.workdir else { return }
    var p = root.hasSuffix("/") ? String(root.dropLast()) : root
    for c in parts {
      p += "/" + c
      var st = stat()
      if lstat(p, &st) == 0, st.st_mode & S_IFMT == S_IFLNK {
        throw .invalidArgument("'\(path)' goes through a symbolic link; comment on a document inside the repository")
      }
    }
  }

  /// Attaches a new thread at `revision` to: the block labelled `block` (`§2.1 ¶3`, also
  /// `3.1/2`, `3.1 kpl 2`), or the one block containing `quote` (with `block` too: the
  /// phrase inside that block), or a section's heading (`heading`), or a whole section
  /// (`section`). A wrong label is refused with the nearest valid ones.
  package func addComment(
    revision: String, path: String?, block: String?, quote: String?, author: String?, message: String, commit: Bool,
    section: String? = nil, heading: String? = nil
  ) throws(RedlineError) -> ReviewThread {
    if revision == Self.worktree, let path { try checkInsideWorktree(normalizeRelative(path)) }
    let v = try load(path, at: revision)
    if revision == Self.worktree { try checkInsideWorktree(v.path) }
    let doc = v.document
    guard !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw .invalidArgument("the comment is empty; pass --message TEXT")
    }
    let base = revision == Self.worktree ? (try? git.head())??.hex : nil
    let name = v.commit.map(recordedName) ?? revision
    var anchor: Anchor
    if let s = section ?? heading {
      let key = Labels.canonical(s) ?? s
      guard let i = doc.section(labeled: key) ?? doc.section(labeled: s), i > 0 else {
        let near = Labels.nearest(s, among: doc.sections.dropFirst().map(\.label))
        throw .invalidArgument(
          "no section '\(s)' in \(v.path) at \(revision); nearest: \(near.joined(separator: ", "))")
      }
      anchor = Anchor.make(
        doc: doc, section: i, kind: section != nil ? .section : .heading, path: v.path, commit: v.commit?.hex,
        revision: name, base: base)
    } else {
      var candidates = Array(doc.blocks.indices)
      if let block {
        guard let i = doc.block(labeled: block) ?? Labels.canonical(block).flatMap(doc.block(labeled:)) else {
          let near = Labels.nearest(block, among: doc.blocks.map(\.label))
          throw .invalidArgument(
            "no block '\(block)' in \(v.path) at \(revision); nearest: \(near.joined(separator: ", ")) (see `redline show \(revision)`)"
          )
        }
        candidates = [i]
      }
      var phrase: String?
      if let quote {
        let q = Normalizer.foldWhitespace(quote)
        let hits = candidates.compactMap { i in QuoteMatch.range(of: q, in: doc.blocks[i].text).map { (i, $0) } }
        if hits.isEmpty {
          let whereText = block.map { "block \($0)" } ?? "any block"
          throw .invalidArgument("“\(q)” is not in \(whereText) at \(revision); check the wording or use --block LABEL")
        }
        if hits.count > 1 {
          let c = hits.prefix(8).map { "\(doc.blocks[$0.0].label) (line \(doc.blocks[$0.0].line))" }.joined(
            separator: ", ")
          throw .invalidArgument(
            "“\(q)” is in \(hits.count) blocks: \(c)\(hits.count > 8 ? ", …" : ""); quote more words or add --block LABEL"
          )
        }
        candidates = [hits[0].0]
        phrase = String(doc.blocks[hits[0].0].text[hits[0].1])
      } else if block == nil {
        throw .invalidArgument(
          "say what you comment on: --block '§2.1 ¶3', --quote 'words in it', --heading 3.3 or --section 3.3")
      }
      anchor = Anchor.make(
        doc: doc, block: candidates[0], path: v.path, commit: v.commit?.hex, revision: name, quote: phrase, base: base)
    }
    if revision == Self.worktree { anchor.revision = Self.worktree }
    let who = try person(author)
    let store = try reviewStore()
    if commit { do { try git.checkCanCommit() } catch { throw .git(error) } }
    let thread = ReviewThread(
      id: ReviewStore.newID(), anchor: anchor,
      events: [
        ThreadEvent(kind: .comment, time: who.time, author: Person(name: who.name, email: who.email), body: message)
      ])
    do {
      _ = try store.create(thread) { (written: [String]) throws(RedlineError) in
        if commit {
          try commitReviewFiles(written, message: "Kommentti \(thread.id): \(anchor.label) (\(who.name))", author: who)
        }
      }
    } catch {
      switch error {
      case .review(let e): throw .review(e)
      case .then(let e): throw e
      }
    }
    return thread
  }

  /// Appends a reply, resolve or reopen to thread `id` (a unique prefix is enough).
  /// A resolve or reopen records the commit (and the tag there), never a moving name.
  /// Reopening a thread that is not resolved is refused; resolving a resolved thread
  /// needs `change` and is recorded as a change of disposition.
  package func addEvent(
    to id: String, kind: ThreadEvent.Kind, author: String?, body: String, disposition: Disposition? = nil,
    at revision: String = "HEAD", commit: Bool, change: Bool = false
  ) throws(RedlineError) -> ReviewThread {
    if kind == .reply, body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
      throw .invalidArgument("the reply is empty; pass --message TEXT")
    }
    let store = try reviewStore()
    let full: String
    do { full = try store.resolveID(id) } catch { throw .review(error) }
    let who = try person(author)
    var rev: String? = nil
    var commitID: String? = nil
    if kind.isResolution {
      if let c = try self.commit(for: revision) {
        commitID = c.hex
        rev = recordedName(c)
      } else {
        rev = Self.worktree
        commitID = (try? git.head())??.hex
      }
    }
    if commit { do { try git.checkCanCommit() } catch { throw .git(error) } }
    let event = ThreadEvent(kind: kind, time: who.time, author: Person(name: who.name, email: who.email), body: body)
      .at(revision: rev, commit: commitID, disposition: disposition, change: kind == .resolve && change)
    let verb =
      ["reply": "Vastaus", "resolve": "Ratkaistu", "reopen": "Avattu uudelleen"][kind.rawValue] ?? kind.rawValue
    let check = { (t: ReviewThread) throws(ReviewError) in
      if kind == .reopen && !t.isResolved {
        throw .refused("thread \(full) is not resolved; there is nothing to reopen")
      }
      if kind == .resolve && t.isResolved && !change {
        let d = t.disposition.map { " (\($0.words))" } ?? ""
        throw .refused("thread \(full) is already resolved\(d); pass --change to change its disposition")
      }
      if kind == .resolve && !t.isResolved && change {
        throw .refused("thread \(full) is not resolved yet; resolve it without --change")
      }
    }
    do {
      return try store.append(event, to: full, check: check) { (bytes: [UInt8]) throws(RedlineError) in
        guard commit else { return }
        // Commit exactly the bytes written, while the thread is still locked.
        do throws(GitError) {
          try self.git.commit(
            [FileChange(path: "reviews/\(full).jsonl", content: bytes)], message: "\(verb) \(full) (\(who.name))\n",
            author: who)
        } catch {
          throw .git(error)
        }
      }
    } catch {
      switch error {
      case .review(let e): throw .review(e)
      case .then(let e): throw e
      }
    }
  }

  /// Commits the given files of the working tree (as they are on disk) through libgit2.
  func commitReviewFiles(_ paths: [String], message: String, author: Signature) throws(RedlineError) {
    guard let root = git.workdir else { return }
    var changes: [FileChange] = []
    for p in paths {
      guard p.hasPrefix(root), let d = FileManager.default.contents(atPath: p) else { continue }
      changes.append(FileChange(path: String(p.dropFirst(root.count)), content: [UInt8](d)))
    }
    do { try git.commit(changes, message: message + "\n", author: author) } catch { throw .git(error) }
  }

  /// True when `a` is a later version than `b` (a descendant of it, not it): `summary
  /// NEW OLD` warns with this.
  package func isLater(_ a: String, than b: String) -> Bool {
    guard let x = try? commit(for: a), let y = try? commit(for: b), x != y else { return false }
    return git.contains(y, in: x)
  }

  /// The versions of this repository's documents up to `revision`, for `ThreadWalk` (and
  /// any other walk over a document's versions: history, blame).
  package func versionSource(at revision: String) throws(RedlineError) -> some VersionSource {
    GitVersions(self, revision: revision, target: try commit(for: revision))
  }

  /// Every thread's status at `revision` (default HEAD), re-anchored version by version.
  /// Threads made after `revision` are `not_yet_made`; replies and resolutions made after
  /// it are left out. A thread whose document cannot be read is `unreadable` alone.
  package func comments(at revision: String = "HEAD", path: String? = nil) throws(RedlineError) -> CommentsReport {
    let store = try reviewStore()
    let (threads, errors) = store.load()
    let target = try commit(for: revision)
    var report = CommentsReport(revision: revision, commit: target?.hex, errors: errors)
    let wanted = path.map { normalizeRelative($0) }
    var byPath: [String: [ReviewThread]] = [:]
    for t in threads where wanted == nil || t.anchor.path == wanted { byPath[t.anchor.path, default: []].append(t) }
    let source = GitVersions(self, revision: revision, target: target)
    let clock = PhaseClock()
    for (p, ts) in byPath.sorted(by: { $0.key < $1.key }) {
      let current = currentPath(of: p, at: revision, target: target) ?? p
      let placed = ThreadWalk.place(ts, path: current, source: source)
      clock.lap("walk \(ts.count) threads on \(p)")
      if let doc = placed.document { report.documents[p] = doc }
      report.threads += placed.reports
      for r in placed.reports where r.placement.status == .unreadable {
        report.errors.append(ThreadFileError(unreadable: r))
      }
    }
    report.threads += errors.map(ThreadReport.init(unreadable:))
    report.threads.sort { ($0.thread?.opening.time ?? .max, $0.id) < ($1.thread?.opening.time ?? .max, $1.id) }
    return report
  }

  /// The document's path at `revision`: `path` itself, or the path it was renamed to
  /// (found through the history of each document there, which follows renames).
  func currentPath(of path: String, at revision: String, target: ObjectID?) -> String? {
    // At a commit, the tree entry and the blob's header say it, as reading it would
    // (reading a long document's blob only to see that it is there took longer than
    // finding the whole history): a blob too large to read is not taken as the document.
    if let t = target {
      if let id = try? git.blobID(path, at: t), let size = try? git.blobSize(id),
        size <= DocumentLoader.sizeLimit
      {
        return path
      }
    } else if (try? bytes(of: path, at: revision)) != nil {
      return path
    }
    guard let start = target ?? (try? git.head()) ?? nil, let docs = try? documentPaths(at: revision) else {
      return nil
    }
    for d in docs where d != path {
      if let h = try? git.history(of: d, from: start), h.contains(where: { $0.path == path }) { return d }
    }
    return nil
  }
}

/// The versions threads are walked through, read from the repository through libgit2.
final class GitVersions: VersionSource {
  let repo: DraftRepository
  let revision: String
  let target: ObjectID?
  let cutoff: Int64?

  init(_ repo: DraftRepository, revision: String, target: ObjectID?) {
    self.repo = repo
    self.revision = revision
    self.target = target
    // The next commit after the target on HEAD's first-parent line: events without a
    // commit made after it came after the target.
    var next: Int64?
    if let t = target, var c = (try? repo.git.head()) ?? nil, c != t, repo.git.contains(t, in: c) {
      for _ in 0..<100_000 {
        guard let info = try? repo.git.commitInfo(c), let parent = info.parents.first else { break }
        if parent == t {
          next = info.info.author.time
          break
        }
        c = parent
      }
    }
    cutoff = next
  }

  func versions(of path: String) throws(VersionReadError) -> [VersionStep] {
    let start: ObjectID
    if let target {
      let blob: ObjectID?
      do { blob = try repo.git.blobID(path, at: target) } catch {
        throw VersionReadError("'\(path)' at \(target.short): \(error.message)")
      }
      guard blob != nil else { return [] }
      start = target
    } else {
      // Absent on disk: deleted. Present but unreadable: `document(at:)` says why.
      var st = stat()
      guard let root = repo.git.workdir, lstat(root + path, &st) == 0 else { return [] }
      let head: ObjectID?
      do { head = try repo.git.head() } catch { throw VersionReadError("HEAD: \(error.message)") }
      guard let h = head else { return [.worktree] }
      start = h
    }
    var chain: [VersionStep] = []
    let history: [CommitInfo]
    do { history = try repo.git.history(of: path, from: start) } catch {
      throw VersionReadError("the history of '\(path)': \(error.message)")
    }
    for c in history.reversed() {
      do {
        if let b = try repo.git.blobID(c.path, at: c.id) { chain.append(VersionStep(blob: b.hex, commit: c.id.hex)) }
      } catch {
        throw VersionReadError("'\(c.path)' at \(c.id.short): \(error.message)")
      }
    }
    if target == nil {
      chain.append(.worktree)
    } else if let t = target, let b = try? repo.git.blobID(path, at: t), chain.last?.key != b.hex {
      chain.append(VersionStep(blob: b.hex, commit: t.hex))
    }
    return chain
  }

  func document(at v: VersionStep, path: String) throws(VersionReadError) -> Document {
    if let ahead, let read = ahead.take(v, path: path) { return try read.get().document }
    return try parsed(v, path: path)
  }

  /// A version read ahead comes prepared for comparison on the reader's thread.
  func side(at v: VersionStep, path: String) throws(VersionReadError) -> DiffSide {
    if let ahead, let read = ahead.take(v, path: path) { return try read.get() }
    return DiffSide(try parsed(v, path: path))
  }

  private func parsed(_ v: VersionStep, path: String) throws(VersionReadError) -> Document {
    if v.isWorktree {
      let bytes: [UInt8]
      do { bytes = try repo.bytes(of: path, at: DraftRepository.worktree).bytes } catch {
        throw VersionReadError("'\(path)' at \(DraftRepository.worktree): \(error.description)")
      }
      do { return try DocumentLoader.load(consume bytes, path: path, cache: parses) } catch {
        throw VersionReadError("'\(path)' at \(DraftRepository.worktree): \(error.description)")
      }
    }
    // While the reader parses the oldest versions from their top, a version read here
    // (the asked one, first) is parsed from its end: the two meet in the middle.
    // The bytes out of their Result first, so the loader holds the only reference to them.
    let bytes = try Self.read(v, path: path, git: repo.git).get()
    return try Self.parse(consume bytes, v, path: path, cache: parses, warmFromEnd: ahead != nil).get()
  }

  /// How an error names a version: its commit, short.
  static func name(_ v: VersionStep) -> String { v.commit.map { String($0.prefix(7)) } ?? v.key }

  /// The bytes of a committed version.
  static func read(_ v: VersionStep, path: String, git: Repository) -> Result<[UInt8], VersionReadError> {
    let name = name(v)
    guard let id = ObjectID(hex: v.key) else {
      return .failure(VersionReadError("'\(path)' at \(name): not a blob id"))
    }
    do { return .success(try git.readBlob(id)) } catch {
      return .failure(VersionReadError("'\(path)' at \(name): \(error.message)"))
    }
  }

  /// A committed version's bytes parsed (consumed: front matter is blanked in them).
  static func parse(
    _ bytes: consuming [UInt8], _ v: VersionStep, path: String, cache: ParseCache, warmFromEnd: Bool = false
  )
    -> Result<
      Document, VersionReadError
    >
  {
    do {
      return .success(try DocumentLoader.load(consume bytes, path: path, cache: cache, warmFromEnd: warmFromEnd))
    } catch {
      return .failure(VersionReadError("'\(path)' at \(name(v)): \(error.description)"))
    }
  }

  /// Versions being read on a second thread (see `readAhead`).
  private var ahead: ReadAhead?

  /// Reads `steps` on a second thread, through a second handle on the repository (a
  /// `Repository` serves one thread), in order. Parsing is shared: the walk parses a
  /// version it is waiting for when its bytes are there, and the reader parses the oldest
  /// version nobody has taken whenever it is two versions ahead, so both cores stay busy
  /// whether reading (libgit2) or diffing is the slower half.
  func readAhead(_ steps: [VersionStep], path: String) {
    ahead?.cancel()
    ahead?.profile()
    var seen = Set<String>()
    let todo = steps.filter { !$0.isWorktree && seen.insert($0.key).inserted }
    guard todo.count > 1 else {
      ahead = nil
      return
    }
    let cache = parses
    let box = ReadAhead(todo, path: path) { bytes, v in
      Self.parse(consume bytes, v, path: path, cache: cache).map { DiffSide($0) }
    }
    ahead = box
    let gitdir = repo.git.gitdir
    Thread.detachNewThread {
      let clock = PhaseClock()
      defer { clock.lap("read ahead \(todo.count) versions") }
      guard let git = try? Repository(discoverFrom: gitdir) else { return box.finish() }
      for v in todo {
        if box.isCancelled { break }
        box.arrived(v.key, Self.read(v, path: path, git: git))
        while box.parseOldest(ifAtLeast: 2) {}
      }
      while !box.isCancelled && box.parseOldest(ifAtLeast: 1) {}
      box.finish()
    }
  }

  deinit {
    ahead?.cancel()
    ahead?.profile()
  }

  /// Sections parsed in earlier versions: each version parses only the sections it changed.
  private let parses = ParseCache()

  /// Per anchor version (many threads share one): origins and `isLater` answers.
  private var origins: [String: AnchorOrigin] = [:]
  private var later: [String: Bool] = [:]

  func origin(of a: Anchor, in chain: [VersionStep]) -> AnchorOrigin {
    let key = "\(a.commit ?? "")|\(a.base ?? "")|\(a.revision)|\(a.path)|\(chain.count)|\(chain.last?.key ?? "")"
    if let o = origins[key] { return o }
    let o = findOrigin(a, chain)
    origins[key] = o
    return o
  }

  private func findOrigin(_ a: Anchor, _ chain: [VersionStep]) -> AnchorOrigin {
    var id = (a.commit ?? a.base).flatMap { ObjectID(hex: $0) }
    if id == nil || (try? repo.git.commitInfo(id!)) == nil {
      id = a.revision == DraftRepository.worktree ? nil : ((try? repo.git.resolveCommit(a.revision)) ?? nil)
    }
    guard let c = id else { return .unknown }
    let found: ObjectID?
    do { found = try repo.git.blobID(a.path, at: c) } catch {
      return .unreadable(VersionReadError("'\(a.path)' at \(c.short): \(error.message)"))
    }
    guard let blob = found else { return .unknown }
    if let k = chain.lastIndex(where: { $0.key == blob.hex }) { return .inChain(k) }
    return .offChain(VersionStep(blob: blob.hex, commit: c.hex))
  }

  func isLater(_ commit: String) -> Bool {
    if let known = later[commit] { return known }
    guard let t = target, let c = ObjectID(hex: commit), c != t else { return false }
    let answer = repo.git.contains(t, in: c)
    later[commit] = answer
    return answer
  }
}

/// Versions read ahead on a second thread, parsed and prepared for comparison (`DiffSide`),
/// handed to the walk in any order: taking one that is still being read waits for it;
/// taking one whose bytes are there but that nobody parses yet parses it on the taking
/// thread. A version is handed over once and then let go (the walk holds two at a time);
/// taken again (a text that came back later in the history), it is the caller's to read.
private final class ReadAhead: @unchecked Sendable {
  private enum Slot {
    case waiting
    case read([UInt8])
    case parsing
    case done(Result<DiffSide, VersionReadError>)
    case taken
  }

  private let condition = NSCondition()
  private let order: [VersionStep]
  /// Takes the bytes over (the slot no longer holds them), so they are parsed in place.
  private let parse: @Sendable (consuming [UInt8], VersionStep) -> Result<DiffSide, VersionReadError>
  private var slots: [String: Slot] = [:]
  private var unparsed = 0
  private var finished = false
  private var cancelled = false
  private let path: String
  /// For `REDLINE_PROFILE`: how long the walk waited for the reader, and how many versions
  /// the walk parsed itself.
  private var waited: UInt64 = 0
  private var parsedByWalk = 0

  init(
    _ order: [VersionStep], path: String,
    parse: @escaping @Sendable (consuming [UInt8], VersionStep) -> Result<DiffSide, VersionReadError>
  ) {
    self.order = order
    self.path = path
    self.parse = parse
    for v in order { slots[v.key] = .waiting }
  }

  var isCancelled: Bool {
    condition.lock()
    defer { condition.unlock() }
    return cancelled
  }

  /// The reader has read (or failed to read) `key`.
  func arrived(_ key: String, _ r: Result<[UInt8], VersionReadError>) {
    condition.lock()
    switch r {
    case .success(let bytes):
      slots[key] = .read(bytes)
      unparsed += 1
    case .failure(let e): slots[key] = .done(.failure(e))
    }
    condition.broadcast()
    condition.unlock()
  }

  /// Parses the oldest version whose bytes nobody has taken, when at least `n` wait;
  /// false when there was none.
  func parseOldest(ifAtLeast n: Int) -> Bool {
    condition.lock()
    guard unparsed >= n, let v = order.first(where: { if case .read = slots[$0.key] { true } else { false } }),
      case .read(let bytes) = slots[v.key]
    else {
      condition.unlock()
      return false
    }
    slots[v.key] = .parsing
    unparsed -= 1
    condition.unlock()
    let r = parse(consume bytes, v)
    condition.lock()
    slots[v.key] = .done(r)
    condition.broadcast()
    condition.unlock()
    return true
  }

  /// The reader stopped: nothing more arrives.
  func finish() {
    condition.lock()
    finished = true
    condition.broadcast()
    condition.unlock()
  }

  func cancel() {
    condition.lock()
    cancelled = true
    condition.unlock()
  }

  /// Waits for the reader (the lock held), counting the time for `profile`.
  private func wait() {
    let t = DispatchTime.now().uptimeNanoseconds
    condition.wait()
    waited += DispatchTime.now().uptimeNanoseconds - t
  }

  /// Prints, under `REDLINE_PROFILE`, how long the walk waited for the reader and how many
  /// versions it parsed itself: once per document walked (`readAhead` and `deinit`).
  func profile() {
    guard getenv("REDLINE_PROFILE") != nil else { return }
    condition.lock()
    let line =
      "[profile] walk waited \(Double(waited) / 1e6) ms for the reader; parsed \(parsedByWalk) of \(order.count) versions itself\n"
    condition.unlock()
    FileHandle.standardError.write(Data(line.utf8))
  }

  /// The version `asked`: waits while it is read or parsed elsewhere, parses it here when
  /// its bytes are waiting; nil when this reader does not read it (or stopped before it),
  /// so the caller reads it itself, as it does a text taken before (one that came back
  /// later in the history). An error names the commit asked for, as reading it would.
  func take(_ asked: VersionStep, path: String) -> Result<DiffSide, VersionReadError>? {
    guard let r = taken(asked.key, path: path), let v = order.first(where: { $0.key == asked.key }) else { return nil }
    guard case .failure(let e) = r, v.commit != asked.commit else { return r }
    let was = "'\(path)' at \(GitVersions.name(v)): "
    guard e.description.hasPrefix(was) else { return r }
    return .failure(
      VersionReadError("'\(path)' at \(GitVersions.name(asked)): " + e.description.dropFirst(was.count)))
  }

  private func taken(_ key: String, path: String) -> Result<DiffSide, VersionReadError>? {
    guard path == self.path, let v = order.first(where: { $0.key == key }) else { return nil }
    condition.lock()
    while true {
      switch slots[key] {
      case .done(let r)?:
        slots[key] = .taken
        condition.unlock()
        return r
      case .read(let bytes)?:
        slots[key] = .parsing
        unparsed -= 1
        parsedByWalk += 1
        condition.unlock()
        let r = parse(consume bytes, v)
        condition.lock()
        slots[key] = .taken
        condition.broadcast()
        condition.unlock()
        return r
      case .waiting?:
        if finished {
          condition.unlock()
          return nil
        }
        wait()
      case .parsing?:
        wait()
      case .taken?, nil:
        condition.unlock()
        return nil
      }
    }
  }
}
