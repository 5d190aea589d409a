import RedlineDocument
import RedlineGit
import RedlineReview

/// Every failure the command line reports: one line naming the problem and the fix.
package enum RedlineError: Error, Sendable, CustomStringConvertible {
  case notARepository(path: String)
  case unknownRevision(String, tags: [String])
  case pathNotInRevision(path: String, revision: String, documents: [String])
  case noDocument(revision: String)
  case ambiguousDocument(revision: String, documents: [String])
  case worktreeInBareRepository
  case fileNotFound(path: String)
  case unknownSection(String, available: [String])
  case document(DocumentError)
  case git(GitError)
  case invalidArgument(String)
  case io(String)
  /// A review-store failure (thread not found, refused lifecycle step, unsafe reviews/).
  case review(ReviewError)

  package var description: String {
    switch self {
    case .notARepository(let p):
      return "'\(p)' is not inside a git repository; run Redline in the drafts repository or pass --repo PATH"
    case .unknownRevision(let r, let tags):
      let t = tags.isEmpty ? "the repository has no tags" : "tags are " + tags.joined(separator: ", ")
      if r.contains("..") {
        return "'\(r)' is a range; give the two revisions separately (redline diff OLD NEW)"
      }
      if r.contains(":") {
        return "no revision '\(r)'; give the revision and the document separately (redline show REV PATH)"
      }
      return "no revision '\(r)' in the drafts repository; \(t) (branches, HEAD~N and commit ids work too)"
    case .pathNotInRevision(let p, let r, let docs):
      let d = docs.isEmpty ? "it holds no .md or .txt documents" : "documents there: " + docs.joined(separator: ", ")
      return "'\(p)' is not in revision \(r); \(d)"
    case .noDocument(let r):
      return "revision \(r) holds no .md or .txt document; name the file to read as PATH"
    case .ambiguousDocument(let r, let docs):
      return "revision \(r) holds several documents; name one as PATH: " + docs.joined(separator: ", ")
    case .worktreeInBareRepository:
      return "WORKTREE needs a working tree, but this repository is bare; name a revision instead"
    case .fileNotFound(let p):
      return "no file '\(p)'; check the path"
    case .unknownSection(let s, let available):
      let shown = available.prefix(12).joined(separator: ", ")
      return "no section '\(s)' in this version; sections are \(shown)\(available.count > 12 ? ", …" : "")"
    case .document(let e):
      return e.description
    case .git(let e):
      if e.isLibraryMissing { return e.message }
      if e.isLocked || e.lockFile != nil {
        let f = e.lockFile.map { "'\($0)'" } ?? "a lock file"
        return
          "git: \(f) is locked: another git command is running, or one crashed; if none is running, delete \(f) and try again"
      }
      if e.isAmbiguous {
        return "git: \(e.message); give more characters of the commit id"
      }
      if e.isDamage {
        return e.message.contains("git fsck")
          ? "git: \(e.message)"
          : "git: \(e.message) (\(e.function)); the repository may be damaged, `git fsck` says what is broken"
      }
      return "git: \(e.message) (\(e.function))"
    case .invalidArgument(let m):
      return m
    case .io(let m):
      return m
    case .review(let e):
      return e.description
    }
  }
}
