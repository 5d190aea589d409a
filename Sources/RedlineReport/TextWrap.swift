/// Wraps plain text to a terminal width with a hanging indent, never splitting a grapheme
/// (a letter with its combining marks, an emoji sequence) and counting East Asian wide
/// characters as two columns.
package enum TextWrap {
  /// Wraps each paragraph (`\n`-separated line) of `text` to `width` columns. The first
  /// line starts with `first` (e.g. a label), continuation lines with `indent` spaces.
  /// A word longer than a line is broken between graphemes.
  package static func wrap(_ text: String, width: Int, first: String = "", indent: Int = 0) -> String {
    let width = max(width, indent + 8)
    var out: [String] = []
    var prefix = first
    for para in text.split(separator: "\n", omittingEmptySubsequences: false) {
      var line = prefix
      var col = columns(prefix)
      var lineHasWord = false
      var firstLine = true
      let pad = String(repeating: " ", count: indent)
      // Runs of spaces between words are kept (a table-like "  · "); a wrap drops them.
      var gap = 0
      for (k, word) in para.split(separator: " ", omittingEmptySubsequences: false).enumerated() {
        if k > 0 { gap += 1 }
        if word.isEmpty { continue }
        var w = Substring(word)
        let wc = columns(w)
        if lineHasWord && col + gap + wc > width {
          out.append(line)
          line = pad
          col = indent
          lineHasWord = false
          firstLine = false
          gap = 0
        }
        if lineHasWord || firstLine {
          line += String(repeating: " ", count: gap)
          col += gap
        }
        gap = 0
        // A word wider than the room left on an empty line: break it between graphemes.
        while columns(w) > width - col, width - col > 0 {
          var taken = ""
          var used = 0
          for ch in w {
            let c = columns(ch)
            if used + c > width - col { break }
            taken.append(ch)
            used += c
          }
          if taken.isEmpty { break }
          out.append(line + taken)
          w = w.dropFirst(taken.count)
          line = pad
          col = indent
          firstLine = false
        }
        line += w
        col += columns(w)
        lineHasWord = true
      }
      out.append(line)
      prefix = String(repeating: " ", count: indent)
    }
    return out.map { line in
      var l = Substring(line)
      while l.last == " " { l = l.dropLast() }
      return String(l)
    }.joined(separator: "\n")
  }

  /// Wraps every line of a terminal view to `width`, keeping its indent; a line without
  /// one continues four columns in. Table rows (`|`) stay whole. `Int.max`: unchanged.
  package static func wrapLines(_ text: String, width: Int) -> String {
    guard width < Int.max / 2 else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let n = line.prefix { $0 == " " }.count
      let body = line.dropFirst(n)
      if body.hasPrefix("|") || columns(line) <= width { return String(line) }
      return wrap(String(body), width: width, first: String(repeating: " ", count: n), indent: n == 0 ? 4 : n)
    }.joined(separator: "\n")
  }

  /// Display columns of a string: two for wide and fullwidth characters, zero for
  /// characters that are only marks, one otherwise.
  package static func columns<S: StringProtocol>(_ s: S) -> Int { s.reduce(0) { $0 + columns($1) } }

  static func columns(_ c: Character) -> Int {
    guard let u = c.unicodeScalars.first else { return 0 }
    if u.properties.generalCategory == .nonspacingMark || u.properties.generalCategory == .enclosingMark { return 0 }
    if u.properties.isEmojiPresentation { return 2 }
    switch u.value {
    case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
      0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default: return 1
    }
  }
}
