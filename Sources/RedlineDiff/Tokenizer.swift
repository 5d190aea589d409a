/// Splits prose into tokens a reader sees as units: words (letters with their diacritics
/// and numbers, so `päätöksen` and `2024–2027`'s digits stay whole), runs of whitespace,
/// and single punctuation characters. Works on `Character`s, so a grapheme is never split.
///
/// Example: `"Päätös 13 §:n mukaan."` → `Päätös`, ` `, `13`, ` `, `§`, `:`, `n`, ` `, `mukaan`, `.`
package enum Tokenizer {
  /// The class of a token.
  package enum Kind: UInt8, Sendable {
    case word, space, punctuation
  }

  /// One token: its text and class.
  package struct Token: Sendable, Hashable {
    package var text: String
    package var kind: Kind
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
  ///
  /// An ASCII byte followed by another ASCII byte is one `Character`, classified from the
  /// byte; anything else goes through Swift's grapheme breaking, so a letter with a
  /// combining mark, an emoji sequence or a flag is never split.
  package static func tokens(_ text: String) -> [Token] {
    slices(text).map { Token(text: String($0.text), kind: $0.kind) }
  }

  /// A token as a slice of the text (no copy).
  struct Slice: Hashable, WordDiff.RunToken {
    var text: Substring
    var kind: Kind
    var characters: Int { text.count }
  }

  /// A token as a range of the text's UTF-8 bytes, with its length in `Character`s.
  struct Span: Hashable {
    var start: Int
    var end: Int
    /// Characters in the token (its byte count when it is ASCII).
    var chars: Int
    var kind: Kind

    /// The token's text in `text`, the string it was scanned from (no copy).
    func text(in text: String) -> Substring {
      let u = text.utf8
      return text[u.index(u.startIndex, offsetBy: start)..<u.index(u.startIndex, offsetBy: end)]
    }
  }

  /// The tokens as slices of `text` (`spans`, as `Substring`s).
  static func slices(_ text: String) -> [Slice] {
    spans(text).map { Slice(text: $0.text(in: text), kind: $0.kind) }
  }

  /// The tokens of `text` as byte ranges (what the word diff works on).
  ///
  /// Scanned on the UTF-8 bytes: a scalar below U+0300 other than CR that is followed by
  /// another scalar below U+0300 (or ends the text) is a whole `Character` (no grapheme
  /// rule joins two such scalars), classified by table; anything else (combining marks,
  /// emoji sequences, CR LF, other scripts) goes through Swift's grapheme breaking.
  static func spans(_ text: String) -> [Span] {
    var t = text
    let u = text.utf8
    return t.withUTF8 { p -> [Span] in
      latinKinds.withUnsafeBufferPointer { table in
        asciiKinds.withUnsafeBufferPointer { ascii in
          let n = p.count
          var out: [Span] = []
          out.reserveCapacity(n / 4)
          var startOffset = 0
          var chars = 0
          var current: Kind? = nil
          var i = 0
          while i < n {
            let b = p[i]
            let len: Int
            let k: Kind
            if b < 0x80 && b != 0x0D && (i &+ 1 == n || p[i &+ 1] < 0xCC) {
              len = 1
              k = ascii[Int(b)]
            } else if b >= 0xC2 && b < 0xCC && i &+ 1 < n && (i &+ 2 == n || p[i &+ 2] < 0xCC) {
              len = 2
              k = table[Int(b & 0x1F) << 6 | Int(p[i &+ 1] & 0x3F)]
            } else {
              let at = u.index(u.startIndex, offsetBy: i)
              len = u.distance(from: at, to: text.index(after: at))
              k = kind(of: text[at])
            }
            if let cur = current, k != cur || k == .punctuation {
              out.append(Span(start: startOffset, end: i, chars: chars, kind: cur))
              startOffset = i
              chars = 0
            }
            current = k
            chars &+= 1
            i &+= len
            // The rest of a run of letters and digits, or of spaces, at once: each scalar
            // below U+0300 followed by another such scalar or by the text's end is a whole
            // `Character`, classified as the loop above would (punctuation is a token per
            // character; CR and anything else go the long way).
            if k != .punctuation {
              while i < n {
                let c = p[i]
                if c < 0x80 {
                  guard c != 0x0D, ascii[Int(c)] == k, i &+ 1 == n || p[i &+ 1] < 0xCC else { break }
                  i &+= 1
                } else if c >= 0xC2 && c < 0xCC && i &+ 1 < n && (i &+ 2 == n || p[i &+ 2] < 0xCC) {
                  guard table[Int(c & 0x1F) << 6 | Int(p[i &+ 1] & 0x3F)] == k else { break }
                  i &+= 2
                } else {
                  break
                }
                chars &+= 1
              }
            }
          }
          if let cur = current, startOffset < n {
            out.append(Span(start: startOffset, end: n, chars: chars, kind: cur))
          }
          return out
        }
      }
    }
  }

  /// `asciiKind` of every ASCII byte, computed once.
  static let asciiKinds: [Kind] = (0..<0x80).map { asciiKind(UInt8($0)) }

  /// `kind(of:)` of every scalar below U+0300 as a one-scalar `Character`, computed once.
  static let latinKinds: [Kind] = (0..<0x300).map { kind(of: Character(Unicode.Scalar(UInt32($0))!)) }

  /// The straightforward version of `slices`, kept as its specification (a property test
  /// checks that the fast path returns exactly this).
  static func slicesReference(_ text: String) -> [Slice] {
    var out: [Slice] = []
    out.reserveCapacity(text.utf8.count / 4)
    let u = text.utf8
    var start = text.startIndex
    var current: Kind? = nil
    var i = text.startIndex
    while i < text.endIndex {
      let b = u[i]
      let next: String.Index
      let k: Kind
      let n1 = u.index(after: i)
      if b < 0x80 && b != 0x0D && (n1 == u.endIndex || u[n1] < 0x80) {
        next = n1
        k = asciiKind(b)
      } else {
        next = text.index(after: i)
        k = kind(of: text[i])
      }
      if let cur = current, k != cur || k == .punctuation {
        out.append(Slice(text: text[start..<i], kind: cur))
        start = i
      }
      current = k
      i = next
    }
    if let cur = current, start < text.endIndex { out.append(Slice(text: text[start...], kind: cur)) }
    return out
  }

  @inline(__always)
  static func asciiKind(_ b: UInt8) -> Kind {
    if b == 0x20 || (b >= 0x09 && b <= 0x0D) { return .space }
    if (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) { return .word }
    return .punctuation
  }

  /// Number of words (for counts in summaries): runs of ASCII letters and digits and of
  /// word scalars (`WordScanner.isWordScalar`). A run of ASCII bytes of one class is
  /// passed at once.
  package static func wordCount(_ text: String) -> Int {
    var t = text
    return t.withUTF8 { p in
      WordScanner.asciiWordBytes.withUnsafeBufferPointer { ascii in
        var n = 0
        var inWord = false
        var i = 0
        while i < p.count {
          let b = p[i]
          let isWord: Bool
          if b < 0x80 {
            isWord = ascii[Int(b)] != 0
            i &+= 1
            while i < p.count && p[i] < 0x80 && (ascii[Int(p[i])] != 0) == isWord { i &+= 1 }
          } else {
            let (v, l) = WordScanner.decodeScalar(p, i)
            isWord = WordScanner.isWordScalar(v)
            i &+= l
          }
          if isWord && !inWord { n &+= 1 }
          inWord = isWord
        }
        return n
      }
    }
  }

  /// `wordCount` a scalar at a time, kept as its specification.
  static func wordCountReference(_ text: String) -> Int {
    var n = 0
    var inWord = false
    var t = text
    t.withUTF8 { p in
      var i = 0
      while i < p.count {
        let b = p[i]
        var isWord: Bool
        var len = 1
        if b < 0x80 {
          isWord = asciiKind(b) == .word
        } else {
          let (v, l) = WordScanner.decodeScalar(p, i)
          len = l
          isWord = WordScanner.isWordScalar(v)
        }
        if isWord && !inWord { n += 1 }
        inWord = isWord
        i += len
      }
    }
    return n
  }

  /// The word tokens only (for similarity), lowercased.
  package static func words(_ text: String) -> [Substring] {
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

/// `String.lowercased()` for headings and titles, without the standard library's per-scalar
/// case mapping when the text is simple (`isSimple`: Finnish and Swedish headings), where
/// lowercasing is a byte rule: A–Z, and À–Þ except ×, move up by 0x20; punctuation has no
/// case. Anything else goes to `lowercased()`, so the result is always the same.
enum CaseFold {
  /// Every scalar is ASCII, U+0080–U+00FF or general punctuation U+2002–U+207F (dashes,
  /// quotes; not U+2000 and U+2001, which NFC replaces): such text has no combining mark,
  /// so it is NFC as it stands, and lowercases byte by byte.
  static func isSimple(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
    var i = 0
    while i < p.count {
      let n = simpleLength(p, i)
      if n == 0 { return false }
      i += n
    }
    return true
  }

  /// The byte length of the simple character starting at `i`, or 0 when it is not one.
  @inline(__always)
  static func simpleLength(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
    let b = p[i]
    if b < 0x80 { return 1 }
    if (b == 0xC2 || b == 0xC3) && i + 1 < p.count { return 2 }
    if b == 0xE2 && i + 2 < p.count && (p[i + 1] == 0x81 || (p[i + 1] == 0x80 && p[i + 2] >= 0x82)) { return 3 }
    return 0
  }

  static func lowercased(_ s: String) -> String {
    var s = s
    return s.withUTF8 { p -> String in
      guard isSimple(p) else { return String(decoding: p, as: UTF8.self).lowercased() }
      return String(unsafeUninitializedCapacity: p.count) { out in
        var i = 0
        while i < p.count {
          let b = p[i]
          if b >= 0x41 && b <= 0x5A {
            out[i] = b &+ 0x20
          } else if b == 0xC3 && i + 1 < p.count {
            out[i] = b
            let c = p[i + 1]
            out[i + 1] = c >= 0x80 && c <= 0x9E && c != 0x97 ? c &+ 0x20 : c
            i += 1
          } else {
            out[i] = b
          }
          i += 1
        }
        return p.count
      }
    }
  }
}
