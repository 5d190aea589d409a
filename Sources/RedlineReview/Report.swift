import RedlineDocument

/// A thread as reported at a revision.
public struct ThreadReport: Sendable {
  public init(id: String, thread: ReviewThread?, placement: Placement, error: String?) {
    self.id = id
    self.thread = thread
    self.placement = placement
    self.error = error
  }

  /// The thread id (the file name without `.jsonl`).
  public var id: String
  /// The thread, nil when its file could not be read.
  public var thread: ReviewThread?
  public var placement: Placement
  /// The file's problem, for an unreadable thread.
  public var error: String?
}

/// All threads at one revision: what `redline comments` shows.
public struct CommentsReport: Sendable {
  public init(
    revision: String, commit: String?, documents: [String: Document], threads: [ThreadReport], errors: [ThreadFileError]
  ) {
    self.revision = revision
    self.commit = commit
    self.documents = documents
    self.threads = threads
    self.errors = errors
  }

  public var revision: String
  public var commit: String?
  /// The documents the threads point into, by path, at that revision.
  public var documents: [String: Document]
  public var threads: [ThreadReport]
  /// Files that could not be read (their threads are in `threads` as `unreadable`).
  public var errors: [ThreadFileError]
}
