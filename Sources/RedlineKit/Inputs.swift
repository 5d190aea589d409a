import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReport

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
  func read(_ p: String) throws(RedlineError) -> RawVersion {
    let label = p == Inputs.stdin ? "(standard input)" : p
    let bytes: [UInt8]
    if p == Inputs.stdin {
      bytes = readStdin()
      if bytes.count > DocumentLoader.sizeLimit {
        throw .document(.tooLarge(path: label, bytes: bytes.count, limit: DocumentLoader.sizeLimit))
      }
    } else if p == "/dev/null" {
      bytes = []
    } else {
      bytes = try SafeRead.regularFile(p, shownAs: p)
    }
    return RawVersion(revision: label, commit: nil, path: documentPath ?? label, bytes: bytes, format: format)
  }
  var c = try compareRaw(read(oldPath), read(newPath), options: options)
  if let oldRef { c.oldRef = oldRef }
  if let newRef { c.newRef = newRef }
  return c
}
