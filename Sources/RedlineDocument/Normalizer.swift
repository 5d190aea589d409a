import Foundation

/// Text normalization shared by parsers and the diff: Unicode NFC, whitespace folded,
/// invisible characters removed (and reported, so a diff can call them cosmetic).
///
/// Example: `"Alue-\u{00A0}ja  kunta\u{200B}talous\n"` becomes `"Alue- ja kuntatalous"`,
/// with invisibles `["U+00A0 NO-BREAK SPACE", "U+200B ZERO WIDTH SPACE"]`.
public enum Normalizer {
  /// Characters dropped from the text (zero-width, no visible width, no meaning for prose).
  static let dropped: Set<UInt32> = [0x200B, 0x2060, 0xFEFF, 0x00AD]
  /// Spaces that fold to an ordinary space but are reported when present.
  static let reportedSpaces: Set<UInt32> = [0x00A0, 0x202F, 0x2007, 0x2009, 0x200A]

  /// Names for the invisible characters reported.
  static func name(_ v: UInt32) -> String {
    switch v {
    case 0x200B: return "U+200B ZERO WIDTH SPACE"
    case 0x2060: return "U+2060 WORD JOINER"
    case 0xFEFF: return "U+FEFF ZERO WIDTH NO-BREAK SPACE"
    case 0x00AD: return "U+00AD SOFT HYPHEN"
    case 0x00A0: return "U+00A0 NO-BREAK SPACE"
    case 0x202F: return "U+202F NARROW NO-BREAK SPACE"
    case 0x2007: return "U+2007 FIGURE SPACE"
    case 0x2009: return "U+2009 THIN SPACE"
    case 0x200A: return "U+200A HAIR SPACE"
    default: return String(format: "U+%04X", v)
    }
  }

  /// Folds whitespace and applies NFC; returns the text and the invisible characters seen.
  public static func normalize(_ s: Substring) -> (text: String, invisibles: [String]) {
    var out = String.UnicodeScalarView()
    var invisibles: [String] = []
    var pendingSpace = false
    var needsNFC = false
    for u in s.unicodeScalars {
      let v = u.value
      if v < 0x80 {
        if v == 0x20 || v == 0x09 || v == 0x0A || v == 0x0D || v == 0x0C || v == 0x0B {
          pendingSpace = !out.isEmpty
          continue
        }
      } else {
        if dropped.contains(v) {
          let n = name(v)
          if !invisibles.contains(n) { invisibles.append(n) }
          continue
        }
        if reportedSpaces.contains(v) {
          let n = name(v)
          if !invisibles.contains(n) { invisibles.append(n) }
          pendingSpace = !out.isEmpty
          continue
        }
        if u.properties.isWhitespace {
          pendingSpace = !out.isEmpty
          continue
        }
        if !needsNFC && mayChangeUnderNFC(v) { needsNFC = true }
      }
      if pendingSpace {
        out.append(" ")
        pendingSpace = false
      }
      out.append(u)
    }
    let text = String(out)
    return (needsNFC ? text.precomposedStringWithCanonicalMapping : text, invisibles)
  }

  /// Folds whitespace and applies NFC.
  public static func foldWhitespace(_ s: String) -> String { normalize(s[...]).text }

  /// Normalizes text whose line breaks matter (tables, code): each line NFC with trailing
  /// whitespace removed; blank lines at both ends dropped.
  public static func normalizeLines(_ s: Substring) -> (text: String, invisibles: [String]) {
    var invisibles: [String] = []
    var lines: [String] = []
    for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
      var l = line
      while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
      var needsNFC = false
      for u in l.unicodeScalars where u.value >= 0x80 {
        if dropped.contains(u.value) || reportedSpaces.contains(u.value) {
          let n = name(u.value)
          if !invisibles.contains(n) { invisibles.append(n) }
        }
        if mayChangeUnderNFC(u.value) { needsNFC = true }
      }
      var str = String(String.UnicodeScalarView(l.unicodeScalars.filter { !dropped.contains($0.value) }))
      if needsNFC { str = str.precomposedStringWithCanonicalMapping }
      lines.append(str)
    }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return (lines.joined(separator: "\n"), invisibles)
  }

  /// A quick, conservative test: false only for scalars that NFC leaves alone whatever
  /// surrounds them (precomposed Latin letters such as ä, ö, å, punctuation, most symbols).
  /// Combining marks, Hangul jamo, Indic scripts and singleton decompositions (Å sign,
  /// Ω sign, compatibility ideographs) trigger the full normalization.
  @inline(__always)
  static func mayChangeUnderNFC(_ v: UInt32) -> Bool {
    switch v {
    case 0x0300..<0x0370, 0x0483..<0x0490, 0x0590..<0x0600, 0x0610..<0x0620, 0x064B..<0x0660,
      0x0900..<0x1200, 0x1AB0..<0x1B80, 0x1DC0..<0x1E00, 0x1F71..<0x1FFE, 0x20D0..<0x2100,
      0x2126, 0x212A, 0x212B, 0x2329, 0x232A, 0x3099..<0x309B, 0xF900..<0xFB50, 0xFE20..<0xFE30,
      0x0340, 0x0341, 0x0343, 0x0344, 0x0374, 0x037E, 0x0387, 0x1D15E..<0x1D1C1, 0x2F800..<0x2FA20:
      return true
    default:
      return false
    }
  }
}
