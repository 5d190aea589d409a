import RedlineDiff
import RedlineDocument

/// The table-of-contents view of a diff: which sections were renamed, moved, added,
/// deleted, renumbered, split or merged, one line each ("2.1 renamed and moved to 2.3").
package struct StructureChange: Sendable, Hashable {
  package enum Kind: String, Sendable, Hashable {
    case renamed, moved, renamedAndMoved = "renamed and moved", renumbered, added, deleted, split, merged
  }
  package var kind: Kind
  /// `§1.1 Old heading` (old side), when there is one.
  package var oldHeading: String?
  /// `§3.3 New heading` (new side), when there is one.
  package var newHeading: String?
  /// For splits and merges: the other section.
  package var related: String?
}

extension DocumentDiff {
  /// One entry per structural change, in output order.
  package var structureChanges: [StructureChange] {
    var out: [StructureChange] = []
    for s in sections {
      let o = s.old.map { old.sections[$0].heading }
      let n = s.new.map { new.sections[$0].heading }
      switch s.status {
      case .added:
        if let src = s.splitFrom {
          out.append(StructureChange(kind: .split, oldHeading: nil, newHeading: n, related: old.sections[src].heading))
        } else {
          out.append(StructureChange(kind: .added, oldHeading: nil, newHeading: n))
        }
      case .deleted:
        if let dst = s.mergedInto {
          out.append(StructureChange(kind: .merged, oldHeading: o, newHeading: nil, related: new.sections[dst].heading))
        } else {
          out.append(StructureChange(kind: .deleted, oldHeading: o, newHeading: nil))
        }
      default:
        if s.renamed && s.moved {
          out.append(StructureChange(kind: .renamedAndMoved, oldHeading: o, newHeading: n))
        } else if s.renamed {
          out.append(StructureChange(kind: .renamed, oldHeading: o, newHeading: n))
        } else if s.moved {
          out.append(StructureChange(kind: .moved, oldHeading: o, newHeading: n))
        } else if s.renumbered {
          out.append(StructureChange(kind: .renumbered, oldHeading: o, newHeading: n))
        }
      }
    }
    return out
  }

  /// The citable label of a changed block: its new label, or its old one when deleted.
  package func label(of b: BlockChange) -> String {
    b.new.map { new.blocks[$0].label } ?? b.old.map { old.blocks[$0].label } ?? ""
  }

  /// The heading a section change is shown under (new side, or old when deleted).
  package func heading(of sc: SectionChange) -> String {
    let (doc, idx) = sc.new.map { (new, $0) } ?? (old, sc.old!)
    return idx == 0 ? "(before the first heading)" : doc.sections[idx].heading
  }

  /// Short words for what happened to a section: status, `renamed from “…”`, `moved`, `was §3.1`.
  package func tags(of sc: SectionChange) -> [String] {
    var tags = [sc.status.rawValue]
    if sc.renamed, let o = sc.old { tags.append("renamed from “\(old.sections[o].heading)”") }
    if sc.moved { tags.append("moved") }
    if sc.renumbered && !sc.renamed, let o = sc.old { tags.append("was \(old.sections[o].label)") }
    return tags
  }

  /// Only the section changes inside section `label` (`2.1` or `§2.1`) of the new
  /// version (or of the old one when the new has no such section), subsections included.
  package func sections(under label: String) -> [SectionChange]? {
    if let j = new.section(labeled: label) {
      let keep = Set(new.subtree(j))
      let oldKeep = Set(
        old.sections.indices.filter { i in sections.contains { $0.old == i && $0.new.map(keep.contains) == true } })
      let oldTree = Set(oldKeep.flatMap { old.subtree($0) })
      return sections.filter { s in s.new.map(keep.contains) ?? s.old.map(oldTree.contains) ?? false }
    }
    if let i = old.section(labeled: label) {
      let keep = Set(old.subtree(i))
      return sections.filter { s in s.old.map(keep.contains) ?? false }
    }
    return nil
  }
}
