/// Which version a side of a comparison is: as typed, its commit, its path.
public struct VersionRef: Sendable, Hashable {
  public var revision: String
  public var commit: String?
  public var path: String
  /// Commit date and author names, when known (for summaries).
  public var date: Int64?
  public var authors: [String]

  public init(revision: String, commit: String?, path: String, date: Int64? = nil, authors: [String] = []) {
    self.revision = revision
    self.commit = commit
    self.path = path
    self.date = date
    self.authors = authors
  }

  /// `v2 (abc1234)` or just the revision.
  public var display: String { commit.map { "\(revision) (\($0.prefix(7)))" } ?? revision }
}
