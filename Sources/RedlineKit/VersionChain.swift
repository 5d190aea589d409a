import Foundation
import RedlineDiff
import RedlineDocument
import RedlineGit
import RedlineReport
import RedlineReview

/// The versions of one document along a revision's history, oldest first, ending at the
/// revision (or the working tree). Each version is read and parsed once (cached by blob
/// id, so a reverted text is not parsed twice) and each consecutive pair diffed once.
///
/// Used by `history`, `blame` and `parallel`; not `Sendable` (it owns a cache).
final class VersionChain {
  let repo: DraftRepository
  /// The document's path at the revision.
  let path: String
  let revision: String
  /// The versions, oldest first.
  private(set) var versions: [VersionInfo] = []
  /// Blob of each version; nil for the working tree.
  private(set) var blobs: [ObjectID?] = []
  /// The history stops at a shallow clone's boundary (the oldest version is not the first).
  private(set) var shallow = false
  private var worktreeBytes: [UInt8]?
  private var parsed: [ObjectID: Document] = [:]
  /// Sections parsed in any version: a version parses only the sections it changed.
  let parses = ParseCache()
  private var worktreeDoc: Document?
  private var steps: [Int: DocumentDiff] = [:]

  init(repo: DraftRepository, path: String?, revision: String) throws(RedlineError) {
    self.repo = repo
    self.revision = revision
    let p = try repo.resolvePath(path, at: revision)
    self.path = p
    let target = try repo.commit(for: revision)
    let start: ObjectID? = target ?? (try? repo.git.head()) ?? nil
    if let start {
      let hist: [CommitInfo]
      do { hist = try repo.git.history(of: p, from: start) } catch { throw .git(error) }
      shallow = hist.contains { $0.isShallowBoundary }
      for c in hist.reversed() {
        guard let b = try? repo.git.blobID(c.path, at: c.id) else { continue }
        blobs.append(b)
        versions.append(
          VersionInfo(
            commit: c.id.hex, tags: c.tags, author: c.author.name, email: c.author.email, time: c.author.time,
            summary: c.summary, path: c.path))
      }
    }
    if target == nil {
      let (_, bytes) = try repo.bytes(of: p, at: revision)
      let same = blobs.last.flatMap { $0 }.flatMap { try? repo.git.readBlob($0) } == bytes
      if !same {
        blobs.append(nil)
        worktreeBytes = bytes
        let who = repo.git.configuredSignature(now: Int64(Date().timeIntervalSince1970))
        versions.append(
          VersionInfo(
            commit: nil, tags: [], author: who?.name ?? "", email: who?.email ?? "",
            time: Int64(Date().timeIntervalSince1970), summary: "not committed", path: p))
      }
    }
    if versions.isEmpty {
      throw .pathNotInRevision(path: p, revision: revision, documents: (try? repo.documentPaths(at: revision)) ?? [])
    }
  }

  var count: Int { versions.count }

  /// The versions as a history or blame at `revision` shows them.
  func documentVersions(at revision: String, threadErrors: [String]) -> DocumentVersions {
    DocumentVersions(path: path, revision: revision, versions: versions, shallow: shallow, threadErrors: threadErrors)
  }

  /// The parsed version `k`.
  func document(_ k: Int) throws(RedlineError) -> Document {
    guard let blob = blobs[k] else {
      if let d = worktreeDoc { return d }
      do { worktreeDoc = try DocumentLoader.load(worktreeBytes ?? [], path: path, cache: parses) } catch {
        throw .document(error)
      }
      return worktreeDoc!
    }
    if let d = parsed[blob] { return d }
    let bytes: [UInt8]
    do { bytes = try repo.git.readBlob(blob) } catch { throw .git(error) }
    let d: Document
    do { d = try DocumentLoader.load(consume bytes, path: versions[k].path, cache: parses) } catch {
      throw .document(error)
    }
    parsed[blob] = d
    return d
  }

  /// Keeps a parsed document for version `k` (parsed elsewhere, e.g. on another thread).
  func store(_ d: Document, at k: Int) {
    if let b = blobs[k] { parsed[b] = d } else { worktreeDoc = d }
  }

  /// True when version `k` is already parsed.
  func isParsed(_ k: Int) -> Bool { blobs[k].map { parsed[$0] != nil } ?? (worktreeDoc != nil) }

  /// Reads the raw bytes of version `k` (for parsing off this thread).
  func bytes(_ k: Int) throws(RedlineError) -> [UInt8] {
    guard let blob = blobs[k] else { return worktreeBytes ?? [] }
    do { return try repo.git.readBlob(blob) } catch { throw .git(error) }
  }

  /// Drops parsed versions before `k` whose blob does not come back later.
  func release(before k: Int) {
    let later = Set(blobs[k...].compactMap { $0 })
    for i in 0..<k { if let b = blobs[i], !later.contains(b) { parsed[b] = nil } }
  }

  /// Drops parsed versions after `k` whose blob does not occur at or before `k` (a backward walk).
  func release(after k: Int) {
    let earlier = Set(blobs[...k].compactMap { $0 })
    for i in (k + 1)..<blobs.count { if let b = blobs[i], !earlier.contains(b) { parsed[b] = nil } }
  }

  /// The diff from version `k` to `k + 1`, computed once.
  func diff(_ k: Int) throws(RedlineError) -> DocumentDiff {
    if let d = steps[k] { return d }
    let d = Differ.diff(try document(k), try document(k + 1))
    steps[k] = d
    return d
  }

  /// Keeps a diff from `k` to `k + 1` computed elsewhere.
  func keep(_ d: DocumentDiff, at k: Int) { steps[k] = d }

  /// Forgets the diff from `k` to `k + 1` (blame needs each one only once).
  func forgetDiff(_ k: Int) { steps[k] = nil }

  /// The chain index of the version a thread was made on: the newest version with the
  /// blob its anchor commit has (nil when that version is not on this history).
  func start(of a: Anchor) -> Int? {
    // The anchor's commit, else (a rebuilt or rewritten history) the revision it names.
    var id = a.commit.flatMap { ObjectID(hex: $0) }
    if let c = id, (try? repo.git.commitInfo(c)) == nil { id = nil }
    guard let c = id ?? (try? repo.git.resolveCommit(a.revision)) ?? nil, let blob = try? repo.git.blobID(a.path, at: c)
    else { return nil }
    return blobs.lastIndex { $0 == blob }
  }

  /// The anchored block in version `k`: by index when the text agrees, else the one block with that text.
  func anchorBlock(_ a: Anchor, in d: Document) -> Int? {
    if a.index >= 0, a.index < d.blocks.count, d.blocks[a.index].text == a.text { return a.index }
    var hit: Int? = nil
    for (i, b) in d.blocks.enumerated() where b.text == a.text {
      if hit != nil { return nil }
      hit = i
    }
    return hit
  }
}

extension DraftRepository {
  /// The review threads on `path` (any of its names), or none when there is no reviews/
  /// folder (or the repository is bare); `errors` gets one line per thread file (or a
  /// reviews/ that is not a real folder) that cannot be read, so none is dropped silently.
  func threads(onAnyOf paths: Set<String>, errors: inout [String]) -> [ReviewThread] {
    guard git.workdir != nil else { return [] }
    let store: ReviewStore
    do { store = try reviewStore() } catch {
      errors.append(error.description)
      return []
    }
    let (threads, broken) = store.load()
    errors += broken.map(\.description)
    return threads.filter { paths.contains($0.anchor.path) }
  }
}
