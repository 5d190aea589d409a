import Foundation
import Testing

/// What a comparison holds in memory, read from `REDLINE_PROFILE`'s laps, which give the
/// process's anonymous resident memory (heap and stacks) as each phase ends.
@Suite(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/statm"), "resident memory is read from /proc"))
struct PeakMemoryTests {
  /// Anonymous resident megabytes at each lap of a profiled run's standard error.
  static func anonymousMB(_ stderr: String) -> [String: Double] { laps(stderr, "(anonymous ") }

  /// Resident megabytes (anonymous and file-backed: a mapped file counts here) at each lap.
  static func residentMB(_ stderr: String) -> [String: Double] { laps(stderr, "resident ") }

  /// The number after `label` on each lap's line, by the lap's name.
  static func laps(_ stderr: String, _ label: String) -> [String: Double] {
    var laps: [String: Double] = [:]
    for line in stderr.split(separator: "\n") where line.hasPrefix("[profile] ") {
      guard let colon = line.firstIndex(of: ":"), let open = line.range(of: label) else { continue }
      let name = String(line[line.index(line.startIndex, offsetBy: 10)..<colon])
      laps[name] = Double(line[open.upperBound...].prefix { $0.isNumber || $0 == "." })
    }
    return laps
  }

  /// The largest resident size a profiled run reports (`peak`, from `VmHWM`), in MB.
  static func peakMB(_ stderr: String) -> Double? {
    stderr.split(separator: "\n").compactMap { line -> Double? in
      guard line.hasPrefix("[profile] "), let r = line.range(of: ", peak ") else { return nil }
      return Double(line[r.upperBound...].prefix { $0.isNumber || $0 == "." })
    }.max()
  }

  /// Long paragraphs in 300 sections, about 6 MB: documents small beside their files.
  static func longDraft() -> String {
    let sentence = "Maakuntien yhteistyöverkosto vahvistaa elinvoimaa, työllisyyttä ja osaamista; "
    var text = ""
    for s in 1...300 {
      text += "# \(s) Alueiden kehittämisen painopiste \(s)\n\n"
      for p in 1...10 {
        text += String(repeating: sentence, count: 24) + "”kestävä kasvu” – vuosina \(s + p).\n\n"
      }
    }
    return text
  }

  /// Two files compared from the command line are let go once parsed, before the diff:
  /// at 5 MB they are a fifth of the peak (a third of its heap). They were once kept to
  /// the end, because the two-thread read still held them while the comparison ran.
  /// Files this large are mapped (`SafeRead.regularFileSource`): their pages count as
  /// file-backed resident memory while mapped, and go when they are unmapped. A file read
  /// into memory instead counts as anonymous memory, which counts on glibc's default of
  /// giving a buffer this large pages of its own, returned to the system when it is freed.
  @Test func filesAreLetGoOnceParsed() throws {
    let d = TempDir("peak")
    let text = Self.longDraft()
    let size = text.utf8.count
    try text.write(toFile: d.path + "/a.md", atomically: true, encoding: .utf8)
    try (text + "Uusi kappale.\n").write(toFile: d.path + "/b.md", atomically: true, encoding: .utf8)
    let r = run(
      redlineBinary, ["diff", "--files", "a.md", "b.md", "--format", "json"], cwd: d.path,
      env: ["REDLINE_PROFILE": "1"])
    #expect(r.status == 0, "\(r.stderr)")
    let anonymous = Self.anonymousMB(r.stderr)
    let resident = Self.residentMB(r.stderr)
    func fileBacked(_ lap: String) throws -> Double {
      try #require(resident[lap], "\(r.stderr)") - #require(anonymous[lap], "\(r.stderr)")
    }
    let start = try #require(anonymous["arguments and settings"], "\(r.stderr)")
    let parsed = try #require(anonymous["parse both"], "\(r.stderr)")
    let startResident = try #require(resident["arguments and settings"], "\(r.stderr)")
    let peak = try #require(Self.peakMB(r.stderr), "\(r.stderr)")
    let files = 2 * Double(size) / 1e6
    #expect(peak - startResident > 0.9 * files, "both files are in memory while parsed: \(r.stderr)")
    // Held files alone would be 2 × size; the documents (one parse shared by both sides)
    // are well under that.
    #expect(parsed - start < files, "\(files) MB of files still held after the parse: \(r.stderr)")
    #expect(
      try fileBacked("parse both") - fileBacked("arguments and settings") < files / 2,
      "the mapped files are still mapped after the parse: \(r.stderr)")
  }

  /// Front matter (every ALKE draft has it) and CRLF line ends (files saved on Windows) are
  /// dealt with in the buffer the file was read into. Blanking front matter, or rewriting
  /// CRLF, once made a copy of the whole file while the first was still held: each side's
  /// file twice at the peak (12 MB more here).
  @Test(arguments: ["front matter", "CRLF"]) func frontMatterAndLineEndsAreNotACopy(_ variant: String) throws {
    let d = TempDir("peak-variant")
    let text = Self.longDraft()
    let size = Double(text.utf8.count) / 1e6
    func changed(_ t: String) -> String {
      variant == "CRLF"
        ? t.replacingOccurrences(of: "\n", with: "\r\n")
        : "---\ntitle: Aluekehittämispäätös\nversio: 2\n---\n\n" + t
    }
    try text.write(toFile: d.path + "/a.md", atomically: true, encoding: .utf8)
    try (text + "Uusi kappale.\n").write(toFile: d.path + "/b.md", atomically: true, encoding: .utf8)
    try changed(text).write(toFile: d.path + "/c.md", atomically: true, encoding: .utf8)
    try changed(text + "Uusi kappale.\n").write(toFile: d.path + "/d.md", atomically: true, encoding: .utf8)
    func peak(_ x: String, _ y: String) throws -> Double {
      let r = run(
        redlineBinary, ["diff", "--files", x, y, "--format", "json"], cwd: d.path, env: ["REDLINE_PROFILE": "1"])
      #expect(r.status == 0, "\(r.stderr)")
      return try #require(Self.peakMB(r.stderr), "\(r.stderr)")
    }
    let plain = try peak("a.md", "b.md")
    let other = try peak("c.md", "d.md")
    #expect(other - plain < size / 2, "\(variant): peak \(other) MB against \(plain) MB for the same text")
  }

  /// The same in a history: `blame` reads versions on a second thread and parses them
  /// there, each taking its bytes over, so a version's front matter is blanked in place.
  @Test func aHistoryBlanksFrontMatterInPlace() throws {
    let text = Self.longDraft()
    let size = Double(text.utf8.count) / 1e6
    let front = "---\ntitle: Aluekehittämispäätös\nversio: 2\n---\n\n"
    func versions(_ head: String) -> [String] {
      [head + text, head + text + "Uusi kappale.\n", head + text + "Uusi kappale.\n\nToinen uusi.\n"]
    }
    func peak(_ versions: [String]) throws -> Double {
      let (d, _) = datedRepo(versions)
      let r = run(
        redlineBinary, ["blame", "v3", "doc.md", "--format", "json"], cwd: d.path, env: ["REDLINE_PROFILE": "1"])
      #expect(r.status == 0, "\(r.stderr)")
      return try #require(Self.peakMB(r.stderr), "\(r.stderr)")
    }
    let plain = try peak(versions(""))
    let withFront = try peak(versions(front))
    #expect(withFront - plain < size / 2, "blame: peak \(withFront) MB with front matter, \(plain) MB without")
  }
}
