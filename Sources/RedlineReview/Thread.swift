import Foundation

/// A person who wrote a comment or an event.
public struct Person: Sendable, Hashable, Codable {
  public var name: String
  public var email: String

  public init(name: String, email: String = "") {
    self.name = name
    self.email = email
  }
}

/// Where a thread was attached: enough to find the paragraph again in a later version.
///
/// The W3C Web Annotation idea: a text-quote selector (the block's text, with a short
/// prefix and suffix for context) plus a position hint (section path, label, index), all
/// bound to one commit.
public struct Anchor: Sendable, Hashable {
  /// Repository-relative path of the document.
  public var path: String
  /// The commit the comment was made on (full id), or nil for the working tree.
  public var commit: String?
  /// The revision as the reviewer typed it (`v1`); used when `commit` is not in the repository.
  public var revision: String
  /// Heading path from the top, e.g. `["3 Painopisteet", "3.1 Laadukas elinympäristö"]`.
  public var section: [String]
  /// The block's citable label at that commit (`§3.1 ¶2`).
  public var label: String
  /// Index of the block in the document's block list at that commit (0-based).
  public var index: Int
  /// The block's normalized text.
  public var text: String
  /// The end of the previous block's text (up to 32 characters), for context.
  public var prefix: String
  /// The start of the next block's text (up to 32 characters), for context.
  public var suffix: String
  /// A phrase inside the block the comment is about, when the reviewer quoted one.
  public var quote: String?
  /// What the comment points at: one block (default), a heading, or a whole section.
  public var kind: AnchorKind = .block
  /// For a comment on `WORKTREE` (unsaved text, `commit` nil): the commit the working
  /// tree was based on (HEAD then).
  public var base: String?

  /// True when the commented text was the unsaved working tree.
  public var isUnsaved: Bool { commit == nil && revision == "WORKTREE" }

  public init(
    path: String, commit: String?, revision: String, section: [String], label: String, index: Int, text: String,
    prefix: String, suffix: String, quote: String? = nil, kind: AnchorKind = .block, base: String? = nil
  ) {
    self.kind = kind
    self.base = base
    self.path = path
    self.commit = commit
    self.revision = revision
    self.section = section
    self.label = label
    self.index = index
    self.text = text
    self.prefix = prefix
    self.suffix = suffix
    self.quote = quote
  }
}

/// What an anchor points at. For `heading` and `section`, `Anchor.index` is the section's
/// index and `Anchor.text` its heading.
public enum AnchorKind: String, Sendable, Hashable, CaseIterable {
  /// One paragraph, list item, table, quote or code block.
  case block
  /// A heading's wording.
  case heading
  /// A whole section with its subsections.
  case section
}

/// How a comment was taken into account, for the consultation summary.
public enum Disposition: String, Sendable, Hashable, CaseIterable {
  case accepted
  case partlyAccepted = "partly_accepted"
  case notAccepted = "not_accepted"
  case noted

  /// In words, for people: `partly accepted`, `not accepted`.
  public var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }

  /// Accepts `partly-accepted`, `partly_accepted` and `partly accepted`.
  public init?(lenient s: String) {
    let k = s.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    self.init(rawValue: k)
  }
}

/// One event in a thread's life, in the order it is stored (append-only).
public struct ThreadEvent: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable {
    case comment, reply, resolve, reopen
  }

  public var kind: Kind
  /// Seconds since 1970.
  public var time: Int64
  public var author: Person
  /// Comment or reply text; the note of a resolve or reopen.
  public var body: String
  /// For resolve/reopen: the revision and commit it was done at.
  public var revision: String?
  public var commit: String?
  /// For resolve: how the comment was handled.
  public var disposition: Disposition?
  /// For resolve: the thread was already resolved and this changes its disposition.
  public var change: Bool = false

  public init(
    kind: Kind, time: Int64, author: Person, body: String, revision: String? = nil, commit: String? = nil,
    disposition: Disposition? = nil, change: Bool = false
  ) {
    self.change = change
    self.kind = kind
    self.time = time
    self.author = author
    self.body = body
    self.revision = revision
    self.commit = commit
    self.disposition = disposition
  }
}

/// A comment thread: the opening comment with its anchor, then replies and resolutions.
public struct ReviewThread: Sendable, Hashable {
  /// Stable id, also the file name (`reviews/<id>.jsonl`).
  public var id: String
  public var anchor: Anchor
  /// All events, the opening comment first, then in time order.
  public var events: [ThreadEvent]

  public init(id: String, anchor: Anchor, events: [ThreadEvent]) {
    self.id = id
    self.anchor = anchor
    self.events = events
  }

  /// The opening comment.
  public var opening: ThreadEvent { events[0] }
  /// Replies, in time order.
  public var replies: [ThreadEvent] { events.filter { $0.kind == .reply } }
  /// The last resolve or reopen, if any.
  public var lastResolution: ThreadEvent? { events.last { $0.kind == .resolve || $0.kind == .reopen } }
  /// True when the last resolution event is a resolve.
  public var isResolved: Bool { lastResolution?.kind == .resolve }
  /// The disposition of the last resolve.
  public var disposition: Disposition? { isResolved ? lastResolution?.disposition : nil }

  /// The thread as it stood when only `keep` events had happened (the opening always stays).
  public func upTo(_ keep: (ThreadEvent) -> Bool) -> ReviewThread {
    ReviewThread(id: id, anchor: anchor, events: [events[0]] + events.dropFirst().filter(keep))
  }
}
