import Foundation
import RedlineDiff
import RedlineGit
import RedlineReport
import RedlineReview

extension DraftRepository {
  /// Everything the consultation summary of OLD → NEW needs: the comparison, the authors
  /// of the commits in between, and the threads made on OLD or between OLD and NEW with
  /// their status at NEW.
  public func summaryInput(_ oldRevision: String, _ newRevision: String, path: String?, now: Int64? = nil)
    throws(RedlineError) -> SummaryInput
  {
    let c = try compare(oldRevision, newRevision, path: path)
    let oldID = c.old.commit
    let newID = c.new.commit
    // Authors of the changes: commits that touched the document after OLD, up to NEW.
    var authors: [String] = []
    let start = newID ?? (try? git.head()) ?? nil
    if let start, let history = try? git.history(of: c.new.path, from: start) {
      for h in history {
        if let o = oldID, git.contains(h.id, in: o) { break }
        if !authors.contains(h.author.name) { authors.append(h.author.name) }
      }
    }
    var report = try comments(at: newRevision, path: c.new.path)
    report.threads = report.threads.filter { r in
      guard let t = r.thread else { return true }  // unreadable: never hidden
      return inScope(t.anchor, old: oldID, oldRevision: oldRevision, new: start)
    }
    var newRef = c.newRef
    newRef.authors = authors
    return SummaryInput(
      diff: c.diff, old: c.oldRef, new: newRef, authors: authors, comments: report,
      generated: now ?? Int64(Date().timeIntervalSince1970))
  }

  /// A thread belongs to the summary when it was made on OLD, or on a commit after OLD
  /// that NEW contains.
  func inScope(_ a: Anchor, old: ObjectID?, oldRevision: String, new: ObjectID?) -> Bool {
    guard let hex = a.commit, let id = ObjectID(hex: hex), (try? git.commitInfo(id)) != nil else {
      return a.revision == oldRevision
    }
    guard let old else { return true }
    if id == old { return true }
    guard git.contains(old, in: id) else { return false }
    if let new { return git.contains(id, in: new) }
    return true
  }
}
