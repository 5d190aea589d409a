import Foundation
import RedlineDiff

/// `--stat`: one line per changed section: block counts (`+` added, `−` deleted, `~`
/// modified, `↷` moved in, `→` moved out, `⊕` merged, `⊘` split), words, tags.
package enum StatView {
  package static func render(_ d: DocumentDiff, sections: [SectionChange]? = nil, labels say: DiffLabels = DiffLabels())
    -> String
  {
    var out = ""
    // Each section's counts are made once: for its row, and, for the whole diff, summed
    // into the summary (which counted every section again).
    let whole = sections == nil
    var rows: [(change: SectionChange, counts: BlockCounts)] = []
    var all: [BlockCounts] = []
    for s in sections ?? d.sections {
      if s.isUnchanged && !whole { continue }
      let c = BlockCounts(s, old: d.old, new: d.new)
      if whole { all.append(c) }
      if !s.isUnchanged { rows.append((s, c)) }
    }
    let names = rows.map { r in
      r.change.new.map { d.new.sections[$0].label } ?? r.change.old.map { d.old.sections[$0].label } ?? ""
    }
    let width = names.map(\.count).max() ?? 0
    out.reserveCapacity(rows.count * (width + 100) + 200)
    for (r, name) in zip(rows, names) {
      let (s, c) = (r.change, r.counts)
      out += padded(name, to: width)
      out +=
        "  +\(c[.added]) −\(c[.deleted]) ~\(c[.modified]) ↷\(c[.moved]) →\(c.movedOut) ⊕\(c[.merged]) ⊘\(c[.split])"
      out += "  \(say(.words(added: c.wordsAdded, deleted: c.wordsDeleted)))"
      out += "  [\(DiffView.tags(d, s, say).joined(separator: ", "))]  \(DiffView.heading(d, s, say))\n"
    }
    out += DiffView.summaryLine(whole ? d.summary(sectionCounts: all) : d.summary, say) + "\n"
    return out
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
