import RedlineDocument

/// The result of comparing two versions of a document: sections in the new document's
/// order (deleted sections at their old place), each with its blocks.
package struct DocumentDiff: Sendable {
  /// The old version.
  package var old: Document
  /// The new version.
  package var new: Document
  /// Section changes in output order.
  package var sections: [SectionChange]
  /// True when a work budget stopped a search early (some matches may be missing), or
  /// when a word diff hit its cost cap and fell back to a coarser split.
  package var budgetExhausted: Bool
  /// Front-matter changes (title, version, date …), in the new version's key order.
  package var metadata: [MetadataChange] = []

  /// Counts for the summary line and `--stat`.
  package var summary: Summary { Summary(self) }

  /// `summary`, from each section's counts made already (`BlockCounts(section, old:new:)`,
  /// one for each of `sections`, in order): the same value, without counting again.
  package func summary(sectionCounts: [BlockCounts]) -> Summary { Summary(self, sectionCounts: sectionCounts) }

  /// True when nothing but cosmetic changes was found (front matter included).
  package var isUnchanged: Bool { metadata.isEmpty && sections.allSatisfy { $0.isUnchanged } }
}

/// How a section or block was matched across versions.
package enum MatchMethod: String, Sendable, Hashable, Codable {
  /// Same heading text (number included).
  case heading
  /// Same heading title, different number (renumbered or moved).
  case title
  /// Most of its blocks found in the other version (renamed).
  case content
  /// A similar title (and maybe some shared text): renamed.
  case similarTitle = "similar_title"
  /// The document root (text before the first heading).
  case root
  /// Most of a new section's blocks came from one old section.
  case split
  /// Most of an old section's blocks went to one new section.
  case merged
  /// Equal normalized text in corresponding sections.
  case exact
  /// The most similar block in corresponding sections.
  case similar
  /// The same explicit heading id (`{#token-construction}`).
  case id
  /// Equal text found in another section.
  case movedExact = "moved_exact"
  /// The most similar block in another section.
  case movedSimilar = "moved_similar"
}

/// The status of a section or block.
package enum ChangeStatus: String, Sendable, Hashable, Codable, CaseIterable {
  case unchanged, modified, added, deleted, moved
  /// Several old blocks joined into one new block (`BlockChange.sources`).
  case merged
  /// One old block divided into several new blocks (`BlockChange.parts`).
  case split
}

/// One section in the diff.
package struct SectionChange: Sendable {
  package var status: ChangeStatus
  /// The heading's title changed (number changes alone are renumbering).
  package var renamed: Bool
  /// Found under another parent or out of order among its siblings.
  package var moved: Bool
  /// The heading's number changed.
  package var renumbered: Bool
  /// Index into `old.sections`, nil for an added section.
  package var old: Int?
  /// Index into `new.sections`, nil for a deleted section.
  package var new: Int?
  package var matchedBy: MatchMethod?
  package var confidence: Double
  /// For an added section made from blocks of an old one (split), that old section.
  package var splitFrom: Int?
  /// For a deleted section whose blocks went to one new section (merge), that section.
  package var mergedInto: Int?
  /// Blocks in new order, deleted blocks at their old place.
  package var blocks: [BlockChange]
  /// Blocks that left this section (moved out, merged into a block elsewhere) or parts of
  /// a block split from elsewhere: shown here as pointers, counted in `BlockCounts`, but
  /// never a second `old`/`new` side (each block's change lives in one place).
  package var pointers: [BlockPointer] = []

  /// True when neither the heading nor any block changed.
  package var isUnchanged: Bool {
    status == .unchanged && !renamed && !moved && !renumbered && pointers.isEmpty
      && blocks.allSatisfy { $0.status == .unchanged }
  }
}

/// A reference, inside one section, to a block whose change is shown in another section.
package struct BlockPointer: Sendable, Hashable {
  package enum Kind: String, Sendable, Hashable, Codable {
    /// Old block `old` of this section moved to new block `new` elsewhere.
    case movedOut = "moved_out"
    /// Old block `old` of this section was merged into new block `new` elsewhere.
    case mergedAway = "merged_away"
    /// Old block `old` of this section was split; its first part `new` is shown elsewhere.
    case splitAway = "split_away"
    /// New block `new` of this section is a part of old block `old`, split elsewhere.
    case splitPart = "split_part"
  }
  package var kind: Kind
  /// Index into `old.blocks`.
  package var old: Int
  /// Index into `new.blocks`.
  package var new: Int
}

/// Which stretch of an old block's text went to which new block (merges and splits).
/// Offsets are UTF-8 byte offsets into the blocks' normalized `text`.
package struct BlockPiece: Sendable, Hashable {
  /// Index into `old.blocks`.
  package var old: Int
  /// Index into `new.blocks`.
  package var new: Int
  /// The stretch of the old block's text.
  package var oldRange: Range<Int>
  /// Where that stretch is in the new block's text.
  package var newRange: Range<Int>

  package init(old: Int, new: Int, oldRange: Range<Int>, newRange: Range<Int>) {
    self.old = old
    self.new = new
    self.oldRange = oldRange
    self.newRange = newRange
  }
}

/// A front-matter key whose value changed (`title`, `version`, `date` …).
package struct MetadataChange: Sendable, Hashable {
  package var key: String
  /// nil when the key was added.
  package var old: String?
  /// nil when the key was removed.
  package var new: String?

  package init(key: String, old: String?, new: String?) {
    self.key = key
    self.old = old
    self.new = new
  }
}

/// One block in the diff.
package struct BlockChange: Sendable {
  package var status: ChangeStatus
  package var kind: BlockKind
  /// Index into `old.blocks`, nil for an added block.
  package var old: Int?
  /// Index into `new.blocks`, nil for a deleted block.
  package var new: Int?
  package var matchedBy: MatchMethod?
  package var confidence: Double
  /// Word changes, for a block whose text changed (empty, not nil, in a diff made without
  /// word diffs, `DiffOptions.wordDiffs`, except for splits and merges).
  package var segments: [Segment]?
  /// Invisible-character changes only (no-break spaces, zero-width spaces): cosmetic.
  package var cosmetic: [String]
  /// For `.merged`: every old block joined into `new`, in document order (`old` is the
  /// first). `segments` diff their texts joined by one space against the new text.
  package var sources: [Int] = []
  /// For `.split`: every new block `old` was divided into, in document order (`new` is the
  /// first). `segments` diff the old text against the parts' texts joined by one space.
  package var parts: [Int] = []
  /// For `.moved`: true when the block was reordered inside its own section.
  package var withinSection = false
  /// For `.merged` and `.split`: which stretch of which old block is in which new block.
  package var pieces: [BlockPiece] = []

  /// Every old block this change accounts for (`sources` for a merge, else `old`).
  package var oldBlocks: [Int] { sources.isEmpty ? (old.map { [$0] } ?? []) : sources }
  /// Every new block this change accounts for (`parts` for a split, else `new`).
  package var newBlocks: [Int] { parts.isEmpty ? (new.map { [$0] } ?? []) : parts }
}

/// Where an old block went: the new block (for a split, the part holding most of it),
/// whether its text changed, and how sure the match is. One entry per matched old block.
package struct BlockMapping: Sendable, Hashable {
  /// Index into `new.blocks`.
  package var new: Int
  /// The text changed (edited, merged or split).
  package var changed: Bool
  package var confidence: Double
  package var status: ChangeStatus
}

extension DocumentDiff {
  /// Where each old block went, by old block index: nil for a block deleted outright.
  /// (An array, not a dictionary: a history walk builds one per pair of versions.)
  package var blockMapping: [BlockMapping?] {
    var m = [BlockMapping?](repeating: nil, count: old.blocks.count)
    for s in sections {
      for b in s.blocks {
        guard b.new != nil else { continue }
        for k in b.oldBlocks {
          let target =
            b.status == .split ? (newBlock(holding: k, utf8Range: 0..<old.blocks[k].text.utf8.count) ?? b.new!) : b.new!
          m[k] = BlockMapping(new: target, changed: b.segments != nil, confidence: b.confidence, status: b.status)
        }
      }
    }
    return m
  }

  /// The new block that holds the words at `utf8Range` of old block `oldBlock` (for a split
  /// block, the part with most of that range; for a merge, the merged block), or nil when
  /// the block was deleted. A thread quoting a sentence follows it with this.
  package func newBlock(holding oldBlock: Int, utf8Range: Range<Int>) -> Int? {
    newRange(holding: oldBlock, utf8Range: utf8Range)?.block
  }

  /// Like `newBlock(holding:utf8Range:)`, with the stretch of the new block's text that
  /// corresponds to the range (UTF-8 offsets; the whole block when it is not known finer).
  package func newRange(holding oldBlock: Int, utf8Range: Range<Int>) -> (block: Int, range: Range<Int>)? {
    for s in sections {
      for b in s.blocks where b.oldBlocks.contains(oldBlock) {
        guard let n = b.new else { return nil }
        let pieces = b.pieces.filter { $0.old == oldBlock }
        if pieces.isEmpty { return (n, 0..<new.blocks[n].text.utf8.count) }
        var best: (overlap: Int, piece: BlockPiece)? = nil
        for p in pieces {
          let o = max(
            0, min(p.oldRange.upperBound, utf8Range.upperBound) - max(p.oldRange.lowerBound, utf8Range.lowerBound))
          let overlap = utf8Range.isEmpty && p.oldRange.contains(utf8Range.lowerBound) ? 1 : o
          if best == nil || overlap > best!.overlap { best = (overlap, p) }
        }
        return best.map { ($0.piece.new, $0.piece.newRange) }
      }
    }
    return nil
  }
}

/// Counts of a diff.
package struct Summary: Sendable, Hashable {
  /// What each section's change was, in the diff's order: the section counts below.
  private struct SectionTally: Sendable, Hashable {
    var status: ChangeStatus
    var renamed: Bool
    var moved: Bool
    var renumbered: Bool
    var changed: Bool
  }
  private var sections: [SectionTally] = []

  package var sectionsAdded: Int { sections.count { $0.status == .added } }
  package var sectionsDeleted: Int { sections.count { $0.status == .deleted } }
  package var sectionsModified: Int { sections.count { $0.status == .modified } }
  package var sectionsRenamed: Int { sections.count(where: \.renamed) }
  package var sectionsMoved: Int { sections.count(where: \.moved) }
  package var sectionsRenumbered: Int { sections.count(where: \.renumbered) }
  /// Sections with any change (what `diff` and `summary` both call "changed sections").
  package var sectionsChanged: Int { sections.count(where: \.changed) }
  /// Block and word counts over all sections.
  package var blocks = BlockCounts()
  package var metadataChanged = 0

  init(_ d: DocumentDiff) {
    self.init(d, sectionCounts: d.sections.map { BlockCounts($0.blocks, old: d.old, new: d.new) })
  }

  /// The same from each section's counts, with its pointers or not
  /// (`BlockCounts(section, old:new:)`): the summary adds only the blocks' counts, so moves
  /// out and split parts are left out.
  init(_ d: DocumentDiff, sectionCounts: [BlockCounts]) {
    precondition(sectionCounts.count == d.sections.count, "one count for each section")
    metadataChanged = d.metadata.count
    for (s, c) in zip(d.sections, sectionCounts) {
      sections.append(
        SectionTally(
          status: s.status, renamed: s.renamed, moved: s.moved, renumbered: s.renumbered, changed: !s.isUnchanged))
      var own = c
      own.movedOut = 0
      own.splitParts = 0
      blocks.add(own)
    }
  }
}

/// Block and word counts of one section's changes (for `--stat` and summaries).
package struct BlockCounts: Sendable, Hashable {
  /// Blocks by their change, one count per `ChangeStatus` (counted in the hot path of
  /// `--stat` and summaries: plain fields, no hashing).
  private var unchanged = 0
  private var modified = 0
  private var added = 0
  private var deleted = 0
  private var moved = 0
  private var merged = 0
  private var split = 0
  /// Blocks of this section that moved to (or were merged into) another section.
  package var movedOut = 0
  /// New blocks of this section that are parts of a block split in another section.
  package var splitParts = 0
  package var wordsAdded = 0
  package var wordsDeleted = 0
  /// Blocks whose only change is invisible characters.
  package var cosmetic = 0

  /// The number of blocks with this change (`counts[.added]`).
  package subscript(_ s: ChangeStatus) -> Int {
    get {
      switch s {
      case .unchanged: unchanged
      case .modified: modified
      case .added: added
      case .deleted: deleted
      case .moved: moved
      case .merged: merged
      case .split: split
      }
    }
    set {
      switch s {
      case .unchanged: unchanged = newValue
      case .modified: modified = newValue
      case .added: added = newValue
      case .deleted: deleted = newValue
      case .moved: moved = newValue
      case .merged: merged = newValue
      case .split: split = newValue
      }
    }
  }

  /// No blocks counted yet.
  package init() {}

  /// Adds another section's counts (the block counts of a whole diff are the sum).
  mutating func add(_ c: BlockCounts) {
    for status in ChangeStatus.allCases { self[status] += c[status] }
    movedOut += c.movedOut
    splitParts += c.splitParts
    wordsAdded += c.wordsAdded
    wordsDeleted += c.wordsDeleted
    cosmetic += c.cosmetic
  }

  /// True when the section's own blocks did not change (blocks may have left it).
  package var ownBlocksUnchanged: Bool {
    ChangeStatus.allCases.allSatisfy { $0 == .unchanged || self[$0] == 0 } && splitParts == 0
  }

  /// True when nothing in the section's blocks changed.
  package var isEmpty: Bool { ownBlocksUnchanged && movedOut == 0 }

  /// Counts a section's blocks and pointers (moves out and merges away count as `movedOut`).
  package init(_ s: SectionChange, old: Document, new: Document) {
    self.init(s.blocks, old: old, new: new)
    movedOut = s.pointers.filter { $0.kind != .splitPart }.count
    splitParts = s.pointers.count - movedOut
  }

  /// Counts `blocks`; words of added and deleted blocks are counted from the documents.
  /// Each change is read where it stands (a `for … in` copied every change, retaining and
  /// releasing its arrays, for every block of a diff; `--stat` and the summary count them
  /// all).
  package init(_ blocks: [BlockChange], old: Document, new: Document) {
    blocks.withUnsafeBufferPointer { bs in
      for i in bs.indices {
        let status = bs[i].status
        self[status] += 1
        if status == .added { wordsAdded += Tokenizer.wordCount(new.blocks[bs[i].new!].text) }
        if status == .deleted { wordsDeleted += Tokenizer.wordCount(old.blocks[bs[i].old!].text) }
        if !bs[i].cosmetic.isEmpty { cosmetic += 1 }
        guard let segments = bs[i].segments, !segments.isEmpty else { continue }
        segments.withUnsafeBufferPointer { ss in
          for k in ss.indices {
            if ss[k].op == .insert { wordsAdded += Tokenizer.wordCount(ss[k].text) }
            if ss[k].op == .delete { wordsDeleted += Tokenizer.wordCount(ss[k].text) }
          }
        }
      }
    }
  }
}
