import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReview

/// One walk over a summary, writing through `W`.
struct SummaryWalk<W: SummaryWriter> {
  let s: SummaryInput
  let o: SummaryOptions
  let l: Localization
  var w: W
  /// Headings from an earlier pass, for the table of contents.
  let tocIn: [TOCEntry]
  var collected: [TOCEntry] = []
  /// The document's language when it differs from the page's, else nil.
  let docLang: String?
  /// New section index → old section index.
  let newToOld: [Int: Int]

  init(_ s: SummaryInput, _ o: SummaryOptions, _ w: W, toc: [TOCEntry]) {
    self.s = s
    self.o = o
    self.l = Localization(o.language)
    self.w = w
    self.tocIn = toc
    self.docLang = s.textLanguage == o.language.rawValue ? nil : s.textLanguage
    var m: [Int: Int] = [:]
    for sc in s.diff.sections { if let n = sc.new, let old = sc.old { m[n] = old } }
    self.newToOld = m
  }

  var d: DocumentDiff { s.diff }

  /// Document text, marked with its language on a page in another language.
  func doc(_ spans: [Span]) -> [Span] { docLang.map { [.lang($0, spans)] } ?? spans }
  func doc(_ text: String) -> [Span] { doc([.text(text)]) }

  /// A response's text, marked with its language when it is recognisably another one.
  func response(_ spans: [Span], _ text: String) -> [Span] {
    let lang = TextLanguage.guess(text)?.rawValue ?? s.textLanguage
    return lang == o.language.rawValue ? spans : [.lang(lang, spans)]
  }

  /// A numbered heading; `short` (without the old name) goes into the table of contents.
  mutating func heading(_ level: Int, _ spans: [Span], short: [Span]? = nil) {
    let id = "s\(collected.count + 1)"
    collected.append(TOCEntry(level: level, spans: short ?? spans, id: id))
    w.heading(level, spans, id: id)
  }

  /// A section as named in the new version, with its old name when that changed:
  /// "3.3 Vetovoimainen … (aiemmin 3.1 Laadukas …)"; "5 Edellytykset (poistettu)".
  func sectionTitle(new j: Int?, old i: Int?) -> [Span] {
    if let j {
      let name = j == 0 ? l[.beforeFirstHeading] : d.new.sections[j].heading
      var out = j == 0 ? [Span.text(name)] : doc(name)
      if let i, i != 0, j != 0, d.old.sections[i].heading != name {
        out += [.text(" (\(l[.formerly]) ")] + doc(d.old.sections[i].heading) + [.text(")")]
      }
      return out
    }
    if let i {
      let name = i == 0 ? l[.beforeFirstHeading] : d.old.sections[i].heading
      return (i == 0 ? [.text(name)] : doc(name)) + [.text(" (\(l[.deletedMark]))")]
    }
    return [.text("–")]
  }

  mutating func write() {
    let title = o.commentsOnly ? l[.commentsTitle] : l[.title]
    w.heading(1, [.text(title + ": ")] + doc(SummaryRenderer.documentTitle(s)), id: nil)
    w.definitions([
      (l[.document], [.text(s.new.path)]),
      (l[.oldVersion], versionLine(s.old)),
      (l[.newVersion], versionLine(s.new)),
      (l.changedBy(s.new.authors.count), [.text(s.new.authors.isEmpty ? "–" : s.new.authors.joined(separator: ", "))]),
    ])
    if !o.commentsOnly {
      let changed = d.sections.filter { !$0.isUnchanged }.count
      let sum = d.summary
      let t = Localization.Tally(
        added: sum.blocks[.added], deleted: sum.blocks[.deleted], modified: sum.blocks[.modified],
        moved: sum.blocks[.moved])
      w.paragraph([.text(l.changeSentence(sections: changed, t))], cssClass: nil)
    }
    if !s.comments.threads.isEmpty {
      w.paragraph([.text(responsesLine())], cssClass: nil)
    }
    w.paragraph([.strong(l[.legendTitle] + ":"), .text(" " + l[.legend])], cssClass: "muted")
    w.toc(title: l[.contents], tocIn)

    if !o.commentsOnly {
      writeStructure()
      writeSections()
    }
    writeComments()
    if let sv = s.swedish { writeSwedish(sv) }
    w.paragraph([.em(l[.generated, l.date(s.generated)])], cssClass: "muted")
  }

  func responsesLine() -> String {
    let threads = s.comments.threads.compactMap(\.thread)
    return l.responsesSentence(
      points: s.comments.threads.count, respondents: Set(threads.map(\.opening.author.name)).count)
  }

  func versionLine(_ r: VersionRef) -> [Span] {
    var out: [Span] = [.strong(r.revision)]
    if let date = r.date { out.append(.text(", " + l.date(date))) }
    if let c = r.commit { out.append(.text(" (" + String(c.prefix(7)) + ")")) }
    return out
  }

  mutating func writeStructure() {
    w.beginSection()
    heading(2, [.text(l[.structure])])
    let structure = d.structureChanges
    if structure.isEmpty {
      w.paragraph([.text(l[.noStructure])], cssClass: nil)
    } else {
      w.list(
        structure.map { c in
          doc([.text(l.structure(c.kind, old: c.oldHeading ?? "", new: c.newHeading ?? "", related: c.related ?? ""))])
        })
    }
    w.endSection()
  }

  mutating func writeSections() {
    w.beginSection()
    heading(2, [.text(l[.sections])])
    for sc in d.sections where !sc.isUnchanged {
      heading(
        3, sectionTitle(new: sc.new, old: sc.old), short: sectionTitle(new: sc.new, old: sc.new == nil ? sc.old : nil))
      let c = BlockCounts(sc.blocks, old: d.old, new: d.new)
      let tally = Localization.Tally(added: c[.added], deleted: c[.deleted], modified: c[.modified], moved: c[.moved])
      // A section only renamed or moved needs no "no paragraph changed" line: its heading says it.
      // A section whose blocks only went elsewhere says where (the same sentence as `diff`).
      var note =
        DiffView.movedOutSentence(d, sc, DiffLabels(l.language)) ?? (tally.total > 0 ? l.paragraphSentence(tally) : "")
      if sc.status == .added { note = l[.sectionAdded] + " " + note }
      if sc.status == .deleted { note = l[.sectionDeleted] + " " + note }
      if !note.isEmpty { w.paragraph([.em(note.trimmingCharacters(in: .whitespaces))], cssClass: "muted") }
      for b in sc.blocks where b.status != .unchanged {
        let lab = d.label(of: b)
        let kind = (b.new.map { d.new.blocks[$0].kind } ?? b.old.map { d.old.blocks[$0].kind }) ?? .paragraph
        switch b.status {
        case .added:
          let text = d.new.blocks[b.new!].text
          w.block(tag: l[.addedBlock], label: lab, kind: "added", body: body(kind, [.ins(text)]), lang: docLang)
        case .deleted:
          let text = d.old.blocks[b.old!].text
          w.block(tag: l[.deletedBlock], label: lab, kind: "deleted", body: body(kind, [.del(text)]), lang: docLang)
        case .modified:
          w.block(
            tag: l[.modifiedBlock], label: lab, kind: "modified", body: body(kind, spans(b.segments ?? [])),
            lang: docLang)
        case .moved:
          let from = d.old.blocks[b.old!].label
          let tag = l.movedFrom(from, edited: b.segments != nil)
          let sp = b.segments.map(spans) ?? [.text(d.new.blocks[b.new!].text)]
          w.block(tag: tag, label: lab, kind: "moved", body: body(kind, sp), lang: docLang)
        case .merged, .split:
          let labels = DiffLabels(l.language)
          let tag =
            b.status == .merged
            ? labels(.mergedFrom(b.sources.map { d.old.blocks[$0].label }))
            : labels(.splitInto(from: d.old.blocks[b.old!].label, parts: b.parts.map { d.new.blocks[$0].label }))
          w.block(
            tag: tag, label: lab, kind: b.status.rawValue, body: body(kind, spans(b.segments ?? [])), lang: docLang)
        case .unchanged:
          break
        }
      }
    }
    w.endSection()
  }

  /// A table block as cells (so a GFM table shows as a table), anything else as text.
  func body(_ kind: BlockKind, _ spans: [Span]) -> BlockBody {
    if kind == .table, let rows = TableCells.rows(spans), rows.count > 0 { return .table(rows) }
    return .spans(spans)
  }

  /// Where a thread sits in the new version, for document order and grouping.
  enum Place: Hashable {
    case section(Int)
    case gone(String)
  }

  func place(_ r: ThreadReport) -> (Place, Int) {
    guard let t = r.thread else { return (.gone("–"), Int.max) }
    if let i = r.placement.block, i < d.new.blocks.count,
      r.thread?.anchor.path == s.new.path || s.comments.documents.count <= 1
    {
      return (.section(d.new.blocks[i].section), i)
    }
    if let name = t.anchor.section.last {
      // The section by its heading, else by its title without the number (renumbered).
      // Where the old version's section of that name went, else the section by its heading,
      // else by its title without the number (renumbered).
      let title = Self.title(name)
      let viaOld = d.old.sections.firstIndex { $0.index != 0 && $0.heading == name }.flatMap { i in
        d.sections.first { $0.old == i }?.new
      }
      if let j = viaOld ?? d.new.sections.firstIndex(where: { $0.index != 0 && $0.heading == name })
        ?? d.new.sections.firstIndex(where: { $0.index != 0 && $0.title == title })
      {
        return (.section(j), d.new.sections[j].blockRange.lowerBound)
      }
    }
    return (.gone(t.anchor.section.last ?? "–"), Int.max - 1)
  }

  /// "2.2 Väestö ja työvoima" → "Väestö ja työvoima".
  static func title(_ heading: String) -> String {
    let parts = heading.split(separator: " ", maxSplits: 1)
    guard parts.count == 2, parts[0].first?.isNumber == true, parts[0].allSatisfy({ $0.isNumber || $0 == "." }) else {
      return heading
    }
    return String(parts[1])
  }

  /// The threads in document order (then anchor position, then time).
  func ordered() -> [ThreadReport] {
    // Each thread's place is found once (not inside the comparator).
    let keyed = s.comments.threads.enumerated().map { k, r in
      (r, place(r).1, r.thread?.anchor.index ?? .max, r.thread?.opening.time ?? .max, k)
    }
    return keyed.sorted { a, b in (a.1, a.2, a.3, a.4) < (b.1, b.2, b.3, b.4) }.map(\.0)
  }

  func title(of p: Place) -> [Span] {
    switch p {
    case .section(let j): return sectionTitle(new: j, old: newToOld[j])
    case .gone(let name): return doc(name) + [.text(" (\(l[.deletedMark]))")]
    }
  }

  mutating func writeComments() {
    w.beginSection()
    // Alone (--comments-only) the part is the whole report: its groups are the top level.
    let level = o.commentsOnly ? 2 : 3
    if !o.commentsOnly { heading(2, [.text(l[.comments])]) }
    let threads = ordered()
    if threads.isEmpty {
      w.paragraph([.text(l[.noComments])], cssClass: nil)
    }
    // Each thread once: ids are unique in the store, and a thread is placed once.
    var seen = Set<String>()
    let unique = threads.filter { seen.insert($0.id).inserted }
    let names = Set(unique.compactMap { $0.thread?.opening.author.name }).sorted { $0.lowercased() < $1.lowercased() }
    if !names.isEmpty {
      w.paragraph([.strong(l[.respondents] + ":"), .text(" " + names.joined(separator: ", ") + ".")], cssClass: nil)
    }
    switch o.grouping {
    case .section:
      var groups: [(Place, [ThreadReport])] = []
      for r in unique {
        let p = place(r).0
        if let k = groups.firstIndex(where: { $0.0 == p }) { groups[k].1.append(r) } else { groups.append((p, [r])) }
      }
      for (p, rs) in groups {
        var short = title(of: p)
        if case .section(let j) = p { short = sectionTitle(new: j, old: nil) }
        heading(level, title(of: p), short: short)
        for r in rs { entry(r, showSection: false) }
      }
    case .respondent:
      var groups: [(String, [ThreadReport])] = []
      for r in unique {
        let who = r.thread?.opening.author.name ?? "–"
        if let k = groups.firstIndex(where: { $0.0 == who }) {
          groups[k].1.append(r)
        } else {
          groups.append((who, [r]))
        }
      }
      groups.sort { $0.0.lowercased() < $1.0.lowercased() }
      for (who, rs) in groups {
        heading(level, [.text(who)])
        for r in rs { entry(r, showSection: true) }
      }
    }
    if !unique.isEmpty {
      heading(level, [.text(l[.commentTable])])
      w.table(
        caption: l[.commentTable], headers: [l[.respondent], l[.paragraph], l[.handling], l[.reason]],
        rows: unique.map { r in
          guard let t = r.thread else {
            return [[.text(r.id)], [.text("–")], [.text(l.status(.unreadable))], [.text(r.error ?? "")]]
          }
          let quote = t.anchor.text.count > 80 ? String(t.anchor.text.prefix(77)) + "…" : t.anchor.text
          let reason = t.isResolved ? (t.lastResolution?.body ?? "") : ""
          return [
            [.text(t.opening.author.name)],
            [.strong(currentLabel(r) ?? t.anchor.label), .text(" ")] + doc("“" + quote + "”"),
            [.text(handling(r))],
            reason.isEmpty ? [] : response([.text(reason)], reason),
          ]
        }, lang: nil)
    }
    w.endSection()
  }

  /// The block's label in the new version, when the thread was found there.
  func currentLabel(_ r: ThreadReport) -> String? {
    guard let i = r.placement.block, i < d.new.blocks.count else { return nil }
    return d.new.blocks[i].label
  }

  /// "huomioitu", "osittain huomioitu", … for a resolved thread; else where it stands.
  func handling(_ r: ThreadReport) -> String {
    guard let t = r.thread else { return l.status(.unreadable) }
    if t.isResolved { return t.disposition.map(l.disposition) ?? l.status(.resolved) }
    return l.status(r.placement.status)
  }

  mutating func entry(_ r: ThreadReport, showSection: Bool) {
    w.beginEntry()
    defer { w.endEntry() }
    guard let t = r.thread else {
      w.paragraph([.strong(r.id), .text(" – " + l.status(.unreadable) + ": " + (r.error ?? ""))], cssClass: nil)
      return
    }
    // Under a section heading the entry opens with the respondent; under a respondent's
    // heading, with the section (the name is not said twice).
    var head: [Span] =
      showSection
      ? [.strong(t.anchor.label)] + [.text(" ")] + title(of: place(r).0) + [.text(", \(l.date(t.opening.time))")]
      : [.strong(t.opening.author.name), .text(", \(l.date(t.opening.time)), \(t.anchor.label)")]
    if let now = currentLabel(r), now != t.anchor.label {
      head.insert(.text(" (" + l[.nowAt, now] + ")"), at: showSection ? 1 : head.count)
    }
    if s.carried.contains(r.id) { head.append(.text(", " + l[.givenOn, t.anchor.revision])) }
    head.append(.text(":"))
    w.paragraph(head, cssClass: nil)
    w.paragraph(response([.em(t.opening.body)], t.opening.body), cssClass: "response")
    for e in t.replies {
      w.paragraph(
        [.strong(l[.replies] + ":"), .text(" \(e.author.name), \(l.date(e.time)): ")]
          + response([.text(e.body)], e.body),
        cssClass: nil)
    }
    var h: [Span] = [.strong(l[.handling] + ":"), .text(" " + handling(r))]
    if t.isResolved, let why = t.lastResolution?.body, !why.isEmpty {
      h += [.text(". "), .strong(l[.reason] + ":"), .text(" ")] + response([.text(why)], why)
    }
    w.paragraph(h, cssClass: nil)
    if let segs = r.placement.changes {
      let kind = currentLabel(r) != nil ? d.new.blocks[r.placement.block!].kind : .paragraph
      w.block(tag: l[.changedInResponse], label: "", kind: "modified", body: body(kind, spans(segs)), lang: docLang)
    } else if r.placement.status == .outdated || (r.placement.block == nil && r.placement.status == .resolved) {
      w.block(
        tag: l[.wasDeleted], label: t.anchor.label, kind: "deleted", body: .spans([.del(t.anchor.text)]), lang: docLang)
    }
  }

  func spans(_ segs: [Segment]) -> [Span] {
    segs.map { s in
      switch s.op {
      case .equal: return .text(s.text)
      case .insert: return .ins(s.text)
      case .delete: return .del(s.text)
      }
    }
  }
}
