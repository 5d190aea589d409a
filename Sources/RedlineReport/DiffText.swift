import RedlineDiff
import RedlineDocument

/// Terminal and Markdown renderings of a diff: the structural summary first, then each
/// changed section with its changed blocks and their word changes.
public enum DiffText {
  /// How insertions and deletions are marked.
  public enum Style: Sendable {
    /// ANSI colours: red struck-through deletions, green underlined insertions.
    case color
    /// No colour: `[-deleted-]` and `{+inserted+}`, as `git diff --word-diff=plain`.
    case plain
    /// Markdown with `<del>` and `<ins>` (rendered by GitHub and most viewers).
    case markdown
  }

  public static func render(_ d: DocumentDiff, old: VersionRef, new: VersionRef, style: Style, sections: [SectionChange]? = nil)
    -> String
  {
    let md = style == .markdown
    var out = ""
    out += md ? "# Changes in \(esc(new.path, md))\n\n" : ""
    out += "\(md ? "" : "Comparing ")\(esc(old.path, md)) \(old.display) → \(new.display)\n"
    let s = d.summary
    out += "\n" + summaryLine(s) + "\n"
    if d.budgetExhausted {
      out += "Note: the search budget ran out; some moves or edits may be shown as deletions and additions.\n"
    }
    let structure = d.structureChanges
    if !structure.isEmpty {
      out += md ? "\n## Structure\n\n" : "\nStructure\n"
      for c in structure { out += (md ? "- " : "  ") + structureLine(c, md) + "\n" }
    }
    let shown = (sections ?? d.sections).filter { !$0.isUnchanged }
    if shown.isEmpty {
      out += "\nNo changes in the text.\n"
      return out
    }
    for sc in shown {
      out += sectionHeader(d, sc, style)
      for b in sc.blocks where b.status != .unchanged || !b.cosmetic.isEmpty {
        out += blockLines(d, b, style)
      }
    }
    return out
  }

  public static func summaryLine(_ s: Summary) -> String {
    var parts: [String] = []
    let sec = [
      (s.sectionsRenamed, "renamed"), (s.sectionsMoved, "moved"), (s.sectionsAdded, "added"),
      (s.sectionsDeleted, "deleted"), (s.sectionsModified, "with changed text"),
    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    parts.append("Sections: " + (sec.isEmpty ? "no structural change" : sec.joined(separator: ", ")))
    parts.append(
      "blocks: \(s.blocksAdded) added, \(s.blocksDeleted) deleted, \(s.blocksModified) modified, \(s.blocksMoved) moved")
    parts.append("words: +\(s.wordsAdded) −\(s.wordsDeleted)")
    var line = parts.joined(separator: "; ")
    if s.cosmetic > 0 { line += "; \(s.cosmetic) cosmetic" }
    return line
  }

  static func structureLine(_ c: StructureChange, _ md: Bool) -> String {
    let o = esc(c.oldHeading ?? "", md)
    let n = esc(c.newHeading ?? "", md)
    switch c.kind {
    case .added: return "added: \(n)"
    case .deleted: return "deleted: \(o)"
    case .renamed: return "renamed: \(o) → \(n)"
    case .moved: return "moved: \(o) → \(n)"
    case .renamedAndMoved: return "renamed and moved: \(o) → \(n)"
    case .renumbered: return "renumbered: \(o) → \(n)"
    case .split: return "split: \(n) (from \(esc(c.related ?? "", md)))"
    case .merged: return "merged: \(o) (into \(esc(c.related ?? "", md)))"
    }
  }

  static func sectionHeader(_ d: DocumentDiff, _ sc: SectionChange, _ style: Style) -> String {
    let md = style == .markdown
    let doc = sc.new != nil ? d.new : d.old
    let idx = sc.new ?? sc.old!
    let heading = d.heading(of: sc)
    let tags = d.tags(of: sc)
    let c = BlockCounts(sc.blocks, old: d.old, new: d.new)
    let counts = "+\(c.added) −\(c.deleted) ~\(c.modified) ↷\(c.moved)"
    if md {
      return "\n## \(esc(heading, md)) <small>(\(esc(tags.joined(separator: ", "), md)); \(counts))</small>\n\n"
    }
    let line = "── \(doc.sections[idx].label) \(heading)  (\(tags.joined(separator: ", "))); \(counts)"
    return "\n" + (style == .color ? "\u{1B}[1m\(line)\u{1B}[0m" : line) + "\n"
  }

  static func blockLines(_ d: DocumentDiff, _ b: BlockChange, _ style: Style) -> String {
    let md = style == .markdown
    let label = d.label(of: b)
    var mark: String
    var body: String
    switch b.status {
    case .added:
      mark = "+ added"
      body = ins(d.new.blocks[b.new!].text, style)
    case .deleted:
      mark = "− deleted"
      body = del(d.old.blocks[b.old!].text, style)
    case .modified:
      mark = "~ modified"
      body = segments(b.segments ?? [], style)
    case .moved:
      let from = d.old.blocks[b.old!].label
      mark = b.segments == nil ? "↷ moved from \(from)" : "↷ moved from \(from) and edited"
      body = b.segments.map { segments($0, style) } ?? esc(d.new.blocks[b.new!].text, md)
    case .unchanged:
      mark = "· cosmetic"
      body = esc(d.new.blocks[b.new!].text, md)
    }
    if !b.cosmetic.isEmpty { mark += " (cosmetic: " + b.cosmetic.joined(separator: ", ") + ")" }
    if md {
      return "- **\(esc(label, md))** \(esc(mark, md)): \(body.replacingOccurrences(of: "\n", with: "<br>"))\n"
    }
    let indented = body.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n      ")
    return "  \(label)  \(mark)\n      \(indented)\n"
  }

  static func segments(_ segs: [Segment], _ style: Style) -> String {
    segs.map { s in
      switch s.op {
      case .equal: return esc(s.text, style == .markdown)
      case .insert: return ins(s.text, style)
      case .delete: return del(s.text, style)
      }
    }.joined()
  }

  static func ins(_ t: String, _ style: Style) -> String {
    switch style {
    case .color: return "\u{1B}[32;4m" + t + "\u{1B}[0m"
    case .plain: return "{+" + t + "+}"
    case .markdown: return "<ins>" + esc(t, true) + "</ins>"
    }
  }

  static func del(_ t: String, _ style: Style) -> String {
    switch style {
    case .color: return "\u{1B}[31;9m" + t + "\u{1B}[0m"
    case .plain: return "[-" + t + "-]"
    case .markdown: return "<del>" + esc(t, true) + "</del>"
    }
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
