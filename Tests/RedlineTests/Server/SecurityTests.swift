import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RedlineKit
import RedlineReview
import RedlineServer
import Testing

@Suite("Review server safety")
struct SecurityTests {
  static let evil = "<script>alert(\"x\")</script>"

  @Test func scriptInCommentHeadingAndAuthorStaysText() async throws {
    // A repository whose heading carries a script, in two versions.
    let d = TempDir("xss")
    git(d.path, "init", "-q", "-b", "main")
    d.write("doc.md", "# Päätös\n\n## 1 \(Self.evil) Otsikko\n\nEnsimmäinen kappale on tässä.\n\nToinen kappale.\n")
    git(d.path, "add", "doc.md")
    git(d.path, "commit", "-q", "-m", "v1")
    git(d.path, "tag", "v1")
    d.write(
      "doc.md",
      "# Päätös\n\n## 1 \(Self.evil) Otsikko\n\nEnsimmäinen kappale on nyt tässä \(Self.evil).\n\nToinen kappale.\n")
    git(d.path, "commit", "-q", "-am", "v2")
    git(d.path, "tag", "v2")
    let site = try Site(repoPath: d.path)
    let now = Int64(Date().timeIntervalSince1970)
    let token = try site.reviewers.add(name: "Aino", email: "aino@example.fi", role: .drafter, now: now).1
    // A thread written by the command line with a hostile author name.
    _ = try DraftRepository(path: d.path).addComment(
      revision: "v1", path: "doc.md", block: "§1 ¶1", quote: nil, author: "Mallory <m@example.fi>",
      message: "ok", commit: false)
    let store = try DraftRepository(path: d.path).reviewStore()
    let t = ReviewThread(
      id: "xssauthor", anchor: store.load().threads[0].anchor,
      events: [ThreadEvent(kind: .comment, time: now, author: Person(name: Self.evil, email: "m@x"), body: Self.evil)])
    _ = try store.create(t)
    try await ReviewServer.application(ServerOptions(repo: d.path), site: site, logger: quietLogger).test(.router) {
      client in
      let b = try #require(try await client.signIn(token))
      let (s, _, h) = try await client.post(
        "/comment", as: b, [("csrf", b.csrf), ("rev", "v2"), ("block", "§1 ¶1"), ("message", Self.evil)])
      #expect(s == .seeOther)
      let pages = [
        "/version?rev=v1", "/version?rev=v2", "/compare?from=v1&to=v2", "/dashboard", "/thread/xssauthor",
        try #require(h[.location]), "/",
      ]
      for uri in pages {
        let (status, page, _) = try await client.get(uri, as: b)
        #expect(status == .ok, "\(uri)")
        #expect(!page.contains("<script>alert"), "\(uri)")
        if uri != "/" { #expect(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"), "\(uri)") }
        // The only script element is the same-origin file.
        #expect(page.components(separatedBy: "<script").count == 2, "\(uri)")
      }
    }
  }

  @Test func urlsNeverReadOutsideTheRepository() async throws {
    let r = try ServedRepo()
    // A secret next to the repository and an uncommitted file inside its working tree.
    r.dir.write("secret.md", "# Salainen\n\nSALAISUUS-OUTSIDE\n")
    r.dir.write("repo/untracked.md", "# Luonnos\n\nSALAISUUS-UNTRACKED\n")
    let doc = Demo.documentPath
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.drafter))
      let attempts = [
        "/version?rev=../../../../etc/passwd",
        "/version?rev=v1&doc=../secret.md",
        "/version?rev=v1&doc=..%2Fsecret.md",
        "/version?rev=v1&doc=%2e%2e%2fsecret.md",
        "/version?rev=v1&doc=%252e%252e%252fsecret.md",
        "/version?rev=v1&doc=/etc/passwd",
        "/version?rev=v1&doc=untracked.md",
        "/version?rev=WORKTREE&doc=untracked.md",
        "/version?rev=WORKTREE",
        "/version?rev=HEAD:../secret.md",
        "/version?rev=v1:\(doc)",
        "/compare?from=v1&to=WORKTREE",
        "/compare?from=v1&to=v2&doc=../secret.md",
        "/summary?from=v1&to=v2&doc=..%2f..%2fsecret.md",
        "/thread/..%2F..%2Fsecret",
        "/thread/%2e%2e",
        "/static/..%2F..%2Fsecret.md",
        "/static/../../secret.md",
        "/../secret.md",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/version?rev=%00",
        "/version?rev=v1&doc=\(doc)%00.md",
      ]
      for uri in attempts {
        let (status, page, _) = try await client.get(uri, as: b)
        #expect([.badRequest, .notFound].contains(status), "\(uri): \(status)")
        #expect(!page.contains("SALAISUUS"), "\(uri)")
        #expect(!page.contains("root:x:"), "\(uri)")
      }
      // Comment writes name versions only through git too.
      let (s, _, _) = try await client.post(
        "/comment", as: b,
        [("csrf", b.csrf), ("rev", "WORKTREE"), ("doc", "untracked.md"), ("block", "§1 ¶1"), ("message", "x")])
      #expect(s == .badRequest)
      let (s2, _, _) = try await client.post("/thread/..%2Fx/reply", as: b, [("csrf", b.csrf), ("message", "x")])
      #expect(s2 == .notFound)
    }
    #expect(r.threadFiles().isEmpty)
  }

  @Test func badInputGetsAnErrorPageNotACrash() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      let b = try #require(try await client.signIn(r.drafter))
      for (uri, want) in [
        ("/compare?from=v1", HTTPResponse.Status.badRequest), ("/compare?from=v9&to=v2", .notFound),
        ("/thread/nonexistent", .notFound), ("/version?rev=" + String(repeating: "a", count: 5000), .badRequest),
        ("/signin?token=abc", .badRequest),
      ] {
        let (status, page, h) = try await client.get(uri, as: b)
        #expect(status == want, "\(uri)")
        #expect(page.contains("<h1>"), "\(uri)")
        #expect(h[.contentType]?.hasPrefix("text/html") == true)
      }
      // Broken form encoding, unknown disposition, empty comment.
      var (h, _) = b.form([])
      h[.contentType] = "application/x-www-form-urlencoded"
      try await client.execute(
        uri: "/comment", method: .post, headers: h, body: ByteBuffer(string: "csrf=\(b.csrf)&message=%zz")
      ) { res in
        #expect(res.status == .badRequest)
      }
      let (s1, _, _) = try await client.post(
        "/comment", as: b, [("csrf", b.csrf), ("rev", "v2"), ("block", "§1.1 ¶1"), ("message", "   ")])
      #expect(s1 == .badRequest)
      let (s2, _, _) = try await client.post(
        "/comment", as: b, [("csrf", b.csrf), ("rev", "v2"), ("block", "§99 ¶1"), ("message", "x")])
      #expect(s2 == .badRequest)
    }
    #expect(r.threadFiles().isEmpty)
  }

  /// A malformed Accept-Language (parts of only semicolons) once crashed the server for
  /// every visitor; now it is ignored and the server keeps answering.
  @Test func oddAcceptLanguageHeadersAreIgnoredNotFatal() async throws {
    let r = try ServedRepo()
    try await r.app().test(.router) { client in
      for value in [";", ";;", ",;,", " ; , sv;q=0.5"] {
        var h = HTTPFields()
        h[.acceptLanguage] = value
        try await client.execute(uri: "/", method: .get, headers: h) { res in
          #expect([.ok, .unauthorized, .seeOther, .found].contains(res.status), "\(value): \(res.status)")
        }
      }
      var h = HTTPFields()
      h[.acceptLanguage] = "sv"
      try await client.execute(uri: "/", method: .get, headers: h) { res in
        #expect(res.status != .internalServerError)
      }
    }
  }
}
