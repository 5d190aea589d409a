import Foundation

/// Whether git config could set a key at all, told from the files' bytes without loading
/// libgit2 (decision 87). Reading `redline.lang` for two files compared into a pipe loaded
/// libgit2 and its 18 libraries only to find the key unset: 4–5 ms of one core, and while
/// glibc maps them no other thread can be created, so the comparison's second parse thread
/// waited for it. The values themselves are always read through libgit2.
package enum ConfigFiles {
  /// False only when no config file that libgit2 1.5 reads for the repository found from
  /// `path` (or, outside one, the user's and the system's) mentions `section` or `include`,
  /// in any letter case: then no `section.*` key is set (a key is named by its section's
  /// header, which cannot be escaped, and `[include]`/`[includeIf]` may bring in any file).
  /// True whenever that cannot be told: a `.git` that is a file (a linked worktree or a
  /// submodule), a `commondir`, a path or variable that is not UTF-8, an empty `HOME` or
  /// `XDG_CONFIG_HOME` or one listing folders (libgit2 reads those relative to the current
  /// folder, or splits them at `:`), a folder that cannot be resolved, a file that cannot
  /// be read. `environment` (nil: the process's own, read as libgit2 reads it, with
  /// `getenv`), `systemFile` and `accountHome` (the password entry's home, which libgit2
  /// uses only when set-uid) are parameters for tests.
  package static func mayMention(
    _ section: String, from path: String, environment: [String: String]? = nil,
    systemFile: String = "/etc/gitconfig", accountHome: String? = ConfigFiles.accountHomeIfSetUID()
  ) -> Bool {
    let variable: (String) -> String?? = { name in
      if let environment { return environment[name].map { .some($0) } }
      guard let raw = getenv(name) else { return nil }
      return .some(String(validatingCString: raw))  // .some(nil): not UTF-8
    }
    let files = candidates(from: path, variable: variable, systemFile: systemFile, accountHome: accountHome)
    guard let files else { return true }
    let needles = [Array(section.lowercased().utf8), Array("include".utf8)]
    for file in files {
      guard let bytes = configBytes(file) else { return true }
      let lower = bytes.map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }  // A–Z → a–z
      if needles.contains(where: { contains(lower, $0) }) { return true }
    }
    return false
  }

  /// Every file libgit2 1.5 could read as config here (more is harmless: a file it would
  /// not read can only make the answer "may"), or nil when that cannot be told. libgit2
  /// reads `/etc/gitconfig`, `$HOME/.gitconfig`, `$XDG_CONFIG_HOME/git/config` (or, when
  /// that is unset, `$HOME/.config/git/config`), the password entry's home's files instead
  /// when set-uid, and the repository's `config`; it finds the repository by walking up
  /// from the resolved path to the first folder that is one (`HEAD`) or holds a `.git`.
  /// This walks up to the root and takes every such folder's `config`, and its
  /// `config.worktree` (read by later libgit2 versions).
  static func candidates(
    from path: String, variable: (String) -> String??, systemFile: String, accountHome: String?
  ) -> [String]? {
    var files = [systemFile]
    var homes: [String] = []
    for name in ["HOME", "XDG_CONFIG_HOME"] {
      guard let value = variable(name) else { continue }  // unset
      guard let value, !value.isEmpty, !value.contains(":") else { return nil }
      if name == "HOME" { homes.append(value) } else { files.append(value + "/git/config") }
    }
    if let accountHome {
      guard !accountHome.isEmpty else { return nil }
      homes.append(accountHome)
    }
    for h in homes { files += [h + "/.gitconfig", h + "/.config/git/config"] }
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    guard var dir = String(validatingCString: resolved) else { return nil }
    while true {
      let base = dir == "/" ? "" : dir
      if kind(base + "/HEAD") != nil {  // a bare repository, or a git folder itself
        if kind(base + "/commondir") != nil { return nil }
        files += [base + "/config", base + "/config.worktree"]
      }
      switch kind(base + "/.git") {
      case .directory?:
        if kind(base + "/.git/commondir") != nil { return nil }
        files += [base + "/.git/config", base + "/.git/config.worktree"]
      case .other?: return nil  // a gitlink file: the repository is elsewhere
      case nil: break
      }
      if dir == "/" { return files }
      dir = (dir as NSString).deletingLastPathComponent
      if dir.isEmpty { return files }
    }
  }

  /// A config file's bytes as libgit2 reads them: a regular file's to its end; nothing
  /// from a device, FIFO or socket (libgit2 reads their size, 0, and a read could block
  /// or never end); nil for a folder or a file that cannot be read. Empty when absent.
  static func configBytes(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    if fd < 0 { return errno == ENOENT || errno == ENOTDIR ? [] : nil }
    defer { close(fd) }
    var s = stat()
    guard fstat(fd, &s) == 0, s.st_mode & S_IFMT != S_IFDIR else { return nil }
    return s.st_mode & S_IFMT == S_IFREG ? readToEnd(fd) : []
  }

  /// Whether `needle` (not empty) occurs in `haystack`.
  package static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard let first = needle.first, haystack.count >= needle.count else { return false }
    var i = 0
    while i <= haystack.count - needle.count {
      if haystack[i] == first && haystack[i..<i + needle.count].elementsEqual(needle) { return true }
      i += 1
    }
    return false
  }

  /// The effective user's home in the password database when the process runs set-uid
  /// (or in a macOS sandbox), where libgit2 takes it instead of `HOME`; else nil; "" when
  /// it cannot be told (no entry, or a home that is not UTF-8).
  package static func accountHomeIfSetUID() -> String? {
    guard getuid() != geteuid() || getenv("APP_SANDBOX_CONTAINER_ID") != nil else { return nil }
    guard let entry = getpwuid(geteuid()), let dir = entry.pointee.pw_dir else { return "" }
    return String(validatingCString: dir) ?? ""  // not UTF-8: "", which `candidates` doubts
  }

  enum Kind { case directory, other }

  /// What is at `path` (following links), or nil when nothing is.
  static func kind(_ path: String) -> Kind? {
    var s = stat()
    guard stat(path, &s) == 0 else { return errno == ENOENT || errno == ENOTDIR ? nil : .other }
    return s.st_mode & S_IFMT == S_IFDIR ? .directory : .other
  }
}

/// The bytes of the file at `path`, read to its end (Foundation stops `/proc` files after
/// the first read, one page), or nil when it cannot be opened or read.
func wholeFile(_ path: String) -> [UInt8]? {
  let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
  if fd < 0 { return nil }
  defer { close(fd) }
  return readToEnd(fd)
}

/// What is left to read from `fd`, or nil when a read fails.
func readToEnd(_ fd: Int32) -> [UInt8]? {
  var bytes: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: 65536)
  while true {
    let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    if n < 0 && errno == EINTR { continue }
    guard n >= 0 else { return nil }
    if n == 0 { return bytes }
    bytes += chunk[..<n]
  }
}
