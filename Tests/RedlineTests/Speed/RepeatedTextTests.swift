import Foundation
import RedlineKit
import Testing

@testable import RedlineDiff
@testable import RedlineDocument
@testable import RedlineReport

/// The JSON of an unchanged block's second side copies the text the first side wrote
/// (`JSONWriter.value(_:repeating:)`) instead of escaping it again: the bytes must be the
/// ones escaping writes, and a mark a writer no longer holds must write nothing.
@Suite struct RepeatedTextTests {
  static let texts = [
    "", "a", "Alueiden kehittäminen", "\"lainaus\" ja \\ kenoviiva", "sarake\tväli\nrivi\r",
    "C1 \u{85} ja \u{9B}[31m", "§ 4 momentti – ”päätös” — å", String(repeating: "Åland ", count: 400),
  ]

  /// A text written, marked, then repeated under another key at every depth, pretty and
  /// compact: the same bytes as the text written twice.
  @Test func repeatedTextEqualsTextWrittenAgain() {
    for pretty in [true, false] {
      for depth in 0..<4 {
        for t in Self.texts {
          var copied = JSONWriter(pretty: pretty)
          var escaped = JSONWriter(pretty: pretty)
          for k in 0..<2 {
            var w = k == 0 ? copied : escaped
            w.beginObject()
            for _ in 0..<depth { w.beginObject("o") }
            let mark = w.markedValue("old", t)
            w.value("between", "x\"y")
            if k == 0 {
              let copiedIt = w.value("new", repeating: mark)
              #expect(copiedIt)
            } else {
              w.value("new", t)
            }
            w.value("after", 1)
            for _ in 0..<depth { w.endObject() }
            w.endObject()
            if k == 0 { copied = w } else { escaped = w }
          }
          #expect(
            String(decoding: copied.bytes, as: UTF8.self) == String(decoding: escaped.bytes, as: UTF8.self),
            "pretty \(pretty), depth \(depth)")
        }
      }
    }
  }

  /// A streaming writer that handed its bytes to its sink since the mark refuses to copy
  /// and writes nothing, not even the key; one that did not, copies.
  @Test func markOfBytesHandedOnIsRefused() throws {
    final class Sink: @unchecked Sendable {
      var bytes: [UInt8] = []
      var pieces = 0
      var copied: [Bool] = []
    }
    let sink = Sink()
    JSONWriter.stream(
      schema: "x", pretty: false, chunk: 64,
      to: {
        sink.bytes += $0
        sink.pieces += 1
      }
    ) { w in
      let mark = w.markedValue("a", "teksti")
      sink.copied.append(w.value("b", repeating: mark))  // nothing handed on yet
      // Far more than the writer holds: its bytes go to the sink.
      for i in 0..<100 { w.value(JSONKey("k\(i)"), String(repeating: "ä", count: 1_000)) }
      sink.copied.append(w.value("c", repeating: mark))
      w.value("d", true)
    }
    #expect(sink.pieces > 1, "written in pieces")
    #expect(sink.copied == [true, false])
    let object = try #require(try JSONSerialization.jsonObject(with: Data(sink.bytes)) as? [String: Any])
    #expect(object["b"] as? String == "teksti")
    #expect(object["c"] == nil, "no key written for a refused copy")
    #expect(object["d"] as? Bool == true)
  }

  /// Every block side's `text` in a diff's JSON, parsed back, is that block's text: on
  /// corpus and generated pairs, whole and streamed in small pieces (where most marks are
  /// refused), at every batch size.
  @Test func blockTextsInJSONAreTheDocumentsTexts() throws {
    for d in try StreamedJSONTests.diffs(seed: 77) {
      let whole = DiffJSON.render(
        d, old: VersionRef(revision: "a", commit: nil, path: "a.md"),
        new: VersionRef(revision: "b", commit: nil, path: "b.md"), batchBytes: 1)
      let streamed = StreamedJSONTests.streamed(d, chunk: 100).bytes
      #expect(streamed == whole)
      let root = try #require(try JSONSerialization.jsonObject(with: Data(whole)) as? [String: Any])
      let sections = try #require(root["sections"] as? [[String: Any]])
      var unchanged = 0
      for (sc, s) in zip(d.sections, sections) {
        let blocks = try #require(s["blocks"] as? [[String: Any]])
        try #require(blocks.count == sc.blocks.count)
        for (b, j) in zip(sc.blocks, blocks) {
          if let o = b.old { #expect((j["old"] as? [String: Any])?["text"] as? String == d.old.blocks[o].text) }
          if let n = b.new { #expect((j["new"] as? [String: Any])?["text"] as? String == d.new.blocks[n].text) }
          if b.status == .unchanged { unchanged += 1 }
        }
      }
      #expect(unchanged > 0, "the pair has unchanged blocks, whose text is copied")
    }
  }

  /// `withUTF8Bytes` (a string's bytes read where they lie) hands over exactly the
  /// string's UTF-8, and `hasSameBytes` built on it tells equal bytes from equal text:
  /// empty, inline (up to 15 bytes), heap, literal and sliced strings.
  @Test func utf8BytesAreTheStringsBytes() {
    let long = String(repeating: "Päätös ", count: 50)
    let strings = [
      "", "a", "ä", "123456789012345", "1234567890123456", long, String(long.dropFirst(3)),
      String(Substring("kehittäminen").prefix(5)), "e\u{301}", "\u{E9}",
    ]
    for s in strings {
      #expect(s.withUTF8Bytes { Array($0) } == Array(s.utf8), "\(s.debugDescription)")
      for t in strings {
        #expect(s.hasSameBytes(as: t) == (Array(s.utf8) == Array(t.utf8)))
      }
    }
    #expect("e\u{301}" == "\u{E9}" && !"e\u{301}".hasSameBytes(as: "\u{E9}"), "canonically equal, other bytes")
  }
}
