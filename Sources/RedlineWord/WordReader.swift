import Foundation

/// A stretch of text with one formatting.
struct InlineRun: Sendable, Hashable {
  var text: String
  var bold = false
  var italic = false
  /// Already Markdown (a footnote mark): not escaped.
  var raw = false
}

/// One imported block, before it is written as Markdown.
struct WordBlock: Sendable {
  enum Kind: Sendable {
    case heading(Int)
    case paragraph
    /// Level, and the visible number ("" for a bullet).
    case listItem(Int, String)
    case table([[String]])
  }
  var kind: Kind
  var segments: [InlineRun]
  /// Plain text (for comments' anchors).
  var plain: String
  var isHeading: Bool { if case .heading = kind { return true } else { return false } }
}

/// Walks `w:body` and turns paragraphs, lists and tables into `WordBlock`s, accepting
/// pending tracked changes.
struct WordReader {
  var styles: WordStyles
  var numbering: WordNumbering
  var footnoteParts: [String: XMLElement] = [:]
  var endnoteParts: [String: XMLElement] = [:]

  var blocks: [WordBlock] = []
  var footnotes: [String] = []
  var changes = TrackedChanges()
  /// Segments of paragraphs whose mark was deleted: they join the next paragraph.
  var pending: [InlineRun] = []
  /// Text boxes' blocks, emitted after the paragraph that anchors them.
  var deferred: [WordBlock] = []

  var openComments: [String] = []
  var commentQuotes: [String: String] = [:]
  var commentPlaces: [String: Int] = [:]

  var images = 0
  var textBoxes = 0
  var fields = 0
  var equations = 0
  var objects = 0
  var tocParagraphs = 0
  var emptyHeadings = 0
  var doubledNumbers = 0
  var depth = 0

  init(styles: WordStyles, numbering: WordNumbering) {
    self.styles = styles
    self.numbering = numbering
  }

  // MARK: Block level

  mutating func body(_ e: XMLElement) {
    depth += 1
    defer { depth -= 1 }
    guard depth < 64 else { return }
    for c in e.elements {
      switch c.name {
      case "p": paragraph(c)
      case "tbl": table(c)
      case "sdt":
        let gallery = c.path("sdtPr", "docPartObj", "docPartGallery")?["val"] ?? ""
        if gallery.lowercased().contains("table of contents") {
          tocParagraphs += max(1, c.descendants("p").count)
        } else if let content = c.child("sdtContent") {
          body(content)
        }
      case "customXml", "ins", "moveTo", "sdtContent":
        if c.name == "ins" { changes.insertions += 1 }
        if c.name == "moveTo" { changes.moves += 1 }
        body(c)
      case "del": changes.deletions += 1
      case "moveFrom": break
      case "commentRangeStart":
        if let id = c["id"] {
          openComments.append(id)
          commentPlaces[id] = blocks.count
        }
      case "commentRangeEnd":
        if let id = c["id"] { openComments.removeAll { $0 == id } }
      case "altChunk": objects += 1
      default: break
      }
    }
  }

  mutating func paragraph(_ p: XMLElement) {
    let ppr = p.child("pPr")
    let styleID = ppr?.child("pStyle")?["val"]
    var role = styles.role(styleID)
    if let o = ppr?.child("outlineLvl")?["val"].flatMap({ Int($0) }) {
      if o >= 0 && o < 9 { role = .heading(o + 1) } else if case .heading = role { role = .body }
    }
    if ppr?.child("pPrChange") != nil { changes.formatChanges += 1 }
    if role == .tocEntry || role == .tocHeading {
      tocParagraphs += 1
      return
    }
    // Comments opened in this paragraph point at it.
    let here = blocks.count
    var segs = inline(p, bold: false, italic: false, place: here)
    let markRPr = ppr?.child("rPr")
    if markRPr?.child("del") != nil || markRPr?.child("moveFrom") != nil {
      // Accepting a deleted paragraph mark joins this paragraph to the next, with no space.
      pending += segs
      return
    }
    segs = pending + segs
    pending = []

    var number: String? = nil
    var level = 0
    if let np = ppr?.child("numPr"), let numID = np.child("numId")?["val"] {
      level = np.child("ilvl")?["val"].flatMap { Int($0) } ?? styles.numbering(styleID)?.ilvl ?? 0
      number = numbering.next(numID: numID, ilvl: level)
    } else if let (numID, ilvl) = styles.numbering(styleID) {
      level = ilvl ?? numbering.level(forStyle: styleID ?? "", numID: numID) ?? 0
      number = numbering.next(numID: numID, ilvl: level)
    }
    let plain = Self.fold(segs.map(\.text).joined())

    switch role {
    case .heading(let l):
      guard !plain.isEmpty else {
        emptyHeadings += 1
        break
      }
      var text = plain
      if let n = number, !n.isEmpty {
        let bare = n.hasSuffix(".") ? String(n.dropLast()) : n
        if plain == bare || plain.hasPrefix(bare + " ") || plain.hasPrefix(bare + ".") || plain.hasPrefix(bare + "\t") {
          doubledNumbers += 1
        } else {
          text = n + " " + plain
        }
      }
      blocks.append(WordBlock(kind: .heading(l), segments: [InlineRun(text: text)], plain: text))
    default:
      if let n = number {
        blocks.append(WordBlock(kind: .listItem(level, n), segments: segs, plain: plain))
      } else if let stripped = Self.stripManualBullet(segs) {
        let indent = ppr?.child("ind")?["left"].flatMap { Int($0) } ?? 0
        let l = max(0, min(8, indent / 720 - 1))
        blocks.append(
          WordBlock(kind: .listItem(l, ""), segments: stripped, plain: Self.fold(stripped.map(\.text).joined())))
      } else if !plain.isEmpty {
        blocks.append(WordBlock(kind: .paragraph, segments: segs, plain: plain))
      }
    }
    // Text boxes anchored here follow the paragraph. (A comment in an empty paragraph
    // points at the block that follows: its place is the next block's index.)
    flushDeferred()
  }

  mutating func flushDeferred() {
    blocks += deferred
    deferred = []
  }

  mutating func flushPending() {
    if !pending.isEmpty {
      let plain = Self.fold(pending.map(\.text).joined())
      if !plain.isEmpty { blocks.append(WordBlock(kind: .paragraph, segments: pending, plain: plain)) }
      pending = []
    }
    flushDeferred()
  }

  mutating func table(_ t: XMLElement) {
    var rows: [[String]] = []
    for tr in Self.rows(of: t) {
      if tr.path("trPr", "del") != nil {
        changes.deletions += 1
        continue
      }
      if tr.path("trPr", "ins") != nil { changes.insertions += 1 }
      var row: [String] = []
      for tc in tr.elements where tc.name == "tc" || tc.name == "sdt" || tc.name == "customXml" {
        let cells = tc.name == "tc" ? [tc] : tc.outermostDescendants("tc")
        for cell in cells {
          row.append(cellText(cell))
          let span = cell.path("tcPr", "gridSpan")?["val"].flatMap { Int($0) } ?? 1
          if span > 1 { row += Array(repeating: "", count: min(span, 64) - 1) }
        }
      }
      rows.append(row)
    }
    // A table with no text (a layout grid, an empty placeholder) is not kept.
    guard rows.contains(where: { $0.contains { !$0.allSatisfy(\.isWhitespace) } }) else { return }
    let plain = rows.map { $0.joined(separator: " ") }.joined(separator: " ")
    blocks.append(WordBlock(kind: .table(rows), segments: [], plain: Self.fold(plain)))
  }

  /// A table's rows, also those inside content controls (a repeating section wraps its rows
  /// in `sdt`/`sdtContent`) and custom XML, in order; rows of nested tables are not theirs.
  static func rows(of table: XMLElement) -> [XMLElement] {
    var out: [XMLElement] = []
    func collect(_ e: XMLElement) {
      for c in e.elements {
        switch c.name {
        case "tr": out.append(c)
        case "sdt": if let content = c.child("sdtContent") { collect(content) }
        case "customXml": collect(c)
        default: break
        }
      }
    }
    collect(table)
    return out
  }

  /// A cell's content as one line of Markdown (its paragraphs joined by spaces).
  mutating func cellText(_ cell: XMLElement) -> String {
    let saved = blocks
    let savedDeferred = deferred
    blocks = []
    deferred = []
    body(cell)
    flushPending()
    let parts = blocks.map { b -> String in
      switch b.kind {
      case .table(let rows):
        return Self.escape(rows.map { $0.joined(separator: " ") }.joined(separator: " "), table: true)
      case .listItem(_, let n):
        return (n.isEmpty ? "• " : Self.escape(n, table: true) + " ") + Self.markdown(b.segments, table: true)
      case .heading: return Self.escape(b.plain, table: true)
      case .paragraph: return Self.markdown(b.segments, table: true)
      }
    }
    blocks = saved
    deferred = savedDeferred
    return parts.joined(separator: " ")
  }

  // MARK: Inline

  mutating func inline(_ e: XMLElement, bold: Bool, italic: Bool, place: Int) -> [InlineRun] {
    var out: [InlineRun] = []
    for c in e.elements {
      switch c.name {
      case "r": out += run(c, bold: bold, italic: italic, place: place)
      case "ins", "moveTo":
        if c.name == "ins" { changes.insertions += 1 } else { changes.moves += 1 }
        out += inline(c, bold: bold, italic: italic, place: place)
      case "del": changes.deletions += 1
      case "moveFrom": break
      case "hyperlink", "smartTag", "customXml", "sdtContent", "bdo", "dir":
        out += inline(c, bold: bold, italic: italic, place: place)
      case "sdt":
        if let content = c.child("sdtContent") { out += inline(content, bold: bold, italic: italic, place: place) }
      case "fldSimple":
        fields += 1
        out += inline(c, bold: bold, italic: italic, place: place)
      case "commentRangeStart":
        if let id = c["id"] {
          openComments.append(id)
          commentPlaces[id] = place
        }
      case "commentRangeEnd":
        if let id = c["id"] { openComments.removeAll { $0 == id } }
      case "oMath", "oMathPara":
        equations += 1
        out.append(InlineRun(text: "[kaava]"))
      default: break
      }
    }
    return out
  }

  mutating func run(_ r: XMLElement, bold: Bool, italic: Bool, place: Int) -> [InlineRun] {
    let rpr = r.child("rPr")
    let styled = styles.runFormat(rpr?.child("rStyle")?["val"])
    let b = rpr?.child("b").map(WordStyles.isOn) ?? (bold || styled.bold)
    let i = rpr?.child("i").map(WordStyles.isOn) ?? (italic || styled.italic)
    if rpr?.child("rPrChange") != nil { changes.formatChanges += 1 }
    var out: [InlineRun] = []
    func add(_ s: String, raw: Bool = false) {
      guard !s.isEmpty else { return }
      if !raw {
        for id in openComments { commentQuotes[id, default: ""] += s }
      }
      out.append(InlineRun(text: s, bold: b, italic: i, raw: raw))
    }
    for c in r.elements {
      switch c.name {
      case "t": add(c.textContent)
      case "tab", "ptab": add("\t")
      case "br":
        if c["type"] != "page" && c["type"] != "column" { add(" ") }
      case "cr": add(" ")
      case "noBreakHyphen": add("-")
      case "sym":
        if let hex = c["char"], let v = UInt32(hex, radix: 16) {
          // Symbol-font characters are stored in the private-use area (F000 + code).
          if let u = UnicodeScalar(v) { add(String(Character(u))) }
        }
      case "footnoteReference", "endnoteReference":
        if let id = c["id"], let note = (c.name == "footnoteReference" ? footnoteParts[id] : endnoteParts[id]) {
          let text = noteText(note)
          footnotes.append(text)
          add("[^\(footnotes.count)]", raw: true)
        }
      case "commentReference":
        if let id = c["id"], commentPlaces[id] == nil { commentPlaces[id] = place }
      case "fldChar":
        if c["fldCharType"] == "begin" { fields += 1 }
      case "drawing", "pict", "object":
        // Every box of the drawing (a group holds several), each once: a box nested in
        // another is read with it. Word's second copy of a box, its VML fallback, is in
        // `mc:Fallback`, which `AlternateContent` below skips when `mc:Choice` is there.
        let boxes = c.outermostDescendants("txbxContent")
        if !boxes.isEmpty {
          textBoxes += boxes.count
          // Comments inside a box point at the paragraph that anchors it.
          let before = Set(commentPlaces.keys)
          for box in boxes { textBox(box) }
          for k in commentPlaces.keys where !before.contains(k) { commentPlaces[k] = place }
        } else if c.name == "object" {
          objects += 1
          add("[objekti]")
        } else {
          images += 1
          let pr = c.firstDescendant("docPr")
          let name = (pr?["descr"].flatMap { $0.isEmpty ? nil : $0 } ?? pr?["title"] ?? pr?["name"] ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
          add(name.isEmpty ? "[kuva]" : "[kuva: \(Self.fold(name))]")
        }
      case "AlternateContent":
        if let choice = c.child("Choice") ?? c.child("Fallback") {
          out += run(
            XMLElement(name: "r", attributes: [:], children: [.element(XMLElement(name: "rPr"))] + choice.children),
            bold: b, italic: i, place: place)
        }
      default: break
      }
    }
    return out
  }

  mutating func textBox(_ content: XMLElement) {
    let saved = blocks
    let savedPending = pending
    blocks = []
    pending = []
    body(content)
    flushPending()
    deferred += blocks
    blocks = saved
    pending = savedPending
  }

  mutating func noteText(_ note: XMLElement) -> String {
    let saved = blocks
    let savedPending = pending
    let savedDeferred = deferred
    blocks = []
    pending = []
    deferred = []
    body(note)
    flushPending()
    let text = blocks.map { b -> String in
      if case .table = b.kind { return Self.escape(b.plain, table: false) }
      return Self.markdown(b.segments, table: false)
    }.joined(separator: " ")
    blocks = saved
    pending = savedPending
    deferred = savedDeferred
    return text
  }

  // MARK: Helpers

  /// Folds runs of whitespace (tabs, line breaks) to one space and trims.
  static func fold(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
  }

  /// Plain text of one paragraph (for comments), changes accepted.
  static func plainText(_ p: XMLElement) -> String {
    var out = ""
    appendPlainText(p, to: &out)
    return out
  }

  private static func appendPlainText(_ p: XMLElement, to out: inout String) {
    for c in p.elements {
      switch c.name {
      case "del", "moveFrom": break
      case "t": out += c.textContent
      case "tab": out += " "
      case "br", "cr": out += "\n"
      default: appendPlainText(c, to: &out)
      }
    }
  }

  /// A paragraph typed as a bullet by hand: a Symbol private-use glyph (U+F0B7 …) or a
  /// bullet character, then a tab or space. Returns the segments without it.
  static func stripManualBullet(_ segs: [InlineRun]) -> [InlineRun]? {
    guard let first = segs.firstIndex(where: { !$0.text.allSatisfy(\.isWhitespace) }) else { return nil }
    let t = segs[first].text.drop(while: \.isWhitespace)
    guard let c = t.unicodeScalars.first else { return nil }
    let isPUA = c.value >= 0xF000 && c.value <= 0xF0FF
    let isBullet = ["•", "◦", "▪", "■", "●", "○", "·", "–", "-"].contains(Character(c))
    guard isPUA || isBullet else { return nil }
    var rest = String(String.UnicodeScalarView(t.unicodeScalars.dropFirst()))
    // A hand-typed dash or middle dot is a bullet only when a tab follows it.
    if !isPUA && c != "•" && !rest.hasPrefix("\t") { return nil }
    if !isPUA && c == "•" && !(rest.first?.isWhitespace ?? false) { return nil }
    var out = Array(segs[first...])
    if rest.allSatisfy(\.isWhitespace) {
      out.removeFirst()
      while let f = out.first, f.text.allSatisfy(\.isWhitespace) { out.removeFirst() }
    } else {
      rest = String(rest.drop(while: \.isWhitespace))
      out[0].text = rest
    }
    guard !out.isEmpty else { return nil }
    return out
  }
}
