import Foundation
import RedlineDocument
import RedlineGit

/// One document at one revision: what every command reads.
package struct DocumentVersion: Sendable {
  /// The revision as the user typed it (`v2`, `HEAD~1`, `WORKTREE`).
  package var revision: String
  /// The commit, or nil for the working tree or a plain file.
  package var commit: ObjectID?
  /// Repository-relative path (or the file path given to `--files`).
  package var path: String
  /// The parsed document.
  package var document: Document
}

/// A drafts repository read through libgit2: revisions, documents, history.
///
/// `WORKTREE` is a pseudo-revision naming the files on disk, so a drafter can compare
/// unsaved work with the last version.
package final class DraftRepository {
  /// The pseudo-revision for the working tree.
  package static let worktree = "WORKTREE"

  package let git: Repository

  /// Opens the repository containing `path` (default: the current folder).
  package init(path: String? = nil) throws(RedlineError) {
    let p = path ?? FileManager.default.currentDirectoryPath
    guard FileManager.default.fileExists(atPath: p) else { throw .notARepository(path: p) }
    do {
      git = try Repository(discoverFrom: p)
    } catch {
      if error.isNotFound { throw .notARepository(path: p) }
      throw .git(error)
    }
  }

  package init(repository: Repository) { git = repository }

  /// Resolves a revision to a commit; `WORKTREE` resolves to nil.
  package func commit(for revision: String) throws(RedlineError) -> ObjectID? {
    if revision == Self.worktree {
      guard !git.isBare else { throw .worktreeInBareRepository }
      return nil
    }
    do {
      if let id = try git.resolveCommit(revision) { return id }
      if hasNoCommits() {
        throw RedlineError.invalidArgument(
          "the repository has no commits yet, so there is no '\(revision)'; "
            + "commit the draft first, or name WORKTREE (the file on disk)")
      }
      throw RedlineError.unknownRevision(revision, tags: (try? git.tagNames()) ?? [])
    } catch let e as RedlineError {
      throw e
    } catch {
      throw .git(error as! GitError)
    }
  }

  /// True in a repository with no commits yet.
  private func hasNoCommits() -> Bool { ((try? git.head()) ?? nil) == nil }

  /// The document files (.md, .markdown, .txt) at a revision, sorted. Files under
  /// `reviews/` and README/CHANGELOG-style files are not documents.
  package func documentPaths(at revision: String) throws(RedlineError) -> [String] {
    let all: [String]
    if let id = try commit(for: revision) {
      do { all = try git.listFiles(at: id) } catch { throw .git(error) }
    } else {
      all = worktreeFiles()
    }
    return all.filter(Self.isDraftPath)
  }

  static func isDraftPath(_ p: String) -> Bool {
    guard DocumentLoader.isDocumentPath(p) else { return false }
    if p.hasPrefix("reviews/") || p.hasPrefix(".") || p.contains("/.") { return false }
    let name = (p.split(separator: "/").last.map(String.init) ?? p).uppercased()
    return !["README.MD", "CHANGELOG.MD", "ARCHITECTURE.MD", "LICENSE.MD", "CONTRIBUTING.MD"].contains(name)
  }

  private func worktreeFiles() -> [String] {
    guard let root = git.workdir else { return [] }
    let fm = FileManager.default
    var out: [String] = []
    guard let e = fm.enumerator(atPath: root) else { return [] }
    while let rel = e.nextObject() as? String {
      if rel.hasPrefix(".git") || rel.hasPrefix(".build") {
        e.skipDescendants()
        continue
      }
      // Regular files only (lstat: a symbolic link is not followed, nor listed).
      var st = stat()
      if lstat(root + rel, &st) == 0, st.st_mode & S_IFMT == S_IFREG { out.append(rel) }
    }
    return out.sorted()
  }

  /// The path to read: `path` when given, else the only document at the revision.
  package func resolvePath(_ path: String?, at revision: String) throws(RedlineError) -> String {
    if let path { return normalizeRelative(path) }
    let docs = try documentPaths(at: revision)
    if docs.count == 1 { return docs[0] }
    if docs.isEmpty { throw .noDocument(revision: revision) }
    throw .ambiguousDocument(revision: revision, documents: docs)
  }

  /// Makes a user path repository-relative (accepts paths relative to the current folder).
  func normalizeRelative(_ path: String) -> String {
    var p = path
    if let root = git.workdir {
      let abs = p.hasPrefix("/") ? p : FileManager.default.currentDirectoryPath + "/" + p
      let std = URL(fileURLWithPath: abs).standardizedFileURL.path
      let r = URL(fileURLWithPath: root).standardizedFileURL.path + "/"
      if std.hasPrefix(r) { return String(std.dropFirst(r.count)) }
    }
    while p.hasPrefix("./") { p.removeFirst(2) }
    return p
  }

  /// Raw bytes of `path` at a revision (the file on disk for `WORKTREE`). The size is
  /// checked before the content is read: the blob's header through libgit2, `fstat` for
  /// a file on disk.
  package func bytes(of path: String, at revision: String) throws(RedlineError) -> (commit: ObjectID?, bytes: [UInt8]) {
    let id = try commit(for: revision)
    if let id {
      let data: [UInt8]?
      do {
        guard let blob = try git.blobID(path, at: id) else {
          throw RedlineError.pathNotInRevision(
            path: path, revision: revision, documents: (try? documentPaths(at: revision)) ?? [])
        }
        let size = try git.blobSize(blob)
        if size > DocumentLoader.sizeLimit {
          throw RedlineError.document(.tooLarge(path: path, bytes: size, limit: DocumentLoader.sizeLimit))
        }
        data = try git.readBlob(blob)
      } catch let e as RedlineError {
        throw e
      } catch {
        throw .git(error as! GitError)
      }
      guard let data else {
        throw .pathNotInRevision(path: path, revision: revision, documents: (try? documentPaths(at: revision)) ?? [])
      }
      return (id, data)
    }
    return (nil, try worktreeBytes(path))
  }

  /// Reads `path` from the working tree, staying inside it: no absolute path, no `..`,
  /// no symbolic link (of the file or a folder on the way) that leads out of the tree.
  func worktreeBytes(_ path: String) throws(RedlineError) -> [UInt8] {
    guard let root = git.workdir else { throw .worktreeInBareRepository }
    let parts = path.split(separator: "/", omittingEmptySubsequences: true)
    if path.hasPrefix("/") || parts.contains("..") || parts.isEmpty {
      throw .io("'\(path)' is outside the working tree; WORKTREE reads only files inside the repository")
    }
    guard let realRoot = realPath(root) else { throw .io("cannot read the working tree '\(root)'") }
    guard let real = realPath(root + path) else {
      throw .pathNotInRevision(
        path: path, revision: Self.worktree, documents: (try? documentPaths(at: Self.worktree)) ?? [])
    }
    guard real.hasPrefix(realRoot.hasSuffix("/") ? realRoot : realRoot + "/") else {
      throw .io("'\(path)' is a symbolic link leading outside the working tree; Redline does not follow it")
    }
    return try SafeRead.regularFile(real, shownAs: path, followLink: false)
  }

  private func realPath(_ p: String) -> String? {
    guard let r = realpath(p, nil) else { return nil }
    defer { free(r) }
    return String(cString: r)
  }

  /// Reads and parses one document version.
  package func load(_ path: String?, at revision: String) throws(RedlineError) -> DocumentVersion {
    let p = try resolvePath(path, at: revision)
    let (id, data) = try bytes(of: p, at: revision)
    do {
      let doc = try DocumentLoader.load(data, path: p)
      return DocumentVersion(revision: revision, commit: id, path: p, document: doc)
    } catch {
      throw .document(error)
    }
  }

  /// The commits that changed the document, newest first, following renames.
  package func log(_ path: String?, from revision: String = "HEAD", limit: Int = .max) throws(RedlineError)
    -> [CommitInfo]
  {
    let p = try resolvePath(path, at: revision == Self.worktree ? "HEAD" : revision)
    guard let start = try commit(for: revision == Self.worktree ? "HEAD" : revision) else { return [] }
    do { return try git.history(of: p, from: start, limit: limit) } catch { throw .git(error) }
  }
}
