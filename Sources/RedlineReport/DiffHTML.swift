import RedlineDiff
import RedlineDocument

/// A diff as one self-contained HTML page (inline CSS, no scripts, no external requests).
public enum DiffHTML {
  public static func render(_ d: DocumentDiff, old: VersionRef, new: VersionRef, sections: [SectionChange]? = nil) -> String {
    var body = "<header><h1>Changes in \(HTML.esc(new.path))</h1>\n"
    body += "<p class=\"meta\">\(HTML.esc(old.display)) → \(HTML.esc(new.display))</p>\n"
    body += "<p>\(HTML.esc(DiffText.summaryLine(d.summary)))</p></header>\n"
    if d.budgetExhausted {
      body += "<p><strong>Note:</strong> the search budget ran out; some moves or edits may show as deletions and additions.</p>\n"
    }
    let structure = d.structureChanges
    if !structure.isEmpty {
      body += "<section><h2>Structure</h2><ul class=\"toc\">\n"
      for c in structure { body += "<li>\(HTML.esc(DiffText.structureLine(c, false)))</li>\n" }
      body += "</ul></section>\n"
    }
    for sc in (sections ?? d.sections) where !sc.isUnchanged {
      body += "<section><h2>\(HTML.esc(d.heading(of: sc)))</h2>"
      body += "<p class=\"muted\">\(HTML.esc(d.tags(of: sc).joined(separator: ", ")))</p>\n"
      for b in sc.blocks where b.status != .unchanged || !b.cosmetic.isEmpty {
        body += block(d, b)
      }
      body += "</section>\n"
    }
    return HTML.page(title: "Changes in \(new.path)", lang: "en", body: body)
  }

  static func block(_ d: DocumentDiff, _ b: BlockChange) -> String {
    let label = d.label(of: b)
    var tag: String
    var text: String
    switch b.status {
    case .added:
      tag = "added"
      text = "<ins>" + HTML.esc(d.new.blocks[b.new!].text) + "</ins>"
    case .deleted:
      tag = "deleted"
      text = "<del>" + HTML.esc(d.old.blocks[b.old!].text) + "</del>"
    case .modified:
      tag = "modified"
      text = HTML.segments((b.segments ?? []).map { ($0.op.rawValue, $0.text) })
    case .moved:
      tag = "moved from \(d.old.blocks[b.old!].label)" + (b.segments == nil ? "" : " and edited")
      text = b.segments.map { HTML.segments($0.map { ($0.op.rawValue, $0.text) }) } ?? HTML.esc(d.new.blocks[b.new!].text)
    case .unchanged:
      tag = "cosmetic"
      text = HTML.esc(d.new.blocks[b.new!].text)
    }
    if !b.cosmetic.isEmpty { tag += " (cosmetic: " + b.cosmetic.joined(separator: ", ") + ")" }
    return "<div class=\"block \(b.status.rawValue)\"><span class=\"tag\">\(HTML.esc(label)) · \(HTML.esc(tag))</span>"
      + "<div class=\"text\">\(text)</div></div>\n"
  }
}
