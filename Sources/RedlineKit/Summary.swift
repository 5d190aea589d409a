import Foundation
import RedlineDiff
import RedlineGit
import RedlineReport
import RedlineReview

extension DraftRepository {
  /// Everything the consultation summary of OLD → NEW needs: the comparison, the authors
  /// of the commits in between, and the threads made on OLD or between OLD and NEW with
  /// their status at NEW, plus the threads from earlier rounds still waiting at NEW.
  /// `textLanguage` is the document's language (`--text-lang`, or `redline.textLang` from
  /// git config); without it the front matter's `lang:` decides, else Finnish. `swedish`
  /// names the Swedish version, checked against the document at NEW (`redline parallel`).
  package func summaryInput(
    _ oldRevision: String, _ newRevision: String, path: String?, now: Int64? = nil, textLanguage: String? = nil,
    swedish: String? = nil
  ) throws(RedlineError) -> SummaryInput {
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
    var carried = Set<String>()
    var seen = Set<String>()
    report.threads = report.threads.filter { r in
      guard seen.insert(r.id).inserted else { return false }  // each thread once
      guard let t = r.thread else { return true }  // unreadable: never hidden
      if inScope(t.anchor, old: oldID, oldRevision: oldRevision, new: start) { return true }
      if stillWaiting(t, old: oldID, new: start) {
        carried.insert(r.id)
        return true
      }
      return false
    }
    let lang =
      textLanguage ?? (try? bytes(of: c.new.path, at: newRevision)).flatMap { FrontMatter.language($0.bytes) } ?? "fi"
    var newRef = c.newRef
    newRef.authors = authors
    let status = try swedish.map { sv throws(RedlineError) in
      try parallel(revision: newRevision, finnish: c.new.path, swedish: sv)
    }
    return SummaryInput(
      diff: c.diff, old: c.oldRef, new: newRef, comments: report,
      generated: now ?? Int64(Date().timeIntervalSince1970), textLanguage: lang, carried: carried, swedish: status)
  }

  /// A thread made before OLD (an earlier round) that was not handled before OLD: still
  /// open at NEW, or resolved only after OLD. It is carried into this summary.
  func stillWaiting(_ t: ReviewThread, old: ObjectID?, new: ObjectID?) -> Bool {
    guard let old, let hex = t.anchor.commit, let made = ObjectID(hex: hex), made != old, git.contains(made, in: old)
    else { return false }
    if let new, !git.contains(made, in: new) { return false }
    guard t.isResolved, let r = t.lastResolution else { return true }
    let at = r.commit.flatMap { ObjectID(hex: $0) } ?? r.revision.flatMap { try? commit(for: $0) }
    guard let at else { return false }
    return !git.contains(at, in: old)
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
