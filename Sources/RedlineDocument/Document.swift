import Foundation

/// One version of a document, parsed: a flat list of sections in document order (each
/// knowing its parent and children) and a flat list of blocks (each knowing its section).
///
/// Flat arrays keep the model a cheap value type; `Section.children` and
/// `Section.blockRange` give the tree. Section 0 is the implicit root: the text before
/// the first heading, with level 0 and no heading.
package struct Document: Sendable, Hashable {
  /// Path of the file the text came from (for messages and labels).
  package var path: String
  /// The source format.
  package var format: DocumentFormat
  /// Sections in document order; `sections[0]` is the root.
  package var sections: [Section]
  /// Blocks in document order; each section's own blocks are contiguous.
  package var blocks: [Block]
  /// Number of lines of the source.
  package var lineCount: Int
  /// YAML front matter as top-level `key` → value text (nested lists and maps kept as
  /// their indented YAML lines), in source order. Metadata, never headings or blocks.
  package var metadata: [MetadataEntry] = []

  package init(path: String, format: DocumentFormat, sections: [Section], blocks: [Block], lineCount: Int) {
    self.path = path
    self.format = format
    self.sections = sections
    self.blocks = blocks
    self.lineCount = lineCount
  }

  /// The headings from the top down to `section` (root excluded), e.g. `["2 Lähtökohdat", "2.1 Väestö"]`.
  package func headingPath(of section: Int) -> [String] {
    var out: [String] = []
    var s: Int? = section
    while let i = s, i != 0 {
      out.append(sections[i].heading)
      s = sections[i].parent
    }
    return out.reversed()
  }

  /// The section whose label (`§2.1`) or number (`2.1`) matches, if any.
  package func section(labeled label: String) -> Int? {
    let key = label.hasPrefix("§") ? String(label.dropFirst()) : label
    let t = key.trimmingCharacters(in: .whitespaces)
    if let i = sections.firstIndex(where: { $0.label == "§" + t }) { return i }
    return sections.firstIndex(where: { $0.number == t })
  }

  /// The block with a citable label such as `§2.1 ¶3`, if any.
  package func block(labeled label: String) -> Int? {
    let folded = Normalizer.foldWhitespace(label)
    return blocks.firstIndex(where: { $0.label == folded })
  }

  /// Indexes of all blocks in `section` and its subsections, in document order.
  package func blockIndexes(inSubtree section: Int) -> Range<Int> {
    var last = section
    while let c = sections[last].children.last { last = c }
    return sections[section].blockRange.lowerBound..<sections[last].blockRange.upperBound
  }

  /// The sections below `section` (itself included) in document order.
  package func subtree(_ section: Int) -> [Int] {
    var out = [section]
    for c in sections[section].children { out.append(contentsOf: subtree(c)) }
    return out
  }
}

/// One top-level front-matter key and its value (`title: …`; a nested value is its
/// indented lines joined by newlines, trailing spaces dropped).
package struct MetadataEntry: Sendable, Hashable {
  package var key: String
  package var value: String

  package init(key: String, value: String) {
    self.key = key
    self.value = value
  }
}

/// The syntax a document was written in.
package enum DocumentFormat: String, Sendable, Hashable, Codable {
  /// CommonMark with GitHub tables, parsed by cmark-gfm.
  case markdown
  /// Plain text: blank-line paragraphs, numbered headings (`2.1 Otsikko`, `3 luku`).
  case plainText = "text"
}

/// A heading and everything under it, nested by heading level.
package struct Section: Sendable, Hashable {
  /// Position in `Document.sections`.
  package var index: Int
  /// Parent section index (nil for the root).
  package var parent: Int?
  /// Child section indexes in document order.
  package var children: [Int]
  /// Heading level: 1 for `#`, 2 for `##`, …; 0 for the root.
  package var level: Int
  /// Full normalized heading text, number included (`2.1 Väestö`).
  package var heading: String
  /// The heading's own number (`2.1`, `3`), when it has one.
  package var number: String?
  /// The heading text without its number (`Väestö`).
  package var title: String
  /// 1-based line of the heading (0 for the root).
  package var line: Int
  /// 1-based last line of the section's own content, before the next heading.
  package var endLine: Int
  /// The section's own blocks (not those of subsections) in `Document.blocks`.
  package var blockRange: Range<Int>
  /// Citable label: `§2.1`; in a document whose headings carry no numbers, the number
  /// the rendered document shows (`§17.2.3`, appendices `§A.1`); else `§#5` (5th
  /// heading) when there is no unique number; `§0` for the root.
  package var label: String
  /// The explicit heading id (`{#token-construction}` → `token-construction`), which is
  /// not part of `heading` or `title`.
  package var anchorID: String?

  package init(
    index: Int, parent: Int?, children: [Int], level: Int, heading: String, number: String?, title: String,
    line: Int, endLine: Int, blockRange: Range<Int>, label: String, anchorID: String? = nil
  ) {
    self.anchorID = anchorID
    self.index = index
    self.parent = parent
    self.children = children
    self.level = level
    self.heading = heading
    self.number = number
    self.title = title
    self.line = line
    self.endLine = endLine
    self.blockRange = blockRange
    self.label = label
  }
}

/// The kinds of block Redline compares.
package enum BlockKind: String, Sendable, Hashable, Codable, CaseIterable {
  case paragraph
  case listItem = "list_item"
  case table
  case quote
  case code
  /// Raw HTML, thematic breaks and anything else kept as text.
  case other
}

/// One paragraph, list item, table, quote or code block.
package struct Block: Sendable, Hashable {
  /// Position in `Document.blocks`.
  package var index: Int
  /// The section that holds it.
  package var section: Int
  /// 1-based position among its section's own blocks (the `¶` number).
  package var ordinal: Int
  package var kind: BlockKind
  /// 1-based first line in the source.
  package var line: Int
  /// 1-based last line in the source.
  package var endLine: Int
  /// Normalized text: NFC, soft breaks and runs of whitespace folded to one space,
  /// list markers dropped. Tables and code keep their line breaks.
  package var text: String
  /// Nesting depth for list items (0 = top-level list).
  package var depth: Int
  /// Citable label, e.g. `§2.1 ¶3`.
  package var label: String
  /// Invisible characters (zero-width, no-break spaces) that normalization replaced.
  package var invisibles: [String]

  package init(
    index: Int, section: Int, ordinal: Int, kind: BlockKind, line: Int, endLine: Int, text: String, depth: Int,
    label: String, invisibles: [String] = []
  ) {
    self.index = index
    self.section = section
    self.ordinal = ordinal
    self.kind = kind
    self.line = line
    self.endLine = endLine
    self.text = text
    self.depth = depth
    self.label = label
    self.invisibles = invisibles
  }
}
