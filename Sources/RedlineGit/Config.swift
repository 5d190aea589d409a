internal import CLibGit2

/// Reading git configuration values (`git config redline.lang`) through libgit2.
extension Repository {
  /// The value of a configuration key (`section.name`, e.g. `redline.lang`) as git sees it
  /// for this repository (local, then global, then system), or nil when it is not set.
  package func configString(_ key: String) throws(GitError) -> String? {
    var config: OpaquePointer?
    try check(git_repository_config_snapshot(&config, pointer), "git_repository_config_snapshot")
    defer { git_config_free(config) }
    return try GitConfig.string(key, in: config)
  }
}

/// Configuration outside any repository: the user's global and the system files.
package enum GitConfig {
  /// The value of `key` in the global and system configuration, or nil when not set
  /// (or when no configuration file exists).
  package static func globalString(_ key: String) throws(GitError) -> String? {
    try LibGit2.start()
    var config: OpaquePointer?
    try check(git_config_open_default(&config), "git_config_open_default")
    defer { git_config_free(config) }
    var snapshot: OpaquePointer?
    try check(git_config_snapshot(&snapshot, config), "git_config_snapshot")
    defer { git_config_free(snapshot) }
    return try string(key, in: snapshot)
  }

  static func string(_ key: String, in config: OpaquePointer?) throws(GitError) -> String? {
    var buf = git_buf()
    defer { git_buf_dispose(&buf) }
    let rc = git_config_get_string_buf(&buf, config, key)
    if rc == GIT_ENOTFOUND.rawValue {
      git_error_clear()
      return nil
    }
    try check(rc, "git_config_get_string_buf")
    guard let p = buf.ptr else { return "" }
    return String(decoding: UnsafeRawBufferPointer(start: p, count: buf.size), as: UTF8.self)
  }
}
