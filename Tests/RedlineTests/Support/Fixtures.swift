import Foundation
import RedlineKit
import Testing

/// A temporary folder, removed when the value is released.
final class TempDir: @unchecked Sendable {
  let path: String

  init(_ name: String = "t") {
    path = NSTemporaryDirectory() + "redline-test-\(name)-\(UUID().uuidString.prefix(8))"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
    try? FileManager.default.removeItem(atPath: path + "-out")
  }

  func write(_ rel: String, _ text: String) {
    let url = URL(fileURLWithPath: path + "/" + rel)
    try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! Data(text.utf8).write(to: url)
  }

  func writeBytes(_ rel: String, _ bytes: [UInt8]) {
    let url = URL(fileURLWithPath: path + "/" + rel)
    try! FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try! Data(bytes).write(to: url)
  }
}

/// Result of running a program.
struct RunResult {
  var status: Int32
  var stdout: String
  var stderr: String
}

/// Runs a program and waits (tests only: fixtures are built with the real git CLI, and
/// the CLI tests run the built `redline` binary). `exactly`, when given, is the whole
/// environment, empty values kept (`env` adds to the test environment, and an empty value
/// there unsets the variable).
@discardableResult
func run(
  _ exe: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:],
  exactly: [String: String]? = nil
) -> RunResult {
  let p = Process()
  p.executableURL = URL(fileURLWithPath: exe)
  p.arguments = args
  if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
  p.environment = exactly ?? testEnvironment(env)
  let out = Pipe()
  let err = Pipe()
  p.standardOutput = out
  p.standardError = err
  try! p.run()
  // Read before waiting so a large output cannot block the child.
  let o = out.fileHandleForReading.readDataToEndOfFile()
  let r = err.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  return RunResult(
    status: p.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: r, as: UTF8.self))
}

/// Runs `git` in a folder and requires success.
@discardableResult
func git(_ dir: String, _ args: String...) -> String {
  let r = run("/usr/bin/git", Array(args), cwd: dir)
  #expect(r.status == 0, "git \(args.joined(separator: " ")) failed: \(r.stderr)")
  return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

/// A repository whose versions are committed at fixed past dates (v1 2020-01-01, v2 2020-02-01, …).
func datedRepo(_ versions: [String], file: String = "doc.md") -> (TempDir, DraftRepository) {
  let d = TempDir("trust")
  git(d.path, "init", "-q", "-b", "main")
  for (i, v) in versions.enumerated() {
    d.write(file, v)
    let date = "2020-0\(i + 1)-01T12:00:00+02:00"
    let env = ["GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date]
    #expect(run("/usr/bin/git", ["add", file], cwd: d.path, env: env).status == 0)
    #expect(run("/usr/bin/git", ["commit", "-qm", "v\(i + 1)"], cwd: d.path, env: env).status == 0)
    git(d.path, "tag", "v\(i + 1)")
  }
  return (d, try! DraftRepository(path: d.path))
}

/// A repository with three versions of `doc.md` (tags v1, v2, v3), a branch `luonnos`
/// and, in v3, `notes.txt` as a second document.
func threeVersionRepo() -> TempDir {
  let d = TempDir("repo")
  git(d.path, "init", "-q", "-b", "main")
  d.write("doc.md", "# Päätös\n\n## 1 Johdanto\n\nEnsimmäinen versio.\n")
  git(d.path, "add", ".")
  git(d.path, "commit", "-qm", "v1")
  git(d.path, "tag", "v1")
  d.write("doc.md", "# Päätös\n\n## 1 Johdanto\n\nToinen versio.\n")
  git(d.path, "commit", "-qam", "v2")
  git(d.path, "tag", "-a", "v2", "-m", "annotated")
  git(d.path, "branch", "luonnos")
  d.write("doc.md", "# Päätös\n\n## 1 Johdanto\n\nKolmas versio.\n")
  d.write("notes.txt", "1 Muistio\n\nTeksti.\n")
  git(d.path, "add", ".")
  git(d.path, "commit", "-qm", "v3")
  git(d.path, "tag", "v3")
  return d
}

/// The built `redline` binary, next to the test bundle.
var redlineBinary: String {
  let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
  for candidate in [dir, dir.deletingLastPathComponent()] {
    let p = candidate.appendingPathComponent("redline").path
    if FileManager.default.isExecutableFile(atPath: p) { return p }
  }
  return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/redline").path
}

/// The package's root folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent().path
