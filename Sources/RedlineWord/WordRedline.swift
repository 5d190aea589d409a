import Foundation
import RedlineDiff
import RedlineDocument

/// One paragraph of a version as it goes into Word.
public struct WordParagraph: Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case heading(Int)
    case body
    case listItem(Int)
    /// An item of a numbered list (`1.`, `2)` in the Markdown), at a depth.
    case numberedItem(Int, paren: Bool = false)
    /// One row of a table, cells separated by " | ".
    case tableRow
  }
  public var kind: Kind
  /// Inline Markdown (`**bold**`, `*italic*`, backslash escapes) as Redline keeps it.
  public var text: String

  public init(kind: Kind, text: String) {
    self.kind = kind
    self.text = text
  }

  /// The paragraphs of a parsed document in reading order: each heading, then its blocks.
  /// With the Markdown `source`, list items written `1.` or `1)` are numbered items.
  public static func of(_ doc: Document, source: [UInt8]? = nil) -> [WordParagraph] {
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
  public static func of(_ b: Block, lines: [Substring]? = nil) -> [WordParagraph] {
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
  public var plainText: String { InlineMarkdown.spans(text).map(\.text).joined() }
}

/// A review thread as a Word comment on a paragraph of the new version.
public struct WordThread: Sendable, Hashable {
  public struct Entry: Sendable, Hashable {
    public var author: String
    public var date: Int64?
    public var text: String
    public init(author: String, date: Int64?, text: String) {
      self.author = author
      self.date = date
      self.text = text
    }
  }
  /// Index into the new version's paragraphs.
  public var paragraph: Int
  /// The opening comment, then the replies.
  public var entries: [Entry]
  /// Shown as done in Word.
  public var resolved: Bool

  public init(paragraph: Int, entries: [Entry], resolved: Bool) {
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
public struct ChangeAuthor: Sendable, Hashable {
  public var name: String
  /// Seconds since 1970.
  public var date: Int64?
  public init(name: String, date: Int64?) {
    self.name = name
    self.date = date
  }
}

/// Writes a Word file whose tracked changes turn the old version into the new one:
/// *Accept all* gives the new text, *Reject all* the old.
public enum WordRedline {
  /// Builds the .docx. `author` and `date` (seconds since 1970) mark every change, except
  /// where `newAuthors` (by new paragraph, for insertions and edits) or `oldAuthors` (by old
  /// paragraph, for deletions) name the commit that made it.
  public static func docx(
    old oldIn: [WordParagraph], new newIn: [WordParagraph], author: String, date: Int64?,
    threads threadsIn: [WordThread] = [], title: String? = nil, newAuthors newAuthorsIn: [Int: ChangeAuthor] = [:],
    oldAuthors oldAuthorsIn: [Int: ChangeAuthor] = [:]
  ) throws(WordError) -> [UInt8] {
    // Footnotes (`[^1]` marks and `\[^1]: text` paragraphs) become Word footnotes.
    var notes = Footnotes()
    let (old, oldKept) = notes.extract(oldIn)
    let (new, newKept) = notes.extract(newIn)
    let newIndex = Dictionary(uniqueKeysWithValues: newKept.enumerated().map { ($1, $0) })
    let oldIndex = Dictionary(uniqueKeysWithValues: oldKept.enumerated().map { ($1, $0) })
    let threads = threadsIn.map { t -> WordThread in
      var t = t
      t.paragraph =
        newIndex[t.paragraph] ?? newIndex.filter { $0.key > t.paragraph }.min { $0.key < $1.key }?.value ?? 0
      return t
    }
    let newAuthors = Dictionary(
      newAuthorsIn.compactMap { k, v in newIndex[k].map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
    let oldAuthors = Dictionary(
      oldAuthorsIn.compactMap { k, v in oldIndex[k].map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
    var w = BodyWriter(author: author.isEmpty ? "Redline" : author, date: date.map(isoDate))
    w.noteTexts = notes.texts
    let ops = align(old, new)
    var commentsByParagraph: [Int: [Int]] = [:]
    for (k, t) in threads.enumerated() { commentsByParagraph[t.paragraph, default: []].append(k) }
    var commentIDs: [Int: [Int]] = [:]  // thread → comment ids (opening, replies)
    var next = 0
    for (k, t) in threads.enumerated() {
      commentIDs[k] = t.entries.indices.map { _ in
        defer { next += 1 }
        return next
      }
    }
    w.revision = next + 1  // change ids after the comment ids: every annotation id unique
    // A deleted paragraph whose text comes back unchanged elsewhere is a move.
    var moveFrom: [Int: String] = [:]
    var moveTo: [Int: String] = [:]
    var inserted: [String: [Int]] = [:]
    for op in ops { if case .inserted(let j) = op { inserted[new[j].text, default: []].append(j) } }
    for op in ops {
      guard case .deleted(let i) = op, Tokenizer.words(old[i].text).count >= 3,
        let j = inserted[old[i].text]?.first(where: { moveTo[$0] == nil && new[$0].kind == old[i].kind })
      else { continue }
      let name = "move\(moveFrom.count + 1)"
      moveFrom[i] = name
      moveTo[j] = name
    }
    var rows: [BodyWriter.RowChange] = []
    func cells(_ p: WordParagraph) -> [String] {
      WordParagraph.splitCells(p.text).map { $0.trimmingCharacters(in: .whitespaces) }
    }
    func commentsOn(_ j: Int) -> [Int] { (commentsByParagraph[j] ?? []).flatMap { commentIDs[$0]! } }
    for op in ops {
      w.who = nil
      w.move = nil
      // Table rows are gathered and written as one Word table.
      switch op {
      case .same(let i, let j) where new[j].kind == .tableRow && old[i].kind == .tableRow:
        rows.append(
          .init(
            cells: cells(new[j]).map { $0.isEmpty ? [] : [Segment(.equal, $0)] }, mark: nil, who: nil,
            comments: commentsOn(j)))
        continue
      case .modified(let i, let j) where new[j].kind == .tableRow && old[i].kind == .tableRow:
        let (a, b) = (cells(old[i]), cells(new[j]))
        if a.count == b.count {
          rows.append(
            .init(
              cells: zip(a, b).map { Self.change($0, $1) }, mark: nil, who: newAuthors[j], comments: commentsOn(j)))
        } else {
          rows.append(
            .init(
              cells: a.map { $0.isEmpty ? [] : [Segment(.delete, $0)] }, mark: .delete, who: newAuthors[j], comments: []
            ))
          rows.append(
            .init(
              cells: b.map { $0.isEmpty ? [] : [Segment(.insert, $0)] }, mark: .insert, who: newAuthors[j],
              comments: commentsOn(j)))
        }
        continue
      case .deleted(let i) where old[i].kind == .tableRow:
        rows.append(
          .init(
            cells: cells(old[i]).map { $0.isEmpty ? [] : [Segment(.delete, $0)] }, mark: .delete, who: oldAuthors[i],
            comments: []))
        continue
      case .inserted(let j) where new[j].kind == .tableRow:
        rows.append(
          .init(
            cells: cells(new[j]).map { $0.isEmpty ? [] : [Segment(.insert, $0)] }, mark: .insert, who: newAuthors[j],
            comments: commentsOn(j)))
        continue
      default:
        w.table(rows)
        rows = []
      }
      switch op {
      case .same(let i, let j):
        w.paragraph(
          new[j], segments: [Segment(.equal, new[j].text)], oldKind: old[i].kind, mark: nil,
          comments: (commentsByParagraph[j] ?? []).flatMap { commentIDs[$0]! })
      case .modified(let i, let j):
        w.who = newAuthors[j]
        w.paragraph(
          new[j], segments: Self.change(old[i].text, new[j].text), oldKind: old[i].kind, mark: nil,
          comments: (commentsByParagraph[j] ?? []).flatMap { commentIDs[$0]! })
      case .deleted(let i):
        w.who = oldAuthors[i]
        w.move = moveFrom[i]
        w.paragraph(
          old[i], segments: [Segment(.delete, old[i].text)], oldKind: old[i].kind, mark: .delete, comments: [])
      case .inserted(let j):
        w.who = newAuthors[j]
        w.move = moveTo[j]
        w.paragraph(
          new[j], segments: [Segment(.insert, new[j].text)], oldKind: new[j].kind, mark: .insert,
          comments: (commentsByParagraph[j] ?? []).flatMap { commentIDs[$0]! })
      }
    }
    w.table(rows)
    // Word needs a last paragraph that no change removes.
    w.xml +=
      "<w:p/><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1134\" w:bottom=\"1417\" w:left=\"1134\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>"
    let document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"\(ns.w)\" xmlns:r=\"\(ns.r)\" xmlns:w14=\"\(ns.w14)\" xmlns:mc=\"\(ns.mc)\" mc:Ignorable=\"w14\"><w:body>"
      + w.xml + "</w:body></w:document>"

    var parts: [(path: String, bytes: [UInt8])] = []
    let hasComments = !threads.isEmpty
    parts.append(
      (
        "[Content_Types].xml",
        Array(contentTypes(comments: hasComments, core: title != nil, footnotes: !w.writtenNotes.isEmpty).utf8)
      ))
    parts.append(("_rels/.rels", Array(rootRels(title: title != nil).utf8)))
    parts.append(
      (
        "word/_rels/document.xml.rels",
        Array(documentRels(comments: hasComments, footnotes: !w.writtenNotes.isEmpty).utf8)
      ))
    parts.append(("word/document.xml", Array(document.utf8)))
    parts.append(("word/styles.xml", Array(styles.utf8)))
    parts.append(("word/numbering.xml", Array(numbering(parens: w.listParens).utf8)))
    parts.append(("word/settings.xml", Array(settings.utf8)))
    if !w.writtenNotes.isEmpty {
      parts.append(("word/footnotes.xml", Array(Footnotes.xml(w.writtenNotes, writer: w).utf8)))
    }
    if hasComments {
      let (c, x) = comments(threads, ids: commentIDs)
      parts.append(("word/comments.xml", Array(c.utf8)))
      parts.append(("word/commentsExtended.xml", Array(x.utf8)))
    }
    if let title { parts.append(("docProps/core.xml", Array(core(title: title).utf8))) }
    return try DocxZip.zip(parts)
  }

  /// Old and new inline Markdown of one paragraph or cell; `runsFormatted` diffs their visible text.
  static func change(_ old: String, _ new: String) -> [Segment] {
    if old == new { return old.isEmpty ? [] : [Segment(.equal, new)] }
    return [Segment(.delete, old), Segment(.insert, new)].filter { !$0.text.isEmpty }
  }

  enum Op: Equatable {
    case same(Int, Int)
    case modified(Int, Int)
    case deleted(Int)
    case inserted(Int)
  }

  /// Paragraph alignment: longest common subsequence of equal paragraphs, then, in each gap,
  /// old and new paragraphs of the same kind with similar words paired as modified.
  static func align(_ a: [WordParagraph], _ b: [WordParagraph]) -> [Op] {
    var pre = 0
    while pre < a.count && pre < b.count && a[pre] == b[pre] { pre += 1 }
    var suf = 0
    while suf < a.count - pre && suf < b.count - pre && a[a.count - 1 - suf] == b[b.count - 1 - suf] { suf += 1 }
    let am = Array(a[pre..<(a.count - suf)])
    let bm = Array(b[pre..<(b.count - suf)])
    var pairs: [(Int, Int)] = []
    if am.count * bm.count <= 4_000_000 {
      let n = am.count
      let m = bm.count
      var dp = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
      if n > 0 && m > 0 {
        for i in stride(from: n - 1, through: 0, by: -1) {
          for j in stride(from: m - 1, through: 0, by: -1) {
            dp[i][j] = am[i] == bm[j] ? dp[i + 1][j + 1] + 1 : max(dp[i + 1][j], dp[i][j + 1])
          }
        }
      }
      var i = 0
      var j = 0
      while i < n && j < m {
        if am[i] == bm[j] {
          pairs.append((i + pre, j + pre))
          i += 1
          j += 1
        } else if dp[i + 1][j] >= dp[i][j + 1] {
          i += 1
        } else {
          j += 1
        }
      }
    }
    var ops: [Op] = (0..<pre).map { .same($0, $0) }
    var i = pre
    var j = pre
    func gap(_ iEnd: Int, _ jEnd: Int) {
      while i < iEnd {
        if let k = (j..<jEnd).first(where: { similar(a[i], b[$0]) }) {
          while j < k {
            ops.append(.inserted(j))
            j += 1
          }
          ops.append(.modified(i, j))
          j += 1
        } else {
          ops.append(.deleted(i))
        }
        i += 1
      }
      while j < jEnd {
        ops.append(.inserted(j))
        j += 1
      }
    }
    for (pi, pj) in pairs {
      gap(pi, pj)
      ops.append(.same(pi, pj))
      i = pi + 1
      j = pj + 1
    }
    gap(a.count - suf, b.count - suf)
    for k in 0..<suf { ops.append(.same(a.count - suf + k, b.count - suf + k)) }
    return ops
  }

  static func similar(_ x: WordParagraph, _ y: WordParagraph) -> Bool {
    let kx: Int
    let ky: Int
    switch x.kind {
    case .heading: kx = 0
    case .tableRow: kx = 2
    default: kx = 1
    }
    switch y.kind {
    case .heading: ky = 0
    case .tableRow: ky = 2
    default: ky = 1
    }
    guard kx == ky else { return false }
    let wx = Set(Tokenizer.words(x.text).map { $0.lowercased() })
    let wy = Set(Tokenizer.words(y.text).map { $0.lowercased() })
    if wx.isEmpty || wy.isEmpty { return false }
    return Double(wx.intersection(wy).count) / Double(wx.union(wy).count) >= 0.4
  }

  static func isoDate(_ t: Int64) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
  }

  static let ns = (
    w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    w14: "http://schemas.microsoft.com/office/word/2010/wordml",
    w15: "http://schemas.microsoft.com/office/word/2012/wordml",
    mc: "http://schemas.openxmlformats.org/markup-compatibility/2006"
  )

  /// Escapes text for XML and drops characters XML 1.0 forbids.
  static func xml(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default:
        if u.value < 0x20 && u != "\t" && u != "\n" && u != "\r" { continue }
        if u.value == 0xFFFE || u.value == 0xFFFF { continue }
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  static func comments(_ threads: [WordThread], ids: [Int: [Int]]) -> (String, String) {
    var c =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"\(ns.w)\" xmlns:w14=\"\(ns.w14)\">"
    var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w15:commentsEx xmlns:w15=\"\(ns.w15)\">"
    for (k, t) in threads.enumerated() {
      let cids = ids[k]!
      for (e, entry) in t.entries.enumerated() {
        let id = cids[e]
        let paraID = String(format: "%08X", 0x1000_0000 + id)
        let initials = entry.author.split(separator: " ").compactMap(\.first).prefix(3).map(String.init).joined()
        c += "<w:comment w:id=\"\(id)\" w:author=\"\(xml(entry.author))\" w:initials=\"\(xml(initials))\""
        if let d = entry.date { c += " w:date=\"\(isoDate(d))\"" }
        c += ">"
        let lines = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() {
          c += n == lines.count - 1 ? "<w:p w14:paraId=\"\(paraID)\">" : "<w:p>"
          if n == 0 { c += "<w:r><w:annotationRef/></w:r>" }
          c += "<w:r><w:t xml:space=\"preserve\">\(xml(String(line)))</w:t></w:r></w:p>"
        }
        c += "</w:comment>"
        x += "<w15:commentEx w15:paraId=\"\(paraID)\""
        if e > 0 { x += " w15:paraIdParent=\"\(String(format: "%08X", 0x1000_0000 + cids[0]))\"" }
        x += " w15:done=\"\(t.resolved ? 1 : 0)\"/>"
      }
    }
    return (c + "</w:comments>", x + "</w15:commentsEx>")
  }

  static func contentTypes(comments: Bool, core: Bool, footnotes: Bool) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/word/document.xml\" ContentType=\"\(main).document.main+xml\"/>"
      + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(main).styles+xml\"/>"
      + "<Override PartName=\"/word/numbering.xml\" ContentType=\"\(main).numbering+xml\"/>"
      + "<Override PartName=\"/word/settings.xml\" ContentType=\"\(main).settings+xml\"/>"
      + (core
        ? "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        : "")
    if footnotes { s += "<Override PartName=\"/word/footnotes.xml\" ContentType=\"\(main).footnotes+xml\"/>" }
    if comments {
      s += "<Override PartName=\"/word/comments.xml\" ContentType=\"\(main).comments+xml\"/>"
      s += "<Override PartName=\"/word/commentsExtended.xml\" ContentType=\"\(main).commentsExtended+xml\"/>"
    }
    return s + "</Types>"
  }

  static func rootRels(title: Bool) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(ns.r)/officeDocument\" Target=\"word/document.xml\"/>"
      + (title
        ? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        : "")
      + "</Relationships>"
  }

  static func documentRels(comments: Bool, footnotes: Bool) -> String {
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(ns.r)/styles\" Target=\"styles.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"\(ns.r)/numbering\" Target=\"numbering.xml\"/>"
      + "<Relationship Id=\"rId3\" Type=\"\(ns.r)/settings\" Target=\"settings.xml\"/>"
    if footnotes { s += "<Relationship Id=\"rId6\" Type=\"\(ns.r)/footnotes\" Target=\"footnotes.xml\"/>" }
    if comments {
      s += "<Relationship Id=\"rId4\" Type=\"\(ns.r)/comments\" Target=\"comments.xml\"/>"
      s +=
        "<Relationship Id=\"rId5\" Type=\"http://schemas.microsoft.com/office/2011/relationships/commentsExtended\" Target=\"commentsExtended.xml\"/>"
    }
    return s + "</Relationships>"
  }

  static func core(title: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(xml(title))</dc:title><dc:creator>Redline</dc:creator></cp:coreProperties>"
  }

  static let settings =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:trackRevisions/><w:defaultTabStop w:val=\"1304\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"

  static var styles: String {
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:lang w:val=\"fi-FI\"/></w:rPr></w:rPrDefault>"
      + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
      + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    let sizes = [32, 28, 26, 24, 22, 22]
    for l in 1...6 {
      s +=
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(l)\"><w:name w:val=\"heading \(l)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
        + "<w:pPr><w:keepNext/><w:spacing w:before=\"\(l == 1 ? 360 : 240)\" w:after=\"120\"/><w:outlineLvl w:val=\"\(l - 1)\"/></w:pPr>"
        + "<w:rPr><w:b/><w:sz w:val=\"\(sizes[l - 1])\"/></w:rPr></w:style>"
    }
    s +=
      "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/></w:pPr></w:style>"
    s +=
      "<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>"
    s +=
      "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
    s +=
      "<w:style w:type=\"table\" w:styleId=\"Taulukko\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    s +=
      "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Redline Table Text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/></w:rPr></w:style>"
    s +=
      "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableRow\"><w:name w:val=\"Redline Table Row\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"BFBFBF\"/></w:pBdr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/></w:rPr></w:style>"
    return s + "</w:styles>"
  }

  /// Bullets (numId 1) and one instance of the decimal list per numbered list (numId 2…), each starting at 1.
  static func numbering(parens: [Bool]) -> String {
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
    let glyphs = ["•", "◦", "▪"]
    for l in 0..<9 {
      s +=
        "<w:lvl w:ilvl=\"\(l)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\(glyphs[l % 3])\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(720 + 360 * l)\" w:hanging=\"360\"/></w:pPr></w:lvl>"
    }
    s += "</w:abstractNum>"
    for (id, delimiter) in [(1, "."), (2, ")")] {
      s += "<w:abstractNum w:abstractNumId=\"\(id)\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
      for l in 0..<9 {
        s +=
          "<w:lvl w:ilvl=\"\(l)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%\(l + 1)\(delimiter)\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(720 + 360 * l)\" w:hanging=\"360\"/></w:pPr></w:lvl>"
      }
      s += "</w:abstractNum>"
    }
    s += "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    for (k, paren) in (parens.isEmpty ? [false] : parens).enumerated() {
      s +=
        "<w:num w:numId=\"\(k + 2)\"><w:abstractNumId w:val=\"\(paren ? 2 : 1)\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    }
    return s + "</w:numbering>"
  }
}

/// Accumulates `w:body` content.
struct BodyWriter {
  var author: String
  var date: String?
  var xml = ""
  var revision = 1

  /// The author of the paragraph being written, when known.
  var who: ChangeAuthor?
  /// Footnote texts by mark id - 1, and the footnotes written (one per mark, in document order).
  var noteTexts: [String] = []
  /// A footnote's text is inserted or deleted with its mark, by the mark's author.
  var writtenNotes: [(text: String, op: Segment.Op, who: ChangeAuthor?)] = []
  /// The move this whole paragraph belongs to (`move1`): written as Word move ranges.
  var move: String?

  mutating func attrs() -> String {
    defer { revision += 1 }
    let name = who?.name ?? author
    var s = " w:id=\"\(revision)\" w:author=\"\(WordRedline.xml(name.isEmpty ? author : name))\""
    if let d = who?.date.map(WordRedline.isoDate) ?? date { s += " w:date=\"\(d)\"" }
    return s
  }

  /// The list instance of the numbered list being written (each list restarts at 1).
  var numberedList: Int?
  var lastNumberedDepth = 0
  /// Per numbered list: written `1)` (else `1.`).
  var listParens: [Bool] = []

  /// Starts or continues a numbered list for the paragraph kind being written.
  /// A deleted paragraph does not break the list it sits in.
  mutating func listState(_ kind: WordParagraph.Kind, deleted: Bool) {
    switch kind {
    case .numberedItem(let d, let paren):
      if numberedList == nil || (d == 0 && lastNumberedDepth < 0) || (d == 0 && listParens.last != paren) {
        listParens.append(paren)
        numberedList = listParens.count + 1
      }
      lastNumberedDepth = d
    case .listItem(let d):
      if d == 0 && !deleted { lastNumberedDepth = -1 }
    default:
      if !deleted { numberedList = nil }
    }
  }

  func pPr(_ kind: WordParagraph.Kind) -> String {
    switch kind {
    case .numberedItem(let d, _):
      return
        "<w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"\(min(d, 8))\"/><w:numId w:val=\"\(numberedList ?? 2)\"/></w:numPr>"
    case .heading(let l): return "<w:pStyle w:val=\"Heading\(min(max(l, 1), 6))\"/>"
    case .listItem(let d):
      return
        "<w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"\(min(d, 8))\"/><w:numId w:val=\"1\"/></w:numPr>"
    case .tableRow: return "<w:pStyle w:val=\"TableRow\"/>"
    case .body: return ""
    }
  }

  /// One paragraph; `mark` says whether its paragraph mark is inserted or deleted.
  mutating func paragraph(
    _ p: WordParagraph, segments: [Segment], oldKind: WordParagraph.Kind, mark: Segment.Op?, comments: [Int]
  ) {
    listState(p.kind, deleted: mark == .delete)
    var ppr = pPr(p.kind)
    if oldKind != p.kind && mark == nil {
      ppr += "<w:pPrChange\(attrs())><w:pPr>\(pPr(oldKind))</w:pPr></w:pPrChange>"
    }
    let insTag = move == nil ? "ins" : "moveTo"
    let delTag = move == nil ? "del" : "moveFrom"
    switch mark {
    case .insert?: ppr += "<w:rPr><w:\(insTag)\(attrs())/></w:rPr>"
    case .delete?: ppr += "<w:rPr><w:\(delTag)\(attrs())/></w:rPr>"
    default: break
    }
    xml += "<w:p>" + (ppr.isEmpty ? "" : "<w:pPr>\(ppr)</w:pPr>")
    var rangeID: Int? = nil
    if let move, let mark {
      rangeID = revision
      xml += "<w:\(mark == .insert ? "moveToRangeStart" : "moveFromRangeStart")\(attrs()) w:name=\"\(move)\"/>"
    }
    for c in comments { xml += "<w:commentRangeStart w:id=\"\(c)\"/>" }
    xml += runs(segments, insTag: insTag, delTag: delTag)
    if let rangeID, let mark {
      xml += "<w:\(mark == .insert ? "moveToRangeEnd" : "moveFromRangeEnd") w:id=\"\(rangeID)\"/>"
    }
    for c in comments {
      xml += "<w:commentRangeEnd w:id=\"\(c)\"/><w:r><w:commentReference w:id=\"\(c)\"/></w:r>"
    }
    xml += "</w:p>"
  }

  /// Runs for word-diff segments: formatting per character (the old side for deletions,
  /// the new side otherwise), insertions and deletions wrapped in `insTag`/`delTag`.
  mutating func runs(_ segments: [Segment], insTag: String = "ins", delTag: String = "del") -> String {
    var xml = ""
    for whole in runsFormatted(segments) {
      for seg in Footnotes.split(whole) {
        if var id = Footnotes.id(seg.text) {
          // Each mark gets a footnote of its own (a deleted and an inserted mark of one note
          // too), numbered in document order as Word numbers them.
          guard id <= noteTexts.count else { continue }
          writtenNotes.append((noteTexts[id - 1], seg.op, who))
          id = writtenNotes.count
          let r =
            "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"\(id)\"/></w:r>"
          switch seg.op {
          case .equal: xml += r
          case .insert: xml += "<w:\(insTag)\(attrs())>" + r + "</w:\(insTag)>"
          case .delete: xml += "<w:\(delTag)\(attrs())>" + r + "</w:\(delTag)>"
          }
          continue
        }
        var rpr = (seg.bold ? "<w:b/>" : "") + (seg.italic ? "<w:i/>" : "")
        if let was = seg.was {
          rpr += "<w:rPrChange\(attrs())><w:rPr>\(was.bold ? "<w:b/>" : "")\(was.italic ? "<w:i/>" : "")</w:rPr></w:rPrChange>"
        }
        let r = rpr.isEmpty ? "<w:r>" : "<w:r><w:rPr>\(rpr)</w:rPr>"
        let text = WordRedline.xml(seg.text)
        switch seg.op {
        case .equal: xml += r + "<w:t xml:space=\"preserve\">\(text)</w:t></w:r>"
        case .insert:
          xml += "<w:\(insTag)\(attrs())>" + r + "<w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:\(insTag)>"
        case .delete:
          // Moved-away text stays w:t inside w:moveFrom; deleted text is w:delText.
          let t = delTag == "moveFrom" ? "t" : "delText"
          xml += "<w:\(delTag)\(attrs())>" + r + "<w:\(t) xml:space=\"preserve\">\(text)</w:\(t)></w:r></w:\(delTag)>"
        }
      }
    }
    return xml
  }

  /// A table row of the redline: its cells' segments, and whether the whole row is inserted or deleted.
  struct RowChange {
    var cells: [[Segment]]
    var mark: Segment.Op?
    var who: ChangeAuthor?
    var comments: [Int]
  }

  /// Writes consecutive table rows as one Word table; inserted and deleted rows are marked
  /// on the row (`w:trPr`), edited cells word by word.
  mutating func table(_ rows: [RowChange]) {
    guard !rows.isEmpty else { return }
    let columns = max(1, rows.map(\.cells.count).max() ?? 1)
    let width = 9638 / columns
    xml += "<w:tbl><w:tblPr><w:tblStyle w:val=\"Taulukko\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>"
    xml += String(repeating: "<w:gridCol w:w=\"\(width)\"/>", count: columns) + "</w:tblGrid>"
    for row in rows {
      who = row.who
      // A row never splits across pages (cantSplit); an inserted or deleted row says so.
      xml += "<w:tr><w:trPr><w:cantSplit/>"
      switch row.mark {
      case .insert?: xml += "<w:ins\(attrs())/>"
      case .delete?: xml += "<w:del\(attrs())/>"
      default: break
      }
      xml += "</w:trPr>"
      for (k, cell) in row.cells.enumerated() {
        xml +=
          "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>"
        if k == 0 { for c in row.comments { xml += "<w:commentRangeStart w:id=\"\(c)\"/>" } }
        xml += runs(cell)
        if k == 0 {
          for c in row.comments {
            xml += "<w:commentRangeEnd w:id=\"\(c)\"/><w:r><w:commentReference w:id=\"\(c)\"/></w:r>"
          }
        }
        xml += "</w:p></w:tc>"
      }
      xml += "</w:tr>"
    }
    xml += "</w:tbl>"
    who = nil
  }

  struct FormattedSegment {
    var op: Segment.Op
    var text: String
    var bold: Bool
    var italic: Bool
    /// For unchanged text whose bold or italic changed: the old formatting.
    var was: (bold: Bool, italic: Bool)? = nil
  }

  /// Splits word-diff segments (over inline Markdown) into runs of plain text with formatting.
  func runsFormatted(_ segments: [Segment]) -> [FormattedSegment] {
    // Each side's Markdown is read into visible characters with their formatting; the
    // visible texts are diffed again, so a word that only lost or gained bold or italic is
    // equal text with a formatting change, never a deletion plus an insertion.
    let oldMD = segments.filter { $0.op != .insert }.map(\.text).joined()
    let newMD = segments.filter { $0.op != .delete }.map(\.text).joined()
    let oldMap = Self.charFormats(oldMD).compactMap { c in c.0.map { ($0, c.1, c.2) } }
    let newMap = Self.charFormats(newMD).compactMap { c in c.0.map { ($0, c.1, c.2) } }
    var out: [FormattedSegment] = []
    func add(_ op: Segment.Op, _ c: (Character, Bool, Bool), was: (Bool, Bool)? = nil) {
      let (ch, b, i) = c
      if let last = out.last, last.op == op, last.bold == b, last.italic == i,
        last.was?.bold == was?.0, last.was?.italic == was?.1
      {
        out[out.count - 1].text.append(ch)
      } else {
        out.append(FormattedSegment(op: op, text: String(ch), bold: b, italic: i, was: was.map { ($0.0, $0.1) }))
      }
    }
    // Only deletions (or only insertions): no second diff needed.
    if !segments.contains(where: { $0.op != .delete }) {
      for c in oldMap { add(.delete, c) }
      return out
    }
    if !segments.contains(where: { $0.op != .insert }) {
      for c in newMap { add(.insert, c) }
      return out
    }
    let oldPlain = String(oldMap.map(\.0))
    let newPlain = String(newMap.map(\.0))
    let plainSegments = oldPlain == newPlain ? [Segment(.equal, newPlain)] : WordDiff.diff(oldPlain, newPlain)
    var oi = 0
    var ni = 0
    for seg in plainSegments {
      // Count the segment's characters as the maps do (one Character per map entry).
      let n = Array(seg.text).count
      for k in 0..<n {
        switch seg.op {
        case .insert: if ni + k < newMap.count { add(.insert, newMap[ni + k]) }
        case .delete: if oi + k < oldMap.count { add(.delete, oldMap[oi + k]) }
        case .equal:
          guard oi + k < oldMap.count, ni + k < newMap.count else { continue }
          let o = oldMap[oi + k]
          let w = newMap[ni + k]
          if o.0 != w.0 {
            add(.delete, o)
            add(.insert, w)
          } else if o.1 == w.1 && o.2 == w.2 {
            add(.equal, w)
          } else {
            add(.equal, w, was: (o.1, o.2))  // bold or italic changed: a formatting change
          }
        }
      }
      if seg.op != .insert { oi += n }
      if seg.op != .delete { ni += n }
    }
    // Characters a segment count missed (joined Characters merging) are kept exact.
    while oi < oldMap.count {
      add(.delete, oldMap[oi])
      oi += 1
    }
    while ni < newMap.count {
      add(.insert, newMap[ni])
      ni += 1
    }
    return out
  }

  /// For every character of inline Markdown: the visible character (nil for syntax) and its formatting.
  static func charFormats(_ md: String) -> [(Character?, Bool, Bool)] {
    var out: [(Character?, Bool, Bool)] = []
    var bold = false
    var italic = false
    let chars = Array(md)
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "\\", i + 1 < chars.count, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
        out.append((nil, bold, italic))
        out.append((chars[i + 1], bold, italic))
        i += 2
        continue
      }
      if c == "*" {
        if i + 1 < chars.count && chars[i + 1] == "*" {
          bold.toggle()
          out.append((nil, bold, italic))
          out.append((nil, bold, italic))
          i += 2
        } else {
          italic.toggle()
          out.append((nil, bold, italic))
          i += 1
        }
        continue
      }
      out.append((c, bold, italic))
      i += 1
    }
    return out
  }
}

/// Footnotes of both versions: `[^label]` marks become one private-use character each
/// (U+E000 + the footnote's id, so a diff treats a mark as one unit), `\[^label]: text`
/// paragraphs become Word footnotes.
struct Footnotes {
  /// Footnote texts (inline Markdown); id = index + 1.
  var texts: [String] = []
  var ids: [String: Int] = [:]

  static let base: UInt32 = 0xE000

  /// The label and text of a definition paragraph (`\[^1]: text` or `[^1]: text`).
  static func definition(_ p: WordParagraph) -> (label: String, text: String)? {
    guard p.kind == .body else { return nil }
    var t = Substring(p.text)
    if t.hasPrefix("\\") { t = t.dropFirst() }
    guard t.hasPrefix("[^") else { return nil }
    t = t.dropFirst(2)
    let label = t.prefix { $0.isLetter || $0.isNumber }
    guard !label.isEmpty, label.count <= 16 else { return nil }
    t = t.dropFirst(label.count)
    if t.hasPrefix("\\]") { t = t.dropFirst() }
    guard t.hasPrefix("]:") else { return nil }
    return (String(label), t.dropFirst(2).trimmingCharacters(in: .whitespaces))
  }

  /// The paragraphs without definitions, marks replaced; and the original index of each kept paragraph.
  mutating func extract(_ ps: [WordParagraph]) -> ([WordParagraph], [Int]) {
    var defs: [String: String] = [:]
    for p in ps { if let d = Self.definition(p) { defs[d.label] = d.text } }
    guard !defs.isEmpty else { return (ps, Array(ps.indices)) }
    var out: [WordParagraph] = []
    var kept: [Int] = []
    for (i, p) in ps.enumerated() where Self.definition(p) == nil {
      var q = p
      var text = ""
      let chars = Array(p.text)
      var k = 0
      while k < chars.count {
        if chars[k] == "[", k + 1 < chars.count, chars[k + 1] == "^" {
          let label = String(chars[(k + 2)...].prefix { $0.isLetter || $0.isNumber })
          let end = k + 2 + label.count
          if !label.isEmpty, end < chars.count, chars[end] == "]", let note = defs[label], texts.count < 6000 {
            let key = note  // by text: a renumbered note is the same note
            let id =
              ids[key]
              ?? {
                texts.append(note)
                ids[key] = texts.count
                return texts.count
              }()
            text.unicodeScalars.append(UnicodeScalar(Self.base + UInt32(id))!)
            k = end + 1
            continue
          }
        }
        text.append(chars[k])
        k += 1
      }
      q.text = text
      out.append(q)
      kept.append(i)
    }
    return (out, kept)
  }

  /// The footnote id a one-character mark stands for.
  static func id(_ s: String) -> Int? {
    guard s.unicodeScalars.count == 1, let u = s.unicodeScalars.first, u.value > base, u.value <= base + 6000 else {
      return nil
    }
    return Int(u.value - base)
  }

  /// Splits a run at footnote marks (each mark its own piece).
  static func split(_ seg: BodyWriter.FormattedSegment) -> [BodyWriter.FormattedSegment] {
    guard seg.text.unicodeScalars.contains(where: { $0.value > base && $0.value <= base + 6000 }) else { return [seg] }
    var out: [BodyWriter.FormattedSegment] = []
    var cur = ""
    func piece(_ t: String) -> BodyWriter.FormattedSegment {
      var x = seg
      x.text = t
      return x
    }
    for ch in seg.text {
      if id(String(ch)) != nil {
        if !cur.isEmpty { out.append(piece(cur)) }
        cur = ""
        out.append(piece(String(ch)))
      } else {
        cur.append(ch)
      }
    }
    if !cur.isEmpty { out.append(piece(cur)) }
    return out
  }

  /// `word/footnotes.xml`: the two separators Word expects, then one footnote per text.
  static func xml(_ notes: [(text: String, op: Segment.Op, who: ChangeAuthor?)], writer: BodyWriter) -> String {
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes xmlns:w=\"\(WordRedline.ns.w)\">"
      + "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
      + "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"
    var w = writer
    w.xml = ""
    for (k, note) in notes.enumerated() {
      w.who = note.who
      s +=
        "<w:footnote w:id=\"\(k + 1)\"><w:p><w:pPr><w:pStyle w:val=\"FootnoteText\"/></w:pPr>"
        + "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> </w:t></w:r>"
        + w.runs([Segment(note.op, note.text)]) + "</w:p></w:footnote>"
    }
    return s + "</w:footnotes>"
  }
}
