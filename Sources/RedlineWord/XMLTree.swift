import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

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

/// Reads XML bytes into an `XMLElement` tree with Foundation's SAX parser (no DTDs, no
/// external entities).
package enum XMLTree {
  /// Parses `data`; `part` names it in errors.
  package static func parse(_ data: Data, part: String) throws(XMLReadError) -> XMLElement {
    let builder = TreeBuilder()
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = false
    parser.shouldReportNamespacePrefixes = false
    parser.shouldResolveExternalEntities = false
    parser.delegate = builder
    let ok = parser.parse()
    guard ok, let root = builder.root else {
      let code = (parser.parserError as NSError?)?.code
      throw XMLReadError(
        part: part, message: "line \(parser.lineNumber)" + (code.map { ", parser error \($0)" } ?? ", no root element"))
    }
    return root
  }

  static func local(_ qname: String) -> String {
    if let i = qname.lastIndex(of: ":") { return String(qname[qname.index(after: i)...]) }
    return qname
  }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
  var stack: [XMLElement] = []
  var root: XMLElement?

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
    attributes attributeDict: [String: String] = [:]
  ) {
    var attrs: [String: String] = [:]
    for (k, v) in attributeDict where !k.hasPrefix("xmlns") { attrs[XMLTree.local(k)] = v }
    stack.append(XMLElement(name: XMLTree.local(elementName), attributes: attrs))
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
  ) {
    guard let e = stack.popLast() else { return }
    if stack.isEmpty {
      root = e
    } else {
      stack[stack.count - 1].children.append(.element(e))
    }
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    guard !stack.isEmpty else { return }
    if case .text(let t)? = stack[stack.count - 1].children.last {
      stack[stack.count - 1].children[stack[stack.count - 1].children.count - 1] = .text(t + string)
    } else {
      stack[stack.count - 1].children.append(.text(string))
    }
  }

  func parser(_ parser: XMLParser, foundCDATA cdataBlock: Data) {
    self.parser(parser, foundCharacters: String(decoding: cdataBlock, as: UTF8.self))
  }
}
