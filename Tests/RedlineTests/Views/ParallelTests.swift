import Foundation
import RedlineDiff
import RedlineDocument
import RedlineKit
import RedlineReport
import Testing

/// The Swedish sample draft against the Finnish one: in sync at v2, the planted drifts at v3.
@Suite struct ParallelTests {
  static let fi = "aluekehittamispaatos.md"
  static let sv = "regionutvecklingsbeslut.md"

  /// v1: Finnish only; v2: Finnish + the faithful Swedish translation; v3: Finnish v3 and
  /// the Swedish with one update (84 → 86 in §1.3 ¶2) and one planted year error (§3.2 ¶1).
  static func repo() throws -> (TempDir, DraftRepository) {
    let d = TempDir("parallel")
    git(d.path, "init", "-q", "-b", "main")
    let drafts = packageRoot + "/drafts/"
    let steps: [[(String, String)]] = [
      [("alke-v1.md", fi)], [("alke-v2.md", fi), ("regionutvecklingsbeslut.md", sv)],
      [("alke-v3.md", fi), ("regionutvecklingsbeslut.v3.md", sv)],
    ]
    let dates = ["2023-10-16T09:00:00+03:00", "2023-11-27T14:30:00+02:00", "2023-12-14T10:15:00+02:00"]
    for (i, files) in steps.enumerated() {
      for (src, dst) in files {
        d.writeBytes(dst, [UInt8](FileManager.default.contents(atPath: drafts + src)!))
        git(d.path, "add", dst)
      }
      let r = run(
        "/usr/bin/git", ["commit", "-qm", "v\(i + 1)"], cwd: d.path,
        env: ["GIT_AUTHOR_DATE": dates[i], "GIT_COMMITTER_DATE": dates[i]])
      #expect(r.status == 0, "\(r.stderr)")
      git(d.path, "tag", "v\(i + 1)")
    }
    return (d, try DraftRepository(path: d.path))
  }

  @Test func theFaithfulTranslationIsInSync() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let r = try repo.parallel(revision: "v2", finnish: Self.fi, swedish: Self.sv)
    #expect(r.findings.map { ParallelRenderer.describe($0) } == [])
    #expect(r.inSync)
    let fiDoc = try repo.load(Self.fi, at: "v2").document
    #expect(r.pairedBlocks == fiDoc.blocks.count)
  }

  @Test func everyPlantedDriftIsFound() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let r = try repo.parallel(revision: "v3", finnish: Self.fi, swedish: Self.sv)
    #expect(!r.inSync)
    #expect(r.base?.name == "v2")
    func has(_ k: ParallelFinding.Kind, fi: String?, sv: String? = nil) -> Bool {
      r.findings.contains { $0.kind == k && $0.fi.label == fi && (sv == nil || $0.sv.label == sv) }
    }
    // Finnish changed after the Swedish, paired across renumbering (fi §2.4 = sv §2.3, fi §6.3 = sv §6.2).
    #expect(has(.finnishChanged, fi: "§3.1.1 ¶8", sv: "§3.1.1 ¶6"))
    #expect(has(.finnishChanged, fi: "§2.4 ¶3", sv: "§2.3 ¶3"))
    #expect(has(.finnishChanged, fi: "§6.3 ¶2", sv: "§6.2 ¶2"))
    // The Swedish caught up in §1.3 ¶2 (84 → 86): no drift there.
    #expect(!r.findings.contains { $0.fi.label == "§1.3 ¶2" })
    // Sections only in Finnish.
    for s in ["§2.3", "§3.1.3", "§3.2.3", "§6.2", "§8", "§8.1", "§8.2", "§8.3"] {
      #expect(has(.onlyFinnish, fi: s), "\(s)")
    }
    // Paragraphs deleted from the Finnish remain only in Swedish.
    #expect(has(.onlySwedish, fi: nil, sv: "§3.3.2 ¶2"))
    #expect(has(.onlySwedish, fi: nil, sv: "§4.3 ¶4"))
    // Different numbers of list items.
    let lists = r.findings.filter { $0.kind == .listItems }
    #expect(lists.contains { $0.fi.label == "§1.2" && $0.fi.count == 7 && $0.sv.count == 6 })
    #expect(lists.contains { $0.fi.label == "§7" && $0.fi.count == 7 && $0.sv.count == 5 })
    #expect(lists.contains { $0.fi.label == "§4.3" && $0.fi.count == 2 && $0.sv.count == 3 })
    // Numbers: the planted year, the changed euro amounts, the changed date.
    let nums = r.findings.filter { $0.kind == .numbers }
    #expect(nums.contains { $0.fi.label == "§3.2 ¶1" && $0.fi.only == ["2023"] && $0.sv.only == ["2022"] })
    #expect(
      nums.contains {
        $0.fi.label == "§6.3 ¶2" && $0.fi.only.contains("95") && $0.sv.only.contains("90")
          && $0.sv.only.contains("12,0")
      })
    #expect(nums.contains { $0.fi.label == "§#42 ¶7" && $0.fi.only == ["14.12.2023"] })
  }

  @Test func noFalseAlarmOnThePartsInSync() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let r = try repo.parallel(revision: "v3", finnish: Self.fi, swedish: Self.sv)
    // Finnish blocks whose text did not change from v2 to v3 (and existed in v2).
    let d = Differ.diff(try repo.load(Self.fi, at: "v2").document, try repo.load(Self.fi, at: "v3").document)
    var unchanged: Set<String> = []
    for s in d.sections {
      for b in s.blocks where b.old != nil && b.new != nil && b.segments == nil {
        unchanged.insert(d.new.blocks[b.new!].label)
      }
    }
    #expect(unchanged.count > 80)
    let alarms = r.findings.filter { f in
      guard let l = f.fi.label, unchanged.contains(l) else { return false }
      return !(f.kind == .numbers && l == "§3.2 ¶1")  // the planted Swedish error
    }
    #expect(alarms.map { ParallelRenderer.describe($0) } == [])
  }

  @Test func outputsAndExitStatus() throws {
    let (dir, _) = try Self.repo()
    var r = run(redlineBinary, ["parallel", "v2", Self.fi, Self.sv, "--repo", dir.path])
    #expect(r.status == 0, "\(r.stderr)")
    #expect(r.stdout.contains("In sync"))
    r = run(redlineBinary, ["parallel", "v3", Self.fi, Self.sv, "--repo", dir.path, "--format", "json"])
    #expect(r.status == 1)
    let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
    #expect(json["schema"] as? String == "redline.parallel/1")
    #expect(json["in_sync"] as? Bool == false)
    r = run(redlineBinary, ["parallel", "v3", Self.fi, Self.sv, "--repo", dir.path, "--format", "html"])
    #expect(r.status == 1)
    #expect(r.stdout.hasPrefix("<!DOCTYPE html>") && r.stdout.contains("only in Finnish"))
    r = run(redlineBinary, ["parallel", "v1", Self.fi, Self.sv, "--repo", dir.path])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("redline: error: 'regionutvecklingsbeslut.md' is not in revision v1"))
  }

  @Test func summarySectionInThreeLanguages() throws {
    let (dir, repo) = try Self.repo()
    _ = dir
    let r = try repo.parallel(revision: "v3", finnish: Self.fi, swedish: Self.sv)
    #expect(ParallelRenderer.summarySection(r, language: "fi").hasPrefix("## Ruotsinkielisen version tilanne"))
    #expect(ParallelRenderer.summarySection(r, language: "sv").contains("inte à jour"))
    let ok = try repo.parallel(revision: "v2", finnish: Self.fi, swedish: Self.sv)
    #expect(ParallelRenderer.summarySection(ok, language: "en").contains("matches the Finnish version v2"))
  }
}

/// Numbers, dates, euro amounts and years in a language-neutral form.
@Suite struct NumbersTests {
  func values(_ s: String) -> [String] { Numbers.facts(s).map(\.value) }

  @Test func amountsDatesAndYearsNormalize() {
    #expect(values("1 000 000 €") == ["1000000"])
    #expect(values("1\u{00A0}000\u{00A0}000 euroa") == ["1000000"])
    #expect(values("1 milj. euroa") == ["1000000"])
    #expect(values("1,5 miljoonaa euroa") == values("1,5 miljoner euro"))
    #expect(values("16.10.2023") == ["2023-10-16"])
    #expect(values("16. lokakuuta 2023") == ["2023-10-16"])
    #expect(values("16 oktober 2023") == ["2023-10-16"])
    #expect(values("vuosille 2024–2027") == ["2024", "2027"])
    #expect(values("12,0") == values("12"))
    #expect(values("23.–24.8.2023") == values("23–24.8.2023"))
    #expect(values("laki (756/2021) ja 13 §") == ["756", "2021", "13"])
    #expect(values("ESR+ ja H2-talous") == [])
  }

  @Test func differencesAreMultisets() {
    let (a, b) = Numbers.difference("Lausuntoja saatiin 84 ja 84.", "Det kom in 84 utlåtanden och 86.")
    #expect(a == ["84"])
    #expect(b == ["86"])
    let same = Numbers.difference("Luonnos 28.11.2023.", "Utkast 28 november 2023.")
    #expect(same.onlyA.isEmpty && same.onlyB.isEmpty)
  }
}
