internal import CLibGit2
internal import CLibGit2Loader
import Foundation
import Synchronization

/// A failure reported by libgit2: the call that failed, its code and the library's message.
package struct GitError: Error, Sendable, CustomStringConvertible, Equatable {
  /// The libgit2 return code (negative; `GIT_ENOTFOUND` is -3).
  package let code: Int32
  /// libgit2's error class (`GIT_ERROR_*`), 0 when none was set.
  package let errorClass: Int32
  /// libgit2's message, or a short text of our own.
  package let message: String
  /// The libgit2 function that failed, e.g. `git_revparse_single`.
  package let function: String

  package init(code: Int32, errorClass: Int32 = 0, message: String, function: String) {
    self.code = code
    self.errorClass = errorClass
    self.message = message
    self.function = function
  }

  /// True when libgit2 said the object or path does not exist.
  package var isNotFound: Bool { code == GIT_ENOTFOUND.rawValue }
  /// True when a reference changed under us (compare-and-swap lost).
  package var isModified: Bool { code == GIT_EMODIFIED.rawValue }
  /// True when a lock file is held by another process.
  package var isLocked: Bool { code == GIT_ELOCKED.rawValue }
  /// True when libgit2 itself could not be loaded (the message says what to install).
  package var isLibraryMissing: Bool { function == "dlopen" }
  /// True when the target already exists.
  package var isExists: Bool { code == GIT_EEXISTS.rawValue }

  /// True when the repository's data itself is damaged (a broken object, a bad zlib
  /// stream), as opposed to a lock, a detached HEAD or a bad argument.
  package var isDamage: Bool {
    !isLocked && code != GIT_EAMBIGUOUS.rawValue
      && [GIT_ERROR_ODB.rawValue, GIT_ERROR_ZLIB.rawValue, GIT_ERROR_OBJECT.rawValue, GIT_ERROR_TREE.rawValue]
        .map { Int32($0) }.contains(errorClass)
  }

  /// True when a revision prefix matches several objects.
  package var isAmbiguous: Bool { code == GIT_EAMBIGUOUS.rawValue }

  /// The lock file named in a lock failure (`…/refs/heads/main.lock`), if any.
  package var lockFile: String? {
    guard let r = message.range(of: "'"), let end = message[r.upperBound...].firstIndex(of: "'") else { return nil }
    let p = String(message[r.upperBound..<end])
    return p.hasSuffix(".lock") ? p : nil
  }

  package var description: String { "\(message) (\(function), code \(code))" }

  /// Builds the error from libgit2's thread-local last error; call right after the failing call.
  static func last(_ code: Int32, _ function: String) -> GitError {
    if let e = git_error_last() {
      let msg = e.pointee.message.map { String(cString: $0) } ?? "unknown libgit2 error"
      return GitError(code: code, errorClass: e.pointee.klass, message: msg, function: function)
    }
    return GitError(code: code, message: "libgit2 call failed", function: function)
  }
}

extension GitError {
  /// The last error for a failed read of object `id`, its message naming the object:
  /// `object 3f2a9c1e… cannot be read (…); the repository is damaged (git fsck names it)`.
  static func object(_ id: ObjectID, _ code: Int32, _ function: String) -> GitError {
    let e = last(code, function)
    if e.isNotFound {
      return GitError(
        code: code, errorClass: e.errorClass, message: "object \(id.hex) is missing from the repository (\(e.message))",
        function: function)
    }
    return GitError(
      code: code, errorClass: e.errorClass,
      message:
        "object \(id.hex) cannot be read (\(e.message)); the repository is damaged, `git fsck` lists what is broken",
      function: function)
  }
}

/// Turns a libgit2 return code into a thrown `GitError`.
@inline(__always)
func check(_ code: Int32, _ function: String) throws(GitError) {
  if code < 0 { throw GitError.last(code, function) }
}

/// One-time library loading and initialisation; every entry point calls `start()`, so a
/// process that reads no repository and no git config (`diff --files` writing JSON,
/// `--version`) never loads libgit2
/// (1.7 ms and 3 MB of libraries) nor starts it (it parses every CA certificate in
/// `/etc/ssl/certs` as it starts, about 55 M instructions).
enum LibGit2 {
  /// Loads and starts libgit2 once; throws, every time, if it cannot be loaded.
  static func start() throws(GitError) {
    if let reason = loadError { throw GitError(code: -1, message: reason, function: "dlopen") }
    _ = initialized
  }

  /// Why libgit2 could not be loaded, or nil once it is.
  static let loadError: String? = clibgit2_load().map { String(cString: $0) }

  private static let initialized: Bool = {
    let n = clibgit2_init()  // git_libgit2_init without the CA certificates (decision 83)
    // Drafts repositories are often shared folders or copies owned by another user;
    // libgit2 1.5 reports those with a misleading "safe.directory not found" error.
    _ = clibgit2_set_owner_validation(0)
    started.store(true, ordering: .sequentiallyConsistent)
    if !rehashOnRead.load(ordering: .sequentiallyConsistent) { _ = clibgit2_set_strict_hash_verification(0) }
    return n > 0
  }()

  /// Set once libgit2 has started (read by `Repository.libgit2Started`).
  static let started = Atomic<Bool>(false)
  /// Cleared by `Repository.skipRehashingOnRead`; applied when libgit2 starts.
  static let rehashOnRead = Atomic<Bool>(true)
}

extension Repository {
  /// For a process that only reads (diff, comments, history, …): libgit2 no longer hashes
  /// every object again as it reads it, as git does not (git checks ids in `fsck`); that
  /// was 16 % of following 1,000 comments through 50 versions of a 1 MB draft. A process
  /// that may commit keeps the check: a commit built on an object whose content does not
  /// match its id would carry the damage into history (decision 58). Call it before the
  /// first read: libgit2 keeps what it read in a cache. It does not start libgit2; the
  /// setting is applied when libgit2 starts, or at once if it has.
  package static func skipRehashingOnRead() {
    LibGit2.rehashOnRead.store(false, ordering: .sequentiallyConsistent)
    if LibGit2.started.load(ordering: .sequentiallyConsistent) { _ = clibgit2_set_strict_hash_verification(0) }
  }

  /// Whether this process has started libgit2 (for `REDLINE_PROFILE` and tests).
  package static var libgit2Started: Bool { LibGit2.started.load(ordering: .sequentiallyConsistent) }

  /// How many times libgit2 asked mbedTLS to load the system's CA certificates as it
  /// started, and Redline's stand-in loaded none (decision 83): 1 once a libgit2 built with
  /// mbedTLS (Debian's) has started on a system with a CA bundle at its default place, 0
  /// otherwise. For `REDLINE_PROFILE` and tests.
  package static var certificateLoadsSkipped: Int { Int(clibgit2_certificate_loads_skipped()) }

  /// mbedTLS's result for loading the certificates of file `path` as libgit2 would once
  /// started (the stand-in hands it on): 0, the number it could not parse, or a negative
  /// mbedTLS error; -1 without mbedTLS. For tests.
  package static func certificateFileLoad(_ path: String) -> Int { Int(clibgit2_certificate_file_load(path)) }

  /// Why the library `soname` could not serve as libgit2 (not found, or a function Redline
  /// calls is missing), in the words `start()` would use; nil when it could. The library is
  /// let go again and the one in use is left as it is. For tests.
  package static func libgit2LoadError(trying soname: String) -> String? {
    clibgit2_try(soname).map { String(cString: $0) }
  }

  /// Whether libgit2's file is mapped into this process, as `/proc/self/maps` lists it
  /// (for `REDLINE_PROFILE` and tests); nil where that list cannot be read.
  package static var libgit2Mapped: Bool? {
    guard let maps = mappedFiles() else { return nil }
    return maps.contains { $0.contains("/libgit2.so") }
  }

  /// The files mapped into this process (`/proc/self/maps`), nil where it cannot be read.
  package static func mappedFiles() -> [String]? {
    guard let maps = wholeFile("/proc/self/maps") else { return nil }
    return String(decoding: maps, as: UTF8.self).split(separator: "\n").compactMap { line in
      line.split(separator: " ", omittingEmptySubsequences: true).dropFirst(5).first.map(String.init)
    }
  }
}
