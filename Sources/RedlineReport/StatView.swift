import Foundation
import RedlineDiff

/// `--stat`: one line per changed section: block counts (`+` added, `−` deleted, `~`
/// modified, `↷` moved in, `→` moved out, `⊕` merged, `⊘` split), words, tags.
package enum StatView {
  package static func render(_ d: DocumentDiff, sections: [SectionChange]? = nil, labels say: DiffLabels = DiffLabels())
    -> String
  {
    var out = ""
    let rows = (sections ?? d.sections).filter { !$0.isUnchanged }
    let names = rows.map { s in s.new.map { d.new.sections[$0].label } ?? s.old.map { d.old.sections[$0].label } ?? "" }
    let width = names.map(\.count).max() ?? 0
    for (s, name) in zip(rows, names) {
      let c = BlockCounts(s, old: d.old, new: d.new)
      out += name.padding(toLength: width, withPad: " ", startingAt: 0)
      out +=
        "  +\(c[.added]) −\(c[.deleted]) ~\(c[.modified]) ↷\(c[.moved]) →\(c.movedOut) ⊕\(c[.merged]) ⊘\(c[.split])"
      out += "  \(say(.words(added: c.wordsAdded, deleted: c.wordsDeleted)))"
      out += "  [\(DiffView.tags(d, s, say).joined(separator: ", "))]  \(DiffView.heading(d, s, say))\n"
    }
    out += DiffView.summaryLine(d.summary, say) + "\n"
    return out
  }
}
