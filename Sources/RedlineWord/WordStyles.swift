import Foundation

/// Paragraph and character styles from `styles.xml`, resolved through `basedOn` chains.
struct WordStyles: Sendable {
  struct Style: Sendable {
    var id: String
    var name: String
    var basedOn: String?
    var outlineLevel: Int?
    var numID: String?
    var ilvl: Int?
    var bold: Bool?
    var italic: Bool?
  }

  var styles: [String: Style] = [:]
  /// The style used when a paragraph names none.
  var defaultParagraph: String?

  init(_ root: XMLElement?) {
    guard let root else { return }
    for s in root.children("style") {
      guard let id = s["styleId"] else { continue }
      let ppr = s.child("pPr")
      let rpr = s.child("rPr")
      var st = Style(
        id: id, name: s.child("name")?["val"] ?? id, basedOn: s.child("basedOn")?["val"],
        outlineLevel: ppr?.child("outlineLvl")?["val"].flatMap { Int($0) })
      if let np = ppr?.child("numPr") {
        st.numID = np.child("numId")?["val"]
        st.ilvl = np.child("ilvl")?["val"].flatMap { Int($0) }
      }
      st.bold = rpr?.child("b").map(WordStyles.isOn)
      st.italic = rpr?.child("i").map(WordStyles.isOn)
      styles[id] = st
      if s["type"] == "paragraph" && WordStyles.isOn(s["default"]) { defaultParagraph = id }
    }
  }

  /// `w:b`, `w:b w:val="1"`, `"true"`, `"on"` are on; `"0"`, `"false"`, `"off"` are off.
  static func isOn(_ e: XMLElement) -> Bool { isOn(e["val"], absent: true) }

  static func isOn(_ v: String?, absent: Bool = false) -> Bool {
    guard let v else { return absent }
    return !["0", "false", "off", "none"].contains(v.lowercased())
  }

  /// The chain from `id` up through `basedOn` (cycles cut).
  func chain(_ id: String?) -> [Style] {
    var out: [Style] = []
    var seen: Set<String> = []
    var cur = id ?? defaultParagraph
    while let c = cur, !seen.contains(c), let s = styles[c] {
      seen.insert(c)
      out.append(s)
      cur = s.basedOn
    }
    return out
  }

  /// What a paragraph style means for the outline.
  enum Role: Equatable {
    case heading(Int)
    case title
    case tocHeading
    case tocEntry
    case body
  }

  /// The role of a paragraph style: a built-in heading by name ("heading 2" whatever its
  /// id or display translation), an outline level, a contents entry, or body text.
  func role(_ id: String?) -> Role {
    for s in chain(id) {
      let n = s.name.lowercased().trimmingCharacters(in: .whitespaces)
      if n == "toc heading" || n == "contents heading" || n.hasPrefix("contents heading") { return .tocHeading }
      if n.hasPrefix("toc ") || n.hasPrefix("contents ") { return .tocEntry }
      if n == "title" { return .title }
      if let l = Self.headingLevel(name: n) { return .heading(l) }
      if let o = s.outlineLevel { return o >= 0 && o < 9 ? .heading(o + 1) : .body }
    }
    return .body
  }

  /// "heading 1" (the built-in name Word stores), and localized names some producers write
  /// instead: "Otsikko 1", "Rubrik 1", "Überschrift 1", "Titre 1", "Overskrift 1", "Título 1".
  static func headingLevel(name n: String) -> Int? {
    let words = [
      "heading", "otsikko", "rubrik", "überschrift", "titre", "overskrift", "título", "titolo", "kop", "nagłówek",
    ]
    for w in words where n.hasPrefix(w) {
      let rest = n.dropFirst(w.count).trimmingCharacters(in: .whitespaces)
      if let l = Int(rest), (1...9).contains(l) { return l }
    }
    return nil
  }

  /// The numbering (numId, ilvl) a style chain gives, nearest first.
  func numbering(_ id: String?) -> (numID: String, ilvl: Int?)? {
    for s in chain(id) { if let n = s.numID { return (n, s.ilvl) } }
    return nil
  }

  /// Bold and italic a character style chain gives.
  func runFormat(_ id: String?) -> (bold: Bool, italic: Bool) {
    var b: Bool?
    var i: Bool?
    var seen: Set<String> = []
    var cur = id
    while let c = cur, !seen.contains(c), let s = styles[c] {
      seen.insert(c)
      if b == nil { b = s.bold }
      if i == nil { i = s.italic }
      cur = s.basedOn
    }
    return (b ?? false, i ?? false)
  }
}
