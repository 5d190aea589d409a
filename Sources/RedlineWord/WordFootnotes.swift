import Foundation
import RedlineDiff
import RedlineDocument

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
