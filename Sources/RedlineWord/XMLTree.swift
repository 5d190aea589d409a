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
    for c in children {
      switch c {
      case .text(let t): out += t
      case .element(let e): out += e.textContent
      }
    }
    return out
  }

  /// Every descendant element named `name`, depth first.
  package func descendants(_ name: String) -> [XMLElement] {
    var out: [XMLElement] = []
    for e in elements {
      if e.name == name { out.append(e) }
      out += e.descendants(name)
    }
    return out
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
