import Foundation

/// A comment found in a Word file, with where it points.
package struct WordComment: Sendable, Hashable {
  /// The comment's `w:id` in the file.
  package var id: String
  package var author: String
  package var initials: String
  /// Seconds since 1970, when the file gives a date.
  package var date: Int64?
  /// The comment's text; paragraphs joined by a line break.
  package var text: String
  /// The id of the comment this one replies to (from `commentsExtended`), if any.
  package var parentID: String?
  /// Marked done (resolved) in Word.
  package var done: Bool
  /// The commented words (visible text of the range), "" when the range is empty or deleted.
  package var quote: String
  /// Plain text of the paragraph the comment starts in ("" for an empty paragraph).
  package var paragraph: String
  /// True when that paragraph is a heading.
  package var onHeading: Bool
  /// Position of that paragraph among the imported blocks (headings included).
  package var position: Int
  /// Position among the imported blocks that are not headings (the paragraph's block index in the draft).
  package var blockOrdinal: Int
}

/// Counts of tracked changes that were still pending in the file (and were accepted).
package struct TrackedChanges: Sendable, Hashable {
  package var insertions = 0
  package var deletions = 0
  package var moves = 0
  package var formatChanges = 0
  package var isEmpty: Bool { insertions + deletions + moves + formatChanges == 0 }
}

/// A Word document read as Markdown, with its comments and a note of what changed on the way.
package struct WordImport: Sendable {
  /// The draft as Markdown (CommonMark with GitHub tables).
  package var markdown: String
  /// Comments in file order.
  package var comments: [WordComment]
  /// Pending tracked changes that were accepted.
  package var trackedChanges: TrackedChanges
  /// One line per thing that was changed or dropped (images, text boxes, fields, …).
  package var notes: [String]

  /// Reads a .docx file's bytes. `name` is used in messages.
  package static func read(_ bytes: [UInt8], name: String) throws(WordError) -> WordImport {
    let pkg = try DocxPackage(bytes: bytes, name: name)
    var r = WordReader(
      styles: WordStyles(try pkg.part("styles", fallback: "styles.xml")),
      numbering: WordNumbering(try pkg.part("numbering", fallback: "numbering.xml")))
    if let fn = try pkg.part("footnotes", fallback: "footnotes.xml") {
      for f in fn.children("footnote") where f["type"] == nil || f["type"] == "normal" {
        if let id = f["id"] { r.footnoteParts[id] = f }
      }
    }
    if let en = try pkg.part("endnotes", fallback: "endnotes.xml") {
      for f in en.children("endnote") where f["type"] == nil || f["type"] == "normal" {
        if let id = f["id"] { r.endnoteParts[id] = f }
      }
    }
    let doc = try pkg.document()
    guard let body = doc.child("body") else { throw WordError("'\(name)' has an empty Word document part (no w:body)") }
    r.body(body)
    r.flushPending()
    var out = WordImport(markdown: r.render(), comments: [], trackedChanges: r.changes, notes: [])
    out.comments = try readComments(pkg, reader: r)
    out.notes = r.notes(pkg: pkg)
    return out
  }

  static func readComments(_ pkg: DocxPackage, reader r: WordReader) throws(WordError) -> [WordComment] {
    guard let root = try pkg.part("comments", fallback: "comments.xml") else { return [] }
    // commentsExtended: paraId of a comment's last paragraph → parent paraId, done.
    var parentPara: [String: String] = [:]
    var done: [String: Bool] = [:]
    // The relationship type is the same for the 2012 and the pre-release namespace; names
    // are read without their prefix, so either reads the same.
    if let ext = try pkg.part("commentsExtended", fallback: "commentsExtended.xml") {
      for c in ext.children("commentEx") {
        guard let p = c["paraId"] else { continue }
        if let parent = c["paraIdParent"] { parentPara[p] = parent }
        done[p] = WordStyles.isOn(c["done"])
      }
    }
    var byPara: [String: String] = [:]
    var list: [(WordComment, String?)] = []
    for c in root.children("comment") {
      guard let id = c["id"] else { continue }
      let paras = c.children("p")
      let lastPara = paras.last?["paraId"]
      for p in paras { if let pid = p["paraId"] { byPara[pid] = id } }
      let text = paras.map { WordReader.plainText($0) }.joined(separator: "\n")
        .trimmingCharacters(in: .whitespacesAndNewlines)
      let place = r.commentPlaces[id]
      let pos = place ?? max(0, r.blocks.count - 1)
      let blk = r.blocks.indices.contains(pos) ? r.blocks[pos] : nil
      var wc = WordComment(
        id: id,
        author: WordReader.fold(
          String((c["author"] ?? "").unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        ).prefix(200).description,
        initials: c["initials"] ?? "", date: c["date"].flatMap(parseDate), text: text, parentID: nil,
        done: lastPara.flatMap { done[$0] } ?? false,
        quote: WordReader.fold(r.commentQuotes[id] ?? ""), paragraph: blk?.plain ?? "",
        onHeading: blk?.isHeading ?? false,
        position: pos, blockOrdinal: r.blocks.prefix(pos).filter { !$0.isHeading }.count)
      if wc.author.isEmpty { wc.author = wc.initials.isEmpty ? "Tuntematon" : wc.initials }
      list.append((wc, lastPara.flatMap { parentPara[$0] }))
    }
    return list.map { (c, parentPara) in
      var c = c
      c.parentID = parentPara.flatMap { byPara[$0] }
      if c.parentID == c.id { c.parentID = nil }
      return c
    }
  }

  /// ISO 8601 as Word writes it (`2024-03-01T10:00:00Z`, sometimes without the zone: taken as UTC).
  static func parseDate(_ s: String) -> Int64? {
    var t = s.trimmingCharacters(in: .whitespaces)
    if let dot = t.firstIndex(of: "."), let z = t[dot...].firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
      t.removeSubrange(dot..<z)
    } else if let dot = t.firstIndex(of: ".") {
      t = String(t[..<dot])
    }
    let hasZone = t.hasSuffix("Z") || t.dropFirst(19).contains("+") || t.dropFirst(19).contains("-")
    if !hasZone { t += "Z" }
    let f = ISO8601DateFormatter()
    return f.date(from: t).map { Int64($0.timeIntervalSince1970) }
  }
}
