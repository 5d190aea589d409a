import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReport
import Synchronization

/// Standard input as `-` and an absent side as `/dev/null` (git's external diff).
package enum Inputs {
  /// The name that means standard input.
  package static let stdin = "-"

  /// Standard input, read up to one byte past the document size limit (so a larger input
  /// is refused without being held whole in memory).
  package static func readStandardInput() -> [UInt8] {
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while out.count <= DocumentLoader.sizeLimit {
      let n = chunk.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress!, $0.count) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }
}

/// Compares two files on disk where one side may be `-` (standard input) and either may be
/// `/dev/null` (a file added or deleted: an empty document). The format comes from
/// `documentPath` when given, else from the other side's extension, else Markdown.
package func compareInputs(
  _ oldPath: String, _ newPath: String, documentPath: String? = nil, oldRef: VersionRef? = nil,
  newRef: VersionRef? = nil,
  options: DiffOptions = DiffOptions(), readStdin: () -> [UInt8] = Inputs.readStandardInput
) throws(RedlineError) -> Comparison {
  if oldPath == Inputs.stdin && newPath == Inputs.stdin {
    throw .invalidArgument("only one side can be standard input (-); name a file for the other")
  }
  let named = [documentPath, oldPath, newPath].compactMap { $0 }.first {
    $0 != Inputs.stdin && $0 != "/dev/null" && DocumentLoader.isDocumentPath($0)
  }
  let format = named.flatMap { DocumentLoader.format(for: $0) } ?? .markdown
  @Sendable func readFile(_ p: String) throws(RedlineError) -> RawVersion {
    let bytes = p == "/dev/null" ? SourceBytes([]) : try SafeRead.regularFileSource(p, shownAs: p)
    return RawVersion(revision: p, commit: nil, path: documentPath ?? p, source: bytes, format: format)
  }
  func read(_ p: String) throws(RedlineError) -> RawVersion {
    guard p == Inputs.stdin else { return try readFile(p) }
    let label = "(standard input)"
    let bytes = readStdin()
    if bytes.count > DocumentLoader.sizeLimit {
      throw .document(.tooLarge(path: label, bytes: bytes.count, limit: DocumentLoader.sizeLimit))
    }
    return RawVersion(revision: label, commit: nil, path: documentPath ?? label, bytes: bytes, format: format)
  }
  var c: Comparison
  if isRegularFile(oldPath) && isRegularFile(newPath) {
    // Two regular files are read at once, each into fresh pages on its own core; when
    // both fail, the old side's error is the one reported, as when they were read in turn.
    // Anything else (standard input, /dev/null, a FIFO, a missing file) is read in turn, so
    // nothing is opened after the old side has failed.
    let reads = Mutex<[Result<RawVersion, RedlineError>?]>([nil, nil])
    Workers.perform(iterations: 2) { k in
      let r = Result { () throws(RedlineError) in try readFile(k == 0 ? oldPath : newPath) }
      reads.withLock { $0[k] = r }
    }
    // Taken out of the lock, so that compareRaw holds the only reference to each file's
    // bytes and lets them go once parsed, before the diff (at 5 MB, a fifth of the peak).
    let (x, y) = try reads.withLock { r throws(RedlineError) in
      defer { r = [nil, nil] }
      return (try r[0]!.get(), try r[1]!.get())
    }
    c = try compareRaw(consume x, consume y, options: options)
  } else {
    c = try compareRaw(read(oldPath), read(newPath), options: options)
  }
  if let oldRef { c.oldRef = oldRef }
  if let newRef { c.newRef = newRef }
  return c
}

/// True when `path` is, at this moment, a regular file (following links).
private func isRegularFile(_ path: String) -> Bool {
  var st = stat()
  return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
}
