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
    let d = TempDir("context")
    d.write("a.md", "# Päätös\n\n## 1 Luku\n\n" + old.joined(separator: "\n\n") + "\n\n## 2 Toinen\n\nMuuttumaton.\n")
    d.write("b.md", "# Päätös\n\n## 1 Luku\n\n" + new.joined(separator: "\n\n") + "\n\n## 2 Toinen\n\nMuuttumaton.\n")
    let r = run(redlineBinary, ["diff", "--files", d.path + "/a.md", d.path + "/b.md", "--format", "json"] + args)
    #expect(r.status == 0, "\(r.stderr)")
    return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
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

  @Test func aNegativeContextIsAUsageError() {
    let r = run(redlineBinary, ["diff", "--files", "a.md", "b.md", "--context", "-1"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("redline: error: "))
  }
}
