import Foundation
import RedlineDocument
import RedlineGit
import RedlineReview
import RedlineWord

/// What `redline import` did.
package struct ImportResult: Sendable {
  /// Repository-relative path of the Markdown draft written.
  package var path: String
  /// The new commit, or nil when the draft's text was already the same (nothing committed).
  package var commit: ObjectID?
  /// The tag created, if asked.
  package var tag: String?
  /// What was changed or dropped on the way (tracked changes accepted, images, …).
  package var notes: [String]
  /// Ids of the threads made from the file's comments.
  package var threadsAdded: [String]
  /// Comments already imported before (same author, date and text): not added again.
  package var threadsAlreadyThere: Int
  /// Replies written in Word to threads Redline exported (`diff --format docx`), appended to those threads.
  package var repliesAdded: Int = 0
}

extension DraftRepository {
  /// Imports a Word file as the draft at `path` (default: the only document at HEAD, else
  /// the file's name with `.md`), commits it through libgit2, tags it when asked, and turns
  /// the file's comments into review threads anchored at the new commit.
  package func importWord(
    _ file: String, into path: String?, tag: String?, message: String?, author: String?
  ) throws(RedlineError) -> ImportResult {
    guard let root = git.workdir else {
      throw .invalidArgument("import writes the draft into a working tree, but this repository is bare; clone it first")
    }
    guard let data = FileManager.default.contents(atPath: file) else { throw .fileNotFound(path: file) }
    if data.count > DocumentLoader.sizeLimit {
      throw .document(.tooLarge(path: file, bytes: data.count, limit: DocumentLoader.sizeLimit))
    }
    let word: WordImport
    do { word = try WordImport.read([UInt8](data), name: file) } catch { throw .invalidArgument(error.description) }

    if word.markdown.allSatisfy(\.isWhitespace) {
      throw .invalidArgument(
        "'\(file)' has no text to import (an empty document, or only images and tables of contents)")
    }
    let target = try importTarget(path, file: file)
    let who = try person(author)
    let headID: ObjectID? = try? git.head()
    if let tag {
      let existing: ObjectID?? = try? git.resolveCommit("refs/tags/" + tag)
      if tag.isEmpty || existing != nil && existing! != nil {
        throw .invalidArgument(tag.isEmpty ? "--tag needs a name" : "tag '\(tag)' already exists; pick another name")
      }
    }
    let bytes = Array(word.markdown.utf8)
    // Unsaved edits in the working tree would be overwritten: refuse.
    let onDisk = FileManager.default.contents(atPath: root + target).map { [UInt8]($0) }
    let atHead: [UInt8]? = headID.flatMap { try? git.readFile(target, at: $0) } ?? nil
    if let onDisk, onDisk != atHead, onDisk != bytes {
      throw .invalidArgument(
        "'\(target)' has changes that are not committed; commit or discard them before importing over it")
    }
    var commit: ObjectID? = nil
    if atHead != bytes {
      try makeParentFolder(of: target, root: root)
      try writeAtomically(bytes, to: root + target)
      let name = (file.split(separator: "/").last.map(String.init) ?? file)
      let msg = message ?? "Tuotu Word-tiedostosta \(name)"
      do { commit = try git.commit([FileChange(path: target, content: bytes)], message: msg + "\n", author: who) } catch
      {
        throw .git(error)
      }
    }
    guard let at = commit ?? headID else { throw .invalidArgument("nothing to import: the Word file is empty") }
    if let tag {
      do { try git.createTag(tag, at: at) } catch { throw .git(error) }
    }
    var result = ImportResult(
      path: target, commit: commit, tag: tag, notes: word.notes, threadsAdded: [], threadsAlreadyThere: 0)
    if !word.comments.isEmpty {
      try importComments(
        word.comments, markdown: bytes, path: target, commit: at, revision: tag ?? at.hex, file: file,
        who: who, into: &result)
    }
    return result
  }

  /// Creates the folders of a new draft's path, one at a time, and refuses one that leads
  /// outside the working tree (through a symbolic link) before creating anything there.
  func makeParentFolder(of target: String, root: String) throws(RedlineError) {
    guard let slash = target.lastIndex(of: "/") else { return }
    let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path + "/"
    var parent = root.hasSuffix("/") ? String(root.dropLast()) : root
    for part in target[..<slash].split(separator: "/") {
      parent += "/" + part
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder) {
        // An existing step (a folder or a link to one) must stay inside the working tree.
        let real = URL(fileURLWithPath: parent).resolvingSymlinksInPath().path + "/"
        guard real.hasPrefix(realRoot) else {
          throw .invalidArgument("PATH '\(target)' leads outside the repository (through a symbolic link)")
        }
        guard isFolder.boolValue else { throw .invalidArgument("PATH '\(target)': '\(parent)' is not a folder") }
        continue
      }
      do { try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: false) } catch {
        throw .io("cannot create the folder '\(parent)': \(error.localizedDescription)")
      }
    }
  }

  /// The draft path to write: checked to stay inside the repository and be Markdown.
  func importTarget(_ path: String?, file: String) throws(RedlineError) -> String {
    var p: String
    if let path {
      p = normalizeRelative(path)
    } else {
      let docs = ((try? documentPaths(at: "HEAD")) ?? []).filter { DocumentLoader.format(for: $0) == .markdown }
      if docs.count == 1 {
        p = docs[0]
      } else if docs.count > 1 {
        throw .invalidArgument(
          "the repository holds several drafts (\(docs.joined(separator: ", "))); name the one to import into as PATH")
      } else {
        var base = file.split(separator: "/").last.map(String.init) ?? "luonnos.docx"
        if let dot = base.lastIndex(of: ".") { base = String(base[..<dot]) }
        let safe = base.unicodeScalars.map {
          CharacterSet.alphanumerics.contains($0) || "-_".unicodeScalars.contains($0) ? String($0) : "-"
        }
        .joined()
        p = (safe.isEmpty ? "luonnos" : safe) + ".md"
      }
    }
    let parts = p.split(separator: "/", omittingEmptySubsequences: false)
    if p.hasPrefix("/") || parts.contains("..") || parts.contains("") || p.hasPrefix(".git") || p.hasPrefix("reviews/")
    {
      throw .invalidArgument("PATH '\(p)' must be a file inside the repository (not under .git or reviews/)")
    }
    guard DocumentLoader.format(for: p) == .markdown else {
      throw .invalidArgument("PATH '\(p)' must end in .md: the draft is kept as Markdown")
    }
    return p
  }

  func importComments(
    _ comments: [WordComment], markdown: [UInt8], path: String, commit: ObjectID, revision: String, file: String,
    who: Signature, into result: inout ImportResult
  ) throws(RedlineError) {
    let doc: Document
    do { doc = try DocumentLoader.load(markdown, path: path) } catch { throw .document(error) }
    guard !doc.blocks.isEmpty else {
      result.notes.append("\(comments.count) comment(s) not imported: the draft has no paragraph to attach them to")
      return
    }
    let store = try reviewStore()
    let byID = Dictionary(comments.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    func root(_ c: WordComment) -> WordComment {
      var cur = c
      var seen: Set<String> = [c.id]
      while let p = cur.parentID, let parent = byID[p], !seen.contains(p) {
        seen.insert(p)
        cur = parent
      }
      return cur
    }
    var replies: [String: [WordComment]] = [:]
    for c in comments where c.parentID != nil {
      let r = root(c)
      if r.id != c.id { replies[r.id, default: []].append(c) }
    }
    let now = Int64(Date().timeIntervalSince1970)
    var written: [String] = []
    for c in comments where c.parentID == nil || root(c).id == c.id {
      // A comment Redline exported names its thread: new replies go to that thread.
      if let existing = Self.exportedThreadID(c.text), let thread = try? store.thread(existing) {
        let known = Set(thread.events.map { "\($0.author.name)\u{0}\($0.body)" })
        let rs = (replies[c.id] ?? []).sorted { ($0.date ?? now, Int($0.id) ?? 0) < ($1.date ?? now, Int($1.id) ?? 0) }
        for r in rs where !r.text.isEmpty && !known.contains("\(r.author)\u{0}\(r.text)") {
          do {
            _ = try store.append(
              ThreadEvent(kind: .reply, time: r.date ?? now, author: Person(name: r.author), body: r.text), to: existing
            )
          } catch {
            throw .invalidArgument(error.description)
          }
          if !written.contains(store.path(of: existing)) { written.append(store.path(of: existing)) }
          result.repliesAdded += 1
        }
        result.threadsAlreadyThere += 1
        continue
      }
      let id = Self.wordThreadID(c)
      if FileManager.default.fileExists(atPath: store.path(of: id)) {
        result.threadsAlreadyThere += 1
        continue
      }
      let block = Self.anchorBlock(for: c, in: doc)
      let text = doc.blocks[block].text
      let quote = c.quote.isEmpty || !text.contains(c.quote) ? nil : c.quote
      let anchor = Anchor.make(doc: doc, block: block, path: path, commit: commit.hex, revision: revision, quote: quote)
      func person(_ w: WordComment) -> Person { Person(name: w.author) }
      var events = [
        ThreadEvent(
          kind: .comment, time: c.date ?? now, author: person(c), body: c.text.isEmpty ? "(tyhjä kommentti)" : c.text)
      ]
      let rs = (replies[c.id] ?? []).sorted { ($0.date ?? now, Int($0.id) ?? 0) < ($1.date ?? now, Int($1.id) ?? 0) }
      for r in rs {
        events.append(
          ThreadEvent(kind: .reply, time: r.date ?? now, author: person(r), body: r.text.isEmpty ? "(tyhjä)" : r.text))
      }
      if c.done {
        let last = events.map(\.time).max() ?? now
        events.append(
          ThreadEvent(kind: .resolve, time: last, author: person(c), body: "Merkitty ratkaistuksi Wordissa")
            .at(revision: revision, commit: commit.hex))
      }
      do { written += try store.create(ReviewThread(id: id, anchor: anchor, events: events)) } catch {
        throw .io(error.description)
      }
      result.threadsAdded.append(id)
    }
    if !written.isEmpty {
      let name = file.split(separator: "/").last.map(String.init) ?? file
      try commitReviewFiles(
        written,
        message:
          "Word-kommentit tiedostosta \(name): \(result.threadsAdded.count) ketjua, \(result.repliesAdded) vastausta",
        author: who)
    }
  }

  /// The thread id Redline wrote into an exported comment (`[Tila: avoin · ketju k3v9x2qa]`).
  static func exportedThreadID(_ text: String) -> String? {
    guard let r = text.range(of: " · ketju ", options: .backwards) else { return nil }
    let id = text[r.upperBound...].prefix { $0.isLetter || $0.isNumber }
    guard (4...32).contains(id.count), id.allSatisfy({ $0.isASCII }) else { return nil }
    return String(id)
  }

  /// A thread id derived from the comment itself (author, date, text, commented words), so
  /// importing the same comment again finds its thread instead of adding a copy.
  static func wordThreadID(_ c: WordComment) -> String {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in "word|\(c.author)|\(c.date ?? 0)|\(c.text)|\(c.quote)|\(c.paragraph)".utf8 {
      h ^= UInt64(b)
      h = h &* 0x100_0000_01b3
    }
    let letters = Array("abcdefghjkmnpqrstuvwxyz")
    let alnum = Array("abcdefghjkmnpqrstuvwxyz23456789")
    var out = String(letters[Int(h % UInt64(letters.count))])
    h /= UInt64(letters.count)
    for _ in 0..<7 {
      out.append(alnum[Int(h % UInt64(alnum.count))])
      h /= UInt64(alnum.count)
    }
    return out
  }

  /// The block a Word comment belongs to: its paragraph by text (with the commented words),
  /// the first block under a commented heading, else the block at the same position.
  static func anchorBlock(for c: WordComment, in doc: Document) -> Int {
    let para = Normalizer.foldWhitespace(c.paragraph)
    let blocks = doc.blocks
    if c.onHeading,
      let s = doc.sections.firstIndex(where: { $0.index > 0 && $0.heading.contains(para) && !para.isEmpty })
    {
      let r = doc.blockIndexes(inSubtree: s)
      if !r.isEmpty { return r.lowerBound }
    }
    if !para.isEmpty {
      let exact = blocks.indices.filter { blocks[$0].text == para }
      if let i = exact.first(where: { c.quote.isEmpty || blocks[$0].text.contains(c.quote) }) ?? exact.first {
        return i
      }
      let containing = blocks.indices.filter { blocks[$0].text.contains(para) || para.contains(blocks[$0].text) }
      if let i = containing.first(where: { c.quote.isEmpty || blocks[$0].text.contains(c.quote) }) ?? containing.first {
        return i
      }
    }
    if !c.quote.isEmpty, let i = blocks.indices.first(where: { blocks[$0].text.contains(c.quote) }) { return i }
    return min(max(0, c.blockOrdinal), blocks.count - 1)
  }
}

/// A `.docx` side of `diff --files` (or a .docx in the repository) read as Markdown first.
func wordAsMarkdown(_ v: RawVersion) throws(RedlineError) -> RawVersion {
  guard v.path.lowercased().hasSuffix(".docx") else { return v }
  do {
    let w = try WordImport.read(v.bytes.array, name: v.path)
    var o = v
    o.bytes = SourceBytes(Array(w.markdown.utf8))
    o.format = .markdown
    return o
  } catch {
    throw .invalidArgument(error.description)
  }
}
