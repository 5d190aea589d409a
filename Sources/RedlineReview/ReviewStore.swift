import Dispatch
import Foundation
import Synchronization

/// Why a review operation failed. One line, naming the fix.
package enum ReviewError: Error, Sendable, CustomStringConvertible {
  case noSuchThread(String, known: [String])
  case ambiguousThread(String, candidates: [String])
  case brokenThread(ThreadFileError)
  /// `reviews/` (or a thread file) is not a real folder (file) of the repository.
  case unsafePath(String)
  /// The thread's state forbids the operation (reopen an open thread, resolve twice).
  case refused(String)
  case io(String)

  package var description: String {
    switch self {
    case .noSuchThread(let id, let known):
      let k =
        known.isEmpty
        ? "there are no threads yet"
        : "threads are " + known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", …" : "")
      return "no comment thread '\(id)' in reviews/; \(k) (see `redline comments`)"
    case .ambiguousThread(let id, let c):
      return "'\(id)' matches several threads: \(c.joined(separator: ", ")); type more of the id"
    case .brokenThread(let e):
      return e.description
    case .unsafePath(let m), .refused(let m), .io(let m):
      return m
    }
  }
}

/// The `reviews/` folder: one file per thread (`<id>.jsonl`), written atomically.
///
/// Creating a thread never overwrites a file (link, not rename). Appending an event takes
/// an exclusive lock (`lockPath`), reads the file, adds one line and renames a complete
/// new file over it, so two reviewers replying at once both keep their reply. The folder
/// must be a real folder and thread files regular files: symbolic links are refused, so
/// nothing is read from or written to outside the repository.
package struct ReviewStore: Sendable {
  /// Absolute path of the reviews folder.
  package let folder: String
  /// The lock file for appends (kept outside the folder, e.g. in `.git/`).
  package let lockPath: String

  package init(folder: String, lockPath: String) {
    self.folder = folder
    self.lockPath = lockPath
  }

  /// `reviews/.gitattributes`: lets git merge concurrent appends to one thread file.
  package static let gitattributes = "*.jsonl merge=union\n"

  /// What is at `path` without following a symbolic link: nil when nothing is.
  static func fileType(_ path: String) -> mode_t? {
    var st = stat()
    guard lstat(path, &st) == 0 else { return nil }
    return st.st_mode & S_IFMT
  }

  /// Refuses a `reviews` that is a symbolic link or not a folder (nothing there is fine).
  package func checkFolder() throws(ReviewError) {
    guard let type = Self.fileType(folder) else { return }
    if type == S_IFLNK {
      throw .unsafePath("reviews/ is a symbolic link; it must be a real folder of the repository (remove the link)")
    }
    if type != S_IFDIR {
      throw .unsafePath("reviews is not a folder; move that file away so Redline can keep threads in reviews/")
    }
  }

  /// Reads a thread file, refusing anything but a regular file (never follows a link).
  func read(_ path: String, rel: String) throws(ReviewError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_NOFOLLOW)
    guard fd >= 0 else {
      if errno == ELOOP { throw .unsafePath("\(rel) is a symbolic link; thread files must be regular files") }
      throw .io("\(rel) cannot be read: \(String(cString: strerror(errno)))")
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { throw .unsafePath("\(rel) is not a regular file") }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = buf.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress, $0.count) }
      if n < 0 && errno == EINTR { continue }
      guard n >= 0 else { throw .io("\(rel) cannot be read: \(String(cString: strerror(errno)))") }
      if n == 0 { return out }
      out += buf[0..<n]
    }
  }

  /// Thread file names (`<id>.jsonl`), sorted.
  package func files() -> [String] {
    guard (try? checkFolder()) != nil else { return [] }
    return ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .filter { $0.hasSuffix("." + ThreadFile.fileExtension) && !$0.hasPrefix(".") }.sorted()
  }

  /// Every thread, and one error per file that could not be read (those are kept out of
  /// `threads` but never silently: the caller reports them). A symbolic-link `reviews/`
  /// is one error and no threads.
  package func load() -> (threads: [ReviewThread], errors: [ThreadFileError]) {
    guard (try? checkFolder()) != nil else {
      return (
        [],
        [
          ThreadFileError(
            file: "reviews/", line: nil,
            reason: "is a symbolic link or not a folder; it must be a real folder of the repository")
        ]
      )
    }
    // Files are read and decoded on two threads (a store of a thousand threads is read on
    // every `comments` and `serve` request), then kept in file order.
    let names = files()
    let halves = Mutex<[[Result<ReviewThread, ThreadFileError>]]>([[], []])
    let store = self
    let ways = names.count >= 64 ? 2 : 1
    DispatchQueue.concurrentPerform(iterations: ways) { half in
      let mine = stride(from: half, to: names.count, by: ways).map { store.loadOne(names[$0]) }
      halves.withLock { $0[half] = mine }
    }
    let parts = halves.withLock { $0 }
    var threads: [ReviewThread] = []
    var errors: [ThreadFileError] = []
    for n in names.indices {
      let r = parts[n % ways][n / ways]
      switch r {
      case .success(let t): threads.append(t)
      case .failure(let e): errors.append(e)
      }
    }
    return (threads, errors)
  }

  /// One thread file read and decoded, or why not.
  private func loadOne(_ f: String) -> Result<ReviewThread, ThreadFileError> {
    let rel = "reviews/" + f
    let bytes: [UInt8]
    do { bytes = try read(folder + "/" + f, rel: rel) } catch {
      let why =
        if case .unsafePath = error {
          "is a symbolic link or not a regular file; thread files must be regular files"
        } else { "cannot be read" }
      return .failure(ThreadFileError(file: rel, line: nil, reason: why))
    }
    do { return .success(try ThreadFile.decode(bytes, file: rel)) } catch { return .failure(error) }
  }

  /// The full id for a unique prefix of one (an empty prefix names nothing).
  package func resolveID(_ prefix: String) throws(ReviewError) -> String {
    let ids = files().map { String($0.dropLast(ThreadFile.fileExtension.count + 1)) }
    guard !prefix.isEmpty else { throw .noSuchThread(prefix, known: ids) }
    if ids.contains(prefix) { return prefix }
    let m = ids.filter { $0.hasPrefix(prefix) }
    if m.count == 1 { return m[0] }
    if m.isEmpty { throw .noSuchThread(prefix, known: ids) }
    throw .ambiguousThread(prefix, candidates: m)
  }

  /// A new random id: eight lowercase letters and digits (not starting with a digit).
  package static func newID() -> String {
    let letters = Array("abcdefghjkmnpqrstuvwxyz")
    let alnum = Array("abcdefghjkmnpqrstuvwxyz23456789")
    return String(letters.randomElement()!) + String((0..<7).map { _ in alnum.randomElement()! })
  }

  /// Path of a thread's file.
  package func path(of id: String) -> String { folder + "/" + id + "." + ThreadFile.fileExtension }

  /// Writes a new thread; returns the paths written (the thread file, and
  /// `.gitattributes` when it was missing). `then` runs with those paths (to commit them);
  /// when it throws, the files written are removed again, so nothing changes.
  package func create<E: Error>(_ t: ReviewThread, then: ([String]) throws(E) -> Void) throws(StoreFailure<E>)
    -> [String]
  {
    var written: [String] = []
    do {
      try checkFolder()
      if Self.fileType(folder) == nil {
        do { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) } catch {
          throw ReviewError.io("cannot create '\(folder)': \(error.localizedDescription)")
        }
      }
      let attributes = folder + "/.gitattributes"
      if Self.fileType(attributes) == nil {
        do {
          try AtomicFile.create(Array(Self.gitattributes.utf8), at: attributes)
          written.append(attributes)
        } catch {
          if Self.fileType(attributes) == nil { throw ReviewError.io(error.description) }
        }
      }
      var text = ThreadFile.encode(t.events[0], threadID: t.id, anchor: t.anchor) + "\n"
      for e in t.events.dropFirst() { text += ThreadFile.encode(e) + "\n" }
      do { try AtomicFile.create(Array(text.utf8), at: path(of: t.id)) } catch {
        throw ReviewError.io(error.description)
      }
      written.append(path(of: t.id))
    } catch let e as ReviewError {
      for p in written { unlink(p) }
      throw .review(e)
    } catch {
      for p in written { unlink(p) }
      throw .review(.io("\(error)"))
    }
    do { try then(written) } catch {
      for p in written { unlink(p) }
      throw .then(error)
    }
    return written
  }

  /// Writes a new thread (no follow-up step).
  package func create(_ t: ReviewThread) throws(ReviewError) -> [String] {
    do { return try create(t) { (_: [String]) throws(Never) in } } catch {
      switch error {
      case .review(let e): throw e
      case .then(let never): switch never {}
      }
    }
  }

  /// Appends one event to a thread; returns the thread as stored after the append.
  /// `check` sees the thread before the append (to refuse it); `then` runs with the file's
  /// new bytes while the lock is still held (to commit them, so no other reviewer's
  /// append can slip in between). When `then` throws, the file is put back as it was.
  package func append<E: Error>(
    _ e: ThreadEvent, to id: String, check: (ReviewThread) throws(ReviewError) -> Void = { _ in },
    then: ([UInt8]) throws(E) -> Void
  ) throws(StoreFailure<E>) -> ReviewThread {
    let file = path(of: id)
    let rel = "reviews/\(id).jsonl"
    var failure: StoreFailure<E>?
    var result: ReviewThread?
    do {
      try AtomicFile.withLock(lockPath) {
        let r: (old: [UInt8], new: [UInt8], thread: ReviewThread)
        do throws(ReviewError) { r = try write(e, file: file, rel: rel, check: check) } catch {
          failure = .review(error)
          return
        }
        result = r.thread
        let old = r.old
        do throws(E) { try then(r.new) } catch {
          try? AtomicFile.write(old, to: file)
          failure = .then(error)
        }
      }
    } catch {
      throw .review(.io("\(error)"))
    }
    if let failure { throw failure }
    guard let result else { throw .review(.io("\(rel) was not written")) }
    return result
  }

  /// Under the lock: checks the thread, appends `e`, returns the bytes before and the thread after.
  private func write(_ e: ThreadEvent, file: String, rel: String, check: (ReviewThread) throws(ReviewError) -> Void)
    throws(ReviewError) -> (old: [UInt8], new: [UInt8], thread: ReviewThread)
  {
    try checkFolder()
    let old = try read(file, rel: rel)
    let before: ReviewThread
    // Never append to a broken file.
    do { before = try ThreadFile.decode(old, file: rel) } catch { throw .brokenThread(error) }
    try check(before)
    var bytes = old
    if let last = bytes.last, last != 0x0A { bytes.append(0x0A) }
    bytes += Array((ThreadFile.encode(e) + "\n").utf8)
    do { try AtomicFile.write(bytes, to: file) } catch { throw .io(error.description) }
    do { return (old, bytes, try ThreadFile.decode(bytes, file: rel)) } catch { throw .brokenThread(error) }
  }

  /// Appends one event (no follow-up step).
  package func append(_ e: ThreadEvent, to id: String) throws(ReviewError) -> ReviewThread {
    do { return try append(e, to: id) { (_: [UInt8]) throws(Never) in } } catch {
      switch error {
      case .review(let e): throw e
      case .then(let never): switch never {}
      }
    }
  }

  /// Reads one thread.
  package func thread(_ id: String) throws(ReviewError) -> ReviewThread {
    try checkFolder()
    let rel = "reviews/\(id).jsonl"
    guard Self.fileType(path(of: id)) != nil else { throw .noSuchThread(id, known: []) }
    let bytes = try read(path(of: id), rel: rel)
    do { return try ThreadFile.decode(bytes, file: rel) } catch { throw .brokenThread(error) }
  }
}

/// A store operation's failure: the store's own, or the follow-up step's (a commit).
package enum StoreFailure<E: Error>: Error {
  case review(ReviewError)
  case then(E)
}
