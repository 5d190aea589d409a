import CFileMap
import Foundation
import RedlineDiff
import Testing

@testable import RedlineDocument
@testable import RedlineKit

#if canImport(Glibc)
  import Glibc
#endif

/// Files of 64 KiB and more are mapped into memory and parsed where they lie
/// (`SafeRead.regularFileSource`, `SourceBytes`): the documents must be the ones the
/// same bytes give read into an array, the file must never change, and a file that
/// shrinks while mapped must end the run with one line and status 2, not a crash.
@Suite struct MappedSourceTests {
  /// An array's semantics: a copy keeps its bytes when the other is changed, in place or
  /// cut at either end, whether the bytes are an array's or held elsewhere.
  @Test func sourceBytesBehaveAsAValue() {
    let bytes: [UInt8] = Array("\u{FEFF}rivi 1\r\nrivi 2\r\n".utf8)
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
    buffer.initialize(from: bytes, count: bytes.count)
    final class Released: @unchecked Sendable { var count = 0 }
    let released = Released()
    for foreign in [false, true] {
      var a =
        foreign
        ? SourceBytes(ForeignBytes(base: buffer, count: bytes.count) { _, _ in released.count += 1 })
        : SourceBytes(bytes)
      #expect(a.isForeign == foreign)
      let copy = a
      a.removeFirst(3)
      a.removeLast(2)
      a.withUnsafeMutableBufferPointer { $0[0] = UInt8(ascii: "R") }
      #expect(a.array == Array("Rivi 1\r\nrivi 2".utf8), "foreign \(foreign)")
      #expect(copy.array == bytes, "the copy kept its bytes (foreign \(foreign))")
      #expect(copy.count == bytes.count && a.count == bytes.count - 5)
      #expect(copy.starts(with: [0xEF, 0xBB, 0xBF]) && !a.starts(with: [0xEF]))
    }
    #expect(Array(UnsafeBufferPointer(start: buffer, count: bytes.count)) == bytes, "shared bytes were copied")
    #expect(released.count == 1, "the foreign bytes were released once, with their last holder")
    buffer.deallocate()
  }

  /// A change to bytes held elsewhere and not shared is made where they lie.
  @Test func unsharedForeignBytesChangeInPlace() {
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 4)
    buffer.initialize(repeating: 0x61, count: 4)
    do {
      var a = SourceBytes(ForeignBytes(base: buffer, count: 4) { _, _ in })
      a.withUnsafeMutableBufferPointer { $0[1] = 0x62 }
      #expect(a.isForeign)
    }
    #expect(buffer[1] == 0x62)
    buffer.deallocate()
  }

  /// Corpus files, and files with CRLF, a byte-order mark, front matter and part markers
  /// (the loader changes those bytes): mapped, they give the document the array gives, and
  /// the files on disk are unchanged.
  @Test func mappedFilesParseAsArraysDo() throws {
    let dir = TempDir("mapped")
    var body = ""
    for k in 1...1_000 { body += "## \(k) Otsikko\n\nKappale \(k): alueiden kehittäminen ja päätös.\n\n- kohta\n\n" }
    let crafted: [(String, String)] = [
      ("crlf.md", body.replacingOccurrences(of: "\n", with: "\r\n")),
      ("bom.md", "\u{FEFF}# Päätös\n\n" + body),
      ("front.md", "---\ntitle: Päätös\nlang: fi\n---\n\n" + body),
      ("parts.md", "# Päätös\n\n--- middle\n\n" + body + "\n--- back\n\n## Liite\n\nTeksti.\n"),
      ("toml.md", "%%%\ntitle = \"Päätös\"\n%%%\n\n" + body),
      ("plain.txt", body),
    ]
    var paths: [String] = []
    for (name, text) in crafted {
      dir.write(name, text)
      paths.append(dir.path + "/" + name)
    }
    for (_, a, b) in CorpusTests.pairs.prefix(3) { paths += [a, b] }
    for path in paths {
      let before = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(before.count >= SafeRead.mapFrom, "\(path) is large enough to be mapped")
      let source = try SafeRead.regularFileSource(path, shownAs: path)
      let isMapped = source.isForeign
      #expect(isMapped, "\(path) is mapped")
      let mapped = try DocumentLoader.load(source, path: path)
      let read = try DocumentLoader.load(before, path: path)
      #expect(mapped == read, "\(path)")
      let after = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(after == before, "\(path) is unchanged on disk")
    }
    // A small file is read into an array.
    dir.write("small.md", "# Pieni\n\nTeksti.\n")
    let smallIsMapped = try SafeRead.regularFileSource(dir.path + "/small.md", shownAs: "small.md").isForeign
    #expect(!smallIsMapped)
  }

  /// Two mapped files compared through `compareInputs` give the bytes of the same
  /// comparison read from arrays (the JSON of both).
  @Test func mappedComparisonEqualsReadComparison() throws {
    let (_, a, b) = CorpusTests.pairs[0]
    let mapped = try compareInputs(a, b)
    let read = try compareRaw(
      RawVersion(revision: a, commit: nil, path: a, bytes: try SafeRead.regularFile(a, shownAs: a), format: nil),
      RawVersion(revision: b, commit: nil, path: b, bytes: try SafeRead.regularFile(b, shownAs: b), format: nil),
      options: DiffOptions())
    #expect(mapped.old.document == read.old.document && mapped.new.document == read.new.document)
    #expect(mapped.diff.sections.count == read.diff.sections.count)
  }

  /// A file that becomes shorter while mapped: reading past its new end ends the process
  /// with the one-line message and status 2 (checked in a child process).
  @Test func fileShrinkingWhileMappedEndsWithOneLine() throws {
    let dir = TempDir("shrink")
    dir.write("shrinks.md", String(repeating: "Alueiden kehittäminen. ", count: 4_000))
    let path = dir.path + "/shrinks.md"
    let message = SafeRead.shrinkMessage("shrinks.md")
    var pipe: [Int32] = [0, 0]
    #expect(Glibc.pipe(&pipe) == 0)
    let status = path.withCString { p in
      message.withCString { m -> Int32 in
        let pid = fork()
        if pid == 0 {  // the child: C calls only
          dup2(pipe[1], 2)
          _exit(redline_map_check_shrink(p, m))
        }
        close(pipe[1])
        var st: Int32 = 0
        waitpid(pid, &st, 0)
        return st
      }
    }
    var out = [UInt8](repeating: 0, count: 1024)
    let n = read(pipe[0], &out, out.count)
    close(pipe[0])
    #expect(status & 0x7F == 0, "the child exited, not killed by a signal (status \(status))")
    #expect((status >> 8) & 0xFF == 2, "exit status 2 (status \(status))")
    #expect(String(decoding: out.prefix(max(n, 0)), as: UTF8.self) == message + "\n")
  }

  /// Names with control characters are written to the terminal with `?` in their place.
  @Test func shrinkMessageNamesArePrintable() {
    #expect(SafeRead.printable("a\u{1B}[31mb\u{9B}c\näö") == "a?[31mb?c?äö")
    #expect(
      SafeRead.shrinkMessage("v2\u{1B}[2J.md")
        == "redline: error: 'v2?[2J.md' became shorter while it was being read; compare it again once it is saved")
  }
}
