import Foundation
import Testing

/// `diff`'s plain command lines are read without ArgumentParser (`QuickCommandLine`,
/// decision 84). The debug binary's `REDLINE_CHECK_COMMAND_LINES` reads each line both ways:
/// the quick reading must make the very command ArgumentParser makes, or leave the line to it.
@Suite struct QuickCommandLineTests {
  struct Reading: Decodable {
    var quick: String?
    var full: String
  }

  /// Both readings of each line, from one run of the debug binary.
  func readings(_ lines: [[String]]) throws -> [Reading] {
    let dir = TempDir("quick")
    dir.writeBytes("lines.json", Array(try JSONEncoder().encode(lines)))
    let r = run(redlineBinary, ["diff", "a", "b"], env: ["REDLINE_CHECK_COMMAND_LINES": dir.path + "/lines.json"])
    try #require(r.status == 0, "\(r.stderr)")
    let out = try JSONDecoder().decode([Reading].self, from: Data(r.stdout.utf8))
    try #require(out.count == lines.count)
    return out
  }

  @Test func plainLinesAreReadQuicklyAndAsArgumentParserReadsThem() throws {
    let plain: [[String]] = [
      ["diff", "--format", "json", "--files", "vanha.md", "uusi.md"],
      ["diff", "v1", "v2"],
      ["diff", "v1", "v2", "päätös.md", "--stat"],
      ["diff", "--repo", "/srv/luonnokset", "v1", "v2", "-o", "muutokset.html"],
      ["diff", "v1", "--format=html", "v2", "--lang=sv", "--color", "always", "--no-pager"],
      ["diff", "v1", "v2", "--section", "2.1", "--budget", "100", "--exit-code"],
      ["diff", "--files", "a.md", "b.md", "--format", "json", "--context", "0", "--compact"],
      ["diff", "v1", "v2", "--output", "ändringar.json", "--context=3"],
      ["diff", "help", "v2"], ["diff", "log", "v2", "help"],  // words ArgumentParser reads as arguments here
    ]
    for (line, reading) in zip(plain, try readings(plain)) {
      #expect(reading.quick != nil, "left to ArgumentParser: \(line)")
      #expect(reading.quick == reading.full, "\(line)")
    }
  }

  /// The readings show every option's value, so comparing them compares the commands.
  @Test func theComparedReadingsCarryTheValues() throws {
    let r = try readings([
      ["diff", "--files", "a.md", "b.md", "--format", "json", "--context", "7", "--section", "4.2"],
      ["diff", "--files", "a.md", "b.md", "--format", "json", "--context", "8", "--section", "4.2"],
    ])
    let quick = try #require(r[0].quick)
    for value in ["a.md", "b.md", "json", "7", "4.2"] { #expect(quick.contains(value), "\(value) in \(quick)") }
    #expect(quick != r[1].full)
    #expect(r[1].quick == r[1].full)
  }

  @Test func anythingElseIsLeftToArgumentParser() throws {
    let other: [[String]] = [
      ["diff", "--help"], ["diff", "-h"], ["diff", "help"], ["diff", "v1"], ["diff", "a", "b", "c", "d"],
      ["diff", "--files", "a", "b", "c"], ["diff", "a", "b", "--context", "-1"], ["diff", "a", "b", "--format", "xml"],
      ["diff", "a", "b", "--stat", "--stat"], ["diff", "a", "b", "--format", "json", "--format", "html"],
      ["diff", "-", "b"], ["diff", "a", "b", "--", "c"], ["diff", "", "b"], ["diff", "a", "b", "--stat=true"],
      ["diff", "a", "b", "--compact"], ["diff", "a", "b", "-oout.json"], ["diff", "a", "b", "--budget", "x"],
      ["diff", "a", "b", "--context"], ["diff", "a", "b", "--section", ""], ["diff", "a", "b", "--bogus"],
      ["diff", "a", "b", "--output", "-"], ["diff", "a", "b", "--stat", "--context", "1"], ["log"], ["--version"],
      // A dash and a combining mark (or a joiner) is one character, not an option.
      ["diff", "-\u{301}o", "x.html", "a", "b"], ["diff", "-\u{200D}o", "x.html", "a", "b"],
      ["diff", "--\u{301}stat", "a", "b"], ["diff", "a", "b", "--format=\u{301}json"],
    ]
    for (line, reading) in zip(other, try readings(other)) {
      #expect(reading.quick == nil, "read quickly: \(line)")
    }
  }

  /// Generated lines: options in any order and form, good and bad values, too few or too
  /// many arguments. Whatever the quick reading takes, it reads as ArgumentParser does.
  @Test func generatedLinesReadTheSameBothWays() throws {
    var rng = SeededRandom(seed: 84)
    let values: [(String, [String])] = [
      ("--format", ["json", "html", "markdown", "terminal", "docx", "JSON", "x"]),
      ("--section", ["2.1", "3", "Johdanto", "§ 4", "=", "-1"]),
      ("--color", ["auto", "always", "never", "yes"]), ("--output", ["o.json", "o.html", "o.md", "out", "o.docx"]),
      ("-o", ["o.json", "ä.html"]), ("--budget", ["0", "100", "+5", "-1", "1e3", " 7"]),
      ("--context", ["0", "2", "-3", "x"]), ("--lang", ["fi", "sv", "en", "de", "FI"]), ("--repo", ["/tmp/r", "r"]),
    ]
    let flags = ["--stat", "--files", "--no-pager", "--exit-code", "--compact"]
    let positionals = ["v1", "v2", "HEAD~1", "WORKTREE", "päätös.md", "a b.md", "x=y"]
    var lines: [[String]] = []
    for _ in 0..<300 {
      var words: [[String]] = (0..<Int.random(in: 1...4, using: &rng)).map { _ in
        [positionals.randomElement(using: &rng)!]
      }
      for _ in 0..<Int.random(in: 0...4, using: &rng) {
        if Bool.random(using: &rng) {
          words.append([flags.randomElement(using: &rng)!])
        } else {
          let (name, choices) = values.randomElement(using: &rng)!
          let value = choices.randomElement(using: &rng)!
          words.append(name.hasPrefix("--") && Bool.random(using: &rng) ? ["\(name)=\(value)"] : [name, value])
        }
      }
      words.shuffle(using: &rng)
      lines.append(["diff"] + words.flatMap { $0 })
    }
    let r = try readings(lines)
    var quick = 0
    for (line, reading) in zip(lines, r) where reading.quick != nil {
      quick += 1
      #expect(reading.quick == reading.full, "\(line)")
    }
    #expect(quick >= 60, "only \(quick) of \(lines.count) generated lines were read quickly")
  }
}
