import RedlineDocument

/// A thread as reported at a revision.
package struct ThreadReport: Sendable {
  package init(id: String, thread: ReviewThread?, placement: Placement, error: String?) {
    self.id = id
    self.thread = thread
    self.placement = placement
    self.error = error
  }

  /// The thread id (the file name without `.jsonl`).
  package var id: String
  /// The thread, nil when its file could not be read.
  package var thread: ReviewThread?
  package var placement: Placement
  /// The file's problem, for an unreadable thread.
  package var error: String?
}

/// All threads at one revision: what `redline comments` shows.
package struct CommentsReport: Sendable {
  package init(
    revision: String, commit: String?, documents: [String: Document], threads: [ThreadReport], errors: [ThreadFileError]
  ) {
    self.revision = revision
    self.commit = commit
    self.documents = documents
    self.threads = threads
    self.errors = errors
  }

  package var revision: String
  package var commit: String?
  /// The documents the threads point into, by path, at that revision.
  package var documents: [String: Document]
  package var threads: [ThreadReport]
  /// Files that could not be read (their threads are in `threads` as `unreadable`).
  package var errors: [ThreadFileError]
}
