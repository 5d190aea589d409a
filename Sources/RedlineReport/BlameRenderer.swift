import Foundation
import RedlineDiff

/// Renders blame for prose (`redline blame`): terminal, Markdown, HTML, JSON.
package enum BlameRenderer {
  package static let schema = "redline.blame/1"

  /// Terminal (plain or colour) or Markdown text: one entry per block.
  /// The terminal columns are as wide as their longest entry, and the text excerpt fills
  /// the line up to `width` (at least 30 characters).
  package static func text(_ b: Blame, style: DiffText.Style, width: Int = 80) -> String {
    let b = b.displayable
    let md = style == .markdown
    let wLabel = b.blocks.map(\.label.count).max() ?? 0
    let wName = b.blocks.map { b.versions[$0.version].name.count }.max() ?? 0
    let wAuthor = b.blocks.map { b.versions[$0.version].author.count }.max() ?? 0
    let wDate = b.blocks.map { b.versions[$0.version].date.count }.max() ?? 0
    let indent = wLabel + 1
    let room = max(30, width - (wLabel + wName + wDate + wAuthor + 4))
    var out =
      md
      ? "# Blame of \(DiffText.esc(b.path, md)) at \(DiffText.esc(b.revision, md))\n\n"
      : "Blame of \(b.path) at \(b.revision)\n\n"
    if b.shallow { out += note(b) + "\n\n" }
    if md {
      out += "| block | version | author | date | how | threads before | text |\n|---|---|---|---|---|---|---|\n"
    }
    for l in b.blocks {
      let v = b.versions[l.version]
      let threads = l.threads.map { "\($0.id) (\($0.author), \($0.statusWords))" }
      if md {
        let cells = [
          l.label, v.name, v.author, v.date, l.change.rawValue, threads.joined(separator: "; "), excerpt(l.text, 80),
        ]
        out +=
          "| " + cells.map { DiffText.esc($0, true).replacingOccurrences(of: "\n", with: " ") }.joined(separator: " | ")
          + " |\n"
      } else {
        let head =
          pad(l.label, wLabel) + " " + pad(v.name, wName) + " " + pad(v.date, wDate) + " " + pad(v.author, wAuthor)
          + " "
        // Bold: one of the sequences TerminalText keeps (any other would show as ␛[…).
        let name = style == .color ? "\u{1B}[1m" + head + "\u{1B}[0m" : head
        out += name + excerpt(l.text, room) + "\n"
        if !threads.isEmpty {
          out += String(repeating: " ", count: indent) + "after " + threads.joined(separator: "; ") + "\n"
        }
      }
    }
    return out
  }

  /// At a shallow clone's boundary the oldest version is only as far back as the clone goes.
  static func note(_ b: Blame) -> String {
    "(\(b.versions.first?.name ?? "the oldest version") is a shallow clone's boundary: "
      + "blocks dated there may be older; `git fetch --unshallow` fetches the rest)"
  }

  static func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }

  /// The first `n` characters on one line.
  static func excerpt(_ s: String, _ n: Int) -> String {
    let one = s.replacingOccurrences(of: "\n", with: " ")
    return one.count > n ? String(one.prefix(n - 1)) + "…" : one
  }

  /// A self-contained HTML page: a table, one row per block.
  package static func html(_ b: Blame) -> String {
    let b = b.displayable
    var body = "<h1>Blame of \(HTML.esc(b.path)) at \(HTML.esc(b.revision))</h1>\n"
    if b.shallow { body += "<p>\(HTML.esc(note(b)))</p>\n" }
    body += "<table>\n"
    body +=
      "<thead><tr><th>block</th><th>version</th><th>author</th><th>date</th><th>how</th><th>threads before</th><th>text</th></tr></thead>\n<tbody>\n"
    for l in b.blocks {
      let v = b.versions[l.version]
      let threads = l.threads.map { "\($0.id) (\($0.author), \($0.statusWords))" }.joined(separator: "; ")
      body +=
        "<tr><td>\(HTML.esc(l.label))</td><td>\(HTML.esc(v.name))</td><td>\(HTML.esc(v.author))</td><td>\(HTML.esc(v.date))</td><td>\(l.change.rawValue)</td><td>\(HTML.esc(threads))</td><td>\(HTML.esc(l.text))</td></tr>\n"
    }
    body += "</tbody>\n</table>\n"
    return HTML.page(title: "Blame of \(b.path)", lang: "en", body: body)
  }

  /// The `redline.blame/1` JSON (docs/views.md): the versions once, blocks pointing at them.
  package static func json(_ b: Blame) -> [UInt8] {
    JSONWriter.document(schema: schema, capacity: 1 << 20) { w in
      w.members(["path": b.path, "revision": b.revision, "shallow": b.shallow])
      w.beginArray("versions")
      for v in b.versions { HistoryRenderer.version(&w, nil, v) }
      w.endArray()
      w.beginArray("blocks")
      for l in b.blocks {
        w.object { w in
          w.value("label", l.label)
          w.value("kind", l.kind.rawValue)
          w.value("line", l.line)
          w.value("version", l.version)
          w.value("change", l.change.rawValue)
          HistoryRenderer.threads(&w, "threads", l.threads)
          w.value("text", l.text)
        }
      }
      w.endArray()
    }
  }
}
