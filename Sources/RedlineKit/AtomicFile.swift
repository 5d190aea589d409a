/// Writes command output to `path` (`-o PATH`) through `OutputFile`: a regular file or a
/// new path is replaced atomically, a FIFO or device is streamed, `-` is standard
/// output, and a directory or symbolic link is refused.
package func writeAtomically(_ bytes: [UInt8], to path: String) throws(RedlineError) {
  try OutputFile.write(bytes, to: path)
}
