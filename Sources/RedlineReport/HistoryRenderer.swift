import Foundation
import RedlineDiff

/// Renders a paragraph's history (`redline history`): terminal, Markdown, HTML, JSON.
package enum HistoryRenderer {
  package static let schema = "redline.history/1"

  /// `changed in v2 (Mikko Korhonen, 27.11.2023)`.
  static func verb(_ c: BlockChangeKind) -> String {
    switch c {
    case .created: return "created in"
    case .changed: return "changed in"
    case .moved: return "moved in"
    case .merged: return "merged in"
    case .split: return "split off in"
    }
  }

  /// A version as a person names it: `v2 (Mikko Korhonen, 27.11.2023)`.
  static func who(_ v: VersionInfo) -> String { "\(v.name) (\(v.author), \(v.date))" }

  /// `after the comment of Etelä-Savon liitto (20.11.2023): “…”, taken into account`.
  static func threadLine(_ t: ThreadNote, _ md: Bool) -> String {
    let status = md ? "*\(t.statusWords)*" : t.statusWords
    return
      "after the comment of \(DiffText.esc(t.author, md)) (\(VersionInfo.finnishDate(t.time)), thread \(t.id)): “\(DiffText.esc(t.excerpt, md))”, \(status)"
  }

  /// What a shallow clone's history says where it stops.
  static let shallowNote = "history stops here: this is a shallow clone; `git fetch --unshallow` fetches the rest"

  /// "created in", except at a shallow clone's boundary, where the text only goes back to.
  static func verb(_ e: HistoryEntry, _ h: BlockHistory) -> String {
    h.shallow && e.version == 0 && e.change == .created ? "already in" : verb(e.change)
  }

  /// `commit abc1234 · message · as old-name.md`; the working tree is "not committed" once.
  static func meta(_ v: VersionInfo, _ h: BlockHistory) -> String {
    var meta = v.commit.map { "commit \(String($0.prefix(7)))" } ?? "not committed"
    if !v.summary.isEmpty, v.summary != meta { meta += " · " + v.summary }
    if v.path != h.path { meta += " · as \(v.path)" }
    return meta
  }

  /// `changed in v2 (Mikko Korhonen, 27.11.2023): §3.3 ¶1 (was §3.2 ¶1)`, with the blocks
  /// it was merged with or split from.
  static func entryLine(_ e: HistoryEntry, _ v: VersionInfo, _ h: BlockHistory) -> String {
    var line = "\(verb(e, h)) \(who(v)): \(e.label)"
    if let o = e.oldLabel, o != e.label { line += " (was \(o))" }
    if !e.sources.isEmpty { line += (e.change == .split ? " from " : " with ") + e.sources.joined(separator: ", ") }
    return line
  }

  /// Terminal (plain or colour) or Markdown text.
  package static func text(_ h: BlockHistory, style: DiffText.Style) -> String {
    let h = h.displayable
    let md = style == .markdown
    var out =
      md
      ? "# History of \(DiffText.esc(h.label, md)) in \(DiffText.esc(h.path, md)) at \(DiffText.esc(h.revision, md))\n\n"
      : "History of \(h.label) in \(h.path) at \(h.revision)\n"
    out +=
      (md ? "> " : "  ") + DiffText.esc(h.text, md).replacingOccurrences(of: "\n", with: md ? "<br>" : "\n  ") + "\n\n"
    if !h.openThreads.isEmpty {
      out += (md ? "**Open since the last change:**\n\n" : "Since the last change:\n")
      for t in h.openThreads {
        out +=
          (md ? "- " : "    ")
          + "comment of \(DiffText.esc(t.author, md)) (\(VersionInfo.finnishDate(t.time)), thread \(t.id)): “\(DiffText.esc(t.excerpt, md))”, \(t.status.replacingOccurrences(of: "_", with: " "))\n"
      }
      out += "\n"
    }
    for e in h.entries {
      let v = h.versions[e.version]
      let line = entryLine(e, v, h)
      let meta = meta(v, h)
      out += md ? "## \(DiffText.esc(line, md))\n\n\(DiffText.esc(meta, md))\n\n" : line + "\n    " + meta + "\n"
      for t in e.threads { out += (md ? "- " : "    ") + threadLine(t, md) + "\n" }
      if md, !e.threads.isEmpty { out += "\n" }
      if let segs = e.segments {
        out +=
          (md ? "" : "      ")
          + DiffText.segments(segs, style).replacingOccurrences(of: "\n", with: md ? "<br>" : "\n      ") + "\n"
      } else if e.change == .created || e.change == .split {
        out +=
          (md ? "" : "      ") + DiffText.esc(e.text, md).replacingOccurrences(of: "\n", with: md ? "<br>" : "\n      ")
          + "\n"
      }
      out += md ? "\n" : "\n"
    }
    if h.entries.isEmpty { out += "no version changed it\n" }
    if h.shallow { out += "(\(shallowNote))\n" }
    return out
  }

  /// A self-contained HTML page.
  package static func html(_ h: BlockHistory) -> String {
    let h = h.displayable
    var body = "<h1>History of \(HTML.esc(h.label)) in \(HTML.esc(h.path)) at \(HTML.esc(h.revision))</h1>\n"
    body += "<blockquote>\(HTML.esc(h.text))</blockquote>\n"
    if !h.openThreads.isEmpty {
      body += "<p><strong>Open since the last change:</strong></p><ul>"
      for t in h.openThreads {
        body +=
          "<li>\(HTML.esc(t.author)) (\(VersionInfo.finnishDate(t.time))): “\(HTML.esc(t.excerpt))”, \(HTML.esc(t.status))</li>"
      }
      body += "</ul>\n"
    }
    for e in h.entries {
      let v = h.versions[e.version]
      let line = entryLine(e, v, h)
      body += "<section><h2>\(HTML.esc(line))</h2>\n<p class=\"meta\">\(HTML.esc(meta(v, h)))</p>\n"
      if !e.threads.isEmpty {
        body += "<ul>" + e.threads.map { "<li>" + HTML.esc(threadLine($0, false)) + "</li>" }.joined() + "</ul>\n"
      }
      if let segs = e.segments {
        body += "<p>" + HTML.segments(segs) + "</p>\n"
      } else if e.change == .created || e.change == .split {
        body += "<p>" + HTML.esc(e.text) + "</p>\n"
      }
      body += "</section>\n"
    }
    if h.shallow { body += "<p class=\"meta\">(\(HTML.esc(shallowNote)))</p>\n" }
    return HTML.page(title: "History of \(h.label)", lang: "en", body: body)
  }

  /// The `redline.history/1` JSON (docs/views.md).
  package static func json(_ h: BlockHistory) -> [UInt8] {
    JSONWriter.document(schema: schema) { w in
      w.members(["path": h.path, "revision": h.revision, "label": h.label, "text": h.text])
      w.beginArray("entries")
      for e in h.entries {
        w.object { w in
          w.value("change", e.change.rawValue)
          version(&w, "version", h.versions[e.version])
          w.value("label", e.label)
          w.value("old_label", e.oldLabel)
          w.strings("sources", e.sources)
          w.segments("segments", e.segments)
          w.value("text", e.text)
          threads(&w, "threads", e.threads)
        }
      }
      w.endArray()
      threads(&w, "open_threads", h.openThreads)
      w.value("shallow", h.shallow)
    }
  }

  /// A version as the views' JSON writes it, or `null` when there is none.
  static func version(_ w: inout JSONWriter, _ k: JSONKey?, _ v: VersionInfo?) {
    w.object(k, v) { w, v in
      w.members([
        "name": v.name,
        "commit": v.commit,
        "tags": v.tags,
        "author": v.author,
        "email": v.email,
        "date": v.date,
        "time": Int(v.time),
        "summary": v.summary,
        "path": v.path,
      ])
    }
  }

  static func threads(_ w: inout JSONWriter, _ k: JSONKey, _ ts: [ThreadNote]) {
    w.beginArray(k)
    for t in ts {
      w.object { w in
        w.members([
          "id": t.id,
          "author": t.author,
          "date": VersionInfo.finnishDate(t.time),
          "status": t.status,
          "label": t.label,
          "excerpt": t.excerpt,
        ])
      }
    }
    w.endArray()
  }
}
