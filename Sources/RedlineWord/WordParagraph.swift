import Foundation
import RedlineDiff
import RedlineDocument

/// One paragraph of a version as it goes into Word.
package struct WordParagraph: Sendable, Hashable {
  package enum Kind: Sendable, Hashable {
    case heading(Int)
    case body
    case listItem(Int)
    /// An item of a numbered list (`1.`, `2)` in the Markdown), at a depth.
    case numberedItem(Int, paren: Bool = false)
    /// One row of a table, cells separated by " | ".
    case tableRow
  }
  package var kind: Kind
  /// Inline Markdown (`**bold**`, `*italic*`, backslash escapes) as Redline keeps it.
  package var text: String

  /// The paragraphs of a parsed document in reading order: each heading, then its blocks.
  /// With the Markdown `source`, list items written `1.` or `1)` are numbered items.
  package static func of(_ doc: Document, source: [UInt8]? = nil) -> [WordParagraph] {
    let lines = source.map {
      String(decoding: $0, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }
    var out: [WordParagraph] = []
    for s in doc.sections {
      if s.index > 0 { out.append(WordParagraph(kind: .heading(s.level), text: s.heading)) }
      for b in doc.blocks[s.blockRange] { out += of(b, lines: lines) }
    }
    return out
  }

  /// True when a list item's first source line starts with a number marker (`3.`, `2)`).
  /// Returns the delimiter (`.` or `)`), or nil for a bullet.
  static func numberMarker(_ b: Block, lines: [Substring]?) -> Character? {
    guard let lines, b.line >= 1, b.line <= lines.count else { return nil }
    let l = lines[b.line - 1].drop(while: { $0 == " " || $0 == "\t" })
    let digits = l.prefix(while: { $0.isASCII && $0.isNumber })
    guard !digits.isEmpty, digits.count <= 9 else { return nil }
    let rest = l.dropFirst(digits.count)
    return rest.first == "." || rest.first == ")" ? rest.first : nil
  }

  /// A block as paragraphs (a table gives one per row, its delimiter row dropped).
  package static func of(_ b: Block, lines: [Substring]? = nil) -> [WordParagraph] {
    switch b.kind {
    case .table:
      return b.text.split(separator: "\n").filter { !isDelimiterRow($0) }.map { row in
        var cells = row.trimmingCharacters(in: .whitespaces)
        if cells.hasPrefix("|") { cells.removeFirst() }
        if cells.hasSuffix("|") && !cells.hasSuffix("\\|") { cells.removeLast() }
        let parts = splitCells(cells).map { $0.trimmingCharacters(in: .whitespaces) }
        return WordParagraph(kind: .tableRow, text: parts.joined(separator: " | "))
      }
    case .listItem:
      let marker = numberMarker(b, lines: lines)
      return [
        WordParagraph(
          kind: marker.map { .numberedItem(b.depth, paren: $0 == ")") } ?? .listItem(b.depth), text: fold(b.text))
      ]
    default:
      return [WordParagraph(kind: .body, text: fold(b.text))]
    }
  }

  static func isDelimiterRow(_ s: Substring) -> Bool {
    let t = s.trimmingCharacters(in: .whitespaces)
    return !t.isEmpty && t.contains("-") && t.allSatisfy { "|-: ".contains($0) }
  }

  static func splitCells(_ s: String) -> [String] {
    var out: [String] = []
    var cur = ""
    var escaped = false
    for ch in s {
      if escaped {
        cur.append(ch)
        escaped = false
      } else if ch == "\\" {
        cur.append(ch)
        escaped = true
      } else if ch == "|" {
        out.append(cur)
        cur = ""
      } else {
        cur.append(ch)
      }
    }
    out.append(cur)
    return out
  }

  static func fold(_ s: String) -> String { s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ") }

  /// The text a reader sees: emphasis markers and backslash escapes removed.
  package var plainText: String { InlineMarkdown.spans(text).map(\.text).joined() }
}

/// A review thread as a Word comment on a paragraph of the new version.
package struct WordThread: Sendable, Hashable {
  package struct Entry: Sendable, Hashable {
    package var author: String
    package var date: Int64?
    package var text: String
    package init(author: String, date: Int64?, text: String) {
      self.author = author
      self.date = date
      self.text = text
    }
  }
  /// Index into the new version's paragraphs.
  package var paragraph: Int
  /// The opening comment, then the replies.
  package var entries: [Entry]
  /// Shown as done in Word.
  package var resolved: Bool

  package init(paragraph: Int, entries: [Entry], resolved: Bool) {
    self.paragraph = paragraph
    self.entries = entries
    self.resolved = resolved
  }
}

/// Inline Markdown read into formatted spans (bold, italic), for Word runs.
enum InlineMarkdown {
  struct Span: Hashable {
    var text: String
    var bold: Bool
    var italic: Bool
  }

  static func spans(_ s: String) -> [Span] {
    var out: [Span] = []
    var bold = false
    var italic = false
    var cur = ""
    func flush() {
      if !cur.isEmpty { out.append(Span(text: cur, bold: bold, italic: italic)) }
      cur = ""
    }
    let chars = Array(s)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "\\", i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
        cur.append(chars[i + 1])
        i += 2
        continue
      }
      if c == "*" {
        if i + 1 < chars.count && chars[i + 1] == "*" {
          flush()
          bold.toggle()
          i += 2
        } else {
          flush()
          italic.toggle()
          i += 1
        }
        continue
      }
      cur.append(c)
      i += 1
    }
    flush()
    return out
  }
}

/// Who made a change and when (a commit's author and date).
package struct ChangeAuthor: Sendable, Hashable {
  package var name: String
  /// Seconds since 1970.
  package var date: Int64?
  package init(name: String, date: Int64?) {
    self.name = name
    self.date = date
  }
}
