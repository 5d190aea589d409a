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
    for tr in t.children("tr") {
      if tr.path("trPr", "del") != nil {
        changes.deletions += 1
        continue
      }
      if tr.path("trPr", "ins") != nil { changes.insertions += 1 }
      var row: [String] = []
      for tc in tr.elements where tc.name == "tc" || tc.name == "sdt" || tc.name == "customXml" {
        let cells = tc.name == "tc" ? [tc] : tc.descendants("tc")
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
        let boxes = c.descendants("txbxContent")
        if !boxes.isEmpty {
          textBoxes += 1
          // Word writes the box twice (DrawingML and a VML fallback): read the first.
          // Comments inside the box point at the paragraph that anchors it.
          let before = Set(commentPlaces.keys)
          textBox(boxes[0])
          for k in commentPlaces.keys where !before.contains(k) { commentPlaces[k] = place }
        } else if c.name == "object" {
          objects += 1
          add("[objekti]")
        } else {
          images += 1
          let pr = c.descendants("docPr").first
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
    for c in p.elements {
      switch c.name {
      case "del", "moveFrom": break
      case "t": out += c.textContent
      case "tab": out += " "
      case "br", "cr": out += "\n"
      default: out += plainText(c)
      }
    }
    return out
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

  // MARK: Markdown

  /// Escapes Markdown's special characters so the text reads back as itself.
  static func escape(_ s: String, table: Bool) -> String {
    var out = ""
    var skip = 0
    let chars = Array(s)
    for (k, ch) in chars.enumerated() {
      if skip > 0 {
        skip -= 1
        out.append(ch)
        continue
      }
      // A footnote mark `[^12]` stays as written (no definition makes it a link).
      if ch == "[", k + 2 < chars.count, chars[k + 1] == "^" {
        let label = chars[(k + 2)...].prefix { $0.isLetter || $0.isNumber }
        if !label.isEmpty, label.count <= 16, k + 2 + label.count < chars.count, chars[k + 2 + label.count] == "]" {
          out.append(ch)
          skip = label.count + 2
          continue
        }
      }
      switch ch {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "~": out += "\\" + String(ch)
      case "|": out += table ? "\\|" : "|"
      case "\t", "\n", "\r": out += " "
      default:
        if let u = ch.unicodeScalars.first, ch.unicodeScalars.count == 1,
          u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0)
        {
          continue  // control characters
        }
        out.append(ch)
      }
    }
    return out
  }

  /// Segments as inline Markdown: runs with equal formatting merged, whitespace kept outside markers.
  static func markdown(_ segs: [InlineRun], table: Bool) -> String {
    var merged: [InlineRun] = []
    for s in segs {
      if let last = merged.last, last.bold == s.bold, last.italic == s.italic, !last.raw, !s.raw {
        merged[merged.count - 1].text += s.text
      } else {
        merged.append(s)
      }
    }
    var out = ""
    for s in merged {
      if s.raw {
        out += s.text
        continue
      }
      let text = escape(s.text, table: table)
      let mark = (s.bold ? "**" : "") + (s.italic ? "*" : "")
      let core = text.trimmingCharacters(in: .whitespaces)
      if mark.isEmpty || core.isEmpty {
        out += text
        continue
      }
      let lead = String(text.prefix(while: { $0 == " " }))
      let trail = String(String(text.reversed()).prefix(while: { $0 == " " }))
      out += lead + mark + core + String(mark.reversed()) + trail
    }
    return fold(out)
  }

  /// Escapes what would make a paragraph start something else (a heading, list, quote, rule).
  static func guardLineStart(_ s: String) -> String {
    guard let f = s.first else { return s }
    if f == "#" || f == "+" || f == "-" || f == "=" || s.hasPrefix("[^") { return "\\" + s }
    if f.isNumber {
      let digits = s.prefix(while: \.isNumber)
      let rest = s.dropFirst(digits.count)
      if digits.count <= 9, let d = rest.first, d == "." || d == ")" {
        return digits + "\\" + rest
      }
    }
    return s
  }

  /// The whole document as Markdown.
  func render() -> String {
    var out = ""
    var stack: [(level: Int, width: Int)] = []
    var inList = false
    for b in blocks {
      switch b.kind {
      case .listItem(let level, let number):
        while let top = stack.last, top.level >= level { stack.removeLast() }
        if !inList && !out.isEmpty { out += "\n" }
        let indent = String(repeating: " ", count: stack.reduce(0) { $0 + $1.width })
        let marker: String
        var text = Self.markdown(b.segments, table: false)
        if number.isEmpty {
          marker = "-"
        } else if number.count <= 10, number.dropLast().allSatisfy(\.isNumber),
          number.last == "." || number.last == ")",
          number.count > 1
        {
          marker = number
        } else {
          marker = "-"
          text = Self.escape(number, table: false) + " " + text
        }
        out += indent + marker + " " + Self.guardLineStart(text) + "\n"
        stack.append((level, marker.count + 1))
        inList = true
      default:
        stack = []
        if !out.isEmpty { out += "\n" }
        inList = false
        switch b.kind {
        case .heading(let l):
          out += String(repeating: "#", count: min(6, l)) + " " + Self.escape(b.plain, table: false) + "\n"
        case .paragraph:
          out += Self.guardLineStart(Self.markdown(b.segments, table: false)) + "\n"
        case .table(let rows):
          let width = rows.map(\.count).max() ?? 1
          func line(_ r: [String]) -> String {
            let cells = r + Array(repeating: "", count: width - r.count)
            return "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
          }
          out += line(rows[0])
          out += "|" + Array(repeating: " --- |", count: width).joined() + "\n"
          for r in rows.dropFirst() { out += line(r) }
        case .listItem: break
        }
      }
    }
    if !footnotes.isEmpty {
      out += "\n"
      for (k, f) in footnotes.enumerated() {
        // Written `\[^1]: …` so a CommonMark reader keeps the note as text (not a link definition).
        out += "\\[^\(k + 1)]: " + f + "\n\n"
      }
      out.removeLast()
    }
    return out
  }

  /// What was changed or dropped on the way, one line each.
  func notes(pkg: DocxPackage, comments: Int) -> [String] {
    var n: [String] = []
    if !changes.isEmpty {
      var parts: [String] = []
      if changes.insertions > 0 { parts.append("\(changes.insertions) insertion(s)") }
      if changes.deletions > 0 { parts.append("\(changes.deletions) deletion(s)") }
      if changes.moves > 0 { parts.append("\(changes.moves) move(s)") }
      if changes.formatChanges > 0 { parts.append("\(changes.formatChanges) formatting change(s)") }
      n.append(
        "the file had pending tracked changes; imported as if all were accepted: " + parts.joined(separator: ", "))
    }
    if images > 0 { n.append("\(images) image(s) left as a [kuva: …] placeholder") }
    if textBoxes > 0 { n.append("\(textBoxes) text box(es): their text follows the paragraph they are anchored to") }
    if fields > 0 { n.append("\(fields) field(s) kept as the text they show (field codes dropped)") }
    if equations > 0 { n.append("\(equations) equation(s) left as [kaava]") }
    if objects > 0 { n.append("\(objects) embedded object(s) dropped or left as [objekti]") }
    if tocParagraphs > 0 {
      n.append("table of contents dropped (\(tocParagraphs) paragraph(s)); Redline shows the outline itself")
    }
    if emptyHeadings > 0 { n.append("\(emptyHeadings) empty heading paragraph(s) skipped") }
    if doubledNumbers > 0 {
      n.append("\(doubledNumbers) heading(s) had their number typed in as well as automatic; the number is kept once")
    }
    if !footnotes.isEmpty { n.append("\(footnotes.count) footnote(s) written at the end as \\[^N]: text") }
    let headers = pkg.parts.filter { (k, v) in
      guard k.contains("/header") || k.contains("/footer"), let t = try? XMLTree.parse(v, part: k) else { return false }
      return t.descendants("t").contains { !$0.textContent.allSatisfy(\.isWhitespace) }
    }
    if !headers.isEmpty { n.append("headers and footers not imported") }
    return n
  }
}
