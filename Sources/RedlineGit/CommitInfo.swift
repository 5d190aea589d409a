/// One commit as Redline shows it in a history.
package struct CommitInfo: Sendable, Hashable {
  /// The commit id.
  package var id: ObjectID
  /// Author of the change.
  package var author: Signature
  /// The full commit message.
  package var message: String
  /// Tags pointing at this commit (peeled), sorted.
  package var tags: [String]
  /// The path of the followed file in this commit (differs from the asked path before a rename).
  package var path: String
  /// True for the oldest commit of a shallow clone: its parents were not fetched, so
  /// the history shown stops here.
  package var isShallowBoundary: Bool = false

  /// First line of the message.
  package var summary: String {
    message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
  }
}

/// A file change to record in a commit.
package struct FileChange: Sendable, Hashable {
  /// Path from the repository root, with `/` separators.
  package var path: String
  /// New content, or nil to delete the file.
  package var content: [UInt8]?

  package init(path: String, content: [UInt8]?) {
    self.path = path
    self.content = content
  }
}
