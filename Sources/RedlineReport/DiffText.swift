import RedlineDiff
import RedlineDocument

/// Terminal and Markdown renderings of a diff: the structural summary first, then each
/// changed section with its changed blocks and their word changes. Words come from
/// `DiffView` (one view model for every writer); this file only marks up.
package enum DiffText {
  /// How insertions and deletions are marked.
  package enum Style: Sendable {
    /// ANSI colours: red struck-through deletions, green underlined insertions.
    case color
    /// No colour: `[-deleted-]` and `{+inserted+}`, as `git diff --word-diff=plain`.
    case plain
    /// Markdown with `<del>` and `<ins>` (rendered by GitHub and most viewers).
    case markdown
  }

  package static func render(
    _ d: DocumentDiff, old: VersionRef, new: VersionRef, style: Style, sections: [SectionChange]? = nil,
    labels: DiffLabels = DiffLabels()
  ) -> String {
    let v = DiffView(d, old: old, new: new, labels: labels, sections: sections)
    let md = style == .markdown
    let term = TerminalStyle(color: style == .color)
    var out = ""
    out += md ? "# \(esc(v.title, md))\n\n" + esc(v.comparing, md) + "\n" : v.comparing + "\n"
    out += "\n" + esc(v.summary, md) + "\n"
    if let note = v.budgetNote { out += esc(note, md) + "\n" }
    if !v.metadata.isEmpty {
      out += md ? "\n## \(esc(v.metadataHeading, md))\n\n" : "\n\(v.metadataHeading)\n"
      for l in v.metadata { out += (md ? "- " : "  ") + esc(l, md) + "\n" }
    }
    if !v.structure.isEmpty {
      out += md ? "\n## \(esc(v.structureHeading, md))\n\n" : "\n\(v.structureHeading)\n"
      for l in v.structure { out += (md ? "- " : "  ") + esc(l, md) + "\n" }
    }
    if v.sections.isEmpty {
      out += "\n" + esc(v.noChanges, md) + "\n"
      return out
    }
    for s in v.sections {
      let tags = s.tags.joined(separator: ", ")
      if md {
        let counts = s.counts.isEmpty ? "" : "; " + esc(s.counts, md)
        out += "\n## \(esc(s.heading, md)) <small>(\(esc(tags, md))\(counts))</small>\n\n"
      } else {
        let line =
          (s.label.isEmpty ? "── " : "── \(s.label) ") + "\(s.heading)  (\(tags))"
          + (s.counts.isEmpty ? "" : "; \(s.counts)")
        out += "\n" + term.bold(line) + "\n"
      }
      for b in s.blocks { out += blockLines(b, style, term) }
    }
    return out
  }

  /// The summary line in English (kept for callers that have no language).
  package static func summaryLine(_ s: Summary) -> String { DiffView.summaryLine(s, DiffLabels()) }

  static func blockLines(_ b: BlockView, _ style: Style, _ term: TerminalStyle) -> String {
    let md = style == .markdown
    let body: String
    switch b.body {
    case .inserted(let t): body = md ? "<ins>" + esc(t, true) + "</ins>" : term.insert(t)
    case .deleted(let t): body = md ? "<del>" + esc(t, true) + "</del>" : term.delete(t)
    case .segments(let segs): body = segments(segs, style, term)
    case .plain(let t): body = esc(t, md)
    case .parts(let parts):
      // Each part on its own line, under its new label.
      body = parts.map { p in (md ? "**\(esc(p.label, md))** " : "\(p.label): ") + segments(p.segments, style, term) }
        .joined(separator: "\n")
    case .none: body = ""
    }
    if md {
      if case .none = b.body { return "- \(esc(b.tag, md))\n" }
      return "- **\(esc(b.label, md))** \(esc(b.tag, md)): \(body.replacingOccurrences(of: "\n", with: "<br>"))\n"
    }
    if case .none = b.body { return "  \(b.tag)\n" }
    let indented = body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n      ")
    return "  \(b.label)  \(b.tag)\n      \(indented)\n"
  }

  /// Word segments in `style` (colour, plain brackets or Markdown `<ins>`/`<del>`).
  static func segments(_ segs: [Segment], _ style: Style) -> String {
    segments(segs, style, TerminalStyle(color: style == .color))
  }

  static func segments(_ segs: [Segment], _ style: Style, _ term: TerminalStyle) -> String {
    if style == .markdown {
      return segs.map { s in
        switch s.op {
        case .equal: return esc(s.text, true)
        case .insert: return "<ins>" + esc(s.text, true) + "</ins>"
        case .delete: return "<del>" + esc(s.text, true) + "</del>"
        }
      }.joined()
    }
    return segs.map { s in
      switch s.op {
      case .equal: return s.text
      case .insert: return term.insert(s.text)
      case .delete: return term.delete(s.text)
      }
    }.joined()
  }

  /// Escapes text for Markdown with inline HTML (so document text never becomes markup).
  static func esc(_ s: String, _ md: Bool) -> String {
    guard md else { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for c in s {
      switch c {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "*", "_", "`", "[", "]", "\\", "|": out += "\\" + String(c)
      default: out.append(c)
      }
    }
    // A line that starts with `#` or `>` would become a heading or a quote.
    if let f = out.first, f == "#" || f == ">" { out = "\\" + out }
    return out
  }
}
