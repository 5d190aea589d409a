internal import CCmarkGFM

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parses Markdown with cmark-gfm (source positions on, GitHub tables on) into a `Document`.
///
/// The cmark tree is converted at once into Redline's value types and freed; no cmark
/// pointer leaves this file. Block text is taken from the source bytes (not re-rendered),
/// so what a reviewer quotes is what the drafter wrote. YAML front matter (`---` … `---`
/// at the top) is blanked before parsing, which keeps every line number true.
package enum MarkdownParser {
  private static let registered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  /// Parses UTF-8 Markdown.
  ///
  /// The document is parsed piece by piece (`Pieces`: from one heading at the left margin
  /// to the next), each piece with its own cmark parser, so no cmark tree ever holds more
  /// than one section. With a `cache`, a piece whose bytes were parsed before (in the other
  /// version of a comparison, or an earlier version in a history) is not parsed again.
  /// `warmFromEnd` first fills the cache from the last piece backwards: two threads
  /// parsing two versions, one from each end, meet in the middle and each parses only what
  /// the other has not.
  package static func parse(
    _ bytes: consuming [UInt8], path: String, cache: ParseCache? = nil, warmFromEnd: Bool = false
  ) -> Document {
    parse(SourceBytes(bytes), path: path, cache: cache, warmFromEnd: warmFromEnd, inPieces: true)
  }

  /// `parse` of bytes an array or a mapped file holds.
  package static func parse(
    _ bytes: consuming SourceBytes, path: String, cache: ParseCache? = nil, warmFromEnd: Bool = false
  ) -> Document {
    parse(consume bytes, path: path, cache: cache, warmFromEnd: warmFromEnd, inPieces: true)
  }

  /// `inPieces: false` parses the whole document with one cmark parser: the reference the
  /// tests hold the piecewise parse to.
  static func parse(_ bytes: consuming [UInt8], path: String, cache: ParseCache?, warmFromEnd: Bool, inPieces: Bool)
    -> Document
  {
    parse(SourceBytes(bytes), path: path, cache: cache, warmFromEnd: warmFromEnd, inPieces: inPieces)
  }

  /// `lines`: the line index of these bytes when the caller made it (`DocumentLoader`, for
  /// its nesting scan), else made here. Blanking front matter writes spaces over everything
  /// but line feeds, so an index made before it holds after it.
  static func parse(
    _ bytes: consuming SourceBytes, path: String, cache: ParseCache?, warmFromEnd: Bool, inPieces: Bool,
    lines given: LineIndex? = nil
  ) -> Document {
    _ = registered
    var source = consume bytes  // front matter is blanked in place when this is the only reference
    let lines = given ?? source.withUnsafeBufferPointer { LineIndex(CheckedBytes($0)) }
    precondition(lines.byteCount == source.count, "a line index of other bytes")
    // Written only when there is something to blank (writing shared bytes copies them).
    var (metadata, backLine): ([MetadataEntry], Int?) = ([], nil)
    if source.withUnsafeBufferPointer({ FrontMatter.mayBlank(CheckedBytes($0), lines: lines) }) {
      (metadata, backLine) = source.withUnsafeMutableBufferPointer {
        FrontMatter.blank(CheckedMutableBytes($0), lines: lines)
      }
    }
    let held = source  // what the cache keeps of this version (no copy)
    return source.withUnsafeBufferPointer { p -> Document in
      let b = CheckedBytes(p)
      // Tables change block structure; attach the extension only when a delimiter row exists.
      let tables = lines.hasTableDelimiterRow(b)
      let starts = inPieces ? Pieces.starts(b, lines) : [1]
      let lastLine = lines.starts.count

      /// Parses lines `first..<next` as one piece (through the cache when there is one).
      func piece(_ first: Int, _ next: Int) -> PieceParse {
        let range = lines.byteRange(from: first, to: next - 1)
        guard let cache else {
          return parsePiece(b, lines, range, firstLine: first, tables: tables, plain: inPieces)
        }
        let texts = cache.texts
        let h = ParseCache.hash(b, range)
        if let hit = cache.find(b, range, hash: h, tables: tables) { return hit }
        let made = parsePiece(b, lines, range, firstLine: first, tables: tables, plain: inPieces, texts: texts)
        cache.store(held, range, hash: h, tables: tables, parse: made)
        return made
      }
      // The warming thread keeps what it found, so its own walk below neither hashes nor
      // looks up a piece again (1.5–2 ms at 5 MB, by which the other thread waited).
      var warmed: [PieceParse?] = []
      if warmFromEnd, cache != nil {
        warmed = Array(repeating: nil, count: starts.count)
        for k in starts.indices.reversed() {
          warmed[k] = piece(starts[k], k + 1 < starts.count ? starts[k + 1] : lastLine + 1)
        }
      }

      // Every piece first (each with the line it starts at), so the document's arrays are
      // allocated once at their size rather than grown by doubling (a 20 MB draft's blocks
      // are some 8 MB).
      var parses: [(first: Int, parse: PieceParse)] = []
      var headings = 0
      var blocks = 0
      var k = 0
      while k < starts.count {
        // A piece that may run on into the next is parsed together with it.
        var j = k + 1
        var parsed =
          (k < warmed.count ? warmed[k] : nil) ?? piece(starts[k], j < starts.count ? starts[j] : lastLine + 1)
        while parsed.openAtEnd && j < starts.count {
          j += 1
          parsed = piece(starts[k], j < starts.count ? starts[j] : lastLine + 1)
        }
        parses.append((starts[k], parsed))
        for item in parsed.items {
          if case .heading = item { headings += 1 } else { blocks += 1 }
        }
        k = j
      }

      var builder = DocumentBuilder()
      builder.backMatterLine = backLine
      builder.reserve(sections: headings, blocks: blocks)
      // By index, not `for … in`: each item is read where it stands, and only the block's
      // own fields are copied (a `for` copied every item, then its fields again: four
      // retains of each text where one is needed; the other version's thread retains the
      // same texts at the same time).
      for p in parses.indices {
        let offset = parses[p].first - 1
        func shift(_ line: Int) -> Int { line == 0 ? 0 : line + offset }  // 0: no position
        for i in parses[p].parse.items.indices {
          switch parses[p].parse.items[i] {
          case .heading(let level, let parts, let line):
            builder.heading(level: level, parts, line: shift(line))
          case .block(let kind, let line, let endLine, let text, let depth, let invisibles):
            builder.block(
              kind: kind, line: shift(line), endLine: shift(endLine), text: consume text, depth: depth,
              invisibles: consume invisibles)
          }
        }
      }
      var d = builder.finish(path: path, format: .markdown, lineCount: lines.count)
      d.metadata = metadata
      return d
    }
  }

  /// `parsePiece` of an array's bytes (for tests).
  static func parsePiece(
    _ source: [UInt8], _ lines: LineIndex, _ range: Range<Int>, firstLine: Int, tables: Bool, plain: Bool,
    texts: TextTable? = nil
  ) -> PieceParse {
    source.withUnsafeBufferPointer {
      parsePiece(CheckedBytes($0), lines, range, firstLine: firstLine, tables: tables, plain: plain, texts: texts)
    }
  }

  /// cmark's parse of `source[range]`, whose first line is line `firstLine` of the document;
  /// with `plain`, a piece of the plainest Markdown is read without cmark (`PlainPieces`).
  static func parsePiece(
    _ source: CheckedBytes, _ lines: LineIndex, _ range: Range<Int>, firstLine: Int, tables: Bool, plain: Bool,
    texts: TextTable? = nil
  )
    -> PieceParse
  {
    if plain, let made = PlainPieces.parse(source, lines, range, firstLine: firstLine, texts: texts) { return made }
    let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS)
    defer { cmark_parser_free(parser) }
    if tables, let ext = cmark_find_syntax_extension("table") { cmark_parser_attach_syntax_extension(parser, ext) }
    if !range.isEmpty {
      source.withUnsafeBufferPointer { buf in
        precondition(range.lowerBound >= 0 && range.upperBound <= buf.count, "piece beyond the bytes")
        UnsafeBufferPointer(rebasing: buf[range]).withMemoryRebound(to: CChar.self) {
          cmark_parser_feed(parser, $0.baseAddress, $0.count)
        }
      }
    }
    guard let root = cmark_parser_finish(parser) else { return PieceParse(items: [], openAtEnd: false) }
    defer { cmark_node_free(root) }
    var walker = Walker(source: source, lines: lines, offset: firstLine - 1, texts: texts)
    var child = cmark_node_first_child(root)
    while let node = child {
      walker.visit(node, depth: 0)
      child = cmark_node_next(node)
    }
    return PieceParse(items: walker.items, openAtEnd: mayRunOn(cmark_node_last_child(root)))
  }

  /// True when the last block of a piece, or the last block inside its last list item or
  /// block quote, is one the next piece's heading line might continue or be counted in: a
  /// fenced code block (cmark ends one that its container's end cuts off on the line that
  /// cut it, the heading's), an HTML block, a table, or a block Redline does not know.
  private static func mayRunOn(_ last: OpaquePointer?) -> Bool {
    var node = last
    while let n = node {
      switch NodeKind(n) {
      case .codeBlock, .htmlBlock, .table, .other: return true
      case .list, .item, .blockQuote, .footnoteDefinition: node = cmark_node_last_child(n)
      default: return false
      }
    }
    return false
  }

  /// Turns a piece's cmark tree into `ParsedItem`s. cmark counts lines from the piece's
  /// start; `offset` turns them into the document's lines to slice `source`.
  private struct Walker {
    /// Deepest list nesting walked: twice what the loader accepts.
    static let maxDepth = 2 * DocumentLoader.maxNesting
    let source: CheckedBytes
    let lines: LineIndex
    let offset: Int
    let texts: TextTable?
    var items: [ParsedItem] = []

    /// Bytes of the piece's lines `from...to`, from byte column `firstColumn` of the first.
    /// A node without a position (line 0; cmark-gfm gives none to a paragraph it folds
    /// into a table) has no bytes, in a piece as in the whole document.
    func byteRange(from: Int, to: Int, firstColumn: Int = 1) -> Range<Int> {
      guard from >= 1 else { return 0..<0 }
      return lines.byteRange(from: from + offset, to: to + offset, firstColumn: firstColumn)
    }

    func text(from: Int, to: Int) -> String {
      String(decoding: source[byteRange(from: from, to: to)], as: UTF8.self)
    }

    mutating func block(kind: BlockKind, line: Int, endLine: Int, text: String, depth: Int, invisibles: [String]) {
      items.append(.block(kind: kind, line: line, endLine: endLine, text: text, depth: depth, invisibles: invisibles))
    }

    mutating func visit(_ node: OpaquePointer, depth: Int) {
      let start = Int(cmark_node_get_start_line(node))
      let end = endLine(node)
      let kind = NodeKind(node)
      if kind == .paragraph {
        let r = byteRange(from: start, to: end, firstColumn: Int(cmark_node_get_start_column(node)))
        let (text, inv) = source.withUnsafeBufferPointer {
          Normalizer.normalize(bytes: UnsafeBufferPointer(rebasing: $0[r]), texts: texts)
        }
        block(kind: .paragraph, line: start, endLine: end, text: text, depth: 0, invisibles: inv)
        return
      }
      switch kind {
      case .heading:
        items.append(
          .heading(
            level: Int(cmark_node_get_heading_level(node)), parts: HeadingParts(inlineText(node)[...]), line: start))
      case .list:
        var item = cmark_node_first_child(node)
        while let it = item {
          visitItem(it, depth: depth)
          item = cmark_node_next(it)
        }
      case .blockQuote:
        let raw = text(from: start, to: end)
        let stripped = raw.split(separator: "\n", omittingEmptySubsequences: false).map { stripQuoteMarker($0) }
          .joined(separator: "\n")
        let (text, inv) = Normalizer.normalize(stripped[...])
        block(kind: .quote, line: start, endLine: end, text: text, depth: 0, invisibles: inv)
      case .codeBlock:
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let (text, inv) = Normalizer.normalizeLines(literal[...])
        block(kind: .code, line: start, endLine: end, text: text, depth: 0, invisibles: inv)
      case .table:
        // cmark-gfm folds paragraph lines right above a table into the table's range (and
        // gives that paragraph no position): the table starts at the row before its
        // delimiter row, and lines above it are a paragraph of their own.
        let rawLines = text(from: start, to: end).split(separator: "\n", omittingEmptySubsequences: false)
        var tableStart = 0
        if let delim = rawLines.firstIndex(where: LineIndex.isDelimiterRow), delim >= 1 { tableStart = delim - 1 }
        if tableStart > 0 {
          let (text, inv) = Normalizer.normalize(rawLines[0..<tableStart].joined(separator: "\n")[...])
          block(kind: .paragraph, line: start, endLine: start + tableStart - 1, text: text, depth: 0, invisibles: inv)
        }
        var inv: [String] = []
        let rows = rawLines[tableStart...].filter { !$0.isEmpty }.map { row -> String in
          let r = Normalizer.normalize(row)
          for i in r.invisibles where !inv.contains(i) { inv.append(i) }
          return r.text
        }
        block(
          kind: .table, line: start + tableStart, endLine: end, text: rows.joined(separator: "\n"), depth: 0,
          invisibles: inv)
      case .htmlBlock:
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let (text, inv) = Normalizer.normalizeLines(literal[...])
        block(kind: .other, line: start, endLine: end, text: text, depth: 0, invisibles: inv)
      case .paragraph, .thematicBreak, .footnoteDefinition, .item, .text, .code, .htmlInline, .softBreak, .lineBreak,
        .other:
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
      // cmark ends a setext heading or a fenced code block that a later line closed on
      // that closing line; within an item, a child ends where the item does at the latest.
      let itemEnd = endLine(item)
      var child = cmark_node_first_child(item)
      while let c = child {
        if NodeKind(c) == .list {
          nested.append(c)
        } else {
          let start = Int(cmark_node_get_start_line(c))
          let end = max(start, min(endLine(c), itemEnd))
          if first == 0 { first = start }
          last = end
          parts.append(byteRange(from: start, to: end, firstColumn: Int(cmark_node_get_start_column(c))))
        }
        child = cmark_node_next(c)
      }
      if first > 0 {
        let (text, inv) =
          parts.count == 1
          ? source.withUnsafeBufferPointer {
            Normalizer.normalize(bytes: UnsafeBufferPointer(rebasing: $0[parts[0]]), texts: texts)
          }
          : Normalizer.normalize(parts.map { String(decoding: source[$0], as: UTF8.self) }.joined(separator: "\n")[...])
        block(kind: .listItem, line: first, endLine: last, text: text, depth: depth, invisibles: inv)
      }
      // `NestingScan` refuses a document nested deeper than `DocumentLoader.maxNesting`
      // before the parse. Should the bytes parsed not be the bytes checked (a mapped file
      // rewritten meanwhile, which the loader then refuses), the walk still stops here
      // rather than recurse once per level of nesting.
      guard depth < Self.maxDepth else { return }
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
        switch NodeKind(n) {
        case .text, .code, .htmlInline:
          if let l = cmark_node_get_literal(n) { out += String(cString: l) }
        case .softBreak, .lineBreak:
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

/// cmark's node types, mapped once (as apple/swift-markdown does), with an explicit case
/// for anything else (emphasis, links, custom and future extension nodes).
enum NodeKind: Equatable {
  case paragraph, heading, list, item, blockQuote, codeBlock, htmlBlock, thematicBreak, footnoteDefinition, table
  case text, code, htmlInline, softBreak, lineBreak
  /// Any other node, by cmark's type name (`emph`, `link`, `strikethrough` …).
  case other(String)

  init(_ node: OpaquePointer) {
    switch cmark_node_get_type(node) {
    case CMARK_NODE_PARAGRAPH: self = .paragraph
    case CMARK_NODE_HEADING: self = .heading
    case CMARK_NODE_LIST: self = .list
    case CMARK_NODE_ITEM: self = .item
    case CMARK_NODE_BLOCK_QUOTE: self = .blockQuote
    case CMARK_NODE_CODE_BLOCK: self = .codeBlock
    case CMARK_NODE_HTML_BLOCK: self = .htmlBlock
    case CMARK_NODE_THEMATIC_BREAK: self = .thematicBreak
    case CMARK_NODE_FOOTNOTE_DEFINITION: self = .footnoteDefinition
    case CMARK_NODE_TEXT: self = .text
    case CMARK_NODE_CODE: self = .code
    case CMARK_NODE_HTML_INLINE: self = .htmlInline
    case CMARK_NODE_SOFTBREAK: self = .softBreak
    case CMARK_NODE_LINEBREAK: self = .lineBreak
    default:
      // Extension nodes (the GFM table) have types assigned at registration: by name.
      let name = String(cString: cmark_node_get_type_string(node))
      self = name == "table" ? .table : .other(name)
    }
  }
}

/// Finds YAML front matter, reads its top-level keys as metadata and replaces its bytes
/// with blank lines (line count kept). Front matter is a `---` first line, then
/// YAML-looking lines (`key: value`, indented continuations, `- items`, `# comments`,
/// blank lines; the long kramdown-rfc kind with nested `author:` lists included), then
/// `---` or `...`. A document that merely starts with a `---` rule is left alone.
/// kramdown-rfc's part markers (`--- abstract`, `--- middle`, `--- back`) and mmark's
/// (`{mainmatter}`, `{backmatter}`) are blanked too; the line of the back-matter marker is
/// returned, since top-level sections after it are appendices. mmark's TOML title block
/// (`%%%` … `%%%`) is front matter as well.
enum FrontMatter {
  /// Longest front matter read, in lines (kramdown-rfc drafts reach a few hundred).
  static let maxLines = 5000

  /// Whether `blank` may find something to blank: a first line of `%%%` or `---`, or a
  /// line that starts like a part marker (a cheap look that writes nothing).
  /// `lines` is the line index of `b`.
  static func mayBlank(_ b: CheckedBytes, lines: LineIndex) -> Bool {
    b.starts(with: "%%%".utf8) || b.starts(with: "---".utf8) || hasPartMarker(b, lines: lines)
  }

  /// `lines` is the line index of `b` (blanking leaves every line feed where it is).
  static func blank(_ b: CheckedMutableBytes, lines: LineIndex) -> (metadata: [MetadataEntry], backLine: Int?) {
    let metadata = b.starts(with: "%%%".utf8) ? blankTOML(b) : blankHeader(b)
    return (metadata, blankPartMarkers(b, lines: lines))
  }

  /// mmark's TOML title block (`%%%` … `%%%`): `key = value` lines; a `[table]` or
  /// `[[array]]` header starts a key whose value is the lines below it (repeated
  /// `[[author]]` tables are one key, their lines joined).
  private static func blankTOML(_ b: CheckedMutableBytes) -> [MetadataEntry] {
    var starts: [Int] = [0]
    for i in b.indices where b[i] == 0x0A { starts.append(i + 1) }
    guard starts.count > 2 else { return [] }
    var entries: [MetadataEntry] = []
    var table: Int? = nil  // index of the entry collecting a table's lines
    for n in 1..<min(starts.count - 1, maxLines) {
      let lo = starts[n]
      var hi = starts[n + 1] - 1
      if hi > lo && b[hi - 1] == 0x0D { hi -= 1 }
      let line = String(decoding: b[lo..<hi], as: UTF8.self)
      let t = line.trimmingTrailingSpaces
      if t == "%%%" {
        for k in 0..<hi where b[k] != 0x0A { b[k] = 0x20 }
        return entries
      }
      let stripped = t.drop(while: { $0 == " " || $0 == "\t" })
      if stripped.isEmpty || stripped.hasPrefix("#") { continue }
      if stripped.hasPrefix("[") && stripped.hasSuffix("]") {
        let name = String(stripped.drop(while: { $0 == "[" }).reversed().drop(while: { $0 == "]" }).reversed())
        if line.first == " " || line.first == "\t", let k = table {
          entries[k].value += (entries[k].value.isEmpty ? "" : "\n") + t
        } else if let k = entries.firstIndex(where: { $0.key == name }) {
          table = k
        } else {
          entries.append(MetadataEntry(key: name, value: ""))
          table = entries.count - 1
        }
        continue
      }
      if let k = table {
        entries[k].value += (entries[k].value.isEmpty ? "" : "\n") + t
      } else if let eq = stripped.firstIndex(of: "=") {
        let key = String(stripped[..<eq]).trimmingTrailingSpaces
        var value = String(stripped[stripped.index(after: eq)...]).trimmingTrailingSpaces
        while value.first == " " { value.removeFirst() }
        if value.count >= 2, value.first == "\"", value.last == "\"" { value = String(value.dropFirst().dropLast()) }
        entries.append(MetadataEntry(key: key, value: value))
      } else {
        return []  // not TOML: leave the text alone
      }
    }
    return []
  }

  private static func blankHeader(_ b: CheckedMutableBytes) -> [MetadataEntry] {
    guard b.count >= 4, b[0] == 0x2D, b[1] == 0x2D, b[2] == 0x2D, b[3] == 0x0A || b[3] == 0x0D else { return [] }
    var lineStart = b[3] == 0x0D && b.count > 4 && b[4] == 0x0A ? 5 : 4
    var sawKey = false
    var lines = 0
    var entries: [MetadataEntry] = []
    // The closing line's end. The header is blanked once the loop is over: a slice of `b`
    // alive while it is written would make the write copy the whole file.
    var closedAt: Int?
    while lineStart < b.count && lines < maxLines {
      var e = lineStart
      while e < b.count && b[e] != 0x0A { e += 1 }
      var content = b[lineStart..<e]
      if content.last == 0x0D { content = content.dropLast() }
      let trimmed = content.reversed().drop(while: { $0 == 0x20 || $0 == 0x09 }).reversed()
      if trimmed.elementsEqual("---".utf8) || trimmed.elementsEqual("...".utf8) {
        guard sawKey else { return [] }
        closedAt = e
        break
      }
      let text = String(decoding: content, as: UTF8.self)
      if let first = content.first {
        if first == 0x20 || first == 0x09 || first == 0x23 || first == 0x2D {
          // A continuation, comment or list item: part of the last key's value.
          if first != 0x23, !entries.isEmpty {
            let v = entries[entries.count - 1].value
            entries[entries.count - 1].value =
              v.isEmpty ? text.trimmingTrailingSpaces : v + "\n" + text.trimmingTrailingSpaces
          } else if first != 0x23 && !sawKey {
            return []
          }
        } else if let colon = content.firstIndex(of: 0x3A), colon > content.startIndex {
          sawKey = true
          let key = String(decoding: content[content.startIndex..<colon], as: UTF8.self)
          var value = String(decoding: content[(colon + 1)...], as: UTF8.self).trimmingTrailingSpaces
          while value.first == " " { value.removeFirst() }
          if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f {
            value = String(value.dropFirst().dropLast())
          }
          entries.append(MetadataEntry(key: key, value: value))
        } else {
          return []
        }
      } else if !sawKey {
        return []  // a blank line before any key: not front matter
      }
      lineStart = e + 1
      lines += 1
    }
    guard let end = closedAt else { return [] }
    for k in 0..<end where b[k] != 0x0A { b[k] = 0x20 }
    return entries.map { MetadataEntry(key: $0.key, value: trimTrailingLines($0.value)) }
  }

  private static func trimTrailingLines(_ s: String) -> String {
    var out = s
    while out.hasSuffix("\n") { out.removeLast() }
    return out
  }

  /// Blanks `--- abstract`, `--- middle`, `--- back` (and `--- note_…`) lines; returns the
  /// 1-based line of `--- back`.
  private static func blankPartMarkers(_ b: CheckedMutableBytes, lines: LineIndex) -> Int? {
    // Most documents have none: look first without writing.
    guard b.withUnsafeBufferPointer({ hasPartMarker(CheckedBytes($0), lines: lines) }) else { return nil }
    return b.withUnsafeMutableBufferPointer { p -> Int? in
      guard let base = p.baseAddress else { return nil }
      let n = p.count
      var back: Int?
      var line = 1
      var i = 0
      while i < n {
        // memchr: the C library's word-at-a-time search for the line's end.
        let e = memchr(base + i, 0x0A, n - i).map { UnsafeRawPointer(base).distance(to: UnsafeRawPointer($0)) } ?? n
        func word(_ from: Int) -> String {
          String(decoding: UnsafeBufferPointer(rebasing: p[from..<e]), as: UTF8.self).trimmingTrailingSpaces
        }
        if e - i > 4, p[i] == 0x2D, p[i + 1] == 0x2D, p[i + 2] == 0x2D, p[i + 3] == 0x20 {
          let w = word(i + 4)
          if ["abstract", "middle", "back"].contains(w) || w.hasPrefix("note_") {
            if w == "back" { back = line }
            for k in i..<e { p[k] = 0x20 }
          }
        } else if e - i >= 12, p[i] == 0x7B {  // mmark: {frontmatter} {mainmatter} {backmatter}
          let w = word(i)
          if ["{frontmatter}", "{mainmatter}", "{backmatter}"].contains(w) {
            if w == "{backmatter}" { back = line }
            for k in i..<e { p[k] = 0x20 }
          }
        }
        i = e + 1
        line += 1
      }
      return back
    }
  }
}

extension String {
  var trimmingTrailingSpaces: String {
    var s = Substring(self)
    while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
    return String(s)
  }
}

extension FrontMatter {
  /// True when some line starts like a part marker (`--- ` or `{`): a cheap pre-check,
  /// at the line starts of `lines`, an index of `b`.
  fileprivate static func hasPartMarker(_ b: CheckedBytes, lines: LineIndex) -> Bool {
    b.withUnsafeBufferPointer { p -> Bool in
      let n = p.count
      for i in lines.starts where i < n {
        if p[i] == 0x7B || (p[i] == 0x2D && i + 3 < n && p[i + 1] == 0x2D && p[i + 2] == 0x2D && p[i + 3] == 0x20) {
          return true
        }
      }
      return false
    }
  }

}

/// Byte offsets of line starts, for slicing source text by cmark's (line, column).
struct LineIndex {
  private(set) var starts: [Int] = [0]
  let byteCount: Int

  init(_ b: CheckedBytes) {
    byteCount = b.count
    starts.reserveCapacity(b.count / 40)
    b.withUnsafeBufferPointer { FastText.appendLineStarts($0, to: &starts) }
  }

  /// The line index of an array's bytes (for tests).
  init(_ b: [UInt8]) { self = b.withUnsafeBufferPointer { LineIndex(CheckedBytes($0)) } }

  /// Number of lines (a final newline does not start a new line).
  var count: Int { starts.last == byteCount && starts.count > 1 ? starts.count - 1 : starts.count }

  /// Text of lines `from...to` (1-based), the first cut at byte column `firstColumn` (1-based).
  func text(_ b: CheckedBytes, from: Int, to: Int, firstColumn: Int = 1) -> String {
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
  func hasTableDelimiterRow(_ b: CheckedBytes) -> Bool {
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
