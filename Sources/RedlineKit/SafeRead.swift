import CFileMap
import Foundation
import RedlineDocument
import RedlineReport

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
    let fd = try openRegular(path, shownAs: shownAs, limit: limit, followLink: followLink)
    defer { close(fd.descriptor) }
    return try readAll(fd.descriptor, size: fd.size, shownAs: shownAs, limit: limit)
  }

  /// Files from this size up are mapped into memory rather than read (`regularFileSource`).
  static let mapFrom = 1 << 16

  /// The bytes of the regular file at `path` for the loader, checked as `regularFile` checks
  /// them. A file of `mapFrom` bytes or more is mapped into memory, private and writable
  /// (the loader's changes, CRLF or front matter, copy a page, never change the file): the
  /// parse reads the page cache where it lies instead of a copy in fresh pages, which at
  /// 5 MB saves the read's 2,500 page faults (decision 79). A mapped file is read as it is
  /// when read, so two things are checked:
  /// - if it becomes shorter while mapped, reading past its new end ends the run with a
  ///   one-line error and status 2 (`CFileMap`) instead of a crash;
  /// - if it is rewritten in place, its size or time change: the loader, which asks once
  ///   it has parsed the bytes, refuses the comparison (`DocumentError.changedWhileRead`).
  ///
  /// A file that cannot be mapped is read.
  static func regularFileSource(
    _ path: String, shownAs: String, limit: Int = DocumentLoader.sizeLimit, followLink: Bool = true
  )
    throws(RedlineError) -> SourceBytes
  {
    let fd = try openRegular(path, shownAs: shownAs, limit: limit, followLink: followLink)
    if fd.size >= mapFrom, let p = redline_map_file(fd.descriptor, fd.size, shrinkMessage(shownAs)) {
      // The descriptor stays open while anything can still ask about the file: `unchanged`
      // asks it (the file mapped, even if a new one has taken its name since), and holds
      // it open past the unmapping until the loader has asked.
      let file = OpenFile(fd.descriptor, fd.status)
      let base = p.assumingMemoryBound(to: UInt8.self)
      return SourceBytes(
        ForeignBytes(
          base: base, count: fd.size, unchanged: { file.isUnchanged },
          release: { base, count in redline_unmap_file(base, count) }))
    }
    defer { close(fd.descriptor) }
    return SourceBytes(try readAll(fd.descriptor, size: fd.size, shownAs: shownAs, limit: limit))
  }

  /// An open file's descriptor, closed when the last holder lets go, and the status it had
  /// when opened.
  private final class OpenFile: Sendable {
    let descriptor: Int32
    let seen: stat

    init(_ descriptor: Int32, _ seen: stat) {
      self.descriptor = descriptor
      self.seen = seen
    }

    deinit { close(descriptor) }

    /// Whether the file still has the size and modification time it had: a write into it
    /// moves them. (Not the change time: a new file renamed over this one, as editors
    /// save, changes this one's link count and so its change time, not its bytes.)
    var isUnchanged: Bool {
      var now = stat()
      guard fstat(descriptor, &now) == 0 else { return false }
      return now.st_size == seen.st_size && now.st_mtim.tv_sec == seen.st_mtim.tv_sec
        && now.st_mtim.tv_nsec == seen.st_mtim.tv_nsec
    }
  }

  /// The one line written if the file at `shownAs` shrinks while mapped: the name made one
  /// printable line as every error message makes it (`TerminalText.oneLine`: controls as
  /// visible symbols), at most 300 bytes of whole characters of it, as the bus-error
  /// handler writes it as it is.
  static func shrinkMessage(_ shownAs: String) -> String {
    let whole = TerminalText.oneLine(shownAs)
    var name = ""
    var bytes = 0
    for c in whole {  // whole characters, at most 300 bytes of them (the handler keeps 510)
      bytes += c.utf8.count
      if bytes > 300 {
        name += "…"
        break
      }
      name.append(c)
    }
    return "redline: error: '\(name)' became shorter while it was being read; compare it again once it is saved"
  }

  /// The open regular file at `path` and its size, refused as `regularFile` says.
  private static func openRegular(_ path: String, shownAs: String, limit: Int, followLink: Bool)
    throws(RedlineError) -> (descriptor: Int32, size: Int, status: stat)
  {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY | (followLink ? 0 : O_NOFOLLOW))
    guard fd >= 0 else {
      switch errno {
      case ENOENT: throw .fileNotFound(path: shownAs)
      case ELOOP: throw .io("'\(shownAs)' is a symbolic link; Redline reads only regular files here")
      default: throw .io("cannot read '\(shownAs)': \(String(cString: strerror(errno)))")
      }
    }
    var handedOver = false
    defer { if !handedOver { close(fd) } }  // refused: closed here; else the caller closes it
    var st = stat()
    guard fstat(fd, &st) == 0 else { throw .io("cannot read '\(shownAs)': \(String(cString: strerror(errno)))") }
    switch st.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: throw .io("'\(shownAs)' is a directory; name a .md or .txt file")
    default: throw .io("'\(shownAs)' is not a regular file (a FIFO, device or socket); name a .md or .txt file")
    }
    let size = Int(st.st_size)
    if size > limit { throw .document(.tooLarge(path: shownAs, bytes: size, limit: limit)) }
    handedOver = true
    return (fd, size, st)
  }

  /// Reads what fstat said, plus one byte to notice a file growing past the limit.
  private static func readAll(_ fd: Int32, size: Int, shownAs: String, limit: Int) throws(RedlineError) -> [UInt8] {
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
