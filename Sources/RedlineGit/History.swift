internal import CLibGit2

extension Repository {
  /// The commits that changed `path`, newest first, starting at `start` and following
  /// first parents. Follows renames: before the commit that renamed the file, the old
  /// path is followed (each `CommitInfo.path` says which name the file had).
  public func history(of path: String, from start: ObjectID, limit: Int = .max) throws(GitError) -> [CommitInfo] {
    var walk: OpaquePointer?
    try check(git_revwalk_new(&walk, pointer), "git_revwalk_new")
    defer { git_revwalk_free(walk) }
    try check(git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_TIME.rawValue), "git_revwalk_sorting")
    try check(git_revwalk_simplify_first_parent(walk), "git_revwalk_simplify_first_parent")
    var startOid = start.oid
    try check(git_revwalk_push(walk, &startOid), "git_revwalk_push")

    let tags = try tagsByCommit()
    var current = path
    var out: [CommitInfo] = []
    var oid = git_oid()
    while out.count < limit {
      let rc = git_revwalk_next(&oid, walk)
      if rc == GIT_ITEROVER.rawValue {
        git_error_clear()
        break
      }
      try check(rc, "git_revwalk_next")
      let id = ObjectID(oid)
      guard let blob = try blobID(current, at: id) else { continue }
      let (info, parents) = try commitInfo(id, path: current)
      let parentBlob: ObjectID? = try parents.first.flatMap { p throws(GitError) in try blobID(current, at: p) }
      if parentBlob == blob { continue }
      var entry = info
      entry.tags = tags[id] ?? []
      out.append(entry)
      if parentBlob == nil, let parent = parents.first, let old = try renameSource(of: current, in: id, parent: parent) {
        current = old
      }
    }
    return out
  }

  /// When `path` was added in `commit`, the path in `parent` it was renamed from, if any.
  func renameSource(of path: String, in commit: ObjectID, parent: ObjectID) throws(GitError) -> String? {
    var pOid = parent.oid
    var cOid = commit.oid
    var pc: OpaquePointer?
    var cc: OpaquePointer?
    try check(git_commit_lookup(&pc, pointer, &pOid), "git_commit_lookup")
    defer { git_commit_free(pc) }
    try check(git_commit_lookup(&cc, pointer, &cOid), "git_commit_lookup")
    defer { git_commit_free(cc) }
    var pt: OpaquePointer?
    var ct: OpaquePointer?
    try check(git_commit_tree(&pt, pc), "git_commit_tree")
    defer { git_tree_free(pt) }
    try check(git_commit_tree(&ct, cc), "git_commit_tree")
    defer { git_tree_free(ct) }
    var diff: OpaquePointer?
    try check(git_diff_tree_to_tree(&diff, pointer, pt, ct, nil), "git_diff_tree_to_tree")
    defer { git_diff_free(diff) }
    var fopts = git_diff_find_options()
    try check(git_diff_find_options_init(&fopts, UInt32(GIT_DIFF_FIND_OPTIONS_VERSION)), "git_diff_find_options_init")
    fopts.flags = GIT_DIFF_FIND_RENAMES.rawValue
    try check(git_diff_find_similar(diff, &fopts), "git_diff_find_similar")
    for i in 0..<git_diff_num_deltas(diff) {
      guard let d = git_diff_get_delta(diff, i)?.pointee else { continue }
      guard d.status == GIT_DELTA_RENAMED, let np = d.new_file.path, String(cString: np) == path,
        let op = d.old_file.path
      else { continue }
      return String(cString: op)
    }
    return nil
  }
}

extension Repository {
  /// True when `commit` is `ancestor` or a descendant of it.
  public func contains(_ ancestor: ObjectID, in commit: ObjectID) -> Bool {
    if ancestor == commit { return true }
    var a = commit.oid
    var b = ancestor.oid
    let rc = git_graph_descendant_of(pointer, &a, &b)
    if rc < 0 { git_error_clear() }
    return rc == 1
  }
}
