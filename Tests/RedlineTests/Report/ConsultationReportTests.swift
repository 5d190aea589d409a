import Foundation
import RedlineKit
import RedlineReport
import RedlineReview
import Testing

/// The report a ministry publishes: document order, old section names, threads carried
/// from earlier rounds, grouping, the consultation part alone, tables, language marks,
/// and the format chosen from the file name.
@Suite struct ConsultationReportTests {
  static let v1 = """
    # Päätös

    ## 1 Laadukas elinympäristö

    Elinympäristö on alueiden vetovoiman perusta ja se vaikuttaa asukkaisiin.

    ## 2 Edellytykset

    - saavutettavuus
    - osallisuus

    ## 3 Rahoitus

    Rahoitus jakautuu seuraavasti.

    | Lähde | Milj. euroa |
    |---|---|
    | EAKR | 295 |

    ## 4 Seuranta

    Seurantaa tehdään vuosittain ja tuloksista raportoidaan.

    """

  struct Fixture {
    var dir: TempDir
    var repo: DraftRepository
    var ids: [String: String]
  }

  /// v1 with three responses (the last section's first); v2 renames §1 and changes the
  /// table, resolves one; a fourth response on v2; v3 edits §4 and resolves §4's response.
  func fixture() throws -> Fixture {
    let d = TempDir("consult")
    git(d.path, "init", "-q", "-b", "main")
    d.write("doc.md", Self.v1)
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v1")
    git(d.path, "tag", "v1")
    let r = try DraftRepository(path: d.path)
    var ids: [String: String] = [:]
    ids["obotnia"] = try r.addComment(
      revision: "v1", path: nil, block: "§4 ¶1", quote: nil, author: "Österbottens förbund <r@o.fi>",
      message: "Uppföljningen bör också göras på svenska och det är viktigt.", commit: false
    ).id
    ids["esavo"] = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: "Etelä-Savon liitto <k@e.fi>",
      message: "Nimeksi vetovoimainen elinympäristö.", commit: false
    ).id
    ids["kylat"] = try r.addComment(
      revision: "v1", path: nil, block: "§2 ¶2", quote: nil, author: "Suomen Kylät <s@k.fi>",
      message: "Osallisuus on säilytettävä.", commit: false
    ).id
    let v2 = Self.v1.replacingOccurrences(of: "1 Laadukas elinympäristö", with: "1 Vetovoimainen elinympäristö")
      .replacingOccurrences(of: "vetovoiman perusta", with: "kilpailukyvyn perusta")
      .replacingOccurrences(of: "| 295 |", with: "| 300 |")
      .replacingOccurrences(of: "## 2 Edellytykset", with: "## 2 Kehittämisen edellytykset")
      .replacingOccurrences(of: "- osallisuus\n", with: "")
      .replacingOccurrences(of: "## 4 Seuranta", with: "## 4 Seuranta ja arviointi")
    d.write("doc.md", v2)
    git(d.path, "commit", "-qam", "v2", "--author", "Mikko Korhonen <m@tem.fi>")
    git(d.path, "tag", "v2")
    _ = try r.addEvent(
      to: ids["esavo"]!, kind: .resolve, author: "Mikko <m@tem.fi>", body: "Nimi muutettu.", disposition: .accepted,
      at: "v2", commit: false)
    ids["kuntaliitto"] = try r.addComment(
      revision: "v2", path: nil, block: "§3 ¶1", quote: nil, author: "Kuntaliitto <k@kl.fi>",
      message: "Rahoitus on kuvattava tarkemmin.", commit: false
    ).id
    d.write("doc.md", v2.replacingOccurrences(of: "vuosittain", with: "kahdesti vuodessa"))
    git(d.path, "commit", "-qam", "v3", "--author", "Liisa Virtanen <l@tem.fi>")
    git(d.path, "tag", "v3")
    _ = try r.addEvent(
      to: ids["obotnia"]!, kind: .resolve, author: "Liisa <l@tem.fi>", body: "Seurannan kieli lisätään.",
      disposition: .partlyAccepted, at: "v3", commit: false)
    return Fixture(dir: d, repo: r, ids: ids)
  }

  func render(
    _ s: SummaryInput, _ lang: Localization.Language, _ f: SummaryRenderer.Format,
    by: SummaryOptions.Grouping = .section, commentsOnly: Bool = false
  ) -> String {
    SummaryRenderer.render(s, SummaryOptions(language: lang, format: f, grouping: by, commentsOnly: commentsOnly))
  }

  /// The part after the consultation heading.
  func commentsPart(_ md: String, _ heading: String) -> Substring {
    guard let r = md.range(of: "## " + heading + "\n") else { return "" }
    return md[r.upperBound...]
  }

  func order(_ text: Substring, _ names: [String]) -> Bool {
    let positions = names.map { text.range(of: $0)?.lowerBound }
    guard positions.allSatisfy({ $0 != nil }) else { return false }
    return zip(positions, positions.dropFirst()).allSatisfy { $0! < $1! }
  }

  @Test func responsesInDocumentOrderUnderTheNewSectionName() throws {
    let f = try fixture()
    let s = try f.repo.summaryInput("v1", "v2", path: nil, now: 1_701_090_000)
    let md = render(s, .fi, .markdown)
    let part = commentsPart(md, "Lausuntopalautteen käsittely")
    #expect(
      order(part, ["**Etelä-Savon liitto**", "**Suomen Kylät**", "**Kuntaliitto**", "**Österbottens förbund**"]),
      "document order, not date")
    #expect(part.contains("### 1 Vetovoimainen elinympäristö (aiemmin 1 Laadukas elinympäristö)"))
    #expect(
      md.contains("### 1 Vetovoimainen elinympäristö (aiemmin 1 Laadukas elinympäristö)\n\n*1 kappale muutettiin.*"))
    let sv = render(s, .sv, .markdown)
    #expect(sv.contains("### 1 Vetovoimainen elinympäristö (tidigare 1 Laadukas elinympäristö)"))
    // The table to scan lists the responses in the same order.
    let table = part[(part.range(of: "| Lausunnonantaja |")?.lowerBound ?? part.endIndex)...]
    #expect(order(table, ["Etelä-Savon liitto", "Suomen Kylät", "Österbottens förbund"]))
    withExtendedLifetime(f.dir) {}
  }

  /// Found by looking at the rendered sample: a response whose paragraph was deleted in a
  /// renamed section was listed under the old name as "(poistettu)"; a section only
  /// renamed said "Kappaleisiin ei tehty muutoksia."; the contents repeated old names.
  @Test func renamedSectionsReadRight() throws {
    let f = try fixture()
    let s = try f.repo.summaryInput("v1", "v2", path: nil, now: 1_701_090_000)
    let md = render(s, .fi, .markdown)
    let part = commentsPart(md, "Lausuntopalautteen käsittely")
    #expect(part.contains("### 2 Kehittämisen edellytykset (aiemmin 2 Edellytykset)\n\n**Suomen Kylät**"))
    #expect(!md.contains("(poistettu)"))
    #expect(md.contains("### 4 Seuranta ja arviointi (aiemmin 4 Seuranta)\n\n<a id="))
    #expect(!md.contains("Kappaleisiin ei tehty muutoksia."))
    #expect(md.contains("  - [4 Seuranta ja arviointi](#"))
    #expect(!md.contains("- [4 Seuranta ja arviointi (aiemmin"))
    withExtendedLifetime(f.dir) {}
  }

  @Test func openThreadsFromEarlierRoundsAreCarriedOnce() throws {
    let f = try fixture()
    let s = try f.repo.summaryInput("v2", "v3", path: nil, now: 1_701_090_000)
    let ids = Set(s.comments.threads.map(\.id))
    // Suomen Kylät (v1, still open) and Österbotten (v1, handled at v3) are carried;
    // Etelä-Savo (handled at v2) is not; Kuntaliitto is this round's.
    #expect(ids == [f.ids["kylat"]!, f.ids["obotnia"]!, f.ids["kuntaliitto"]!])
    #expect(s.carried == [f.ids["kylat"]!, f.ids["obotnia"]!])
    let md = render(s, .fi, .markdown)
    #expect(md.components(separatedBy: ", annettu versioon v1:").count == 3)
    #expect(md.components(separatedBy: "**Suomen Kylät**").count == 2, "each thread once")
    #expect(md.contains("**Käsittely:** osittain huomioitu"))
    #expect(!md.contains("Etelä-Savon liitto"))
    let en = render(s, .en, .markdown)
    #expect(en.contains(", given on version v1:"))
    withExtendedLifetime(f.dir) {}
  }

  @Test func byRespondentAndCommentsOnly() throws {
    let f = try fixture()
    let s = try f.repo.summaryInput("v1", "v2", path: nil, now: 1_701_090_000)
    let md = render(s, .fi, .markdown, by: .respondent)
    let part = commentsPart(md, "Lausuntopalautteen käsittely")
    #expect(order(part, ["### Etelä-Savon liitto", "### Suomen Kylät", "### Österbottens förbund"]))
    // Each respondent's entry names the section it is about.
    #expect(
      part.contains(
        "### Etelä-Savon liitto\n\n**§1 ¶1** 1 Vetovoimainen elinympäristö (aiemmin 1 Laadukas elinympäristö), "))
    #expect(!part.contains("**Etelä-Savon liitto**"), "the respondent is named once, in the heading")

    let only = render(s, .fi, .markdown, commentsOnly: true)
    #expect(only.hasPrefix("# Lausuntopalautteen käsittely: Päätös\n"))
    #expect(!only.contains("Rakenteen muutokset") && !only.contains("Muutokset luvuittain"))
    #expect(!only.contains("## Lausuntopalautteen käsittely"), "the title says it once")
    #expect(only.contains("## 1 Vetovoimainen elinympäristö (aiemmin 1 Laadukas elinympäristö)\n"))
    #expect(only.contains("## Lausuntopalaute taulukkona\n"))
    #expect(!only.contains("lukua muuttui") && !only.contains("luku muuttui"))
    #expect(only.contains("| Lausunnonantaja | Kohta | Käsittely | Perustelu |"))
    #expect(only.contains("4 lausunnonantajaa esitti huomioita 4 kohtaan."))
    let html = render(s, .sv, .html, commentsOnly: true)
    #expect(html.contains("<title>Behandlingen av remissvaren: Päätös</title>"))
    withExtendedLifetime(f.dir) {}
  }

  @Test func draftTablesAreTables() throws {
    let f = try fixture()
    let s = try f.repo.summaryInput("v1", "v2", path: nil, now: 1_701_090_000)
    let html = render(s, .fi, .html)
    #expect(
      html.contains(
        "<table class=\"doc\">\n<thead><tr><th scope=\"col\">Lähde</th><th scope=\"col\">Milj. euroa</th></tr></thead>")
    )
    #expect(html.contains("<tr><td>EAKR</td><td><del>295</del><ins>300</ins></td></tr>"))
    #expect(!html.contains("| Lähde |"))
    let md = render(s, .fi, .markdown)
    #expect(
      md.contains(
        "> **Muutettu** (§3 ¶2):\n>\n> | Lähde | Milj. euroa |\n> |---|---|\n> | EAKR | <del>295</del><ins>300</ins> |\n\n"
      ))
    #expect(!md.contains("\\|"))
    withExtendedLifetime(f.dir) {}
  }

  @Test func aPipeInsideACellStaysInTheCell() throws {
    let (d, r) = datedRepo(
      [
        "# T\n\n| Ohjelma | Milj. |\n|---|---|\n| EAKR \\| ESR+ | 1 |\n",
        "# T\n\n| Ohjelma | Milj. |\n|---|---|\n| EAKR \\| ESR+ | 2 |\n",
      ], file: "t.md")
    defer { withExtendedLifetime(d) {} }
    let s = try r.summaryInput("v1", "v2", path: nil, now: 0)
    let html = render(s, .fi, .html)
    #expect(html.contains("<tr><td>EAKR | ESR+</td><td><del>1</del><ins>2</ins></td></tr>"))
    let md = render(s, .fi, .markdown)
    #expect(md.contains("> | EAKR \\| ESR+ | <del>1</del><ins>2</ins> |"))
  }

  @Test func documentTextKeepsItsLanguage() throws {
    let f = try fixture()
    let s = try f.repo.summaryInput("v1", "v2", path: nil, now: 1_701_090_000)
    #expect(s.textLanguage == "fi")
    let sv = render(s, .sv, .html)
    #expect(sv.contains("<div class=\"text\" lang=\"fi\">"))
    #expect(
      sv.contains(
        "<h3 id=\"s3\"><span lang=\"fi\">1 Vetovoimainen elinympäristö</span> (tidigare <span lang=\"fi\">1 Laadukas elinympäristö</span>)</h3>"
      ))
    #expect(sv.contains("<p class=\"response\"><span lang=\"fi\"><em>Osallisuus on säilytettävä.</em></span></p>"))
    #expect(
      sv.contains("<p class=\"response\"><em>Uppföljningen"), "a Swedish response on a Swedish page is not marked")
    let fi = render(s, .fi, .html)
    #expect(fi.components(separatedBy: "lang=\"fi\"").count == 2, "only <html lang=fi> on a Finnish page")
    #expect(fi.contains("<p class=\"response\"><span lang=\"sv\"><em>Uppföljningen"))
    // Explicit text language wins.
    let de = try f.repo.summaryInput("v1", "v2", path: nil, now: 1_701_090_000, textLanguage: "de")
    #expect(render(de, .fi, .html).contains("<div class=\"text\" lang=\"de\">"))
    withExtendedLifetime(f.dir) {}
  }

  @Test func frontMatterLangDecidesTheTextLanguage() throws {
    let (d, r) = datedRepo(
      [
        "---\ntitle: Lag\nlang: sv\n---\n\n# Lag\n\n## 1 §\n\nDenna lag gäller.\n",
        "---\ntitle: Lag\nlang: sv\n---\n\n# Lag\n\n## 1 §\n\nDenna lag gäller från och med 2025.\n",
      ], file: "lag.md")
    defer { withExtendedLifetime(d) {} }
    let s = try r.summaryInput("v1", "v2", path: nil, now: 0)
    #expect(s.textLanguage == "sv")
    #expect(render(s, .fi, .html).contains("<div class=\"text\" lang=\"sv\">"))
    #expect(!render(s, .sv, .html).contains("<div class=\"text\" lang="))
  }

  @Test func summaryCommandChoosesTheFormatAndChecksItsOptions() throws {
    let f = try fixture()
    let p = f.dir.path
    let md = run(redlineBinary, ["summary", "v1", "v2", "--lang", "sv", "-o", p + "/s.md", "--repo", p])
    #expect(md.status == 0, "\(md.stderr)")
    #expect(
      try String(contentsOfFile: p + "/s.md", encoding: .utf8).hasPrefix("# Sammanfattning av ändringarna: Päätös"))
    let html = run(redlineBinary, ["summary", "v1", "v2", "-o", p + "/s.html", "--repo", p])
    #expect(html.status == 0)
    let page = try String(contentsOfFile: p + "/s.html", encoding: .utf8)
    #expect(
      page.hasPrefix("<!DOCTYPE html>") && page.contains("<html lang=\"en\">"),
      "English until git config says otherwise")
    let forced = run(redlineBinary, ["summary", "v1", "v2", "--format", "html", "-o", p + "/s2.md", "--repo", p])
    #expect(forced.status == 0)
    #expect(try String(contentsOfFile: p + "/s2.md", encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    let json = run(redlineBinary, ["summary", "v1", "v2", "-o", p + "/s.json", "--repo", p])
    #expect(
      json.status == 2 && json.stderr.hasPrefix("redline: error: ") && json.stderr.split(separator: "\n").count == 1)
    #expect(!FileManager.default.fileExists(atPath: p + "/s.json"))
    let badLang = run(redlineBinary, ["summary", "v1", "v2", "--text-lang", "<script>", "--repo", p])
    #expect(badLang.status == 2 && badLang.stderr.split(separator: "\n").count == 1)
    let narrow = run(
      redlineBinary, ["summary", "v1", "v2", "--lang", "fi", "--format", "text", "--by", "respondent", "--repo", p],
      env: ["COLUMNS": "40"])
    #expect(narrow.status == 0)
    #expect(narrow.stdout.contains("Lausuntopalautteen käsittely"))
    for line in narrow.stdout.split(separator: "\n") { #expect(TextWrap.columns(line) <= 40, "\(line)") }
    withExtendedLifetime(f.dir) {}
  }

  @Test func outlineSpeaksTheReadersLanguage() throws {
    let f = try fixture()
    let fi = run(redlineBinary, ["outline", "v1", "--lang", "fi", "--repo", f.dir.path])
    #expect(fi.status == 0, "\(fi.stderr)")
    #expect(fi.stdout.contains("· rivi 3  · ¶1: 1 kappale"))
    #expect(fi.stdout.contains("¶1–¶2: 2 luettelokohtaa"))
    let sv = run(redlineBinary, ["outline", "v1", "--lang", "sv", "--repo", f.dir.path])
    #expect(sv.stdout.contains("· rad 3  · ¶1: 1 stycke"))
    #expect(sv.stdout.contains("¶1–¶2: 1 stycke, 1 tabell"))
    withExtendedLifetime(f.dir) {}
  }
}
