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
  /// with the one-line message and status 2. Checked in a child process, which maps the
  /// file as `SafeRead` does (`redline_map_file`), empties it and reads its last byte.
  @Test func fileShrinkingWhileMappedEndsWithOneLine() throws {
    let dir = TempDir("shrink")
    dir.write("shrinks.md", String(repeating: "Alueiden kehittäminen. ", count: 4_000))
    let path = dir.path + "/shrinks.md"
    let length = try Data(contentsOf: URL(fileURLWithPath: path)).count
    let message = SafeRead.shrinkMessage("shrinks.md")
    var pipe: [Int32] = [0, 0]
    #expect(Glibc.pipe(&pipe) == 0)
    let status = path.withCString { p in
      message.withCString { m -> Int32 in
        let pid = fork()
        if pid == 0 {  // the child: C calls and a load only
          dup2(pipe[1], 2)
          let fd = open(p, O_RDONLY)
          guard fd >= 0, let mapped = redline_map_file(fd, length, m) else { _exit(4) }
          guard truncate(p, 0) == 0 else { _exit(5) }
          let last = mapped.load(fromByteOffset: length - 1, as: UInt8.self)  // past the end now
          _exit(last == 0 ? 3 : 6)
        }
        close(pipe[1])
        // Ten seconds at most: a fault the handler does not claim goes on to the Swift
        // runtime's crash report, which takes its time in a forked child.
        var st: Int32 = 0
        for _ in 0..<1_000 {
          if waitpid(pid, &st, WNOHANG) == pid { return st }
          usleep(10_000)
        }
        kill(pid, SIGKILL)
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

  /// A mapped file rewritten in place while it is read (its size kept) is refused once
  /// parsed: its bytes were checked as one text and may have been parsed as another.
  @Test func fileRewrittenInPlaceWhileMappedIsRefused() throws {
    let dir = TempDir("rewrite")
    var text = ""
    for k in 1...4_000 { text += "## \(k) Otsikko\n\nKappale \(k).\n\n" }
    dir.write("doc.md", text)
    let path = dir.path + "/doc.md"
    usleep(50_000)  // a later write gets a later time, however coarse the file system's clock
    let source = try SafeRead.regularFileSource(path, shownAs: "doc.md")
    let (mapped, unchangedAtFirst) = (source.isForeign, source.isUnchanged)
    #expect(mapped && unchangedAtFirst)
    usleep(50_000)
    let fd = open(path, O_WRONLY)
    #expect(fd >= 0)
    #expect(pwrite(fd, "X", 1, 10) == 1)  // same size, one byte changed
    close(fd)
    let unchangedAfterTheWrite = source.isUnchanged
    #expect(!unchangedAfterTheWrite)
    #expect(throws: DocumentError.changedWhileRead(path: "doc.md")) {
      try DocumentLoader.load(source, path: "doc.md")
    }
    // A file saved by writing a new one and renaming it leaves the mapped one whole.
    let again = try SafeRead.regularFileSource(path, shownAs: "doc.md")
    usleep(50_000)
    dir.write("doc.md.new", text)
    #expect(rename(path + ".new", path) == 0)
    let unchangedAfterTheRename = again.isUnchanged
    #expect(unchangedAfterTheRename)
    #expect(throws: Never.self) { try DocumentLoader.load(again, path: "doc.md") }
  }

  /// However deep the lists in the bytes parsed (the loader refuses such a file before
  /// parsing it, unless it changed meanwhile), the parse does not recurse once per level.
  @Test func deepListsDoNotOverflowTheParse() {
    let deep = String(repeating: "- ", count: 20_000) + "sisältö\n"
    let d = MarkdownParser.parse(Array(("# Otsikko\n\n" + deep).utf8), path: "deep.md")
    #expect(d.blocks.count <= 2 * DocumentLoader.maxNesting + 2)
    #expect(d.blocks.allSatisfy { $0.depth <= 2 * DocumentLoader.maxNesting })
  }

  /// Names with control characters are written as every error message writes them: as
  /// visible symbols, on one line.
  @Test func shrinkMessageNamesArePrintable() {
    #expect(
      SafeRead.shrinkMessage("v2\u{1B}[2J\n.md")
        == "redline: error: 'v2␛[2J␤.md' became shorter while it was being read; compare it again once it is saved")
    let long = SafeRead.shrinkMessage(String(repeating: "ä", count: 600))
    #expect(long.contains("'" + String(repeating: "ä", count: 150) + "…'") && long.utf8.count < 510)
  }

  /// Mapped files the loader holds the only reference to (as a comparison from the command
  /// line does) are asked about after their parse, and found unchanged: two identical
  /// files, where one version's every section is found in the other's parse, and plain
  /// text. (A first version closed the file before asking, and refused them all.)
  @Test func unchangedMappedFilesAreNotRefused() throws {
    let dir = TempDir("same")
    var text = ""
    for k in 1...3_000 { text += "## \(k) Otsikko\n\nKappale \(k), päätös.\n\n" }
    for name in ["a.md", "b.md", "a.txt", "b.txt"] { dir.write(name, text) }
    for (x, y) in [("a.md", "b.md"), ("a.txt", "b.txt"), ("a.md", "a.md")] {
      let c = try compareInputs(dir.path + "/" + x, dir.path + "/" + y)
      #expect(c.diff.isUnchanged, "\(x) \(y)")
    }
    let r = run(redlineBinary, ["diff", "--stat", "--files", "a.txt", "b.txt"], cwd: dir.path)
    #expect(r.status == 0, "\(r.stderr)")
  }

  /// A lone CR ends a line for cmark; lists nested past the limit on lines ending in CR
  /// are refused as they are on lines ending in LF (the scan once counted only LF).
  @Test func nestingOnLinesEndingInCRIsRefused() {
    var lf = "# Otsikko\n\n"
    for k in 0..<100 { lf += String(repeating: "  ", count: k) + "- kohta\n" }
    let cr = lf.replacingOccurrences(of: "\n", with: "\r")
    for text in [lf, cr] {
      #expect(throws: DocumentError.tooDeep(path: "n.md", line: 35, limit: DocumentLoader.maxNesting)) {
        try DocumentLoader.load(Array(text.utf8), path: "n.md")
      }
    }
  }
}
