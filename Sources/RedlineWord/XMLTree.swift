import Foundation

/// One XML element, read into memory: the small tree a WordprocessingML part needs.
///
/// Names are kept without their namespace prefix (`w:p` is `p`, `w15:commentEx` is
/// `commentEx`), and so are attribute names: Word parts use fixed prefixes, but other
/// producers may not, and the 2010 and 2012 namespaces of `commentsExtended` carry the
/// same local names.
package struct XMLElement: Sendable, Hashable {
  /// Local name (no prefix).
  package var name: String
  /// Attributes by local name.
  package var attributes: [String: String] = [:]
  /// Child nodes in document order.
  package var children: [XMLNode] = []

  /// Child elements.
  package var elements: [XMLElement] {
    children.compactMap { if case .element(let e) = $0 { return e } else { return nil } }
  }

  /// The first child element named `name`.
  package func child(_ name: String) -> XMLElement? {
    for c in children { if case .element(let e) = c, e.name == name { return e } }
    return nil
  }

  /// All child elements named `name`.
  package func children(_ name: String) -> [XMLElement] { elements.filter { $0.name == name } }

  /// Follows a path of child names: `pPr/numPr/numId`.
  package func path(_ names: String...) -> XMLElement? {
    var e: XMLElement? = self
    for n in names { e = e?.child(n) }
    return e
  }

  /// An attribute by local name (`val` for `w:val`).
  package subscript(attribute: String) -> String? { attributes[attribute] }

  /// All text in this element and below, concatenated.
  package var textContent: String {
    var out = ""
    appendText(to: &out)
    return out
  }

  /// Every descendant element named `name`, depth first.
  package func descendants(_ name: String) -> [XMLElement] {
    var out: [XMLElement] = []
    collect(name, into: &out, intoMatches: true)
    return out
  }

  /// The descendant elements named `name` that are not inside another one (a table row's
  /// cells without the cells of tables nested in them), depth first.
  package func outermostDescendants(_ name: String) -> [XMLElement] {
    var out: [XMLElement] = []
    collect(name, into: &out, intoMatches: false)
    return out
  }

  /// The first descendant element named `name`, depth first: the walk stops there.
  package func firstDescendant(_ name: String) -> XMLElement? {
    for c in children {
      guard case .element(let e) = c else { continue }
      if e.name == name { return e }
      if let d = e.firstDescendant(name) { return d }
    }
    return nil
  }

  /// Whether some text inside an element named `name` (at any depth) is not all whitespace;
  /// one walk, whatever the nesting.
  package func hasVisibleText(inside name: String) -> Bool {
    visibleText(inside: name, within: self.name == name)
  }

  // Each walk visits every node once and appends to one result: a part nested 256 deep
  // costs what a flat one does (joining the results of each level took time in proportion
  // to size × depth: 42 s for a crafted 32 KB .docx).
  private func appendText(to out: inout String) {
    for c in children {
      switch c {
      case .text(let t): out += t
      case .element(let e): e.appendText(to: &out)
      }
    }
  }

  private func collect(_ name: String, into out: inout [XMLElement], intoMatches: Bool) {
    for c in children {
      guard case .element(let e) = c else { continue }
      let match = e.name == name
      if match { out.append(e) }
      if !match || intoMatches { e.collect(name, into: &out, intoMatches: intoMatches) }
    }
  }

  private func visibleText(inside name: String, within: Bool) -> Bool {
    for c in children {
      switch c {
      case .text(let t): if within && !t.allSatisfy(\.isWhitespace) { return true }
      case .element(let e): if e.visibleText(inside: name, within: within || e.name == name) { return true }
      }
    }
    return false
  }
}

/// A node: an element or a run of character data.
package enum XMLNode: Sendable, Hashable {
  case element(XMLElement)
  case text(String)
}

/// Why an XML part could not be read.
package struct XMLReadError: Error, Sendable, CustomStringConvertible {
  package var part: String
  package var message: String
  package var description: String { "\(part) is not well-formed XML (\(message))" }
}

/// Reads XML bytes into an `XMLElement` tree (`XMLReader`: no DTDs, no entities beyond
/// XML's five, nothing read from outside the bytes).
package enum XMLTree {
  /// Parses `data`; `part` names it in errors.
  package static func parse(_ data: Data, part: String) throws(XMLReadError) -> XMLElement {
    do {
      return try XMLReader.read([UInt8](data))
    } catch {
      throw XMLReadError(part: part, message: "line \(error.line): \(error.reason)")
    }
  }
}
