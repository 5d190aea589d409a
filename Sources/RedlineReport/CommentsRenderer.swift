import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReview

/// `redline comments` output: terminal, Markdown, and the `redline.comments/2` JSON contract.
package enum CommentsRenderer {
  package static let schema = "redline.comments/2"

  /// Where the thread points now: `§3.3 ¶1 (line 120)`, or `§3.3 (line 118)` for a section.
  package static func currentLabel(_ r: ThreadReport, _ report: CommentsReport, language: Localization.Language = .en)
    -> String?
  {
    guard let t = r.thread, let doc = report.documents[t.anchor.path] else { return nil }
    let l = Localization(language)
    if let i = r.placement.block { return l.onLine(doc.blocks[i].label, doc.blocks[i].line) }
    if let s = r.placement.section { return l.onLine(doc.sections[s].label, doc.sections[s].line) }
    return nil
  }

  /// What the anchor points at, in words: `on §3.1 ¶2`, `kohtaan §3.1 ¶2`, `på rubriken §3.3`.
  static func target(_ a: Anchor, _ l: Localization) -> String { l.commentTarget(a.kind, a.label) }

  /// The version a thread was made on: `v1`, or `WORKTREE (unsaved text, based on 1a2b3c4)`.
  static func version(_ a: Anchor, _ l: Localization) -> String {
    a.isUnsaved ? l.unsaved(base: a.base) : a.revision
  }

  /// Where a resolve or reopen was done: its tag, else the short commit id.
  static func at(_ e: ThreadEvent) -> String {
    if let r = e.revision, !r.isEmpty, r != "HEAD" { return r }
    return e.commit.map { String($0.prefix(7)) } ?? "?"
  }

  /// A comment body for the terminal: control characters made visible before any colour
  /// is added (so a body cannot carry Redline's own colour codes), CR folded to a line
  /// break, continuation lines indented under the first, so a body cannot forge a line.
  static func body(_ s: String, indent: String) -> String {
    TerminalText.clean(fold(s)).split(separator: "\n", omittingEmptySubsequences: false).joined(
      separator: "\n" + indent)
  }

  /// CR LF and lone CR become LF.
  package static func fold(_ s: String) -> String {
    s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }

  /// `lainaus` → `Lainaus`: a label opening a Markdown line.
  static func capitalized(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

  /// The terminal or Markdown listing in the reader's language (`fi`, `sv`, `en`): the
  /// consultation's words for statuses and dispositions, dates as `16.10.2023`.
  package static func text(
    _ report: CommentsReport, markdown md: Bool, color: Bool = false, language: Localization.Language = .en
  ) -> String {
    let l = Localization(language)
    let title = l[.commentsAt, report.revision]
    var out = md ? "# \(esc(title, md))\n\n" : "\(title)\(report.commit.map { " (\($0.prefix(7)))" } ?? ""): "
    var counts: [ThreadStatus: Int] = [:]
    var respondents = Set<String>()
    for t in report.threads {
      counts[t.placement.status, default: 0] += 1
      if let who = t.thread?.opening.author.name { respondents.insert(who) }
    }
    let ordered = ThreadStatus.allCases.compactMap { s in counts[s].map { (s, $0) } }
    out += l.commentCounts(report.threads.count, respondents: respondents.count, ordered) + "\n"
    for r in report.threads {
      out += "\n"
      let status = l.statusLabel(r.placement.status).uppercased()
      guard let t = r.thread else {
        let err = fold(r.error ?? "")
        out +=
          md
          ? "## \(esc(r.id, md)) — \(status)\n\n\(esc(err, md))\n"
          : "\(r.id)  \(status)  \(body(err, indent: "    "))\n"
        continue
      }
      let who = t.opening.author.name
      let date = l.date(t.opening.time)
      let on = target(t.anchor, l) + " " + l[.atVersion, version(t.anchor, l)]
      if r.placement.status == .notYetMade {
        let w = l[.madeAfter, report.revision] + ", " + on
        out +=
          md
          ? "## \(esc(r.id, md)) — \(status)\n\n*\(esc(who, md)), \(date), \(esc(w, md))*\n"
          : "\(r.id)  \(status)  \(who), \(date), \(w)\n"
        continue
      }
      var place = on
      if let now = currentLabel(r, report, language: language) {
        place +=
          ", "
          + (r.placement.status == .merged
            ? l[.mergedInto, now] : (r.placement.moved ? l[.movedTo, now] : l[.nowAt, now]))
      }
      if ![.diff, .none, .containment].contains(r.placement.matchedBy) {
        place += " " + l.foundBy(r.placement.matchedBy, confidence: r.placement.confidence)
      }
      if md {
        out +=
          "## \(esc(r.id, md)) — \(status)\n\n*\(esc(who, md)), \(date), \(esc(place, md))*\n\n> \(esc(fold(t.opening.body), md))\n\n"
      } else {
        let s = color ? "\u{1B}[1m\(status)\u{1B}[0m" : status
        out +=
          "\(r.id)  \(s)  \(body(who, indent: "    ")), \(date), \(place)\n    “\(body(t.opening.body, indent: "     "))”\n"
      }
      if let q = t.anchor.quote {
        out +=
          md ? "\(capitalized(l[.quoted])): “\(esc(q, md))”\n\n" : "    \(l[.quoted]): “\(body(q, indent: "     "))”\n"
      }
      var previous: Disposition?
      for e in t.events.dropFirst() {
        let d = l.date(e.time)
        let name = md ? esc(e.author.name, md) : body(e.author.name, indent: "      ")
        let text = md ? esc(fold(e.body), md) : body(e.body, indent: "      ")
        switch e.kind {
        case .reply:
          out += md ? "- \(l[.replyBy, name]), \(d): \(text)\n" : "    ↳ \(name), \(d): \(text)\n"
        case .resolve:
          let note = e.body.isEmpty ? "" : ": \(text)"
          let what = e.change ? l.dispositionChanged(to: e.disposition, was: previous) : l.resolved(e.disposition)
          previous = e.disposition
          out +=
            md
            ? "- \(what)\(l.byAt(name, esc(at(e), md))), \(d)\(note)\n"
            : "    ✓ \(what)\(l.byAt(name, at(e))), \(d)\(note)\n"
        case .reopen:
          previous = nil
          let note = e.body.isEmpty ? "" : ": \(text)"
          out +=
            md
            ? "- \(l[.reopened])\(l.byAt(name, esc(at(e), md))), \(d)\(note)\n"
            : "    ↺ \(l[.reopened])\(l.byAt(name, at(e))), \(d)\(note)\n"
        case .comment:
          break
        }
      }
      if let why = r.placement.reason {
        out +=
          md
          ? "\n\(capitalized(l[.note])): \(esc(fold(why), md))\n" : "    \(l[.note]): \(body(why, indent: "      "))\n"
      }
      if let segs = r.placement.changes,
        r.placement.status == .addressed || r.placement.status == .resolved || r.placement.status == .merged
      {
        let redline = segs.map { s -> String in
          switch s.op {
          case .equal: return md ? esc(s.text, md) : s.text
          case .insert:
            return md ? "<ins>\(esc(s.text, md))</ins>" : (color ? "\u{1B}[32;4m\(s.text)\u{1B}[0m" : "{+\(s.text)+}")
          case .delete:
            return md ? "<del>\(esc(s.text, md))</del>" : (color ? "\u{1B}[31;9m\(s.text)\u{1B}[0m" : "[-\(s.text)-]")
          }
        }.joined()
        out +=
          md
          ? "\n\(l[.changedInResponse]): \(redline)\n" : "    \(l[.changedSince]): \(body(redline, indent: "      "))\n"
      } else if r.placement.status == .outdated {
        out +=
          md
          ? "\n\(l[.wasDeleted]): <del>\(esc(t.anchor.text, md))</del>\n"
          : "    \(l[.deletedParagraph]): [-\(body(t.anchor.text, indent: "      "))-]\n"
      }
    }
    return out
  }

  /// Markdown-escaped, with line breaks as `<br>` so a comment cannot start a heading.
  static func esc(_ s: String, _ md: Bool) -> String {
    md ? DiffText.esc(s, md).replacingOccurrences(of: "\n", with: "<br>") : s
  }

  /// `16.10.2023`: the day in Helsinki, as every listing writes dates (`DateText`).
  static func date(_ t: Int64) -> String { DateText.finnish(t) }

  /// The `redline.comments/2` JSON (documented in docs/json-comments.md).
  package static func json(_ report: CommentsReport) -> [UInt8] {
    JSONWriter.document(schema: schema) { w in
      w.members(["revision": report.revision, "commit": report.commit])
      w.beginArray("threads")
      for r in report.threads {
        w.object { w in thread(&w, r, report) }
      }
      w.endArray()
    }
  }

  /// One thread of `redline.comments/2`: its anchor, where it is now and its events, or
  /// the error of an unreadable file.
  static func thread(_ w: inout JSONWriter, _ r: ThreadReport, _ report: CommentsReport) {
    w.value("id", r.id)
    w.value("status", r.placement.status.rawValue)
    if let t = r.thread {
      let a = t.anchor
      anchor(&w, a)
      w.object("current", current(r.placement, report.documents[a.path])) { w, c in
        w.members(["section": c.section, "label": c.label, "line": c.line, "text": c.text])
      }
      w.value("moved", r.placement.moved)
      w.value("matched_by", r.placement.matchedBy.rawValue)
      w.value("problem", r.placement.reason)
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
      for e in t.events where e.kind.isResolution { event(&w, e) }
      w.endArray()
      if let segs = r.placement.changes { w.segments("changes", segs) }
    } else {
      w.value("error", r.error)
    }
  }

  /// The anchor as the thread file has it, and whether it was unsaved text.
  static func anchor(_ w: inout JSONWriter, _ a: Anchor) {
    w.object("anchor") { w in
      w.members([
        "path": a.path,
        "commit": a.commit,
        "revision": a.revision,
        "section": a.section,
        "label": a.label,
        "index": a.index,
        "text": a.text,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "quote": a.quote,
        "kind": a.kind.rawValue,
        "base": a.base,
        "unsaved": a.isUnsaved,
      ])
    }
  }

  /// Where a placed thread is at the revision: a section (for a heading or section
  /// comment) or a block, with its heading path, label, line and text.
  static func current(
    _ p: Placement, _ doc: Document?
  ) -> (section: [String], label: String, line: Int, text: String)? {
    guard let doc else { return nil }
    if let s = p.section {
      return (doc.headingPath(of: s), doc.sections[s].label, doc.sections[s].line, doc.sections[s].heading)
    }
    guard let i = p.block else { return nil }
    let b = doc.blocks[i]
    return (doc.headingPath(of: b.section), b.label, b.line, b.text)
  }

  static func person(_ w: inout JSONWriter, _ k: JSONKey, _ p: Person) {
    w.object(k) { w in w.members(["name": p.name, "email": p.email]) }
  }

  static func event(_ w: inout JSONWriter, _ e: ThreadEvent) {
    w.object { w in
      w.value("type", e.kind.rawValue)
      person(&w, "author", e.author)
      w.value("time", Int(e.time))
      w.value("body", e.body)
      if e.kind != .reply {
        w.value("revision", e.revision)
        w.value("commit", e.commit)
        w.value("disposition", e.disposition?.rawValue)
        if e.kind == .resolve { w.value("change", e.change) }
      }
    }
  }
}
