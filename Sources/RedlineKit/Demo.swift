import Foundation
import RedlineGit
import RedlineReview

/// Builds the throwaway demo repository: one commit per sample draft version, tagged
/// `v1`, `v2`, … , all written through libgit2.
package enum Demo {
  /// The document's path inside the demo repository.
  package static let documentPath = "aluekehittamispaatos.md"

  /// The Swedish version's path inside the demo repository (and its drafts file name).
  package static let swedishPath = "regionutvecklingsbeslut.md"

  /// The version the Swedish translation was first committed with: `drafts/NAME.md` is
  /// the translation of that Finnish version; `drafts/NAME.vN.md` replaces it at vN.
  package static let swedishFrom = 2

  /// The Swedish file committed with version `number`, if any: the first translation at
  /// `swedishFrom`, a `NAME.vN.md` at vN.
  package static func swedishFile(in drafts: String, version number: Int) -> String? {
    let stem = drafts + "/" + swedishPath.dropLast(3)
    let candidates = number == swedishFrom ? [stem + ".v\(number).md", stem + ".md"] : [stem + ".v\(number).md"]
    return candidates.first { FileManager.default.fileExists(atPath: $0) }
  }

  /// True when the drafts folder holds a Swedish version the demo commits.
  package static func hasSwedish(in drafts: String) -> Bool {
    ((try? versions(in: drafts)) ?? []).contains { swedishFile(in: drafts, version: $0.number) != nil }
  }

  /// One sample version found in the drafts folder.
  package struct Version: Sendable {
    package var number: Int
    package var file: String
  }

  /// The `*-vN.md` files of a drafts folder, by version number.
  package static func versions(in drafts: String) throws(RedlineError) -> [Version] {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: drafts) else {
      throw .invalidArgument(
        "no drafts folder '\(drafts)'; run the demo from the Redline source folder, or pass --drafts DIR (and --reviews DIR)"
      )
    }
    var out: [Version] = []
    for n in names where n.hasSuffix(".md") {
      let stem = n.dropLast(3)
      guard let r = stem.range(of: "-v", options: .backwards), let num = Int(stem[r.upperBound...]) else { continue }
      out.append(Version(number: num, file: drafts + "/" + n))
    }
    guard !out.isEmpty else {
      throw .invalidArgument("no sample drafts (NAME-v1.md, NAME-v2.md, …) in '\(drafts)'; pass --drafts PATH")
    }
    return out.sorted { $0.number < $1.number }
  }

  /// Who wrote each version, when, and why (the story of the sample drafts).
  static let history: [(name: String, email: String, date: String, message: String)] = [
    (
      "Liisa Virtanen", "liisa.virtanen@tem.example", "2023-10-16T09:00:00+03:00",
      "Ensimmäinen luonnos lausuntokierrokselle"
    ),
    (
      "Mikko Korhonen", "mikko.korhonen@tem.example", "2023-11-27T14:30:00+02:00",
      "Toinen luonnos: lausuntopalaute huomioitu, painopisteet uudelleen järjestetty"
    ),
    (
      "Liisa Virtanen", "liisa.virtanen@tem.example", "2023-12-14T10:15:00+02:00",
      "AUNE-käsittelyn versio: seuranta ja rahoitus tarkennettu"
    ),
  ]

  /// Creates a repository at `folder` with one tagged commit per version; returns it.
  /// The Swedish version joins at `swedishFrom` and changes where the drafts say so.
  package static func build(drafts: String, into folder: String) throws(RedlineError) -> Repository {
    let versions = try versions(in: drafts)
    let repo: Repository
    do { repo = try Repository.create(at: folder) } catch { throw .git(error) }
    var swedish: Data?
    for (i, v) in versions.enumerated() {
      guard let data = FileManager.default.contents(atPath: v.file) else { throw .fileNotFound(path: v.file) }
      let h = history[min(i, history.count - 1)]
      let time = ISO8601DateFormatter().date(from: h.date).map { Int64($0.timeIntervalSince1970) } ?? Int64(i) * 86_400
      let offset = h.date.hasSuffix("+03:00") ? 180 : 120
      let sig = Signature(name: h.name, email: h.email, time: time, offsetMinutes: Int32(offset))
      let message = i < history.count ? h.message : "Versio \(v.number)"
      var changes = [FileChange(path: documentPath, content: [UInt8](data))]
      if let sv = swedishFile(in: drafts, version: v.number) {
        guard let svData = FileManager.default.contents(atPath: sv) else { throw .fileNotFound(path: sv) }
        changes.append(FileChange(path: swedishPath, content: [UInt8](svData)))
        swedish = svData
      }
      do {
        let id = try repo.commit(changes, message: message + "\n", author: sig)
        try repo.createTag("v\(v.number)", at: id)
      } catch {
        throw .git(error)
      }
    }
    // The working tree mirrors the last commit, so WORKTREE and `git status` agree.
    if let last = versions.last, let data = FileManager.default.contents(atPath: last.file) {
      _ = FileManager.default.createFile(atPath: folder + "/" + documentPath, contents: data)
    }
    if let swedish { _ = FileManager.default.createFile(atPath: folder + "/" + swedishPath, contents: swedish) }
    return repo
  }

  /// Copies the sample review threads (`*.jsonl`, `.gitattributes`) into the demo
  /// repository's reviews/ and commits them on top of the last version. Returns the count.
  @discardableResult
  package static func addReviews(from reviews: String, to repo: Repository) throws(RedlineError) -> Int {
    guard let root = repo.workdir else { return 0 }
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: reviews)) ?? [])
      .filter { $0.hasSuffix(".jsonl") || $0 == ".gitattributes" }.sorted()
    guard !names.isEmpty else { return 0 }
    try? FileManager.default.createDirectory(atPath: root + "reviews", withIntermediateDirectories: true)
    var changes: [FileChange] = []
    for n in names {
      guard let d = FileManager.default.contents(atPath: reviews + "/" + n) else {
        throw .fileNotFound(path: reviews + "/" + n)
      }
      do { try AtomicFile.write([UInt8](d), to: root + "reviews/" + n) } catch { throw .io(error.description) }
      changes.append(FileChange(path: "reviews/" + n, content: [UInt8](d)))
    }
    let time =
      ISO8601DateFormatter().date(from: "2023-12-14T12:00:00+02:00").map { Int64($0.timeIntervalSince1970) } ?? 0
    let sig = Signature(name: "Liisa Virtanen", email: "liisa.virtanen@tem.example", time: time, offsetMinutes: 120)
    do {
      try repo.commit(changes, message: "Lausuntokierroksen kommentit ja niiden käsittely\n", author: sig)
    } catch {
      throw .git(error)
    }
    return names.filter { $0.hasSuffix(".jsonl") }.count
  }
}
