import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import RedlineKit
import RedlineReport
import RedlineReview

/// How `redline serve` runs.
package struct ServerOptions: Sendable {
  package var repo: String
  package var host: String
  package var port: Int
  /// Honour `X-Forwarded-Proto` and `X-Forwarded-Host` (only behind a proxy you run).
  package var trustProxy: Bool

  package init(repo: String, host: String = "127.0.0.1", port: Int = 8080, trustProxy: Bool = false) {
    self.repo = repo
    self.host = host
    self.port = port
    self.trustProxy = trustProxy
  }
}

/// Largest request body accepted (a comment is at most 20,000 characters).
let maxBody = 256 * 1024

/// A request body as text, refused with 413 past `limit` bytes (read as it arrives).
func readBody(_ req: Request, limit: Int) async throws -> String {
  var bytes: [UInt8] = []
  for try await chunk in req.body {
    guard bytes.count + chunk.readableBytes <= limit else {
      throw PageError(status: .contentTooLarge, message: "The request is too large (at most \(limit / 1024) KiB).")
    }
    bytes += chunk.readableBytesView
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// Runs blocking work (libgit2, parsing, diffing) off the server's event loops.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
  try await withCheckedThrowingContinuation { cont in
    DispatchQueue.global().async {
      do { cont.resume(returning: try body()) } catch { cont.resume(throwing: error) }
    }
  }
}

/// Runs writes one after another without holding a thread while waiting: 50 reviewers
/// posting at once queue here, and readers keep the threads to answer pages.
actor WriteQueue {
  private var tail: Task<Void, Never>? = nil

  func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    let previous = tail
    let task = Task<T, any Error> {
      await previous?.value
      return try await blocking(body)
    }
    tail = Task { _ = try? await task.value }
    return try await task.value
  }
}

/// A page to send with a status (thrown by handlers, rendered by `Guard`).
struct PageError: Error {
  var status: HTTPResponse.Status
  var message: String
}

/// Builds the review site's Hummingbird application.
package enum ReviewServer {
  /// The application, ready to `runService()` (which stops cleanly on SIGINT and SIGTERM).
  package static func application(_ options: ServerOptions, site: Site, logger: Logger? = nil)
    -> some ApplicationProtocol
  {
    var log = logger ?? Logger(label: "redline.serve")
    if logger == nil { log.logLevel = .info }
    let router = Router(context: BasicRequestContext.self)
    router.middlewares.add(Guard(site: site, trustProxy: options.trustProxy, logger: log))
    Routes(site: site, trustProxy: options.trustProxy).register(on: router)
    return Application(
      router: router,
      configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port), serverName: nil),
      logger: log)
  }
}

extension HTTPField.Name {
  static let csp = HTTPField.Name("Content-Security-Policy")!
  static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
  static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
  static let frameOptions = HTTPField.Name("X-Frame-Options")!
  static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
  static let forwardedHost = HTTPField.Name("X-Forwarded-Host")!
  static let contentDisposition = HTTPField.Name("Content-Disposition")!
}

/// Per-request context the pages need: the person, the language, the CSRF token.
struct Visit: Sendable {
  var person: Reviewer?
  var session: String?
  var labels: Labels
  var setLangCookie: String?
  var secure: Bool

  /// The CSRF token of a session: derived from the session secret, so it needs no storage
  /// and changes with every sign-in.
  var csrf: String { session.map { SHA256.hex("csrf:" + $0) } ?? "" }

  func viewer(_ path: String) -> Viewer { Viewer(person: person, csrf: csrf, labels: labels, path: path) }

  static func make(_ request: Request, site: Site, trustProxy: Bool) -> Visit {
    let cookies = request.cookies
    var lang: Labels.Language? = nil
    var setLang: String? = nil
    if let q = request.uri.queryParameters["lang"], let l = Labels.Language(rawValue: String(q)) {
      lang = l
      setLang = l.rawValue
    } else if let c = cookies["lang"], let l = Labels.Language(rawValue: c.value) {
      lang = l
    } else if let accept = request.headers[.acceptLanguage] {
      for part in accept.split(separator: ",") {
        // A part may be only semicolons (`;`): nothing to read, never an index out of range.
        guard let tag = part.split(separator: ";").first else { continue }
        let code = tag.trimmingCharacters(in: .whitespaces).prefix(2).lowercased()
        if let l = Labels.Language(rawValue: code) {
          lang = l
          break
        }
      }
    }
    let session = cookies["rl_session"]?.value
    let now = Int64(Date().timeIntervalSince1970)
    let person = session.flatMap { site.reviewers.person(session: $0, now: now) }
    let secure = trustProxy && request.headers[.forwardedProto]?.lowercased() == "https"
    return Visit(
      person: person, session: person == nil ? nil : session, labels: Labels(lang ?? .fi), setLangCookie: setLang,
      secure: secure)
  }
}

/// Around every request: one log line, security headers, the language cookie, and an error
/// page (never a crash or a stack trace) for anything that goes wrong.
struct Guard: RouterMiddleware {
  typealias Context = BasicRequestContext
  let site: Site
  let trustProxy: Bool
  let logger: Logger

  static let csp =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; "
    + "frame-ancestors 'none'; base-uri 'none'"

  func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
    -> Response
  {
    let start = DispatchTime.now().uptimeNanoseconds
    var response: Response
    do {
      response = try await next(request, context)
    } catch {
      response = errorResponse(error, request: request)
    }
    if response.headers[.csp] == nil { response.headers[.csp] = Self.csp }
    response.headers[.contentTypeOptions] = "nosniff"
    response.headers[.referrerPolicy] = "no-referrer"
    response.headers[.frameOptions] = "DENY"
    if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
    if let q = request.uri.queryParameters["lang"], Labels.Language(rawValue: String(q)) != nil {
      response.setCookie(
        Cookie(
          name: "lang", value: String(q), maxAge: 365 * 86_400, path: "/", secure: false, httpOnly: true,
          sameSite: .strict))
    }
    let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    // The path only: query strings may carry tokens.
    logger.info(
      "\(request.method.rawValue) \(request.uri.path) \(response.status.code) \(String(format: "%.1f", ms)) ms")
    return response
  }

  func errorResponse(_ error: any Error, request: Request) -> Response {
    let visit = Visit.make(request, site: site, trustProxy: trustProxy)
    let l = visit.labels
    let status: HTTPResponse.Status
    let message: String
    switch error {
    case let e as PageError:
      status = e.status
      message = e.message
    case let e as RedlineError:
      status = Self.status(for: e)
      if case .review(.refused) = e {
        // Two people acted on the same thread from pages loaded before each other's change.
        message = l[.staleThread]
      } else {
        message = e.description
      }
    case let e as HTTPError:
      status = e.status
      switch e.status {
      case .notFound: message = l[.notFound]
      case .contentTooLarge: message = "The request is too large (at most \(maxBody / 1024) KiB)."
      default: message = e.body ?? e.status.reasonPhrase
      }
    default:
      status = .internalServerError
      message = "Something went wrong on the server; the change was not saved. Try again."
      logger.error("\(request.method.rawValue) \(request.uri.path): \(String(describing: error))")
    }
    // Language links on an error page after a post lead to the start page.
    let here = request.method == .get ? request.uri.path : "/"
    return Routes.html(Pages.error(visit.viewer(here), status: Int(status.code), message: message), status: status)
  }

  static func status(for e: RedlineError) -> HTTPResponse.Status {
    switch e {
    case .unknownRevision, .pathNotInRevision, .noDocument: return .notFound
    case .invalidArgument, .ambiguousDocument: return .badRequest
    case .review(.refused): return .conflict
    default: return .internalServerError
    }
  }
}
