import Foundation
import RedlineDocument
import RedlineGit
import RedlineKit
import RedlineReport
import RedlineReview

/// Who is looking at a page and in which language: what every page needs for its chrome.
struct Viewer: Sendable {
  var person: Reviewer?
  var csrf: String
  var labels: Labels
  var path: String

  var lang: String { labels.language.rawValue }
  var mayComment: Bool { (person?.role ?? .reader) >= .reviewer }
  var mayResolve: Bool { person?.role == .drafter }
}

/// Server-rendered pages. All text goes through `HTML.esc`; pages load only same-origin
/// `/static/` files, so the Content-Security-Policy can forbid everything else.
enum Pages {
  static func esc(_ s: String) -> String { HTML.esc(s) }

  /// A query string from pairs, each part percent-encoded.
  static func query(_ pairs: [(String, String?)]) -> String {
    let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
    let parts = pairs.compactMap { k, v -> String? in
      guard let v, !v.isEmpty else { return nil }
      return k + "=" + (v.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
    }
    return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
  }

  static func page(_ v: Viewer, title: String, body: String) -> String {
    let l = v.labels
    var nav = "<nav class=\"top\"><a class=\"brand\" href=\"/\">\(esc(l[.app]))</a> "
    if v.person != nil {
      nav += "<a href=\"/\">\(esc(l[.versions]))</a> <a href=\"/dashboard\">\(esc(l[.dashboard]))</a> "
    }
    nav += "<span class=\"right\"><span class=\"langs\">\(esc(l[.language])): "
    for lang in Labels.Language.allCases {
      let here = lang == l.language
      nav +=
        here
        ? "<strong>\(lang.rawValue)</strong> "
        : "<a href=\"\(esc(v.path + (v.path.contains("?") ? "&" : "?") + "lang=" + lang.rawValue))\" hreflang=\"\(lang.rawValue)\">\(lang.rawValue)</a> "
    }
    nav += "</span>"
    if let p = v.person {
      nav +=
        "<span class=\"who\">\(esc(l[.signedInAs])) <strong>\(esc(p.name))</strong> (\(esc(l[name: p.role.rawValue])))</span> "
      nav +=
        "<form method=\"post\" action=\"/signout\" class=\"inline\">\(csrfField(v))<button type=\"submit\">\(esc(l[.signOut]))</button></form>"
    }
    nav += "</span></nav>\n"
    return """
      <!DOCTYPE html>
      <html lang="\(v.lang)">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(esc(title)) · Redline</title>
      <link rel="stylesheet" href="/static/redline.css">
      <script src="/static/redline.js" defer></script>
      </head>
      <body>
      \(nav)<main>
      \(body)
      </main>
      </body>
      </html>

      """
  }

  static func csrfField(_ v: Viewer) -> String {
    "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(v.csrf))\">"
  }

  /// The links that switch a page to another document of the same version(s): shown only
  /// when there are several, the current one in bold. `keep` are the page's other parameters.
  static func documentChooser(_ v: Viewer, docs: [String], current: String, page: String, keep: [(String, String?)])
    -> String
  {
    guard docs.count > 1 else { return "" }
    let links = docs.map { d in
      d == current
        ? "<strong aria-current=\"page\">\(esc(d))</strong>"
        : "<a href=\"\(esc(page + query(keep + [("doc", d)])))\">\(esc(d))</a>"
    }
    return
      "<nav class=\"docs\" aria-label=\"\(esc(v.labels[.document]))\">\(esc(v.labels[.document])): \(links.joined(separator: " · "))</nav>\n"
  }

  static func date(_ s: Signature) -> String { Views.date(s) }

  /// `2023-10-16 09:00` in Helsinki time (one shared date computation, no formatter per call).
  static func date(_ t: Int64) -> String { DateText.isoMinute(t, offsetMinutes: DateText.helsinkiOffset(t) / 60) }

  // MARK: Error and sign-in

  static func error(_ v: Viewer, status: Int, message: String) -> String {
    let l = v.labels
    return page(
      v, title: "\(l[.error]) \(status)",
      body:
        "<h1>\(esc(l[.error])) \(status)</h1>\n<p class=\"error\" role=\"alert\">\(esc(message))</p>\n<p><a href=\"/\">\(esc(l[.back]))</a></p>"
    )
  }

  static func signInNeeded(_ v: Viewer) -> String {
    page(
      v, title: v.labels[.signIn], body: "<h1>\(esc(v.labels[.signIn]))</h1>\n<p>\(esc(v.labels[.signInNeeded]))</p>"
    )
  }

  /// The sign-in page a link opens: a button that spends the link (so a mail scanner that
  /// only fetches the link does not use it up).
  static func signIn(_ v: Viewer, token: String, who: Reviewer) -> String {
    let l = v.labels
    return page(
      v, title: l[.signIn],
      body: """
        <h1>\(esc(l[.signIn]))</h1>
        <p>\(esc(l[.signInAs])) <strong>\(esc(who.name))</strong> &lt;\(esc(who.email))&gt; (\(esc(l[name: who.role.rawValue])))</p>
        <form method="post" action="/signin"><input type="hidden" name="token" value="\(esc(token))">
        <button type="submit" id="signin">\(esc(l[.signIn]))</button></form>
        <p class="meta">\(esc(l[.linkOnce]))</p>
        """)
  }

  // MARK: Versions

  static func versions(_ v: Viewer, doc: String, docs: [String], commits: [CommitInfo]) -> String {
    let l = v.labels
    var b = "<h1>\(esc(l[.versions])): \(esc(doc))</h1>\n"
    b += documentChooser(v, docs: docs, current: doc, page: "/", keep: [])
    let names = commits.map { $0.tags.first ?? $0.id.short }
    b +=
      "<table class=\"versions\"><thead><tr><th>\(esc(l[.version]))</th><th>\(esc(l[.date]))</th><th>\(esc(l[.author]))</th><th>\(esc(l[.message]))</th><th></th></tr></thead><tbody>\n"
    for (i, c) in commits.enumerated() {
      let name = names[i]
      let tags =
        c.tags.isEmpty
        ? "<code>\(esc(c.id.short))</code>" : c.tags.map { "<strong>\(esc($0))</strong>" }.joined(separator: ", ")
      b += "<tr><td><a href=\"/version\(query([("rev", name), ("doc", docs.count > 1 ? doc : nil)]))\">\(tags)</a></td>"
      b += "<td>\(esc(date(c.author)))</td><td>\(esc(c.author.name))</td><td>\(esc(c.summary))</td><td>"
      if i + 1 < commits.count {
        let prev = names[i + 1]
        b +=
          "<a class=\"cmp\" href=\"/compare\(query([("from", prev), ("to", name), ("doc", docs.count > 1 ? doc : nil)]))\">\(esc(l[.compare])) \(esc(prev)) → \(esc(name))</a>"
      }
      b += "</td></tr>\n"
    }
    b += "</tbody></table>\n"
    // Any two versions: the same document field and from/to pickers serve both forms.
    var versionPickers = docs.count > 1 ? "<input type=\"hidden\" name=\"doc\" value=\"\(esc(doc))\">" : ""
    for (field, label, pick) in [("from", l[.from], min(1, names.count - 1)), ("to", l[.to], 0)] {
      versionPickers += "<label>\(esc(label)) <select name=\"\(field)\">"
      for (i, n) in names.enumerated() {
        versionPickers += "<option value=\"\(esc(n))\"\(i == pick ? " selected" : "")>\(esc(n))</option>"
      }
      versionPickers += "</select></label> "
    }
    b += "<h2>\(esc(l[.compare]))</h2>\n<form method=\"get\" action=\"/compare\" class=\"pick\">"
    b += versionPickers
    b += "<button type=\"submit\">\(esc(l[.compare]))</button></form>\n"
    b += "<h2>\(esc(l[.summary]))</h2>\n<form method=\"get\" action=\"/summary\" class=\"pick\">"
    b += versionPickers
    b += "<label>\(esc(l[.language])) <select name=\"lang\">"
    for (code, name) in [("fi", "suomi"), ("sv", "svenska"), ("en", "English")] {
      b += "<option value=\"\(code)\"\(code == v.lang ? " selected" : "")>\(name)</option>"
    }
    b += "</select></label> "
    b +=
      "<label>\(esc(l[.download])) <select name=\"format\"><option value=\"html\">HTML</option><option value=\"md\">Markdown</option></select></label> "
    b += "<button type=\"submit\">\(esc(l[.download]))</button></form>\n"
    return page(v, title: l[.versions], body: b)
  }

  // MARK: One version

  static func commentForm(
    _ v: Viewer, rev: String, doc: String?, block: String?, section: String?, summary: String, quote: Bool
  )
    -> String
  {
    guard v.mayComment else { return "" }
    let l = v.labels
    var f =
      "<details class=\"act\"><summary>\(esc(summary))</summary><form method=\"post\" action=\"/comment\" class=\"comment\">"
    f += csrfField(v)
    f += "<input type=\"hidden\" name=\"rev\" value=\"\(esc(rev))\">"
    if let doc { f += "<input type=\"hidden\" name=\"doc\" value=\"\(esc(doc))\">" }
    if let block { f += "<input type=\"hidden\" name=\"block\" value=\"\(esc(block))\">" }
    if let section { f += "<input type=\"hidden\" name=\"section\" value=\"\(esc(section))\">" }
    if quote {
      f +=
        "<label>\(esc(l[.quote])) <input type=\"text\" name=\"quote\" class=\"quote\" maxlength=\"2000\" title=\"\(esc(l[.quoteHint]))\"></label>"
    }
    f +=
      "<label>\(esc(l[.commentNoun])) <textarea name=\"message\" rows=\"4\" required maxlength=\"20000\"></textarea></label>"
    f += "<button type=\"submit\">\(esc(l[.send]))</button></form></details>"
    return f
  }

  static func version(_ v: Viewer, _ ver: DocumentVersion, docs: [String], threads: [String: [ThreadReport]]) -> String
  {
    let l = v.labels
    let d = ver.document
    let docParam: String? = ver.path
    var b = "<h1>\(esc(ver.path)) · \(esc(l[.version])) \(esc(ver.revision))</h1>\n"
    b += documentChooser(v, docs: docs, current: ver.path, page: "/version", keep: [("rev", ver.revision)])
    if let c = ver.commit { b += "<p class=\"meta\"><code>\(esc(c.short))</code></p>\n" }
    if !v.mayComment, v.person != nil { b += "<p class=\"note\">\(esc(l[.readOnly]))</p>\n" }
    if v.mayComment { b += "<p class=\"note\">\(esc(l[.quoteHint]))</p>\n" }
    b += "<nav class=\"toc\" aria-label=\"\(esc(l[.contents]))\"><h2>\(esc(l[.contents]))</h2><ul>\n"
    for s in d.sections.dropFirst() {
      b += "<li class=\"lvl\(s.level)\"><a href=\"#s\(s.index)\">\(esc(s.heading))</a></li>\n"
    }
    b += "</ul></nav>\n"
    for s in d.sections {
      if s.index > 0 {
        let h = min(6, s.level + 1)
        b +=
          "<section class=\"sec\" id=\"s\(s.index)\"><h\(h)><span class=\"label\">\(esc(s.label))</span> \(esc(s.heading))</h\(h)>"
        b += commentForm(
          v, rev: ver.revision, doc: docParam, block: nil, section: s.label, summary: l[.commentSection], quote: false)
        b += "\n"
      } else if !s.blockRange.isEmpty {
        b += "<section class=\"sec\" id=\"s0\">\n"
      } else {
        continue
      }
      for i in s.blockRange {
        let bl = d.blocks[i]
        let n = threads[bl.label]?.count ?? 0
        b += "<div class=\"para \(bl.kind.rawValue)\" id=\"b\(i)\" data-label=\"\(esc(bl.label))\">"
        b += "<span class=\"label\">\(esc(bl.label))</span>"
        if n > 0 {
          let links = threads[bl.label]!.map {
            "<a href=\"/thread/\(esc($0.id))\">\(esc(l[name: $0.placement.status.rawValue]))</a>"
          }
          b += "<span class=\"badge\">\(n) · \(links.joined(separator: ", "))</span>"
        }
        b += "<div class=\"text\">\(esc(bl.text))</div>"
        b += commentForm(
          v, rev: ver.revision, doc: docParam, block: bl.label, section: nil, summary: l[.comment], quote: true)
        b += "</div>\n"
      }
      b += "</section>\n"
    }
    return page(v, title: "\(ver.revision) · \(ver.path)", body: b)
  }

  // MARK: Comparison

  /// The `diff --format html` body with a comment action inserted at the top of each
  /// changed block, when the blocks on the page are the changed blocks in order.
  static func comparison(
    _ v: Viewer, _ c: Comparison, diffBody: String, docs: [String], threads: [String: [ThreadReport]] = [:]
  ) -> String {
    let l = v.labels
    let docParam: String? = docs.count > 1 ? c.newRef.path : nil
    var b = documentChooser(
      v, docs: docs, current: c.newRef.path, page: "/compare",
      keep: [("from", c.oldRef.revision), ("to", c.newRef.revision)])
    b +=
      "<p class=\"meta\"><a href=\"/version\(query([("rev", c.oldRef.revision), ("doc", docParam)]))\">\(esc(l[.read])) \(esc(c.oldRef.revision))</a> · "
    b +=
      "<a href=\"/version\(query([("rev", c.newRef.revision), ("doc", docParam)]))\">\(esc(l[.read])) \(esc(c.newRef.revision))</a> · "
    b +=
      "<a href=\"/summary\(query([("from", c.oldRef.revision), ("to", c.newRef.revision), ("doc", docParam), ("lang", v.lang), ("format", "html")]))\">\(esc(l[.summary])) (HTML)</a> · "
    b +=
      "<a href=\"/summary\(query([("from", c.oldRef.revision), ("to", c.newRef.revision), ("doc", docParam), ("lang", v.lang), ("format", "md")]))\">Markdown</a></p>\n"
    if v.mayComment { b += "<p class=\"note\">\(esc(l[.quoteHint]))</p>\n" }
    // Each block DiffHTML shows starts `<div class="block STATUS"><span class="tag">LABEL · …`;
    // the label names the new version's block, or the old one's when it was deleted.
    var newLabels: [String: String] = [:]
    for bl in c.diff.new.blocks { newLabels[esc(bl.label)] = bl.label }
    var oldLabels: [String: String] = [:]
    for bl in c.diff.old.blocks { oldLabels[esc(bl.label)] = bl.label }
    let marker = "<div class=\"block "
    let pieces = diffBody.components(separatedBy: marker)
    var out = pieces[0]
    for piece in pieces.dropFirst() {
      out += marker
      guard let close = piece.range(of: "\">"),
        let tagStart = piece.range(of: "<span class=\"tag\">", range: close.upperBound..<piece.endIndex),
        let tagEnd = piece.range(of: " · ", range: tagStart.upperBound..<piece.endIndex)
          ?? piece.range(of: "</span>", range: tagStart.upperBound..<piece.endIndex)
      else {
        out += piece
        continue
      }
      let status = piece[..<close.lowerBound].split(separator: " ").first.map(String.init) ?? ""
      let shownLabel = String(piece[tagStart.upperBound..<tagEnd.lowerBound])
      let deleted = status == "deleted"
      guard let label = deleted ? oldLabels[shownLabel] : newLabels[shownLabel] else {
        out += piece
        continue
      }
      let ref = deleted ? c.oldRef : c.newRef
      out += piece[..<close.upperBound]
      if let ts = threads[(ref.commit ?? "") + "|" + label], !ts.isEmpty {
        let links = ts.map { "<a href=\"/thread/\(esc($0.id))\">\(esc(l[name: $0.placement.status.rawValue]))</a>" }
        out += "<span class=\"badge\">\(esc(l[.comments])): \(ts.count) · \(links.joined(separator: ", "))</span>"
      }
      out += commentForm(
        v, rev: ref.revision, doc: ref.path, block: label, section: nil,
        summary: l[.comment] + " " + label + " (" + ref.revision + ")", quote: true)
      out += piece[close.upperBound...]
    }
    b += out
    return page(
      v, title: "\(l[.compareTitle]) \(c.oldRef.revision) → \(c.newRef.revision)",
      body: "<div class=\"diff\">\n" + b + "</div>")
  }

  // MARK: Threads

  static func statusBadge(_ l: Labels, _ t: ThreadReport) -> String {
    var s =
      "<span class=\"status st-\(t.placement.status.rawValue)\">\(esc(l[name: t.placement.status.rawValue]))</span>"
    if let d = t.thread?.disposition { s += " <span class=\"disp\">\(esc(l[name: d.rawValue]))</span>" }
    return s
  }

  static func thread(_ v: Viewer, _ t: ThreadReport) -> String {
    let l = v.labels
    guard let th = t.thread else {
      return page(
        v, title: l[.thread],
        body: "<h1>\(esc(l[.thread])) \(esc(t.id))</h1><p class=\"error\">\(esc(t.error ?? ""))</p>")
    }
    let a = th.anchor
    var b = "<h1>\(esc(l[.thread])) <code>\(esc(th.id))</code></h1>\n"
    b += "<p>\(esc(l[.statusNow])): \(statusBadge(l, t))</p>\n"
    b +=
      "<dl class=\"meta\"><dt>\(esc(l[.paragraph]))</dt><dd><a href=\"/version\(query([("rev", a.revision), ("doc", a.path)]))#b\(a.index)\">\(esc(a.label))</a> \(esc(l[.onVersion])) \(esc(a.revision)) · \(esc(a.path))</dd>"
    b += "<dt>\(esc(l[.section]))</dt><dd>\(esc(a.section.joined(separator: " › ")))</dd></dl>\n"
    var text = esc(a.text)
    if let q = a.quote, !q.isEmpty, let r = a.text.range(of: q) {
      text = esc(String(a.text[..<r.lowerBound])) + "<mark>" + esc(q) + "</mark>" + esc(String(a.text[r.upperBound...]))
    }
    b += "<blockquote class=\"anchor\">\(text)</blockquote>\n"
    if let changes = t.placement.changes, t.placement.status == .addressed {
      b += "<p class=\"meta\">\(esc(l[.nowAt])) HEAD:</p><blockquote>\(HTML.segments(changes))</blockquote>\n"
    }
    b += "<h2>\(esc(l[.history]))</h2>\n<ol class=\"events\">\n"
    for e in th.events {
      let verb: String
      switch e.kind {
      case .comment: verb = l[.commentNoun]
      case .reply: verb = l[.reply]
      case .resolve: verb = l[.resolved] + (e.disposition.map { " · " + l[name: $0.rawValue] } ?? "")
      case .reopen: verb = l[.reopen]
      }
      b +=
        "<li class=\"ev ev-\(e.kind.rawValue)\"><p class=\"meta\"><strong>\(esc(e.author.name))</strong> · \(esc(verb)) · \(esc(date(e.time)))\(e.revision.map { " · " + esc($0) } ?? "")</p>"
      if !e.body.isEmpty { b += "<div class=\"body\">\(esc(e.body))</div>" }
      b += "</li>\n"
    }
    b += "</ol>\n"
    if v.mayComment {
      b += "<form method=\"post\" action=\"/thread/\(esc(th.id))/reply\" class=\"reply\">\(csrfField(v))"
      b +=
        "<label>\(esc(l[.reply])) <textarea name=\"message\" rows=\"3\" required maxlength=\"20000\"></textarea></label>"
      b += "<button type=\"submit\" name=\"do\" value=\"reply\">\(esc(l[.reply]))</button></form>\n"
    }
    if v.mayResolve {
      if th.isResolved {
        b += "<form method=\"post\" action=\"/thread/\(esc(th.id))/reopen\" class=\"resolve\">\(csrfField(v))"
        b += "<label>\(esc(l[.reason])) <input type=\"text\" name=\"reason\" maxlength=\"20000\"></label>"
        b += "<button type=\"submit\">\(esc(l[.reopen]))</button></form>\n"
      } else {
        b += "<form method=\"post\" action=\"/thread/\(esc(th.id))/resolve\" class=\"resolve\">\(csrfField(v))"
        b += "<label>\(esc(l[.disposition])) <select name=\"disposition\">"
        for d in Disposition.allCases { b += "<option value=\"\(d.rawValue)\">\(esc(l[name: d.rawValue]))</option>" }
        b +=
          "</select></label> <label>\(esc(l[.reason])) <input type=\"text\" name=\"reason\" maxlength=\"20000\"></label>"
        b += "<button type=\"submit\">\(esc(l[.resolve]))</button></form>\n"
      }
    }
    return page(v, title: "\(l[.thread]) \(th.id)", body: b)
  }

  // MARK: Dashboard

  struct Filter: Sendable {
    var status: String?
    var section: String?
    var respondent: String?
  }

  /// The chapter a thread is in: the top heading, or the one below it when the threads of
  /// each document share their top heading (the document's title).
  static func sectionKey(_ threads: [ThreadReport]) -> @Sendable (ThreadReport) -> String {
    var tops: [String: Set<String>] = [:]
    for t in threads {
      if let a = t.thread?.anchor, let top = a.section.first { tops[a.path, default: []].insert(top) }
    }
    let depth = tops.values.allSatisfy { $0.count <= 1 } ? 1 : 0
    return { t in
      guard let s = t.thread?.anchor.section, !s.isEmpty else { return "" }
      return s.count > depth ? s[depth] : s[s.count - 1]
    }
  }

  static func dashboard(_ v: Viewer, _ report: CommentsReport, filter: Filter) -> String {
    let l = v.labels
    let all = report.threads
    let topSection = sectionKey(all)
    let shown = all.filter { t in
      (filter.status == nil || t.placement.status.rawValue == filter.status)
        && (filter.section == nil || topSection(t) == filter.section)
        && (filter.respondent == nil || t.thread?.opening.author.name == filter.respondent)
    }
    var b = "<h1>\(esc(l[.dashboard]))</h1>\n"
    // Counts by status (each a filter link).
    b += "<ul class=\"counts\">"
    for s in ThreadStatus.allCases {
      let n = all.filter { $0.placement.status == s }.count
      guard n > 0 else { continue }
      b +=
        "<li><a href=\"/dashboard\(query([("status", s.rawValue), ("section", filter.section), ("respondent", filter.respondent)]))\" class=\"st-\(s.rawValue)\">\(esc(l[name: s.rawValue])): <span class=\"n\" id=\"count-\(s.rawValue)\">\(n)</span></a></li>"
    }
    b += "</ul>\n"
    let sections = Array(Set(all.map(topSection))).filter { !$0.isEmpty }.sorted()
    let people = Array(Set(all.compactMap { $0.thread?.opening.author.name })).sorted()
    b += "<form method=\"get\" action=\"/dashboard\" class=\"pick\">"
    func select(_ name: String, _ label: String, _ options: [(String, String)], _ current: String?) -> String {
      var s = "<label>\(esc(label)) <select name=\"\(name)\"><option value=\"\">\(esc(l[.all]))</option>"
      for (value, text) in options {
        s += "<option value=\"\(esc(value))\"\(value == current ? " selected" : "")>\(esc(text))</option>"
      }
      return s + "</select></label> "
    }
    b += select("status", l[.status], ThreadStatus.allCases.map { ($0.rawValue, l[name: $0.rawValue]) }, filter.status)
    b += select("section", l[.section], sections.map { ($0, $0) }, filter.section)
    b += select("respondent", l[.respondent], people.map { ($0, $0) }, filter.respondent)
    b += "<button type=\"submit\">\(esc(l[.filter]))</button></form>\n"
    // Threads by section and by respondent, per status (each count filters the list).
    let statuses = ThreadStatus.allCases.filter { s in all.contains { $0.placement.status == s } }
    let respondent: @Sendable (ThreadReport) -> String = { $0.thread?.opening.author.name ?? "" }
    let breakdowns: [(String, String, @Sendable (ThreadReport) -> String)] = [
      (l[.section], "section", topSection), (l[.respondent], "respondent", respondent),
    ]
    for (title, field, key) in breakdowns where !statuses.isEmpty {
      var rows: [String: [ThreadStatus: Int]] = [:]
      for t in all { rows[key(t), default: [:]][t.placement.status, default: 0] += 1 }
      b +=
        "<details class=\"breakdown\"><summary>\(esc(title))</summary><table class=\"breakdown\"><thead><tr><th>\(esc(title))</th>"
      for st in statuses { b += "<th>\(esc(l[name: st.rawValue]))</th>" }
      b += "</tr></thead><tbody>\n"
      for name in rows.keys.sorted() {
        b += "<tr><td>\(esc(name))</td>"
        for st in statuses {
          let n = rows[name]?[st] ?? 0
          b +=
            n == 0
            ? "<td></td>" : "<td><a href=\"/dashboard\(query([("status", st.rawValue), (field, name)]))\">\(n)</a></td>"
        }
        b += "</tr>\n"
      }
      b += "</tbody></table></details>\n"
    }
    if shown.isEmpty {
      b += "<p>\(esc(l[.noThreads]))</p>\n"
    } else {
      b += "<p class=\"meta\">\(shown.count) \(esc(l[.threads]))</p>\n"
      b +=
        "<table class=\"threads\"><thead><tr><th>\(esc(l[.thread]))</th><th>\(esc(l[.status]))</th><th>\(esc(l[.section]))</th><th>\(esc(l[.paragraph]))</th><th>\(esc(l[.respondent]))</th><th>\(esc(l[.commentNoun]))</th></tr></thead><tbody>\n"
      for t in shown.prefix(2000) {
        let th = t.thread
        let body = th?.opening.body ?? t.error ?? ""
        let short = body.count > 140 ? String(body.prefix(140)) + "…" : body
        b +=
          "<tr id=\"t-\(esc(t.id))\"><td><a href=\"/thread/\(esc(t.id))\">\(esc(t.id))</a></td><td>\(statusBadge(l, t))</td>"
        b +=
          "<td>\(esc(topSection(t)))</td><td>\(esc(th?.anchor.label ?? ""))</td><td>\(esc(th?.opening.author.name ?? ""))</td><td>\(esc(short))</td></tr>\n"
      }
      b += "</tbody></table>\n"
    }
    return page(v, title: l[.dashboard], body: b)
  }
}
