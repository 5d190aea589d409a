import Foundation
import RedlineKit
import RedlineReport
import Testing

/// `summary --parallel SV_PATH`: the consultation summary closes with the Swedish
/// version's status, in Finnish, Swedish and English, in every format.
@Suite struct SummaryParallelTests {
  static let fi = ParallelTests.fi
  static let sv = ParallelTests.sv
  /// A no-break space: a label is never broken at a line end.
  static let nb = "\u{00A0}"

  @Test func theSummaryEndsWithTheSwedishVersionsDrift() throws {
    let (dir, repo) = try ParallelTests.repo()
    let input = try repo.summaryInput("v2", "v3", path: Self.fi, now: 1_702_540_000, swedish: Self.sv)
    let status = try #require(input.swedish)
    #expect(status.base?.name == "v2" && !status.inSync)
    let titles: [Localization.Language: String] = [
      .fi: "Ruotsinkielisen version tilanne", .sv: "Den svenska versionens status",
      .en: "Status of the Swedish version",
    ]
    let kinds: [Localization.Language: [String]] = [
      .fi: [
        "Suomenkielinen teksti muuttunut käännöksen jälkeen (18 kappaletta)",
        "Vain suomenkielisessä versiossa (8 lukua ja 74 kappaletta)",
        "Luettelon kohtien määrä eroaa (6 lukua", "Numerot, päivämäärät tai rahamäärät eroavat (6 kappaletta",
      ],
      .sv: [
        "Den finska texten ändrad efter översättningen (18 stycken)",
        "Endast i den finska versionen (8 kapitel och 74 stycken)",
        "Olika antal listpunkter (6 kapitel", "Siffror, datum eller belopp skiljer sig (6 stycken",
      ],
      .en: [
        "Finnish text changed after the translation (18 paragraphs)",
        "Only in the Finnish version (8 sections and 74 paragraphs)",
        "Different number of list items (6 sections", "Numbers, dates or amounts differ (6 paragraphs",
      ],
    ]
    for lang in Localization.Language.allCases {
      for format in SummaryRenderer.Format.allCases {
        let out = SummaryRenderer.render(input, SummaryOptions(language: lang, format: format, width: 200))
        let title = try #require(titles[lang])
        #expect(out.contains(title), "\(lang) \(format)")
        // It closes the summary: after the consultation part, before the closing line.
        let at = try #require(out.range(of: title, options: .backwards))
        let comments = Localization(lang)[.comments]
        #expect(out.range(of: comments)!.lowerBound < at.lowerBound, "\(lang) \(format)")
        // (the text format wraps list items with a hanging indent)
        let tail = String(out[at.lowerBound...]).replacingOccurrences(of: "\n  ", with: " ")
        for k in kinds[lang]! { #expect(tail.contains(k), "\(lang) \(format): \(k)") }
        // The planted year, the funding table's amounts, the translator's own paragraphs.
        #expect(tail.contains("§3.2\(Self.nb)¶1 (2023 / 2022)"), "\(lang) \(format)")
        #expect(tail.contains("§6.3\(Self.nb)¶2 (95; 9,5; 2025; 9,5; 10,0; 2024 / 90; 12,0)"), "\(lang) \(format)")
        #expect(tail.contains("§1.2 (7 / 6)") && tail.contains("§5.3 (3 / 0)"), "\(lang) \(format)")
        #expect(tail.contains("§3.3.2\(Self.nb)¶2") && tail.contains("§4.3\(Self.nb)¶4"), "\(lang) \(format)")
        // Runs of paragraphs in one section are one range.
        #expect(tail.contains("§2.1\(Self.nb)¶5–¶9"), "\(lang) \(format)")
        // The Swedish caught up in §1.3 ¶2: it is not listed.
        #expect(!tail.contains("§1.3\(Self.nb)¶2"), "\(lang) \(format)")
        if format == .html {
          #expect(out.contains("<h2 id=") && tail.contains("<li><strong>"), "a real heading and list")
          #expect(out.contains("href=\"#") && out.contains(">\(title)</a>"), "in the table of contents")
        }
      }
    }
    // Without --parallel there is no such section.
    let plain = try repo.summaryInput("v2", "v3", path: Self.fi, now: 1_702_540_000)
    #expect(plain.swedish == nil)
    #expect(!SummaryRenderer.render(plain, language: .fi, format: .markdown).contains(titles[.fi]!))
    withExtendedLifetime(dir) {}
  }

  @Test func aSwedishVersionInStepSaysSo() throws {
    let (dir, repo) = try ParallelTests.repo()
    let input = try repo.summaryInput("v1", "v2", path: Self.fi, now: 1_701_090_000, swedish: Self.sv)
    let md = SummaryRenderer.render(input, language: .fi, format: .markdown)
    #expect(md.contains("## Ruotsinkielisen version tilanne"))
    #expect(md.contains("Ruotsinkielinen versio (regionutvecklingsbeslut.md) vastaa suomenkielistä versiota v2"))
    #expect(md.contains("119 kappaletta on verrattu, eikä eroja löytynyt."))
    let sv = SummaryRenderer.render(input, language: .sv, format: .markdown)
    #expect(sv.contains("Den svenska versionen (regionutvecklingsbeslut.md) motsvarar den finska versionen v2"))
    withExtendedLifetime(dir) {}
  }

  @Test func theCommandWritesItAndNamesAMissingSwedishFile() throws {
    let (dir, _) = try ParallelTests.repo()
    let out = dir.path + "/sammanfattning.html"
    var r = run(
      redlineBinary,
      ["summary", "v2", "v3", Self.fi, "--parallel", Self.sv, "--lang", "sv", "-o", out, "--repo", dir.path])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("<h2 id=") && html.contains("Den svenska versionens status"))
    #expect(html.contains("§3.2\(Self.nb)¶1 (2023 / 2022)"))
    // Out of sync is not an error for the summary: it is written, exit 0.
    r = run(redlineBinary, ["summary", "v2", "v3", Self.fi, "--parallel", "puuttuu.md", "--repo", dir.path])
    #expect(r.status == 2)
    #expect(r.stdout.isEmpty)
    #expect(r.stderr.hasPrefix("redline: error: 'puuttuu.md' is not in revision v3"), "\(r.stderr)")
    #expect(r.stderr.split(separator: "\n").count == 1)
  }
}
