import RedlineDocument

/// Plain-text views of one document version: its outline and its labelled text.
package enum OutlineRenderer {
  /// The section tree with labels, lines and block counts, indented by level, in the
  /// reader's language; lines longer than `width` wrap under the heading.
  package static func outline(
    _ doc: Document, maxDepth: Int = .max, language: Localization.Language = .en, width: Int = .max
  ) -> String {
    let l = Localization(language)
    var out = ""
    let labelWidth = min(10, doc.sections.map { $0.label.count }.max() ?? 4)
    for s in doc.sections {
      if s.index == 0 && s.blockRange.isEmpty { continue }
      if s.level > maxDepth { continue }
      let blocks = doc.blocks[s.blockRange]
      let counts = countsText(blocks, l)
      let indent = String(repeating: "  ", count: max(0, s.level - 1))
      let heading = s.index == 0 ? "(\(l[.beforeFirstHeading]))" : s.heading
      let label = s.label.padding(toLength: max(labelWidth, s.label.count), withPad: " ", startingAt: 0)
      let prefix = "\(label)  \(indent)"
      var line = heading
      line += "  · \(l[.outlineLine]) \(s.line)"
      if !blocks.isEmpty {
        let first = blocks.first!.ordinal
        let last = blocks.last!.ordinal
        line += "  · ¶\(first)\(last > first ? "–¶\(last)" : ""): \(counts)"
      }
      out +=
        (width == .max
          ? prefix + line : TextWrap.wrap(line, width: width, first: prefix, indent: TextWrap.columns(prefix) + 2))
        + "\n"
    }
    return out
  }

  static func countsText(_ blocks: ArraySlice<Block>, _ l: Localization) -> String {
    var c: [BlockKind: Int] = [:]
    for b in blocks { c[b.kind, default: 0] += 1 }
    return BlockKind.allCases.compactMap { k in c[k].map { l.count($0, k) } }.joined(separator: ", ")
  }

  /// The blocks of `sections` (each with its subsections) with their labels in the margin;
  /// each heading's line number marked in `language` ("rivi 12").
  package static func labelledText(_ doc: Document, sections: [Int], language: Localization.Language = .en) -> String {
    var out = ""
    var seen = Set<Int>()
    for top in sections {
      for s in doc.subtree(top) where seen.insert(s).inserted {
        let sec = doc.sections[s]
        if s != 0 {
          out +=
            "\n" + String(repeating: "#", count: sec.level) + " " + sec.heading
            + "    [\(sec.label), \(Localization(language)[.outlineLine]) \(sec.line)]\n\n"
        }
        for b in doc.blocks[sec.blockRange] {
          let tag = "¶\(b.ordinal)".padding(toLength: 5, withPad: " ", startingAt: 0)
          let indent = b.kind == .listItem ? String(repeating: "  ", count: b.depth) + "- " : ""
          let lines = b.text.split(separator: "\n", omittingEmptySubsequences: false)
          for (k, l) in lines.enumerated() {
            out += (k == 0 ? tag : "     ") + (k == 0 ? indent : String(repeating: " ", count: indent.count)) + l + "\n"
          }
        }
      }
    }
    return out
  }
}
