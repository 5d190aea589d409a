import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReview

/// `redline comments` output: terminal, Markdown, and the `redline.comments/1` JSON contract.
public enum CommentsRenderer {
  public static let schema = "redline.comments/1"

  /// Where the thread points now: `§3.3 ¶1 (line 120)`.
  public static func currentLabel(_ r: ThreadReport, _ report: CommentsReport) -> String? {
    guard let t = r.thread, let i = r.placement.block, let doc = report.documents[t.anchor.path] else { return nil }
    return "\(doc.blocks[i].label) (line \(doc.blocks[i].line))"
  }

  public static func text(_ report: CommentsReport, markdown md: Bool, color: Bool = false) -> String {
    var out = md ? "# Comments at \(report.revision)\n\n" : "Comments at \(report.revision)\(report.commit.map { " (\($0.prefix(7)))" } ?? ""): "
    var counts: [ThreadStatus: Int] = [:]
    for t in report.threads { counts[t.placement.status, default: 0] += 1 }
    let line = ThreadStatus.allCases.compactMap { s in counts[s].map { "\($0) \(s.rawValue)" } }.joined(separator: ", ")
    let n = report.threads.count
    out += (n == 0 ? "no threads" : "\(n) \(n == 1 ? "thread" : "threads"): " + line) + "\n"
    for r in report.threads {
      out += "\n"
      let status = r.placement.status.rawValue.uppercased()
      guard let t = r.thread else {
        out += md ? "## \(r.id) — \(status)\n\n\(esc(r.error ?? "", md))\n" : "\(r.id)  \(status)  \(r.error ?? "")\n"
        continue
      }
      let who = t.opening.author.name
      let date = Self.date(t.opening.time)
      var where_ = "on \(t.anchor.label) at \(t.anchor.revision)"
      if let now = currentLabel(r, report) {
        where_ += r.placement.moved ? ", moved to \(now)" : ", now \(now)"
      }
      if r.placement.matchedBy != "diff" && r.placement.matchedBy != "none" {
        where_ += " [found by \(r.placement.matchedBy), confidence \(String(format: "%.2f", r.placement.confidence))]"
      }
      if md {
        out += "## \(r.id) — \(status)\n\n*\(esc(who, md)), \(date), \(esc(where_, md))*\n\n> \(esc(t.opening.body, md))\n\n"
      } else {
        let s = color ? "\u{1B}[1m\(status)\u{1B}[0m" : status
        out += "\(r.id)  \(s)  \(who), \(date), \(where_)\n    “\(t.opening.body)”\n"
      }
      for e in t.events.dropFirst() {
        let d = Self.date(e.time)
        switch e.kind {
        case .reply:
          out += md ? "- reply by \(esc(e.author.name, md)), \(d): \(esc(e.body, md))\n" : "    ↳ \(e.author.name), \(d): \(e.body)\n"
        case .resolve:
          let disp = e.disposition.map { " (\($0.rawValue.replacingOccurrences(of: "_", with: " ")))" } ?? ""
          let note = e.body.isEmpty ? "" : ": \(e.body)"
          out += md
            ? "- resolved\(disp) by \(esc(e.author.name, md)) at \(e.revision ?? "?"), \(d)\(esc(note, md))\n"
            : "    ✓ resolved\(disp) by \(e.author.name) at \(e.revision ?? "?"), \(d)\(note)\n"
        case .reopen:
          out += md ? "- reopened by \(esc(e.author.name, md)), \(d)\n" : "    ↺ reopened by \(e.author.name), \(d)\(e.body.isEmpty ? "" : ": " + e.body)\n"
        case .comment:
          break
        }
      }
      if let segs = r.placement.changes, r.placement.status == .addressed || r.placement.status == .resolved {
        let redline = segs.map { s -> String in
          switch s.op {
          case .equal: return md ? esc(s.text, md) : s.text
          case .insert: return md ? "<ins>\(esc(s.text, md))</ins>" : (color ? "\u{1B}[32;4m\(s.text)\u{1B}[0m" : "{+\(s.text)+}")
          case .delete: return md ? "<del>\(esc(s.text, md))</del>" : (color ? "\u{1B}[31;9m\(s.text)\u{1B}[0m" : "[-\(s.text)-]")
          }
        }.joined()
        out += md ? "\nChanged since the comment: \(redline)\n" : "    changed since: \(redline)\n"
      } else if r.placement.status == .outdated {
        out += md ? "\nThe paragraph was deleted: <del>\(esc(t.anchor.text, md))</del>\n" : "    deleted paragraph: [-\(t.anchor.text)-]\n"
      }
    }
    return out
  }

  /// Markdown-escaped, with line breaks as `<br>` so a comment cannot start a heading.
  static func esc(_ s: String, _ md: Bool) -> String {
    md ? DiffText.esc(s, md).replacingOccurrences(of: "\n", with: "<br>") : s
  }

  /// `2023-10-20` (UTC).
  static func date(_ t: Int64) -> String {
    let f = DateFormatter()
    f.locale = Locale(identifier: "en_US_POSIX")
    f.timeZone = TimeZone(identifier: "Europe/Helsinki")
    f.dateFormat = "yyyy-MM-dd"
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
  }

  /// The `redline.comments/1` JSON (documented in docs/json-comments.md).
  public static func json(_ report: CommentsReport) -> [UInt8] {
    var w = JSONWriter(pretty: true)
    w.beginObject()
    w.value("schema", schema)
    w.value("revision", report.revision)
    w.value("commit", report.commit)
    w.beginArray("threads")
    for r in report.threads {
      w.beginObject()
      w.value("id", r.id)
      w.value("status", r.placement.status.rawValue)
      if let t = r.thread {
        let a = t.anchor
        w.beginObject("anchor")
        w.value("path", a.path)
        w.value("commit", a.commit)
        w.value("revision", a.revision)
        w.strings("section", a.section)
        w.value("label", a.label)
        w.value("index", a.index)
        w.value("text", a.text)
        w.value("prefix", a.prefix)
        w.value("suffix", a.suffix)
        w.value("quote", a.quote)
        w.endObject()
        if let i = r.placement.block, let doc = report.documents[a.path] {
          let b = doc.blocks[i]
          w.beginObject("current")
          w.strings("section", doc.headingPath(of: b.section))
          w.value("label", b.label)
          w.value("line", b.line)
          w.value("text", b.text)
          w.endObject()
        } else {
          w.null("current")
        }
        w.value("moved", r.placement.moved)
        w.value("matched_by", r.placement.matchedBy)
        w.value("confidence", r.placement.confidence)
        w.value("disposition", t.disposition?.rawValue)
        w.value("reason", t.isResolved ? t.lastResolution?.body : nil)
        person(&w, "author", t.opening.author)
        w.value("time", Int(t.opening.time))
        w.value("body", t.opening.body)
        w.beginArray("replies")
        for e in t.replies { event(&w, e) }
        w.endArray()
        w.beginArray("resolutions")
        for e in t.events where e.kind == .resolve || e.kind == .reopen { event(&w, e) }
        w.endArray()
        if let segs = r.placement.changes { w.segments("changes", segs) }
      } else {
        w.value("error", r.error)
      }
      w.endObject()
    }
    w.endArray()
    w.endObject()
    return w.bytes + [0x0A]
  }

  static func person(_ w: inout JSONWriter, _ k: String, _ p: Person) {
    w.beginObject(k)
    w.value("name", p.name)
    w.value("email", p.email)
    w.endObject()
  }

  static func event(_ w: inout JSONWriter, _ e: ThreadEvent) {
    w.beginObject()
    w.value("type", e.kind.rawValue)
    person(&w, "author", e.author)
    w.value("time", Int(e.time))
    w.value("body", e.body)
    if e.kind != .reply {
      w.value("revision", e.revision)
      w.value("commit", e.commit)
      w.value("disposition", e.disposition?.rawValue)
    }
    w.endObject()
  }
}
