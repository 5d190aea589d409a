import Foundation

/// Writes a file atomically: a temporary file in the same folder, flushed, then renamed
/// over the target, so a reader never sees half a file and a crash never leaves one.
public func writeAtomically(_ bytes: [UInt8], to path: String) throws(RedlineError) {
  let url = URL(fileURLWithPath: path)
  let dir = url.deletingLastPathComponent().path
  var isDir: ObjCBool = false
  guard FileManager.default.fileExists(atPath: dir, isDirectory: &isDir), isDir.boolValue else {
    throw .io("cannot write '\(path)': folder '\(dir)' does not exist; create it first")
  }
  let tmp = dir + "/." + url.lastPathComponent + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
  let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
  guard fd >= 0 else { throw .io("cannot write '\(path)': \(String(cString: strerror(errno)))") }
  var ok = true
  bytes.withUnsafeBytes { buf in
    var off = 0
    while off < buf.count {
      let n = write(fd, buf.baseAddress! + off, buf.count - off)
      if n <= 0 {
        ok = false
        break
      }
      off += n
    }
  }
  if fsync(fd) != 0 { ok = false }
  close(fd)
  guard ok, rename(tmp, path) == 0 else {
    let reason = String(cString: strerror(errno))
    unlink(tmp)
    throw .io("cannot write '\(path)': \(reason)")
  }
}
