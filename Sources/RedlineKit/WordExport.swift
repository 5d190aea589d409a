import Foundation
import RedlineDocument
import RedlineReport
import RedlineReview
import RedlineWord

/// A comparison as a Word file with tracked changes: *Accept all* gives the new version,
/// *Reject all* the old one. Every change is marked with the new version's commit author
/// and date; `threads` become Word comments.
///
/// The sources (Markdown bytes) tell numbered list items from bulleted ones; without them
/// the files named in the comparison are read again (for `diff --files`).
package func wordRedline(
  _ c: Comparison, threads: [WordThread] = [], author: String? = nil, oldSource: [UInt8]? = nil,
  newSource: [UInt8]? = nil, newAuthors: [Int: ChangeAuthor] = [:], oldAuthors: [Int: ChangeAuthor] = [:]
) throws(RedlineError) -> [UInt8] {
  func source(_ v: DocumentVersion) -> [UInt8]? {
    guard v.commit == nil, let d = FileManager.default.contents(atPath: v.path) else { return nil }
    return try? wordAsMarkdown(
      RawVersion(revision: v.revision, commit: nil, path: v.path, bytes: [UInt8](d), format: nil)
    ).bytes.array
  }
  /// A file's modification time (for `--files` and `WORKTREE`, which have no commit date).
  func modified(_ v: DocumentVersion) -> Int64? {
    guard v.commit == nil, let a = try? FileManager.default.attributesOfItem(atPath: v.path),
      let d = a[.modificationDate] as? Date
    else { return nil }
    return Int64(d.timeIntervalSince1970)
  }
  do {
    return try WordRedline.docx(
      old: WordParagraph.of(c.old.document, source: oldSource ?? source(c.old)),
      new: WordParagraph.of(c.new.document, source: newSource ?? source(c.new)),
      author: c.newRef.authors.first ?? author ?? "Redline", date: c.newRef.date ?? modified(c.new), threads: threads,
      title: "\(c.new.path): \(c.oldRef.revision) → \(c.newRef.revision)", newAuthors: newAuthors,
      oldAuthors: oldAuthors)
  } catch {
    throw .io(error.description)
  }
}

extension DraftRepository {
  /// `wordRedline` with the review threads placed at the new version as comments
  /// (replies as replies; status and disposition written into the opening comment).
  package func wordRedline(_ c: Comparison) throws(RedlineError) -> [UInt8] {
    let me = git.configuredSignature(now: 0)?.name
    func source(_ v: DocumentVersion) -> [UInt8]? {
      guard let b = try? bytes(of: v.path, at: v.revision).bytes else { return nil }
      return try? wordAsMarkdown(
        RawVersion(revision: v.revision, commit: v.commit, path: v.path, bytes: b, format: nil)
      ).bytes.array
    }
    let (oldSource, newSource) = (source(c.old), source(c.new))
    let (newAuthors, oldAuthors) = changeAuthors(c, oldSource: oldSource, newSource: newSource)
    guard git.workdir != nil, let report = try? comments(at: c.new.revision, path: c.new.path) else {
      return try RedlineKit.wordRedline(
        c, author: me, oldSource: oldSource, newSource: newSource, newAuthors: newAuthors, oldAuthors: oldAuthors)
    }
    let starts = paragraphStarts(c.new.document)
    var threads: [WordThread] = []
    for r in report.threads {
      guard let t = r.thread else { continue }
      var entries = t.events.filter { $0.kind == .comment || $0.kind == .reply }.map {
        WordThread.Entry(author: $0.author.name, date: $0.time, text: $0.body)
      }
      guard !entries.isEmpty else { continue }
      var status = "Tila: \(Self.statusWord(r.placement.status))"
      if let d = t.disposition { status += " (\(Self.dispositionWord(d)))" }
      if let res = t.lastResolution, !res.body.isEmpty { status += ": \(res.body)" }
      var paragraph = 0
      if let b = r.placement.block, b < starts.count {
        paragraph = starts[b]
      } else {
        entries[0].text = "(Kommentoitu kohta ei ole enää tekstissä: “\(t.anchor.text.prefix(80))”)\n" + entries[0].text
      }
      // The thread id lets `redline import` recognise the comment when the file comes back.
      entries[0].text += "\n[\(status) · ketju \(t.id)]"
      threads.append(WordThread(paragraph: paragraph, entries: entries, resolved: t.isResolved))
    }
    return try RedlineKit.wordRedline(
      c, threads: threads, author: me, oldSource: oldSource, newSource: newSource, newAuthors: newAuthors,
      oldAuthors: oldAuthors)
  }

  /// Which commit between the two versions made each paragraph's change: for a new or
  /// edited paragraph, the earliest commit from which its text stays as it is in the new
  /// version; for a deleted one, the first commit without it. Up to 200 commits are read.
  func changeAuthors(_ c: Comparison, oldSource: [UInt8]?, newSource: [UInt8]?) -> (
    new: [Int: ChangeAuthor], old: [Int: ChangeAuthor]
  ) {
    guard let oldID = c.old.commit, let newID = c.new.commit,
      let history = try? git.history(of: c.new.path, from: newID, limit: 201)
    else { return ([:], [:]) }
    // Commits after the old version, oldest first, ending with the new one.
    let oldBytes = try? git.readFile(c.old.path, at: oldID)
    var chain: [(author: ChangeAuthor, texts: Set<String>)] = []
    var reachedOld = false
    for info in history {
      let bytes = try? git.readFile(info.path, at: info.id)
      if info.id == oldID || (bytes != nil && bytes == oldBytes) {
        reachedOld = true
        break
      }
      guard let bytes,
        let md = try? wordAsMarkdown(
          RawVersion(revision: info.id.hex, commit: info.id, path: info.path, bytes: bytes, format: nil)),
        let doc = try? DocumentLoader.load(md.bytes, path: info.path.hasSuffix(".docx") ? info.path + ".md" : info.path)
      else { return ([:], [:]) }
      chain.append(
        (ChangeAuthor(name: info.author.name, date: info.author.time), Set(WordParagraph.of(doc).map(\.text))))
    }
    guard reachedOld, chain.count > 1, chain.count <= 200 else { return ([:], [:]) }
    chain.reverse()
    var newAuthors: [Int: ChangeAuthor] = [:]
    for (j, p) in WordParagraph.of(c.new.document, source: newSource).enumerated() {
      var i = chain.count - 1
      while i > 0 && chain[i - 1].texts.contains(p.text) { i -= 1 }
      newAuthors[j] = chain[i].author
    }
    var oldAuthors: [Int: ChangeAuthor] = [:]
    for (j, p) in WordParagraph.of(c.old.document, source: oldSource).enumerated() {
      if let i = chain.firstIndex(where: { !$0.texts.contains(p.text) }) { oldAuthors[j] = chain[i].author }
    }
    return (newAuthors, oldAuthors)
  }

  /// The paragraph index (in `WordParagraph.of(doc)`) where each block starts.
  func paragraphStarts(_ doc: Document) -> [Int] {
    var starts = [Int](repeating: 0, count: doc.blocks.count)
    var k = 0
    for s in doc.sections {
      if s.index > 0 { k += 1 }
      for b in s.blockRange {
        starts[b] = k
        k += WordParagraph.of(doc.blocks[b]).count
      }
    }
    return starts
  }

  /// The ministry's word for where a thread stands (Finnish, as the Word file's text).
  static func statusWord(_ s: ThreadStatus) -> String { Localization(.fi).status(s) }

  /// The consultation's word for a disposition: huomioitu, osittain huomioitu, …
  static func dispositionWord(_ d: Disposition) -> String { Localization(.fi).disposition(d) }

}
