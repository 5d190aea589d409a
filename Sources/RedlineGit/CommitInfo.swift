/// One commit as Redline shows it in a history.
public struct CommitInfo: Sendable, Hashable {
  /// The commit id.
  public var id: ObjectID
  /// Author of the change.
  public var author: Signature
  /// The full commit message.
  public var message: String
  /// Tags pointing at this commit (peeled), sorted.
  public var tags: [String]
  /// The path of the followed file in this commit (differs from the asked path before a rename).
  public var path: String
  /// True for the oldest commit of a shallow clone: its parents were not fetched, so
  /// the history shown stops here.
  public var isShallowBoundary: Bool = false

  /// First line of the message.
  public var summary: String {
    message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
  }
}

/// A file change to record in a commit.
public struct FileChange: Sendable, Hashable {
  /// Path from the repository root, with `/` separators.
  public var path: String
  /// New content, or nil to delete the file.
  public var content: [UInt8]?

  public init(path: String, content: [UInt8]?) {
    self.path = path
    self.content = content
  }
}
