import CTextScan
import Foundation

/// Text normalization shared by parsers and the diff: Unicode NFC, whitespace folded,
/// invisible characters removed (and reported, so a diff can call them cosmetic).
///
/// Example: `"Alue-\u{00A0}ja  kunta\u{200B}talous\n"` becomes `"Alue- ja kuntatalous"`,
/// with invisibles `["U+00A0 NO-BREAK SPACE", "U+200B ZERO WIDTH SPACE"]`.
package enum Normalizer {
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
    default:
      if v < 0x20 || (v >= 0x7F && v < 0xA0) { return String(format: "U+%04X CONTROL CHARACTER", v) }
      return String(format: "U+%04X", v)
    }
  }

  /// ASCII whitespace folded to a space (not shown as a control).
  @inline(__always)
  static func isSpaceControl(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B
  }

  /// A control character as a visible symbol: C0 → Control Pictures (U+2400 + c), DEL → ␡,
  /// C1 → U+FFFD; anything else unchanged.
  static func visible(_ u: Unicode.Scalar) -> Unicode.Scalar {
    let v = u.value
    if v < 0x20 && v != 0x09 && v != 0x0A { return Unicode.Scalar(0x2400 + v)! }
    if v == 0x7F { return "\u{2421}" }
    if v >= 0x80 && v < 0xA0 { return "\u{FFFD}" }
    return u
  }

  /// What normalization does with a scalar above ASCII (one rule for the fast path and the
  /// reference).
  enum ScalarKind {
    /// A C1 control (U+0080–U+009F but NEL): shown as U+FFFD and reported.
    case c1Control
    /// Zero-width and soft-hyphen characters: dropped and reported.
    case dropped
    /// No-break and narrow spaces: folded to a space and reported.
    case reportedSpace
    /// Other Unicode spaces and line separators: folded to a space.
    case space
    /// Everything else: kept.
    case text

    init(_ v: UInt32) {
      switch v {
      case 0x0080...0x0084, 0x0086...0x009F: self = .c1Control
      case 0x200B, 0x2060, 0xFEFF, 0x00AD: self = .dropped
      case 0x00A0, 0x202F, 0x2007, 0x2009, 0x200A: self = .reportedSpace
      case 0x0085, 0x1680, 0x2000...0x2006, 0x2008, 0x2028, 0x2029, 0x205F, 0x3000: self = .space
      default: self = .text
      }
    }

    /// The kind of `v`; a control, dropped or reported space is added to `invisibles` (once).
    @inline(__always)
    static func of(_ v: UInt32, reporting invisibles: inout [String]) -> ScalarKind {
      let kind = ScalarKind(v)
      if kind != .space && kind != .text {
        let nm = name(v)
        if !invisibles.contains(nm) { invisibles.append(nm) }
      }
      return kind
    }
  }

  /// Folds whitespace and applies NFC; returns the text and the invisible characters seen.
  package static func normalize(_ s: Substring) -> (text: String, invisibles: [String]) {
    var copy = String(s)
    return copy.withUTF8 { normalize(bytes: $0) }
  }

  /// The same on UTF-8 bytes, in one pass that also checks the UTF-8 (so the `String` is
  /// made without the standard library validating it again): eight bytes at a time for
  /// ASCII words with single spaces and the Latin-1 letters (ä, ö, å, é), one scalar at a
  /// time for the rest. Bytes that are not valid UTF-8, and text holding a control
  /// character (rare: shown as a visible symbol), take `normalizeReference`.
  /// With `texts`, a text made before for the same bytes is shared, not copied.
  package static func normalize(bytes: UnsafeBufferPointer<UInt8>, texts: TextTable? = nil) -> (
    text: String, invisibles: [String]
  ) {
    let n = bytes.count
    guard n > 0, let src = bytes.baseAddress else { return ("", []) }
    var invisibles: [String] = []
    var needsNFC = false
    let made: String? = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: n) { outBuf -> String? in
      let dst = outBuf.baseAddress!
      var o = 0
      var pendingSpace = false
      var i = 0
      while i < n {
        // The bytes normalization leaves alone are copied as a run, 32 at a time
        // (`redline_plain_run`); the byte that ends the run is taken below.
        if !pendingSpace {
          let run = redline_plain_run(src + i, n &- i, dst + o, o == 0 ? 1 : 0)
          i &+= run
          o &+= run
          if i == n { break }
        }
        let b = src[i]
        if b > 0x20 && b < 0x7F {
          if pendingSpace {
            dst[o] = 0x20
            o &+= 1
            pendingSpace = false
          }
          dst[o] = b
          o &+= 1
          i &+= 1
          continue
        }
        if b < 0x80 {
          if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B {
            pendingSpace = o > 0
          } else {
            return nil  // a control character (ESC, BEL, DEL …): the reference makes it visible
          }
          i &+= 1
          continue
        }
        let len = FastText.scalarLength(bytes, i)
        if len == 0 { return nil }  // not UTF-8: the reference repairs it
        if b >= 0xC3 && b <= 0xCB {
          // U+00C0–U+02FF: letters NFC leaves alone, nothing to fold or drop.
          if pendingSpace {
            dst[o] = 0x20
            o &+= 1
            pendingSpace = false
          }
          dst[o] = b
          dst[o &+ 1] = src[i &+ 1]
          o &+= 2
          i &+= 2
          continue
        }
        let (v, _) = decode(bytes, i)
        switch ScalarKind.of(v, reporting: &invisibles) {
        case .c1Control:
          return nil  // the reference shows it as U+FFFD
        case .dropped:
          break
        case .reportedSpace, .space:
          pendingSpace = o > 0
        case .text:
          if !needsNFC && mayChangeUnderNFC(v) { needsNFC = true }
          if pendingSpace {
            dst[o] = 0x20
            o &+= 1
            pendingSpace = false
          }
          for k in 0..<len { dst[o &+ k] = src[i &+ k] }
          o &+= len
        }
        i &+= len
      }
      let out = UnsafeBufferPointer(start: dst, count: o)
      if let texts, !needsNFC { return texts.string(validUTF8: out) }
      return FastText.string(validUTF8: out)
    }
    guard let text = made else { return normalizeReference(bytes: bytes) }
    return (needsNFC ? text.precomposedStringWithCanonicalMapping : text, invisibles)
  }

  /// The straightforward version of `normalize(bytes:)`, kept as its specification: the
  /// fast path must return exactly what this returns (a property test checks it), and it
  /// takes over for bytes that are not valid UTF-8 (the standard library repairs them).
  static func normalizeReference(bytes: UnsafeBufferPointer<UInt8>) -> (text: String, invisibles: [String]) {
    var invisibles: [String] = []
    var needsNFC = false
    let n = bytes.count
    // A control character becomes a 3-byte Control Picture, and bytes that are not UTF-8
    // can decode to a C1 control (3 bytes for 2): three output bytes per input byte is
    // always enough (this path runs only for the rare block holding such bytes).
    let text = String(unsafeUninitializedCapacity: 3 * n + 3) { out -> Int in
      var o = 0
      var pendingSpace = false
      var i = 0
      while i < n {
        let b = bytes[i]
        if b > 0x20 && b < 0x7F {
          // A run of visible ASCII: copied in one go.
          if pendingSpace {
            out[o] = 0x20
            o += 1
            pendingSpace = false
          }
          var j = i + 1
          while j < n, bytes[j] > 0x20, bytes[j] < 0x7F { j += 1 }
          let len = j - i
          (out.baseAddress! + o).update(from: bytes.baseAddress! + i, count: len)
          o += len
          i = j
          continue
        }
        if b < 0x80 {
          if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C || b == 0x0B {
            pendingSpace = o > 0
          } else {
            if pendingSpace {
              out[o] = 0x20
              o += 1
              pendingSpace = false
            }
            // C0 controls and DEL (ESC, BEL, …) become visible Control Pictures (␛, ␇, ␡)
            // and are reported: nothing from a document reaches a terminal as a control.
            let picture: UInt32 = b == 0x7F ? 0x2421 : 0x2400 + UInt32(b)
            let nm = name(UInt32(b))
            if !invisibles.contains(nm) { invisibles.append(nm) }
            out[o] = 0xE2
            out[o + 1] = UInt8(0x80 | ((picture >> 6) & 0x3F))
            out[o + 2] = UInt8(0x80 | (picture & 0x3F))
            o += 3
          }
          i += 1
          continue
        }
        let (v, len) = decode(bytes, i)
        switch ScalarKind.of(v, reporting: &invisibles) {
        case .dropped:
          break
        case .reportedSpace, .space:
          pendingSpace = o > 0
        case .c1Control:
          // C1 controls (a terminal may read U+009B as CSI): shown as U+FFFD, reported.
          if pendingSpace {
            out[o] = 0x20
            o += 1
            pendingSpace = false
          }
          out[o] = 0xEF
          out[o + 1] = 0xBF
          out[o + 2] = 0xBD
          o += 3
        case .text:
          if !needsNFC && mayChangeUnderNFC(v) { needsNFC = true }
          if pendingSpace {
            out[o] = 0x20
            o += 1
            pendingSpace = false
          }
          for k in 0..<len {
            out[o] = bytes[i + k]
            o += 1
          }
        }
        i += len
      }
      return o
    }
    return (needsNFC ? text.precomposedStringWithCanonicalMapping : text, invisibles)
  }

  /// Decodes the scalar starting at `i` of valid UTF-8; returns its value and byte length.
  @inline(__always)
  package static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
    let b0 = UInt32(p[i])
    if b0 < 0xE0, i + 1 < p.count { return (((b0 & 0x1F) << 6) | (UInt32(p[i + 1]) & 0x3F), 2) }
    if b0 < 0xF0, i + 2 < p.count {
      return (((b0 & 0x0F) << 12) | ((UInt32(p[i + 1]) & 0x3F) << 6) | (UInt32(p[i + 2]) & 0x3F), 3)
    }
    if i + 3 < p.count {
      return (
        ((b0 & 0x07) << 18) | ((UInt32(p[i + 1]) & 0x3F) << 12) | ((UInt32(p[i + 2]) & 0x3F) << 6)
          | (UInt32(p[i + 3]) & 0x3F), 4
      )
    }
    return (0xFFFD, 1)
  }

  /// Folds whitespace and applies NFC.
  package static func foldWhitespace(_ s: String) -> String { normalize(s[...]).text }

  /// The text in Unicode NFC (canonically equivalent texts get the same bytes).
  package static func nfc(_ s: String) -> String { s.precomposedStringWithCanonicalMapping }

  /// Normalizes text whose line breaks matter (tables, code): each line NFC with trailing
  /// whitespace removed; blank lines at both ends dropped.
  package static func normalizeLines(_ s: Substring) -> (text: String, invisibles: [String]) {
    var invisibles: [String] = []
    var lines: [String] = []
    for line in s.split(separator: "\n", omittingEmptySubsequences: false) {
      var l = line
      while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
      var needsNFC = false
      for u in l.unicodeScalars where u.value >= 0x80 || u.value < 0x20 || u.value == 0x7F {
        if u.value < 0x20 && u.value != 0x09 || (u.value >= 0x7F && u.value < 0xA0) {
          let n = name(u.value)
          if !invisibles.contains(n) { invisibles.append(n) }
          continue
        }
        if dropped.contains(u.value) || reportedSpaces.contains(u.value) {
          let n = name(u.value)
          if !invisibles.contains(n) { invisibles.append(n) }
        }
        if mayChangeUnderNFC(u.value) { needsNFC = true }
      }
      var str = String(String.UnicodeScalarView(l.unicodeScalars.filter { !dropped.contains($0.value) }.map(visible)))
      if needsNFC { str = str.precomposedStringWithCanonicalMapping }
      lines.append(str)
    }
    while lines.first?.isEmpty == true { lines.removeFirst() }
    while lines.last?.isEmpty == true { lines.removeLast() }
    return (lines.joined(separator: "\n"), invisibles)
  }

  /// A quick, conservative test: false only for scalars that NFC leaves alone whatever
  /// surrounds them: everything below U+0300 (ASCII and the Latin letters with
  /// diacritics: ä, ö, å, é, …) and general punctuation and currency (U+2000–U+20CF:
  /// dashes, typographic quotes, €). Anything else triggers the full normalization.
  @inline(__always)
  static func mayChangeUnderNFC(_ v: UInt32) -> Bool {
    !(v < 0x0300 || (v >= 0x2000 && v < 0x20D0))
  }

}
