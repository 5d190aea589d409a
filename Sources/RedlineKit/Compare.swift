import Dispatch
import Foundation
import RedlineDiff
import RedlineDocument
import RedlineGit
import RedlineReport
import Synchronization

/// Two versions of a document and their diff: what `redline diff` and summaries show.
package struct Comparison: Sendable {
  package var old: DocumentVersion
  package var new: DocumentVersion
  package var diff: DocumentDiff
  package var oldRef: VersionRef
  package var newRef: VersionRef
}

/// Raw bytes of one side, before parsing: an array, or a file mapped into memory.
struct RawVersion: Sendable {
  var revision: String
  var commit: ObjectID?
  var path: String
  var bytes: SourceBytes
  var format: DocumentFormat?

  init(revision: String, commit: ObjectID?, path: String, bytes: consuming [UInt8], format: DocumentFormat?) {
    self.init(revision: revision, commit: commit, path: path, source: SourceBytes(bytes), format: format)
  }

  init(revision: String, commit: ObjectID?, path: String, source: consuming SourceBytes, format: DocumentFormat?) {
    self.revision = revision
    self.commit = commit
    self.path = path
    self.bytes = source
    self.format = format
  }
}

/// Parses both sides on two threads (sharing the sections they have in common), then diffs.
/// The versions are consumed: their bytes are let go once parsed, before the diff.
func compareRaw(_ x: consuming RawVersion, _ y: consuming RawVersion, options: DiffOptions) throws(RedlineError)
  -> Comparison
{
  let clock = PhaseClock.run
  clock.lap("read both")
  let oldRef = VersionRef(revision: x.revision, commit: x.commit?.hex, path: x.path)
  let newRef = VersionRef(revision: y.revision, commit: y.commit?.hex, path: y.path)
  let (old, new) = try parseBoth(consume x, consume y)  // the documents hold their own text
  clock.lap("parse both")
  let diff = Differ.diff(old.document, new.document, options: options)
  clock.lap("diff")
  return Comparison(old: old, new: new, diff: diff, oldRef: oldRef, newRef: newRef)
}

/// Both versions parsed on two threads. Sections with the same bytes in both are parsed
/// once: the second thread fills the shared cache from the end of its version while the
/// first parses from the top. The bytes end here; the cache is let go on another thread.
private func parseBoth(_ x: consuming RawVersion, _ y: consuming RawVersion) throws(RedlineError) -> (
  DocumentVersion, DocumentVersion
) {
  // .docx read as Markdown (WordImport.swift)
  let versions = Mutex<[RawVersion?]>([try wordAsMarkdown(consume x), try wordAsMarkdown(consume y)])
  // A mapped file is asked once both parses are done, not only at the end of its own: the
  // other thread reuses the parses of sections it finds in this one's bytes until then.
  let (checks, paths, largest) = versions.withLock { v in
    (v.map { $0?.bytes.unchangedCheck }, v.map { $0?.path ?? "" }, v.map { $0?.bytes.count ?? 0 }.max() ?? 0)
  }
  let results = ParseResults()
  // Both versions' bytes live until the cache lets go of them (`removeAll`, below); their
  // equal paragraphs share one text (most texts are in both: a table for the larger's).
  let cache = ParseCache(copiesBytes: false, sharesTexts: true, expectedBytes: largest)
  Workers.perform(iterations: 2) { k in
    // Each thread takes its version out, so the loader holds the only reference to the
    // file's bytes and blanks front matter or rewrites CRLF in them rather than in a copy.
    var v = versions.withLock { s in
      defer { s[k] = nil }
      return s[k]!
    }
    let bytes = v.bytes
    v.bytes = SourceBytes([])
    do {
      let doc = try DocumentLoader.load(
        consume bytes, path: v.path, format: v.format, cache: cache, warmFromEnd: k == 1)
      results.set(k, .success(DocumentVersion(revision: v.revision, commit: v.commit, path: v.path, document: doc)))
    } catch let e as DocumentError {
      results.set(k, .failure(e))
    } catch {
      results.set(k, .failure(.unsupportedType(path: v.path)))
    }
  }
  // The files are let go here (a mapped file is unmapped), before the diff; the cache's
  // parses, which took 1.5 ms to free at 5 MB with the other core idle, on another thread.
  let parses = cache.removeAll()
  releaseInBackground((consume cache, consume parses))
  let (a, b) = results.both()
  switch (a, b) {
  case (.success(let old), .success(let new)):
    for (check, path) in zip(checks, paths) where check?() == false {
      throw .document(.changedWhileRead(path: path))
    }
    return (old, new)
  case (.failure(let e), _), (_, .failure(let e)): throw .document(e)
  }
}

/// Holds the two parse results across the concurrent parse.
final class ParseResults: Sendable {
  private let lock = NSLock()
  nonisolated(unsafe) private var slots: [Result<DocumentVersion, DocumentError>?] = [nil, nil]

  func set(_ k: Int, _ r: Result<DocumentVersion, DocumentError>) {
    lock.lock()
    slots[k] = r
    lock.unlock()
  }

  func both() -> (Result<DocumentVersion, DocumentError>, Result<DocumentVersion, DocumentError>) {
    lock.lock()
    defer { lock.unlock() }
    return (slots[0]!, slots[1]!)
  }
}

extension DraftRepository {
  /// Compares a document at two revisions (`WORKTREE` allowed on either side).
  package func compare(
    _ oldRevision: String, _ newRevision: String, path: String?, options: DiffOptions = DiffOptions()
  )
    throws(RedlineError) -> Comparison
  {
    let p: String
    if let path {
      p = normalizeRelative(path)
    } else {
      // The document both revisions hold; the new side decides when they differ.
      p = try resolvePath(nil, at: newRevision)
    }
    let (oc, ob) = try bytes(of: p, at: oldRevision)
    let (nc, nb) = try bytes(of: p, at: newRevision)
    var c = try compareRaw(
      RawVersion(revision: oldRevision, commit: oc, path: p, bytes: consume ob, format: nil),
      RawVersion(revision: newRevision, commit: nc, path: p, bytes: consume nb, format: nil), options: options)
    c.oldRef = decorate(c.oldRef, oc)
    c.newRef = decorate(c.newRef, nc)
    return c
  }

  /// Adds the commit date and the authors of the changes to a version reference.
  func decorate(_ r: VersionRef, _ id: ObjectID?) -> VersionRef {
    var out = r
    if let id, let info = try? git.commitInfo(id) {
      out.date = info.info.author.time
      out.authors = [info.info.author.name]
    }
    return out
  }
}

/// Compares two files on disk, no repository needed (`redline diff --files a.md b.md`).
package func compareFiles(_ oldPath: String, _ newPath: String, options: DiffOptions = DiffOptions())
  throws(RedlineError)
  -> Comparison
{
  func read(_ p: String) throws(RedlineError) -> RawVersion {
    let d = try SafeRead.regularFileSource(p, shownAs: p)
    return RawVersion(revision: p, commit: nil, path: p, source: d, format: DocumentLoader.format(for: p) ?? .markdown)
  }
  return try compareRaw(read(oldPath), read(newPath), options: options)
}

/// Prints phase timings to standard error when `REDLINE_PROFILE` is set (for `make bench`).
package final class PhaseClock: Sendable {
  private let enabled = getenv("REDLINE_PROFILE") != nil  // not ProcessInfo's: it copies the whole environment
  private let start = Mutex(DispatchTime.now().uptimeNanoseconds)
  /// The process's processor time at the last lap, all threads together.
  private let cpuStart = Mutex(PhaseClock.processorTime())

  package init() {}

  /// The clock of the whole run: each lap is the time since the one before, whoever took it
  /// (start-up, reading, parsing, diffing, writing).
  package static let run = PhaseClock()

  /// Prints the time since the last lap. Safe from any thread: the time is read under the
  /// lock, so laps taken at once (`redline serve` compares on several threads) never go
  /// back in time.
  package func lap(_ name: String) {
    guard enabled else { return }
    let ns = start.withLock { v in
      let now = max(v, DispatchTime.now().uptimeNanoseconds)
      defer { v = now }
      return now - v
    }
    let cpu = cpuStart.withLock { v in
      let now = max(v, PhaseClock.processorTime())
      defer { v = now }
      return now - v
    }
    let memory = PhaseClock.residentMemory().map {
      String(format: ", resident %.1f MB (anonymous %.1f MB)", Double($0.total) / 1e6, Double($0.anonymous) / 1e6)
        + (PhaseClock.peakResident().map { String(format: ", peak %.1f MB", Double($0) / 1e6) } ?? "")
    }
    FileHandle.standardError.write(
      Data("[profile] \(name): \(Double(ns) / 1e6) ms (cpu \(Double(cpu) / 1e6) ms)\(memory ?? "")\n".utf8))
  }

  /// The processor time this process has used so far, all its threads, in nanoseconds: a
  /// lap's processor time above its wall time is work done on the second core.
  static func processorTime() -> UInt64 {
    var t = timespec()
    guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t) == 0 else { return 0 }
    return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
  }

  /// The process's resident memory now, in bytes, and the anonymous part of it (the heap and
  /// stacks, not the program's mapped code and data); from /proc/self/statm, nil without it.
  package static func residentMemory() -> (total: Int, anonymous: Int)? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let pages = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    guard pages.count >= 3 else { return nil }
    let size = Int(sysconf(Int32(_SC_PAGESIZE)))
    return (pages[1] * size, (pages[1] - pages[2]) * size)
  }

  /// The most memory the process has had resident so far, in bytes (`VmHWM` in
  /// /proc/self/status: what `/usr/bin/time` reports as maximum resident size); nil without it.
  package static func peakResident() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
      let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
      let kB = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
    else { return nil }
    return kB * 1024
  }
}
