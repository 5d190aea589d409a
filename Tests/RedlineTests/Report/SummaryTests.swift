import Foundation
import RedlineDiff
import RedlineKit
import RedlineReport
import RedlineReview
import Testing

@Suite struct SummaryTests {
  /// A small history with a rename, a deletion, an edit, and comments including hostile text.
  func fixture() throws -> (TempDir, SummaryInput) {
    let d = TempDir("summary")
    git(d.path, "init", "-q", "-b", "main")
    d.write(
      "doc.md",
      "# Päätös\n\n## 1 Laadukas elinympäristö\n\nElinympäristö on alueiden vetovoiman perusta ja se vaikuttaa asukkaisiin.\n\n## 2 Edellytykset\n\n- saavutettavuus\n- osallisuus\n\n## 3 Seuranta\n\nSeurantaa tehdään <b>vuosittain</b> ja tuloksista raportoidaan.\n"
    )
    git(d.path, "add", ".")
    git(d.path, "commit", "-qm", "v1")
    git(d.path, "tag", "v1")
    let r = try DraftRepository(path: d.path)
    let a = try r.addComment(
      revision: "v1", path: nil, block: "§1 ¶1", quote: nil, author: "Etelä-Savon liitto <k@e.fi>",
      message: "Nimeksi vetovoimainen.", commit: false)
    let b = try r.addComment(
      revision: "v1", path: nil, block: "§2 ¶2", quote: nil, author: "Suomen Kylät <s@k.fi>",
      message: "Säilyttäkää <script>alert('x')</script> osallisuus.", commit: false)
    _ = try r.addComment(
      revision: "v1", path: nil, block: "§3 ¶1", quote: nil, author: "Bo Björk <b@x.se>", message: "Bra.", commit: false
    )
    d.write(
      "doc.md",
      "# Päätös\n\n## 1 Vetovoimainen elinympäristö\n\nElinympäristö on alueiden kilpailukyvyn perusta ja se vaikuttaa asukkaisiin.\n\n## 2 Edellytykset\n\n- saavutettavuus\n\n## 3 Seuranta\n\nSeurantaa tehdään <b>vuosittain</b> ja tuloksista raportoidaan.\n"
    )
    git(d.path, "commit", "-qam", "v2", "--author", "Mikko Korhonen <m@tem.fi>")
    git(d.path, "tag", "v2")
    _ = try r.addEvent(
      to: a.id, kind: .resolve, author: "Mikko <m@tem.fi>", body: "Nimi muutettu.", disposition: .accepted, at: "v2",
      commit: false)
    _ = try r.addEvent(
      to: b.id, kind: .resolve, author: "Mikko <m@tem.fi>", body: "Luovuttiin <erillisistä> edellytyksistä.",
      disposition: .notAccepted, at: "v2", commit: false)
    let input = try r.summaryInput("v1", "v2", path: nil, now: 1_701_090_000)
    return (d, input)
  }

  @Test func everyChangedSectionAndEveryThreadAppears() throws {
    let (d, input) = try fixture()
    #expect(input.comments.threads.count == 3)
    #expect(input.new.authors == ["Mikko Korhonen"])
    for lang in Localization.Language.allCases {
      for format in SummaryRenderer.Format.allCases {
        let out = SummaryRenderer.render(input, language: lang, format: format)
        for s in input.diff.sections where !s.isUnchanged {
          let heading = s.new.map { input.diff.new.sections[$0].heading } ?? input.diff.old.sections[s.old!].heading
          #expect(out.contains(heading), "\(lang) \(format): section \(heading)")
        }
        let l = Localization(lang)
        for r in input.comments.threads {
          #expect(out.contains(r.thread!.opening.author.name))
          if let disp = r.thread!.disposition {
            #expect(out.contains(l.disposition(disp)), "\(lang) \(format) disposition")
          } else {
            #expect(out.contains(l.status(r.placement.status)), "\(lang) \(format) status")
          }
        }
        #expect(out.contains(l[.title]))
        #expect(out.contains(l[.structure]))
        let renamed = l.structure(
          .renamed, old: "1 Laadukas elinympäristö", new: "1 Vetovoimainen elinympäristö", related: "")
        #expect(out.contains(renamed), "\(lang) \(format): \(renamed)")
      }
    }
    withExtendedLifetime(d) {}
  }

  @Test func labelsAndDatesInEachLanguage() throws {
    let (d, input) = try fixture()
    let fi = SummaryRenderer.render(input, language: .fi, format: .markdown)
    let sv = SummaryRenderer.render(input, language: .sv, format: .markdown)
    let en = SummaryRenderer.render(input, language: .en, format: .markdown)
    #expect(fi.hasPrefix("# Muutosyhteenveto: Päätös"))
    #expect(sv.hasPrefix("# Sammanfattning av ändringarna: Päätös"))
    #expect(en.hasPrefix("# Summary of changes: Päätös"))
    #expect(fi.contains("**Käsittely:** huomioitu") && fi.contains("**Käsittely:** ei huomioitu"))
    #expect(sv.contains("**Behandling:** beaktad") && sv.contains("**Behandling:** inte beaktad"))
    #expect(en.contains("**Handling:** taken into account") && en.contains("**Handling:** not taken into account"))
    #expect(fi.contains("Lausuntopalautteen käsittely") && fi.contains("Lausunnonantaja"))
    #expect(
      sv.contains("Behandlingen av remissvaren") && sv.contains("Remissinstans") && sv.contains("Teckenförklaring"))
    // Dates as Finnish authorities write them, in every language.
    for out in [fi, sv, en] { #expect(out.contains("27.11.2023")) }
    for out in [fi, sv, en] {
      for name in ["partly_accepted", "not_accepted", "notAccepted", "partlyAccepted", "status_", "disposition_"] {
        #expect(!out.contains(name), "internal name \(name) shows")
      }
      // Bold renders only when `**` touches its text on both sides (CommonMark).
      for line in out.split(separator: "\n") {
        let parts = line.components(separatedBy: "**")
        for (i, p) in parts.enumerated() where i % 2 == 1 {
          #expect(p.first?.isWhitespace == false && p.last?.isWhitespace == false, "bold with a space: \(line)")
        }
      }
    }
    withExtendedLifetime(d) {}
  }

  @Test func textFromDocumentsAndCommentsIsEscaped() throws {
    let (d, input) = try fixture()
    let html = SummaryRenderer.render(input, language: .fi, format: .html)
    #expect(!html.contains("<script"))
    #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
    #expect(html.contains("&lt;b&gt;vuosittain&lt;/b&gt;"), "the commented block's text, escaped")
    #expect(!html.contains("<b>"))
    #expect(html.contains("Luovuttiin &lt;erillisistä&gt; edellytyksistä."))
    let md = SummaryRenderer.render(input, language: .fi, format: .markdown)
    #expect(!md.contains("<script"))
    #expect(md.contains("&lt;script&gt;"))
    withExtendedLifetime(d) {}
  }

  @Test func htmlIsSelfContainedAndAccessible() throws {
    let (d, input) = try fixture()
    let html = SummaryRenderer.render(input, language: .sv, format: .html)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    #expect(html.contains("<html lang=\"sv\">"))
    for external in ["http://", "https://", "src=", "@import", "url(", "<link", "<script", "<img", "<iframe"] {
      #expect(!html.contains(external), "no external reference: \(external)")
    }
    // Links only inside the page (the table of contents).
    #expect(html.components(separatedBy: "href=\"").dropFirst().allSatisfy { $0.hasPrefix("#") })
    #expect(html.contains("<nav class=\"toc\"") && html.contains("<a href=\"#s1\">") && html.contains("<h2 id=\"s1\">"))
    #expect(html.contains("<h1>") && html.contains("<h2 id=") && html.contains("<h3 id="))
    #expect(html.contains("<ins>") && html.contains("<del>"))
    #expect(html.contains("ins::before { content: \" [tillagt: \"; }"), "a non-colour cue for screen readers")
    #expect(html.contains("text-decoration: line-through") && html.contains("text-decoration: underline"))
    #expect(html.contains("@page { size: A4"))
    #expect(html.contains("<th scope=\"col\">"))
    withExtendedLifetime(d) {}
  }

  @Test func summaryCommandWritesAFile() throws {
    let (d, _) = try fixture()
    let out = d.path + "/yhteenveto.html"
    let r = run(
      redlineBinary, ["summary", "v1", "v2", "--lang", "fi", "--format", "html", "-o", out, "--repo", d.path])
    #expect(r.status == 0, "\(r.stderr)")
    let html = try String(contentsOfFile: out, encoding: .utf8)
    #expect(html.contains("Lausuntopalautteen käsittely"))
    let bad = run(redlineBinary, ["summary", "v1", "v9", "--repo", d.path])
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("no revision 'v9'"))
  }
}
