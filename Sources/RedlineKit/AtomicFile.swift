import RedlineReview

/// Writes a file atomically (see `AtomicFile.write`): a reader never sees half a file and
/// a crash never leaves one.
public func writeAtomically(_ bytes: [UInt8], to path: String) throws(RedlineError) {
  do { try AtomicFile.write(bytes, to: path) } catch { throw .io(error.description) }
}
