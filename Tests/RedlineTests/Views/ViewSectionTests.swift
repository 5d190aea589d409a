import Foundation
import RedlineKit
import RedlineReport
import Testing

/// `blame --section` and `parallel --section`: one section (and its subsections) of a long
/// document, as the demo shows them; terminal blame fits its line width.
@Suite struct ViewSectionTests {
  @Test func blameOfOneSectionAndItsSubsections() throws {
    let (dir, repo) = try ParallelTests.repo()
    let all = try repo.blame(revision: "v3", path: ParallelTests.fi)
    let part = try repo.blame(revision: "v3", path: ParallelTests.fi, section: "3.3")
    let expected = all.blocks.filter { $0.label.hasPrefix("§3.3 ") || $0.label.hasPrefix("§3.3.") }
    #expect(part.blocks.map(\.label) == expected.map(\.label))
    #expect(part.blocks.count == 18)
    #expect(part.blocks.first.map { ($0.label, part.versions[$0.version].name) } ?? ("", "") == ("§3.3 ¶1", "v2"))
    #expect(try repo.blame(revision: "v3", path: ParallelTests.fi, section: "§3.3").blocks.count == 18)
    #expect(throws: RedlineError.self) { try repo.blame(revision: "v3", path: ParallelTests.fi, section: "9") }
    // Terminal lines fit the width; the excerpt takes what the columns leave.
    for line in BlameRenderer.text(part, style: .plain, width: 80).split(separator: "\n") {
      #expect(line.count <= 80, "\(line)")
    }
    // Colour survives the terminal sanitizer (it used to show as a visible ␛[33m).
    let colored = BlameRenderer.text(part, style: .color, width: 80)
    #expect(TerminalText.sanitize(colored) == colored)
    #expect(colored.contains("\u{1B}[1m§3.3 ¶1"))
    let wide = BlameRenderer.text(part, style: .plain, width: 160)
    #expect(wide.contains("Vetovoimainen ja turvallinen elinympäristö on alueiden kilpailukyvyn perusta."))
    let r = run(redlineBinary, ["blame", "v3", ParallelTests.fi, "--section", "9", "--repo", dir.path])
    #expect(r.status == 2 && r.stderr.hasPrefix("redline: error: no section '9'"), "\(r.stderr)")
  }

  @Test func plainViewsWrapToTheTerminalKeepingIndents() {
    let text =
      "§2.1 ¶2 ↔ §2.1 ¶2  Finnish changed in v3 (Liisa Virtanen, 14.12.2023), after the Swedish (last changed in v2)\n"
      + "    Vihreän siirtymän investoinnit ovat muuttamassa Suomen taloudellista maantiedettä ja kääntävät rakennemuutoksen suunnan.\n"
      + "    | Rahoituslähde | Vuosi | Milj. euroa | Rahoituslähde | Vuosi | Milj. euroa | Rahoituslähde |\n"
    let out = TextWrap.wrapLines(text, width: 60)
    let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.filter { !$0.contains("|") }.allSatisfy { $0.count <= 60 })
    #expect(lines[1].hasPrefix("    ") && !lines[1].hasPrefix("     "), "a line without indent continues four in")
    #expect(
      lines.contains { $0.hasPrefix("    | Rahoituslähde") && $0.hasSuffix("Rahoituslähde |") }, "table rows stay whole"
    )
    #expect(
      out.replacingOccurrences(of: "\n    ", with: " ") == text.replacingOccurrences(of: "\n    ", with: " "),
      "no word lost")
    #expect(TextWrap.wrapLines(text, width: .max) == text)
  }

  @Test func parallelOfOneSection() throws {
    let (dir, repo) = try ParallelTests.repo()
    let all = try repo.parallel(revision: "v3", finnish: ParallelTests.fi, swedish: ParallelTests.sv)
    let two = try repo.parallel(revision: "v3", finnish: ParallelTests.fi, swedish: ParallelTests.sv, section: "2")
    #expect(two.section == "§2")
    #expect(!two.findings.isEmpty)
    #expect(two.findings.allSatisfy { ($0.fi.label ?? "").hasPrefix("§2") })
    #expect(
      two.findings.map(ParallelRenderer.describe)
        == all.findings.filter { ($0.fi.label ?? "").hasPrefix("§2.") || $0.fi.label == "§2" }.map(
          ParallelRenderer.describe))
    #expect(
      two.findings.contains { $0.kind == .finnishChanged && $0.fi.label == "§2.4 ¶3" && $0.sv.label == "§2.3 ¶3" })
    // A Swedish-only paragraph belongs to the Finnish section its Swedish section pairs with.
    let s = try repo.parallel(revision: "v3", finnish: ParallelTests.fi, swedish: ParallelTests.sv, section: "3.3")
    #expect(s.findings.contains { $0.kind == .onlySwedish && $0.sv.label == "§3.3.2 ¶2" })
    #expect(!s.findings.contains { $0.sv.label == "§4.3 ¶4" })
    // In step within a section: exit 0; out of step: 1; no such section: 2.
    var r = run(
      redlineBinary, ["parallel", "v3", ParallelTests.fi, ParallelTests.sv, "--section", "2", "--repo", dir.path])
    #expect(r.status == 1)
    #expect(
      r.stdout.hasPrefix(
        "Swedish regionutvecklingsbeslut.md against Finnish aluekehittamispaatos.md at v3, section §2 only"))
    r = run(
      redlineBinary, ["parallel", "v2", ParallelTests.fi, ParallelTests.sv, "--section", "2", "--repo", dir.path])
    #expect(r.status == 0, "\(r.stdout)")
    r = run(
      redlineBinary, ["parallel", "v3", ParallelTests.fi, ParallelTests.sv, "--section", "99", "--repo", dir.path])
    #expect(r.status == 2 && r.stderr.hasPrefix("redline: error: no section '99'"))
  }
}
