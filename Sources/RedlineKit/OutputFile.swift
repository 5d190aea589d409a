import Foundation
import RedlineReview
import Synchronization

/// Where `-o PATH` output goes, decided from what is at the path (never following a
/// symbolic link): a new path or a regular file is replaced atomically (a temporary file
/// in the same folder, flushed, renamed over it); a FIFO, a character device
/// (`/dev/null`, a terminal) or `-` (standard output) is written as a stream; a
/// directory, a symbolic link, a block device or a socket is refused with one line.
package enum OutputTarget: Sendable, Equatable {
  case standardOutput
  case replaceFile(String)
  case stream(String)

  /// Inspects `path` with `lstat` (no link followed) and picks how to write it.
  package static func resolve(_ path: String) throws(RedlineError) -> OutputTarget {
    if path == "-" { return .standardOutput }
    if path.isEmpty { throw .invalidArgument("-o needs a file name (or - for standard output)") }
    var st = stat()
    if lstat(path, &st) != 0 {
      if errno == ENOENT { return .replaceFile(path) }
      throw .io("cannot write '\(path)': \(String(cString: strerror(errno)))")
    }
    switch st.st_mode & S_IFMT {
    case S_IFREG: return .replaceFile(path)
    case S_IFIFO, S_IFCHR: return .stream(path)
    case S_IFDIR: throw .io("cannot write '\(path)': it is a directory; give a file name")
    case S_IFLNK:
      throw .io(
        "cannot write '\(path)': it is a symbolic link, which Redline does not follow; write to the file it points to or remove the link"
      )
    default:
      throw .io("cannot write '\(path)': it is not a regular file, FIFO or character device")
    }
  }
}

/// The one writer behind every `-o` and standard output.
package enum OutputFile {
  /// Writes `bytes` to `path` as `OutputTarget.resolve` decides (`-` is standard output).
  package static func write(_ bytes: [UInt8], to path: String) throws(RedlineError) {
    switch try OutputTarget.resolve(path) {
    case .standardOutput: writeStandardOutput(bytes)
    case .stream(let p): try stream(bytes, to: p)
    case .replaceFile(let p): try replace(p, with: bytes)
    }
  }

  /// Writes to standard output; a closed pipe (`| head`) ends the write quietly, any other
  /// failure (a full disk, an I/O error) is kept in `standardOutputError`.
  package static func writeStandardOutput(_ bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { writeStandardOutput($0) }
  }

  /// Writes one piece of a streamed output (`DiffJSON.write`) to standard output, as above.
  package static func writeStandardOutput(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard !writeAll(STDOUT_FILENO, UnsafeRawBufferPointer(bytes)) else { return }
    let e = errno
    if e != EPIPE { stdoutError.withLock { if $0 == nil { $0 = e } } }
  }

  /// The first error writing standard output other than a closed pipe, if any: the run
  /// then ends with one line and status 2, so lost output never looks like success.
  package static var standardOutputError: String? {
    stdoutError.withLock { $0 }.map { "cannot write to standard output: \(String(cString: strerror($0)))" }
  }
  private static let stdoutError = Mutex<Int32?>(nil)

  /// Opens an existing FIFO or character device without following a link and without
  /// creating anything, checks it is still one, and writes the bytes in order.
  static func stream(_ bytes: [UInt8], to path: String) throws(RedlineError) {
    let fd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_CLOEXEC)
    guard fd >= 0 else { throw .io("cannot write '\(path)': \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFIFO || st.st_mode & S_IFMT == S_IFCHR else {
      throw .io("cannot write '\(path)': it changed while being opened")
    }
    guard writeAll(fd, bytes) else { throw .io("cannot write '\(path)': \(String(cString: strerror(errno)))") }
  }

  /// Replaces a regular file (or creates a new one) atomically: readers see the old
  /// bytes or the new, never half; a crash leaves at most a hidden temporary file.
  static func replace(_ path: String, with bytes: [UInt8]) throws(RedlineError) {
    var mode: mode_t = 0o644
    var old = stat()
    if lstat(path, &old) == 0 { mode = old.st_mode & 0o7777 }
    let tmp: String
    do { tmp = try AtomicFile.writeTemporary(bytes, near: path, mode: mode) } catch { throw .io(error.description) }
    // Between lstat and here a link or FIFO may have appeared: check again, then rename
    // (rename replaces the name itself and never follows a link at it).
    var now = stat()
    if lstat(path, &now) == 0, now.st_mode & S_IFMT != S_IFREG {
      unlink(tmp)
      throw .io("cannot write '\(path)': it stopped being a regular file while writing")
    }
    guard rename(tmp, path) == 0 else {
      let reason = String(cString: strerror(errno))
      unlink(tmp)
      throw .io("cannot write '\(path)': \(reason)")
    }
  }

  /// Writes every byte, retrying on EINTR; false on any other failure.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { writeAll(fd, $0) }
  }

  static func writeAll(_ fd: Int32, _ buf: UnsafeRawBufferPointer) -> Bool {
    var off = 0
    while off < buf.count {
      let n = Foundation.write(fd, buf.baseAddress! + off, buf.count - off)
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { return false }
      off += n
    }
    return true
  }
}
