import Foundation
import RedlineDiff
import RedlineDocument

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

  /// `w:id`, `w:author` and `w:date` of a change. A move range must carry a date
  /// (`requireDate`): without a known one it gets the time of writing.
  mutating func attrs(requireDate: Bool = false) -> String {
    defer { revision += 1 }
    let name = who?.name ?? author
    var s = " w:id=\"\(revision)\" w:author=\"\(WordRedline.xml(name.isEmpty ? author : name))\""
    if let d = who?.date.map(WordRedline.isoDate) ?? date {
      s += " w:date=\"\(d)\""
    } else if requireDate {
      s += " w:date=\"\(WordRedline.isoDate(Int64(Date().timeIntervalSince1970)))\""
    }
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
      xml +=
        "<w:\(mark == .insert ? "moveToRangeStart" : "moveFromRangeStart")\(attrs(requireDate: true)) w:name=\"\(move)\"/>"
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
          rpr +=
            "<w:rPrChange\(attrs())><w:rPr>\(was.bold ? "<w:b/>" : "")\(was.italic ? "<w:i/>" : "")</w:rPr></w:rPrChange>"
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
    for c in oldMap.dropFirst(oi) { add(.delete, c) }
    for c in newMap.dropFirst(ni) { add(.insert, c) }
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
