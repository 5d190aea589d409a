/// Makes text safe to print on a terminal: control characters from documents, comments
/// or commit messages (escape sequences that move the cursor or erase lines, carriage
/// returns, bells) are shown as visible symbols (␛, ␍, ␇ …), so nothing can hide or fake
/// a change. The colour codes Redline itself writes are kept.
public enum TerminalText {
  /// The only escape sequences Redline emits (bold, reset, insertion, deletion).
  static let ownSequences = ["\u{1B}[1m", "\u{1B}[0m", "\u{1B}[32;4m", "\u{1B}[31;9m"]

  public static func sanitize(_ s: String) -> String {
    guard s.unicodeScalars.contains(where: isControl) else { return s }
    var out = String.UnicodeScalarView()
    let scalars = Array(s.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let u = scalars[i]
      if u == "\u{1B}", let own = ownSequences.first(where: { matches($0, scalars, i) }) {
        out.append(contentsOf: own.unicodeScalars)
        i += own.unicodeScalars.count
        continue
      }
      if isControl(u) {
        let v = u.value
        out.append(v < 0x20 ? Unicode.Scalar(0x2400 + v)! : (v == 0x7F ? "\u{2421}" : "\u{FFFD}"))
      } else {
        out.append(u)
      }
      i += 1
    }
    return String(out)
  }

  static func isControl(_ u: Unicode.Scalar) -> Bool {
    let v = u.value
    return (v < 0x20 && v != 0x0A && v != 0x09) || v == 0x7F || (v >= 0x80 && v < 0xA0)
  }

  static func matches(_ seq: String, _ scalars: [Unicode.Scalar], _ at: Int) -> Bool {
    let q = Array(seq.unicodeScalars)
    guard at + q.count <= scalars.count else { return false }
    return Array(scalars[at..<(at + q.count)]) == q
  }
}
