/// Finds a reviewer's quoted phrase in a text the way a person reads it: typographic and
/// straight quotes, the dashes and hyphens, and runs of spaces (also no-break spaces)
/// count as the same; soft hyphens are ignored. Letters and their case are kept.
package enum QuoteMatch {
  /// The folded form of one character, nil to drop it, `" "` for any space.
  static func fold(_ c: Character) -> Character? {
    switch c {
    case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{00AB}", "\u{00BB}", "\u{2033}": return "\""
    case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "\u{2039}", "\u{203A}": return "'"
    case "\u{2010}", "\u{2011}", "\u{2012}", "\u{2013}", "\u{2014}", "\u{2015}", "\u{2212}": return "-"
    case "\u{00AD}", "\u{200B}", "\u{2060}", "\u{FEFF}": return nil
    default: return c.isWhitespace ? " " : c
    }
  }

  /// `text` folded, with the index in `text` where each folded character starts.
  static func folded(_ text: String) -> (chars: [Character], at: [String.Index]) {
    var chars: [Character] = []
    var at: [String.Index] = []
    var i = text.startIndex
    while i < text.endIndex {
      if let f = fold(text[i]), !(f == " " && (chars.last == " " || chars.isEmpty)) {
        chars.append(f)
        at.append(i)
      }
      i = text.index(after: i)
    }
    if chars.last == " " {
      chars.removeLast()
      at.removeLast()
    }
    return (chars, at)
  }

  /// The range of `quote` in `text` (the first one), matched after folding; nil if absent.
  package static func range(of quote: String, in text: String) -> Range<String.Index>? {
    let q = folded(quote).chars
    guard !q.isEmpty else { return nil }
    let (t, at) = folded(text)
    guard q.count <= t.count else { return nil }
    outer: for s in 0...(t.count - q.count) {
      for k in 0..<q.count where t[s + k] != q[k] { continue outer }
      let end = s + q.count < at.count ? at[s + q.count] : text.endIndex
      var upper = end
      // Do not take the space after the phrase.
      while upper > at[s], text[text.index(before: upper)].isWhitespace { upper = text.index(before: upper) }
      return at[s]..<upper
    }
    return nil
  }

  /// True when `text` holds `quote` (after folding).
  package static func contains(_ text: String, _ quote: String) -> Bool { range(of: quote, in: text) != nil }
}
