import Foundation
import RedlineDocument

/// Markdown output: `<ins>`/`<del>` for changes, every document or comment text escaped,
/// document tables as GFM tables, headings with anchors for the table of contents.
struct MarkdownSummaryWriter: SummaryWriter {
  var output = ""

  init(width: Int) {}

  func esc(_ s: String) -> String { DiffText.esc(s, true) }

  /// `**` must touch the text on both sides to be bold in CommonMark: whitespace at either
  /// end goes outside the markers.
  func wrap(_ t: String, _ mark: String) -> String {
    let core = t.trimmingCharacters(in: .whitespaces)
    guard !core.isEmpty else { return esc(t) }
    let lead = String(t.prefix { $0 == " " })
    let trail = String(t.reversed().prefix { $0 == " " })
    return lead + mark + esc(core) + mark + trail
  }

  func inline(_ spans: [Span]) -> String {
    spans.map { s in
      switch s {
      case .text(let t): return esc(t)
      case .ins(let t): return "<ins>" + esc(t) + "</ins>"
      case .del(let t): return "<del>" + esc(t) + "</del>"
      case .strong(let t): return wrap(t, "**")
      case .em(let t): return wrap(t, "*")
      case .lang(_, let inner): return inline(inner)
      }
    }.joined().replacingOccurrences(of: "\n", with: "<br>")
  }

  mutating func heading(_ level: Int, _ spans: [Span], id: String?) {
    if let id { output += "<a id=\"\(id)\"></a>\n\n" }
    output += String(repeating: "#", count: level) + " " + inline(spans) + "\n\n"
  }
  mutating func paragraph(_ spans: [Span], cssClass: String?) { output += inline(spans) + "\n\n" }
  mutating func list(_ items: [[Span]]) { output += items.map { "- " + inline($0) }.joined(separator: "\n") + "\n\n" }
  mutating func definitions(_ pairs: [(String, [Span])]) {
    output += pairs.map { "- **\(esc($0.0))**: \(inline($0.1))" }.joined(separator: "\n") + "\n\n"
  }
  mutating func table(caption: String?, headers: [String], rows: [[[Span]]], lang: String?) {
    output += gfm(headers: headers.map(esc), rows: rows.map { $0.map(inline) })
  }
  func gfm(headers: [String], rows: [[String]]) -> String {
    let n = max(headers.count, rows.map(\.count).max() ?? 0)
    guard n > 0 else { return "" }
    func row(_ cells: [String]) -> String {
      "| " + (cells + Array(repeating: "", count: n - cells.count)).joined(separator: " | ") + " |\n"
    }
    return row(headers) + "|" + String(repeating: "---|", count: n) + "\n" + rows.map(row).joined() + "\n"
  }
  mutating func block(tag: String, label: String, kind: String, body: BlockBody, lang: String?) {
    let head = "**\(esc(tag))**\(label.isEmpty ? "" : " (" + esc(label) + ")"):"
    switch body {
    case .spans(let spans): output += "> " + head + " " + inline(spans) + "\n\n"
    case .table(let rows):
      // The table inside the same quote as the other changed blocks (GFM allows it).
      let table = gfm(headers: rows[0].map(inline), rows: rows.dropFirst().map { $0.map(inline) })
      output += "> " + head + "\n>\n"
      output += table.split(separator: "\n").map { "> " + $0 }.joined(separator: "\n") + "\n\n"
    }
  }
  mutating func toc(title: String, _ entries: [TOCEntry]) {
    guard !entries.isEmpty else { return }
    output += "**\(esc(title))**\n\n"
    for e in entries where e.level <= 3 {
      output += String(repeating: "  ", count: max(0, e.level - 2)) + "- [" + inline(e.spans) + "](#\(e.id))\n"
    }
    output += "\n"
  }
  mutating func beginSection() {}
  mutating func endSection() {}
  mutating func beginEntry() {}
  mutating func endEntry() {}
}

/// HTML output: semantic headings with ids, `<ins>`/`<del>` with text cues, real tables,
/// and `lang` on text in another language than the page.
struct HTMLSummaryWriter: SummaryWriter {
  var output = ""

  init(width: Int) {}

  func inline(_ spans: [Span]) -> String {
    spans.map { s in
      switch s {
      case .text(let t): return HTML.esc(t)
      case .ins(let t): return "<ins>" + HTML.esc(t) + "</ins>"
      case .del(let t): return "<del>" + HTML.esc(t) + "</del>"
      case .strong(let t): return "<strong>" + HTML.esc(t) + "</strong>"
      case .em(let t): return "<em>" + HTML.esc(t) + "</em>"
      case .lang(let code, let inner): return "<span lang=\"\(HTML.esc(code))\">" + inline(inner) + "</span>"
      }
    }.joined()
  }

  func langAttr(_ lang: String?) -> String { lang.map { " lang=\"\(HTML.esc($0))\"" } ?? "" }

  mutating func heading(_ level: Int, _ spans: [Span], id: String?) {
    output += "<h\(level)\(id.map { " id=\"\($0)\"" } ?? "")>\(inline(spans))</h\(level)>\n"
  }
  mutating func paragraph(_ spans: [Span], cssClass: String?) {
    output += "<p\(cssClass.map { " class=\"\($0)\"" } ?? "")>\(inline(spans))</p>\n"
  }
  mutating func list(_ items: [[Span]]) {
    output += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
  }
  mutating func definitions(_ pairs: [(String, [Span])]) {
    output +=
      "<dl class=\"meta\">\n" + pairs.map { "<dt>\(HTML.esc($0.0))</dt><dd>\(inline($0.1))</dd>\n" }.joined()
      + "</dl>\n"
  }
  mutating func table(caption: String?, headers: [String], rows: [[[Span]]], lang: String?) {
    output += "<table class=\"responses\"\(langAttr(lang))>\n"
    if let caption { output += "<caption class=\"visually-hidden\">\(HTML.esc(caption))</caption>\n" }
    output +=
      "<thead><tr>" + headers.map { "<th scope=\"col\">\(HTML.esc($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for r in rows { output += "<tr>" + r.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
    output += "</tbody>\n</table>\n"
  }
  mutating func block(tag: String, label: String, kind: String, body: BlockBody, lang: String?) {
    output +=
      "<div class=\"block \(kind)\"><span class=\"tag\">\(HTML.esc(tag))\(label.isEmpty ? "" : " · " + HTML.esc(label))</span>"
    switch body {
    case .spans(let spans):
      output += "<div class=\"text\"\(langAttr(lang))>\(inline(spans))</div></div>\n"
    case .table(let rows):
      output += "\n<table class=\"doc\"\(langAttr(lang))>\n<thead><tr>"
      output += rows[0].map { "<th scope=\"col\">\(inline($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
      for r in rows.dropFirst() { output += "<tr>" + r.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
      output += "</tbody>\n</table></div>\n"
    }
  }
  mutating func toc(title: String, _ entries: [TOCEntry]) {
    guard !entries.isEmpty else { return }
    output += "<nav class=\"toc\" aria-labelledby=\"toc\">\n<h2 id=\"toc\">\(HTML.esc(title))</h2>\n<ul>\n"
    let es = entries.filter { $0.level <= 3 }
    func link(_ e: TOCEntry) -> String { "<a href=\"#\(e.id)\">\(inline(e.spans))</a>" }
    var i = 0
    while i < es.count {
      output += "<li>" + link(es[i])
      var j = i + 1
      if j < es.count && es[j].level > es[i].level {
        output += "\n<ul>\n"
        while j < es.count && es[j].level > es[i].level {
          output += "<li>" + link(es[j]) + "</li>\n"
          j += 1
        }
        output += "</ul>"
      }
      output += "</li>\n"
      i = j
    }
    output += "</ul>\n</nav>\n"
  }
  mutating func beginSection() { output += "<section>\n" }
  mutating func endSection() { output += "</section>\n" }
  mutating func beginEntry() { output += "<div class=\"entry\">\n" }
  mutating func endEntry() { output += "</div>\n" }
}

/// Terminal output: paragraphs wrapped to the width with hanging indents, changes as
/// `{+inserted+}` and `[-deleted-]`.
struct TextSummaryWriter: SummaryWriter {
  var output = ""
  let width: Int

  init(width: Int) { self.width = width }

  func inline(_ spans: [Span]) -> String {
    spans.map { s in
      switch s {
      case .text(let t), .strong(let t), .em(let t): return t
      case .ins(let t): return "{+" + t + "+}"
      case .del(let t): return "[-" + t + "-]"
      case .lang(_, let inner): return inline(inner)
      }
    }.joined()
  }

  mutating func heading(_ level: Int, _ spans: [Span], id: String?) {
    let t = inline(spans)
    let wrapped = TextWrap.wrap(t, width: width)
    let cols = min(width, wrapped.split(separator: "\n").map { TextWrap.columns($0) }.max() ?? 0)
    switch level {
    case 1: output += wrapped + "\n" + String(repeating: "=", count: cols) + "\n\n"
    case 2: output += "\n" + wrapped + "\n" + String(repeating: "-", count: cols) + "\n\n"
    default: output += TextWrap.wrap(t, width: width, first: "▸ ", indent: 2) + "\n\n"
    }
  }
  mutating func paragraph(_ spans: [Span], cssClass: String?) {
    output +=
      TextWrap.wrap(
        inline(spans), width: width, first: cssClass == "response" ? "  " : "", indent: cssClass == "response" ? 2 : 0)
      + "\n\n"
  }
  mutating func list(_ items: [[Span]]) {
    for i in items { output += TextWrap.wrap(inline(i), width: width, first: "- ", indent: 2) + "\n" }
    output += "\n"
  }
  mutating func definitions(_ pairs: [(String, [Span])]) {
    for (k, v) in pairs { output += TextWrap.wrap(inline(v), width: width, first: k + ": ", indent: 4) + "\n" }
    output += "\n"
  }
  mutating func table(caption: String?, headers: [String], rows: [[[Span]]], lang: String?) {
    for r in rows {
      let cells = r.map(inline).filter { !$0.isEmpty }
      output += TextWrap.wrap(cells.joined(separator: " | "), width: width, first: "- ", indent: 2) + "\n"
    }
    output += "\n"
  }
  mutating func block(tag: String, label: String, kind: String, body: BlockBody, lang: String?) {
    output += "  [" + tag + (label.isEmpty ? "" : " · " + label) + "]\n"
    switch body {
    case .spans(let spans): output += TextWrap.wrap(inline(spans), width: width, first: "    ", indent: 4) + "\n\n"
    case .table(let rows):
      for r in rows {
        output += TextWrap.wrap(r.map(inline).joined(separator: " | "), width: width, first: "    ", indent: 6) + "\n"
      }
      output += "\n"
    }
  }
  mutating func toc(title: String, _ entries: [TOCEntry]) {}
  mutating func beginSection() {}
  mutating func endSection() {}
  mutating func beginEntry() {}
  mutating func endEntry() {}
}
