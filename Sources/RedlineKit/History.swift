import Foundation
import RedlineDiff
import RedlineDocument
import RedlineGit
import RedlineReport
import RedlineReview

extension DraftRepository {
  /// The block at `revision` labelled `block` (`§3.3 ¶1`) or the one block containing `quote`.
  func pickBlock(_ doc: Document, block: String?, quote: String?, revision: String, path: String) throws(RedlineError)
    -> Int
  {
    if let block {
      // The same forgiving labels as `comment add` (`§3.1¶2`, `3.1 ¶2`, `3.1/2`, `3.1 kpl 2`).
      guard let i = doc.block(labeled: block) ?? Labels.canonical(block).flatMap(doc.block(labeled:)) else {
        let near = Labels.nearest(block, among: doc.blocks.map(\.label))
        throw .invalidArgument(
          "no block '\(block)' in \(path) at \(revision); nearest: \(near.joined(separator: ", "))"
            + " (see `redline show \(revision) \(path)`)")
      }
      return i
    }
    guard let quote else { throw .invalidArgument("say which paragraph: --block '§2.1 ¶3' or --quote 'words in it'") }
    let q = Normalizer.foldWhitespace(quote)
    guard !q.isEmpty else { throw .invalidArgument("--quote is empty; quote a few words of the paragraph") }
    // Matched as `comment add --quote` matches: typographic or straight quotes, dashes and spacing alike.
    let hits = doc.blocks.indices.filter { QuoteMatch.contains(doc.blocks[$0].text, q) }
    if hits.isEmpty {
      throw .invalidArgument("no block at \(revision) contains “\(q)”; check the wording or use --block LABEL")
    }
    if hits.count > 1 {
      let c = hits.prefix(8).map { doc.blocks[$0].label }.joined(separator: ", ")
      throw .invalidArgument(
        "“\(q)” is in \(hits.count) blocks: \(c)\(hits.count > 8 ? ", …" : ""); quote more words or use --block LABEL")
    }
    return hits[0]
  }

  /// Every version that changed one paragraph, newest first, back to the version that
  /// created it: followed backwards through each consecutive diff's block mapping (moves
  /// and modifications), and by text containment where the diff lost it (a paragraph
  /// split off a longer one, or others merged into it). Each change carries the threads
  /// made on the paragraph since the change before.
  package func history(
    revision: String = "HEAD", path: String? = nil, block: String? = nil, quote: String? = nil
  ) throws(RedlineError) -> BlockHistory {
    let chain = try VersionChain(repo: self, path: path, revision: revision)
    let n = chain.count
    let last = try chain.document(n - 1)
    let target = try pickBlock(last, block: block, quote: quote, revision: revision, path: chain.path)

    var lineage: [Int: Set<Int>] = [n - 1: [target]]
    var forwardMaps: [Int: [Int: Int]] = [:]
    var entries: [HistoryEntry] = []
    var frontier: Set<Int> = [target]
    var k = n - 2
    while k >= 0, !frontier.isEmpty {
      let d = try diffStep(chain, k, prefetch: k - 1)
      let step = Lineage.step(d, frontier: frontier, version: k + 1)
      forwardMaps[k] = Lineage.forward(d)
      chain.forgetDiff(k)
      chain.release(after: k)
      entries += step.entries
      frontier = step.previous
      lineage[k] = frontier
      k -= 1
    }
    if k < 0, !frontier.isEmpty {
      let first = try chain.document(0)
      for b in frontier.sorted() {
        entries.append(
          HistoryEntry(.created, in: 0, to: first.blocks[b]))
      }
    }

    // Threads: where each was made, followed forward until it is on the paragraph.
    var onParagraph: [(note: ThreadNote, version: Int)] = []
    let names = Set(chain.versions.map(\.path))
    var threadErrors: [String] = []
    for t in threads(onAnyOf: names, errors: &threadErrors) {
      guard let s = chain.start(of: t.anchor), let doc = try? chain.document(s),
        var pos = chain.anchorBlock(t.anchor, in: doc)
      else { continue }
      var v = s
      while true {
        if lineage[v]?.contains(pos) == true {
          onParagraph.append((ThreadNote(t), v))
          break
        }
        if v < n - 1, forwardMaps[v] == nil, let d = try? chain.diff(v) { forwardMaps[v] = Lineage.forward(d) }
        guard v < n - 1, let next = forwardMaps[v]?[pos] else { break }
        pos = next
        v += 1
      }
    }
    // Each thread belongs to the first change after it was made.
    var open: [ThreadNote] = []
    for (note, v) in onParagraph.sorted(by: { ($0.note.time, $0.note.id) < ($1.note.time, $1.note.id) }) {
      if let e = entries.indices.filter({ entries[$0].version > v }).min(by: {
        entries[$0].version < entries[$1].version
      }) {
        entries[e].threads.append(note)
      } else {
        open.append(note)
      }
    }
    entries.sort { ($0.version, $0.label) > ($1.version, $1.label) }
    return BlockHistory(
      of: last.blocks[target], in: chain.documentVersions(at: revision, threadErrors: threadErrors), entries: entries,
      openThreads: open)
  }
}

/// Following blocks across one diff: the block mapping first, then text containment for
/// the merges and splits the mapping does not record.
enum Lineage {
  /// Shortest text that counts when looking for a paragraph inside another.
  static let minContained = 20

  /// Old block → new block for every block the diff matched.
  static func forward(_ d: DocumentDiff) -> [Int: Int] {
    var m: [Int: Int] = [:]
    for s in d.sections {
      for b in s.blocks {
        // A merge maps every source to the merged block; a split maps the old block to
        // its first part (the part that keeps its place).
        for o in b.oldBlocks { if let n = b.newBlocks.first { m[o] = n } }
      }
    }
    return m
  }

  /// One step backwards: the blocks of `frontier` (in the new version) traced to the old
  /// version, with an entry for each one this version changed.
  static func step(_ d: DocumentDiff, frontier: Set<Int>, version: Int) -> (entries: [HistoryEntry], previous: Set<Int>)
  {
    var byNew: [Int: BlockChange] = [:]
    var deletedOld: [Int] = []
    var changedOld: [Int] = []
    for s in d.sections {
      for b in s.blocks {
        for n in b.newBlocks where frontier.contains(n) { byNew[n] = b }
        if let o = b.old {
          if b.new == nil { deletedOld.append(o) } else if b.segments != nil { changedOld.append(o) }
        }
      }
    }
    var entries: [HistoryEntry] = []
    var previous: Set<Int> = []
    for j in frontier.sorted() {
      let newBlock = d.new.blocks[j]
      guard let bc = byNew[j] else { continue }
      // The diff's own merges and splits: one change listing its sources or parts.
      if bc.status == .split, let o = bc.old {
        previous.insert(o)
        entries.append(
          HistoryEntry(.split, in: version, to: newBlock, sources: [d.old.blocks[o].label]))
        continue
      }
      if bc.status == .merged, !bc.sources.isEmpty {
        previous.formUnion(bc.sources)
        let before = bc.sources.map { d.old.blocks[$0].text }.joined(separator: " ")
        entries.append(
          HistoryEntry(
            .merged, in: version, to: newBlock, sources: bc.sources.map { d.old.blocks[$0].label },
            segments: bc.segments ?? WordDiff.diff(before, newBlock.text)))
        continue
      }
      if let o = bc.old {
        previous.insert(o)
        let oldText = d.old.blocks[o].text
        // Deleted paragraphs whose words now sit inside this one: merged into it.
        let merged = deletedOld.filter { m in
          let t = d.old.blocks[m].text
          return t.count >= minContained && TextSearch.contains(newBlock.text, t) && !TextSearch.contains(oldText, t)
        }
        previous.formUnion(merged)
        let oldLabel = d.old.blocks[o].label
        if !merged.isEmpty {
          entries.append(
            HistoryEntry(
              .merged, in: version, to: newBlock, oldLabel: oldLabel, sources: merged.map { d.old.blocks[$0].label },
              segments: bc.segments ?? WordDiff.diff(oldText, newBlock.text)))
        } else if let segs = bc.segments {
          entries.append(
            HistoryEntry(.changed, in: version, to: newBlock, oldLabel: oldLabel, segments: segs))
        } else if bc.status == .moved {
          entries.append(
            HistoryEntry(.moved, in: version, to: newBlock, oldLabel: oldLabel))
        }
        continue
      }
      // Not matched: split off a changed or deleted paragraph, or made of deleted ones.
      let candidates = changedOld + deletedOld
      let t = newBlock.text
      let splitFrom = t.count >= minContained ? candidates.filter { TextSearch.contains(d.old.blocks[$0].text, t) } : []
      if let s = splitFrom.first {
        previous.insert(s)
        entries.append(
          HistoryEntry(.split, in: version, to: newBlock, sources: [d.old.blocks[s].label]))
        continue
      }
      let parts = candidates.filter { c in
        let ct = d.old.blocks[c].text
        return ct.count >= minContained && TextSearch.contains(t, ct)
      }
      if !parts.isEmpty {
        previous.formUnion(parts)
        let before = parts.map { d.old.blocks[$0].text }.joined(separator: " ")
        entries.append(
          HistoryEntry(
            .merged, in: version, to: newBlock, sources: parts.map { d.old.blocks[$0].label },
            segments: WordDiff.diff(before, t)))
        continue
      }
      entries.append(
        HistoryEntry(.created, in: version, to: newBlock))
    }
    return (entries, previous)
  }
}
