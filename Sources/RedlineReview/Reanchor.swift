import RedlineDiff
import RedlineDocument

/// A thread's status at a revision.
public enum ThreadStatus: String, Sendable, Hashable, CaseIterable {
  /// A person resolved it.
  case resolved
  /// Its paragraph changed since the comment: likely handled, a person confirms.
  case addressed
  /// Its paragraph is unchanged (maybe moved).
  case open
  /// Its paragraph was deleted.
  case outdated
  /// It cannot be found (its version is not in the repository and no text matches).
  case orphaned
  /// Its file could not be read (the error names the file); reported, never dropped.
  case unreadable
}

/// Where a thread points at a revision, and how that was found.
public struct Placement: Sendable {
  public var status: ThreadStatus
  /// Index of the block in the document at the revision, when found.
  public var block: Int?
  /// The block now sits under another heading path than when the comment was made.
  public var moved: Bool
  /// `diff` (followed through each version's block alignment), `exact_text`, `quote`,
  /// `fuzzy`, or `none`.
  public var matchedBy: String
  public var confidence: Double
  /// Word changes from the commented text to the current text (for `addressed`).
  public var changes: [Segment]?

  public init(status: ThreadStatus, block: Int?, moved: Bool, matchedBy: String, confidence: Double, changes: [Segment]?) {
    self.status = status
    self.block = block
    self.moved = moved
    self.matchedBy = matchedBy
    self.confidence = confidence
    self.changes = changes
  }
}

/// One block followed forward through versions.
public struct Trail: Sendable {
  /// Current block index, nil once the block was deleted.
  public var index: Int?
  /// The text changed along the way.
  public var changed = false
  /// Confidence of the weakest step.
  public var confidence = 1.0

  public init(index: Int?) { self.index = index }
}

/// Re-anchoring, cheapest first: the diff's block mapping version by version; else the
/// exact text anywhere; else the quoted phrase; else a scored fuzzy match over text,
/// prefix and suffix, accepted only above a threshold and with a margin over the
/// runner-up (never a lookalike); else outdated or orphaned.
public enum Reanchor {
  /// Least fuzzy score to re-attach a thread whose paragraph the diff lost.
  public static let fuzzyThreshold = 0.6
  /// Margin the best fuzzy candidate must keep over the runner-up.
  public static let fuzzyMargin = 0.1

  /// Old block index → (new block index, text changed) for one diff.
  public static func mapping(_ d: DocumentDiff) -> [Int: (index: Int, changed: Bool, confidence: Double)] {
    var m: [Int: (index: Int, changed: Bool, confidence: Double)] = [:]
    for s in d.sections {
      for b in s.blocks {
        if let o = b.old, let n = b.new { m[o] = (n, b.segments != nil, b.confidence) }
      }
    }
    return m
  }

  /// Moves a trail one version forward.
  public static func step(_ t: Trail, _ map: [Int: (index: Int, changed: Bool, confidence: Double)]) -> Trail {
    guard let i = t.index else { return t }
    var out = t
    if let next = map[i] {
      out.index = next.index
      out.changed = t.changed || next.changed
      out.confidence = min(t.confidence, next.confidence)
    } else {
      out.index = nil
    }
    return out
  }

  /// The thread's placement in `doc` given where its trail ended (`trail` nil when the
  /// anchor's version could not be followed at all).
  public static func place(_ thread: ReviewThread, trail: Trail?, in doc: Document, index: TextIndex? = nil) -> Placement {
    let a = thread.anchor
    var p: Placement
    if let t = trail, let i = t.index {
      let text = doc.blocks[i].text
      let changed = t.changed || text != a.text
      p = Placement(
        status: changed ? .addressed : .open, block: i, moved: movedSection(a, doc, i), matchedBy: "diff",
        confidence: t.confidence, changes: changed ? WordDiff.diff(a.text, text) : nil)
    } else if let found = search(a, in: doc, index: index) {
      let text = doc.blocks[found.index].text
      let changed = text != a.text
      p = Placement(
        status: changed ? .addressed : .open, block: found.index, moved: movedSection(a, doc, found.index),
        matchedBy: found.method, confidence: found.confidence, changes: changed ? WordDiff.diff(a.text, text) : nil)
    } else {
      p = Placement(
        status: trail == nil ? .orphaned : .outdated, block: nil, moved: false, matchedBy: "none", confidence: 0,
        changes: nil)
    }
    if thread.isResolved { p.status = .resolved }
    return p
  }

  static func movedSection(_ a: Anchor, _ doc: Document, _ i: Int) -> Bool {
    let now = doc.headingPath(of: doc.blocks[i].section).map { HeadingNumber.split($0).title.lowercased() }
    let then = a.section.map { HeadingNumber.split($0).title.lowercased() }
    return now.last != then.last
  }

  /// Finds the anchor's paragraph by text alone: exact text (unique), then the quoted
  /// phrase (unique), then the best fuzzy candidate above the threshold with a margin.
  /// `index` is a `TextIndex` over `doc`'s block texts (built once, shared by all threads).
  public static func search(_ a: Anchor, in doc: Document, index: TextIndex? = nil) -> (index: Int, method: String, confidence: Double)? {
    let ix = index ?? TextIndex(doc.blocks.map(\.text))
    let exact = ix.exact(a.text)
    if exact.count == 1 { return (exact[0], "exact_text", 1) }
    if exact.count > 1 {
      // Several equal paragraphs: the one under the same heading, if exactly one is.
      let same = exact.filter { doc.headingPath(of: doc.blocks[$0].section).last == a.section.last }
      if same.count == 1 { return (same[0], "exact_text", 0.9) }
      return nil
    }
    if let q = a.quote, !q.isEmpty {
      let hits = ix.similar(ix.bag(q), rare: 2).map(\.position).filter { doc.blocks[$0].text.contains(q) }
      if hits.count == 1 { return (hits[0], "quote", 0.8) }
    }
    let target = ix.bag(a.text)
    let pre = ix.bag(a.prefix)
    let suf = ix.bag(a.suffix)
    var best: (Double, Int) = (0, -1)
    var second = 0.0
    for (i, sim) in ix.similar(target) where sim >= 0.3 {
      let prevText = i > 0 ? String(doc.blocks[i - 1].text.suffix(32)) : ""
      let nextText = i + 1 < doc.blocks.count ? String(doc.blocks[i + 1].text.prefix(32)) : ""
      let ps = a.prefix.isEmpty && prevText.isEmpty ? 1 : TextIndex.similarity(pre, ix.bag(prevText))
      let ss = a.suffix.isEmpty && nextText.isEmpty ? 1 : TextIndex.similarity(suf, ix.bag(nextText))
      let score = (50 * sim + 20 * ps + 20 * ss) / 90
      if score > best.0 {
        second = best.0
        best = (score, i)
      } else if score > second {
        second = score
      }
    }
    if best.1 >= 0, best.0 >= fuzzyThreshold, best.0 - second >= fuzzyMargin { return (best.1, "fuzzy", best.0) }
    return nil
  }
}

extension Anchor {
  /// The anchor for block `i` of `doc`, optionally for a phrase inside it.
  public static func make(
    doc: Document, block i: Int, path: String, commit: String?, revision: String, quote: String? = nil
  ) -> Anchor {
    let b = doc.blocks[i]
    return Anchor(
      path: path, commit: commit, revision: revision, section: doc.headingPath(of: b.section), label: b.label,
      index: i, text: b.text, prefix: i > 0 ? String(doc.blocks[i - 1].text.suffix(32)) : "",
      suffix: i + 1 < doc.blocks.count ? String(doc.blocks[i + 1].text.prefix(32)) : "", quote: quote)
  }
}
