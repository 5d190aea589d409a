internal import CLibGit2
import Foundation

/// An open git repository. Owns one `git_repository` handle; every other libgit2
/// object lives only inside the method that made it, and methods return value types.
///
/// Not `Sendable`: use one `Repository` per thread (open another for another task).
package final class Repository {
  let pointer: OpaquePointer

  /// The working-tree folder (with a trailing `/`), or nil for a bare repository.
  package let workdir: String?
  /// The `.git` folder (or the bare repository's folder).
  package let gitdir: String

  /// Opens the repository at `path`, or the one that contains it (searching parent folders).
  /// Bare repositories open too.
  package init(discoverFrom path: String) throws(GitError) {
    try LibGit2.start()
    var repo: OpaquePointer?
    let rc = git_repository_open_ext(&repo, path, 0, nil)
    guard rc == 0, let repo else {
      if rc == GIT_ENOTFOUND.rawValue {
        git_error_clear()
        throw GitError(
          code: rc, message: "'\(path)' is not in a git repository", function: "git_repository_open_ext")
      }
      throw GitError.last(rc, "git_repository_open_ext")
    }
    self.pointer = repo
    self.workdir = git_repository_workdir(repo).map { String(cString: $0) }
    self.gitdir = String(cString: git_repository_path(repo))
  }

  /// Creates a new repository (with a working tree unless `bare`) at `path`.
  package static func create(at path: String, bare: Bool = false, initialBranch: String = "main") throws(GitError)
    -> Repository
  {
    try LibGit2.start()
    var repo: OpaquePointer?
    try check(git_repository_init(&repo, path, bare ? 1 : 0), "git_repository_init")
    defer { git_repository_free(repo) }
    try check(git_repository_set_head(repo, "refs/heads/\(initialBranch)"), "git_repository_set_head")
    return try Repository(discoverFrom: path)
  }

  deinit { git_repository_free(pointer) }

  /// True for a repository without a working tree.
  package var isBare: Bool { workdir == nil }

  // MARK: Revisions

  /// Resolves anything git accepts as a revision (tag, branch, `HEAD~2`, short id) to a commit.
  /// Returns nil when the revision does not exist.
  package func resolveCommit(_ revision: String) throws(GitError) -> ObjectID? {
    try guardRevision(revision)
    var obj: OpaquePointer?
    let rc = git_revparse_single(&obj, pointer, revision)
    if rc == GIT_ENOTFOUND.rawValue || rc == GIT_EINVALIDSPEC.rawValue || rc == GIT_EAMBIGUOUS.rawValue {
      let err = GitError.last(rc, "git_revparse_single")
      git_error_clear()
      if rc == GIT_EAMBIGUOUS.rawValue { throw err }
      return nil
    }
    // A spec libgit2 cannot parse (`:path`, the index) is not a revision either.
    if rc == GIT_ERROR.rawValue, let e = git_error_last(), e.pointee.klass == Int32(GIT_ERROR_INVALID.rawValue) {
      git_error_clear()
      return nil
    }
    try check(rc, "git_revparse_single")
    defer { git_object_free(obj) }
    var commit: OpaquePointer?
    let prc = git_object_peel(&commit, obj, GIT_OBJECT_COMMIT)
    if prc < 0 {
      git_error_clear()
      return nil
    }
    defer { git_object_free(commit) }
    return ObjectID(git_object_id(commit))
  }

  /// The commit HEAD points at, or nil in a repository with no commits yet.
  package func head() throws(GitError) -> ObjectID? {
    if git_repository_head_unborn(pointer) == 1 { return nil }
    return try resolveCommit("HEAD")
  }

  /// The full name of the branch HEAD points at (`refs/heads/main`), or nil when detached.
  package func headBranch() -> String? {
    var ref: OpaquePointer?
    guard git_reference_lookup(&ref, pointer, "HEAD") == 0 else {
      git_error_clear()
      return nil
    }
    defer { git_reference_free(ref) }
    guard git_reference_type(ref) == GIT_REFERENCE_SYMBOLIC, let t = git_reference_symbolic_target(ref) else {
      return nil
    }
    return String(cString: t)
  }

  /// Tag names, sorted, mapped from the commit they point at (annotated tags peeled).
  /// A tag that cannot be read (an invalid name, a missing or non-commit target) is
  /// skipped, so one bad tag never hides the others.
  package func tagsByCommit() throws(GitError) -> [ObjectID: [String]] {
    var iter: OpaquePointer?
    try check(git_reference_iterator_glob_new(&iter, pointer, "refs/tags/*"), "git_reference_iterator_glob_new")
    defer { git_reference_iterator_free(iter) }
    var out: [ObjectID: [String]] = [:]
    var failures = 0
    while true {
      var cname: UnsafePointer<CChar>?
      let rc = git_reference_next_name(&cname, iter)
      if rc == GIT_ITEROVER.rawValue { break }
      if rc < 0 {
        git_error_clear()
        failures += 1
        if failures > 10_000 { break }
        continue
      }
      guard let cname else { continue }
      let full = String(cString: cname)
      let name = String(full.dropFirst("refs/tags/".count))
      var ref: OpaquePointer?
      guard git_reference_lookup(&ref, pointer, full) == 0 else {
        git_error_clear()
        continue
      }
      defer { git_reference_free(ref) }
      var target: OpaquePointer?
      guard git_reference_peel(&target, ref, GIT_OBJECT_COMMIT) == 0 else {
        git_error_clear()
        continue
      }
      out[ObjectID(git_object_id(target)), default: []].append(name)
      git_object_free(target)
    }
    for k in out.keys { out[k]?.sort() }
    return out
  }

  /// All tag names, sorted.
  package func tagNames() throws(GitError) -> [String] {
    try tagsByCommit().values.flatMap { $0 }.sorted()
  }

  // MARK: Reading

  /// The bytes of `path` in `commit`, or nil when the path is not a file there.
  package func readFile(_ path: String, at commit: ObjectID) throws(GitError) -> [UInt8]? {
    guard let blob = try blobID(path, at: commit) else { return nil }
    return try readBlob(blob)
  }

  /// The size in bytes of an object, from its header (the content is not read).
  package func blobSize(_ id: ObjectID) throws(GitError) -> Int {
    var odb: OpaquePointer?
    try check(git_repository_odb(&odb, pointer), "git_repository_odb")
    defer { git_odb_free(odb) }
    var oid = id.oid
    var size = 0
    var type = GIT_OBJECT_ANY
    let rc = git_odb_read_header(&size, &type, odb, &oid)
    if rc < 0 { throw GitError.object(id, rc, "git_odb_read_header") }
    return size
  }

  /// The bytes of one blob.
  package func readBlob(_ id: ObjectID) throws(GitError) -> [UInt8] {
    try guardLoose(id)
    var oid = id.oid
    var blob: OpaquePointer?
    let rc = git_blob_lookup(&blob, pointer, &oid)
    if rc < 0 { throw GitError.object(id, rc, "git_blob_lookup") }
    defer { git_blob_free(blob) }
    let size = Int(git_blob_rawsize(blob))
    guard size > 0, let raw = git_blob_rawcontent(blob) else { return [] }
    return Array(UnsafeRawBufferPointer(start: raw, count: size))
  }

  /// The id of the blob at `path` in `commit`, or nil when the path is not a file there
  /// (a symbolic link or a submodule is not a file). Each tree on the way is checked
  /// before libgit2 reads it (see `guardLoose`).
  package func blobID(_ path: String, at commit: ObjectID) throws(GitError) -> ObjectID? {
    let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    if parts.isEmpty || parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) { return nil }
    return try withTree(of: commit) { root throws(GitError) in
      var tree = root
      var owned: OpaquePointer? = nil
      defer { git_tree_free(owned) }
      for (k, name) in parts.enumerated() {
        guard let entry = git_tree_entry_byname(tree, name) else { return nil }
        let type = git_tree_entry_type(entry)
        let id = ObjectID(git_tree_entry_id(entry))
        if k == parts.count - 1 {
          let mode = git_tree_entry_filemode(entry)
          guard type == GIT_OBJECT_BLOB, mode == GIT_FILEMODE_BLOB || mode == GIT_FILEMODE_BLOB_EXECUTABLE else {
            return nil
          }
          return id
        }
        guard type == GIT_OBJECT_TREE else { return nil }
        try guardLoose(id)
        var oid = id.oid
        var next: OpaquePointer?
        let rc = git_tree_lookup(&next, pointer, &oid)
        if rc < 0 { throw GitError.object(id, rc, "git_tree_lookup") }
        git_tree_free(owned)
        owned = next
        tree = next
      }
      return nil
    }
  }

  /// Every file path in `commit`, sorted, with `/` separators.
  package func listFiles(at commit: ObjectID) throws(GitError) -> [String] {
    try withTree(of: commit) { tree throws(GitError) in
      final class Box { var paths: [String] = [] }
      let box = Box()
      let rc = withExtendedLifetime(box) {
        git_tree_walk(
          tree, GIT_TREEWALK_PRE,
          { root, entry, payload in
            guard let entry, let payload else { return 0 }
            if git_tree_entry_type(entry) == GIT_OBJECT_BLOB {
              let b = Unmanaged<Box>.fromOpaque(payload).takeUnretainedValue()
              let r = root.map { String(cString: $0) } ?? ""
              b.paths.append(r + String(cString: git_tree_entry_name(entry)))
            }
            return 0
          }, Unmanaged.passUnretained(box).toOpaque())
      }
      try check(rc, "git_tree_walk")
      return box.paths.sorted()
    }
  }

  private func withTree<T>(of commit: ObjectID, _ body: (OpaquePointer?) throws(GitError) -> T) throws(GitError) -> T {
    let c = try lookupCommit(commit)
    defer { git_commit_free(c) }
    try guardLoose(ObjectID(git_commit_tree_id(c)))
    var tree: OpaquePointer?
    try check(git_commit_tree(&tree, c), "git_commit_tree")
    defer { git_tree_free(tree) }
    return try body(tree)
  }

  /// Author, message and parents of one commit.
  package func commitInfo(_ id: ObjectID, path: String = "") throws(GitError) -> (info: CommitInfo, parents: [ObjectID])
  {
    let c = try lookupCommit(id)
    defer { git_commit_free(c) }
    let sig = git_commit_author(c)!.pointee
    let author = Signature(
      name: String(cString: sig.name), email: String(cString: sig.email), time: Int64(sig.when.time),
      offsetMinutes: Int32(sig.when.offset))
    let message = git_commit_message(c).map { String(cString: $0) } ?? ""
    var parents: [ObjectID] = []
    for i in 0..<git_commit_parentcount(c) {
      if let p = git_commit_parent_id(c, i) { parents.append(ObjectID(p)) }
    }
    return (CommitInfo(id: id, author: author, message: message, tags: [], path: path), parents)
  }

  /// Looks a commit up after checking its loose file (see `guardLoose`); the caller frees it.
  func lookupCommit(_ id: ObjectID) throws(GitError) -> OpaquePointer? {
    try guardLoose(id)
    var oid = id.oid
    var c: OpaquePointer?
    let rc = git_commit_lookup(&c, pointer, &oid)
    if rc < 0 { throw GitError.object(id, rc, "git_commit_lookup") }
    return c
  }

  /// Checks the objects a revision like `v2`, `HEAD~3` or `main^2` reads before
  /// `git_revparse_single` inflates them (see `guardLoose`): the base reference's target
  /// (annotated tags followed), then each parent step. Other syntax is left to libgit2.
  func guardRevision(_ revision: String) throws(GitError) {
    let cut = revision.firstIndex(where: { $0 == "~" || $0 == "^" }) ?? revision.endIndex
    let base = String(revision[..<cut])
    var ref: OpaquePointer?
    guard !base.isEmpty, git_reference_dwim(&ref, pointer, base) == 0 else {
      git_error_clear()
      return
    }
    defer { git_reference_free(ref) }
    var resolved: OpaquePointer?
    guard git_reference_resolve(&resolved, ref) == 0, let target = git_reference_target(resolved) else {
      git_error_clear()
      return
    }
    var id = ObjectID(target)
    git_reference_free(resolved)
    // Follow annotated tags (bounded: a tag chain longer than 32 is not followed).
    for _ in 0..<32 {
      try guardLoose(id)
      var odb: OpaquePointer?
      guard git_repository_odb(&odb, pointer) == 0 else {
        git_error_clear()
        return
      }
      var size = 0
      var type = GIT_OBJECT_ANY
      var oid = id.oid
      let rc = git_odb_read_header(&size, &type, odb, &oid)
      git_odb_free(odb)
      if rc < 0 { throw GitError.object(id, rc, "git_odb_read_header") }
      guard type == GIT_OBJECT_TAG else { break }
      var tag: OpaquePointer?
      guard git_tag_lookup(&tag, pointer, &oid) == 0 else {
        git_error_clear()
        return
      }
      id = ObjectID(git_tag_target_id(tag))
      git_tag_free(tag)
    }
    // Parent steps: ~N follows N first parents, ^N takes the N-th parent.
    var rest = Substring(revision[cut...])
    while let op = rest.first, op == "~" || op == "^" {
      rest = rest.dropFirst()
      let digits = rest.prefix(while: \.isNumber)
      rest = rest.dropFirst(digits.count)
      if op == "^" && rest.first == "{" { return }
      let n = min(Int(digits) ?? 1, 100_000)
      let steps = op == "~" ? n : 1
      let index = op == "~" ? 0 : n - 1
      if op == "^" && n == 0 { continue }
      for _ in 0..<steps {
        let (_, parents) = try commitInfo(id)
        guard index < parents.count else { return }
        id = parents[index]
      }
      try guardLoose(id)
    }
  }
}
