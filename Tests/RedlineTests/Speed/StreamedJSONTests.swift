import Foundation
import RedlineKit
import Testing

@testable import RedlineDiff
@testable import RedlineDocument
@testable import RedlineReport

/// `diff --format json` to standard output is streamed in pieces (`DiffJSON.write`); it
/// must be the very bytes `DiffJSON.render` builds whole (what `-o FILE` writes).
@Suite struct StreamedJSONTests {
  /// Resident memory of this process, in bytes (what `REDLINE_PROFILE` reports), 0 where
  /// it cannot be read.
  static func residentBytes() -> Int { PhaseClock.residentMemory()?.total ?? 0 }

  /// A whole document written with a large expected size touches only what it writes:
  /// the room reserved for the estimate is not zero-filled ahead (it once was, and a
  /// `--section` of a 20 MB pair written with `-o` took 205 MB for 38 KB of JSON).
  @Test func reservedRoomIsNotTouched() throws {
    let before = Self.residentBytes()
    try #require(before > 0, "resident memory is read from /proc/self/statm (Linux)")
    let bytes = JSONWriter.document(schema: "x", capacity: 1 << 28) { w in w.value("a", 1) }
    let grown = Self.residentBytes() - before
    #expect(bytes == Array("{\n  \"schema\": \"x\",\n  \"a\": 1\n}\n".utf8))
    #expect(grown < 1 << 27, "resident memory grew by \(grown) bytes for a 256 MiB estimate")
  }

  /// Collects a stream's pieces.
  final class Pieces: @unchecked Sendable {
    var bytes: [UInt8] = []
    var count = 0
  }

  static func streamed(_ d: DocumentDiff, chunk: Int, pretty: Bool = true, context: Int? = nil) -> Pieces {
    let p = Pieces()
    DiffJSON.write(
      d, old: VersionRef(revision: "a", commit: nil, path: "a.md"),
      new: VersionRef(revision: "b", commit: nil, path: "b.md"), pretty: pretty, context: context, chunk: chunk
    ) {
      p.bytes += $0
      p.count += 1
    }
    return p
  }

  /// Diffs of three corpus pairs and of three generated drafts against edits of them.
  static func diffs(seed: UInt64) throws -> [DocumentDiff] {
    var diffs: [DocumentDiff] = []
    for (_, oldPath, newPath) in CorpusTests.pairs.prefix(3) {
      let a = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: oldPath))), path: oldPath)
      let b = try DocumentLoader.load([UInt8](try Data(contentsOf: URL(fileURLWithPath: newPath))), path: newPath)
      diffs.append(Differ.diff(a, b))
    }
    var g = DraftGenerator(seed: seed)
    for _ in 0..<3 {
      let m = g.model()
      let a = try DocumentLoader.load(Array(m.markdown().utf8), path: "a.md")
      let b = try DocumentLoader.load(Array(g.edit(m).markdown().utf8), path: "b.md")
      diffs.append(Differ.diff(a, b))
    }
    return diffs
  }

  @Test func streamedBytesEqualTheWholeDocument() throws {
    let diffs = try Self.diffs(seed: 61)
    for d in diffs {
      for (pretty, context) in [(true, nil), (false, nil), (true, 1 as Int?)] {
        let whole = DiffJSON.render(
          d, old: VersionRef(revision: "a", commit: nil, path: "a.md"),
          new: VersionRef(revision: "b", commit: nil, path: "b.md"), pretty: pretty, context: context)
        for chunk in [1, 100, 4096, 1 << 18] {
          let s = Self.streamed(d, chunk: chunk, pretty: pretty, context: context)
          #expect(s.bytes == whole, "chunk \(chunk), pretty \(pretty), context \(String(describing: context))")
          if chunk <= 4096 && whole.count > 3 * 4096 + (1 << 16) { #expect(s.count > 1, "written in pieces") }
        }
      }
    }
  }

  /// Sections are written in batches on both cores (`DiffJSON.writeSections`): the bytes
  /// are those of one thread writing every section, at every batch size, whole or streamed,
  /// pretty or compact, with `--context`, and for a run of sections (`--section`).
  @Test func sectionsWrittenOnBothCoresEqualOneThread() throws {
    let diffs = try Self.diffs(seed: 63)
    #expect(diffs.contains { DiffJSON.batches($0, $0.sections, bytes: 1 << 18).count > 4 }, "more than one window")
    let (old, new) = (
      VersionRef(revision: "a", commit: nil, path: "a.md"), VersionRef(revision: "b", commit: nil, path: "b.md")
    )
    for d in diffs {
      for (pretty, context, sections) in [
        (true, nil, nil), (false, nil, nil), (true, 1 as Int?, nil), (true, nil, Array(d.sections.dropFirst(2))),
      ] {
        let one = DiffJSON.render(
          d, old: old, new: new, sections: sections, pretty: pretty, context: context, batchBytes: .max)
        #expect(DiffJSON.batches(d, sections ?? d.sections, bytes: .max).count <= 1)
        for batch in [1, 1 << 18] {
          let whole = DiffJSON.render(
            d, old: old, new: new, sections: sections, pretty: pretty, context: context, batchBytes: batch)
          #expect(whole == one, "batch \(batch), pretty \(pretty), context \(String(describing: context))")
          let p = Pieces()
          DiffJSON.write(
            d, old: old, new: new, sections: sections, pretty: pretty, context: context, chunk: 4096,
            batchBytes: batch
          ) { p.bytes += $0 }
          #expect(p.bytes == one, "streamed: batch \(batch)")
        }
      }
    }
  }

  /// A fragment writer that takes over an earlier fragment's storage (its room full of
  /// that fragment's bytes, longer than what it writes) writes what a fresh one writes,
  /// and its document is the same: the room is written over, never read or handed on.
  @Test func aReusedFragmentStorageWritesWhatAFreshOneWrites() {
    func document(reusing: [UInt8]) -> (bytes: [UInt8], storage: Int) {
      var top = JSONWriter(pretty: true)
      top.beginObject()
      top.beginArray("blocks")
      var f = JSONWriter(at: top.place, afterElement: false, capacity: 64, reusing: reusing)
      for text in ["Lausunto huomioitu.", "Remissvar \"beaktad\" – ä, ö, å."] {
        f.object { $0.value("text", text) }
      }
      let fragment = f.takeFragment()
      top.append(fragment: fragment)
      top.endArray()
      top.endObject()
      return (top.bytes, fragment.storage.count)
    }
    var long = JSONWriter(at: JSONWriter(pretty: true).place, afterElement: false, capacity: 64)
    long.object { $0.value("text", String(repeating: "aluekehittämispäätös ", count: 400)) }
    let stale = long.takeFragment()
    #expect(stale.count > 8_000 && stale.storage.count >= stale.count)
    let fresh = document(reusing: [])
    let reused = document(reusing: stale.storage)
    #expect(reused.storage >= stale.count, "the earlier storage is taken over, not made again")
    #expect(reused.bytes == fresh.bytes)
    #expect(String(decoding: fresh.bytes, as: UTF8.self).contains("Lausunto huomioitu."))
    #expect(!String(decoding: reused.bytes, as: UTF8.self).contains("aluekehittämispäätös"))
  }

  /// End to end: standard output (streamed) and `-o FILE` (whole, atomic) hold the same JSON.
  @Test func standardOutputEqualsOutputFile() throws {
    let d = TempDir("streamed-json")
    var g = DraftGenerator(seed: 62)
    let models = (0..<40).map { _ in g.model() }
    d.write("a.md", models.map { $0.markdown() }.joined(separator: "\n"))
    d.write("b.md", models.map { g.edit($0).markdown() }.joined(separator: "\n"))
    let args = ["diff", "--files", d.path + "/a.md", d.path + "/b.md", "--format", "json"]
    let r = run(redlineBinary, args)
    #expect(r.status == 0, "\(r.stderr)")
    let o = run(redlineBinary, args + ["-o", d.path + "/out.json"])
    #expect(o.status == 0, "\(o.stderr)")
    let file = try String(contentsOfFile: d.path + "/out.json", encoding: .utf8)
    #expect(r.stdout.utf8.count > 1 << 18, "large enough to be streamed in several pieces")
    #expect(r.stdout == file)
  }
}
