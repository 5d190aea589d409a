/// Builds the section tree and labels from the flat stream of headings and blocks that a
/// parser emits in source order. Shared by the Markdown and plain-text parsers.
struct DocumentBuilder {
  private var sections: [Section]
  private var blocks: [Block] = []
  private var stack: [Int] = [0]  // open sections, root first
  private var ordinalInSection = 0
  /// The line of kramdown-rfc's `--- back`: top-level sections after it are appendices.
  var backMatterLine: Int?

  init() {
    sections = [
      Section(
        index: 0, parent: nil, children: [], level: 0, heading: "", number: nil, title: "", line: 0, endLine: 0,
        blockRange: 0..<0, label: "§0")
    ]
  }

  /// Makes room for `sections` more headings and `blocks` blocks, when the parser knows.
  mutating func reserve(sections: Int, blocks: Int) {
    self.sections.reserveCapacity(self.sections.count + sections)
    self.blocks.reserveCapacity(self.blocks.count + blocks)
  }

  /// Opens a section for a heading of `level` found at `line`.
  mutating func heading(level: Int, rawText: Substring, line: Int) {
    heading(level: level, HeadingParts(rawText), line: line)
  }

  /// Opens a section for a heading already split into its parts.
  mutating func heading(level: Int, _ parts: HeadingParts, line: Int) {
    closeCurrentBlocks()
    let (heading, anchorID, number, title) = (parts.heading, parts.anchorID, parts.number, parts.title)
    while let top = stack.last, top != 0, sections[top].level >= level { stack.removeLast() }
    let parent = stack.last ?? 0
    let idx = sections.count
    sections.append(
      Section(
        index: idx, parent: parent, children: [], level: level, heading: heading, number: number, title: title,
        line: line, endLine: line, blockRange: blocks.count..<blocks.count, label: "", anchorID: anchorID))
    sections[parent].children.append(idx)
    stack.append(idx)
    ordinalInSection = 0
  }

  /// Adds a block to the section opened last.
  /// `text` and `invisibles` are taken over (a caller's last use of them is no copy).
  mutating func block(
    kind: BlockKind, line: Int, endLine: Int, text: consuming String, depth: Int, invisibles: consuming [String]
  ) {
    guard !text.isEmpty else { return }
    let s = stack.last ?? 0
    ordinalInSection += 1
    blocks.append(
      Block(
        index: blocks.count, section: s, ordinal: ordinalInSection, kind: kind, line: line, endLine: endLine,
        text: text, depth: depth, label: "", invisibles: invisibles))
  }

  private mutating func closeCurrentBlocks() {
    let s = stack.last ?? 0
    sections[s].blockRange = sections[s].blockRange.lowerBound..<blocks.count
  }

  /// Finishes the tree: block ranges, end lines, and unique citable labels.
  mutating func finish(path: String, format: DocumentFormat, lineCount: Int) -> Document {
    closeCurrentBlocks()
    // End line of each section's own content: the line before the next heading.
    for i in sections.indices {
      let next = i + 1 < sections.count ? sections[i + 1].line - 1 : lineCount
      sections[i].endLine = max(sections[i].line, next)
    }
    // Labels: the number when it is unique, else the heading's position (`§#5`). Where no
    // heading carries a number, the numbers the rendered document shows.
    let shown = renderedNumbers()
    var counts: [String: Int] = [:]
    counts.reserveCapacity(sections.count)
    for i in sections.indices.dropFirst() { if let n = sections[i].number ?? shown[i] { counts[n, default: 0] += 1 } }
    for i in sections.indices.dropFirst() {
      if let n = sections[i].number ?? shown[i], counts[n] == 1 {
        sections[i].label = "§" + n
      } else {
        sections[i].label = "§#\(i)"
      }
    }
    // "§2.1 ¶", once per section; through the buffer, as `map` copies each section.
    labelBlocks()
    return Document(path: path, format: format, sections: sections, blocks: blocks, lineCount: lineCount)
  }
}

extension DocumentBuilder {
  /// Each block's label: its section's label, " ¶" and its ordinal ("§2.1 ¶3"). Made from
  /// bytes: each section's prefix once, in one array, then the prefix and the ordinal's
  /// digits side by side in a buffer, read as the label (up to 15 bytes, most labels, a
  /// `String` keeps inline). Joining two `String`s and `String(Int)` for every block cost
  /// some 450 instructions a label (callgrind; 17,000 labels in the 5 MB pair).
  private mutating func labelBlocks() {
    var prefixBytes: [UInt8] = []
    var prefixStart: [Int] = []
    prefixStart.reserveCapacity(sections.count + 1)
    for i in sections.indices {
      prefixStart.append(prefixBytes.count)
      prefixBytes.append(contentsOf: sections[i].label.utf8)
      prefixBytes.append(contentsOf: " ¶".utf8)
    }
    prefixStart.append(prefixBytes.count)
    var longest = 0
    for i in sections.indices { longest = max(longest, prefixStart[i + 1] - prefixStart[i]) }
    prefixBytes.withUnsafeBufferPointer { prefixes in
      prefixStart.withUnsafeBufferPointer { starts in
        blocks.withUnsafeMutableBufferPointer { blocks in
          // An Int has at most 20 digits.
          withUnsafeTemporaryAllocation(of: UInt8.self, capacity: longest + 20) { buffer in
            let out = buffer.baseAddress!
            for i in blocks.indices {
              let s = blocks[i].section
              let (from, count) = (starts[s], starts[s + 1] - starts[s])
              if count > 0 { out.update(from: prefixes.baseAddress! + from, count: count) }
              let n = count + FastText.writeDecimal(blocks[i].ordinal, at: out + count)
              // Valid UTF-8: a section's label, " ¶" and digits; never ASCII (§, ¶).
              blocks[i].label = FastText.string(
                joinedFromValid: UnsafeBufferPointer(start: out, count: n), isASCII: false)
            }
          }
        }
      }
    }
  }

  /// Numbers as a renderer shows them (1, 1.1, 17.2.3; appendices A, A.1), for documents
  /// whose headings carry no numbers at all. A lone top heading that opens the document
  /// and holds every other heading is its title, not chapter 1. Top-level sections after
  /// kramdown-rfc's `--- back`, or titled Appendix/Liite/Bilaga, are appendices.
  func renderedNumbers() -> [Int: String] {
    guard sections.count > 1, !sections.dropFirst().contains(where: { $0.number != nil }) else { return [:] }
    var roots = sections[0].children
    if roots.count == 1 && sections[0].blockRange.isEmpty, !sections[roots[0]].children.isEmpty {
      roots = sections[roots[0]].children
    }
    var out: [Int: String] = [:]
    func assign(_ s: Int, _ n: String) {
      out[s] = n
      for (k, c) in sections[s].children.enumerated() { assign(c, n + ".\(k + 1)") }
    }
    var chapter = 0
    var appendix = 0
    for r in roots {
      let t = sections[r].title.lowercased()
      let isAppendix =
        (backMatterLine.map { sections[r].line > $0 } ?? false)
        || ["appendix", "liite", "bilaga", "annex"].contains { t.hasPrefix($0) }
      if isAppendix {
        assign(r, Self.letters(appendix))
        appendix += 1
      } else {
        chapter += 1
        assign(r, "\(chapter)")
      }
    }
    return out
  }

  /// A, B, …, Z, AA, AB, …
  static func letters(_ n: Int) -> String {
    let abc = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return n < 26 ? String(abc[n]) : letters(n / 26 - 1) + String(abc[n % 26])
  }
}

/// A heading's text as a section holds it: normalized, without its `{#id}`, split into
/// number and title. Made once per heading (a parsed piece keeps it for every version).
struct HeadingParts: Sendable, Hashable {
  var heading: String
  var anchorID: String?
  var number: String?
  var title: String

  init(_ rawText: Substring) {
    (heading, anchorID) = HeadingID.split(Normalizer.normalize(rawText).text)
    (number, title) = HeadingNumber.split(heading)
  }
}

/// An explicit heading id at the end of a heading (kramdown/Pandoc `{#id}`, also
/// `{: #id}` and `{#id .class}`): `Token construction {#token-construction}` →
/// (`Token construction`, `token-construction`).
package enum HeadingID {
  package static func split(_ heading: String) -> (heading: String, id: String?) {
    guard heading.hasSuffix("}"), let open = heading.lastIndex(of: "{") else { return (heading, nil) }
    var attrs = heading[heading.index(after: open)..<heading.index(before: heading.endIndex)]
    if attrs.hasPrefix(":") { attrs = attrs.dropFirst() }
    let tokens = attrs.split(separator: " ")
    guard let idToken = tokens.first(where: { $0.hasPrefix("#") && $0.count > 1 }) else { return (heading, nil) }
    var rest = heading[..<open]
    while rest.last == " " { rest = rest.dropLast() }
    return (String(rest), String(idToken.dropFirst()))
  }
}

/// Splits a heading into its number and title: `2.1 Väestö` → (`2.1`, `Väestö`);
/// `3 luku Yleiset säännökset` → (`3`, `luku Yleiset säännökset`); `5 §` → (`5`, `§`).
package enum HeadingNumber {
  package static func split(_ heading: String) -> (number: String?, title: String) {
    let u = heading.unicodeScalars
    func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }
    var i = u.startIndex
    var sawDigit = false
    while i != u.endIndex {
      let c = u[i]
      if isDigit(c) {
        sawDigit = true
        u.formIndex(after: &i)
      } else if c == "." && sawDigit, case let next = u.index(after: i), next != u.endIndex, isDigit(u[next]) {
        i = next
      } else {
        break
      }
    }
    guard sawDigit else { return (nil, heading) }
    var number = String(u[u.startIndex..<i])
    var j = i
    // An optional trailing dot ("2.1. Otsikko") and a letter suffix ("2 a §") are not handled: keep simple.
    if j != u.endIndex && u[j] == "." { u.formIndex(after: &j) }
    // The number must end at a space or the end of the heading ("2020-luvulla" is not numbered).
    if j != u.endIndex && !u[j].properties.isWhitespace { return (nil, heading) }
    while j != u.endIndex && u[j].properties.isWhitespace { u.formIndex(after: &j) }
    if number.hasSuffix(".") { number.removeLast() }
    let title = String(u[j...])
    return (number, title.isEmpty ? heading : title)
  }
}
