import Foundation
import RedlineDocument

/// Reads a file from disk for `WORKTREE` and `--files`: only a regular file, the size
/// checked with `fstat` before one byte is read, never blocking on a FIFO or device.
enum SafeRead {
  /// The bytes of the regular file at `path`; `shownAs` names it in errors. Refuses a
  /// directory, FIFO, device or socket, and a file over `limit` bytes (without reading it).
  static func regularFile(
    _ path: String, shownAs: String, limit: Int = DocumentLoader.sizeLimit, followLink: Bool = true
  )
    throws(RedlineError) -> [UInt8]
  {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (followLink ? 0 : O_NOFOLLOW))
    guard fd >= 0 else {
      switch errno {
      case ENOENT: throw .fileNotFound(path: shownAs)
      case ELOOP: throw .io("'\(shownAs)' is a symbolic link; Redline reads only regular files here")
      default: throw .io("cannot read '\(shownAs)': \(String(cString: strerror(errno)))")
      }
    }
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw .io("cannot read '\(shownAs)': \(String(cString: strerror(errno)))") }
    switch st.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .io("'\(shownAs)' is a directory; name a .md or .txt file")
    default: throw .io("'\(shownAs)' is not a regular file (a FIFO, device or socket); name a .md or .txt file")
    }
    let size = Int(st.st_size)
    if size > limit { throw .document(.tooLarge(path: shownAs, bytes: size, limit: limit)) }
    // Read what fstat said, plus one byte to notice a file growing past the limit.
    var out = [UInt8](repeating: 0, count: size + 1)
    var got = 0
    while true {
      if got == out.count {
        if out.count > limit { throw .document(.tooLarge(path: shownAs, bytes: out.count, limit: limit)) }
        out.append(contentsOf: [UInt8](repeating: 0, count: min(out.count, limit + 1 - out.count) + 1))
      }
      let n = out.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, $0.count - got) }
      if n < 0 && errno == EINTR { continue }
      if n < 0 { throw .io("cannot read '\(shownAs)': \(String(cString: strerror(errno)))") }
      if n == 0 { break }
      got += n
    }
    out.removeSubrange(got...)
    return out
  }
}
