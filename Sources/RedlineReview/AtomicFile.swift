import Foundation

/// Atomic file writes: a temporary file in the same folder, flushed, then renamed (or
/// linked, to refuse overwriting), so readers never see half a file.
package enum AtomicFile {
  /// An I/O failure, with a one-line message.
  package struct Failure: Error, Sendable, CustomStringConvertible {
    package var description: String
  }

  /// Replaces `path` with `bytes` atomically.
  package static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
    let tmp = try writeTemporary(bytes, near: path)
    guard rename(tmp, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(tmp)
      throw Failure(description: "cannot write '\(path)': \(reason)")
    }
  }

  /// Creates `path` with `bytes` atomically; fails when it exists (never overwrites).
  package static func create(_ bytes: [UInt8], at path: String) throws(Failure) {
    let tmp = try writeTemporary(bytes, near: path)
    defer { unlink(tmp) }
    guard link(tmp, path) == 0 else {
      throw Failure(description: "cannot create '\(path)': \(String(cString: strerror(errno)))")
    }
  }

  /// Writes `bytes` to a new hidden temporary file beside `path` (created exclusively, never
  /// through a link, with `mode`) and flushes it; returns its path for a rename or link.
  package static func writeTemporary(_ bytes: [UInt8], near path: String, mode: mode_t = 0o644) throws(Failure)
    -> String
  {
    let url = URL(fileURLWithPath: path)
    let dir = url.deletingLastPathComponent().path
    var isDir: ObjCBool = false
    guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
      throw Failure(description: "cannot write '\(path)': folder '\(dir)' does not exist; create it first")
    }
    let tmp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
    guard fd >= 0 else { throw Failure(description: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
    var ok = true
    bytes.withUnsafeBytes { buf in
      var off = 0
      while off < buf.count {
        let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
        if n < 0 && errno == EINTR { continue }
        if n <= 0 {
          ok = false
          break
        }
        off += n
      }
    }
    if ok && fsync(fd) != 0 { ok = false }
    let reason = String(cString: strerror(errno))
    close(fd)
    guard ok else {
      unlink(tmp)
      throw Failure(description: "cannot write '\(path)': \(reason)")
    }
    return tmp
  }

  /// Runs `body` holding an exclusive advisory lock on `lockPath` (created if missing).
  package static func withLock<T>(_ lockPath: String, _ body: () throws -> T) throws -> T {
    let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
    guard fd >= 0 else { throw Failure(description: "cannot lock '\(lockPath)': \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      if errno != EINTR { throw Failure(description: "cannot lock '\(lockPath)': \(String(cString: strerror(errno)))") }
    }
    defer { flock(fd, LOCK_UN) }
    return try body()
  }
}
