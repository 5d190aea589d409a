/// Makes text safe to print on a terminal: control characters from documents, comments
/// or commit messages (escape sequences that move the cursor or erase lines, carriage
/// returns, bells) are shown as visible symbols (␛, ␍, ␇ …), so nothing can hide or fake
/// a change.
///
/// Two steps: `clean` maps every control character of untrusted text (escape included)
/// before any styling is added; `sanitize` is the last pass over a whole output and keeps
/// only Redline's own colour sequences, and only when colour was asked for.
package enum TerminalText {
  /// The only escape sequences Redline emits (bold, reset, insertion, deletion).
  static let ownSequences = ["\u{1B}[1m", "\u{1B}[0m", "\u{1B}[32;4m", "\u{1B}[31;9m"]

  /// The last pass over an output: control characters made visible; Redline's own
  /// colour sequences kept when `keepingOwnStyles` (with colour off, none is kept).
  package static func sanitize(_ s: String, keepingOwnStyles: Bool = true) -> String {
    guard containsControl(s) else { return s }
    var out = String.UnicodeScalarView()
    let scalars = Array(s.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let u = scalars[i]
      if keepingOwnStyles, u == "\u{1B}", let own = ownSequences.first(where: { matches($0, scalars, i) }) {
        out.append(contentsOf: own.unicodeScalars)
        i += own.unicodeScalars.count
        continue
      }
      if isControl(u) { out.append(picture(u)) } else { out.append(u) }
      i += 1
    }
    return String(out)
  }

  /// Untrusted text (a document, comment, file name, commit message) made inert before
  /// it is styled: every control character except newline and tab becomes visible.
  package static func clean(_ s: String) -> String { sanitize(s, keepingOwnStyles: false) }

  /// Text for a one-line message (an error on stderr): like `clean`, and a newline or
  /// tab inside it is shown as ␤ or a space, so an argument cannot add a line.
  package static func oneLine(_ s: String) -> String {
    var t = clean(s)
    if t.hasSuffix("\n") { t.removeLast() }
    guard t.contains("\n") || t.contains("\t") else { return t }
    return String(String.UnicodeScalarView(t.unicodeScalars.map { $0 == "\n" ? "\u{2424}" : ($0 == "\t" ? " " : $0) }))
  }

  /// The Control Pictures symbol for a C0 control (␛ for ESC), ␡ for DEL, � for C1 and
  /// bidirectional controls.
  static func picture(_ u: Unicode.Scalar) -> Unicode.Scalar {
    let v = u.value
    return v < 0x20 ? Unicode.Scalar(0x2400 + v)! : (v == 0x7F ? "\u{2421}" : "\u{FFFD}")
  }

  /// Whether `s` has a scalar `isControl` accepts, read on its UTF-8 bytes (valid, as a
  /// String's always are): the check scalar by scalar was most of a long `--stat`'s last
  /// pass over its output (1.4 M instructions at 5 MB).
  static func containsControl(_ s: String) -> Bool {
    var s = s
    return s.withUTF8 { p in
      let n = p.count
      var i = 0
      while i < n {
        let b = p[i]
        if b < 0x20 {
          if b != 0x0A && b != 0x09 { return true }
        } else if b == 0x7F {
          return true
        } else if b == 0xC2 {
          if i + 1 < n && p[i + 1] < 0xA0 { return true }  // C1: C2 80 to C2 9F
        } else if b == 0xE2 && i + 2 < n {
          // U+202A–U+202E: E2 80 AA to AE; U+2066–U+2069: E2 81 A6 to A9.
          let (c, d) = (p[i + 1], p[i + 2])
          if (c == 0x80 && d >= 0xAA && d <= 0xAE) || (c == 0x81 && d >= 0xA6 && d <= 0xA9) { return true }
        }
        i += 1
      }
      return false
    }
  }

  static func isControl(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    // C0 (but newline and tab), DEL, C1, and the bidirectional embeddings, overrides and
    // isolates (U+202A–U+202E, U+2066–U+2069), which can reorder what a terminal line shows.
    return (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || (v >= 0x80 && v < 0xA0)
      || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
  }

  static func matches(_ seq: String, _ scalars: [Unicode.Scalar], _ at: Int) -> Bool {
    let q = Array(seq.unicodeScalars)
    guard at + q.count <= scalars.count else { return false }
    return Array(scalars[at..<(at + q.count)]) == q
  }
}
