import Foundation
import RedlineDiff

/// Renders the Swedish version's drift (`redline parallel`): terminal, Markdown, HTML,
/// JSON, and the status paragraph a consultation summary can include.
package enum ParallelRenderer {
  package static let schema = "redline.parallel/1"

  static func headline(_ r: ParallelReport) -> String {
    if r.inSync {
      return "In sync: \(r.pairedSections) sections and \(r.pairedBlocks) blocks paired, nothing out of step."
    }
    let c = r.counts
    var parts: [String] = []
    if let n = c[.finnishChanged] { parts.append("\(n) Finnish changed after the Swedish") }
    if let n = c[.onlyFinnish] { parts.append("\(n) only in Finnish") }
    if let n = c[.onlySwedish] { parts.append("\(n) only in Swedish") }
    if let n = c[.listItems] { parts.append("\(n) with different list items") }
    if let n = c[.numbers] { parts.append("\(n) with different numbers") }
    return "Out of sync: " + parts.joined(separator: ", ") + "."
  }

  /// One line describing a finding (without its texts).
  package static func describe(_ f: ParallelFinding) -> String {
    let pair = [f.fi.label, f.sv.label].compactMap { $0 }.joined(separator: " ↔ ")
    switch f.kind {
    case .finnishChanged:
      let fv = f.fi.version.map { "\($0.name) (\($0.author), \($0.date))" } ?? "?"
      let sv = f.sv.version.map { "\($0.name) (\($0.author), \($0.date))" } ?? "?"
      return "\(pair)  Finnish changed in \(fv), after the Swedish (last changed in \(sv))"
    case .onlyFinnish:
      if let c = f.fi.count { return "\(pair)  section only in Finnish: \(f.fi.text ?? "") (\(c) blocks)" }
      return "\(pair)  only in Finnish"
    case .onlySwedish:
      if let c = f.sv.count { return "\(pair)  section only in Swedish: \(f.sv.text ?? "") (\(c) blocks)" }
      return "\(pair)  only in Swedish"
    case .listItems:
      return "\(pair)  list items: \(f.fi.count ?? 0) in Finnish, \(f.sv.count ?? 0) in Swedish"
    case .numbers:
      let a = f.fi.only.isEmpty ? "" : "Finnish has " + f.fi.only.joined(separator: ", ")
      let b = f.sv.only.isEmpty ? "" : "Swedish has " + f.sv.only.joined(separator: ", ")
      return "\(pair)  numbers differ: " + [a, b].filter { !$0.isEmpty }.joined(separator: "; ")
    }
  }

  /// Terminal (plain or colour) or Markdown text.
  package static func text(_ r: ParallelReport, style: DiffText.Style) -> String {
    let r = r.displayable
    let md = style == .markdown
    let within = r.section.map { ", section \($0) only" } ?? ""
    var out =
      md
      ? "# Swedish version: \(DiffText.esc(r.svPath, md)) against \(DiffText.esc(r.fiPath, md)) at \(DiffText.esc(r.revision, md))\(DiffText.esc(within, md))\n\n"
      : "Swedish \(r.svPath) against Finnish \(r.fiPath) at \(r.revision)\(within)\n"
    if let b = r.base {
      out +=
        (md
          ? "Paired at the Finnish version \(DiffText.esc(b.name, md)).\n\n"
          : "Paired at the Finnish version \(b.name).\n")
    }
    out += headline(r) + "\n\n"
    for f in r.findings {
      out += md ? "- " + DiffText.esc(describe(f), md) + "\n" : describe(f) + "\n"
      if f.kind == .finnishChanged {
        let body = f.segments.map { DiffText.segments($0, style) } ?? DiffText.esc(f.fi.text ?? "", md)
        out += (md ? "  " : "    ") + body.replacingOccurrences(of: "\n", with: md ? "<br>" : "\n    ") + "\n"
      } else if f.kind == .onlyFinnish, f.fi.count == nil, let t = f.fi.text {
        out += (md ? "  " : "    ") + DiffText.esc(excerpt(t), md) + "\n"
      } else if f.kind == .onlySwedish, f.sv.count == nil, let t = f.sv.text {
        out += (md ? "  " : "    ") + DiffText.esc(excerpt(t), md) + "\n"
      }
    }
    return out
  }

  static func excerpt(_ s: String) -> String {
    let one = s.replacingOccurrences(of: "\n", with: " ")
    return one.count > 100 ? String(one.prefix(99)) + "…" : one
  }

  /// A self-contained HTML page.
  package static func html(_ r: ParallelReport) -> String {
    let r = r.displayable
    var body =
      "<h1>Swedish version: \(HTML.esc(r.svPath)) against \(HTML.esc(r.fiPath)) at \(HTML.esc(r.revision))</h1>\n"
    body += "<p>\(HTML.esc(headline(r)))</p>\n<ul>\n"
    for f in r.findings {
      body += "<li class=\"\(f.kind.rawValue)\">\(HTML.esc(describe(f)))"
      if f.kind == .finnishChanged {
        let inner = f.segments.map { HTML.segments($0) } ?? HTML.esc(f.fi.text ?? "")
        body += "<p lang=\"fi\">\(inner)</p><p lang=\"sv\">\(HTML.esc(f.sv.text ?? ""))</p>"
      }
      body += "</li>\n"
    }
    body += "</ul>\n"
    return HTML.page(title: "Swedish version: \(r.svPath)", lang: "en", body: body)
  }

  /// The `redline.parallel/1` JSON (docs/views.md).
  package static func json(_ r: ParallelReport) -> [UInt8] {
    JSONWriter.document(schema: schema) { w in
      w.members(["revision": r.revision, "fi_path": r.fiPath, "sv_path": r.svPath])
      HistoryRenderer.version(&w, "base", r.base)
      w.value("in_sync", r.inSync)
      w.value("paired_sections", r.pairedSections)
      w.value("paired_blocks", r.pairedBlocks)
      w.object("counts") { w in
        for k in ParallelFinding.Kind.allCases { w.value(JSONKey(k.rawValue), r.counts[k] ?? 0) }
      }
      w.beginArray("findings")
      for f in r.findings {
        w.object { w in
          w.value("kind", f.kind.rawValue)
          w.value("fi", f.fi.label)
          w.value("sv", f.sv.label)
          w.value("fi_text", f.fi.text)
          w.value("sv_text", f.sv.text)
          w.segments("segments", f.segments)
          HistoryRenderer.version(&w, "fi_version", f.fi.version)
          HistoryRenderer.version(&w, "sv_version", f.sv.version)
          w.value("fi_count", f.fi.count)
          w.value("sv_count", f.sv.count)
          w.strings("fi_only", f.fi.only)
          w.strings("sv_only", f.sv.only)
        }
      }
      w.endArray()
    }
  }

  /// The status of the Swedish version as a Markdown section for the consultation
  /// summary (`summary --parallel SV_PATH`), in Finnish (`fi`), Swedish (`sv`) or English.
  package static func summarySection(_ r: ParallelReport, language: String) -> String {
    SwedishStatus.markdown(r.displayable, Localization(Localization.Language(rawValue: language) ?? .fi))
  }
}
