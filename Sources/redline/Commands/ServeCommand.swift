import ArgumentParser
import Foundation
import Logging
import RedlineKit
import RedlineServer
import Synchronization

struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Serve the review site: read versions, see changes, comment in the browser.",
    discussion: """
      Everyone signs in with a one-time link from `redline reviewers add`. Comments, \
      replies and resolutions go to reviews/ and are committed through libgit2 with the \
      signed-in person as author, exactly as `redline comment --commit` does. The site \
      listens on loopback unless --host says otherwise; put a TLS proxy in front of it for \
      a team and pass --trust-proxy. Stop it with Ctrl-C (or SIGTERM): requests in flight \
      finish first.

      Example:
        redline reviewers add 'Aino Arvioija' --email aino@example.fi --role reviewer
        redline serve --repo drafts-repo --port 8080
      """)

  @OptionGroup var repository: RepositoryOptions
  @Option(name: .long, help: "Address to listen on (default: loopback only).") var host = "127.0.0.1"
  @Option(name: .long, help: "Port to listen on.") var port = 8080
  @Flag(name: .long, help: "Trust X-Forwarded-Proto and X-Forwarded-Host (only behind your own reverse proxy).")
  var trustProxy = false

  func validate() throws {
    guard (1...65535).contains(port) else { throw ValidationError("--port must be 1–65535") }
  }

  /// Runs the server on Swift concurrency while this (synchronous) command waits, so the
  /// root command can stay a plain `ParsableCommand`.
  func run() throws {
    let done = DispatchSemaphore(value: 0)
    let failure = Mutex<(any Error)?>(nil)
    Task {
      do { try await serve() } catch { failure.withLock { $0 = error } }
      done.signal()
    }
    done.wait()
    if let e = failure.withLock({ $0 }) { throw e }
  }

  func serve() async throws {
    let site: Site
    do {
      site = try Site(repoPath: repository.repo ?? FileManager.default.currentDirectoryPath)
    } catch {
      FileHandle.standardError.write(Data("redline: error: \(error.description)\n".utf8))
      throw ExitCode(2)
    }
    var logger = Logger(label: "redline.serve")
    logger.logLevel = .info
    logger.info("serving \(site.repoPath) on http://\(host):\(port)/")
    let app = ReviewServer.application(
      ServerOptions(repo: site.repoPath, host: host, port: port, trustProxy: trustProxy), site: site, logger: logger)
    do {
      try await app.runService()
    } catch {
      FileHandle.standardError.write(Data("redline: error: cannot serve on \(host):\(port): \(error)\n".utf8))
      throw ExitCode(2)
    }
  }
}
