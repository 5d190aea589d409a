import RedlineDiff
import RedlineDocument

/// One changed block as every diff writer shows it (terminal, Markdown, HTML): the
/// status → words decision is made here once, in the reader's language; the writers
/// only mark up and escape.
package struct BlockView: Sendable, Hashable {
  /// What the text area shows.
  package enum Body: Sendable, Hashable {
    /// The whole text inserted (an added block).
    case inserted(String)
    /// The whole text deleted (a deleted block).
    case deleted(String)
    /// Word changes.
    case segments([Segment])
    /// Text shown as is (a moved block, a cosmetic change).
    case plain(String)
    /// A split block: the word changes cut where the new parts begin, each part with
    /// its label (the one-space joins between parts left out).
    case parts([Part])
    /// No text: a pointer to where the block's change is shown.
    case none
  }

  /// One new part of a split block.
  package struct Part: Sendable, Hashable {
    package var label: String
    package var segments: [Segment]
  }

  /// CSS class and status name: `added`, `deleted`, `modified`, `moved`, `merged`,
  /// `split`, `unchanged` (cosmetic only) or `pointer`.
  package var cssClass: String
  /// The citable label (`§2.1 ¶3`).
  package var label: String
  /// The localized description (`moved from §1 ¶2 and edited`).
  package var tag: String
  package var body: Body
}

/// One changed section as the writers show it.
package struct SectionView: Sendable, Hashable {
  /// `§2.1`, or empty for the text before the first heading.
  package var label: String
  package var heading: String
  /// Localized tags: status, `renamed from “…”`, `moved`, `was §3.1`.
  package var tags: [String]
  /// `+1 −2 ~1 ↷3` (`⊕` merged, `⊘` split or a part of a split, `→` moved out), zero
  /// counts left out, never empty for a changed section; or, when the section's own text did not change
  /// and blocks only left it, the sentence saying where they went.
  package var counts: String
  package var blocks: [BlockView]
}

/// A diff prepared for writing: every label already in the reader's language.
package struct DiffView: Sendable {
  package var title: String
  package var comparing: String
  package var summary: String
  package var budgetNote: String?
  package var metadataHeading: String
  package var metadata: [String]
  package var structureHeading: String
  package var structure: [String]
  package var sections: [SectionView]
  package var noChanges: String

  /// Prepares `d` (or only `only`, a subset of its sections) in `labels`' language.
  package init(
    _ d: DocumentDiff, old: VersionRef, new: VersionRef, labels say: DiffLabels, sections only: [SectionChange]? = nil
  ) {
    title = say(.changesIn(TerminalText.oneLine(new.path)))
    // `--files a b`: the revision is the path; say each name once. A name is one line
    // whatever it holds (a newline in a file name cannot start a header line of its own).
    let o = old.commit == nil && old.revision == old.path ? old.path : "\(old.path) \(old.display)"
    let n = new.commit == nil && new.revision == new.path ? new.path : new.display
    comparing = say(.comparing(TerminalText.oneLine(o), TerminalText.oneLine(n)))
    summary = Self.summaryLine(d.summary, say)
    budgetNote = d.budgetExhausted ? say(.budgetNote) : nil
    metadataHeading = say(.metadata)
    metadata = d.metadata.map { say(.metadataLine(key: $0.key, old: $0.old, new: $0.new)) }
    structureHeading = say(.structure)
    structure = d.structureChanges.map { c in
      say(.structureLine(c.kind, old: c.oldHeading ?? "", new: c.newHeading ?? "", related: c.related ?? ""))
    }
    noChanges = say(.noChanges)
    sections = (only ?? d.sections).filter { !$0.isUnchanged }.map { Self.section(d, $0, say) }
  }

  /// The one-line counts shared by `diff`, `--stat` and the page header.
  package static func summaryLine(_ s: Summary, _ say: DiffLabels) -> String {
    let sections: [(Int, SectionEvent)] = [
      (s.sectionsRenamed, .renamed), (s.sectionsMoved, .moved), (s.sectionsAdded, .added),
      (s.sectionsDeleted, .deleted), (s.sectionsModified, .textChanged),
    ]
    let sec = sections.filter { $0.0 > 0 }.map { say(.sectionCount($0.0, $0.1)) }
    var parts = [
      say(.sectionsHeading) + ": " + say(.sectionCount(s.sectionsChanged, .changed))
        + (sec.isEmpty ? "" : " (" + sec.joined(separator: ", ") + ")")
    ]
    let always: Set<BlockEvent> = [.added, .deleted, .modified, .moved]
    let all: [(Int, BlockEvent)] = [
      (s.blocks[.added], .added), (s.blocks[.deleted], .deleted), (s.blocks[.modified], .modified),
      (s.blocks[.moved], .moved), (s.blocks[.merged], .merged), (s.blocks[.split], .split),
    ]
    let blocks = all.filter { $0.0 > 0 || always.contains($0.1) }
    parts.append(blocks.map { say(.blockCount($0.0, $0.1)) }.joined(separator: ", "))
    parts.append(say(.words(added: s.blocks.wordsAdded, deleted: s.blocks.wordsDeleted)))
    if s.blocks.cosmetic > 0 { parts.append(say(.cosmeticCount(s.blocks.cosmetic))) }
    return parts.joined(separator: "; ")
  }

  static func sectionLabel(_ d: DocumentDiff, old: Int?, new: Int?) -> String {
    if let j = new { return j == 0 ? "" : d.new.sections[j].label }
    if let i = old { return i == 0 ? "" : d.old.sections[i].label }
    return ""
  }

  /// A section's heading as the views show it (its new text when it has one).
  static func heading(_ d: DocumentDiff, _ sc: SectionChange, _ say: DiffLabels) -> String {
    let idx = sc.new ?? sc.old!
    let doc = sc.new != nil ? d.new : d.old
    return idx == 0 ? say(.beforeFirstHeading) : doc.sections[idx].heading
  }

  /// A section's tags: its change, then renamed, moved and renumbered.
  static func tags(_ d: DocumentDiff, _ sc: SectionChange, _ say: DiffLabels) -> [String] {
    let word: ChangeStatusWord =
      switch sc.status {
      case .added: .added
      case .deleted: .deleted
      case .unchanged: .unchanged
      default: .modified
      }
    var tags = [say(.sectionStatus(word))]
    if sc.renamed, let o = sc.old { tags.append(say(.renamedFrom(d.old.sections[o].heading))) }
    if sc.moved { tags.append(say(.sectionMoved)) }
    if sc.renumbered && !sc.renamed, let o = sc.old { tags.append(say(.was(d.old.sections[o].label))) }
    return tags
  }

  static func section(_ d: DocumentDiff, _ sc: SectionChange, _ say: DiffLabels) -> SectionView {
    let heading = heading(d, sc, say)
    let tags = tags(d, sc, say)
    let c = BlockCounts(sc, old: d.old, new: d.new)
    let counts =
      movedOutSentence(d, sc, say, counts: c)
      ?? [
        (c[.added], "+"), (c[.deleted], "−"), (c[.modified], "~"), (c[.moved], "↷"), (c[.merged], "⊕"),
        (c[.split], "⊘"),
        (c.splitParts, "⊘"), (c.movedOut, "→"),
      ].filter { $0.0 > 0 }.map { "\($0.1)\($0.0)" }.joined(separator: " ")

    var blocks: [BlockView] = []
    for b in sc.blocks where b.status != .unchanged || !b.cosmetic.isEmpty { blocks.append(block(d, b, say)) }
    for p in sc.pointers {
      let from = d.old.blocks[p.old].label
      let to = d.new.blocks[p.new].label
      switch p.kind {
      case .movedOut, .splitAway:
        blocks.append(BlockView(cssClass: "pointer", label: from, tag: say(.movedTo(from, to)), body: .none))
      case .mergedAway:
        blocks.append(BlockView(cssClass: "pointer", label: from, tag: say(.mergedInto(from, to)), body: .none))
      case .splitPart:
        let first = d.sections.lazy.flatMap(\.blocks).first { $0.status == .split && $0.old == p.old }
        let under = first?.new.map { d.new.sections[d.new.blocks[$0].section].label } ?? ""
        blocks.append(
          BlockView(cssClass: "pointer", label: to, tag: say(.partOf(to, of: from, shownUnder: under)), body: .none))
      }
    }
    return SectionView(
      label: sectionLabel(d, old: sc.old, new: sc.new), heading: heading, tags: tags, counts: counts, blocks: blocks)
  }

  /// For a section whose own blocks did not change but that lost blocks to other
  /// sections: "5 paragraphs moved to 3.2.1 and 3.2.2" (nil otherwise). The summary
  /// says the same, so `diff` and `summary` never disagree or print an empty "modified".
  package static func movedOutSentence(
    _ d: DocumentDiff, _ sc: SectionChange, _ say: DiffLabels, counts: BlockCounts? = nil
  ) -> String? {
    let c = counts ?? BlockCounts(sc, old: d.old, new: d.new)
    guard c.ownBlocksUnchanged, c.movedOut > 0 else { return nil }
    var to: [String] = []
    for p in sc.pointers where p.kind != .splitPart {
      let s = d.new.sections[d.new.blocks[p.new].section]
      let name = s.number ?? String(s.label.drop(while: { $0 == "§" }))
      if !to.contains(name) { to.append(name) }
    }
    return say(.movedOutSentence(c.movedOut, to))
  }

  /// Cuts a split's segments into one list per part: part `n` covers `lengths[n]` UTF-8
  /// bytes of the new text, parts joined by one space (dropped here). Deletions go to the
  /// part they stand in.
  package static func cutAtNewOffsets(_ segs: [Segment], _ lengths: [Int]) -> [[Segment]] {
    var out: [[Segment]] = Array(repeating: [], count: lengths.count)
    var part = 0
    var left = lengths.first ?? 0  // new-side bytes left in the current part
    var skipJoin = false  // the one-space join still to drop
    for seg in segs {
      if seg.op == .delete {
        out[part].append(seg)
        continue
      }
      var rest = Substring(seg.text)
      while !rest.isEmpty {
        if skipJoin {
          rest = rest.dropFirst()  // the join is one ASCII space
          skipJoin = false
          continue
        }
        if left == 0 && part + 1 < lengths.count {
          part += 1
          left = lengths[part]
          skipJoin = true
          continue
        }
        var take = rest.startIndex
        var n = 0
        while take < rest.endIndex {
          let bytes = rest[take].utf8.count
          if part + 1 < lengths.count && n + bytes > left { break }
          n += bytes
          take = rest.index(after: take)
        }
        out[part].append(Segment(seg.op, String(rest[rest.startIndex..<take])))
        left -= n
        rest = rest[take...]
      }
    }
    return out
  }

  static func block(_ d: DocumentDiff, _ b: BlockChange, _ say: DiffLabels) -> BlockView {
    let label = d.label(of: b)
    var tag: String
    var body: BlockView.Body
    switch b.status {
    case .added:
      tag = say(.blockAdded)
      body = .inserted(d.new.blocks[b.new!].text)
    case .deleted:
      tag = say(.blockDeleted)
      body = .deleted(d.old.blocks[b.old!].text)
    case .modified:
      tag = say(.blockModified)
      body = .segments(b.segments ?? [])
    case .moved:
      let from = d.old.blocks[b.old!].label
      let edited = b.segments != nil
      tag = b.withinSection ? say(.movedWithin(from, edited: edited)) : say(.movedFrom(from, edited: edited))
      body = b.segments.map { .segments($0) } ?? .plain(d.new.blocks[b.new!].text)
    case .merged:
      tag = say(.mergedFrom(b.sources.map { d.old.blocks[$0].label }))
      body = .segments(b.segments ?? [])
    case .split:
      tag = say(.splitInto(from: d.old.blocks[b.old!].label, parts: b.parts.map { d.new.blocks[$0].label }))
      let lengths = b.parts.map { d.new.blocks[$0].text.utf8.count }
      let cut = cutAtNewOffsets(b.segments ?? [], lengths)
      body = .parts(zip(b.parts, cut).map { BlockView.Part(label: d.new.blocks[$0.0].label, segments: $0.1) })
    case .unchanged:
      tag = say(.blockCosmetic)
      body = .plain(d.new.blocks[b.new!].text)
    }
    if !b.cosmetic.isEmpty {
      let details = b.cosmetic.map { c -> String in
        if c.hasPrefix("added ") { return say(.cosmeticDetail(added: true, String(c.dropFirst(6)))) }
        if c.hasPrefix("removed ") { return say(.cosmeticDetail(added: false, String(c.dropFirst(8)))) }
        return c
      }
      tag += " (" + say(.blockCosmetic) + ": " + details.joined(separator: ", ") + ")"
    }
    return BlockView(cssClass: b.status.rawValue, label: label, tag: tag, body: body)
  }
}
