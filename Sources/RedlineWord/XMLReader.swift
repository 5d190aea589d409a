import Foundation
import RedlineDocument

/// Reads the XML of one Word part into an `XMLElement` tree, byte by byte.
///
/// What a WordprocessingML part holds and nothing more: UTF-8 (or UTF-16 with its byte-order
/// mark), elements, attributes, character data, CDATA sections, the five predefined entities
/// and character references; comments and processing instructions are skipped. A document
/// type declaration is refused, so no entity is ever defined or expanded and nothing
/// outside the bytes is read. Elements nest at most 256 deep (libxml2's own default;
/// Foundation's parser read 20,000 levels), so the tree's recursive walks stay on the
/// stack. Anything not well-formed is an error naming its line.
package struct XMLReader {
  /// Deepest nesting of elements read.
  package static let maxDepth = 256

  private let b: [UInt8]
  private var i = 0
  /// The part came as UTF-16 (with its byte-order mark) and `b` is its UTF-8.
  private let wasUTF16: Bool

  private init(_ bytes: [UInt8], wasUTF16: Bool) {
    b = bytes
    self.wasUTF16 = wasUTF16
  }

  /// Reads `bytes` (a whole part) into its root element.
  package static func read(_ bytes: [UInt8]) throws(XMLReaderError) -> XMLElement {
    let wasUTF16 = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
    var r = XMLReader(try utf8(bytes), wasUTF16: wasUTF16)
    return try r.document()
  }

  /// The part as UTF-8 without a byte-order mark; UTF-16 with its mark is converted. Bytes
  /// that are not UTF-8, and control characters XML does not allow, are refused here.
  private static func utf8(_ bytes: [UInt8]) throws(XMLReaderError) -> [UInt8] {
    var out: [UInt8]
    if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
      let little = bytes[0] == 0xFF
      guard bytes.count % 2 == 0 else { throw XMLReaderError(0, "UTF-16 text with an odd number of bytes") }
      var units: [UInt16] = []
      units.reserveCapacity(bytes.count / 2 - 1)
      for k in stride(from: 2, to: bytes.count, by: 2) {
        let (x, y) = (UInt16(bytes[k]), UInt16(bytes[k + 1]))
        units.append(little ? x | y << 8 : x << 8 | y)
      }
      guard let s = String(validating: units, as: UTF16.self) else {
        throw XMLReaderError(0, "not valid UTF-16 text")
      }
      out = Array(s.utf8)
    } else {
      out = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
      if let bad = out.withUnsafeBufferPointer({ FastText.scan($0).invalid }) {
        throw XMLReaderError(Self.line(of: out, at: bad), "not valid UTF-8 text")
      }
    }
    for k in out.indices {
      let c = out[k]
      if c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D {
        throw XMLReaderError(
          Self.line(of: out, at: k), "control character \(String(format: "U+%04X", c)), which XML does not allow")
      }
      // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not characters either.
      if c == 0xEF, k + 2 < out.count, out[k + 1] == 0xBF, out[k + 2] >= 0xBE {
        throw XMLReaderError(Self.line(of: out, at: k), "a noncharacter (U+FFFE or U+FFFF), which XML does not allow")
      }
    }
    return out
  }

  // MARK: The document

  private mutating func document() throws(XMLReaderError) -> XMLElement {
    if starts(with: "<?xml"), i + 5 < b.count, Self.isSpace(b[i + 5]) { try declaration() }
    try miscellany()
    guard i < b.count else { throw error("no root element") }
    guard b[i] == UInt8(ascii: "<") else { throw error("text outside the root element") }
    let root = try elementTree()
    try miscellany()
    guard i == b.count else { throw error("content after the root element") }
    return root
  }

  /// `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`, read by its grammar: a
  /// version 1.x, then an encoding and a standalone declaration if given. The encoding must
  /// be the one the bytes are in (UTF-8, or UTF-16 converted to it).
  private mutating func declaration() throws(XMLReaderError) {
    do {
      try declarationItems()
    } catch {
      throw XMLReaderError(1, error.reason)  // the declaration is on the first line
    }
  }

  private mutating func declarationItems() throws(XMLReaderError) {
    i += 5
    var sawEncoding = false
    var sawStandalone = false
    var first = true
    while true {
      let spaced = skipSpace()
      if starts(with: "?>") {
        guard !first else { throw error("an XML declaration without its version") }
        i += 2
        return
      }
      guard spaced, i < b.count else { throw error("a damaged XML declaration (end it with '?>')") }
      let start = i
      while i < b.count, Self.isNameByte(b[i]) { i += 1 }
      let key = Self.shown(b[start..<i])
      let quote = try valueQuote(
        noEquals: "a damaged XML declaration ('\(key)')", noQuote: "a damaged XML declaration (a value without quotes)")
      let valueStart = i
      guard let end = b[valueStart...].firstIndex(of: quote) else { throw error("a damaged XML declaration") }
      let value = Self.shown(b[valueStart..<end])
      i = end + 1
      switch key {
      case "version" where first:
        let digits = value.utf8.dropFirst(2)
        guard value.hasPrefix("1."), !digits.isEmpty,
          digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else {
          throw error("XML version '\(value)' (Redline reads 1.x)")
        }
      case "encoding" where !first && !sawEncoding && !sawStandalone:
        sawEncoding = true
        let declared = value.lowercased()
        let ascii = declared == "us-ascii" || declared == "ascii"
        guard ["utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be"].contains(declared) || ascii else {
          throw error("encoding '\(value)': Redline reads XML in UTF-8, UTF-16 or US-ASCII; save the file as UTF-8")
        }
        if ascii {
          guard !wasUTF16 else { throw error("encoding '\(value)' declared in UTF-16 text") }
          guard b.allSatisfy({ $0 < 0x80 }) else { throw error("encoding '\(value)' with bytes beyond ASCII") }
          break
        }
        guard declared.contains("16") == wasUTF16 else {
          throw error(
            wasUTF16 ? "encoding '\(value)' declared in UTF-16 text" : "encoding '\(value)' without its byte-order mark"
          )
        }
      case "standalone" where !first && !sawStandalone:
        sawStandalone = true
        guard value == "yes" || value == "no" else { throw error("standalone='\(value)' (yes or no)") }
      default:
        throw error("a damaged XML declaration ('\(key)')")
      }
      first = false
    }
  }

  /// Whitespace, comments and processing instructions before or after the root element;
  /// a document type declaration is refused.
  private mutating func miscellany() throws(XMLReaderError) {
    while i < b.count {
      if Self.isSpace(b[i]) {
        i += 1
      } else if starts(with: "<!--") {
        try comment()
      } else if starts(with: "<?") {
        try processingInstruction()
      } else if starts(with: "<!DOCTYPE") {
        throw error("a document type declaration (DTD), which Redline does not read")
      } else {
        return
      }
    }
  }

  // MARK: Elements

  /// The element at `i` and everything in it, read with a stack of open elements (no
  /// recursion, however deep the input tries to go).
  private mutating func elementTree() throws(XMLReaderError) -> XMLElement {
    var open: [(element: XMLElement, qname: ArraySlice<UInt8>)] = []
    // The innermost element's character data since its last child element: runs split by
    // comments, CDATA sections or processing instructions make one text, gathered here
    // rather than by joining strings (which a part of many short runs would make slow).
    var text: [UInt8] = []
    var hasText = false
    func flush() {
      guard hasText else { return }
      open[open.count - 1].element.children.append(.text(String(decoding: text, as: UTF8.self)))
      text.removeAll(keepingCapacity: true)
      hasText = false
    }
    while i < b.count {
      if b[i] != UInt8(ascii: "<") {
        let start = i
        try characterData()
        if open.isEmpty {
          guard b[start..<i].allSatisfy(Self.isSpace) else { throw error("text outside the root element") }
        } else {
          try decode(start..<i, attribute: false, into: &text)
          hasText = true
        }
      } else if starts(with: "</") {
        let start = i
        i += 2
        let qname = try name()
        skipSpace()
        guard i < b.count, b[i] == UInt8(ascii: ">") else { throw error("an end tag without its '>'") }
        i += 1
        guard let expected = open.last?.qname else {
          i = start
          throw error("an end tag with no element open")
        }
        guard qname == expected else {
          i = start
          throw error(
            "end tag '\(Self.shown(qname))' where '\(Self.shown(expected))' ends"
          )
        }
        flush()
        let element = open.removeLast().element
        if open.isEmpty { return element }
        open[open.count - 1].element.children.append(.element(element))
      } else if starts(with: "<!--") {
        try comment()
      } else if starts(with: "<![CDATA[") {
        guard !open.isEmpty else { throw error("a CDATA section outside the root element") }
        let start = i + 9
        guard let end = find("]]>", from: start) else { throw error("a CDATA section without its end ']]>'") }
        i = end + 3
        // As libxml2 gives it: the bytes as they are (line ends too), a text even when empty.
        text += b[start..<end]
        hasText = true
      } else if starts(with: "<?") {
        try processingInstruction()
      } else if starts(with: "<!") {
        throw error("a declaration ('<!') inside the document")
      } else {
        let (element, qname, empty) = try startTag()
        if open.isEmpty && empty { return element }
        if !open.isEmpty { flush() }
        if empty {
          open[open.count - 1].element.children.append(.element(element))
        } else {
          guard open.count < Self.maxDepth else {
            throw error("elements nested more than \(Self.maxDepth) deep")
          }
          open.append((element, qname))
        }
      }
    }
    throw error(
      open.last.map { "the document ends inside '\(Self.shown($0.qname))'" } ?? "no root element")
  }

  /// `<name attr="value" …>` or `<name … />`: the element (its name and attributes without
  /// namespace prefixes, `xmlns` declarations dropped), its qualified name, and whether it
  /// was empty (`/>`).
  private mutating func startTag() throws(XMLReaderError) -> (XMLElement, ArraySlice<UInt8>, Bool) {
    i += 1
    let qname = try name()
    var element = XMLElement(name: Self.localName(qname))
    var seen: Set<ArraySlice<UInt8>> = []
    while true {
      let spaced = skipSpace()
      guard i < b.count else { throw error("the document ends inside a start tag") }
      if b[i] == UInt8(ascii: ">") {
        i += 1
        return (element, qname, false)
      }
      if starts(with: "/>") {
        i += 2
        return (element, qname, true)
      }
      guard spaced else { throw error("attributes must be separated by a space") }
      let attributeStart = i
      let attribute = try name()
      let quote = try valueQuote(
        noEquals: "an attribute without '=' and a value", noQuote: "an attribute value without quotes")
      let start = i
      while i < b.count && b[i] != quote {
        if b[i] == UInt8(ascii: "<") { throw error("'<' inside an attribute value") }
        i += 1
      }
      guard i < b.count else { throw error("an attribute value without its closing quote") }
      var value: [UInt8] = []
      try decode(start..<i, attribute: true, into: &value)
      i += 1
      guard seen.insert(attribute).inserted else {
        i = attributeStart
        throw error("the attribute '\(Self.shown(attribute))' given twice")
      }
      if !attribute.starts(with: "xmlns".utf8) {
        element.attributes[Self.localName(attribute)] = String(decoding: value, as: UTF8.self)
      }
    }
  }

  /// `= "` or `= '` (spaces allowed around `=`): moves past the quote and returns it.
  private mutating func valueQuote(noEquals: String, noQuote: String) throws(XMLReaderError) -> UInt8 {
    skipSpace()
    guard i < b.count, b[i] == UInt8(ascii: "=") else { throw error(noEquals) }
    i += 1
    skipSpace()
    guard i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") else { throw error(noQuote) }
    i += 1
    return b[i - 1]
  }

  /// A name (XML 1.0, fifth edition): a letter, `_`, `:` or a character from the name
  /// ranges, then those, digits, `-`, `.` and the combining ranges.
  private mutating func name() throws(XMLReaderError) -> ArraySlice<UInt8> {
    let start = i
    while i < b.count, Self.isNameByte(b[i]) { i += 1 }
    guard i > start else { throw error("a tag without a name") }
    let name = b[start..<i]
    var first = true
    for scalar in String(decoding: name, as: UTF8.self).unicodeScalars {
      guard Self.isNameScalar(scalar.value, first: first) else {
        i = start
        throw error("'\(Self.shown(name))' is not an XML name")
      }
      first = false
    }
    return name
  }

  /// Bytes a name is made of: ASCII letters, digits, `_ : - .`, and any byte of a
  /// character beyond ASCII (checked by `isNameScalar`).
  private static func isNameByte(_ c: UInt8) -> Bool {
    switch c {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...0xFF:
      return true
    default: return false
    }
  }

  private static func isNameScalar(_ v: UInt32, first: Bool) -> Bool {
    switch v {
    case 0x41...0x5A, 0x61...0x7A, 0x5F, 0x3A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D, 0x37F...0x1FFF,
      0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF, 0xF900...0xFDCF, 0xFDF0...0xFFFD,
      0x10000...0xEFFFF:
      return true
    case 0x30...0x39, 0x2D, 0x2E, 0xB7, 0x300...0x36F, 0x203F...0x2040: return !first
    default: return false
    }
  }

  // MARK: Text

  /// Moves past character data, up to the next `<`; `]]>` is not allowed in it.
  private mutating func characterData() throws(XMLReaderError) {
    let start = i
    while i < b.count && b[i] != UInt8(ascii: "<") {
      if b[i] == UInt8(ascii: ">"), i >= start + 2, b[i - 1] == UInt8(ascii: "]"), b[i - 2] == UInt8(ascii: "]") {
        throw error("']]>' in text")
      }
      i += 1
    }
  }

  /// The bytes of `range` appended to `out`, entity and character references replaced and
  /// line ends made `\n`; in an attribute value, tabs and line ends also become spaces
  /// (XML's normalization).
  private func decode(_ range: Range<Int>, attribute: Bool, into out: inout [UInt8]) throws(XMLReaderError) {
    let bytes = b[range]
    guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x0D || (attribute && ($0 == 0x09 || $0 == 0x0A)) })
    else {
      out += bytes
      return
    }
    var k = bytes.startIndex
    while k < bytes.endIndex {
      let c = bytes[k]
      if c == 0x0D {
        out.append(attribute ? 0x20 : 0x0A)
        k += 1
        if k < bytes.endIndex && bytes[k] == 0x0A { k += 1 }
      } else if attribute && (c == 0x09 || c == 0x0A) {
        out.append(0x20)
        k += 1
      } else if c == UInt8(ascii: "&") {
        guard let semicolon = bytes[k...].prefix(40).firstIndex(of: UInt8(ascii: ";")) else {
          throw XMLReaderError(line(at: k), "'&' that starts no entity (write '&amp;')")
        }
        let name = bytes[(k + 1)..<semicolon]
        guard let scalar = Self.entity(name) else {
          throw XMLReaderError(
            line(at: k),
            "the entity '&\(Self.shown(name));', which XML without a DTD does not define")
        }
        out.append(contentsOf: String(Character(scalar)).utf8)
        k = semicolon + 1
      } else {
        out.append(c)
        k += 1
      }
    }
  }

  /// The character a predefined entity (`amp`, `lt`, `gt`, `quot`, `apos`) or a character
  /// reference (`#228`, `#xE4`) stands for; nil for anything else, or a number that is not
  /// a character XML allows.
  private static func entity(_ name: ArraySlice<UInt8>) -> Unicode.Scalar? {
    switch String(decoding: name, as: UTF8.self) {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    default: break
    }
    guard name.first == UInt8(ascii: "#") else { return nil }
    var digits = name.dropFirst()
    var radix: UInt32 = 10
    if digits.first == UInt8(ascii: "x") {
      radix = 16
      digits = digits.dropFirst()
    }
    guard !digits.isEmpty else { return nil }
    digits = digits.drop { $0 == UInt8(ascii: "0") }
    guard digits.count <= 8 else { return nil }
    var value: UInt32 = 0
    for d in digits {
      let v: UInt32
      switch d {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(d - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: v = UInt32(d - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: v = UInt32(d - UInt8(ascii: "A") + 10)
      default: return nil
      }
      value = value * radix + v
    }
    let allowed =
      value == 0x09 || value == 0x0A || value == 0x0D || (0x20...0xD7FF).contains(value)
      || (0xE000...0xFFFD).contains(value) || (0x10000...0x10FFFF).contains(value)
    return allowed ? Unicode.Scalar(value) : nil
  }

  // MARK: Skipped parts

  /// `<!-- … -->`, with no `--` inside (XML's rule).
  private mutating func comment() throws(XMLReaderError) {
    guard let dashes = find("--", from: i + 4) else { throw error("a comment without its end '-->'") }
    guard dashes + 2 < b.count, b[dashes + 2] == UInt8(ascii: ">") else {
      i = dashes
      throw error("'--' inside a comment")
    }
    i = dashes + 3
  }

  /// `<?target …?>`: a name, then a space or the end; `xml` in any case is only the
  /// declaration at the start.
  private mutating func processingInstruction() throws(XMLReaderError) {
    i += 2
    let target = try name()
    guard String(decoding: target, as: UTF8.self).lowercased() != "xml" else {
      throw error("an XML declaration after the start of the document")
    }
    guard starts(with: "?>") || (i < b.count && Self.isSpace(b[i])) else {
      throw error("a damaged processing instruction")
    }
    guard let end = find("?>", from: i) else { throw error("a processing instruction without its end '?>'") }
    i = end + 2
  }

  // MARK: Bytes

  private func starts(with s: StaticString) -> Bool {
    let n = s.utf8CodeUnitCount
    guard i + n <= b.count else { return false }
    let p = s.utf8Start
    for k in 0..<n where b[i + k] != p[k] { return false }
    return true
  }

  private func find(_ s: StaticString, from start: Int) -> Int? {
    let n = s.utf8CodeUnitCount
    let p = s.utf8Start
    var k = start
    while k + n <= b.count {
      if b[k] == p[0] {
        var all = true
        for m in 1..<n where b[k + m] != p[m] {
          all = false
          break
        }
        if all { return k }
      }
      k += 1
    }
    return nil
  }

  @discardableResult
  private mutating func skipSpace() -> Bool {
    let start = i
    while i < b.count && Self.isSpace(b[i]) { i += 1 }
    return i > start
  }

  private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

  private static func localName(_ qname: ArraySlice<UInt8>) -> String {
    let local = qname.lastIndex(of: UInt8(ascii: ":")).map { qname[($0 + 1)...] } ?? qname
    return String(decoding: local, as: UTF8.self)
  }

  private func line(at offset: Int) -> Int { Self.line(of: b, at: offset) }

  /// The line of `offset`, from 1: line ends are LF, CR LF and a lone CR.
  private static func line(of bytes: [UInt8], at offset: Int) -> Int {
    var n = 1
    let end = min(offset, bytes.count)
    for k in 0..<end where bytes[k] == 0x0A || (bytes[k] == 0x0D && (k + 1 == bytes.count || bytes[k + 1] != 0x0A)) {
      n += 1
    }
    return n
  }

  /// Input shown in a message: at most 40 characters, cut with an ellipsis.
  private static func shown(_ bytes: ArraySlice<UInt8>) -> String {
    let s = String(decoding: bytes, as: UTF8.self)
    return s.count > 40 ? String(s.prefix(40)) + "…" : s
  }

  private func error(_ reason: String) -> XMLReaderError { XMLReaderError(line(at: i), reason) }
}

/// Why the reader stopped: the line (from 1) and what it found there.
package struct XMLReaderError: Error, Sendable {
  package var line: Int
  package var reason: String
  init(_ line: Int, _ reason: String) {
    self.line = max(line, 1)
    self.reason = reason
  }
}
