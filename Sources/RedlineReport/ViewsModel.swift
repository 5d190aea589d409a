import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReview

/// One version of a document in its history: the commit that made it, or the working tree.
package struct VersionInfo: Sendable, Hashable {
  /// Full commit id; nil for the working tree.
  package var commit: String?
  /// Tags on the commit, sorted.
  package var tags: [String]
  package var author: String
  package var email: String
  /// Author time, seconds since 1970.
  package var time: Int64
  /// First line of the commit message.
  package var summary: String
  /// The document's path in this version (differs before a rename).
  package var path: String

  package init(
    commit: String?, tags: [String], author: String, email: String, time: Int64, summary: String, path: String
  ) {
    self.commit = commit
    self.tags = tags
    self.author = author
    self.email = email
    self.time = time
    self.summary = summary
    self.path = path
  }

  /// What a drafter calls the version: its first tag, else the short commit id, else `WORKTREE`.
  package var name: String {
    if let t = tags.first { return t }
    if let c = commit { return String(c.prefix(7)) }
    return "WORKTREE"
  }

  /// The author date as `d.M.yyyy` in Helsinki time (`27.11.2023`).
  package var date: String { VersionInfo.finnishDate(time) }

  /// `d.M.yyyy` in Helsinki time.
  package static func finnishDate(_ t: Int64) -> String { DateText.finnish(t) }

}

/// A review thread as the history and blame views mention it.
package struct ThreadNote: Sendable, Hashable {
  package var id: String
  /// Who opened it.
  package var author: String
  /// When it was opened (seconds since 1970).
  package var time: Int64
  /// The opening comment's first line, at most 120 characters.
  package var excerpt: String
  /// `open`, or the disposition when resolved: `accepted`, `partly_accepted`, `not_accepted`, `noted`, `resolved`.
  package var status: String
  /// The label of the block when the thread was made (`§3.3 ¶1`).
  package var label: String

  /// The status in the consultation's words: "not yet resolved", a disposition ("taken into
  /// account", "partly taken into account", …) or "resolved"; never an internal name.
  package var statusWords: String {
    if status == "open" { return "not yet resolved" }
    if let d = Disposition(rawValue: status) { return Localization(.en).disposition(d) }
    return status.replacingOccurrences(of: "_", with: " ")
  }

  /// The thread as history and blame show it.
  package init(_ t: ReviewThread) {
    let first = t.opening.body.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
    id = t.id
    author = t.opening.author.name
    time = t.opening.time
    excerpt = first.count > 120 ? String(first.prefix(119)) + "…" : first
    status = t.isResolved ? t.disposition?.rawValue ?? "resolved" : "open"
    label = t.anchor.label
  }
}

/// How a version changed a paragraph.
package enum BlockChangeKind: String, Sendable, Hashable, CaseIterable {
  /// It first appeared.
  case created
  /// Its words changed.
  case changed
  /// It moved to another place, words unchanged.
  case moved
  /// Other paragraphs were merged into it.
  case merged
  /// It was split off a longer paragraph.
  case split
}

/// One version that changed a paragraph.
package struct HistoryEntry: Sendable {
  package var change: BlockChangeKind
  /// Index into `BlockHistory.versions`: the version that made the change.
  package var version: Int
  /// The paragraph's label in that version.
  package var label: String
  /// Its label in the version before, when it had one.
  package var oldLabel: String?
  /// Labels (in the version before) of the paragraphs merged into it or split from.
  package var sources: [String]
  /// Word changes from the text before to the text after (nil when created or only moved).
  package var segments: [Segment]?
  /// The text after the change.
  package var text: String
  /// Threads made on the paragraph after the previous change and before this one.
  package var threads: [ThreadNote]

  /// The change `version` made to a paragraph, `block` as that version left it: the label
  /// it had before, the paragraphs it was merged with or split from, and the word changes.
  /// Its threads are found afterwards.
  package init(
    _ change: BlockChangeKind, in version: Int, to block: Block, oldLabel: String? = nil, sources: [String] = [],
    segments: [Segment]? = nil
  ) {
    self.change = change
    self.version = version
    label = block.label
    text = block.text
    self.oldLabel = oldLabel
    self.sources = sources
    self.segments = segments
    threads = []
  }
}

/// The versions of one document that a history or a blame was read from, up to the asked
/// revision: what the two views share.
package struct DocumentVersions: Sendable {
  package var path: String
  package var revision: String
  /// The document's versions from the oldest to the revision.
  package var versions: [VersionInfo]
  /// The oldest version is a shallow clone's boundary: what it "created" may be older.
  package var shallow: Bool
  /// One line per thread file that could not be read (its threads are missing here).
  package var threadErrors: [String]

  package init(path: String, revision: String, versions: [VersionInfo], shallow: Bool, threadErrors: [String]) {
    self.path = path
    self.revision = revision
    self.versions = versions
    self.shallow = shallow
    self.threadErrors = threadErrors
  }
}

/// A view read from one document's versions (`BlockHistory`, `Blame`): the document's path,
/// revision, versions, shallow mark and thread errors read as the view's own (`h.versions`).
@dynamicMemberLookup
package protocol ReadFromVersions {
  var document: DocumentVersions { get set }
}

extension ReadFromVersions {
  /// The field of `document`.
  package subscript<T>(dynamicMember field: WritableKeyPath<DocumentVersions, T>) -> T {
    get { document[keyPath: field] }
    set { document[keyPath: field] = newValue }
  }
}

/// The history of one paragraph: every version that changed it, newest first.
package struct BlockHistory: Sendable, ReadFromVersions {
  package var document: DocumentVersions
  /// The paragraph's label and text at the revision.
  package var label: String
  package var text: String
  /// Changes, newest first; the last one is the creation (unless the history is cut).
  package var entries: [HistoryEntry]
  /// Threads made on the paragraph since its last change.
  package var openThreads: [ThreadNote]

  /// The history of `block`, the paragraph as the revision has it.
  package init(of block: Block, in document: DocumentVersions, entries: [HistoryEntry], openThreads: [ThreadNote]) {
    self.document = document
    label = block.label
    text = block.text
    self.entries = entries
    self.openThreads = openThreads
  }
}

/// Who last changed one block.
package struct BlameLine: Sendable {
  package var label: String
  package var kind: BlockKind
  package var line: Int
  package var text: String
  /// Index into `Blame.versions`: the version that last changed the text.
  package var version: Int
  /// How that version changed it.
  package var change: BlockChangeKind
  /// Threads made on the paragraph before that change (the ones the change may answer).
  package var threads: [ThreadNote]

  /// `block` as blame shows it: the version that last changed its text, how, and the
  /// threads made on it before that change.
  package init(_ block: Block, version: Int, change: BlockChangeKind, threads: [ThreadNote]) {
    label = block.label
    kind = block.kind
    line = block.line
    text = block.text
    self.version = version
    self.change = change
    self.threads = threads
  }
}

/// Blame for prose: per block of a version, the version that last changed its text.
package struct Blame: Sendable, ReadFromVersions {
  package var document: DocumentVersions
  /// Blocks in document order.
  package var blocks: [BlameLine]

  package init(document: DocumentVersions, blocks: [BlameLine]) {
    self.document = document
    self.blocks = blocks
  }
}

/// One way the Swedish version is out of step with the Finnish one.
package struct ParallelFinding: Sendable {
  package enum Kind: String, Sendable, Hashable, CaseIterable {
    /// The Finnish text changed after its Swedish counterpart last changed.
    case finnishChanged = "finnish_changed"
    /// A section or block only in the Finnish version.
    case onlyFinnish = "only_finnish"
    /// A section or block only in the Swedish version.
    case onlySwedish = "only_swedish"
    /// A section pair with a different number of list items.
    case listItems = "list_items"
    /// Numbers, dates, euro amounts or years that differ within a block pair.
    case numbers
  }

  /// What a finding says about one language's version: the same fields for the Finnish
  /// and the Swedish side.
  package struct Side: Sendable {
    /// The label (`§3.3 ¶1`, or `§3.3` for a section), when this side has the block or section.
    package var label: String?
    /// The text (a heading for a section finding).
    package var text: String?
    /// For `finnish_changed`: the version that last changed it.
    package var version: VersionInfo?
    /// For `list_items` and a section only on this side: how many list items or blocks.
    package var count: Int?
    /// For `numbers`: the numbers as written on this side only.
    package var only: [String] = []

    /// Nothing on this side.
    package static let missing = Side()
  }

  package var kind: Kind
  package var fi: Side
  package var sv: Side
  /// For `finnish_changed`: the Finnish word changes since the text the Swedish follows.
  package var segments: [Segment]?

  package init(kind: Kind, fi: Side, sv: Side, segments: [Segment]? = nil) {
    self.kind = kind
    self.fi = fi
    self.sv = sv
    self.segments = segments
  }
}

extension ParallelFinding.Side {
  /// A block on this side, with the version that last changed it or the numbers only it has.
  package init(_ b: Block, version: VersionInfo? = nil, only: [String] = []) {
    self.init(label: b.label, text: b.text, version: version, only: only)
  }

  /// A section on this side, by its heading, with a count of its list items or blocks.
  package init(_ s: Section, count: Int) { self.init(label: s.label, text: s.heading, count: count) }
}

/// The Swedish version against the Finnish one at a revision (`redline parallel`).
package struct ParallelReport: Sendable {
  package var revision: String
  package var fiPath: String
  package var svPath: String
  /// The Finnish version whose structure the Swedish follows (pairs were made there).
  package var base: VersionInfo?
  /// Sections and blocks paired.
  package var pairedSections: Int
  package var pairedBlocks: Int
  /// Findings in Finnish document order.
  package var findings: [ParallelFinding]
  /// The Finnish section (`§7`) the check was limited to, or nil for the whole document.
  package var section: String?

  package init(
    revision: String, fiPath: String, svPath: String, base: VersionInfo?, pairedSections: Int, pairedBlocks: Int,
    findings: [ParallelFinding], section: String? = nil
  ) {
    self.section = section
    self.revision = revision
    self.fiPath = fiPath
    self.svPath = svPath
    self.base = base
    self.pairedSections = pairedSections
    self.pairedBlocks = pairedBlocks
    self.findings = findings
  }

  /// True when nothing is out of step.
  package var inSync: Bool { findings.isEmpty }

  /// Findings per kind.
  package var counts: [ParallelFinding.Kind: Int] {
    var c: [ParallelFinding.Kind: Int] = [:]
    for f in findings { c[f.kind, default: 0] += 1 }
    return c
  }
}
