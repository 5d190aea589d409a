import Foundation

/// Why a review operation failed. One line, naming the fix.
public enum ReviewError: Error, Sendable, CustomStringConvertible {
  case noSuchThread(String, known: [String])
  case ambiguousThread(String, candidates: [String])
  case brokenThread(ThreadFileError)
  case io(String)

  public var description: String {
    switch self {
    case .noSuchThread(let id, let known):
      let k = known.isEmpty ? "there are no threads yet" : "threads are " + known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", …" : "")
      return "no comment thread '\(id)' in reviews/; \(k) (see `redline comments`)"
    case .ambiguousThread(let id, let c):
      return "'\(id)' matches several threads: \(c.joined(separator: ", ")); type more of the id"
    case .brokenThread(let e):
      return e.description
    case .io(let m):
      return m
    }
  }
}

/// The `reviews/` folder: one file per thread (`<id>.jsonl`), written atomically.
///
/// Creating a thread never overwrites a file (link, not rename). Appending an event takes
/// an exclusive lock (`lockPath`), reads the file, adds one line and renames a complete
/// new file over it, so two reviewers replying at once both keep their reply.
public struct ReviewStore: Sendable {
  /// Absolute path of the reviews folder.
  public let folder: String
  /// The lock file for appends (kept outside the folder, e.g. in `.git/`).
  public let lockPath: String

  public init(folder: String, lockPath: String) {
    self.folder = folder
    self.lockPath = lockPath
  }

  /// `reviews/.gitattributes`: lets git merge concurrent appends to one thread file.
  public static let gitattributes = "*.jsonl merge=union\n"

  /// Thread file names (`<id>.jsonl`), sorted.
  public func files() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix("." + ThreadFile.fileExtension) && !$0.hasPrefix(".") }.sorted()
  }

  /// Every thread, and one error per file that could not be read (those are kept out of
  /// `threads` but never silently: the caller reports them).
  public func load() -> (threads: [ReviewThread], errors: [ThreadFileError]) {
    var threads: [ReviewThread] = []
    var errors: [ThreadFileError] = []
    for f in files() {
      let rel = "reviews/" + f
      guard let d = FileManager.default.contents(atPath: folder + "/" + f) else {
        errors.append(ThreadFileError(file: rel, line: nil, reason: "cannot be read"))
        continue
      }
      do {
        threads.append(try ThreadFile.decode([UInt8](d), file: rel))
      } catch {
        errors.append(error)
      }
    }
    return (threads, errors)
  }

  /// The full id for a unique prefix of one.
  public func resolveID(_ prefix: String) throws(ReviewError) -> String {
    let ids = files().map { String($0.dropLast(ThreadFile.fileExtension.count + 1)) }
    if ids.contains(prefix) { return prefix }
    let m = ids.filter { $0.hasPrefix(prefix) }
    if m.count == 1 { return m[0] }
    if m.isEmpty { throw .noSuchThread(prefix, known: ids) }
    throw .ambiguousThread(prefix, candidates: m)
  }

  /// A new random id: eight lowercase letters and digits (not starting with a digit).
  public static func newID() -> String {
    let letters = Array("abcdefghjkmnpqrstuvwxyz")
    let alnum = Array("abcdefghjkmnpqrstuvwxyz23456789")
    return String(letters.randomElement()!) + String((0..<7).map { _ in alnum.randomElement()! })
  }

  /// Path of a thread's file.
  public func path(of id: String) -> String { folder + "/" + id + "." + ThreadFile.fileExtension }

  /// Writes a new thread; returns the paths written (the thread file, and
  /// `.gitattributes` when it was missing).
  public func create(_ t: ReviewThread) throws(ReviewError) -> [String] {
    var written: [String] = []
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw .io("cannot create '\(folder)': \(error.localizedDescription)")
    }
    let attributes = folder + "/.gitattributes"
    if !FileManager.default.fileExists(atPath: attributes) {
      do {
        try AtomicFile.create(Array(Self.gitattributes.utf8), at: attributes)
        written.append(attributes)
      } catch {
        if !FileManager.default.fileExists(atPath: attributes) { throw .io(error.description) }
      }
    }
    var text = ThreadFile.encode(t.events[0], threadID: t.id, anchor: t.anchor) + "\n"
    for e in t.events.dropFirst() { text += ThreadFile.encode(e) + "\n" }
    do {
      try AtomicFile.create(Array(text.utf8), at: path(of: t.id))
    } catch {
      throw .io(error.description)
    }
    written.append(path(of: t.id))
    return written
  }

  /// Appends one event to a thread; returns the thread as stored after the append.
  /// `then` runs with the file's new bytes while the lock is still held (to commit them,
  /// so no other reviewer's append can slip in between the write and the commit).
  public func append(_ e: ThreadEvent, to id: String, then: (([UInt8]) throws -> Void)? = nil) throws(ReviewError)
    -> ReviewThread
  {
    let file = path(of: id)
    do {
      return try AtomicFile.withLock(lockPath) { () throws -> ReviewThread in
        guard let d = FileManager.default.contents(atPath: file) else { throw ReviewError.noSuchThread(id, known: []) }
        var bytes = [UInt8](d)
        _ = try ThreadFile.decode(bytes, file: "reviews/\(id).jsonl")  // never append to a broken file
        if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
        bytes += Array((ThreadFile.encode(e) + "\n").utf8)
        try AtomicFile.write(bytes, to: file)
        let thread = try ThreadFile.decode(bytes, file: "reviews/\(id).jsonl")
        try then?(bytes)
        return thread
      }
    } catch let e as ReviewError {
      throw e
    } catch let e as ThreadFileError {
      throw .brokenThread(e)
    } catch let e as AtomicFile.Failure {
      throw .io(e.description)
    } catch let e as CustomStringConvertible {
      throw .io(e.description)
    } catch {
      throw .io("\(error)")
    }
  }

  /// Reads one thread.
  public func thread(_ id: String) throws(ReviewError) -> ReviewThread {
    guard let d = FileManager.default.contents(atPath: path(of: id)) else { throw .noSuchThread(id, known: []) }
    do { return try ThreadFile.decode([UInt8](d), file: "reviews/\(id).jsonl") } catch { throw .brokenThread(error) }
  }
}
