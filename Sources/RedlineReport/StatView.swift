import RedlineDiff

/// `--stat`: one line per changed section.
public enum StatView {
  public static func render(_ d: DocumentDiff, sections: [SectionChange]? = nil, labels language: DiffLabels = DiffLabels()) -> String {
    var out = ""
    let rows = (sections ?? d.sections).filter { !$0.isUnchanged }
    let labels = rows.map { s in s.new.map { d.new.sections[$0].label } ?? s.old.map { d.old.sections[$0].label } ?? "" }
    let width = labels.map(\.count).max() ?? 0
    for (s, label) in zip(rows, labels) {
      let c = BlockCounts(s, old: d.old, new: d.new)
      var flags = [s.status.rawValue]
      if s.renamed { flags.append("renamed") }
      if s.moved { flags.append("moved") }
      if s.renumbered { flags.append("renumbered") }
      let heading = s.new.map { d.new.sections[$0].heading } ?? s.old.map { d.old.sections[$0].heading } ?? ""
      out += label.padding(toLength: width, withPad: " ", startingAt: 0)
      out += "  blocks +\(c.added) −\(c.deleted) ~\(c.modified) ↷\(c.moved) →\(c.movedOut) ⊕\(c.merged) ⊘\(c.split)  words +\(c.wordsAdded) −\(c.wordsDeleted)"
      out += "  [\(flags.joined(separator: ", "))]  \(heading)\n"
    }
    out += DiffView.summaryLine(d.summary, language) + "\n"
    return out
  }
}

import Foundation
