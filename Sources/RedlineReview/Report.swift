import RedlineDocument

/// A thread as reported at a revision.
package struct ThreadReport: Sendable {
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
  /// A report at `revision` with no thread placed yet, and the thread files that could not
  /// be read.
  package init(revision: String, commit: String?, errors: [ThreadFileError] = []) {
    self.revision = revision
    self.commit = commit
    documents = [:]
    threads = []
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

extension ThreadReport {
  /// A thread file that could not be read, listed as an unreadable thread under the id its
  /// file name gives.
  package init(unreadable e: ThreadFileError) {
    let name = e.file.split(separator: "/").last.map(String.init) ?? e.file
    self.init(
      id: name.replacingOccurrences(of: ".jsonl", with: ""), thread: nil, placement: .nowhere(.unreadable),
      error: e.description)
  }
}

extension ThreadFileError {
  /// An unreadable thread's problem, as the error of its file.
  package init(unreadable r: ThreadReport) {
    self.init(file: "reviews/\(r.id).jsonl", line: nil, reason: r.placement.reason ?? "cannot be placed")
  }
}
