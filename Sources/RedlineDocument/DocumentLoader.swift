import Foundation

/// Why a file cannot be read as a document. Each message names the problem and the fix.
package enum DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
  case binary(path: String)
  case notUTF8(path: String, byteOffset: Int)
  case tooLarge(path: String, bytes: Int, limit: Int)
  case unsupportedType(path: String)
  case utf16(path: String)
  case tooDeep(path: String, line: Int, limit: Int)
  case tooManyItems(path: String, limit: Int)
  case changedWhileRead(path: String)

  package var description: String {
    switch self {
    case .binary(let p):
      return "'\(p)' is a binary file (it contains NUL bytes); Redline compares Markdown (.md) and plain text (.txt)"
    case .notUTF8(let p, let off):
      return
        "'\(p)' is not valid UTF-8 (first bad byte at offset \(off)); save it as UTF-8, e.g. `iconv -f latin1 -t utf-8`"
    case .tooLarge(let p, let n, let limit):
      return
        "'\(p)' is \(n / 1_048_576) MiB, over the \(limit / 1_048_576) MiB limit for one document; split it into several files"
    case .unsupportedType(let p):
      return "'\(p)' is not a document Redline reads; use a .md, .markdown or .txt file"
    case .utf16(let p):
      return "'\(p)' is UTF-16; convert it to UTF-8, e.g. `iconv -f UTF-16 -t UTF-8`"
    case .tooDeep(let p, let line, let limit):
      return
        "'\(p)' nests lists or quotes more than \(limit) levels deep (line \(line)); Redline refuses it rather than spend the memory"
    case .tooManyItems(let p, let limit):
      return "'\(p)' has more than \(limit) list items and quotes; split it into several documents"
    case .changedWhileRead(let p):
      return "'\(p)' changed while it was being read; compare it again once it is saved"
    }
  }
}

/// Checks raw bytes and picks the parser by file extension.
package enum DocumentLoader {
  /// Largest document accepted: 64 MiB (a 1,000-page decision is about 3 MiB).
  package static let sizeLimit = 64 * 1_048_576
  /// Deepest nesting of lists and block quotes accepted in Markdown (a policy document
  /// uses 3 or 4; each level costs cmark and the model memory on every line below it).
  package static let maxNesting = 32
  /// Most list items and quote markers accepted in one Markdown document (a 1,000-page
  /// decision has a few tens of thousands).
  package static let maxListItems = 500_000

  /// File extensions read as documents, lowercased.
  package static let markdownExtensions: Set<String> = ["md", "markdown", "mdown", "mkd"]
  package static let textExtensions: Set<String> = ["txt", "text"]

  /// True when the path's extension names a document Redline reads.
  package static func isDocumentPath(_ path: String) -> Bool { format(for: path) != nil }

  /// The format for a path, by extension.
  package static func format(for path: String) -> DocumentFormat? {
    let name = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = name.lastIndex(of: ".") else { return nil }
    let ext = name[name.index(after: dot)...].lowercased()
    if markdownExtensions.contains(ext) { return .markdown }
    if textExtensions.contains(ext) { return .plainText }
    return nil
  }

  /// Validates and parses. Throws `DocumentError` for binary, non-UTF-8, oversized or unknown files.
  /// A `cache` shared by the versions of one document lets Markdown sections whose bytes
  /// were parsed before be reused (see `MarkdownParser.parse`).
  ///
  /// The bytes are consumed: when the caller hands over its only reference, the byte-order
  /// mark, CRLF line ends and front matter are dealt with in that buffer, not in a copy of
  /// the whole file.
  package static func load(
    _ bytes: consuming [UInt8], path: String, format explicit: DocumentFormat? = nil, cache: ParseCache? = nil,
    warmFromEnd: Bool = false
  ) throws(DocumentError) -> Document {
    try load(SourceBytes(bytes), path: path, format: explicit, cache: cache, warmFromEnd: warmFromEnd)
  }

  /// `load` of bytes an array or a mapped file holds (`SourceBytes`): a mapped file is read
  /// where it lies, and only a page written to (CRLF, front matter) is copied.
  package static func load(
    _ source: consuming SourceBytes, path: String, format explicit: DocumentFormat? = nil, cache: ParseCache? = nil,
    warmFromEnd: Bool = false
  ) throws(DocumentError) -> Document {
    guard let format = explicit ?? format(for: path) else { throw .unsupportedType(path: path) }
    if let e = source.withUnsafeBufferPointer({ problem($0, path: path) }) { throw e }
    // A mapped file's bytes are checked here and read again below: one rewritten in place
    // meanwhile would have been checked as one text and parsed as another.
    let unchanged = source.unchangedCheck
    var b = consume source
    if b.starts(with: [0xEF, 0xBB, 0xBF]) { b.removeFirst(3) }  // UTF-8 byte-order mark
    normalizeLineEndings(&b)
    // After the line ends are made LF: a lone CR ends a line for cmark, and must for the
    // scan too, or lines ending in CR would hide their nesting from it.
    // The line index is made once, for the scan and the parse (each searched for every line's
    // end on its own).
    var lines: LineIndex?
    if format == .markdown {
      let index = b.withUnsafeBufferPointer { LineIndex(CheckedBytes($0)) }
      switch b.withUnsafeBufferPointer({
        NestingScan.check($0, lines: index, maxDepth: maxNesting, maxContainers: maxListItems)
      }) {
      case .tooDeep(let line): throw .tooDeep(path: path, line: line, limit: maxNesting)
      case .tooManyContainers: throw .tooManyItems(path: path, limit: maxListItems)
      case nil: break
      }
      lines = index
    }
    let document: Document
    switch format {
    case .markdown:
      document = MarkdownParser.parse(
        consume b, path: path, cache: cache, warmFromEnd: warmFromEnd, inPieces: true, lines: lines)
    case .plainText: document = b.withUnsafeBufferPointer { PlainTextParser.parse($0, path: path) }
    }
    if let unchanged, !unchanged() { throw .changedWhileRead(path: path) }
    return document
  }

  /// CRLF becomes LF and a lone CR becomes LF (as cmark reads them), so every parser and
  /// line count sees one kind of line ending; line numbers are unchanged for CRLF files.
  /// Done in place (the text only shrinks), so a CRLF file is not held twice.
  static func normalizeLineEndings(_ b: inout SourceBytes) {
    guard
      let first = b.withUnsafeBufferPointer({ p -> Int? in
        guard let base = p.baseAddress, let hit = memchr(base, 0x0D, p.count) else { return nil }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
      })
    else { return }
    let kept = b.withUnsafeMutableBufferPointer { p -> Int in
      var w = first
      var i = first
      while i < p.count {
        let c = p[i]
        if c == 0x0D {
          p[w] = 0x0A
          if i + 1 < p.count && p[i + 1] == 0x0A { i += 1 }
        } else {
          p[w] = c
        }
        w += 1
        i += 1
      }
      return w
    }
    b.removeLast(b.count - kept)
  }

  /// Throws when the bytes are too large, binary or not UTF-8.
  package static func validate(_ bytes: [UInt8], path: String) throws(DocumentError) {
    if let e = bytes.withUnsafeBufferPointer({ problem($0, path: path) }) { throw e }
  }

  /// Why the bytes are not a document (too large, UTF-16, binary or not UTF-8), or nil.
  static func problem(_ p: UnsafeBufferPointer<UInt8>, path: String) -> DocumentError? {
    if p.count > sizeLimit { return .tooLarge(path: path, bytes: p.count, limit: sizeLimit) }
    if looksUTF16(p) { return .utf16(path: path) }
    let (nul, bad) = FastText.scan(p)  // one pass for both
    if nul != nil { return .binary(path: path) }
    if let bad { return .notUTF8(path: path, byteOffset: bad) }
    return nil
  }

  /// A UTF-16 byte-order mark, or NUL in every other byte of the first line's worth of
  /// ASCII (UTF-16 without a mark).
  static func looksUTF16(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    let b = CheckedBytes(p)
    if b.count >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)) { return true }
    let n = min(b.count, 64) & ~1
    guard n >= 4 else { return false }
    let evenNul = stride(from: 0, to: n, by: 2).allSatisfy { b[$0] == 0 && b[$0 + 1] != 0 }
    let oddNul = stride(from: 0, to: n, by: 2).allSatisfy { b[$0] != 0 && b[$0 + 1] == 0 }
    return evenNul || oddNul
  }

  /// Offset of the first byte that breaks UTF-8, or nil when the whole buffer is valid:
  /// the plain byte-at-a-time statement of the rule `FastText.scan` applies eight bytes at
  /// a time (tests hold the two to the same answers).
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
    bytes.withUnsafeBufferPointer { p -> Int? in
      var i = 0
      while i < p.count {
        if p[i] < 0x80 {
          i += 1
          continue
        }
        let len = FastText.scalarLength(p, i)
        if len == 0 { return i }
        i += len
      }
      return nil
    }
  }
}
