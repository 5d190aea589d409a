internal import CLibGit2
import Foundation

extension Repository {
  /// The commits that changed `path`, newest first, starting at `start` and following
  /// first parents. Follows renames: before the commit that renamed the file, the old
  /// path is followed (each `CommitInfo.path` says which name the file had).
  ///
  /// In a shallow clone the walk stops at the shallow boundary (the commits listed in
  /// `.git/shallow`, whose parents were not fetched); that commit is marked
  /// `isShallowBoundary` instead of the walk failing on a missing parent.
  package func history(of path: String, from start: ObjectID, limit: Int = .max) throws(GitError) -> [CommitInfo] {
    let tags = try tagsByCommit()
    let shallow = shallowCommits()
    var current = path
    var out: [CommitInfo] = []
    var next: ObjectID? = start
    while out.count < limit, let id = next {
      let (info, parents) = try commitInfo(id, path: current)
      let boundary = shallow.contains(id)
      let parent = boundary ? nil : parents.first
      next = parent
      guard let blob = try blobID(current, at: id) else { continue }
      let parentBlob: ObjectID? = try parent.flatMap { p throws(GitError) in try blobID(current, at: p) }
      if parentBlob == blob { continue }
      var entry = info
      entry.tags = tags[id] ?? []
      entry.isShallowBoundary = boundary
      out.append(entry)
      if parentBlob == nil, let parent, let old = try renameSource(of: current, in: id, parent: parent) {
        current = old
      }
    }
    return out
  }

  /// The commits whose parents a shallow clone did not fetch (`.git/shallow`), if any.
  package func shallowCommits() -> Set<ObjectID> {
    guard let text = try? String(contentsOfFile: gitdir + "shallow", encoding: .utf8) else { return [] }
    return Set(text.split(whereSeparator: \.isNewline).compactMap { ObjectID(hex: String($0)) })
  }

  /// When `path` was added in `commit`, the path in `parent` it was renamed from, if any.
  func renameSource(of path: String, in commit: ObjectID, parent: ObjectID) throws(GitError) -> String? {
    let pc = try lookupCommit(parent)
    defer { git_commit_free(pc) }
    let cc = try lookupCommit(commit)
    defer { git_commit_free(cc) }
    try guardLoose(ObjectID(git_commit_tree_id(pc)))
    try guardLoose(ObjectID(git_commit_tree_id(cc)))
    var pt: OpaquePointer?
    var ct: OpaquePointer?
    try check(git_commit_tree(&pt, pc), "git_commit_tree")
    defer { git_tree_free(pt) }
    try check(git_commit_tree(&ct, cc), "git_commit_tree")
    defer { git_tree_free(ct) }
    var diff: OpaquePointer?
    try check(git_diff_tree_to_tree(&diff, pointer, pt, ct, nil), "git_diff_tree_to_tree")
    defer { git_diff_free(diff) }
    // Rename detection reads the added and deleted blobs: check them first.
    for i in 0..<git_diff_num_deltas(diff) {
      guard let d = git_diff_get_delta(diff, i)?.pointee else { continue }
      if d.status == GIT_DELTA_ADDED { try guardLoose(ObjectID(d.new_file.id)) }
      if d.status == GIT_DELTA_DELETED { try guardLoose(ObjectID(d.old_file.id)) }
    }
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
  package func contains(_ ancestor: ObjectID, in commit: ObjectID) -> Bool {
    if ancestor == commit { return true }
    var a = commit.oid
    var b = ancestor.oid
    let rc = git_graph_descendant_of(pointer, &a, &b)
    if rc < 0 { git_error_clear() }
    return rc == 1
  }
}
