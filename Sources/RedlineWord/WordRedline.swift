import Foundation
import RedlineDiff
import RedlineDocument

/// Writes a Word file whose tracked changes turn the old version into the new one:
/// *Accept all* gives the new text, *Reject all* the old.
package enum WordRedline {
  /// Builds the .docx. `author` and `date` (seconds since 1970) mark every change, except
  /// where `newAuthors` (by new paragraph, for insertions and edits) or `oldAuthors` (by old
  /// paragraph, for deletions) name the commit that made it.
  package static func docx(
    old oldIn: [WordParagraph], new newIn: [WordParagraph], author: String, date: Int64?,
    threads threadsIn: [WordThread] = [], title: String? = nil, newAuthors newAuthorsIn: [Int: ChangeAuthor] = [:],
    oldAuthors oldAuthorsIn: [Int: ChangeAuthor] = [:]
  ) throws(WordError) -> [UInt8] {
    // Footnotes (`[^1]` marks and `\[^1]: text` paragraphs) become Word footnotes.
    var notes = Footnotes()
    let (old, oldKept) = notes.extract(oldIn)
    let (new, newKept) = notes.extract(newIn)
    let newIndex = Dictionary(uniqueKeysWithValues: newKept.enumerated().map { ($1, $0) })
    let oldIndex = Dictionary(uniqueKeysWithValues: oldKept.enumerated().map { ($1, $0) })
    let threads = threadsIn.map { t -> WordThread in
      var t = t
      t.paragraph =
        newIndex[t.paragraph] ?? newIndex.filter { $0.key > t.paragraph }.min { $0.key < $1.key }?.value ?? 0
      return t
    }
    let newAuthors = Dictionary(
      newAuthorsIn.compactMap { k, v in newIndex[k].map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
    let oldAuthors = Dictionary(
      oldAuthorsIn.compactMap { k, v in oldIndex[k].map { ($0, v) } }, uniquingKeysWith: { a, _ in a })
    var w = BodyWriter(author: author.isEmpty ? "Redline" : author, date: date.map(isoDate))
    w.noteTexts = notes.texts
    let ops = align(old, new)
    var commentsByParagraph: [Int: [Int]] = [:]
    for (k, t) in threads.enumerated() { commentsByParagraph[t.paragraph, default: []].append(k) }
    var commentIDs: [Int: [Int]] = [:]  // thread → comment ids (opening, replies)
    var next = 0
    for (k, t) in threads.enumerated() {
      commentIDs[k] = t.entries.indices.map { _ in
        defer { next += 1 }
        return next
      }
    }
    w.revision = next + 1  // change ids after the comment ids: every annotation id unique
    // A deleted paragraph whose text comes back unchanged elsewhere is a move.
    var moveFrom: [Int: String] = [:]
    var moveTo: [Int: String] = [:]
    var inserted: [String: [Int]] = [:]
    for op in ops { if case .inserted(let j) = op { inserted[new[j].text, default: []].append(j) } }
    for op in ops {
      guard case .deleted(let i) = op, Tokenizer.words(old[i].text).count >= 3,
        let j = inserted[old[i].text]?.first(where: { moveTo[$0] == nil && new[$0].kind == old[i].kind })
      else { continue }
      let name = "move\(moveFrom.count + 1)"
      moveFrom[i] = name
      moveTo[j] = name
    }
    var rows: [BodyWriter.RowChange] = []
    func cells(_ p: WordParagraph) -> [String] {
      WordParagraph.splitCells(p.text).map { $0.trimmingCharacters(in: .whitespaces) }
    }
    func commentsOn(_ j: Int) -> [Int] { (commentsByParagraph[j] ?? []).flatMap { commentIDs[$0]! } }
    for op in ops {
      w.who = nil
      w.move = nil
      // Table rows are gathered and written as one Word table.
      switch op {
      case .same(let i, let j) where new[j].kind == .tableRow && old[i].kind == .tableRow:
        rows.append(
          .init(
            cells: cells(new[j]).map { $0.isEmpty ? [] : [Segment(.equal, $0)] }, mark: nil, who: nil,
            comments: commentsOn(j)))
        continue
      case .modified(let i, let j) where new[j].kind == .tableRow && old[i].kind == .tableRow:
        let (a, b) = (cells(old[i]), cells(new[j]))
        if a.count == b.count {
          rows.append(
            .init(
              cells: zip(a, b).map { Self.change($0, $1) }, mark: nil, who: newAuthors[j], comments: commentsOn(j)))
        } else {
          rows.append(
            .init(
              cells: a.map { $0.isEmpty ? [] : [Segment(.delete, $0)] }, mark: .delete, who: newAuthors[j], comments: []
            ))
          rows.append(
            .init(
              cells: b.map { $0.isEmpty ? [] : [Segment(.insert, $0)] }, mark: .insert, who: newAuthors[j],
              comments: commentsOn(j)))
        }
        continue
      case .deleted(let i) where old[i].kind == .tableRow:
        rows.append(
          .init(
            cells: cells(old[i]).map { $0.isEmpty ? [] : [Segment(.delete, $0)] }, mark: .delete, who: oldAuthors[i],
            comments: []))
        continue
      case .inserted(let j) where new[j].kind == .tableRow:
        rows.append(
          .init(
            cells: cells(new[j]).map { $0.isEmpty ? [] : [Segment(.insert, $0)] }, mark: .insert, who: newAuthors[j],
            comments: commentsOn(j)))
        continue
      default:
        w.table(rows)
        rows = []
      }
      switch op {
      case .same(let i, let j):
        w.paragraph(
          new[j], segments: [Segment(.equal, new[j].text)], oldKind: old[i].kind, mark: nil,
          comments: (commentsByParagraph[j] ?? []).flatMap { commentIDs[$0]! })
      case .modified(let i, let j):
        w.who = newAuthors[j]
        w.paragraph(
          new[j], segments: Self.change(old[i].text, new[j].text), oldKind: old[i].kind, mark: nil,
          comments: (commentsByParagraph[j] ?? []).flatMap { commentIDs[$0]! })
      case .deleted(let i):
        w.who = oldAuthors[i]
        w.move = moveFrom[i]
        w.paragraph(
          old[i], segments: [Segment(.delete, old[i].text)], oldKind: old[i].kind, mark: .delete, comments: [])
      case .inserted(let j):
        w.who = newAuthors[j]
        w.move = moveTo[j]
        w.paragraph(
          new[j], segments: [Segment(.insert, new[j].text)], oldKind: new[j].kind, mark: .insert,
          comments: (commentsByParagraph[j] ?? []).flatMap { commentIDs[$0]! })
      }
    }
    w.table(rows)
    // Word needs a last paragraph that no change removes.
    w.xml +=
      "<w:p/><w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId7\"/><w:footerReference w:type=\"default\" r:id=\"rId8\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1417\" w:right=\"1134\" w:bottom=\"1417\" w:left=\"1134\" w:header=\"708\" w:footer=\"708\" w:gutter=\"0\"/></w:sectPr>"
    let document =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"\(ns.w)\" xmlns:r=\"\(ns.r)\" xmlns:w14=\"\(ns.w14)\" xmlns:mc=\"\(ns.mc)\" mc:Ignorable=\"w14\"><w:body>"
      + w.xml + "</w:body></w:document>"

    var parts: [(path: String, bytes: [UInt8])] = []
    let hasComments = !threads.isEmpty
    parts.append(
      (
        "[Content_Types].xml",
        Array(contentTypes(comments: hasComments, core: title != nil, footnotes: !w.writtenNotes.isEmpty).utf8)
      ))
    parts.append(("_rels/.rels", Array(rootRels(title: title != nil).utf8)))
    parts.append(
      (
        "word/_rels/document.xml.rels",
        Array(documentRels(comments: hasComments, footnotes: !w.writtenNotes.isEmpty).utf8)
      ))
    parts.append(("word/document.xml", Array(document.utf8)))
    parts.append(("word/styles.xml", Array(styles.utf8)))
    parts.append(("word/numbering.xml", Array(numbering(parens: w.listParens).utf8)))
    parts.append(("word/settings.xml", Array(settings.utf8)))
    parts.append(("word/header1.xml", Array(header(title ?? "Redline").utf8)))
    parts.append(("word/footer1.xml", Array(footer.utf8)))
    if !w.writtenNotes.isEmpty {
      parts.append(("word/footnotes.xml", Array(Footnotes.xml(w.writtenNotes, writer: w).utf8)))
    }
    if hasComments {
      let (c, x) = comments(threads, ids: commentIDs)
      parts.append(("word/comments.xml", Array(c.utf8)))
      parts.append(("word/commentsExtended.xml", Array(x.utf8)))
    }
    if let title { parts.append(("docProps/core.xml", Array(core(title: title).utf8))) }
    return try DocxZip.zip(parts)
  }

  /// Old and new inline Markdown of one paragraph or cell; `runsFormatted` diffs their visible text.
  static func change(_ old: String, _ new: String) -> [Segment] {
    if old == new { return old.isEmpty ? [] : [Segment(.equal, new)] }
    return [Segment(.delete, old), Segment(.insert, new)].filter { !$0.text.isEmpty }
  }

  enum Op: Equatable {
    case same(Int, Int)
    case modified(Int, Int)
    case deleted(Int)
    case inserted(Int)
  }

  /// Paragraph alignment: longest common subsequence of equal paragraphs, then, in each gap,
  /// old and new paragraphs of the same kind with similar words paired as modified.
  static func align(_ a: [WordParagraph], _ b: [WordParagraph]) -> [Op] {
    var pre = 0
    while pre < a.count && pre < b.count && a[pre] == b[pre] { pre += 1 }
    var suf = 0
    while suf < a.count - pre && suf < b.count - pre && a[a.count - 1 - suf] == b[b.count - 1 - suf] { suf += 1 }
    let am = Array(a[pre..<(a.count - suf)])
    let bm = Array(b[pre..<(b.count - suf)])
    var pairs: [(Int, Int)] = []
    if am.count * bm.count <= 4_000_000 {
      let n = am.count
      let m = bm.count
      var dp = [[Int32]](repeating: [Int32](repeating: 0, count: m + 1), count: n + 1)
      if n > 0 && m > 0 {
        for i in stride(from: n - 1, through: 0, by: -1) {
          for j in stride(from: m - 1, through: 0, by: -1) {
            dp[i][j] = am[i] == bm[j] ? dp[i + 1][j + 1] + 1 : max(dp[i + 1][j], dp[i][j + 1])
          }
        }
      }
      var i = 0
      var j = 0
      while i < n && j < m {
        if am[i] == bm[j] {
          pairs.append((i + pre, j + pre))
          i += 1
          j += 1
        } else if dp[i + 1][j] >= dp[i][j + 1] {
          i += 1
        } else {
          j += 1
        }
      }
    }
    var ops: [Op] = (0..<pre).map { .same($0, $0) }
    var i = pre
    var j = pre
    func gap(_ iEnd: Int, _ jEnd: Int) {
      while i < iEnd {
        if let k = (j..<jEnd).first(where: { similar(a[i], b[$0]) }) {
          while j < k {
            ops.append(.inserted(j))
            j += 1
          }
          ops.append(.modified(i, j))
          j += 1
        } else {
          ops.append(.deleted(i))
        }
        i += 1
      }
      while j < jEnd {
        ops.append(.inserted(j))
        j += 1
      }
    }
    for (pi, pj) in pairs {
      gap(pi, pj)
      ops.append(.same(pi, pj))
      i = pi + 1
      j = pj + 1
    }
    gap(a.count - suf, b.count - suf)
    for k in 0..<suf { ops.append(.same(a.count - suf + k, b.count - suf + k)) }
    return ops
  }

  static func similar(_ x: WordParagraph, _ y: WordParagraph) -> Bool {
    let kx: Int
    let ky: Int
    switch x.kind {
    case .heading: kx = 0
    case .tableRow: kx = 2
    default: kx = 1
    }
    switch y.kind {
    case .heading: ky = 0
    case .tableRow: ky = 2
    default: ky = 1
    }
    guard kx == ky else { return false }
    let wx = Set(Tokenizer.words(x.text).map { $0.lowercased() })
    let wy = Set(Tokenizer.words(y.text).map { $0.lowercased() })
    if wx.isEmpty || wy.isEmpty { return false }
    return Double(wx.intersection(wy).count) / Double(wx.union(wy).count) >= 0.4
  }

  static func isoDate(_ t: Int64) -> String {
    let f = ISO8601DateFormatter()
    f.formatOptions = [.withInternetDateTime]
    return f.string(from: Date(timeIntervalSince1970: TimeInterval(t)))
  }

  static let ns = (
    w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    w14: "http://schemas.microsoft.com/office/word/2010/wordml",
    w15: "http://schemas.microsoft.com/office/word/2012/wordml",
    mc: "http://schemas.openxmlformats.org/markup-compatibility/2006"
  )

  /// Escapes text for XML and drops characters XML 1.0 forbids.
  static func xml(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars where xmlAllows(u) {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// False for what XML 1.0 forbids: C0 controls other than tab, newline and carriage
  /// return, and the noncharacters U+FFFE and U+FFFF.
  static func xmlAllows(_ u: Unicode.Scalar) -> Bool {
    (u.value >= 0x20 || u == "\t" || u == "\n" || u == "\r") && u.value != 0xFFFE && u.value != 0xFFFF
  }

  static func comments(_ threads: [WordThread], ids: [Int: [Int]]) -> (String, String) {
    var c =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"\(ns.w)\" xmlns:w14=\"\(ns.w14)\">"
    var x = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w15:commentsEx xmlns:w15=\"\(ns.w15)\">"
    for (k, t) in threads.enumerated() {
      let cids = ids[k]!
      for (e, entry) in t.entries.enumerated() {
        let id = cids[e]
        let paraID = String(format: "%08X", 0x1000_0000 + id)
        let initials = entry.author.split(separator: " ").compactMap(\.first).prefix(3).map(String.init).joined()
        c += "<w:comment w:id=\"\(id)\" w:author=\"\(xml(entry.author))\" w:initials=\"\(xml(initials))\""
        if let d = entry.date { c += " w:date=\"\(isoDate(d))\"" }
        c += ">"
        let lines = entry.text.split(separator: "\n", omittingEmptySubsequences: false)
        for (n, line) in lines.enumerated() {
          c += n == lines.count - 1 ? "<w:p w14:paraId=\"\(paraID)\">" : "<w:p>"
          if n == 0 { c += "<w:r><w:annotationRef/></w:r>" }
          c += "<w:r><w:t xml:space=\"preserve\">\(xml(String(line)))</w:t></w:r></w:p>"
        }
        c += "</w:comment>"
        x += "<w15:commentEx w15:paraId=\"\(paraID)\""
        if e > 0 { x += " w15:paraIdParent=\"\(String(format: "%08X", 0x1000_0000 + cids[0]))\"" }
        x += " w15:done=\"\(t.resolved ? 1 : 0)\"/>"
      }
    }
    return (c + "</w:comments>", x + "</w15:commentsEx>")
  }
}
