/// The history, blame and parallel views made safe to show: every string that comes from
/// git (author, commit message, tag, path) or a review thread passes through
/// `TerminalText.oneLine` before it is styled, so an escape sequence or a newline in a
/// commit message, author name or file name can neither drive the terminal nor forge a
/// line. Document text is already clean (the parser makes control characters visible).
extension VersionInfo {
  /// This version with its git strings made inert for display.
  package var displayable: VersionInfo {
    var v = self
    v.author = TerminalText.oneLine(author)
    v.email = TerminalText.oneLine(email)
    v.summary = TerminalText.oneLine(summary)
    v.tags = tags.map(TerminalText.oneLine)
    v.path = TerminalText.oneLine(path)
    return v
  }
}

extension ThreadNote {
  /// This note with its author and excerpt made inert for display.
  package var displayable: ThreadNote {
    var t = self
    t.id = TerminalText.oneLine(id)
    t.author = TerminalText.oneLine(author)
    t.excerpt = TerminalText.oneLine(excerpt)
    t.label = TerminalText.oneLine(label)
    return t
  }
}

extension BlockHistory {
  /// The history with every git and thread string made inert for display.
  package var displayable: BlockHistory {
    var h = self
    h.path = TerminalText.oneLine(path)
    h.revision = TerminalText.oneLine(revision)
    h.label = TerminalText.oneLine(label)
    h.versions = versions.map(\.displayable)
    h.openThreads = openThreads.map(\.displayable)
    h.entries = entries.map { e in
      var e = e
      e.threads = e.threads.map(\.displayable)
      return e
    }
    return h
  }
}

extension Blame {
  /// The blame with every git and thread string made inert for display.
  package var displayable: Blame {
    var b = self
    b.path = TerminalText.oneLine(path)
    b.revision = TerminalText.oneLine(revision)
    b.versions = versions.map(\.displayable)
    b.blocks = blocks.map { l in
      var l = l
      l.threads = l.threads.map(\.displayable)
      return l
    }
    return b
  }
}

extension ParallelReport {
  /// The report with every git string and path made inert for display.
  package var displayable: ParallelReport {
    var r = self
    r.revision = TerminalText.oneLine(revision)
    r.fiPath = TerminalText.oneLine(fiPath)
    r.svPath = TerminalText.oneLine(svPath)
    r.base = base?.displayable
    r.findings = findings.map { f in
      var f = f
      f.fiVersion = f.fiVersion?.displayable
      f.svVersion = f.svVersion?.displayable
      return f
    }
    return r
  }
}
