import Foundation
import RedlineKit
import Testing

/// `redline reviewers` and `redline serve` as people run them (the built binary).
@Suite("serve and reviewers commands")
struct ServeCommandTests {
  @Test func reviewersAddListRemove() throws {
    let d = TempDir("reviewers")
    _ = try Demo.build(drafts: packageRoot + "/drafts", into: d.path + "/repo")
    let repo = d.path + "/repo"
    let add = run(
      redlineBinary,
      [
        "reviewers", "add", "Aino Arvioija", "--email", "aino@example.fi", "--role", "drafter",
        "--url", "https://lausunnot.example.fi/", "--repo", repo,
      ])
    #expect(add.status == 0, "\(add.stderr)")
    let link = try #require(add.stdout.split(separator: "\n").last.map(String.init))
    #expect(
      link.range(of: #"^https://lausunnot\.example\.fi/signin\?token=[0-9a-f]{64}$"#, options: .regularExpression)
        != nil)
    let list = run(redlineBinary, ["reviewers", "list", "--repo", repo])
    #expect(list.stdout.contains("drafter") && list.stdout.contains("Aino Arvioija <aino@example.fi>"))
    #expect(list.stdout.contains("link not used yet"))
    #expect(!list.stdout.contains(String(link.suffix(64))))
    for bad in [["Bad <x>", "--email", "b@example.fi"], ["Bob", "--email", "not-an-address"]] {
      let r = run(redlineBinary, ["reviewers", "add"] + bad + ["--repo", repo])
      #expect(r.status == 2, "\(bad)")
      #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
    }
    let rm = run(redlineBinary, ["reviewers", "remove", "aino@example.fi", "--repo", repo])
    #expect(rm.status == 0)
    #expect(run(redlineBinary, ["reviewers", "list", "--repo", repo]).stdout.isEmpty)
    #expect(run(redlineBinary, ["reviewers", "remove", "aino@example.fi", "--repo", repo]).status == 2)
    #expect(git(repo, "status", "--porcelain").isEmpty)
  }

  @Test func serveRefusesABadRepositoryWithOneLine() {
    let r = run(redlineBinary, ["serve", "--repo", "/nonexistent-redline-repo"])
    #expect(r.status == 2)
    #expect(r.stderr.hasPrefix("redline: error:") && r.stderr.split(separator: "\n").count == 1)
  }

  /// One plain HTTP/1.1 GET on loopback; the response's text, or "" when nothing answers.
  static func get(port: Int, path: String) -> String {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return "" }
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    let ok = withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard ok == 0 else { return "" }
    let req = "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    _ = req.withCString { send(fd, $0, strlen($0), 0) }
    var out = [UInt8]()
    var buf = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = recv(fd, &buf, buf.count, 0)
      if n <= 0 { break }
      out += buf[0..<n]
    }
    return String(decoding: out, as: UTF8.self)
  }

  @Test func serveStopsCleanlyOnSIGINTAndSIGTERM() throws {
    let d = TempDir("serve-signal")
    _ = try Demo.build(drafts: packageRoot + "/drafts", into: d.path + "/repo")
    for signal in [SIGINT, SIGTERM] {
      let port = 20_000 + Int.random(in: 0..<20_000)
      let p = Process()
      p.executableURL = URL(fileURLWithPath: redlineBinary)
      p.arguments = ["serve", "--repo", d.path + "/repo", "--port", "\(port)"]
      let err = Pipe()
      p.standardError = err
      p.standardOutput = FileHandle.nullDevice
      try p.run()
      // Wait until it answers (bounded), then stop it.
      var up = false
      for _ in 0..<200 where !up {
        up = Self.get(port: port, path: "/static/redline.css").hasPrefix("HTTP/1.1 200")
        if !up { usleep(50_000) }
      }
      #expect(up, "server on \(port) did not answer")
      kill(p.processIdentifier, signal)
      let deadline = Date().addingTimeInterval(15)
      while p.isRunning && Date() < deadline { usleep(50_000) }
      if p.isRunning { p.terminate() }
      #expect(!p.isRunning)
      #expect(p.terminationStatus == 0, "signal \(signal)")
      let log = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      #expect(log.contains("GET /static/redline.css 200"), "\(log)")
    }
  }
}
