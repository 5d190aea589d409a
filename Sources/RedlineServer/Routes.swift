import Foundation
import HTTPTypes
import Hummingbird
import RedlineKit
import RedlineReport
import RedlineReview

/// The site's pages and form actions.
struct Routes: Sendable {
  let site: Site
  let trustProxy: Bool
  let writes = WriteQueue()

  static func html(_ s: String, status: HTTPResponse.Status = .ok) -> Response {
    var h = HTTPFields()
    h[.contentType] = "text/html; charset=utf-8"
    return Response(status: status, headers: h, body: ResponseBody(byteBuffer: ByteBuffer(string: s)))
  }

  static func redirect(_ to: String) -> Response {
    var h = HTTPFields()
    h[.location] = to
    return Response(status: .seeOther, headers: h)
  }

  func register(on router: Router<BasicRequestContext>) {
    router.get("/static/redline.css") { _, _ in Self.asset(Assets.css, type: "text/css; charset=utf-8") }
    router.get("/static/redline.js") { _, _ in Self.asset(Assets.script, type: "text/javascript; charset=utf-8") }
    router.get("/signin") { req, _ in try await signInPage(req) }
    router.post("/signin") { req, ctx in try await signIn(req, ctx) }
    router.post("/signout") { req, ctx in try await signOut(req, ctx) }
    router.get("/") { req, _ in try await versionsPage(req) }
    router.get("/version") { req, _ in try await versionPage(req) }
    router.get("/compare") { req, _ in try await comparePage(req) }
    router.get("/dashboard") { req, _ in try await dashboardPage(req) }
    router.get("/thread/:id") { req, ctx in try await threadPage(req, ctx) }
    router.get("/summary") { req, _ in try await summaryDownload(req) }
    router.post("/comment") { req, ctx in try await postComment(req, ctx) }
    router.post("/thread/:id/:action") { req, ctx in try await postEvent(req, ctx) }
  }

  static func asset(_ s: String, type: String) -> Response {
    var h = HTTPFields()
    h[.contentType] = type
    h[.cacheControl] = "max-age=300"
    return Response(status: .ok, headers: h, body: ResponseBody(byteBuffer: ByteBuffer(string: s)))
  }

  // MARK: Helpers

  func visit(_ req: Request) -> Visit { Visit.make(req, site: site, trustProxy: trustProxy) }

  /// The visit of a signed-in person, or the sign-in page.
  func signedIn(_ req: Request) throws -> (Visit, Reviewer) {
    let v = visit(req)
    guard let p = v.person else { throw PageError(status: .unauthorized, message: v.labels[.signInNeeded]) }
    return (v, p)
  }

  func q(_ req: Request, _ key: String) -> String? {
    guard let v = req.uri.queryParameters[Substring(key)], !v.isEmpty else { return nil }
    return String(v)
  }

  func pathWithQuery(_ req: Request) -> String {
    var pairs: [(String, String?)] = []
    for (k, v) in req.uri.queryParameters where k != "lang" { pairs.append((String(k), String(v))) }
    return req.uri.path + Pages.query(pairs)
  }

  /// A POST's form fields, after the size limit, the same-origin check, the session and its
  /// CSRF token, and the role: anything missing gives 401/403 and nothing is written.
  func form(_ req: Request, _ ctx: BasicRequestContext, need role: Role) async throws -> (Visit, Reviewer, Form) {
    try checkOrigin(req)
    let body = try await readBody(req, limit: maxBody)
    let v = visit(req)
    let form = try Form(body)
    guard let p = v.person else { throw PageError(status: .unauthorized, message: v.labels[.signInNeeded]) }
    guard let token = form["csrf"], Secrets.equal(token, v.csrf) else {
      throw PageError(status: .forbidden, message: v.labels[.badForm])
    }
    guard p.role >= role else { throw PageError(status: .forbidden, message: v.labels[.forbidden]) }
    return (v, p, form)
  }

  /// A browser's `Origin` on a POST must be this site (behind a trusted proxy, the
  /// forwarded host).
  func checkOrigin(_ req: Request) throws {
    guard let origin = req.headers[.origin], origin != "null" else { return }
    let host = (trustProxy ? req.headers[.forwardedHost] : nil) ?? req.head.authority ?? ""
    let originHost = origin.components(separatedBy: "://").last ?? origin
    guard originHost.lowercased() == host.lowercased() else {
      throw PageError(status: .forbidden, message: visit(req).labels[.badForm])
    }
  }

  // MARK: Sign-in

  func signInPage(_ req: Request) async throws -> Response {
    let v = visit(req)
    guard let token = q(req, "token"), Secrets.isTokenShaped(token) else {
      return Self.html(
        Pages.error(v.viewer("/signin"), status: 400, message: v.labels[.linkSpent]), status: .badRequest)
    }
    let now = Int64(Date().timeIntervalSince1970)
    let site = self.site
    guard let who = try await blocking({ site.reviewers.invited(token, now: now) }) else {
      return Self.html(
        Pages.error(v.viewer("/signin"), status: 403, message: v.labels[.linkSpent]), status: .forbidden)
    }
    return Self.html(Pages.signIn(v.viewer("/signin?token=" + token), token: token, who: who))
  }

  func signIn(_ req: Request, _ ctx: BasicRequestContext) async throws -> Response {
    try checkOrigin(req)
    let body = try await readBody(req, limit: 4096)
    let v = visit(req)
    let form = try Form(body)
    let site = self.site
    let token = form["token"] ?? ""
    let now = Int64(Date().timeIntervalSince1970)
    guard let session = try await blocking({ try site.reviewers.redeem(token, now: now)?.1 }) else {
      return Self.html(
        Pages.error(v.viewer("/signin"), status: 403, message: v.labels[.linkSpent]), status: .forbidden)
    }
    var r = Self.redirect("/")
    r.setCookie(
      Cookie(
        name: "rl_session", value: session, maxAge: Int(ReviewerStore.sessionLifetime), path: "/", secure: v.secure,
        httpOnly: true, sameSite: .strict))
    return r
  }

  func signOut(_ req: Request, _ ctx: BasicRequestContext) async throws -> Response {
    let (v, _, _) = try await form(req, ctx, need: .reader)
    if let s = v.session {
      let site = self.site
      try await blocking { try site.reviewers.endSession(s) }
    }
    var r = Self.redirect("/")
    r.setCookie(
      Cookie(name: "rl_session", value: "", maxAge: 0, path: "/", secure: v.secure, httpOnly: true, sameSite: .strict))
    return r
  }

  // MARK: Pages

  func versionsPage(_ req: Request) async throws -> Response {
    let v = visit(req)
    guard v.person != nil else { return Self.html(Pages.signInNeeded(v.viewer("/")), status: .unauthorized) }
    let site = self.site
    let doc = q(req, "doc")
    let (d, all, commits) = try await blocking { try site.versions(doc: doc) }
    return Self.html(Pages.versions(v.viewer(pathWithQuery(req)), doc: d, docs: all, commits: commits))
  }

  func versionPage(_ req: Request) async throws -> Response {
    let (v, _) = try signedIn(req)
    let site = self.site
    let rev = q(req, "rev") ?? "HEAD"
    let doc = q(req, "doc")
    let (ver, docs, report) = try await blocking {
      (try site.version(rev, doc: doc), try site.documents(at: rev), try site.report())
    }
    // Threads made on this very version, by the label they were made on; on the newest
    // version also every thread placed there.
    var threads: [String: [ThreadReport]] = [:]
    let isHead = ver.commit?.hex != nil && ver.commit?.hex == report.commit
    for t in report.threads {
      guard let a = t.thread?.anchor, a.path == ver.path else { continue }
      if a.commit == ver.commit?.hex {
        threads[a.label, default: []].append(t)
      } else if isHead, let b = t.placement.block, b < ver.document.blocks.count {
        threads[ver.document.blocks[b].label, default: []].append(t)
      }
    }
    return Self.html(Pages.version(v.viewer(pathWithQuery(req)), ver, docs: docs, threads: threads))
  }

  func comparePage(_ req: Request) async throws -> Response {
    let (v, _) = try signedIn(req)
    guard let from = q(req, "from"), let to = q(req, "to") else {
      throw PageError(status: .badRequest, message: "Choose two versions: /compare?from=v1&to=v2")
    }
    let site = self.site
    let doc = q(req, "doc")
    let language = v.labels.language
    let (c, body, docs, report) = try await blocking {
      let (c, body) = try site.comparison(from, to, doc: doc, language: language)
      // The chooser offers the documents both versions hold.
      let before = Set(try site.documents(at: from))
      return (c, body, try site.documents(at: to).filter { before.contains($0) }, try site.recentReport())
    }
    // Threads made on either version, by commit and label.
    var threads: [String: [ThreadReport]] = [:]
    for t in report.threads {
      guard let a = t.thread?.anchor, a.path == c.new.path || a.path == c.old.path, let commit = a.commit else {
        continue
      }
      threads[commit + "|" + a.label, default: []].append(t)
    }
    return Self.html(Pages.comparison(v.viewer(pathWithQuery(req)), c, diffBody: body, docs: docs, threads: threads))
  }

  func dashboardPage(_ req: Request) async throws -> Response {
    let (v, _) = try signedIn(req)
    let site = self.site
    let report = try await blocking { try site.report() }
    let f = Pages.Filter(status: q(req, "status"), section: q(req, "section"), respondent: q(req, "respondent"))
    return Self.html(Pages.dashboard(v.viewer(pathWithQuery(req)), report, filter: f))
  }

  static func checkID(_ s: String?) throws -> String {
    guard let s, !s.isEmpty, s.count <= 40,
      s.unicodeScalars.allSatisfy({ $0.isASCII && CharacterSet.alphanumerics.contains($0) })
    else { throw PageError(status: .notFound, message: "There is no such thread.") }
    return s
  }

  func threadPage(_ req: Request, _ ctx: BasicRequestContext) async throws -> Response {
    let (v, _) = try signedIn(req)
    let id = try Self.checkID(ctx.parameters.get("id"))
    let site = self.site
    guard let t = try await blocking({ try site.thread(id) }) else {
      throw PageError(status: .notFound, message: "There is no thread \(id).")
    }
    return Self.html(Pages.thread(v.viewer(pathWithQuery(req)), t))
  }

  func summaryDownload(_ req: Request) async throws -> Response {
    _ = try signedIn(req)
    guard let from = q(req, "from"), let to = q(req, "to") else {
      throw PageError(status: .badRequest, message: "Choose two versions: /summary?from=v1&to=v2")
    }
    let lang = Localization.Language(rawValue: q(req, "lang") ?? "fi") ?? .fi
    let md = q(req, "format") == "md"
    let site = self.site
    let doc = q(req, "doc")
    let text = try await blocking {
      try site.summary(from, to, doc: doc, language: lang, format: md ? .markdown : .html)
    }
    var h = HTTPFields()
    h[.contentType] = md ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8"
    let safe = { (s: String) in
      String(s.unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }
    h[.contentDisposition] =
      "attachment; filename=\"summary-\(safe(from))-\(safe(to))-\(lang.rawValue).\(md ? "md" : "html")\""
    var r = Response(status: .ok, headers: h, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    // The summary page carries its own stylesheet and no script.
    r.headers[.csp] = "default-src 'none'; style-src 'unsafe-inline'"
    return r
  }

  // MARK: Writes

  func postComment(_ req: Request, _ ctx: BasicRequestContext) async throws -> Response {
    let (_, p, f) = try await form(req, ctx, need: .reviewer)
    guard let rev = f["rev"] else { throw PageError(status: .badRequest, message: "The form has no version.") }
    let target: Site.Target
    if let b = f["block"] {
      target = .block(b, quote: f["quote"])
    } else if let s = f["section"] {
      target = .section(s)
    } else {
      throw PageError(status: .badRequest, message: "Say which paragraph or section the comment is on.")
    }
    let message = f["message"] ?? ""
    let doc = f["doc"]
    let site = self.site
    let t = try await writes.run { try site.comment(rev: rev, doc: doc, target: target, message: message, who: p) }
    return Self.redirect("/thread/\(t.id)")
  }

  func postEvent(_ req: Request, _ ctx: BasicRequestContext) async throws -> Response {
    let id = try Self.checkID(ctx.parameters.get("id"))
    let kind: ThreadEvent.Kind
    let role: Role
    switch ctx.parameters.get("action") {
    case "reply":
      kind = .reply
      role = .reviewer
    case "resolve":
      kind = .resolve
      role = .drafter
    case "reopen":
      kind = .reopen
      role = .drafter
    default: throw PageError(status: .notFound, message: "There is no such action.")
    }
    let (_, p, f) = try await form(req, ctx, need: role)
    var disposition: Disposition? = nil
    if kind == .resolve {
      guard let d = f["disposition"].flatMap(Disposition.init(lenient:)) else {
        throw PageError(status: .badRequest, message: "Choose how the comment was handled.")
      }
      disposition = d
    }
    let body = kind == .reply ? (f["message"] ?? "") : (f["reason"] ?? "")
    let site = self.site
    let how = disposition
    _ = try await writes.run { try site.event(id, kind: kind, body: body, disposition: how, who: p) }
    return Self.redirect("/thread/\(id)")
  }
}

/// `application/x-www-form-urlencoded` fields; the first value of each name wins.
struct Form: Sendable {
  var fields: [String: String] = [:]

  init(_ body: String) throws {
    for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
      let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
      guard let k = Self.decode(kv[0]), let v = Self.decode(kv.count > 1 ? kv[1] : "") else {
        throw PageError(status: .badRequest, message: "The form could not be read (bad encoding).")
      }
      if fields[k] == nil { fields[k] = v }
    }
  }

  static func decode(_ s: Substring) -> String? {
    s.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
  }

  subscript(_ key: String) -> String? {
    guard let v = fields[key], !v.isEmpty else { return nil }
    return v
  }
}
