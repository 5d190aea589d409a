import Foundation
import Testing

@testable import RedlineDiff
@testable import RedlineReport

/// `diff --format json --context N`: unchanged blocks far from a change become omitted
/// runs; the default still lists every block.
@Suite struct DiffContextTests {
  static let old = (1...12).map { "Kappale \($0) kertoo alueiden kehittämisestä omalla tavallaan." }
  static var new: [String] {
    var n = old
    n[5] = "Kappale 6 kertoo alueiden kehittämisestä aivan uudella tavalla."
    return n
  }

  static func json(_ args: [String]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(output(args).utf8)) as? [String: Any])
  }

  /// The JSON as written, to standard output or, with `-o NAME`, to that file.
  static func output(_ args: [String]) throws -> String {
    let d = TempDir("context")
    d.write("a.md", "# Päätös\n\n## 1 Luku\n\n" + old.joined(separator: "\n\n") + "\n\n## 2 Toinen\n\nMuuttumaton.\n")
    d.write("b.md", "# Päätös\n\n## 1 Luku\n\n" + new.joined(separator: "\n\n") + "\n\n## 2 Toinen\n\nMuuttumaton.\n")
    let r = run(
      redlineBinary, ["diff", "--files", "a.md", "b.md", "--format", "json"] + args, cwd: d.path)
    #expect(r.status == 0, "\(r.stderr)")
    guard let o = args.firstIndex(of: "-o") else { return r.stdout }
    return try String(contentsOfFile: d.path + "/" + args[o + 1], encoding: .utf8)
  }

  static func blocks(_ j: [String: Any], section: Int) -> [[String: Any]] {
    ((j["sections"] as? [[String: Any]])?[section]["blocks"] as? [[String: Any]]) ?? []
  }

  @Test func contextKeepsNeighboursAndCountsTheRest() throws {
    let j = try Self.json(["--context", "1"])
    #expect(j["context"] as? Int == 1)
    let statuses = Self.blocks(j, section: 1).map { $0["status"] as? String ?? "" }
    #expect(statuses == ["omitted", "unchanged", "modified", "unchanged", "omitted"])
    let first = Self.blocks(j, section: 1)[0]
    #expect(first["count"] as? Int == 4)
    #expect(Self.blocks(j, section: 1)[4]["count"] as? Int == 5)
    // The lines each run spans, in each version: paragraphs 1–4 and 8–12 (one every other line from 5).
    #expect(first["old_lines"] as? [Int] == [5, 11] && first["new_lines"] as? [Int] == [5, 11])
    let last = Self.blocks(j, section: 1)[4]
    #expect(last["old_lines"] as? [Int] == [19, 27] && last["new_lines"] as? [Int] == [19, 27])
    // An unchanged section keeps its heading; its one block is an omitted run.
    #expect(Self.blocks(j, section: 2).map { $0["count"] as? Int } == [1])
    // Every block is accounted for: shown plus counted equals the document's blocks.
    let shown = Self.blocks(j, section: 1).filter { $0["status"] as? String != "omitted" }.count
    let counted = Self.blocks(j, section: 1).compactMap { $0["count"] as? Int }.reduce(0, +)
    #expect(shown + counted == 12)
  }

  @Test func withoutContextEveryBlockIsListed() throws {
    let j = try Self.json([])
    #expect(j["context"] == nil)
    #expect(Self.blocks(j, section: 1).count == 12)
    #expect(!Self.blocks(j, section: 1).contains { $0["status"] as? String == "omitted" })
  }

  /// `--compact`: the same JSON on one line, streamed or written to a file, with or
  /// without `--context`.
  @Test func compactIsTheSameJSONOnOneLine() throws {
    for extra in [[], ["--context", "1"], ["-o", "d.json"], ["--context", "0", "-o", "d.json"]] {
      let pretty = try Self.output(extra)
      let compact = try Self.output(extra + ["--compact"])
      #expect(compact.split(separator: "\n").count == 1 && compact.hasSuffix("}\n"), "\(extra)")
      #expect(pretty.split(separator: "\n").count > 20, "\(extra)")
      #expect(compact.utf8.count < pretty.utf8.count * 9 / 10, "\(extra)")
      let a = try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? NSDictionary
      let b = try JSONSerialization.jsonObject(with: Data(compact.utf8)) as? NSDictionary
      #expect(a != nil && a == b, "\(extra): the same members and values")
      // Only the layout differs: no space after a colon or a comma outside the texts.
      #expect(compact.hasPrefix("{\"schema\":\"redline.diff/2\","), "\(compact.prefix(60))")
    }
  }

  /// `--context` and `--compact` shape JSON: with another format they are usage errors,
  /// not silently ignored.
  @Test func jsonOptionsWithoutJSONAreUsageErrors() {
    for args in [["--compact"], ["--context", "2"], ["--compact", "-o", "x.html"], ["--context", "1", "-o", "x.md"]] {
      let r = run(redlineBinary, ["diff", "--files", "a.md", "b.md"] + args)
      #expect(r.status == 2, "\(args)")
      #expect(
        r.stderr.contains("shapes JSON output: add --format json (or write to a .json file)"), "\(args): \(r.stderr)")
    }
    for args in [["--compact", "--stat"], ["--stat", "--format", "json", "--context", "0"]] {
      let r = run(redlineBinary, ["diff", "--files", "a.md", "b.md"] + args)
      #expect(r.status == 2, "\(args)")
      #expect(r.stderr.contains("and --stat writes text: leave out one of them"), "\(args): \(r.stderr)")
    }
  }

  /// Any `--context` is accepted, however large (the neighbourhood stops at the section's
  /// ends): every block is listed, as with a context as long as the section.
  @Test func aHugeContextListsEveryBlock() throws {
    let huge = try Self.json(["--context", String(Int.max)])
    #expect(huge["context"] as? Int == Int.max)
    #expect(Self.blocks(huge, section: 1).count == 12)
    #expect(!Self.blocks(huge, section: 1).contains { $0["status"] as? String == "omitted" })
  }

  @Test func aNegativeContextIsAUsageError() {
    let r = run(redlineBinary, ["diff", "--files", "a.md", "b.md", "--context", "-1"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("redline: error: "))
  }
}
