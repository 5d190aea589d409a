import RedlineDiff
import RedlineDocument

/// A thread's status at a revision.
package enum ThreadStatus: String, Sendable, Hashable, CaseIterable {
  /// A person resolved it.
  case resolved
  /// Its paragraph changed since the comment: likely handled, a person confirms.
  case addressed
  /// Its paragraph is unchanged (maybe moved).
  case open
  /// Its paragraph's words went into another block (merged); a person confirms.
  case merged
  /// Its paragraph was deleted; a person still gives a disposition.
  case outdated
  /// It cannot be found (its version is not in the repository and no text matches).
  case orphaned
  /// Its file, or the document it points into, could not be read (the reason says which).
  case unreadable
  /// Made after the asked revision (listed apart, never placed in an older text).
  case notYetMade = "not_yet_made"

  /// Still waiting for a person's decision.
  package var waitsForPerson: Bool { [.addressed, .open, .merged, .outdated].contains(self) }

  /// In words, for people: `not yet made`.
  package var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}

/// How a thread's place was found.
package enum MatchedBy: String, Sendable, Hashable, CaseIterable {
  /// Followed through each version's block alignment.
  case diff
  /// The commented text found whole, alone, elsewhere.
  case exactText = "exact_text"
  /// The quoted phrase found in exactly one block.
  case quote
  /// The commented text found inside a larger block (a merge).
  case containment
  /// A scored fuzzy match above the threshold, with a margin.
  case fuzzy
  /// Not found.
  case none
}

/// Where a thread points at a revision, and how that was found.
package struct Placement: Sendable {
  package var status: ThreadStatus
  /// Index of the block in the document at the revision, when found.
  package var block: Int?
  /// Index of the section, for a comment on a heading or a whole section.
  package var section: Int?
  /// The block now sits under another heading path than when the comment was made.
  package var moved: Bool
  package var matchedBy: MatchedBy
  package var confidence: Double
  /// Word changes from the commented text to the current text (for `addressed`).
  package var changes: [Segment]?
  /// Why a thread is `unreadable`, `orphaned` or was placed by text search (a version
  /// that could not be read), naming the file or version; nil when nothing went wrong.
  package var reason: String?

  /// A placement that found nothing.
  package static func nowhere(_ status: ThreadStatus, reason: String? = nil) -> Placement {
    Placement(status: status, block: nil, moved: false, matchedBy: .none, confidence: 0, changes: nil, reason: reason)
  }
}

/// One diff's block alignment: old block index → new block index.
package struct BlockMapping: Sendable {
  package struct Target: Sendable, Equatable {
    package var index: Int
    package var changed: Bool
    package var confidence: Double
    /// The block was one source of a merge into `index`.
    package var merged = false
  }

  /// By old block index: where it went, nil for a block deleted outright.
  private var targets: [Target?]
  /// By old section index: the new section index, and whether its own blocks changed.
  private var sections: [(index: Int, changed: Bool)?]

  /// The options a mapping's diff needs: the defaults without word diffs (a mapping
  /// reads where each block went and whether it changed, not which words did).
  package static let diffOptions: DiffOptions = {
    var o = DiffOptions()
    o.wordDiffs = false
    return o
  }()

  package init(_ d: DocumentDiff) {
    sections = Array(repeating: nil, count: d.old.sections.count)
    for s in d.sections {
      if let o = s.old, let n = s.new { sections[o] = (n, !s.isUnchanged || s.renamed) }
    }
    // The diff's own mapping: every source of a merge goes to the merged block, a split
    // block to the part holding most of its words (a quote is then followed in `step`).
    targets = d.blockMapping.map { m in
      m.map { Target(index: $0.new, changed: $0.changed, confidence: $0.confidence, merged: $0.status == .merged) }
    }
  }

  /// Where old block `i` went; nil when it was deleted outright (or is out of range).
  package func target(ofBlock i: Int) -> Target? { targets.indices.contains(i) ? targets[i] : nil }

  /// Where old section `i` went, and whether its own blocks changed; nil when it was deleted.
  package func target(ofSection i: Int) -> (index: Int, changed: Bool)? {
    sections.indices.contains(i) ? sections[i] : nil
  }
}

/// One block (or section) followed forward through versions.
package struct Trail: Sendable {
  /// Current block (or section) index, nil once it was deleted.
  package var index: Int?
  /// The text changed along the way.
  package var changed = false
  /// Its words went into another block (merge) on the way.
  package var merged = false
  /// Confidence of the weakest step.
  package var confidence = 1.0

  package init(index: Int?) { self.index = index }
}

/// Re-anchoring, cheapest first: the diff's block mapping version by version (then the
/// quoted phrase, when the mapped block lost it and another block holds it whole, and
/// the commented text found whole inside one block when the diff lost it: a merge);
/// else the exact text anywhere; else the quoted phrase; else a scored fuzzy match over
/// text, prefix and suffix, accepted only above a threshold and with a margin over the
/// runner-up (never a lookalike); else outdated or orphaned.
package enum Reanchor {
  /// Least fuzzy score to re-attach a thread whose paragraph the diff lost.
  package static let fuzzyThreshold = 0.6
  /// Margin the best fuzzy candidate must keep over the runner-up.
  package static let fuzzyMargin = 0.1
  /// Least wording similarity for a block to be scored as a fuzzy candidate at all: below
  /// it the text is another paragraph, whatever its neighbours say.
  package static let fuzzyCandidateFloor = 0.3
  /// Weights of a fuzzy score: the paragraph's own words count most (50), the text just
  /// before and just after it (20 each) tell apart paragraphs that read alike.
  package static let fuzzyWeights = (text: 50.0, prefix: 20.0, suffix: 20.0)
  /// Characters of the neighbouring blocks an anchor keeps as its prefix and suffix:
  /// enough words to tell two look-alike paragraphs apart, short enough to survive edits nearby.
  package static let contextCharacters = 32
  /// Confidence of an exact text found several times, chosen by its heading.
  package static let sameHeadingConfidence = 0.9
  /// Confidence of a placement by the quoted phrase alone.
  package static let quoteConfidence = 0.8
  /// Confidence of a placement inside a larger block (the paragraph was merged into it).
  package static let containmentConfidence = 0.9
  /// Fewest words a sentence needs to be looked for on its own: shorter ones ("Ks. 3 §.")
  /// occur by chance.
  package static let sentenceMinWords = 3
  /// Fewest sentences a lost paragraph needs before its sentences are followed one by one.
  package static let sentencesMinCount = 2

  /// Moves a trail one version forward, from `old` to `new` through `map`.
  package static func step(_ t: Trail, _ map: BlockMapping, anchor a: Anchor, old: Document, new: Document) -> Trail {
    step(t, map, kind: a.kind, quote: a.quote, old: old, new: new)
  }

  /// `step` given only what it reads of the anchor (the walk moves a thousand trails
  /// across each pair of versions without copying a thousand anchors).
  static func step(_ t: Trail, _ map: BlockMapping, kind: AnchorKind, quote: String?, old: Document, new: Document)
    -> Trail
  {
    guard let i = t.index else { return t }
    var out = t
    if kind != .block {
      guard let next = map.target(ofSection: i) else {
        out.index = nil
        return out
      }
      out.index = next.index
      out.changed =
        t.changed || (kind == .section && next.changed) || new.sections[next.index].heading != old.sections[i].heading
      return out
    }
    if let next = map.target(ofBlock: i) {
      out.index = next.index
      out.changed = t.changed || next.changed
      out.merged = t.merged || next.merged
      out.confidence = min(t.confidence, next.confidence)
      // A split: the quoted words went to another block; follow them.
      if let q = quote, QuoteMatch.contains(old.blocks[i].text, q),
        !QuoteMatch.contains(new.blocks[next.index].text, q),
        let j = unique(new, { QuoteMatch.contains($0, q) })
      {
        out.index = j
        out.changed = true
      }
      return out
    }
    let before = old.blocks[i].text
    // The diff lost the block. Its whole text inside exactly one block: merged there.
    if let j = unique(new, { TextSearch.contains($0, before) && $0 != before }) {
      out.index = j
      out.changed = true
      out.merged = true
      return out
    }
    if let q = quote, QuoteMatch.contains(before, q), let j = unique(new, { QuoteMatch.contains($0, q) }) {
      out.index = j
      out.changed = true
      out.merged = !TextSearch.contains(new.blocks[j].text, before) && new.blocks[j].text.utf8.count > before.utf8.count
      return out
    }
    // Its sentences all kept, moved into other blocks: merged into the one holding most.
    if let j = sentencesHome(before, in: new) {
      out.index = j
      out.changed = true
      out.merged = true
      return out
    }
    out.index = nil
    return out
  }

  /// The sentences of `text` (split after `.`, `!`, `?` followed by a space), each of at least `sentenceMinWords` words.
  static func sentences(_ text: String) -> [String] {
    var out: [String] = []
    var cur = ""
    var prev: Character = " "
    for c in text {
      if c == " " && (prev == "." || prev == "!" || prev == "?") {
        out.append(cur)
        cur = ""
      } else {
        cur.append(c)
      }
      prev = c
    }
    if !cur.isEmpty { out.append(cur) }
    return out.filter { $0.split(separator: " ").count >= sentenceMinWords }
  }

  /// When a paragraph of two or more sentences is gone but every sentence is still in
  /// the document word for word, the block that holds the largest part of it (at least
  /// half); nil otherwise (a real deletion or rewrite).
  static func sentencesHome(_ text: String, in doc: Document) -> Int? {
    let parts = sentences(text)
    guard parts.count >= sentencesMinCount else { return nil }
    var covered: [Int: Int] = [:]
    for p in parts {
      let homes = doc.blocks.withUnsafeBufferPointer { b in b.indices.filter { TextSearch.contains(b[$0].text, p) } }
      guard !homes.isEmpty else { return nil }
      for h in homes { covered[h, default: 0] += p.count }
    }
    guard let best = covered.max(by: { ($0.value, -$0.key) < ($1.value, -$1.key) }), best.value * 2 >= text.count else {
      return nil
    }
    return best.key
  }

  static func unique(_ d: Document, _ f: (String) -> Bool) -> Int? {
    // Through the buffer: a block is borrowed, not copied (a retain and a release of each
    // of its texts, for every block of the version, for every thread the diff lost).
    d.blocks.withUnsafeBufferPointer { blocks in
      var found: Int?
      for k in blocks.indices where f(blocks[k].text) {
        if found != nil { return nil }
        found = k
      }
      return found
    }
  }

  /// The thread's placement in `doc` given where its trail ended (`trail` nil when the
  /// anchor's version could not be followed at all).
  package static func place(_ thread: ReviewThread, trail: Trail?, in doc: Document, index: TextIndex? = nil)
    -> Placement
  {
    let a = thread.anchor
    var p: Placement
    if a.kind != .block {
      var at = trail?.index
      if at == nil {
        let title = HeadingNumber.split(a.text).title.lowercased()
        let hits = doc.sections.indices.filter { $0 > 0 && doc.sections[$0].title.lowercased() == title }
        at = hits.count == 1 ? hits[0] : nil
      }
      if let s = at {
        let changed = (trail?.changed ?? false) || doc.sections[s].heading != a.text
        p = Placement(
          status: changed ? .addressed : .open, block: nil, section: s,
          moved: doc.headingPath(of: s).dropLast() != a.section.dropLast() && doc.sections[s].label != a.label,
          matchedBy: trail?.index != nil ? .diff : .exactText, confidence: 1,
          changes: doc.sections[s].heading != a.text ? WordDiff.diff(a.text, doc.sections[s].heading) : nil)
      } else {
        p = .nowhere(trail == nil ? .orphaned : .outdated)
      }
    } else if let t = trail, let i = t.index {
      let text = doc.blocks[i].text
      let changed = t.changed || text != a.text
      p = Placement(
        status: t.merged ? .merged : (changed ? .addressed : .open), block: i, moved: movedSection(a, doc, i),
        matchedBy: t.merged ? .containment : .diff, confidence: t.confidence,
        changes: changed ? WordDiff.diff(a.text, text) : nil)
    } else if let found = search(a, in: doc, index: index) {
      let text = doc.blocks[found.index].text
      let changed = text != a.text
      p = Placement(
        status: changed ? .addressed : .open, block: found.index, moved: movedSection(a, doc, found.index),
        matchedBy: found.method, confidence: found.confidence, changes: changed ? WordDiff.diff(a.text, text) : nil)
    } else if let j = unique(doc, { TextSearch.contains($0, a.text) && $0 != a.text }) ?? sentencesHome(a.text, in: doc)
    {
      p = Placement(
        status: .merged, block: j, moved: movedSection(a, doc, j), matchedBy: .containment,
        confidence: containmentConfidence,
        changes: WordDiff.diff(a.text, doc.blocks[j].text))
    } else {
      p = .nowhere(trail == nil ? .orphaned : .outdated)
    }
    if thread.isResolved { p.status = .resolved }
    return p
  }

  /// Whether block `i` of `doc` sits under another heading than the anchor did; never
  /// for a block that still has the anchor's label under the same heading.
  static func movedSection(_ a: Anchor, _ doc: Document, _ i: Int) -> Bool {
    let now = doc.headingPath(of: doc.blocks[i].section).map { HeadingNumber.split($0).title.lowercased() }
    let then = a.section.map { HeadingNumber.split($0).title.lowercased() }
    return now.last != then.last && doc.blocks[i].label != a.label
  }

  /// Finds the anchor's paragraph by text alone: exact text (unique), then the quoted
  /// phrase (unique), then the best fuzzy candidate above the threshold with a margin.
  /// `index` is a `TextIndex` over `doc`'s block texts (built once for every thread searched for in `doc`).
  package static func search(_ a: Anchor, in doc: Document, index: TextIndex? = nil) -> (
    index: Int, method: MatchedBy, confidence: Double
  )? {
    let ix = index ?? TextIndex(doc.blocks.map(\.text))
    let exact = ix.exact(a.text)
    if exact.count == 1 { return (exact[0], .exactText, 1) }
    if exact.count > 1 {
      // Several equal paragraphs: the one under the same heading, if exactly one is.
      let same = exact.filter { doc.headingPath(of: doc.blocks[$0].section).last == a.section.last }
      if same.count == 1 { return (same[0], .exactText, sameHeadingConfidence) }
      return nil
    }
    if let q = a.quote, !q.isEmpty {
      let hits = doc.blocks.indices.filter { QuoteMatch.contains(doc.blocks[$0].text, q) }
      if hits.count == 1 { return (hits[0], .quote, quoteConfidence) }
    }
    let target = ix.bag(a.text)
    let pre = ix.bag(a.prefix)
    let suf = ix.bag(a.suffix)
    var best: (Double, Int) = (0, -1)
    var second = 0.0
    let w = fuzzyWeights
    for (i, sim) in ix.similar(target) where sim >= fuzzyCandidateFloor {
      let prevText = prefix(doc, i)
      let nextText = suffix(doc, i)
      let ps = a.prefix.isEmpty && prevText.isEmpty ? 1 : TextIndex.similarity(pre, ix.bag(prevText))
      let ss = a.suffix.isEmpty && nextText.isEmpty ? 1 : TextIndex.similarity(suf, ix.bag(nextText))
      let score = (w.text * sim + w.prefix * ps + w.suffix * ss) / (w.text + w.prefix + w.suffix)
      if score > best.0 {
        second = best.0
        best = (score, i)
      } else if score > second {
        second = score
      }
    }
    if best.1 >= 0, best.0 >= fuzzyThreshold, best.0 - second >= fuzzyMargin { return (best.1, .fuzzy, best.0) }
    return nil
  }

  /// The end of the block before block `i` (`contextCharacters`), empty for the first.
  static func prefix(_ doc: Document, _ i: Int) -> String {
    i > 0 ? String(doc.blocks[i - 1].text.suffix(contextCharacters)) : ""
  }

  /// The start of the block after block `i` (`contextCharacters`), empty for the last.
  static func suffix(_ doc: Document, _ i: Int) -> String {
    i + 1 < doc.blocks.count ? String(doc.blocks[i + 1].text.prefix(contextCharacters)) : ""
  }
}

extension Anchor {
  /// The anchor for block `i` of `doc`, optionally for a phrase inside it.
  package static func make(
    doc: Document, block i: Int, path: String, commit: String?, revision: String, quote: String? = nil,
    base: String? = nil
  ) -> Anchor {
    let b = doc.blocks[i]
    return Anchor(
      path: path, commit: commit, revision: revision, section: doc.headingPath(of: b.section), label: b.label,
      index: i, text: b.text, prefix: Reanchor.prefix(doc, i), suffix: Reanchor.suffix(doc, i), quote: quote,
      base: base)
  }

  /// The anchor for section `s` of `doc`: its heading (`kind` `.heading`) or the whole
  /// section with its subsections (`.section`).
  package static func make(
    doc: Document, section s: Int, kind: AnchorKind, path: String, commit: String?, revision: String,
    base: String? = nil
  ) -> Anchor {
    let sec = doc.sections[s]
    return Anchor(
      path: path, commit: commit, revision: revision, section: doc.headingPath(of: s), label: sec.label, index: s,
      text: sec.heading, prefix: "", suffix: "", kind: kind, base: base)
  }
}
