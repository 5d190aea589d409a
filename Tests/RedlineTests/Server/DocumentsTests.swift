import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RedlineKit
import RedlineReview
import RedlineServer
import Testing

/// The demo holds two documents from v2 on (the decision and its Swedish translation):
/// each page shows one, chosen by `doc` among the documents the version holds in git.
@Suite("Review server documents")
struct DocumentsTests {
  static let fi = Demo.documentPath
  static let sv = Demo.swedishPath

  @Test func pagesDefaultToTheFirstDocumentAndOfferTheOther() async throws {
    let r = try ServedRepo()
    #expect(try r.site.documents(at: "v2") == [Self.fi, Self.sv])
    #expect(try r.site.version("v2", doc: nil).path == Self.fi)
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reviewer))
      let (s1, versions, _) = try await client.get("/", as: b)
      #expect(s1 == .ok)
      #expect(versions.contains("<nav class=\"docs\""))
      #expect(versions.contains("<a href=\"/?doc=\(Self.sv)\">\(Self.sv)</a>"))
      let (s2, version, _) = try await client.get("/version?rev=v2", as: b)
      #expect(s2 == .ok)
      #expect(version.contains("<h1>\(Self.fi) · Versio v2</h1>"))
      #expect(version.contains("<a href=\"/version?rev=v2&amp;doc=\(Self.sv)\">\(Self.sv)</a>"))
      #expect(version.contains("<input type=\"hidden\" name=\"doc\" value=\"\(Self.fi)\">"))
      let (s3, swedish, _) = try await client.get("/version?rev=v2&doc=\(Self.sv)", as: b)
      #expect(s3 == .ok)
      #expect(swedish.contains("<h1>\(Self.sv) · Versio v2</h1>"))
      #expect(swedish.contains("<strong aria-current=\"page\">\(Self.sv)</strong>"))
      #expect(swedish.contains("<input type=\"hidden\" name=\"doc\" value=\"\(Self.sv)\">"))
      // v1 holds only the Finnish document: no chooser.
      let (s4, v1, _) = try await client.get("/version?rev=v1", as: b)
      #expect(s4 == .ok)
      #expect(!v1.contains("<nav class=\"docs\""))
      // The Swedish comparison, with the chooser keeping the versions.
      let (s5, cmp, _) = try await client.get("/compare?from=v2&to=v3&doc=\(Self.sv)", as: b)
      #expect(s5 == .ok)
      #expect(cmp.contains("<a href=\"/compare?from=v2&amp;to=v3&amp;doc=\(Self.fi)\">\(Self.fi)</a>"))
      #expect(cmp.contains("<input type=\"hidden\" name=\"doc\" value=\"\(Self.sv)\">"))
      #expect(cmp.contains("action=\"/comment\""))
      // A document the version does not hold is refused, never looked for on disk.
      let (s6, _, _) = try await client.get("/version?rev=v1&doc=\(Self.sv)", as: b)
      #expect(s6 == .badRequest)
      let (s7, missing, _) = try await client.get("/compare?from=v1&to=v2&doc=\(Self.sv)", as: b)
      #expect(s7.code >= 400 && s7.code < 500, "\(s7)")
      #expect(missing.contains("role=\"alert\""))
      // v1 → v2: only the Finnish document is in both, so no chooser.
      let (_, first, _) = try await client.get("/compare?from=v1&to=v2", as: b)
      #expect(!first.contains("<nav class=\"docs\""))
    }
  }

  @Test func commentOnTheSwedishDocumentIsAnchoredThere() async throws {
    let r = try ServedRepo()
    let v3 = try r.site.version("v3", doc: Self.sv)
    let block = try #require(v3.document.blocks.first { $0.section > 0 })
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reviewer))
      let (s, _, h) = try await client.post(
        "/comment", as: b,
        [
          ("csrf", b.csrf), ("rev", "v3"), ("doc", Self.sv), ("block", block.label),
          ("message", "Översättningen stämmer."),
        ])
      #expect(s == .seeOther)
      let url = try #require(h[.location])
      let (_, thread, _) = try await client.get(url, as: b)
      #expect(thread.contains("doc=\(Self.sv)"))
      // The Swedish version page shows the thread on its paragraph; the Finnish one does not.
      let (_, sv, _) = try await client.get("/version?rev=v3&doc=\(Self.sv)", as: b)
      #expect(sv.contains("href=\"\(url)\""))
      let (_, fi, _) = try await client.get("/version?rev=v3", as: b)
      #expect(!fi.contains("href=\"\(url)\""))
    }
    let report = try DraftRepository(path: r.repo).comments(at: "HEAD")
    #expect(report.threads.compactMap { $0.thread?.anchor.path } == [Self.sv])
  }

  @Test func comparisonSpeaksThePageLanguage() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reviewer))
      var seen: [String: String] = [:]
      for (lang, modified) in [("fi", "muutettu"), ("sv", "ändrad"), ("en", "modified")] {
        let (s, page, _) = try await client.get("/compare?from=v1&to=v2&lang=\(lang)", as: b)
        #expect(s == .ok)
        #expect(page.contains("<html lang=\"\(lang)\">"))
        #expect(page.contains("<div class=\"block modified\">"))
        #expect(page.contains(" · \(modified)"), "\(lang)")
        seen[lang] = page
      }
      #expect(!(seen["fi"] ?? "").contains(" · modified"))
      #expect(!(seen["sv"] ?? "").contains(" · modified"))
    }
  }

  @Test func mergedAndSplitBlocksGetCommentActions() async throws {
    // Two paragraphs merged into one, one paragraph split into two.
    let d = TempDir("merge")
    git(d.path, "init", "-q", "-b", "main")
    let a = "Ensimmäinen kappale kertoo alueiden kehittämisestä ja sen pitkän aikavälin tavoitteista."
    let b = "Toinen kappale jatkaa samasta aiheesta ja kertoo keinoista, joilla tavoitteisiin päästään."
    let c = "Rahoituksesta päätetään vuosittain valtion talousarviossa maakuntien esitysten pohjalta."
    let e = "Toteutumisen seurannasta raportoidaan työ- ja elinkeinoministeriölle kerran vuodessa."
    d.write("doc.md", "# Päätös\n\n## 1 Tavoitteet\n\n\(a)\n\n\(b)\n\n## 2 Rahoitus\n\n\(c) \(e)\n")
    git(d.path, "add", "doc.md")
    git(d.path, "commit", "-q", "-m", "v1")
    git(d.path, "tag", "v1")
    d.write("doc.md", "# Päätös\n\n## 1 Tavoitteet\n\n\(a) \(b)\n\n## 2 Rahoitus\n\n\(c)\n\n\(e)\n")
    git(d.path, "commit", "-q", "-am", "v2")
    git(d.path, "tag", "v2")
    let site = try Site(repoPath: d.path)
    let token = try site.reviewers.add(
      name: "Aino", email: "aino@example.fi", role: .reviewer, now: Int64(Date().timeIntervalSince1970)
    ).1
    try await ReviewServer.application(ServerOptions(repo: d.path), site: site, logger: quietLogger).test(.router) {
      client in
      let br = try #require(try await client.signIn(token))
      let (s, page, _) = try await client.get("/compare?from=v1&to=v2", as: br)
      #expect(s == .ok)
      #expect(page.contains("<div class=\"block merged\">"))
      #expect(page.contains("<div class=\"block split\">"))
      // Every block but the pointers ("moved to …") has its own form, right after its start.
      for piece in page.components(separatedBy: "<div class=\"block ").dropFirst() where !piece.hasPrefix("pointer") {
        #expect(piece.contains("\"><details class=\"act\">"), "\(piece.prefix(120))")
      }
      // The merged paragraph is commented on as the new one, and the comment lands there.
      #expect(page.contains("<summary>Kommentoi §1 ¶1 (v2)</summary>"))
      #expect(page.contains("<summary>Kommentoi §2 ¶1 (v2)</summary>"))
      let (s2, _, _) = try await client.post(
        "/comment", as: br,
        [("csrf", br.csrf), ("rev", "v2"), ("doc", "doc.md"), ("block", "§1 ¶1"), ("message", "Hyvä yhdistys.")])
      #expect(s2 == .seeOther)
    }
  }
}
