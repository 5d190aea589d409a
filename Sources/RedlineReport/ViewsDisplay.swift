/// The history, blame and parallel views made safe to show: every string that comes from
/// git (author, commit message, tag, path) or a review thread passes through
/// `TerminalText.oneLine` before it is styled, so an escape sequence or a newline in a
/// commit message, author name or file name can neither drive the terminal nor forge a
/// line. Document text is already clean (the parser makes control characters visible).
///
/// Each type names the fields that come from outside once, in `inert(_:)`; the views and
/// their parts are made displayable field by field through those lists.
extension TerminalText {
  /// `value` with the strings at `fields` made inert one-line texts.
  static func inert<T>(_ value: T, _ fields: WritableKeyPath<T, String>...) -> T {
    var v = value
    for f in fields { v[keyPath: f] = oneLine(v[keyPath: f]) }
    return v
  }
}

extension VersionInfo {
  /// This version with its git strings made inert for display.
  package var displayable: VersionInfo {
    var v = TerminalText.inert(self, \.author, \.email, \.summary, \.path)
    v.tags = tags.map(TerminalText.oneLine)
    return v
  }
}

extension ThreadNote {
  /// This note with its author and excerpt made inert for display.
  package var displayable: ThreadNote { TerminalText.inert(self, \.id, \.author, \.excerpt, \.label) }
}

extension DocumentVersions {
  /// The path, revision and every version made inert for display.
  package var displayable: DocumentVersions {
    var d = TerminalText.inert(self, \.path, \.revision)
    d.versions = versions.map(\.displayable)
    return d
  }
}

extension Array where Element == ThreadNote {
  /// Every note made inert for display.
  var displayable: [ThreadNote] { map(\.displayable) }
}

extension BlockHistory {
  /// The history with every git and thread string made inert for display.
  package var displayable: BlockHistory {
    var h = TerminalText.inert(self, \.label)
    h.document = document.displayable
    h.openThreads = openThreads.displayable
    for i in h.entries.indices { h.entries[i].threads = h.entries[i].threads.displayable }
    return h
  }
}

extension Blame {
  /// The blame with every git and thread string made inert for display.
  package var displayable: Blame {
    var b = self
    b.document = document.displayable
    for i in b.blocks.indices { b.blocks[i].threads = b.blocks[i].threads.displayable }
    return b
  }
}

extension ParallelReport {
  /// The report with every git string and path made inert for display.
  package var displayable: ParallelReport {
    var r = TerminalText.inert(self, \.revision, \.fiPath, \.svPath)
    r.base = base?.displayable
    for i in r.findings.indices {
      r.findings[i].fi.version = r.findings[i].fi.version?.displayable
      r.findings[i].sv.version = r.findings[i].sv.version?.displayable
    }
    return r
  }
}
