internal import CCmarkGFM

/// Parses Markdown with cmark-gfm (source positions on, GitHub tables on) into a `Document`.
///
/// The cmark tree is converted at once into Redline's value types and freed; no cmark
/// pointer leaves this file. Block text is taken from the source bytes (not re-rendered),
/// so what a reviewer quotes is what the drafter wrote. YAML front matter (`---` … `---`
/// at the top) is blanked before parsing, which keeps every line number true.
public enum MarkdownParser {
  private static let registered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  /// Parses UTF-8 Markdown.
  public static func parse(_ bytes: [UInt8], path: String) -> Document {
    _ = registered
    var source = bytes
    FrontMatter.blank(&source)
    let lines = LineIndex(source)

    let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS)
    defer { cmark_parser_free(parser) }
    // Tables change block structure; attach the extension only when a delimiter row exists.
    if lines.hasTableDelimiterRow(source), let ext = cmark_find_syntax_extension("table") {
      cmark_parser_attach_syntax_extension(parser, ext)
    }
    source.withUnsafeBufferPointer { buf in
      buf.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
    }
    guard let root = cmark_parser_finish(parser) else {
      var b = DocumentBuilder()
      return b.finish(path: path, format: .markdown, lineCount: lines.count)
    }
    defer { cmark_node_free(root) }

    var walker = Walker(source: source, lines: lines)
    var child = cmark_node_first_child(root)
    while let node = child {
      walker.visit(node, depth: 0)
      child = cmark_node_next(node)
    }
    return walker.builder.finish(path: path, format: .markdown, lineCount: lines.count)
  }

  private struct Walker {
    let source: [UInt8]
    let lines: LineIndex
    var builder = DocumentBuilder()

    mutating func visit(_ node: OpaquePointer, depth: Int) {
      let start = Int(cmark_node_get_start_line(node))
      let end = endLine(node)
      let coreType = cmark_node_get_type(node)
      if coreType == CMARK_NODE_PARAGRAPH {
        let r = lines.byteRange(from: start, to: end, firstColumn: Int(cmark_node_get_start_column(node)))
        let (text, inv) = source.withUnsafeBufferPointer { Normalizer.normalize(bytes: UnsafeBufferPointer(rebasing: $0[r])) }
        builder.block(kind: .paragraph, line: start, endLine: end, text: text, depth: 0, invisibles: inv)
        return
      }
      let type = String(cString: cmark_node_get_type_string(node))
      switch type {
      case "heading":
        builder.heading(level: Int(cmark_node_get_heading_level(node)), rawText: inlineText(node)[...], line: start)
      case "list":
        var item = cmark_node_first_child(node)
        while let it = item {
          visitItem(it, depth: depth)
          item = cmark_node_next(it)
        }
      case "block_quote":
        let raw = lines.text(source, from: start, to: end)
        let stripped = raw.split(separator: "\n", omittingEmptySubsequences: false).map { stripQuoteMarker($0) }
          .joined(separator: "\n")
        let (text, inv) = Normalizer.normalize(stripped[...])
        builder.block(kind: .quote, line: start, endLine: end, text: text, depth: 0, invisibles: inv)
      case "code_block":
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let (text, inv) = Normalizer.normalizeLines(literal[...])
        builder.block(kind: .code, line: start, endLine: end, text: text, depth: 0, invisibles: inv)
      case "table":
        // cmark-gfm folds paragraph lines right above a table into the table's range (and
        // gives that paragraph no position): the table starts at the row before its
        // delimiter row, and lines above it are a paragraph of their own.
        let rawLines = lines.text(source, from: start, to: end).split(separator: "\n", omittingEmptySubsequences: false)
        var tableStart = 0
        if let delim = rawLines.firstIndex(where: LineIndex.isDelimiterRow), delim >= 1 { tableStart = delim - 1 }
        if tableStart > 0 {
          let (text, inv) = Normalizer.normalize(rawLines[0..<tableStart].joined(separator: "\n")[...])
          builder.block(kind: .paragraph, line: start, endLine: start + tableStart - 1, text: text, depth: 0, invisibles: inv)
        }
        var inv: [String] = []
        let rows = rawLines[tableStart...].filter { !$0.isEmpty }.map { row -> String in
          let r = Normalizer.normalize(row)
          for i in r.invisibles where !inv.contains(i) { inv.append(i) }
          return r.text
        }
        builder.block(
          kind: .table, line: start + tableStart, endLine: end, text: rows.joined(separator: "\n"), depth: 0, invisibles: inv)
      case "html_block":
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let (text, inv) = Normalizer.normalizeLines(literal[...])
        builder.block(kind: .other, line: start, endLine: end, text: text, depth: 0, invisibles: inv)
      default:
        break  // thematic breaks, footnote definitions: no text to compare
      }
    }

    /// A list item is one block: its own text (paragraphs and other non-list children);
    /// nested lists become their own list-item blocks one level deeper.
    mutating func visitItem(_ item: OpaquePointer, depth: Int) {
      var parts: [Range<Int>] = []
      var first = 0
      var last = 0
      var nested: [OpaquePointer] = []
      var child = cmark_node_first_child(item)
      while let c = child {
        if cmark_node_get_type(c) == CMARK_NODE_LIST {
          nested.append(c)
        } else {
          if first == 0 { first = Int(cmark_node_get_start_line(c)) }
          last = endLine(c)
          parts.append(
            lines.byteRange(from: Int(cmark_node_get_start_line(c)), to: endLine(c), firstColumn: Int(cmark_node_get_start_column(c))))
        }
        child = cmark_node_next(c)
      }
      if first > 0 {
        let (text, inv) =
          parts.count == 1
          ? source.withUnsafeBufferPointer { Normalizer.normalize(bytes: UnsafeBufferPointer(rebasing: $0[parts[0]])) }
          : Normalizer.normalize(parts.map { String(decoding: source[$0], as: UTF8.self) }.joined(separator: "\n")[...])
        builder.block(kind: .listItem, line: first, endLine: last, text: text, depth: depth, invisibles: inv)
      }
      for n in nested {
        var it = cmark_node_first_child(n)
        while let i = it {
          visitItem(i, depth: depth + 1)
          it = cmark_node_next(i)
        }
      }
    }

    /// cmark reports "ends before line N" as `N:0`.
    func endLine(_ node: OpaquePointer) -> Int {
      let l = Int(cmark_node_get_end_line(node))
      return cmark_node_get_end_column(node) == 0 ? max(Int(cmark_node_get_start_line(node)), l - 1) : l
    }

    /// Text of a heading's inline content (markup dropped, code spans kept).
    func inlineText(_ node: OpaquePointer) -> String {
      var out = ""
      func walk(_ n: OpaquePointer) {
        let t = String(cString: cmark_node_get_type_string(n))
        switch t {
        case "text", "code", "html_inline":
          if let l = cmark_node_get_literal(n) { out += String(cString: l) }
        case "softbreak", "linebreak":
          out += " "
        default:
          break
        }
        var c = cmark_node_first_child(n)
        while let x = c {
          walk(x)
          c = cmark_node_next(x)
        }
      }
      walk(node)
      return out
    }

    func stripQuoteMarker(_ line: Substring) -> Substring {
      var l = line.drop(while: { $0 == " " })
      if l.first == ">" { l = l.dropFirst() }
      return l
    }
  }
}

/// Finds YAML front matter and replaces its bytes with blank lines (line count kept).
/// Front matter is a `---` first line, then up to 200 YAML-looking lines (`key: value`,
/// indented continuations, `- items`, `# comments`), then `---` or `...`. A document that
/// merely starts with a `---` rule is left alone.
enum FrontMatter {
  static func blank(_ b: inout [UInt8]) {
    guard b.count >= 4, b[0] == 0x2D, b[1] == 0x2D, b[2] == 0x2D, b[3] == 0x0A else { return }
    var lineStart = 4
    var sawKey = false
    var lines = 0
    while lineStart < b.count && lines < 200 {
      var e = lineStart
      while e < b.count && b[e] != 0x0A { e += 1 }
      let content = b[lineStart..<e]
      if content.elementsEqual("---".utf8) || content.elementsEqual("...".utf8) {
        guard sawKey else { return }
        for k in 0..<e where b[k] != 0x0A { b[k] = 0x20 }
        return
      }
      guard let first = content.first else { return }  // a blank line: not front matter
      if first == 0x20 || first == 0x09 || first == 0x23 || (first == 0x2D && content.dropFirst().first == 0x20) {
        // continuation, comment or list item
      } else if let colon = content.firstIndex(of: 0x3A), colon > content.startIndex,
        !content[content.startIndex..<colon].contains(0x20) || content[content.startIndex..<colon].count < 40
      {
        sawKey = true
      } else {
        return
      }
      lineStart = e + 1
      lines += 1
    }
  }
}

/// Byte offsets of line starts, for slicing source text by cmark's (line, column).
struct LineIndex {
  private(set) var starts: [Int] = [0]
  let byteCount: Int

  init(_ b: [UInt8]) {
    byteCount = b.count
    starts.reserveCapacity(b.count / 40)
    b.withUnsafeBufferPointer { FastText.appendLineStarts($0, to: &starts) }
  }

  /// Number of lines (a final newline does not start a new line).
  var count: Int { starts.last == byteCount && starts.count > 1 ? starts.count - 1 : starts.count }

  /// Text of lines `from...to` (1-based), the first cut at byte column `firstColumn` (1-based).
  func text(_ b: [UInt8], from: Int, to: Int, firstColumn: Int = 1) -> String {
    String(decoding: b[byteRange(from: from, to: to, firstColumn: firstColumn)], as: UTF8.self)
  }

  /// Byte range of lines `from...to` (1-based), starting at byte column `firstColumn`.
  func byteRange(from: Int, to: Int, firstColumn: Int = 1) -> Range<Int> {
    guard from >= 1, from <= starts.count else { return 0..<0 }
    let lo = min(starts[from - 1] + max(firstColumn - 1, 0), byteCount)
    let hi = to < starts.count ? starts[to] : byteCount
    return lo < hi ? lo..<hi : lo..<lo
  }

  /// True when a line is a GFM table delimiter row (`| --- | :-: |`).
  static func isDelimiterRow(_ line: Substring) -> Bool {
    var sawDash = false
    var sawPipe = false
    for b in line.utf8 {
      switch b {
      case 0x2D: sawDash = true
      case 0x7C: sawPipe = true
      case 0x3A, 0x20, 0x09: break
      default: return false
      }
    }
    return sawDash && sawPipe
  }

  /// True when some line looks like a GFM table delimiter row (`| --- | :-: |`).
  func hasTableDelimiterRow(_ b: [UInt8]) -> Bool {
    for (n, s) in starts.enumerated() {
      let e = n + 1 < starts.count ? starts[n + 1] : byteCount
      var sawDash = false
      var sawPipe = false
      var ok = true
      var i = s
      while i < e {
        switch b[i] {
        case 0x2D: sawDash = true
        case 0x7C: sawPipe = true
        case 0x3A, 0x20, 0x09, 0x0A, 0x0D: break
        default: ok = false
        }
        if !ok { break }
        i += 1
      }
      if ok && sawDash && sawPipe { return true }
    }
    return false
  }
}
