import RedlineDocument

/// The result of comparing two versions of a document: sections in the new document's
/// order (deleted sections at their old place), each with its blocks.
public struct DocumentDiff: Sendable {
  /// The old version.
  public var old: Document
  /// The new version.
  public var new: Document
  /// Section changes in output order.
  public var sections: [SectionChange]
  /// True when a work budget stopped a search early (some matches may be missing).
  public var budgetExhausted: Bool

  /// Counts for the summary line and `--stat`.
  public var summary: Summary { Summary(self) }

  /// True when nothing but cosmetic changes was found.
  public var isUnchanged: Bool { sections.allSatisfy { $0.isUnchanged } }
}

/// How a section or block was matched across versions.
public enum MatchMethod: String, Sendable, Hashable, Codable {
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
  /// Equal text found in another section.
  case movedExact = "moved_exact"
  /// The most similar block in another section.
  case movedSimilar = "moved_similar"
}

/// The status of a section or block.
public enum ChangeStatus: String, Sendable, Hashable, Codable {
  case unchanged, modified, added, deleted, moved
}

/// One section in the diff.
public struct SectionChange: Sendable {
  public var status: ChangeStatus
  /// The heading's title changed (number changes alone are renumbering).
  public var renamed: Bool
  /// Found under another parent or out of order among its siblings.
  public var moved: Bool
  /// The heading's number changed.
  public var renumbered: Bool
  /// Index into `old.sections`, nil for an added section.
  public var old: Int?
  /// Index into `new.sections`, nil for a deleted section.
  public var new: Int?
  public var matchedBy: MatchMethod?
  public var confidence: Double
  /// For an added section made from blocks of an old one (split), that old section.
  public var splitFrom: Int?
  /// For a deleted section whose blocks went to one new section (merge), that section.
  public var mergedInto: Int?
  /// Blocks in new order, deleted blocks at their old place.
  public var blocks: [BlockChange]

  /// True when neither the heading nor any block changed.
  public var isUnchanged: Bool {
    status == .unchanged && !renamed && !moved && !renumbered && blocks.allSatisfy { $0.status == .unchanged }
  }
}

/// One block in the diff.
public struct BlockChange: Sendable {
  public var status: ChangeStatus
  public var kind: BlockKind
  /// Index into `old.blocks`, nil for an added block.
  public var old: Int?
  /// Index into `new.blocks`, nil for a deleted block.
  public var new: Int?
  public var matchedBy: MatchMethod?
  public var confidence: Double
  /// Word changes, for a block whose text changed.
  public var segments: [Segment]?
  /// Invisible-character changes only (no-break spaces, zero-width spaces): cosmetic.
  public var cosmetic: [String]
}

/// Counts of a diff.
public struct Summary: Sendable, Hashable {
  public var sectionsAdded = 0
  public var sectionsDeleted = 0
  public var sectionsRenamed = 0
  public var sectionsMoved = 0
  public var sectionsRenumbered = 0
  public var sectionsModified = 0
  public var blocksAdded = 0
  public var blocksDeleted = 0
  public var blocksModified = 0
  public var blocksMoved = 0
  public var blocksUnchanged = 0
  public var wordsAdded = 0
  public var wordsDeleted = 0
  public var cosmetic = 0

  init(_ d: DocumentDiff) {
    for s in d.sections {
      switch s.status {
      case .added: sectionsAdded += 1
      case .deleted: sectionsDeleted += 1
      case .modified: sectionsModified += 1
      default: break
      }
      if s.renamed { sectionsRenamed += 1 }
      if s.moved { sectionsMoved += 1 }
      if s.renumbered { sectionsRenumbered += 1 }
      let c = BlockCounts(s.blocks, old: d.old, new: d.new)
      blocksAdded += c.added
      blocksDeleted += c.deleted
      blocksModified += c.modified
      blocksMoved += c.moved
      blocksUnchanged += c.unchanged
      wordsAdded += c.wordsAdded
      wordsDeleted += c.wordsDeleted
      cosmetic += c.cosmetic
    }
  }
}

/// Block and word counts of one section's changes (for `--stat` and summaries).
public struct BlockCounts: Sendable, Hashable {
  public var added = 0
  public var deleted = 0
  public var modified = 0
  public var moved = 0
  public var unchanged = 0
  public var wordsAdded = 0
  public var wordsDeleted = 0
  public var cosmetic = 0

  /// Counts `blocks`; words of added and deleted blocks are counted from the documents.
  public init(_ blocks: [BlockChange], old: Document, new: Document) {
    for b in blocks {
      switch b.status {
      case .added:
        added += 1
        wordsAdded += Tokenizer.wordCount(new.blocks[b.new!].text)
      case .deleted:
        deleted += 1
        wordsDeleted += Tokenizer.wordCount(old.blocks[b.old!].text)
      case .modified: modified += 1
      case .moved: moved += 1
      case .unchanged: unchanged += 1
      }
      if !b.cosmetic.isEmpty { cosmetic += 1 }
      for s in b.segments ?? [] {
        if s.op == .insert { wordsAdded += Tokenizer.wordCount(s.text) }
        if s.op == .delete { wordsDeleted += Tokenizer.wordCount(s.text) }
      }
    }
  }
}
