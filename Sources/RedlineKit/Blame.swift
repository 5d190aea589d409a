import Dispatch
import Foundation
import RedlineDiff
import RedlineDocument
import RedlineGit
import RedlineReport
import RedlineReview
import Synchronization

extension DraftRepository {
  /// Blame for prose: for every block at `revision`, the version that last changed its
  /// text and the threads made on it before that change.
  ///
  /// One pass forward over the versions that changed the document: each is parsed once
  /// (the next one on a second thread while the current pair is diffed), each consecutive
  /// pair diffed once, and a block's origin carried through the block mapping. A block
  /// the mapping lost counts as split off (origin kept) when its text sits inside a
  /// changed or deleted old block; a changed block that swallowed deleted ones is merged.
  /// `section` (e.g. `3.3`) keeps only the blocks of that section and its subsections.
  package func blame(revision: String = "HEAD", path: String? = nil, section: String? = nil) throws(RedlineError)
    -> Blame
  {
    let chain = try VersionChain(repo: self, path: path, revision: revision)
    let n = chain.count
    // A section that is not there is said before the walk, not after it.
    var subtree: Range<Int>? = nil
    if let section {
      let last = try chain.document(n - 1)
      guard let j = last.section(labeled: section) else {
        throw .unknownSection(section, available: last.sections.dropFirst().map(\.label))
      }
      subtree = last.blockIndexes(inSubtree: j)
    }
    let names = Set(chain.versions.map(\.path))
    // Threads by the version they were made on.
    var startsAt: [Int: [ReviewThread]] = [:]
    var threadErrors: [String] = []
    for t in threads(onAnyOf: names, errors: &threadErrors) {
      if let s = chain.start(of: t.anchor) { startsAt[s, default: []].append(t) }
    }
    var doc = try chain.document(0)
    var origin = [Int](repeating: 0, count: doc.blocks.count)
    var how = [BlockChangeKind](repeating: .created, count: doc.blocks.count)
    var before = [[ThreadNote]](repeating: [], count: doc.blocks.count)
    var threadAt: [(note: ThreadNote, block: Int)] = []
    for k in 0..<n {
      for t in startsAt[k] ?? [] {
        if let b = chain.anchorBlock(t.anchor, in: doc) { threadAt.append((ThreadNote(t), b)) }
      }
      guard k < n - 1 else { break }
      let d = try diffStep(chain, k, prefetch: k + 2)
      let next = d.new
      var byOld: [Int: [ThreadNote]] = [:]
      for (note, b) in threadAt { byOld[b, default: []].append(note) }
      var o2 = [Int](repeating: k + 1, count: next.blocks.count)
      var h2 = [BlockChangeKind](repeating: .created, count: next.blocks.count)
      var b2 = [[ThreadNote]](repeating: [], count: next.blocks.count)
      var forward: [Int: Int] = [:]
      var deletedOld: [Int] = []
      var changedOld: [Int] = []
      var changedNew: [(new: Int, old: Int)] = []
      var addedNew: [Int] = []
      for s in d.sections {
        for bc in s.blocks {
          // The diff's own splits: the part in the old block's place changed in this
          // version (it lost text); a part whose words stood unchanged in the old block
          // keeps their version.
          if bc.status == .split, let o = bc.old {
            for j in bc.parts {
              forward[o] = forward[o] ?? j
              if j != bc.new, TextSearch.contains(doc.blocks[o].text, next.blocks[j].text) {
                o2[j] = origin[o]
                h2[j] = .split
                b2[j] = before[o]
              } else {
                h2[j] = .changed
                b2[j] = byOld[o] ?? []
              }
            }
            continue
          }
          // The diff's own merges: this version, with the threads of every source.
          if bc.status == .merged, let j = bc.new {
            for o in bc.sources { forward[o] = j }
            h2[j] = .merged
            b2[j] = bc.sources.flatMap { byOld[$0] ?? [] }
            continue
          }
          switch (bc.old, bc.new) {
          case (let o?, let j?):
            forward[o] = j
            if bc.segments == nil {
              o2[j] = origin[o]
              h2[j] = how[o]
              b2[j] = before[o]
            } else {
              changedOld.append(o)
              changedNew.append((j, o))
            }
          case (let o?, nil): deletedOld.append(o)
          case (nil, let j?): addedNew.append(j)
          default: break
          }
        }
      }
      // Changed blocks: this version; merged when deleted blocks' words now sit inside.
      let canSearch = (changedNew.count + addedNew.count) * (deletedOld.count + changedOld.count) <= 400_000
      for (j, o) in changedNew {
        var sources = [o]
        if canSearch {
          let text = next.blocks[j].text
          let oldText = doc.blocks[o].text
          sources += deletedOld.filter { m in
            let t = doc.blocks[m].text
            return t.count >= Lineage.minContained && TextSearch.contains(text, t) && !TextSearch.contains(oldText, t)
          }
        }
        o2[j] = k + 1
        h2[j] = sources.count > 1 ? .merged : .changed
        b2[j] = sources.flatMap { byOld[$0] ?? [] }
      }
      // Unmatched new blocks: split off (text unchanged, origin kept), merged, or created.
      for j in addedNew {
        let text = next.blocks[j].text
        if canSearch, text.count >= Lineage.minContained {
          if let s = (changedOld + deletedOld).first(where: { TextSearch.contains(doc.blocks[$0].text, text) }) {
            o2[j] = origin[s]
            h2[j] = .split
            b2[j] = before[s]
            continue
          }
          let parts = deletedOld.filter { m in
            let t = doc.blocks[m].text
            return t.count >= Lineage.minContained && TextSearch.contains(text, t)
          }
          if !parts.isEmpty {
            h2[j] = .merged
            b2[j] = parts.flatMap { byOld[$0] ?? [] }
            continue
          }
        }
      }
      threadAt = threadAt.compactMap { t in forward[t.block].map { (t.note, $0) } }
      origin = o2
      how = h2
      before = b2
      doc = next
      chain.forgetDiff(k)
      chain.release(before: k + 1)
    }
    let lines = (subtree ?? doc.blocks.indices).map { i in
      BlameLine(
        doc.blocks[i], version: origin[i], change: how[i],
        threads: before[i].sorted { ($0.time, $0.id) < ($1.time, $1.id) })
    }
    return Blame(document: chain.documentVersions(at: revision, threadErrors: threadErrors), blocks: lines)
  }

  /// The diff from version `k` to `k + 1`, parsing version `prefetch` (the next one a walk
  /// needs) on a second thread meanwhile. Computed once: the chain keeps it until forgotten.
  func diffStep(_ chain: VersionChain, _ k: Int, prefetch: Int) throws(RedlineError) -> DocumentDiff {
    let a = try chain.document(k)
    let b = try chain.document(k + 1)
    let wanted = (0..<chain.count).contains(prefetch) && !chain.isParsed(prefetch)
    // Held in a lock the parsing thread takes them out of, so the loader has the only
    // reference and blanks front matter in place.
    let ahead = Mutex<[UInt8]?>(wanted ? try? chain.bytes(prefetch) : nil)
    let count = ahead.withLock { $0 == nil } ? 1 : 2
    let path = wanted ? chain.versions[prefetch].path : ""
    let box = DiffBox()
    let parses = chain.parses
    DispatchQueue.concurrentPerform(iterations: count) { i in
      if i == 0 {
        box.setDiff(Differ.diff(a, b))
      } else if let bytes = ahead.withLock({ s in
        defer { s = nil }
        return s
      }) {
        box.setParsed(try? DocumentLoader.load(consume bytes, path: path, cache: parses))
      }
    }
    if let p = box.parsed { chain.store(p, at: prefetch) }
    let d = box.diff!
    chain.keep(d, at: k)
    return d
  }
}

/// Results of the two jobs of one blame step.
private final class DiffBox: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var diff: DocumentDiff?
  private(set) var parsed: Document?
  func setDiff(_ d: DocumentDiff) {
    lock.lock()
    diff = d
    lock.unlock()
  }
  func setParsed(_ d: Document?) {
    lock.lock()
    parsed = d
    lock.unlock()
  }
}
