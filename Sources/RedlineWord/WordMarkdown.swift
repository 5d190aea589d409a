import Foundation

/// Writing the imported blocks as Markdown, and the import's notes.
extension WordReader {

  /// Escapes Markdown's special characters so the text reads back as itself.
  static func escape(_ s: String, table: Bool) -> String {
    var out = ""
    var skip = 0
    let chars = Array(s)
    for (k, ch) in chars.enumerated() {
      if skip > 0 {
        skip -= 1
        out.append(ch)
        continue
      }
      // A footnote mark `[^12]` stays as written (no definition makes it a link).
      if ch == "[", k + 2 < chars.count, chars[k + 1] == "^" {
        let label = chars[(k + 2)...].prefix { $0.isLetter || $0.isNumber }
        if !label.isEmpty, label.count <= 16, k + 2 + label.count < chars.count, chars[k + 2 + label.count] == "]" {
          out.append(ch)
          skip = label.count + 2
          continue
        }
      }
      switch ch {
      case "\\", "`", "*", "_", "[", "]", "<", ">", "&", "~": out += "\\" + String(ch)
      case "|": out += table ? "\\|" : "|"
      case "\t", "\n", "\r": out += " "
      default:
        if let u = ch.unicodeScalars.first, ch.unicodeScalars.count == 1,
          u.value < 0x20 || (u.value >= 0x7F && u.value < 0xA0)
        {
          continue  // control characters
        }
        out.append(ch)
      }
    }
    return out
  }

  /// Segments as inline Markdown: runs with equal formatting merged, whitespace kept outside markers.
  static func markdown(_ segs: [InlineRun], table: Bool) -> String {
    var merged: [InlineRun] = []
    for s in segs {
      if let last = merged.last, last.bold == s.bold, last.italic == s.italic, !last.raw, !s.raw {
        merged[merged.count - 1].text += s.text
      } else {
        merged.append(s)
      }
    }
    var out = ""
    for s in merged {
      if s.raw {
        out += s.text
        continue
      }
      let text = escape(s.text, table: table)
      let mark = (s.bold ? "**" : "") + (s.italic ? "*" : "")
      let core = text.trimmingCharacters(in: .whitespaces)
      if mark.isEmpty || core.isEmpty {
        out += text
        continue
      }
      let lead = String(text.prefix(while: { $0 == " " }))
      let trail = String(String(text.reversed()).prefix(while: { $0 == " " }))
      out += lead + mark + core + String(mark.reversed()) + trail
    }
    return fold(out)
  }

  /// Escapes what would make a paragraph start something else (a heading, list, quote, rule).
  static func guardLineStart(_ s: String) -> String {
    guard let f = s.first else { return s }
    if f == "#" || f == "+" || f == "-" || f == "=" || s.hasPrefix("[^") { return "\\" + s }
    if f.isNumber {
      let digits = s.prefix(while: \.isNumber)
      let rest = s.dropFirst(digits.count)
      if digits.count <= 9, let d = rest.first, d == "." || d == ")" {
        return digits + "\\" + rest
      }
    }
    return s
  }

  /// The whole document as Markdown.
  func render() -> String {
    var out = ""
    var stack: [(level: Int, width: Int)] = []
    var inList = false
    for b in blocks {
      switch b.kind {
      case .listItem(let level, let number):
        while let top = stack.last, top.level >= level { stack.removeLast() }
        if !inList && !out.isEmpty { out += "\n" }
        let indent = String(repeating: " ", count: stack.reduce(0) { $0 + $1.width })
        let marker: String
        var text = Self.markdown(b.segments, table: false)
        if number.isEmpty {
          marker = "-"
        } else if number.count <= 10, number.dropLast().allSatisfy(\.isNumber),
          number.last == "." || number.last == ")",
          number.count > 1
        {
          marker = number
        } else {
          marker = "-"
          text = Self.escape(number, table: false) + " " + text
        }
        out += indent + marker + " " + Self.guardLineStart(text) + "\n"
        stack.append((level, marker.count + 1))
        inList = true
      default:
        stack = []
        if !out.isEmpty { out += "\n" }
        inList = false
        switch b.kind {
        case .heading(let l):
          out += String(repeating: "#", count: min(6, l)) + " " + Self.escape(b.plain, table: false) + "\n"
        case .paragraph:
          out += Self.guardLineStart(Self.markdown(b.segments, table: false)) + "\n"
        case .table(let rows):
          let width = rows.map(\.count).max() ?? 1
          func line(_ r: [String]) -> String {
            let cells = r + Array(repeating: "", count: width - r.count)
            return "| " + cells.map { $0.isEmpty ? " " : $0 }.joined(separator: " | ") + " |\n"
          }
          out += line(rows[0])
          out += "|" + Array(repeating: " --- |", count: width).joined() + "\n"
          for r in rows.dropFirst() { out += line(r) }
        case .listItem: break
        }
      }
    }
    if !footnotes.isEmpty {
      out += "\n"
      for (k, f) in footnotes.enumerated() {
        // Written `\[^1]: …` so a CommonMark reader keeps the note as text (not a link definition).
        out += "\\[^\(k + 1)]: " + f + "\n\n"
      }
      out.removeLast()
    }
    return out
  }

  /// What was changed or dropped on the way, one line each.
  func notes(pkg: DocxPackage) -> [String] {
    var n: [String] = []
    if !changes.isEmpty {
      var parts: [String] = []
      if changes.insertions > 0 { parts.append("\(changes.insertions) insertion(s)") }
      if changes.deletions > 0 { parts.append("\(changes.deletions) deletion(s)") }
      if changes.moves > 0 { parts.append("\(changes.moves) move(s)") }
      if changes.formatChanges > 0 { parts.append("\(changes.formatChanges) formatting change(s)") }
      n.append(
        "the file had pending tracked changes; imported as if all were accepted: " + parts.joined(separator: ", "))
    }
    if images > 0 { n.append("\(images) image(s) left as a [kuva: …] placeholder") }
    if textBoxes > 0 { n.append("\(textBoxes) text box(es): their text follows the paragraph they are anchored to") }
    if fields > 0 { n.append("\(fields) field(s) kept as the text they show (field codes dropped)") }
    if equations > 0 { n.append("\(equations) equation(s) left as [kaava]") }
    if objects > 0 { n.append("\(objects) embedded object(s) dropped or left as [objekti]") }
    if tocParagraphs > 0 {
      n.append("table of contents dropped (\(tocParagraphs) paragraph(s)); Redline shows the outline itself")
    }
    if emptyHeadings > 0 { n.append("\(emptyHeadings) empty heading paragraph(s) skipped") }
    if doubledNumbers > 0 {
      n.append("\(doubledNumbers) heading(s) had their number typed in as well as automatic; the number is kept once")
    }
    if !footnotes.isEmpty { n.append("\(footnotes.count) footnote(s) written at the end as \\[^N]: text") }
    let headers = pkg.parts.filter { (k, v) in
      guard k.contains("/header") || k.contains("/footer"), let t = try? XMLTree.parse(v, part: k) else { return false }
      return t.hasVisibleText(inside: "t")
    }
    if !headers.isEmpty { n.append("headers and footers not imported") }
    return n
  }
}
