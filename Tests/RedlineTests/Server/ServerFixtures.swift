import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import RedlineKit
import RedlineServer
import Testing

/// A demo drafts repository (v1, v2, v3 of the sample drafts) with three invited people.
struct ServedRepo {
  let dir: TempDir
  let site: Site
  let reader: String
  let reviewer: String
  let drafter: String

  var repo: String { dir.path + "/repo" }

  init() throws {
    dir = TempDir("serve")
    _ = try Demo.build(drafts: packageRoot + "/drafts", into: dir.path + "/repo")
    site = try Site(repoPath: dir.path + "/repo")
    let now = Int64(Date().timeIntervalSince1970)
    reader = try site.reviewers.add(name: "Riikka Lukija", email: "riikka@example.fi", role: .reader, now: now).1
    reviewer = try site.reviewers.add(name: "Aino Arvioija", email: "aino@example.fi", role: .reviewer, now: now).1
    drafter = try site.reviewers.add(name: "Liisa Valmistelija", email: "liisa@example.fi", role: .drafter, now: now).1
  }

  func app() -> some ApplicationProtocol {
    ReviewServer.application(ServerOptions(repo: repo), site: site, logger: quietLogger)
  }

  /// Number of commits on HEAD (git CLI: tests only).
  func commitCount() -> Int { Int(git(repo, "rev-list", "--count", "HEAD")) ?? -1 }

  /// The thread files in reviews/.
  func threadFiles() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: repo + "/reviews")) ?? []).filter { $0.hasSuffix(".jsonl") }
  }
}

/// A signed-in browser: its session cookie and the CSRF token derived from it.
struct Browser: Sendable {
  var cookie: String
  var csrf: String

  var headers: HTTPFields {
    var h = HTTPFields()
    h[.cookie] = "rl_session=\(cookie)"
    return h
  }

  func form(_ fields: [(String, String)]) -> (HTTPFields, ByteBuffer) {
    var h = headers
    h[.contentType] = "application/x-www-form-urlencoded"
    let allowed = CharacterSet.alphanumerics
    let body = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(
      separator: "&")
    return (h, ByteBuffer(string: body))
  }
}

extension TestClientProtocol {
  /// Signs in with a link's token; nil when the server refused it.
  func signIn(_ token: String) async throws -> Browser? {
    var h = HTTPFields()
    h[.contentType] = "application/x-www-form-urlencoded"
    return try await execute(uri: "/signin", method: .post, headers: h, body: ByteBuffer(string: "token=\(token)")) {
      r in
      guard r.status == .seeOther, let set = r.headers[.setCookie], set.hasPrefix("rl_session=") else { return nil }
      let value = String(set.dropFirst("rl_session=".count).prefix { $0 != ";" })
      return Browser(cookie: value, csrf: SHA256.hex("csrf:" + value))
    }
  }

  func get(_ uri: String, as b: Browser?) async throws -> (HTTPResponse.Status, String, HTTPFields) {
    try await execute(uri: uri, method: .get, headers: b?.headers ?? [:]) { r in
      (r.status, String(buffer: r.body), r.headers)
    }
  }

  func post(_ uri: String, as b: Browser, _ fields: [(String, String)]) async throws -> (
    HTTPResponse.Status, String, HTTPFields
  ) {
    let (h, body) = b.form(fields)
    return try await execute(uri: uri, method: .post, headers: h, body: body) { r in
      (r.status, String(buffer: r.body), r.headers)
    }
  }
}

/// Tests log only errors (one line per request would drown the test output).
let quietLogger: Logger = {
  var l = Logger(label: "redline.serve.test")
  l.logLevel = .error
  return l
}()
