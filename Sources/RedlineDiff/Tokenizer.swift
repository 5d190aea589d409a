/// Splits prose into tokens a reader sees as units: words (letters with their diacritics
/// and numbers, so `päätöksen` and `2024–2027`'s digits stay whole), runs of whitespace,
/// and single punctuation characters. Works on `Character`s, so a grapheme is never split.
///
/// Example: `"Päätös 13 §:n mukaan."` → `Päätös`, ` `, `13`, ` `, `§`, `:`, `n`, ` `, `mukaan`, `.`
public enum Tokenizer {
  /// The class of a token.
  public enum Kind: UInt8, Sendable {
    case word, space, punctuation
  }

  /// One token: its text and class.
  public struct Token: Sendable, Hashable {
    public var text: String
    public var kind: Kind
  }

  @inline(__always)
  static func kind(of c: Character) -> Kind {
    if c.isWhitespace { return .space }
    if c.isLetter || c.isNumber { return .word }
    // A letter followed by combining marks is one Character and isLetter already; a bare
    // combining mark (rare) stays with words.
    if let f = c.unicodeScalars.first, f.properties.generalCategory == .nonspacingMark { return .word }
    return .punctuation
  }

  /// Tokens of `text`, in order; their texts concatenate to `text`.
  public static func tokens(_ text: String) -> [Token] {
    var out: [Token] = []
    out.reserveCapacity(text.utf8.count / 4)
    var start = text.startIndex
    var current: Kind? = nil
    var i = text.startIndex
    while i < text.endIndex {
      let c = text[i]
      let k = kind(of: c)
      if let cur = current {
        if k != cur || k == .punctuation {
          out.append(Token(text: String(text[start..<i]), kind: cur))
          start = i
        }
      }
      current = k
      i = text.index(after: i)
    }
    if let cur = current, start < text.endIndex { out.append(Token(text: String(text[start...]), kind: cur)) }
    return out
  }

  /// The word tokens only (for similarity), lowercased.
  public static func words(_ text: String) -> [Substring] {
    var out: [Substring] = []
    var start: String.Index? = nil
    var i = text.startIndex
    while i < text.endIndex {
      let isWord = kind(of: text[i]) == .word
      if isWord, start == nil { start = i }
      if !isWord, let s = start {
        out.append(text[s..<i])
        start = nil
      }
      i = text.index(after: i)
    }
    if let s = start { out.append(text[s...]) }
    return out
  }
}
