import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReport

/// Standard input as `-` and an absent side as `/dev/null` (git's external diff).
public enum Inputs {
  /// The name that means standard input.
  public static let stdin = "-"

  /// Reads all of standard input.
  public static func readStandardInput() -> [UInt8] { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
}

/// Compares two files on disk where one side may be `-` (standard input) and either may be
/// `/dev/null` (a file added or deleted: an empty document). The format comes from
/// `documentPath` when given, else from the other side's extension, else Markdown.
public func compareInputs(
  _ oldPath: String, _ newPath: String, documentPath: String? = nil, oldRef: VersionRef? = nil, newRef: VersionRef? = nil,
  options: DiffOptions = DiffOptions(), readStdin: () -> [UInt8] = Inputs.readStandardInput
) throws(RedlineError) -> Comparison {
  if oldPath == Inputs.stdin && newPath == Inputs.stdin {
    throw .invalidArgument("only one side can be standard input (-); name a file for the other")
  }
  let named = [documentPath, oldPath, newPath].compactMap { $0 }.first { $0 != Inputs.stdin && $0 != "/dev/null" && DocumentLoader.isDocumentPath($0) }
  let format = named.flatMap { DocumentLoader.format(for: $0) } ?? .markdown
  func read(_ p: String) throws(RedlineError) -> RawVersion {
    let label = p == Inputs.stdin ? "(standard input)" : p
    let bytes: [UInt8]
    if p == Inputs.stdin {
      bytes = readStdin()
    } else if p == "/dev/null" {
      bytes = []
    } else {
      guard let d = FileManager.default.contents(atPath: p) else { throw .fileNotFound(path: p) }
      bytes = [UInt8](d)
    }
    return RawVersion(revision: label, commit: nil, path: documentPath ?? label, bytes: bytes, format: format)
  }
  var c = try compareRaw(read(oldPath), read(newPath), options: options)
  if let oldRef { c.oldRef = oldRef }
  if let newRef { c.newRef = newRef }
  return c
}
