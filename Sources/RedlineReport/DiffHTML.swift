import RedlineDiff
import RedlineDocument

/// A diff as one self-contained HTML page (inline CSS, no scripts, no external requests),
/// every label in the reader's language (`lang` on the page), words from `DiffView`.
/// The document's own text is marked with its language (`textLanguage`, else the front
/// matter's `lang:`) when that differs from the page's, so screen readers read it right.
package enum DiffHTML {
  package static func render(
    _ d: DocumentDiff, old: VersionRef, new: VersionRef, sections: [SectionChange]? = nil,
    labels: DiffLabels = DiffLabels(), textLanguage: String? = nil
  ) -> String {
    let v = DiffView(d, old: old, new: new, labels: labels, sections: sections)
    let textLang = textLanguage ?? d.new.metadata.first { $0.key == "lang" }?.value
    let langAttr = textLang.flatMap { $0 != labels.htmlLang && !$0.isEmpty ? " lang=\"\(HTML.esc($0))\"" : nil } ?? ""
    var body = "<header><h1>\(HTML.esc(v.title))</h1>\n"
    body += "<p class=\"meta\">\(HTML.esc(v.comparing))</p>\n"
    body += "<p>\(HTML.esc(v.summary))</p></header>\n"
    if let note = v.budgetNote { body += "<p><strong>\(HTML.esc(note))</strong></p>\n" }
    if !v.metadata.isEmpty {
      body += "<section><h2>\(HTML.esc(v.metadataHeading))</h2><ul class=\"toc\">\n"
      for l in v.metadata { body += "<li>\(HTML.esc(l))</li>\n" }
      body += "</ul></section>\n"
    }
    if !v.structure.isEmpty {
      body += "<section><h2>\(HTML.esc(v.structureHeading))</h2><ul class=\"toc\">\n"
      for l in v.structure { body += "<li>\(HTML.esc(l))</li>\n" }
      body += "</ul></section>\n"
    }
    if v.sections.isEmpty { body += "<p>\(HTML.esc(v.noChanges))</p>\n" }
    for s in v.sections {
      body += "<section><h2\(langAttr)>\(HTML.esc(s.heading))</h2>"
      let counts = s.counts.isEmpty ? "" : "; " + HTML.esc(s.counts)
      body += "<p class=\"muted\">\(HTML.esc(s.tags.joined(separator: ", ")))\(counts)</p>\n"
      for b in s.blocks { body += block(b, langAttr) }
      body += "</section>\n"
    }
    return HTML.page(title: v.title, lang: labels.htmlLang, body: body)
  }

  static func block(_ b: BlockView, _ langAttr: String) -> String {
    let text: String
    switch b.body {
    case .inserted(let t): text = "<ins>" + HTML.esc(t) + "</ins>"
    case .deleted(let t): text = "<del>" + HTML.esc(t) + "</del>"
    case .segments(let segs): text = HTML.segments(segs)
    case .plain(let t): text = HTML.esc(t)
    case .parts(let parts):
      text = parts.map { "<strong>\(HTML.esc($0.label))</strong> " + HTML.segments($0.segments) }.joined(
        separator: "\n")
    case .none:
      return "<div class=\"block \(b.cssClass)\"><span class=\"tag\">\(HTML.esc(b.tag))</span></div>\n"
    }
    return "<div class=\"block \(b.cssClass)\"><span class=\"tag\">\(HTML.esc(b.label)) · \(HTML.esc(b.tag))</span>"
      + "<div class=\"text\"\(langAttr)>\(text)</div></div>\n"
  }
}
