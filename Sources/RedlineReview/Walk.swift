import RedlineDiff
import RedlineDocument

/// One version of a document that re-anchoring walks through.
package struct VersionStep: Sendable, Hashable {
  /// Identifies the text (a blob id, or `worktree`): equal keys, equal text.
  package var key: String
  /// The commit the version was read from, nil for the working tree.
  package var commit: String?

  /// The working tree: text not committed.
  package static let worktree = VersionStep(key: "worktree", commit: nil)

  /// True for the working tree's step.
  package var isWorktree: Bool { key == Self.worktree.key }
}

extension VersionStep {
  /// The version a commit holds: its blob's id is the key.
  package init(blob: String, commit: String) { self.init(key: blob, commit: commit) }
}

/// Why a version could not be read: one line naming it.
package struct VersionReadError: Error, Sendable, CustomStringConvertible {
  package var description: String
  package init(_ description: String) { self.description = description }
}

/// Where an anchor's own version is, relative to the walked chain.
package enum AnchorOrigin: Sendable {
  /// At this position of the chain.
  case inChain(Int)
  /// In the repository but not on the chain (another branch): one direct diff from it.
  case offChain(VersionStep)
  /// Neither its commit nor its revision name exists here.
  case unknown
  /// Its commit exists but could not be read (the reason names it).
  case unreadable(VersionReadError)
}

/// The versions of the documents that threads are followed through: what re-anchoring
/// needs from a repository. `RedlineKit` implements it over libgit2; tests over arrays.
package protocol VersionSource {
  /// The versions of `path` that changed it, oldest first, ending with the asked revision
  /// (whose text may equal the one before). Empty when `path` is not in the asked revision.
  func versions(of path: String) throws(VersionReadError) -> [VersionStep]
  /// The document at one version.
  func document(at v: VersionStep, path: String) throws(VersionReadError) -> Document
  /// The document at one version prepared for comparison (a source that reads ahead
  /// prepares it on its reader's thread).
  func side(at v: VersionStep, path: String) throws(VersionReadError) -> DiffSide
  /// Where `anchor`'s own version sits (for a WORKTREE anchor: its base commit).
  func origin(of anchor: Anchor, in chain: [VersionStep]) -> AnchorOrigin
  /// True when `commit` came after the asked revision (a descendant of it, not it).
  func isLater(_ commit: String) -> Bool
  /// Events without a commit (replies) newer than this (Unix seconds) came after the asked
  /// revision: the time the next version of the document was committed; nil for none.
  var cutoff: Int64? { get }
  /// A hint that the walk will ask for `steps` of `path`, in this order: a source may read
  /// and parse them ahead, on another thread, while the walk diffs the ones it has.
  func readAhead(_ steps: [VersionStep], path: String)
}

extension VersionSource {
  /// No reading ahead unless a source does it.
  package func readAhead(_ steps: [VersionStep], path: String) {}

  /// Prepared on the asking thread unless a source does it elsewhere.
  package func side(at v: VersionStep, path: String) throws(VersionReadError) -> DiffSide {
    DiffSide(try document(at: v, path: path))
  }
}

/// Re-anchoring's walk: every thread on one document followed from its own version to the
/// asked one, each version read and parsed once (a text that comes back later in the
/// history, again), each consecutive pair diffed once. A version that cannot be read makes
/// the threads that needed it fail alone, with the reason.
package enum ThreadWalk {
  /// Threads placed without a search from which they are placed on a second thread while
  /// the lost ones are searched for (below it, starting a thread costs more than it saves).
  package static let placedAsideFrom = 64

  /// The thread as it stood at the asked revision: nil when it was made later; replies
  /// and resolutions made later are left out.
  package static func asOf(_ t: ReviewThread, _ source: some VersionSource) -> ReviewThread? {
    if let c = t.anchor.commit ?? t.anchor.base, source.isLater(c) { return nil }
    return t.upTo { e in
      if let c = e.commit, e.kind != .reply { return !source.isLater(c) }
      if let cut = source.cutoff { return e.time <= cut }
      return true
    }
  }

  /// The report for every thread on `path` at the asked revision, and the document there.
  package static func place(_ threads: [ReviewThread], path: String, source: some VersionSource)
    -> (document: Document?, reports: [ThreadReport])
  {
    func failed(_ t: ReviewThread, _ why: String) -> ThreadReport {
      ThreadReport(
        id: t.id, thread: t, placement: .nowhere(.unreadable, reason: why),
        error: "reviews/\(t.id).jsonl: \(why)")
    }
    var live: [ReviewThread] = []
    var reports: [ThreadReport] = []
    for t in threads {
      if let now = asOf(t, source) {
        live.append(now)
      } else {
        reports.append(ThreadReport(id: t.id, thread: t, placement: .nowhere(.notYetMade), error: nil))
      }
    }
    let chain: [VersionStep]
    do { chain = try source.versions(of: path) } catch {
      return (nil, reports + live.map { failed($0, "its document '\(path)': \(error.description)") })
    }
    guard let last = chain.last else {
      // The document is gone at this revision: every open thread is outdated.
      return (
        nil,
        reports
          + live.map {
            ThreadReport(
              id: $0.id, thread: $0,
              placement: .nowhere($0.isResolved ? .resolved : .outdated, reason: "'\(path)' is not in this revision"),
              error: nil)
          }
      )
    }
    // Every version from the oldest thread's own onward is needed, in chain order: the
    // source may read them on a second core while this one diffs.
    let origins = live.map { source.origin(of: $0.anchor, in: chain) }
    let first =
      origins.compactMap { o -> Int? in
        if case .inChain(let k) = o { return k }
        return nil
      }.min() ?? chain.count - 1
    if first < chain.count - 1 {
      source.readAhead(Array(chain[first..<(chain.count - 1)]), path: path)
    }
    let finalSide: DiffSide
    do { finalSide = try source.side(at: last, path: path) } catch {
      return (nil, reports + live.map { failed($0, "its document '\(path)': \(error.description)") })
    }
    // Version by version, in chain order (the order the source reads ahead in), every
    // thread still followed is moved across each pair: each version is read once, when a
    // thread first needs it, and each pair of consecutive versions that differ is diffed
    // once, for every thread; a version is let go once the walk is past it. The final
    // version's text index, for finding threads the walk lost by their text, is built on
    // another thread as soon as one is lost, while the walk goes on.
    let finalDoc = finalSide.document
    var finalIndex: Aside<TextIndex>?
    /// Starts the final version's index when a thread may be searched for by its text:
    /// only a lost block is (a lost section is placed by its heading).
    func needIndex(for n: Int? = nil) {
      guard finalIndex == nil, n.map({ live[$0].anchor.kind == .block }) ?? true else { return }
      let blocks = finalDoc.blocks
      finalIndex = Aside { TextIndex(blocks.map(\.text)) }
    }
    var sides = [DiffSide?](repeating: nil, count: chain.count)
    var unread = [VersionReadError?](repeating: nil, count: chain.count)
    sides[chain.count - 1] = finalSide
    func fetch(_ k: Int) {
      guard sides[k] == nil && unread[k] == nil else { return }
      // The same text as the version before (a rename): the source hands each text once.
      if k > 0, chain[k - 1].key == chain[k].key, let same = sides[k - 1] {
        sides[k] = same
        return
      }
      do { sides[k] = try source.side(at: chain[k], path: path) } catch { unread[k] = error }
    }
    var trails = [Trail?](repeating: nil, count: live.count)
    var reasons = [String?](repeating: nil, count: live.count)
    var starting = [[Int]](repeating: [], count: chain.count)  // threads by their own version
    for (n, o) in origins.enumerated() {
      switch o {
      case .inChain(let k): starting[k].append(n)
      case .unknown, .unreadable: needIndex(for: n)
      case .offChain: break
      }
    }
    var followed: [Int] = []  // threads whose trail still has a block
    // What a step reads of each anchor, apart: copying whole anchors costs a retain and a
    // release of each of their strings, for every thread at every version.
    let kinds = live.map(\.anchor.kind)
    let quotes = live.map(\.anchor.quote)
    let lastStart = starting.lastIndex { !$0.isEmpty } ?? -1
    for k in first..<chain.count {
      if followed.isEmpty && k > lastStart {
        // No thread left to follow nor to start: the versions still ahead are not needed.
        source.readAhead([], path: path)
        break
      }
      if !starting[k].isEmpty {
        fetch(k)
        if let e = unread[k] {
          for n in starting[k] {
            reasons[n] = "its version could not be read (\(e.description)); found by text alone"
            needIndex(for: n)
          }
        } else {
          let doc = sides[k]!.document
          let lookup = AnchorLookup(doc)
          for n in starting[k] {
            guard let idx = anchorIndex(live[n].anchor, in: doc, lookup: lookup) else {
              needIndex(for: n)
              continue
            }
            trails[n] = Trail(index: idx)
            followed.append(n)
          }
        }
      }
      guard k < chain.count - 1, !followed.isEmpty else {
        if k < chain.count - 1 { sides[k] = nil }
        continue
      }
      fetch(k + 1)
      if let e = unread[k + 1] {
        for n in followed {
          reasons[n] = "a version in between could not be read (\(e.description)); found by text alone"
          trails[n] = nil
          needIndex(for: n)
        }
        followed = []
      } else if chain[k].key != chain[k + 1].key {
        let (old, new) = (sides[k]!, sides[k + 1]!)
        let map = BlockMapping(Differ.diff(old, new, options: BlockMapping.diffOptions))
        for n in followed {
          trails[n] = Reanchor.step(
            trails[n]!, map, kind: kinds[n], quote: quotes[n], old: old.document, new: new.document)
        }
        for n in followed where trails[n]!.index == nil { needIndex(for: n) }
        followed.removeAll { trails[$0]!.index == nil }
      }
      sides[k] = nil
    }
    for (n, t) in live.enumerated() {
      switch origins[n] {
      case .offChain(let v):
        do {
          let startDoc = try source.document(at: v, path: t.anchor.path)
          if let idx = anchorIndex(t.anchor, in: startDoc) {
            trails[n] = Reanchor.step(
              Trail(index: idx), BlockMapping(Differ.diff(startDoc, finalDoc, options: BlockMapping.diffOptions)),
              anchor: t.anchor, old: startDoc,
              new: finalDoc)
          }
        } catch {
          reasons[n] = "its version could not be read (\(error.description)); found by text alone"
        }
      case .unreadable(let e):
        reasons[n] = "its version could not be read (\(e.description)); found by text alone"
      case .inChain, .unknown:
        break
      }
    }
    // Placing is independent thread by thread. A block the walk lost is searched for here,
    // through the final index; the rest (a word diff for each changed block) are placed
    // on a second thread meanwhile when there are many.
    let searched = live.indices.filter { live[$0].anchor.kind == .block && trails[$0]?.index == nil }
    let direct = live.indices.filter { !(live[$0].anchor.kind == .block && trails[$0]?.index == nil) }
    if !searched.isEmpty { needIndex() }
    let (threads, finalTrails) = (live, trails)
    let placeDirect: @Sendable () -> [Placement] = {
      direct.map { Reanchor.place(threads[$0], trail: finalTrails[$0], in: finalDoc) }
    }
    let aside = direct.count >= placedAsideFrom && !searched.isEmpty ? Aside(placeDirect) : nil
    var placements = [Placement?](repeating: nil, count: live.count)
    if !searched.isEmpty {
      let index = finalIndex!.take()
      for n in searched { placements[n] = Reanchor.place(live[n], trail: trails[n], in: finalDoc, index: index) }
    }
    for (n, p) in zip(direct, aside?.take() ?? placeDirect()) { placements[n] = p }
    for (n, t) in live.enumerated() {
      var p = placements[n]!
      if p.reason == nil { p.reason = reasons[n] }
      reports.append(ThreadReport(id: t.id, thread: t, placement: p, error: nil))
    }
    return (finalDoc, reports)
  }

  /// The anchored block (or section) in its own version: by index when the text agrees,
  /// else by its text when exactly one block has it.
  package static func anchorIndex(_ a: Anchor, in doc: Document, lookup: AnchorLookup? = nil) -> Int? {
    if a.kind != .block {
      if a.index >= 0, a.index < doc.sections.count, doc.sections[a.index].heading == a.text { return a.index }
      let hits = lookup?.headings[a.text] ?? doc.sections.indices.filter { doc.sections[$0].heading == a.text }
      return hits.count == 1 ? hits[0] : nil
    }
    if a.index >= 0, a.index < doc.blocks.count, doc.blocks[a.index].text == a.text { return a.index }
    let hits = lookup?.blocks[a.text] ?? doc.blocks.indices.filter { doc.blocks[$0].text == a.text }
    return hits.count == 1 ? hits[0] : nil
  }
}

/// Where each block text and each heading of one document stands, so that a thousand
/// anchors are found by text without a thousand passes over the document. Keys compare as
/// `String`s do (canonically equivalent texts are one key), as `anchorIndex` compares.
package struct AnchorLookup: Sendable {
  package let blocks: [String: [Int]]
  package let headings: [String: [Int]]

  package init(_ doc: Document) {
    var b = [String: [Int]](minimumCapacity: doc.blocks.count)
    for (i, block) in doc.blocks.enumerated() { b[block.text, default: []].append(i) }
    var h = [String: [Int]](minimumCapacity: doc.sections.count)
    for (i, s) in doc.sections.enumerated() { h[s.heading, default: []].append(i) }
    blocks = b
    headings = h
  }
}
