/// Parses plain text: paragraphs separated by blank lines; a paragraph of one short line
/// that starts with a number (`2.1 Otsikko`, `3 luku`, `5 §`) is a heading whose level is
/// the number's depth (`2.1` → 2); lines starting with `- `, `* ` or `• ` are list items.
package enum PlainTextParser {
  /// Headings longer than this are read as paragraphs that happen to start with a number.
  static let maxHeadingLength = 120

  package static func parse(_ bytes: [UInt8], path: String) -> Document {
    bytes.withUnsafeBufferPointer { parse($0, path: path) }
  }

  /// `parse` of bytes lent for the call.
  static func parse(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Document {
    let text = String(decoding: bytes, as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.last?.isEmpty == true && lines.count > 1 { lines.removeLast() }
    var builder = DocumentBuilder()
    var i = 0
    while i < lines.count {
      if isBlank(lines[i]) {
        i += 1
        continue
      }
      var j = i
      while j < lines.count && !isBlank(lines[j]) { j += 1 }
      emit(lines[i..<j], firstLine: i + 1, into: &builder)
      i = j
    }
    return builder.finish(path: path, format: .plainText, lineCount: lines.count)
  }

  private static func isBlank(_ l: Substring) -> Bool { l.allSatisfy { $0.isWhitespace } }

  private static func listMarkerLength(_ l: Substring) -> Int? {
    let t = l.drop(while: { $0 == " " })
    for m in ["- ", "* ", "• ", "– "] where t.hasPrefix(m) { return l.count - t.count + m.count }
    return nil
  }

  private static func emit(_ para: ArraySlice<Substring>, firstLine: Int, into b: inout DocumentBuilder) {
    let first = para[para.startIndex]
    if para.count == 1, first.count <= maxHeadingLength, listMarkerLength(first) == nil {
      let heading = Normalizer.normalize(first).text
      let (number, _) = HeadingNumber.split(heading)
      if let number, !heading.hasSuffix(".") || heading.hasSuffix("§") {
        b.heading(level: number.split(separator: ".").count, rawText: first, line: firstLine)
        return
      }
    }
    // A paragraph whose lines start with list markers is a list: one block per item.
    if listMarkerLength(first) != nil {
      var start = firstLine
      var item: [Substring] = []
      func flush(_ end: Int) {
        guard !item.isEmpty else { return }
        let (text, inv) = Normalizer.normalize(item.joined(separator: "\n")[...])
        b.block(kind: .listItem, line: start, endLine: end, text: text, depth: 0, invisibles: inv)
        item = []
      }
      for (k, l) in para.enumerated() {
        if let m = listMarkerLength(l) {
          flush(firstLine + k - 1)
          start = firstLine + k
          item.append(l.dropFirst(m))
        } else {
          item.append(l)
        }
      }
      flush(firstLine + para.count - 1)
      return
    }
    let (text, inv) = Normalizer.normalize(para.joined(separator: "\n")[...])
    b.block(
      kind: .paragraph, line: firstLine, endLine: firstLine + para.count - 1, text: text, depth: 0, invisibles: inv)
  }
}
