import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the Markdown walker found in one piece of a document, in source order, with line
/// numbers counted from the piece's first line (1-based). Replayed into a
/// `DocumentBuilder` with the piece's offset, so a piece parsed once serves every version
/// that holds the same bytes.
enum ParsedItem: Sendable, Equatable {
  case heading(level: Int, parts: HeadingParts, line: Int)
  case block(kind: BlockKind, line: Int, endLine: Int, text: String, depth: Int, invisibles: [String])
}

/// The parse of a piece: its items, and whether its last top-level block (a fenced code
/// block, an HTML block or a table) might run on into the next piece, in which case the
/// two are parsed together.
package struct PieceParse: Sendable, Equatable {
  var items: [ParsedItem]
  var openAtEnd: Bool
}

/// Remembers the parse of each piece of Markdown (a run of lines from one ATX heading at
/// the left margin to the next) by its bytes. Comparing two versions, or walking a
/// document's history, parses only the sections whose bytes changed; every other section
/// reuses the first parse. A hit compares the bytes themselves, not only a hash, so the
/// result is always the parse of exactly those bytes. Safe to share between threads.
package final class ParseCache: Sendable {
  private struct Entry {
    /// The piece's bytes are `source[range]`: a copy of just the piece (`copiesBytes`), or
    /// the version it came from.
    let source: SourceBytes
    let range: Range<Int>
    let tables: Bool
    let parse: PieceParse
  }

  private struct State: ~Copyable {
    var entries: [UInt64: [Entry]] = [:]
    var bytes = 0
  }

  private let state = Mutex(State())
  private let limit: Int
  private let copiesBytes: Bool
  /// Block texts shared between the versions parsed through this cache, when it has one.
  let texts: TextTable?

  /// A cache that forgets everything once it holds more than `byteLimit` bytes of source
  /// (a long history of a large document stays within memory). With `copiesBytes` (for a
  /// history) each piece keeps a copy of its own bytes; without (for two versions that
  /// stay in memory anyway) it keeps a reference to its version's bytes. With
  /// `sharesTexts` (for two versions parsed together) equal block texts in pieces that
  /// differ are made once (`TextTable`); a history's cache, which lives longer, does not.
  /// `expectedBytes`: about how many bytes the versions parsed together hold, to make the
  /// shared texts' table at its size before the parse threads start (`TextTable`).
  package init(
    byteLimit: Int = 256 * 1_048_576, copiesBytes: Bool = true, sharesTexts: Bool = false, expectedBytes: Int = 0
  ) {
    limit = byteLimit
    self.copiesBytes = copiesBytes
    texts = sharesTexts ? TextTable(expected: TextTable.expectedTexts(bytes: expectedBytes)) : nil
  }

  /// The remembered parse of `source[range]` (parsed with or without the table extension).
  func find(_ source: CheckedBytes, _ range: Range<Int>, hash: UInt64, tables: Bool) -> PieceParse? {
    state.withLock { s -> PieceParse? in
      guard let list = s.entries[hash] else { return nil }
      for e in list where e.tables == tables && e.range.count == range.count {
        if Self.same(e.source, e.range, source, range) { return e.parse }
      }
      return nil
    }
  }

  /// Remembers the parse of `source[range]`; the entry keeps `source` (or, with
  /// `copiesBytes`, a copy of the piece).
  func store(_ source: SourceBytes, _ range: Range<Int>, hash: UInt64, tables: Bool, parse: PieceParse) {
    state.withLock { s in
      if s.bytes + range.count > limit {
        s.entries.removeAll()
        s.bytes = 0
      }
      let known = source.withUnsafeBufferPointer { p in
        s.entries[hash]?.contains(where: {
          $0.tables == tables && $0.range.count == range.count && Self.same($0.source, $0.range, CheckedBytes(p), range)
        }) ?? false
      }
      if known { return }
      let entry =
        copiesBytes
        ? Entry(
          source: SourceBytes(source.withUnsafeBufferPointer { Array(CheckedBytes($0)[range]) }),
          range: 0..<range.count,
          tables: tables, parse: parse)
        : Entry(source: source, range: range, tables: tables, parse: parse)
      s.entries[hash, default: []].append(entry)
      s.bytes += range.count
    }
  }

  /// Forgets everything. The sources (the versions' bytes, a mapped file's pages) are let go
  /// here; the parses, hundreds of thousands of small objects in a long document, are
  /// returned for the caller to free where it likes (`releaseInBackground`).
  package func removeAll() -> [PieceParse] {
    state.withLock { s in
      var parses: [PieceParse] = []
      for (_, list) in s.entries { for e in list { parses.append(e.parse) } }
      s.entries = [:]
      s.bytes = 0
      return parses
    }
  }

  private static func same(_ a: SourceBytes, _ ra: Range<Int>, _ b: CheckedBytes, _ rb: Range<Int>) -> Bool {
    guard ra.count == rb.count else { return false }
    if ra.isEmpty { return true }
    precondition(rb.lowerBound >= 0 && rb.upperBound <= b.count, "piece beyond the bytes")
    return a.withUnsafeBufferPointer { pa in
      precondition(ra.lowerBound >= 0 && ra.upperBound <= pa.count, "piece beyond the bytes")
      return memcmp(pa.baseAddress! + ra.lowerBound, b.buffer.baseAddress! + rb.lowerBound, ra.count) == 0
    }
  }

  /// A 64-bit hash of `source[range]` (`ByteHash`). Only a bucket: a hit is confirmed by
  /// comparing the bytes.
  static func hash(_ source: CheckedBytes, _ range: Range<Int>) -> UInt64 {
    precondition(range.lowerBound >= 0 && range.upperBound <= source.count, "piece beyond the bytes")
    return source.withUnsafeBytes { raw in
      ByteHash.of(raw.baseAddress.map { $0 + range.lowerBound }, count: range.count)
    }
  }

  /// `hash` of an array's bytes (for tests).
  static func hash(_ source: [UInt8], _ range: Range<Int>) -> UInt64 {
    source.withUnsafeBufferPointer { hash(CheckedBytes($0), range) }
  }
}

/// Where a Markdown document can be cut into pieces that cmark parses exactly as it parses
/// them inside the whole document.
///
/// A piece starts at an ATX heading (`#` to `######` then a space, a tab or the line's end)
/// at the left margin. Such a line ends every paragraph, list, block quote and indented
/// code block above it (a heading cannot continue a paragraph lazily, and it lacks the
/// indentation or `>` that would continue a container), so cmark's parse of the piece is
/// the same as inside the document. Three top-level blocks can run through the heading: a
/// fenced code block, an HTML block and a GFM table; a piece that ends in one of them is
/// parsed together with the next. Link reference definitions are the one thing cmark shares
/// across the whole document (a heading's `[text][ref]` becomes a link only when `[ref]:`
/// is defined somewhere), so a document with a `]:` anywhere is parsed in one piece.
enum Pieces {
  /// The first line (1-based) of each piece, ascending, starting with 1.
  static func starts(_ source: [UInt8], _ lines: LineIndex) -> [Int] {
    source.withUnsafeBufferPointer { starts(CheckedBytes($0), lines) }
  }

  /// `starts` of bytes lent for the call.
  static func starts(_ source: CheckedBytes, _ lines: LineIndex) -> [Int] {
    var out = [1]
    source.withUnsafeBufferPointer { p in
      guard let base = p.baseAddress, p.count > 0 else { return }
      // A CR (a line end cmark reads, which the line index does not; `DocumentLoader` has
      // turned them into LF already): one piece.
      if memchr(base, 0x0D, p.count) != nil { return }
      // `]:` anywhere: one piece (see above).
      var i = 0
      while i < p.count, let hit = memchr(base + i, 0x5D, p.count - i) {
        let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(hit))
        if at + 1 < p.count && p[at + 1] == 0x3A { return }
        i = at + 1
      }
      let starts = lines.starts
      for n in 1..<starts.count {
        let s = starts[n]
        guard s < p.count, p[s] == 0x23 else { continue }
        var j = s
        while j < p.count && j - s < 7 && p[j] == 0x23 { j += 1 }
        let hashes = j - s
        guard hashes <= 6 else { continue }
        if j == p.count || p[j] == 0x20 || p[j] == 0x09 || p[j] == 0x0A { out.append(n + 1) }
      }
    }
    return out
  }
}
