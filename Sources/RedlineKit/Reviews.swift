import Foundation
import RedlineDiff
import RedlineDocument
import RedlineGit
import RedlineReview

extension DraftRepository {
  /// The `reviews/` folder of the working tree.
  public func reviewStore() throws(RedlineError) -> ReviewStore {
    guard let root = git.workdir else {
      throw .invalidArgument("comments live in reviews/ of a working tree, but this repository is bare; clone it first")
    }
    return ReviewStore(folder: root + "reviews", lockPath: git.gitdir + "redline-reviews.lock")
  }

  /// Who is acting: `--author "Name <email>"`, else the repository's user.name/user.email.
  public func person(_ author: String?) throws(RedlineError) -> Signature {
    let now = Int64(Date().timeIntervalSince1970)
    if let author {
      do { return try Signature.parseAuthor(author, now: now) } catch { throw .invalidArgument("--author: \(error.description)") }
    }
    if let s = git.configuredSignature(now: now) {
      do { try Signature.validate(name: s.name, email: s.email) } catch {
        throw .invalidArgument("git config user.name/user.email: \(error.description)")
      }
      return s
    }
    throw .invalidArgument("who is commenting? pass --author 'Name <email>' or set user.name and user.email in git config")
  }

  /// Attaches a new thread to the block labelled `block` (`§2.1 ¶3`) or to the one block
  /// containing `quote`, at `revision`.
  public func addComment(
    revision: String, path: String?, block: String?, quote: String?, author: String?, message: String, commit: Bool
  ) throws(RedlineError) -> ReviewThread {
    let v = try load(path, at: revision)
    let doc = v.document
    let index: Int
    if let block {
      guard let i = doc.block(labeled: block) else {
        throw .invalidArgument(
          "no block '\(block)' in \(v.path) at \(revision); see the labels with `redline show \(revision)`")
      }
      index = i
    } else if let quote {
      let q = Normalizer.foldWhitespace(quote)
      let hits = doc.blocks.indices.filter { doc.blocks[$0].text.contains(q) }
      if hits.isEmpty {
        throw .invalidArgument("no block at \(revision) contains “\(q)”; check the wording or use --block LABEL")
      }
      if hits.count > 1 {
        let c = hits.prefix(8).map { "\(doc.blocks[$0].label) (line \(doc.blocks[$0].line))" }.joined(separator: ", ")
        throw .invalidArgument(
          "“\(q)” is in \(hits.count) blocks: \(c)\(hits.count > 8 ? ", …" : ""); quote more words or use --block LABEL")
      }
      index = hits[0]
    } else {
      throw .invalidArgument("say which paragraph: --block '§2.1 ¶3' or --quote 'words in it'")
    }
    guard !message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw .invalidArgument("the comment is empty; pass --message TEXT")
    }
    let who = try person(author)
    let anchor = Anchor.make(
      doc: doc, block: index, path: v.path, commit: v.commit?.hex, revision: revision,
      quote: quote.map(Normalizer.foldWhitespace))
    let store = try reviewStore()
    let thread = ReviewThread(
      id: ReviewStore.newID(), anchor: anchor,
      events: [ThreadEvent(kind: .comment, time: who.time, author: Person(name: who.name, email: who.email), body: message)])
    let written: [String]
    do { written = try store.create(thread) } catch { throw .io(error.description) }
    if commit {
      try commitReviewFiles(written, message: "Kommentti \(thread.id): \(anchor.label) (\(who.name))", author: who)
    }
    return thread
  }

  /// Appends a reply, resolve or reopen to thread `id` (a unique prefix is enough).
  public func addEvent(
    to id: String, kind: ThreadEvent.Kind, author: String?, body: String, disposition: Disposition? = nil,
    at revision: String = "HEAD", commit: Bool
  ) throws(RedlineError) -> ReviewThread {
    let store = try reviewStore()
    let full: String
    do { full = try store.resolveID(id) } catch { throw .invalidArgument(error.description) }
    let who = try person(author)
    var rev: String? = nil
    var commitID: String? = nil
    if kind == .resolve || kind == .reopen {
      rev = revision
      commitID = try self.commit(for: revision)?.hex
    }
    let event = ThreadEvent(
      kind: kind, time: who.time, author: Person(name: who.name, email: who.email), body: body, revision: rev,
      commit: commitID, disposition: disposition)
    let verb = ["reply": "Vastaus", "resolve": "Ratkaistu", "reopen": "Avattu uudelleen"][kind.rawValue] ?? kind.rawValue
    let thread: ReviewThread
    do {
      thread = try store.append(event, to: full) { bytes in
        guard commit else { return }
        // Commit exactly the bytes written, while the thread is still locked.
        do {
          try self.git.commit(
            [FileChange(path: "reviews/\(full).jsonl", content: bytes)], message: "\(verb) \(full) (\(who.name))\n",
            author: who)
        } catch let e as GitError {
          throw RedlineError.git(e)
        }
      }
    } catch let e as ReviewError {
      throw .invalidArgument(e.description)
    } catch {
      throw .io("\(error)")
    }
    return thread
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

  /// Every thread's status at `revision` (default HEAD), re-anchored version by version.
  public func comments(at revision: String = "HEAD", path: String? = nil) throws(RedlineError) -> CommentsReport {
    let store = try reviewStore()
    let (threads, errors) = store.load()
    let target = try commit(for: revision)
    var report = CommentsReport(revision: revision, commit: target?.hex, documents: [:], threads: [], errors: errors)
    let wanted = path.map { normalizeRelative($0) }
    var byPath: [String: [ReviewThread]] = [:]
    for t in threads where wanted == nil || t.anchor.path == wanted { byPath[t.anchor.path, default: []].append(t) }
    for (p, ts) in byPath.sorted(by: { $0.key < $1.key }) {
      let current = currentPath(of: p, at: revision, target: target) ?? p
      let placed = try placeThreads(ts, path: current, revision: revision, target: target)
      if let doc = placed.document { report.documents[p] = doc }
      report.threads += placed.reports
    }
    for e in errors {
      let id = (e.file.split(separator: "/").last.map(String.init) ?? e.file).replacingOccurrences(of: ".jsonl", with: "")
      report.threads.append(
        ThreadReport(
          id: id, thread: nil,
          placement: Placement(status: .unreadable, block: nil, moved: false, matchedBy: "none", confidence: 0, changes: nil),
          error: e.description))
    }
    report.threads.sort { ($0.thread?.opening.time ?? .max, $0.id) < ($1.thread?.opening.time ?? .max, $1.id) }
    return report
  }

  /// Follows the threads on one document from their versions to `revision`: each version
  /// in between is read and parsed once, each consecutive pair diffed once.
  func placeThreads(_ threads: [ReviewThread], path: String, revision: String, target: ObjectID?) throws(RedlineError)
    -> (document: Document?, reports: [ThreadReport])
  {
    // The document at the target revision.
    let finalDoc: Document?
    if let (_, bytes) = try? self.bytes(of: path, at: revision) {
      do { finalDoc = try DocumentLoader.load(bytes, path: path) } catch { throw .document(error) }
    } else {
      finalDoc = nil
    }
    guard let finalDoc else {
      // The document is gone at this revision: every open thread is outdated.
      return (
        nil,
        threads.map { t in
          ThreadReport(
            id: t.id, thread: t,
            placement: Placement(
              status: t.isResolved ? .resolved : .outdated, block: nil, moved: false, matchedBy: "none", confidence: 0,
              changes: nil), error: nil)
        }
      )
    }
    // The chain of versions: commits that changed the file, oldest first, ending at the target.
    var chain: [(blob: ObjectID?, commit: ObjectID?)] = []
    let head = target ?? (try? git.head()) ?? nil
    if let head, let history = try? git.history(of: path, from: head) {
      for c in history.reversed() {
        if let blob = try? git.blobID(c.path, at: c.id) { chain.append((blob, c.id)) }
      }
    }
    if target == nil { chain.append((nil, nil)) }  // WORKTREE: the file on disk is the last version
    var docs: [Int: Document] = [:]
    var maps: [Int: [Int: (index: Int, changed: Bool, confidence: Double)]] = [:]
    func doc(_ k: Int) -> Document? {
      if let d = docs[k] { return d }
      let d: Document?
      if k == chain.count - 1 {
        d = finalDoc
      } else if let blob = chain[k].blob, let bytes = try? git.readBlob(blob) {
        d = try? DocumentLoader.load(bytes, path: path)
      } else {
        d = nil
      }
      docs[k] = d
      return d
    }
    func map(_ k: Int) -> [Int: (index: Int, changed: Bool, confidence: Double)]? {
      if let m = maps[k] { return m }
      guard let a = doc(k), let b = doc(k + 1) else { return nil }
      let m = Reanchor.mapping(Differ.diff(a, b))
      maps[k] = m
      return m
    }
    var reports: [ThreadReport] = []
    let finalIndex = TextIndex(finalDoc.blocks.map(\.text))
    var exactIndexes: [Int: TextIndex] = [:]
    func anchorIndex(_ a: Anchor, _ k: Int, _ d: Document) -> Int? {
      if a.index >= 0, a.index < d.blocks.count, d.blocks[a.index].text == a.text { return a.index }
      let ix = exactIndexes[k] ?? TextIndex(d.blocks.map(\.text))
      exactIndexes[k] = ix
      let hits = ix.exact(a.text)
      return hits.count == 1 ? hits[0] : nil
    }
    var starts: [String: Int?] = [:]
    for t in threads {
      var trail: Trail? = nil
      let key = "\(t.anchor.commit ?? "")|\(t.anchor.revision)|\(t.anchor.path)"
      if starts[key] == nil { starts[key] = .some(startPosition(t.anchor, chain: chain)) }
      if let start = starts[key]!, let startDoc = doc(start),
        let idx = anchorIndex(t.anchor, start, startDoc)
      {
        var tr = Trail(index: idx)
        var k = start
        while k < chain.count - 1, tr.index != nil {
          guard let m = map(k) else {
            tr.index = nil
            break
          }
          tr = Reanchor.step(tr, m)
          k += 1
        }
        trail = tr
      } else if let direct = directTrail(t.anchor, to: finalDoc) {
        trail = direct
      }
      reports.append(
        ThreadReport(id: t.id, thread: t, placement: Reanchor.place(t, trail: trail, in: finalDoc, index: finalIndex), error: nil))
    }
    return (finalDoc, reports)
  }

  /// The document's path at `revision`: `path` itself, or the path it was renamed to
  /// (found through the history of each document there, which follows renames).
  func currentPath(of path: String, at revision: String, target: ObjectID?) -> String? {
    if (try? bytes(of: path, at: revision)) != nil { return path }
    guard let start = target ?? (try? git.head()) ?? nil, let docs = try? documentPaths(at: revision) else { return nil }
    for d in docs where d != path {
      if let h = try? git.history(of: d, from: start), h.contains(where: { $0.path == path }) { return d }
    }
    return nil
  }

  /// Where in the chain the anchor's version sits: the newest version with the same blob.
  func startPosition(_ a: Anchor, chain: [(blob: ObjectID?, commit: ObjectID?)]) -> Int? {
    var id = a.commit.flatMap { ObjectID(hex: $0) }
    if id == nil || (try? git.commitInfo(id!)) == nil { id = try? git.resolveCommit(a.revision) }
    guard let c = id, let blob = try? git.blobID(a.path, at: c) else { return nil }
    return chain.lastIndex { $0.blob == blob }
  }

  /// The anchored block in its own version: by index when the text agrees, else by text.
  func anchorIndex(_ a: Anchor, in doc: Document) -> Int? {
    if a.index >= 0, a.index < doc.blocks.count, doc.blocks[a.index].text == a.text { return a.index }
    let hits = doc.blocks.indices.filter { doc.blocks[$0].text == a.text }
    return hits.count == 1 ? hits[0] : nil
  }

  /// When the anchor's version is in the repository but not on the target's history (another
  /// branch), one direct diff from it.
  func directTrail(_ a: Anchor, to finalDoc: Document) -> Trail? {
    var id = a.commit.flatMap { ObjectID(hex: $0) }
    if id == nil || (try? git.commitInfo(id!)) == nil { id = try? git.resolveCommit(a.revision) }
    guard let c = id, let bytes = try? git.readFile(a.path, at: c),
      let startDoc = try? DocumentLoader.load(bytes, path: a.path), let idx = anchorIndex(a, in: startDoc)
    else { return nil }
    return Reanchor.step(Trail(index: idx), Reanchor.mapping(Differ.diff(startDoc, finalDoc)))
  }
}
