import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReview

/// What a consultation summary is made of: the diff, the versions, who changed the text,
/// and the threads made on the old version or between the two.
public struct SummaryInput: Sendable {
  public var diff: DocumentDiff
  public var old: VersionRef
  public var new: VersionRef
  /// Authors of the commits that changed the document between the versions.
  public var authors: [String]
  /// Threads in scope, with their status at the new version.
  public var comments: CommentsReport
  /// When the summary was made (Unix seconds).
  public var generated: Int64

  public init(diff: DocumentDiff, old: VersionRef, new: VersionRef, authors: [String], comments: CommentsReport, generated: Int64) {
    self.diff = diff
    self.old = old
    self.new = new
    self.authors = authors
    self.comments = comments
    self.generated = generated
  }
}

/// A run of inline text in a summary.
enum Span {
  case text(String)
  case ins(String)
  case del(String)
  case strong(String)
  case em(String)
}

/// The two outputs of a summary share one walk; a writer turns its calls into Markdown or HTML.
protocol SummaryWriter {
  mutating func heading(_ level: Int, _ text: String)
  mutating func paragraph(_ spans: [Span], cssClass: String?)
  mutating func list(_ items: [[Span]])
  mutating func definitions(_ pairs: [(String, [Span])])
  mutating func table(caption: String, headers: [String], rows: [[[Span]]])
  mutating func block(tag: String, label: String, kind: String, spans: [Span])
  mutating func beginSection()
  mutating func endSection()
  var output: String { get }
}

/// Builds the consultation summary: heading block, structure first, then each changed
/// section with its redlines, then how each comment was handled, with a scan table.
public enum SummaryRenderer {
  public enum Format: String, Sendable, CaseIterable {
    case markdown, html
  }

  public static func render(_ s: SummaryInput, language: Localization.Language, format: Format) -> String {
    let l = Localization(language)
    switch format {
    case .markdown:
      var w = MarkdownSummaryWriter()
      write(s, l, &w)
      return w.output
    case .html:
      var w = HTMLSummaryWriter()
      write(s, l, &w)
      return HTML.page(title: "\(l["title"]): \(title(s))", lang: language.rawValue, body: w.output)
    }
  }

  static func title(_ s: SummaryInput) -> String {
    s.diff.new.sections.first { $0.level == 1 }?.heading ?? s.new.path
  }

  static func versionLine(_ r: VersionRef, _ l: Localization) -> [Span] {
    var out: [Span] = [.strong(r.revision)]
    if let d = r.date { out.append(.text(", " + l.date(d))) }
    if let c = r.commit { out.append(.text(" (" + String(c.prefix(7)) + ")")) }
    return out
  }

  static func label(_ doc: Document, section i: Int, _ l: Localization) -> String {
    i == 0 ? l["before_first_heading"] : doc.sections[i].heading
  }

  static func write<W: SummaryWriter>(_ s: SummaryInput, _ l: Localization, _ w: inout W) {
    let d = s.diff
    w.heading(1, "\(l["title"]): \(title(s))")
    w.definitions([
      (l["document"], [.text(s.new.path)]),
      (l["old"], versionLine(s.old, l)),
      (l["new"], versionLine(s.new, l)),
      (l["changed_by"], [.text(s.authors.isEmpty ? "–" : s.authors.joined(separator: ", "))]),
    ])
    let sum = d.summary
    let changedSections = d.sections.filter { !$0.isUnchanged }.count
    w.paragraph(
      [.text(l.format("summary_line", "\(changedSections)", "\(sum.blocksAdded)", "\(sum.blocksDeleted)", "\(sum.blocksModified)", "\(sum.blocksMoved)"))],
      cssClass: nil)
    w.paragraph([.em(l["legend"])], cssClass: "muted")

    // 1. Structure first.
    w.beginSection()
    w.heading(2, l["structure"])
    let structure = d.structureChanges
    if structure.isEmpty {
      w.paragraph([.text(l["no_structure"])], cssClass: nil)
    } else {
      w.list(structure.map { c in [.text(structureLine(c, l))] })
    }
    w.endSection()

    // 2. Each changed section in document order.
    w.beginSection()
    w.heading(2, l["sections"])
    for sc in d.sections where !sc.isUnchanged {
      let doc = sc.new != nil ? d.new : d.old
      let idx = sc.new ?? sc.old!
      w.heading(3, label(doc, section: idx, l))
      let c = BlockCounts(sc.blocks, old: d.old, new: d.new)
      var note =
        DiffView.movedOutSentence(d, sc, DiffLabels(l.language))
        ?? l.format("counts", "\(c.added)", "\(c.deleted)", "\(c.modified)", "\(c.moved)")
      if sc.status == .added { note = l["section_added"] + " " + note }
      if sc.status == .deleted { note = l["section_deleted"] + " " + note }
      w.paragraph([.em(note)], cssClass: "muted")
      for b in sc.blocks where b.status != .unchanged {
        let lab = d.label(of: b)
        switch b.status {
        case .added:
          w.block(tag: l["added_block"], label: lab, kind: "added", spans: [.ins(d.new.blocks[b.new!].text)])
        case .deleted:
          w.block(tag: l["deleted_block"], label: lab, kind: "deleted", spans: [.del(d.old.blocks[b.old!].text)])
        case .modified:
          w.block(tag: l["modified_block"], label: lab, kind: "modified", spans: spans(b.segments ?? []))
        case .moved:
          let from = d.old.blocks[b.old!].label
          let tag = b.segments == nil ? l.format("moved_block", from) : l.format("moved_edited_block", from)
          w.block(tag: tag, label: lab, kind: "moved", spans: b.segments.map(spans) ?? [.text(d.new.blocks[b.new!].text)])
        case .merged, .split:
          let tag =
            b.status == .merged
            ? DiffLabels(l.language)(.mergedFrom(b.sources.map { d.old.blocks[$0].label }))
            : DiffLabels(l.language)(.splitInto(from: d.old.blocks[b.old!].label, parts: b.parts.map { d.new.blocks[$0].label }))
          w.block(tag: tag, label: lab, kind: b.status.rawValue, spans: spans(b.segments ?? []))
        case .unchanged:
          break
        }
      }
    }
    w.endSection()

    // 3. Comment handling, grouped by section, then a table to scan.
    w.beginSection()
    w.heading(2, l["comments"])
    let threads = s.comments.threads
    if threads.isEmpty {
      w.paragraph([.text(l["no_comments"])], cssClass: nil)
    }
    var groups: [(String, [ThreadReport])] = []
    for r in threads {
      let key = groupHeading(r, s)
      if let k = groups.firstIndex(where: { $0.0 == key }) { groups[k].1.append(r) } else { groups.append((key, [r])) }
    }
    for (heading, rs) in groups {
      w.heading(3, heading)
      for r in rs { threadEntry(r, s, l, &w) }
    }
    if !threads.isEmpty {
      w.heading(3, l["comment_table"])
      w.table(
        caption: l["comment_table"], headers: [l["commenter"], l["on"], l["handling"], l["reason"]],
        rows: threads.map { r in
          guard let t = r.thread else { return [[.text(r.id)], [.text("–")], [.text(l["status_unreadable"])], [.text(r.error ?? "")]] }
          let quote = t.anchor.text.count > 80 ? String(t.anchor.text.prefix(77)) + "…" : t.anchor.text
          return [
            [.text(t.opening.author.name)],
            [.strong(t.anchor.label), .text(" “" + quote + "”")],
            [.text(handling(r, l))],
            [.text(t.isResolved ? (t.lastResolution?.body ?? "") : "")],
          ]
        })
    }
    w.endSection()
    w.paragraph([.em(l.format("generated", l.date(s.generated)))], cssClass: "muted")
  }

  static func groupHeading(_ r: ThreadReport, _ s: SummaryInput) -> String {
    guard let t = r.thread else { return "–" }
    if let i = r.placement.block, let doc = s.comments.documents[t.anchor.path] {
      return doc.sections[doc.blocks[i].section].heading
    }
    return t.anchor.section.last ?? "–"
  }

  static func handling(_ r: ThreadReport, _ l: Localization) -> String {
    var h = l["status_" + r.placement.status.rawValue]
    if let d = r.thread?.disposition { h += ": " + l["disposition_" + d.rawValue] }
    return h
  }

  static func threadEntry<W: SummaryWriter>(_ r: ThreadReport, _ s: SummaryInput, _ l: Localization, _ w: inout W) {
    guard let t = r.thread else {
      w.paragraph([.strong(r.id), .text(" – " + l["status_unreadable"] + ": " + (r.error ?? ""))], cssClass: nil)
      return
    }
    var head: [Span] = [
      .strong(t.opening.author.name), .text(", \(l.date(t.opening.time)), \(t.anchor.label) (\(t.anchor.revision)): "),
      .em(t.opening.body),
    ]
    if let i = r.placement.block, let doc = s.comments.documents[t.anchor.path], doc.blocks[i].label != t.anchor.label {
      head.append(.text(" — " + l.format("now_at", doc.blocks[i].label)))
    }
    w.paragraph(head, cssClass: nil)
    var handlingSpans: [Span] = [.strong(l["handling"] + ": "), .text(handling(r, l))]
    if t.isResolved, let why = t.lastResolution?.body, !why.isEmpty {
      handlingSpans += [.text(". "), .strong(l["reason"] + ": "), .text(why)]
    }
    w.paragraph(handlingSpans, cssClass: nil)
    if !t.replies.isEmpty {
      w.list(t.replies.map { e in [.strong(l["replies"] + ": "), .text("\(e.author.name), \(l.date(e.time)): \(e.body)")] })
    }
    if let segs = r.placement.changes {
      w.block(tag: l["changed_in_response"], label: "", kind: "modified", spans: spans(segs))
    } else if r.placement.status == .outdated || (r.placement.block == nil && r.placement.status == .resolved) {
      w.block(tag: l["was_deleted"], label: t.anchor.label, kind: "deleted", spans: [.del(t.anchor.text)])
    }
  }

  static func spans(_ segs: [Segment]) -> [Span] {
    segs.map { s in
      switch s.op {
      case .equal: return .text(s.text)
      case .insert: return .ins(s.text)
      case .delete: return .del(s.text)
      }
    }
  }

  static func structureLine(_ c: StructureChange, _ l: Localization) -> String {
    let o = c.oldHeading ?? ""
    let n = c.newHeading ?? ""
    switch c.kind {
    case .renamed: return l.format("renamed", o, n)
    case .moved: return l.format("moved", o, n)
    case .renamedAndMoved: return l.format("renamed_and_moved", o, n)
    case .renumbered: return l.format("renumbered", o, n)
    case .added: return l.format("added", n)
    case .deleted: return l.format("deleted", o)
    case .split: return l.format("split", n, c.related ?? "")
    case .merged: return l.format("merged", o, c.related ?? "")
    }
  }
}

/// Markdown output: `<ins>`/`<del>` for changes, every document or comment text escaped.
struct MarkdownSummaryWriter: SummaryWriter {
  var output = ""

  func esc(_ s: String) -> String { DiffText.esc(s, true) }

  func inline(_ spans: [Span]) -> String {
    spans.map { s in
      switch s {
      case .text(let t): return esc(t)
      case .ins(let t): return "<ins>" + esc(t) + "</ins>"
      case .del(let t): return "<del>" + esc(t) + "</del>"
      case .strong(let t): return "**" + esc(t) + "**"
      case .em(let t): return "*" + esc(t) + "*"
      }
    }.joined().replacingOccurrences(of: "\n", with: "<br>")
  }

  mutating func heading(_ level: Int, _ text: String) { output += String(repeating: "#", count: level) + " " + esc(text) + "\n\n" }
  mutating func paragraph(_ spans: [Span], cssClass: String?) { output += inline(spans) + "\n\n" }
  mutating func list(_ items: [[Span]]) { output += items.map { "- " + inline($0) }.joined(separator: "\n") + "\n\n" }
  mutating func definitions(_ pairs: [(String, [Span])]) {
    output += pairs.map { "- **\(esc($0.0))**: \(inline($0.1))" }.joined(separator: "\n") + "\n\n"
  }
  mutating func table(caption: String, headers: [String], rows: [[[Span]]]) {
    output += "| " + headers.map(esc).joined(separator: " | ") + " |\n"
    output += "|" + headers.map { _ in "---|" }.joined() + "\n"
    for r in rows { output += "| " + r.map(inline).joined(separator: " | ") + " |\n" }
    output += "\n"
  }
  mutating func block(tag: String, label: String, kind: String, spans: [Span]) {
    output += "> **\(esc(tag))**\(label.isEmpty ? "" : " (" + esc(label) + ")"): " + inline(spans) + "\n\n"
  }
  mutating func beginSection() {}
  mutating func endSection() {}
}

/// HTML output: semantic headings, `<ins>`/`<del>` with text cues, a real table.
struct HTMLSummaryWriter: SummaryWriter {
  var output = ""

  func inline(_ spans: [Span]) -> String {
    spans.map { s in
      switch s {
      case .text(let t): return HTML.esc(t)
      case .ins(let t): return "<ins>" + HTML.esc(t) + "</ins>"
      case .del(let t): return "<del>" + HTML.esc(t) + "</del>"
      case .strong(let t): return "<strong>" + HTML.esc(t) + "</strong>"
      case .em(let t): return "<em>" + HTML.esc(t) + "</em>"
      }
    }.joined()
  }

  mutating func heading(_ level: Int, _ text: String) { output += "<h\(level)>\(HTML.esc(text))</h\(level)>\n" }
  mutating func paragraph(_ spans: [Span], cssClass: String?) {
    output += "<p\(cssClass.map { " class=\"\($0)\"" } ?? "")>\(inline(spans))</p>\n"
  }
  mutating func list(_ items: [[Span]]) {
    output += "<ul>\n" + items.map { "<li>\(inline($0))</li>\n" }.joined() + "</ul>\n"
  }
  mutating func definitions(_ pairs: [(String, [Span])]) {
    output += "<dl class=\"meta\">\n" + pairs.map { "<dt>\(HTML.esc($0.0))</dt><dd>\(inline($0.1))</dd>\n" }.joined() + "</dl>\n"
  }
  mutating func table(caption: String, headers: [String], rows: [[[Span]]]) {
    output += "<table>\n<caption class=\"visually-hidden\">\(HTML.esc(caption))</caption>\n<thead><tr>"
    output += headers.map { "<th scope=\"col\">\(HTML.esc($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
    for r in rows { output += "<tr>" + r.map { "<td>\(inline($0))</td>" }.joined() + "</tr>\n" }
    output += "</tbody>\n</table>\n"
  }
  mutating func block(tag: String, label: String, kind: String, spans: [Span]) {
    output += "<div class=\"block \(kind)\"><span class=\"tag\">\(HTML.esc(tag))\(label.isEmpty ? "" : " · " + HTML.esc(label))</span>"
    output += "<div class=\"text\">\(inline(spans))</div></div>\n"
  }
  mutating func beginSection() { output += "<section>\n" }
  mutating func endSection() { output += "</section>\n" }
}
