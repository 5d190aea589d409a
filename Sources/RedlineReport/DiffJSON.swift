import Dispatch
import RedlineDiff
import RedlineDocument
import Synchronization

/// The `redline.diff/2` JSON contract (documented in docs/json-diff.md).
package enum DiffJSON {
  package static let schema = "redline.diff/2"

  /// The diff as JSON. With `context` (like git's context lines), unchanged blocks more
  /// than `context` blocks away from a change in their section are left out: each run of
  /// them becomes one `{"status": "omitted", "count": k, …}` entry. Without it (the
  /// default) every block of both versions is listed.
  package static func render(
    _ d: DocumentDiff, old: VersionRef, new: VersionRef, sections: [SectionChange]? = nil, pretty: Bool = true,
    context: Int? = nil, batchBytes: Int = 1 << 16
  )
    -> [UInt8]
  {
    JSONWriter.document(schema: schema, pretty: pretty, capacity: expectedSize(d)) { w in
      members(&w, d, old: old, new: new, sections: sections, context: context, batchBytes: batchBytes)
    }
  }

  /// The same bytes as `render`, handed to `sink` in pieces of about `chunk` bytes as they are
  /// written, so a diff of a long document never holds its whole JSON in memory.
  package static func write(
    _ d: DocumentDiff, old: VersionRef, new: VersionRef, sections: [SectionChange]? = nil, pretty: Bool = true,
    context: Int? = nil, chunk: Int = 1 << 18, batchBytes: Int = 1 << 16,
    to sink: @escaping (UnsafeBufferPointer<UInt8>) -> Void
  ) {
    JSONWriter.stream(schema: schema, pretty: pretty, chunk: chunk, to: sink) { w in
      members(&w, d, old: old, new: new, sections: sections, context: context, batchBytes: batchBytes)
    }
  }

  /// Everything after `"schema"`, in the contract's order; `batchBytes` is the unit of
  /// work of `writeSections` (the output is the same for every value).
  static func members(
    _ w: inout JSONWriter, _ d: DocumentDiff, old: VersionRef, new: VersionRef, sections: [SectionChange]?,
    context: Int?, batchBytes: Int
  ) {
    if let context { w.value("context", context) }
    ref(&w, "old", old)
    ref(&w, "new", new)
    let s = d.summary
    w.beginObject("summary")
    for (k, v): (JSONKey, Int) in [
      ("sections_added", s.sectionsAdded), ("sections_deleted", s.sectionsDeleted),
      ("sections_renamed", s.sectionsRenamed), ("sections_moved", s.sectionsMoved),
      ("sections_renumbered", s.sectionsRenumbered), ("sections_modified", s.sectionsModified),
      ("blocks_added", s.blocks[.added]), ("blocks_deleted", s.blocks[.deleted]),
      ("blocks_modified", s.blocks[.modified]),
      ("blocks_moved", s.blocks[.moved]), ("blocks_unchanged", s.blocks[.unchanged]),
      ("words_added", s.blocks.wordsAdded),
      ("words_deleted", s.blocks.wordsDeleted), ("blocks_cosmetic", s.blocks.cosmetic),
      ("blocks_merged", s.blocks[.merged]), ("blocks_split", s.blocks[.split]),
      ("sections_changed", s.sectionsChanged),
      ("metadata_changed", s.metadataChanged),
    ] {
      w.value(k, v)
    }
    w.endObject()
    w.value("budget_exhausted", d.budgetExhausted)
    w.beginArray("metadata")
    for m in d.metadata {
      w.object { w in
        w.value("key", m.key)
        w.value("old", m.old)
        w.value("new", m.new)
      }
    }
    w.endArray()
    w.beginArray("sections")
    writeSections(&w, d, sections ?? d.sections, context: context, batchBytes: batchBytes)
    w.endArray()
  }

  /// The sections, in batches of about `batchBytes` of text written on both cores, a
  /// window of sixteen batches at a time, each into its own buffer and then, in order, into
  /// `w`: the same bytes as one thread writing them all (a test compares them at every
  /// batch size); the 5 MB comparison's JSON took 15–16 ms on one core, 12–14 ms so. Small
  /// batches (64 KiB of text), many to a window, leave a core idle for less at the end of
  /// each window than four of 256 KiB did (the JSON phase 1.6 → 1.8 cores busy). Short
  /// diffs are written on this thread.
  static func writeSections(
    _ w: inout JSONWriter, _ d: DocumentDiff, _ list: [SectionChange], context: Int?, batchBytes: Int = 1 << 16
  ) {
    let batches = self.batches(d, list, bytes: batchBytes)
    guard batches.count > 1 else {
      HeadingPaths.with(d) { paths in
        for sc in list { section(&w, d, sc, &paths, context: context) }
      }
      return
    }
    let window = 16
    // Each window's buffers are the last window's, written over: their pages stay the
    // process's, where fresh buffers came from pages the allocator had just given back (a
    // fifth of a long comparison's page faults), and their room is not zero-filled again.
    let written = Mutex([JSONWriter.Fragment](repeating: JSONWriter.Fragment(), count: window))
    for first in stride(from: 0, to: batches.count, by: window) {
      let part = Array(batches[first..<min(first + window, batches.count)])
      let place = w.place
      Workers.perform(iterations: part.count) { k in
        let (range, size) = part[k]
        let buffer = written.withLock { b in
          defer { b[k] = JSONWriter.Fragment() }
          return b[k].storage
        }
        var f = JSONWriter(at: place, afterElement: first + k > 0, capacity: size, reusing: consume buffer)
        HeadingPaths.with(d, sections: range.count) { paths in
          for i in range { section(&f, d, list[i], &paths, context: context) }
        }
        let fragment = f.takeFragment()
        written.withLock { $0[k] = fragment }
      }
      written.withLock { buffers in
        for k in part.indices { w.append(fragment: buffers[k]) }
      }
    }
  }

  /// Runs of consecutive sections with about `bytes` of block text each (and how large
  /// their JSON will be, about): the unit of work of `writeSections`.
  static func batches(_ d: DocumentDiff, _ list: [SectionChange], bytes: Int) -> [(Range<Int>, Int)] {
    var out: [(Range<Int>, Int)] = []
    var start = 0
    var text = 0
    var blocks = 0
    for (i, sc) in list.enumerated() {
      for b in sc.blocks {
        if let k = b.old { text += d.old.blocks[k].text.utf8.count }
        if let m = b.new { text += d.new.blocks[m].text.utf8.count }
      }
      blocks += sc.blocks.count
      if text >= bytes || i == list.count - 1 {
        out.append((start..<(i + 1), text + text / 4 + blocks * 250 + (1 << 17)))
        (start, text, blocks) = (i + 1, 0, 0)
      }
    }
    return out
  }

  /// About the size of the JSON (both versions' text, and some 250 bytes of keys and
  /// indentation a block): the capacity the writer reserves at once (touched only as it is
  /// written), so a whole document is rarely moved to a larger buffer.
  static func expectedSize(_ d: DocumentDiff) -> Int {
    var text = 0
    for b in d.old.blocks { text += b.text.utf8.count }
    for b in d.new.blocks { text += b.text.utf8.count }
    return text + text / 8 + (d.old.blocks.count + d.new.blocks.count) * 250 + (1 << 16)
  }

  static func ref(_ w: inout JSONWriter, _ k: JSONKey, _ r: VersionRef) {
    w.object(k) { w in w.members(["revision": r.revision, "commit": r.commit, "path": r.path]) }
  }

  /// One side of a section pair: its heading, place and label, or `null`.
  static func sectionSide(_ w: inout JSONWriter, _ k: JSONKey, _ doc: Document, _ i: Int?) {
    // Member by member (not through `members`' table of existentials): this runs for
    // both sides of every section. The section is read where it stands, through the
    // buffer: a copy would retain and release each of its texts and arrays.
    guard let i else { return w.null(k) }
    doc.sections.withUnsafeBufferPointer { sections in
      w.object(k) { w in
        w.value("heading", sections[i].heading)
        w.value("level", sections[i].level)
        w.value("number", sections[i].number)
        w.value("line", sections[i].line)
        w.value("label", sections[i].label)
        w.value("id", sections[i].anchorID)
      }
    }
  }

  static func section(
    _ w: inout JSONWriter, _ d: DocumentDiff, _ s: SectionChange, _ paths: inout HeadingPaths, context: Int? = nil
  ) {
    w.beginObject()
    w.value("status", s.status.rawValue)
    w.value("renamed", s.renamed)
    w.value("moved", s.moved)
    w.value("renumbered", s.renumbered)
    sectionSide(&w, "old", d.old, s.old)
    sectionSide(&w, "new", d.new, s.new)
    w.value("matched_by", s.matchedBy?.rawValue)
    w.value("confidence", s.confidence)
    if s.splitFrom != nil { sectionSide(&w, "split_from", d.old, s.splitFrom) }
    if s.mergedInto != nil { sectionSide(&w, "merged_into", d.new, s.mergedInto) }
    w.beginArray("blocks")
    if let context {
      for run in contextRuns(s.blocks, context: context) {
        switch run {
        case .shown(let i): block(&w, d, s.blocks[i], &paths)
        case .omitted(let r): omitted(&w, d, s.blocks[r])
        }
      }
    } else {
      for b in s.blocks { block(&w, d, b, &paths) }
    }
    w.endArray()
    w.beginArray("pointers")
    for p in s.pointers {
      w.beginObject()
      w.value("kind", p.kind.rawValue)
      w.value("old", d.old.blocks[p.old].label)
      w.value("new", d.new.blocks[p.new].label)
      w.endObject()
    }
    w.endArray()
    w.endObject()
  }

  /// A block shown, or a run of unchanged blocks left out under `--context`: positions in
  /// the section's blocks.
  enum ContextRun: Equatable {
    case shown(Int)
    case omitted(Range<Int>)
  }

  /// The blocks of a section with unchanged ones more than `context` blocks away from a
  /// change grouped into omitted runs.
  static func contextRuns(_ blocks: [BlockChange], context: Int) -> [ContextRun] {
    let context = max(0, min(context, blocks.count))  // any Int: no overflow below
    var keep = [Bool](repeating: false, count: blocks.count)
    for i in blocks.indices where blocks[i].status != .unchanged {
      for k in max(0, i - context)...min(blocks.count - 1, i + context) { keep[k] = true }
    }
    var out: [ContextRun] = []
    var runStart: Int? = nil
    for i in blocks.indices {
      if keep[i] {
        if let start = runStart { out.append(.omitted(start..<i)) }
        runStart = nil
        out.append(.shown(i))
      } else if runStart == nil {
        runStart = i
      }
    }
    if let start = runStart { out.append(.omitted(start..<blocks.count)) }
    return out
  }

  /// `{"status": "omitted", "count": k, "old_lines": [first, last], "new_lines": [first, last]}`.
  static func omitted(_ w: inout JSONWriter, _ d: DocumentDiff, _ run: ArraySlice<BlockChange>) {
    func lines(_ k: JSONKey, _ doc: Document, _ first: Int?, _ last: Int?) {
      guard let first, let last else { return w.null(k) }
      w.beginArray(k)
      w.value(nil, doc.blocks[first].line)
      w.value(nil, doc.blocks[last].endLine)
      w.endArray()
    }
    w.beginObject()
    w.value("status", "omitted")
    w.value("count", run.count)
    lines("old_lines", d.old, run.first { $0.old != nil }?.old, run.last { $0.old != nil }?.old)
    lines("new_lines", d.new, run.first { $0.new != nil }?.new, run.last { $0.new != nil }?.new)
    w.endObject()
  }

  /// One side of a block pair: its lines, label, text and section path, or `null`. With
  /// `sameText`, the text is a copy of the JSON written there (the other side's same text);
  /// the text's mark is returned.
  @discardableResult
  static func blockSide(
    _ w: inout JSONWriter, _ k: JSONKey?, _ i: Int?, _ paths: inout HeadingPaths, old: Bool,
    sameText: JSONWriter.StringMark? = nil
  ) -> JSONWriter.StringMark? {
    // Written member by member: this runs for every block of both versions. The block's
    // fields are read where it stands (`paths`' buffers), not through a copy of its
    // document or of the block: the copies retained and released the document's arrays,
    // which the writers on both cores share, and the block's texts.
    guard let i else {
      w.null(k)
      return nil
    }
    let blocks = old ? paths.oldBlocks : paths.newBlocks
    var mark: JSONWriter.StringMark? = nil
    w.beginObject(k)
    w.value("line", blocks[i].line)
    w.value("end_line", blocks[i].endLine)
    w.value("label", blocks[i].label)
    if let sameText, w.value("text", repeating: sameText) {
      mark = sameText
    } else {
      mark = w.markedValue("text", blocks[i].text)
    }
    w.encoded("section", paths.encoded(blocks[i].section, old: old, for: w))
    w.endObject()
    return mark
  }

  static func block(_ w: inout JSONWriter, _ d: DocumentDiff, _ b: BlockChange, _ paths: inout HeadingPaths) {
    w.beginObject()
    w.value("status", b.status.rawValue)
    w.value("kind", b.kind.rawValue)
    let oldText = blockSide(&w, "old", b.old, &paths, old: true)
    // An unchanged block's text (most blocks) is the same on both sides, and most often
    // the same storage: its JSON is copied, not escaped again.
    var same: JSONWriter.StringMark? = nil
    if let oldText, let o = b.old, let n = b.new, paths.newBlocks[n].text.hasSameBytes(as: paths.oldBlocks[o].text) {
      same = oldText
    }
    blockSide(&w, "new", b.new, &paths, old: false, sameText: same)
    w.value("matched_by", b.matchedBy?.rawValue)
    w.value("confidence", b.confidence)
    if b.status == .moved { w.value("move", b.withinSection ? "within_section" : "between_sections") }
    if b.status == .merged {
      w.beginArray("sources")
      for k in b.sources { blockSide(&w, nil, k, &paths, old: true) }
      w.endArray()
    }
    if b.status == .split {
      w.beginArray("parts")
      for m in b.parts { blockSide(&w, nil, m, &paths, old: false) }
      w.endArray()
    }
    if !b.pieces.isEmpty {
      w.beginArray("pieces")
      for p in b.pieces {
        w.beginObject()
        w.value("old", d.old.blocks[p.old].label)
        w.value("new", d.new.blocks[p.new].label)
        w.beginArray("old_range")
        w.value(nil, p.oldRange.lowerBound)
        w.value(nil, p.oldRange.upperBound)
        w.endArray()
        w.beginArray("new_range")
        w.value(nil, p.newRange.lowerBound)
        w.value(nil, p.newRange.upperBound)
        w.endArray()
        w.endObject()
      }
      w.endArray()
    }
    if let segs = b.segments { w.segments("segments", segs) }
    if !b.cosmetic.isEmpty {
      w.strings("cosmetic", b.cosmetic)
    }
    w.endObject()
  }
}

/// Heading paths computed once per section, not once per block, and their JSON encoded
/// once per section and depth (a block's `section` list is the same for every block of
/// its section).
struct HeadingPaths {
  let oldDoc: Document
  let newDoc: Document
  /// The versions' blocks, valid while `with`'s body runs.
  let oldBlocks: UnsafeBufferPointer<Block>
  let newBlocks: UnsafeBufferPointer<Block>
  private var cache: [Key: [UInt8]] = [:]
  /// The path each side was last asked for.
  private var lastOld: (key: Key, bytes: [UInt8])?
  private var lastNew: (key: Key, bytes: [UInt8])?

  private struct Key: Hashable {
    let section: Int
    let old: Bool
    let depth: Int
  }

  private init(
    old: Document, new: Document, oldBlocks: UnsafeBufferPointer<Block>, newBlocks: UnsafeBufferPointer<Block>
  ) {
    oldDoc = old
    newDoc = new
    self.oldBlocks = oldBlocks
    self.newBlocks = newBlocks
  }

  /// Runs `body` with the heading paths of `d`'s versions, and their blocks lent to it. The
  /// paths hold pointers into the documents' block arrays: `body` must not let them (or
  /// anything holding them) out.
  /// `sections`: about how many section pairs `body` writes (room for both sides' paths, so
  /// the cache is not grown path by path; a batch's cache starts empty).
  static func with<R>(_ d: DocumentDiff, sections: Int = 0, _ body: (inout HeadingPaths) -> R) -> R {
    d.old.blocks.withUnsafeBufferPointer { a in
      d.new.blocks.withUnsafeBufferPointer { b in
        var paths = HeadingPaths(old: d.old, new: d.new, oldBlocks: a, newBlocks: b)
        paths.cache.reserveCapacity(min(2 * sections, 1 << 16))
        return body(&paths)
      }
    }
  }

  /// The JSON of the heading path of `section` (of the old or the new version), as `w`
  /// writes it where `w` stands.
  mutating func encoded(_ section: Int, old: Bool, for w: JSONWriter) -> [UInt8] {
    let key = Key(section: section, old: old, depth: w.nesting)
    // A section's blocks come one after another: the last path of each side is asked for
    // again, block after block, and is found without hashing the key.
    if let last = old ? lastOld : lastNew, last.key == key { return last.bytes }
    let bytes: [UInt8]
    if let known = cache[key] {
      bytes = known
    } else {
      bytes = w.encodedStrings((old ? oldDoc : newDoc).headingPath(of: section))
      cache[key] = bytes
    }
    if old { lastOld = (key, bytes) } else { lastNew = (key, bytes) }
    return bytes
  }
}
