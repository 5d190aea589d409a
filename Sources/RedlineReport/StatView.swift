import Foundation
import RedlineDiff
import Synchronization

/// `--stat`: one line per changed section: block counts (`+` added, `−` deleted, `~`
/// modified, `↷` moved in, `→` moved out, `⊕` merged, `⊘` split), words, tags.
package enum StatView {
  /// The rows of `sections` (every section of `d` when nil, then the summary counts them
  /// all) and the summary line. `pieces`: how many runs of sections the rows are made in,
  /// taken in turn by this thread and the helper (by default 8 from `parallelSections`
  /// sections, else 1); the text is the same whatever it is.
  package static func render(
    _ d: DocumentDiff, sections: [SectionChange]? = nil, labels say: DiffLabels = DiffLabels(), pieces: Int? = nil
  ) -> String {
    // Each section's counts are made once: for its row, and, for the whole diff, summed
    // into the summary (which counted every section again).
    let whole = sections == nil
    let list = (sections ?? d.sections).filter { whole || !$0.isUnchanged }
    let width = list.lazy.filter { !$0.isUnchanged }.map { name(d, $0).count }.max() ?? 0
    // The rows of runs of sections, on both cores when there are many (each row counts
    // its section's blocks and words): pieces taken in turn, joined in order.
    let pieces = max(pieces ?? (list.count >= parallelSections ? 8 : 1), 1)
    let size = (list.count + pieces - 1) / pieces
    let done = Mutex([(rows: String, counts: [BlockCounts])](repeating: ("", []), count: pieces))
    Workers.perform(iterations: pieces) { k in
      let range = min(k * size, list.count)..<min((k + 1) * size, list.count)
      var rows = ""
      rows.reserveCapacity(range.count * (width + 100))
      var counts: [BlockCounts] = []
      if whole { counts.reserveCapacity(range.count) }
      for s in list[range] {
        let c = BlockCounts(s, old: d.old, new: d.new)
        if whole { counts.append(c) }
        if !s.isUnchanged { rows += row(d, s, c, width: width, say) }
      }
      done.withLock { $0[k] = (rows, counts) }
    }
    return done.withLock { parts in
      var out = ""
      out.reserveCapacity(parts.reduce(200) { $0 + $1.rows.utf8.count })
      for p in parts { out += p.rows }
      let summary = whole ? d.summary(sectionCounts: parts.flatMap(\.counts)) : d.summary
      out += DiffView.summaryLine(summary, say) + "\n"
      return out
    }
  }

  /// Sections from which `render` makes its rows on both cores.
  static let parallelSections = 256

  /// One section's row: its name padded to `width`, counts, words, tags and heading.
  static func row(_ d: DocumentDiff, _ s: SectionChange, _ c: BlockCounts, width: Int, _ say: DiffLabels) -> String {
    padded(name(d, s), to: width)
      + "  +\(c[.added]) −\(c[.deleted]) ~\(c[.modified]) ↷\(c[.moved]) →\(c.movedOut) ⊕\(c[.merged]) ⊘\(c[.split])"
      + "  \(say(.words(added: c.wordsAdded, deleted: c.wordsDeleted)))"
      + "  [\(DiffView.tags(d, s, say).joined(separator: ", "))]  \(DiffView.heading(d, s, say))\n"
  }

  /// A row's name: the section's label in the new version, or in the old.
  static func name(_ d: DocumentDiff, _ s: SectionChange) -> String {
    s.new.map { d.new.sections[$0].label } ?? s.old.map { d.old.sections[$0].label } ?? ""
  }

  /// `name` padded with spaces, or cut, to `width` UTF-16 units: what Foundation's
  /// `padding(toLength:withPad:startingAt:)` made of it, without bridging each name.
  static func padded(_ name: String, to width: Int) -> String {
    let units = name.utf16.count
    if units < width { return name + String(repeating: " ", count: width - units) }
    if units == width { return name }
    return String(decoding: Array(name.utf16.prefix(width)), as: UTF16.self)
  }
}
