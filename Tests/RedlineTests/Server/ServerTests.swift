import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RedlineKit
import RedlineReview
import RedlineServer
import Testing

@Suite("Review server")
struct ServerTests {
  @Test func sha256MatchesKnownVectors() {
    #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(
      SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    #expect(
      SHA256.hex(String(repeating: "a", count: 1000))
        == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
  }

  @Test func reviewersAreStoredAsHashesOutsideTheTree() throws {
    let r = try ServedRepo()
    let file = try String(contentsOfFile: r.site.reviewers.file, encoding: .utf8)
    #expect(r.site.reviewers.file.hasPrefix(r.repo + "/.git/"))
    for t in [r.reader, r.reviewer, r.drafter] {
      #expect(t.count == 64)  // 256 bits
      #expect(!file.contains(t))
      #expect(file.contains(SHA256.hex(t)))
    }
    #expect(git(r.repo, "status", "--porcelain").isEmpty)
    var mode = stat()
    stat(r.site.reviewers.file, &mode)
    #expect(mode.st_mode & 0o077 == 0)
  }

  @Test func signInLinkWorksOnce() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let first = try await client.signIn(r.reviewer)
      #expect(first != nil)
      let second = try await client.signIn(r.reviewer)
      #expect(second == nil)
      let (status, page, _) = try await client.get("/", as: first)
      #expect(status == .ok)
      #expect(page.contains("Aino Arvioija"))
      // A made-up token of the right shape does nothing.
      #expect(try await client.signIn(String(repeating: "a", count: 64)) == nil)
    }
  }

  @Test func signInPageNamesThePersonWithoutSpendingTheLink() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let (s1, page, _) = try await client.get("/signin?token=\(r.drafter)", as: nil)
      #expect(s1 == .ok)
      #expect(page.contains("Liisa Valmistelija"))
      let (s2, _, _) = try await client.get("/signin?token=\(r.drafter)", as: nil)
      #expect(s2 == .ok)
      #expect(try await client.signIn(r.drafter) != nil)
      let (s3, spent, _) = try await client.get("/signin?token=\(r.drafter)", as: nil)
      #expect(s3 == .forbidden)
      #expect(!spent.contains("id=\"signin\""))
    }
  }

  @Test func forwardedHeadersCountOnlyWithTrustProxy() async throws {
    let r = try ServedRepo()
    var h = HTTPFields()
    h[.contentType] = "application/x-www-form-urlencoded"
    h[HTTPField.Name("X-Forwarded-Proto")!] = "https"
    h[HTTPField.Name("X-Forwarded-Host")!] = "lausunnot.example.fi"
    let forwarded = h
    let plain = ReviewServer.application(ServerOptions(repo: r.repo), site: r.site, logger: quietLogger)
    try await plain.test(.router) { client in
      try await client.execute(
        uri: "/signin", method: .post, headers: forwarded, body: ByteBuffer(string: "token=\(r.reader)")
      ) { res in
        #expect(res.status == .seeOther)
        #expect(res.headers[.setCookie]?.contains("Secure") == false)
      }
    }
    let proxied = ReviewServer.application(
      ServerOptions(repo: r.repo, trustProxy: true), site: r.site, logger: quietLogger)
    try await proxied.test(.router) { client in
      try await client.execute(
        uri: "/signin", method: .post, headers: forwarded, body: ByteBuffer(string: "token=\(r.reviewer)")
      ) { res in
        #expect(res.status == .seeOther)
        #expect(res.headers[.setCookie]?.contains("Secure") == true)
      }
      // Behind the proxy, a post whose Origin is the forwarded host is accepted; another is not.
      let b = try #require(try await client.signIn(r.drafter))
      var (fh, body) = b.form([("csrf", b.csrf), ("rev", "v2"), ("section", "§1"), ("message", "Hyvä.")])
      fh[.origin] = "https://lausunnot.example.fi"
      fh[HTTPField.Name("X-Forwarded-Host")!] = "lausunnot.example.fi"
      try await client.execute(uri: "/comment", method: .post, headers: fh, body: body) { res in
        #expect(res.status == .seeOther)
      }
      fh[.origin] = "https://evil.example"
      try await client.execute(uri: "/comment", method: .post, headers: fh, body: body) { res in
        #expect(res.status == .forbidden)
      }
    }
  }

  @Test func sessionCookieIsHttpOnlyStrictAndExpires() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      var h = HTTPFields()
      h[.contentType] = "application/x-www-form-urlencoded"
      try await client.execute(uri: "/signin", method: .post, headers: h, body: ByteBuffer(string: "token=\(r.reader)"))
      { res in
        let c = res.headers[.setCookie] ?? ""
        #expect(c.contains("HttpOnly"))
        #expect(c.contains("SameSite=Strict"))
        #expect(c.contains("Max-Age=43200"))
      }
    }
  }

  @Test func pagesNeedSignIn() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      for uri in ["/", "/version?rev=v1", "/compare?from=v1&to=v2", "/dashboard", "/summary?from=v1&to=v2"] {
        let (status, page, _) = try await client.get(uri, as: nil)
        #expect(status == .unauthorized, "\(uri)")
        #expect(!page.contains("Valtioneuvoston aluekehittämispäätös 2024"), "\(uri)")
      }
    }
  }

  @Test func securityHeadersOnEveryResponse() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reader))
      for uri in ["/", "/compare?from=v1&to=v2", "/nowhere", "/version?rev=nope"] {
        let (_, _, h) = try await client.get(uri, as: b)
        #expect(h[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true, "\(uri)")
        #expect(h[HTTPField.Name("Content-Security-Policy")!]?.contains("default-src 'none'") == true, "\(uri)")
        #expect(h[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(uri)")
        #expect(h[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(uri)")
      }
    }
  }

  @Test func pagesShowVersionsComparisonAndSummary() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reviewer))
      let (s1, versions, _) = try await client.get("/", as: b)
      #expect(s1 == .ok)
      for t in ["v1", "v2", "v3", "Liisa Virtanen", "Mikko Korhonen", "2023-10-16", "Toinen luonnos"] {
        #expect(versions.contains(t), "\(t)")
      }
      let (s2, version, _) = try await client.get("/version?rev=v2", as: b)
      #expect(s2 == .ok)
      #expect(version.contains("nav class=\"toc\""))
      #expect(version.contains("§1.1 ¶1"))
      #expect(version.contains("name=\"csrf\" value=\"\(b.csrf)\""))
      let (s3, compare, _) = try await client.get("/compare?from=v1&to=v2", as: b)
      #expect(s3 == .ok)
      #expect(compare.contains("<ins>") && compare.contains("<del>"))
      #expect(compare.contains("class=\"block "))
      #expect(compare.contains("action=\"/comment\""))
      // Every changed block on the page has its own comment form; deleted ones comment on v1.
      // Pointers ("§3 ¶2 moved to §5 ¶1") show no text and have none.
      let blocks =
        compare.components(separatedBy: "<div class=\"block ").count - 1
        - (compare.components(separatedBy: "<div class=\"block pointer\">").count - 1)
      let forms = compare.components(separatedBy: "action=\"/comment\"").count - 1
      #expect(blocks > 10 && forms == blocks, "\(blocks) blocks, \(forms) forms")
      #expect(compare.contains("<div class=\"block deleted\"><details class=\"act\"><summary>Kommentoi §"))
      #expect(compare.contains("(v1)</summary>"))
      for (lang, word) in [("fi", "Yhteenveto"), ("sv", "Sammanfattning"), ("en", "Summary")] {
        for format in ["html", "md"] {
          let (s, text, h) = try await client.get("/summary?from=v1&to=v2&lang=\(lang)&format=\(format)", as: b)
          #expect(s == .ok)
          #expect(h[HTTPField.Name("Content-Disposition")!]?.hasPrefix("attachment") == true)
          #expect(text.localizedCaseInsensitiveContains(word) || text.contains("v2"), "\(lang) \(format)")
        }
      }
    }
  }

  @Test func languageChoiceIsRememberedPerReader() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reader))
      let (_, page, h) = try await client.get("/?lang=sv", as: b)
      #expect(page.contains("<html lang=\"sv\">"))
      #expect(page.contains("Versioner"))
      #expect(h[.setCookie]?.contains("lang=sv") == true)
      var headers = b.headers
      headers[.cookie] = "rl_session=\(b.cookie); lang=en"
      try await client.execute(uri: "/dashboard", method: .get, headers: headers) { res in
        #expect(String(buffer: res.body).contains("Comment dashboard"))
      }
    }
    // The ministry's words in each language; every word translated.
    #expect([.comment, .reply, .resolve].map { Labels(.fi)[$0] } == ["Kommentoi", "Vastaa", "Ratkaise"])
    #expect([.comment, .reply, .respondent].map { Labels(.sv)[$0] } == ["Kommentera", "Svara", "Remissinstans"])
    #expect(Labels(.fi)[name: "partly_accepted"] == "Osittain huomioitu" && Labels(.en)[name: "other"] == "other")
    let same = Labels.Key.allCases.filter { Labels(.fi)[$0] == Labels(.en)[$0] || Labels(.sv)[$0] == Labels(.en)[$0] }
    #expect(same.count <= 2, "\(same)")
  }

  @Test func reviewFlowCommitsAsTheSignedInPerson() async throws {
    let r = try ServedRepo()
    let v2 = try r.site.version("v2", doc: nil)
    let block = try #require(v2.document.blocks.first { $0.section > 0 && $0.text.count > 80 })
    let phrase = String(block.text.split(separator: " ").prefix(4).joined(separator: " "))
    let before = r.commitCount()
    try await r.app().test(.router) { client in
      let aino = try #require(try await client.signIn(r.reviewer))
      let (s, _, h) = try await client.post(
        "/comment", as: aino,
        [("csrf", aino.csrf), ("rev", "v2"), ("block", block.label), ("message", "Lisätkää saavutettavuus.")])
      #expect(s == .seeOther)
      let threadURL = try #require(h[.location])
      #expect(threadURL.hasPrefix("/thread/"))
      #expect(git(r.repo, "log", "-1", "--format=%an <%ae>") == "Aino Arvioija <aino@example.fi>")
      // A phrase; words that are not in the paragraph are refused.
      let (s2, _, h2) = try await client.post(
        "/comment", as: aino,
        [("csrf", aino.csrf), ("rev", "v2"), ("block", block.label), ("quote", phrase), ("message", "Tämä sana.")])
      #expect(s2 == .seeOther)
      let (s3, bad, _) = try await client.post(
        "/comment", as: aino,
        [("csrf", aino.csrf), ("rev", "v2"), ("block", block.label), ("quote", "sanat joita ei ole"), ("message", "x")])
      #expect(s3 == .badRequest)
      #expect(bad.contains("not in paragraph"))
      let (_, phrasePage, _) = try await client.get(try #require(h2[.location]), as: aino)
      #expect(phrasePage.contains("<mark>"))
      // Reply, then the reviewer may not resolve.
      let (s4, _, _) = try await client.post(
        threadURL + "/reply", as: aino, [("csrf", aino.csrf), ("message", "Lisätietoa.")])
      #expect(s4 == .seeOther)
      let (s5, _, _) = try await client.post(
        threadURL + "/resolve", as: aino, [("csrf", aino.csrf), ("disposition", "accepted"), ("reason", "x")])
      #expect(s5 == .forbidden)
      // The drafter resolves as accepted; the dashboard shows it.
      let liisa = try #require(try await client.signIn(r.drafter))
      let (s6, _, _) = try await client.post(
        threadURL + "/resolve", as: liisa,
        [("csrf", liisa.csrf), ("disposition", "accepted"), ("reason", "Lisätty 5.1.")])
      #expect(s6 == .seeOther)
      #expect(git(r.repo, "log", "-1", "--format=%an") == "Liisa Valmistelija")
      // A second drafter on a stale page resolves again: 409 with words for the web, nothing written.
      let before = git(r.repo, "rev-parse", "HEAD")
      let (s6b, again, _) = try await client.post(
        threadURL + "/resolve", as: liisa, [("csrf", liisa.csrf), ("disposition", "noted"), ("reason", "Myöhässä.")])
      #expect(s6b == .conflict)
      #expect(again.contains("Lataa sivu uudelleen"))
      #expect(!again.contains("--change"))
      #expect(git(r.repo, "rev-parse", "HEAD") == before)
      let (_, thread, _) = try await client.get(threadURL, as: liisa)
      #expect(thread.contains("Lisätietoa."))
      #expect(thread.contains("Huomioitu"))
      #expect(thread.contains("Avaa uudelleen"))
      let (_, dash, _) = try await client.get("/dashboard?status=resolved", as: liisa)
      #expect(dash.contains("id=\"count-resolved\">1<"))
      #expect(dash.contains("<a href=\"/dashboard?status=resolved&respondent=Aino%20Arvioija\">1</a>"))
      #expect(dash.contains(String(threadURL.dropFirst("/thread/".count))))
      // The comparison shows the thread on its paragraph.
      let (_, cmp, _) = try await client.get("/compare?from=v1&to=v2", as: liisa)
      #expect(cmp.contains("href=\"\(threadURL)\""))
      let (s7, _, _) = try await client.post(
        threadURL + "/reopen", as: liisa, [("csrf", liisa.csrf), ("reason", "Ei sittenkään.")])
      #expect(s7 == .seeOther)
      // Section comment.
      let sec = v2.document.sections[1].label
      let (s8, _, _) = try await client.post(
        "/comment", as: aino, [("csrf", aino.csrf), ("rev", "v2"), ("section", sec), ("message", "Koko luku.")])
      #expect(s8 == .seeOther)
    }
    #expect(r.commitCount() == before + 6)
    #expect(r.threadFiles().count == 3)
    #expect(git(r.repo, "status", "--porcelain").isEmpty)
    // The CLI's review store reads what the site wrote.
    let report = try DraftRepository(path: r.repo).comments(at: "HEAD")
    #expect(report.threads.count == 3 && report.errors.isEmpty)
  }

  @Test func missingOrWrongCSRFIsRefusedAndWritesNothing() async throws {
    let r = try ServedRepo()
    let label = try r.site.version("v2", doc: nil).document.blocks[3].label
    let before = r.commitCount()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reviewer))
      let other = try #require(try await client.signIn(r.drafter))
      for fields in [
        [("rev", "v2"), ("block", label), ("message", "x")],
        [("csrf", "0000"), ("rev", "v2"), ("block", label), ("message", "x")],
        [("csrf", other.csrf), ("rev", "v2"), ("block", label), ("message", "x")],
      ] {
        let (s, page, _) = try await client.post("/comment", as: b, fields)
        #expect(s == .forbidden)
        #expect(page.contains("tarkiste"))
      }
      // A cross-site Origin is refused even with the right token.
      var (h, body) = b.form([("csrf", b.csrf), ("rev", "v2"), ("block", label), ("message", "x")])
      h[.origin] = "http://evil.example"
      try await client.execute(uri: "/comment", method: .post, headers: h, body: body) { res in
        #expect(res.status == .forbidden)
      }
    }
    #expect(r.commitCount() == before)
    #expect(r.threadFiles().isEmpty)
  }

  @Test func readerPostingIsRefusedAndWritesNothing() async throws {
    let r = try ServedRepo()
    let label = try r.site.version("v2", doc: nil).document.blocks[3].label
    let before = r.commitCount()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reader))
      let (_, page, _) = try await client.get("/version?rev=v2", as: b)
      #expect(!page.contains("action=\"/comment\""))
      let (s, _, _) = try await client.post(
        "/comment", as: b, [("csrf", b.csrf), ("rev", "v2"), ("block", label), ("message", "x")])
      #expect(s == .forbidden)
      // Nobody signed in: 401.
      var h = HTTPFields()
      h[.contentType] = "application/x-www-form-urlencoded"
      try await client.execute(uri: "/comment", method: .post, headers: h, body: ByteBuffer(string: "rev=v2&message=x"))
      { res in
        #expect(res.status == .unauthorized)
      }
    }
    #expect(r.commitCount() == before)
    #expect(r.threadFiles().isEmpty)
  }

  @Test func signOutEndsTheSession() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reviewer))
      #expect(try await client.post("/signout", as: b, []).0 == .forbidden)  // no CSRF token
      #expect(try await client.get("/", as: b).0 == .ok)
      #expect(try await client.post("/signout", as: b, [("csrf", b.csrf)]).0 == .seeOther)
      #expect(try await client.get("/", as: b).0 == .unauthorized)
    }
  }

  @Test func removedReviewerLosesTheirSession() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reviewer))
      #expect(try await client.get("/", as: b).0 == .ok)
      _ = try r.site.reviewers.remove("aino@example.fi")
      #expect(try await client.get("/", as: b).0 == .unauthorized)
    }
  }

  @Test func oversizedBodyGets413() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.reviewer))
      let (s, page, _) = try await client.post(
        "/comment", as: b, [("csrf", b.csrf), ("rev", "v2"), ("message", String(repeating: "a", count: 300_000))])
      #expect(s == .contentTooLarge)
      #expect(page.contains("<h1>"))
    }
    #expect(r.threadFiles().isEmpty)
  }
}
