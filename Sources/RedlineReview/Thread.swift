import Foundation

/// A person who wrote a comment or an event.
package struct Person: Sendable, Hashable, Codable {
  package var name: String
  package var email: String

  package init(name: String, email: String = "") {
    self.name = name
    self.email = email
  }
}

/// Where a thread was attached: enough to find the paragraph again in a later version.
///
/// The W3C Web Annotation idea: a text-quote selector (the block's text, with a short
/// prefix and suffix for context) plus a position hint (section path, label, index), all
/// bound to one commit.
package struct Anchor: Sendable, Hashable {
  /// Repository-relative path of the document.
  package var path: String
  /// The commit the comment was made on (full id), or nil for the working tree.
  package var commit: String?
  /// The revision as the reviewer typed it (`v1`); used when `commit` is not in the repository.
  package var revision: String
  /// Heading path from the top, e.g. `["3 Painopisteet", "3.1 Laadukas elinympäristö"]`.
  package var section: [String]
  /// The block's citable label at that commit (`§3.1 ¶2`).
  package var label: String
  /// Index of the block in the document's block list at that commit (0-based).
  package var index: Int
  /// The block's normalized text.
  package var text: String
  /// The end of the previous block's text (up to 32 characters), for context.
  package var prefix: String
  /// The start of the next block's text (up to 32 characters), for context.
  package var suffix: String
  /// A phrase inside the block the comment is about, when the reviewer quoted one.
  package var quote: String?
  /// What the comment points at: one block (default), a heading, or a whole section.
  package var kind: AnchorKind = .block
  /// For a comment on `WORKTREE` (unsaved text, `commit` nil): the commit the working
  /// tree was based on (HEAD then).
  package var base: String?

  /// True when the commented text was the unsaved working tree.
  package var isUnsaved: Bool { commit == nil && revision == "WORKTREE" }
}

/// What an anchor points at. For `heading` and `section`, `Anchor.index` is the section's
/// index and `Anchor.text` its heading.
package enum AnchorKind: String, Sendable, Hashable, CaseIterable {
  /// One paragraph, list item, table, quote or code block.
  case block
  /// A heading's wording.
  case heading
  /// A whole section with its subsections.
  case section
}

/// How a comment was taken into account, for the consultation summary.
package enum Disposition: String, Sendable, Hashable, CaseIterable {
  case accepted
  case partlyAccepted = "partly_accepted"
  case notAccepted = "not_accepted"
  case noted

  /// In words, for people: `partly accepted`, `not accepted`.
  package var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }

  /// Accepts `partly-accepted`, `partly_accepted` and `partly accepted`.
  package init?(lenient s: String) {
    let k = s.lowercased().replacingOccurrences(of: "-", with: "_").replacingOccurrences(of: " ", with: "_")
    self.init(rawValue: k)
  }
}

/// One event in a thread's life, in the order it is stored (append-only).
package struct ThreadEvent: Sendable, Hashable {
  package enum Kind: String, Sendable, Hashable {
    case comment, reply, resolve, reopen

    /// A resolve or a reopen: it records the version it was done at and changes the
    /// thread's state.
    package var isResolution: Bool { self == .resolve || self == .reopen }
  }

  package var kind: Kind
  /// Seconds since 1970.
  package var time: Int64
  package var author: Person
  /// Comment or reply text; the note of a resolve or reopen.
  package var body: String
  /// For resolve/reopen: the revision and commit it was done at.
  package var revision: String?
  package var commit: String?
  /// For resolve: how the comment was handled.
  package var disposition: Disposition?
  /// For resolve: the thread was already resolved and this changes its disposition.
  package var change: Bool = false

  /// A comment or a reply; a resolve or reopen also says where it was done (`at`).
  package init(kind: Kind, time: Int64, author: Person, body: String) {
    self.kind = kind
    self.time = time
    self.author = author
    self.body = body
  }

  /// The event done at a version: a resolve or reopen records the revision and commit; a
  /// resolve also how the comment was handled, and whether it changes an earlier verdict.
  package func at(revision: String?, commit: String?, disposition: Disposition? = nil, change: Bool = false)
    -> ThreadEvent
  {
    var e = self
    e.revision = revision
    e.commit = commit
    e.disposition = disposition
    e.change = change
    return e
  }
}

/// A comment thread: the opening comment with its anchor, then replies and resolutions.
package struct ReviewThread: Sendable, Hashable {
  /// Stable id, also the file name (`reviews/<id>.jsonl`).
  package var id: String
  package var anchor: Anchor
  /// All events, the opening comment first, then in time order.
  package var events: [ThreadEvent]

  package init(id: String, anchor: Anchor, events: [ThreadEvent]) {
    self.id = id
    self.anchor = anchor
    self.events = events
  }

  /// The opening comment.
  package var opening: ThreadEvent { events[0] }
  /// Replies, in time order.
  package var replies: [ThreadEvent] { events.filter { $0.kind == .reply } }
  /// The last resolve or reopen, if any.
  package var lastResolution: ThreadEvent? { events.last(where: \.kind.isResolution) }
  /// True when the last resolution event is a resolve.
  package var isResolved: Bool { lastResolution?.kind == .resolve }
  /// The disposition of the last resolve.
  package var disposition: Disposition? { isResolved ? lastResolution?.disposition : nil }

  /// The thread as it stood when only `keep` events had happened (the opening always stays).
  package func upTo(_ keep: (ThreadEvent) -> Bool) -> ReviewThread {
    ReviewThread(id: id, anchor: anchor, events: [events[0]] + events.dropFirst().filter(keep))
  }
}
