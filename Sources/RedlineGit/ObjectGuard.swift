internal import CLibGit2
import Foundation

extension Repository {
  /// Checks that the loose object file of `id`, when there is one, is a complete zlib
  /// stream before libgit2 reads it: libgit2 1.5 spins forever inflating a truncated loose
  /// object (a file cut to 5 bytes hangs `git_blob_lookup` at 100 % CPU). Packed objects
  /// are left to libgit2. Throws one error naming the object and its file.
  func guardLoose(_ id: ObjectID) throws(GitError) {
    let hex = id.hex
    let rel = "objects/" + hex.prefix(2) + "/" + hex.dropFirst(2)
    let fd = open(gitdir + rel, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    guard fd >= 0 else { return }  // packed (or missing: libgit2 says so)
    defer { close(fd) }
    var st = stat()
    guard fstat(fd, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { throw damaged(id, rel, "not a regular file") }
    let size = Int(st.st_size)
    guard size <= Int(UInt32.max) else { throw damaged(id, rel, "over 4 GiB") }
    var bytes = [UInt8](repeating: 0, count: size)
    var got = 0
    while got < size {
      let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, size - got) }
      if n < 0 && errno == EINTR { continue }
      if n <= 0 { break }
      got += n
    }
    let complete = got == size && bytes.withUnsafeBufferPointer { clibgit2_zlib_complete($0.baseAddress, got) } == 1
    if !complete { throw damaged(id, rel, "truncated or corrupt") }
  }

  private func damaged(_ id: ObjectID, _ rel: String, _ why: String) -> GitError {
    GitError(
      code: -1, errorClass: Int32(GIT_ERROR_ODB.rawValue),
      message:
        "object \(id.hex) is \(why) (\(gitdir)\(rel)); the repository is damaged, `git fsck` lists what is broken",
      function: "git_odb_read")
  }
}
