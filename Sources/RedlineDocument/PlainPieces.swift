#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The plainest pieces of Markdown read without cmark: most sections of a decision are
/// an ATX heading, paragraphs and one-level bullet lists, and for those cmark's whole
/// work (blocks, then the inline pass of every paragraph, which Redline never reads)
/// decides nothing Redline keeps but where each paragraph and item starts and ends.
///
/// A piece qualifies only when every line is one of:
/// - blank (empty or spaces only);
/// - on the piece's first line only, an ATX heading: one to six `#`, one space, then
///   text with none of the characters cmark's inline pass reads (`` \ ` * _ [ ] < > ! & ~ | # ``)
///   and no tab, vertical tab, form feed or NUL;
/// - a bullet item: `-`, `*` or `+`, one space, then a plain start;
/// - a paragraph line (or a lazy continuation of the paragraph or item above): a plain
///   start at the left margin.
///
/// A plain start is a letter, a character beyond ASCII, `(`, `"`, or digits not followed
/// by `.` or `)` (which could open an ordered list). Anything else (indentation, quotes, fences,
/// tables, HTML, thematic breaks, setext underlines, link definitions, numbered lists,
/// nesting) returns nil and the piece goes to cmark. The result is held to cmark's parse
/// of the same bytes by tests (`PlainPiecesTests`), and the piecewise document parse to
/// cmark's parse of the whole document (`ParsePiecesTests`).
package enum PlainPieces {
  /// The items of `source[range]` (lines `firstLine…` of the document), or nil when the
  /// piece is not plain.
  static func parse(
    _ source: [UInt8], _ lines: LineIndex, _ range: Range<Int>, firstLine: Int, texts: TextTable? = nil
  ) -> PieceParse? {
    source.withUnsafeBufferPointer { parse(CheckedBytes($0), lines, range, firstLine: firstLine, texts: texts) }
  }

  /// `parse` of bytes lent for the call.
  static func parse(
    _ source: CheckedBytes, _ lines: LineIndex, _ range: Range<Int>, firstLine: Int, texts: TextTable? = nil
  ) -> PieceParse? {
    precondition(range.lowerBound >= 0 && range.upperBound <= source.count, "piece beyond the bytes")
    return source.withUnsafeBufferPointer { p -> PieceParse? in
      // A CR ends a line for cmark, not for the line index (the loader has made them LF).
      if !range.isEmpty && memchr(p.baseAddress! + range.lowerBound, 0x0D, range.count) != nil { return nil }
      // cmark skips a byte-order mark that starts its input (the loader has removed it).
      if range.count >= 3 && p[range.lowerBound] == 0xEF && p[range.lowerBound + 1] == 0xBB
        && p[range.lowerBound + 2] == 0xBF
      {
        return nil
      }
      let starts = lines.starts
      // First every line is classified, so a piece that turns out not to be plain costs a
      // scan, not the normalisation of its blocks (cmark then parses it).
      var heading: ParsedItem? = nil
      // Each paragraph or item: kind, first and last line (piece-relative), first byte column.
      var blocks: [(kind: BlockKind, line: Int, last: Int, column: Int)] = []
      var open = false  // the last of `blocks` may still take lines

      var n = 0  // the line, counted from 1 at the piece's start
      while true {
        let global = firstLine + n  // 1-based line of the document
        guard global - 1 < starts.count, starts[global - 1] < range.upperBound else { break }
        n += 1
        let s = starts[global - 1]
        var e = global < starts.count ? min(starts[global], range.upperBound) : range.upperBound
        if e > s && p[e - 1] == 0x0A { e -= 1 }
        var k = s
        while k < e && p[k] == 0x20 { k += 1 }
        if k == e {  // blank
          open = false
          continue
        }
        if k > s { return nil }  // indented
        switch p[s] {
        case 0x23:  // #
          guard n == 1, let h = Self.heading(p, s, e) else { return nil }
          heading = h
        case 0x2D, 0x2A, 0x2B:  // - * +
          guard e - s >= 3, p[s + 1] == 0x20, plainStart(p, s + 2, e) else { return nil }
          blocks.append((.listItem, n, n, 3))
          open = true
        default:
          guard plainStart(p, s, e) else { return nil }
          if open {
            blocks[blocks.count - 1].last = n  // a continuation, lazy for an item
          } else {
            blocks.append((.paragraph, n, n, 1))
            open = true
          }
        }
      }

      var items: [ParsedItem] = []
      items.reserveCapacity(blocks.count + 1)
      if let heading { items.append(heading) }
      for b in blocks {
        let r = lines.byteRange(from: b.line + firstLine - 1, to: b.last + firstLine - 1, firstColumn: b.column)
        let (text, inv) = Normalizer.normalize(bytes: UnsafeBufferPointer(rebasing: p[r]), texts: texts)
        items.append(.block(kind: b.kind, line: b.line, endLine: b.last, text: text, depth: 0, invisibles: inv))
      }
      return PieceParse(items: items, openAtEnd: false)
    }
  }

  /// A letter, a character beyond ASCII, `(` or `"` (no block starts with either: a
  /// statute's `(1)` is a paragraph), or digits not followed by `.` or `)`.
  static func plainStart(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Bool {
    let b = p[i]
    if b >= 0x80 { return b >= 0xC2 }  // a lead byte (the text is valid UTF-8)
    if (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A { return true }
    if b == 0x28 || b == 0x22 { return true }
    guard b >= 0x30 && b <= 0x39 else { return false }
    var j = i
    while j < e && p[j] >= 0x30 && p[j] <= 0x39 { j += 1 }
    return j == e || (p[j] != 0x2E && p[j] != 0x29)
  }

  /// `# text` with plain text (see the type's comment), as cmark's inline pass would give
  /// it: the text between the marker's space and the line's end, spaces trimmed.
  static func heading(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> ParsedItem? {
    var i = s
    while i < e && p[i] == 0x23 { i += 1 }
    let level = i - s
    guard level <= 6, i < e, p[i] == 0x20 else { return nil }
    var lo = i
    var hi = e
    while lo < hi && p[lo] == 0x20 { lo += 1 }
    while hi > lo && p[hi - 1] == 0x20 { hi -= 1 }
    guard lo < hi else { return nil }
    for k in lo..<hi {
      switch p[k] {
      // cmark's inline specials, and what it trims or replaces (tab, VT, FF, NUL).
      case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x21, 0x26, 0x7E, 0x7C, 0x23, 0x09, 0x0B, 0x0C, 0x00:
        return nil
      default: continue
      }
    }
    let text = String(decoding: UnsafeBufferPointer(rebasing: p[lo..<hi]), as: UTF8.self)
    return .heading(level: level, parts: HeadingParts(text[...]), line: 1)
  }

  /// For the fuzzer: false when `bytes`, read as one piece, is plain and yet read
  /// differently from cmark (never for text that is not UTF-8, which the loader refuses).
  package static func agreesWithCmark(_ bytes: [UInt8]) -> Bool {
    guard String(validating: bytes, as: UTF8.self) != nil else { return true }
    let lines = LineIndex(bytes)
    guard let plain = parse(bytes, lines, 0..<bytes.count, firstLine: 1) else { return true }
    for tables in [false, true] {
      let cmark = MarkdownParser.parsePiece(bytes, lines, 0..<bytes.count, firstLine: 1, tables: tables, plain: false)
      if !sameBytes(cmark, plain) { return false }
    }
    return true
  }

  /// Equal item for item with every text equal byte for byte (`==` on `String` would take
  /// `é` and `e` + U+0301 as the same).
  static func sameBytes(_ x: PieceParse, _ y: PieceParse) -> Bool {
    x == y && Array(String(reflecting: x).utf8) == Array(String(reflecting: y).utf8)
  }
}
