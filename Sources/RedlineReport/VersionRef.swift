/// Which version a side of a comparison is: as typed, its commit, its path.
package struct VersionRef: Sendable, Hashable {
  package var revision: String
  package var commit: String?
  package var path: String
  /// Commit date and author names, when known (for summaries).
  package var date: Int64?
  package var authors: [String]

  package init(revision: String, commit: String?, path: String, date: Int64? = nil, authors: [String] = []) {
    self.revision = revision
    self.commit = commit
    self.path = path
    self.date = date
    self.authors = authors
  }

  /// `v2 (abc1234)` or just the revision.
  package var display: String { commit.map { "\(revision) (\($0.prefix(7)))" } ?? revision }
}
