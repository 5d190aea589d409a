internal import CLibGit2
import Foundation

extension Repository {
  /// Records `changes` as one new commit on the branch HEAD points at (or `branch`).
  ///
  /// The branch is moved with a compare-and-swap (`git_reference_create_matching`): when
  /// another process committed in between, the changes are re-applied on top of its
  /// commit and the swap is tried again, so no concurrent commit is ever lost. For a
  /// repository with a working tree the index is updated for the changed paths, so
  /// `git status` stays clean.
  @discardableResult
  package func commit(
    _ changes: [FileChange], message: String, author: Signature, committer: Signature? = nil,
    branch: String? = nil
  ) throws(GitError) -> ObjectID {
    let headRef = headBranch()
    guard let refName = branch ?? headRef else {
      throw GitError(
        code: -1, message: "HEAD is detached; check out a branch before committing", function: "git_reference_lookup")
    }
    let committer = committer ?? author
    // Refuse an identity that would corrupt the commit header before anything is written.
    for who in [author, committer] {
      do { try Signature.validate(name: who.name, email: who.email) } catch {
        throw GitError(code: -1, message: error.description, function: "git_signature_new")
      }
    }
    // Blobs do not depend on the parent: write them once.
    var blobs: [ObjectID?] = []
    for change in changes {
      if let bytes = change.content {
        var oid = git_oid()
        let rc = bytes.withUnsafeBytes { git_blob_create_from_buffer(&oid, pointer, $0.baseAddress, $0.count) }
        try check(rc, "git_blob_create_from_buffer")
        blobs.append(ObjectID(oid))
      } else {
        blobs.append(nil)
      }
    }
    var attempt = 0
    while true {
      attempt += 1
      var parent = git_oid()
      let prc = git_reference_name_to_id(&parent, pointer, refName)
      let hasParent: Bool
      if prc == GIT_ENOTFOUND.rawValue {
        git_error_clear()
        hasParent = false
      } else {
        try check(prc, "git_reference_name_to_id")
        hasParent = true
      }
      let newID = try makeCommit(
        changes: changes, blobs: blobs, parent: hasParent ? ObjectID(parent) : nil, message: message,
        author: author, committer: committer)
      var newOid = newID.oid
      var ref: OpaquePointer?
      let rc: Int32 =
        hasParent
        ? git_reference_create_matching(&ref, pointer, refName, &newOid, 1, &parent, "redline: \(message)")
        : git_reference_create(&ref, pointer, refName, &newOid, 0, "redline: \(message)")
      if rc == 0 {
        git_reference_free(ref)
        if !isBare && refName == headRef && !updateIndex(for: changes, blobs: blobs) {
          // The index could not be updated: a later `git commit` would undo this commit.
          // Put the branch back (only if nobody moved it since) and say so.
          var back: OpaquePointer?
          var cur = newOid
          if hasParent, git_reference_create_matching(&back, pointer, refName, &parent, 1, &cur, "redline: undo") == 0 {
            git_reference_free(back)
          }
          git_error_clear()
          throw Self.lockError(gitdir + "index.lock", what: "the index")
        }
        return newID
      }
      let err = GitError.last(rc, "git_reference_create_matching")
      git_error_clear()
      guard err.isModified || err.isExists || err.isLocked, attempt < 1000 else { throw err }
      usleep(UInt32.random(in: 1000...5000))
    }
  }

  /// Refuses, before anything is written, what would make `commit` fail or leave work
  /// half done: a detached HEAD, and a lock file left on the branch or on the index
  /// (the error names the lock file and how to clear it).
  package func checkCanCommit(branch: String? = nil) throws(GitError) {
    guard let refName = branch ?? headBranch() else {
      throw GitError(
        code: -1, message: "HEAD is detached; check out a branch before committing", function: "git_reference_lookup")
    }
    let common = git_repository_commondir(pointer).map { String(cString: $0) } ?? gitdir
    for lock in Set([common + refName + ".lock", gitdir + refName + ".lock"]) where !Self.waitForRelease(lock) {
      throw Self.lockError(lock, what: "the branch")
    }
    if !isBare, !Self.waitForRelease(gitdir + "index.lock") {
      throw Self.lockError(gitdir + "index.lock", what: "the index")
    }
  }

  /// True once `lock` is gone. A lock another process holds right now goes away within
  /// moments, so a young lock is waited for (up to 3 s); one older than 10 s is stale.
  static func waitForRelease(_ lock: String) -> Bool {
    let deadline = Date().addingTimeInterval(3)
    while true {
      var st = stat()
      guard lstat(lock, &st) == 0 else { return true }
      let age = Date().timeIntervalSince1970 - TimeInterval(st.st_mtim.tv_sec)
      if age > 10 || Date() > deadline { return false }
      usleep(UInt32.random(in: 2000...6000))
    }
  }

  static func lockError(_ lock: String, what: String) -> GitError {
    GitError(
      code: GIT_ELOCKED.rawValue,
      message:
        "'\(lock)' locks \(what): another git command is running, or one stopped halfway; if none is running, delete that file and try again",
      function: "git_reference_create_matching")
  }

  private func makeCommit(
    changes: [FileChange], blobs: [ObjectID?], parent: ObjectID?, message: String, author: Signature,
    committer: Signature
  ) throws(GitError) -> ObjectID {
    var parentCommit: OpaquePointer?
    var baseTree: OpaquePointer?
    defer {
      git_tree_free(baseTree)
      git_commit_free(parentCommit)
    }
    if let parent {
      var p = parent.oid
      try check(git_commit_lookup(&parentCommit, pointer, &p), "git_commit_lookup")
      try check(git_commit_tree(&baseTree, parentCommit), "git_commit_tree")
    } else {
      var builder: OpaquePointer?
      try check(git_treebuilder_new(&builder, pointer, nil), "git_treebuilder_new")
      var empty = git_oid()
      let rc = git_treebuilder_write(&empty, builder)
      git_treebuilder_free(builder)
      try check(rc, "git_treebuilder_write")
      try check(git_tree_lookup(&baseTree, pointer, &empty), "git_tree_lookup")
    }
    // Build the update list; the C path strings must outlive the call.
    let cPaths = changes.map { strdup($0.path) }
    defer { cPaths.forEach { free($0) } }
    var updates: [git_tree_update] = []
    for (i, change) in changes.enumerated() {
      var u = git_tree_update()
      if let blob = blobs[i] {
        u.action = GIT_TREE_UPDATE_UPSERT
        u.id = blob.oid
        u.filemode = GIT_FILEMODE_BLOB
      } else {
        // Removing a path that is not there is an error in libgit2: skip it.
        if try parent.flatMap({ p throws(GitError) in try blobID(change.path, at: p) }) == nil { continue }
        u.action = GIT_TREE_UPDATE_REMOVE
      }
      u.path = UnsafePointer(cPaths[i])
      updates.append(u)
    }
    var treeOid = git_oid()
    let trc = updates.withUnsafeBufferPointer {
      git_tree_create_updated(&treeOid, pointer, baseTree, $0.count, $0.baseAddress)
    }
    try check(trc, "git_tree_create_updated")
    var tree: OpaquePointer?
    try check(git_tree_lookup(&tree, pointer, &treeOid), "git_tree_lookup")
    defer { git_tree_free(tree) }

    let a = try makeSignature(author)
    defer { git_signature_free(a) }
    let c = try makeSignature(committer)
    defer { git_signature_free(c) }
    var out = git_oid()
    var parents: [OpaquePointer?] = parentCommit.map { [$0] } ?? []
    let rc = parents.withUnsafeMutableBufferPointer { buf in
      git_commit_create(&out, pointer, nil, a, c, "UTF-8", message, tree, buf.count, buf.baseAddress)
    }
    try check(rc, "git_commit_create")
    return ObjectID(out)
  }

  private func makeSignature(_ s: Signature) throws(GitError) -> UnsafeMutablePointer<git_signature>? {
    var sig: UnsafeMutablePointer<git_signature>?
    // libgit2 refuses an empty e-mail; a name alone (`--author "Aino"`) gets a placeholder.
    let email = s.email.isEmpty ? Signature.placeholderEmail : s.email
    try check(git_signature_new(&sig, s.name, email, git_time_t(s.time), Int32(s.offsetMinutes)), "git_signature_new")
    return sig
  }

  /// Stages the committed paths in the working tree's index (retried on lock); false when
  /// the index stayed locked or could not be written.
  /// Redline processes serialize on `redline-index.lock` in the git folder, because an
  /// index update is read-modify-write and libgit2 locks only the write.
  private func updateIndex(for changes: [FileChange], blobs: [ObjectID?]) -> Bool {
    let fd = open(gitdir + "redline-index.lock", O_RDWR | O_CREAT, 0o644)
    if fd >= 0 {
      while flock(fd, LOCK_EX) != 0 && errno == EINTR {}
    }
    defer {
      if fd >= 0 {
        flock(fd, LOCK_UN)
        close(fd)
      }
    }
    for _ in 0..<200 {
      var index: OpaquePointer?
      guard git_repository_index(&index, pointer) == 0 else {
        git_error_clear()
        return false
      }
      defer { git_index_free(index) }
      _ = git_index_read(index, 1)
      for (i, change) in changes.enumerated() {
        if let bytes = change.content, let blob = blobs[i] {
          // Stage exactly what was committed (the file on disk may differ or not exist yet).
          var entry = git_index_entry()
          entry.mode = UInt32(GIT_FILEMODE_BLOB.rawValue)
          entry.id = blob.oid
          entry.file_size = UInt32(truncatingIfNeeded: bytes.count)
          _ = change.path.withCString { p in
            entry.path = p
            return git_index_add(index, &entry)
          }
        } else {
          _ = git_index_remove_bypath(index, change.path)
        }
      }
      let rc = git_index_write(index)
      git_error_clear()
      if rc != GIT_ELOCKED.rawValue { return rc == 0 }
      usleep(UInt32.random(in: 1000...5000))
    }
    return false
  }

  /// The identity from the repository's configuration (`user.name`, `user.email`), or nil.
  package func configuredSignature(now: Int64) -> Signature? {
    var sig: UnsafeMutablePointer<git_signature>?
    guard git_signature_default(&sig, pointer) == 0, let sig else {
      git_error_clear()
      return nil
    }
    defer { git_signature_free(sig) }
    return Signature(name: String(cString: sig.pointee.name), email: String(cString: sig.pointee.email), time: now)
  }

  /// Creates a lightweight tag `name` at `commit`; fails when the tag exists.
  package func createTag(_ name: String, at commit: ObjectID) throws(GitError) {
    var oid = commit.oid
    var obj: OpaquePointer?
    try check(git_object_lookup(&obj, pointer, &oid, GIT_OBJECT_COMMIT), "git_object_lookup")
    defer { git_object_free(obj) }
    var out = git_oid()
    try check(git_tag_create_lightweight(&out, pointer, name, obj, 0), "git_tag_create_lightweight")
  }
}
