import Foundation

/// A started program whose output is being collected; `wait()` returns its result.
final class Started: @unchecked Sendable {
  private let process: Process
  private let out = Pipe()
  private let err = Pipe()

  init(_ exe: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:]) {
    process = Process()
    process.executableURL = URL(fileURLWithPath: exe)
    process.arguments = args
    if let cwd { process.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    process.environment = testEnvironment(env)
    process.standardOutput = out
    process.standardError = err
    try! process.run()
  }

  /// Reads both outputs to the end, then waits for the exit status.
  func wait() -> RunResult {
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let r = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return RunResult(
      status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self),
      stderr: String(decoding: r, as: UTF8.self))
  }
}

/// Runs every invocation at the same time: all are started before any is waited for.
func runAll(_ exe: String, _ invocations: [[String]], cwd: String? = nil) -> [RunResult] {
  let started = invocations.map { Started(exe, $0, cwd: cwd) }
  return started.map { $0.wait() }
}

/// Runs a program with a pseudo-terminal as its standard output (through `script` from
/// util-linux), so `isatty(1)` is true in the child. The result's stdout is what the
/// terminal showed, with its CR LF line ends turned back into LF; stderr goes there too.
/// Unless `env` says otherwise, the terminal is a colour `xterm`, `NO_COLOR` and `GIT_PAGER`
/// are unset and `PAGER` is `cat`, whatever the environment running the tests has.
func runInTerminal(_ exe: String, _ args: [String], cwd: String? = nil, env: [String: String] = [:]) -> RunResult {
  let env = ["TERM": "xterm-256color", "NO_COLOR": "", "GIT_PAGER": "", "PAGER": "cat"].merging(env) { $1 }
  let command = ([exe] + args).map(shellQuoted).joined(separator: " ")
  let p = Process()
  p.executableURL = URL(fileURLWithPath: "/usr/bin/script")
  p.arguments = ["-qec", command, "/dev/null"]
  if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
  p.environment = testEnvironment(env)
  let out = Pipe()
  p.standardOutput = out
  p.standardError = FileHandle.nullDevice
  p.standardInput = FileHandle.nullDevice
  try! p.run()
  let o = out.fileHandleForReading.readDataToEndOfFile()
  p.waitUntilExit()
  let text = String(decoding: o, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
  return RunResult(status: p.terminationStatus, stdout: text, stderr: "")
}

/// `s` quoted for /bin/sh.
func shellQuoted(_ s: String) -> String {
  "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// The environment every test run gets: no user or system git config, a fixed identity,
/// plus `extra` (a value of "" removes the variable).
func testEnvironment(_ extra: [String: String]) -> [String: String] {
  var e = ProcessInfo.processInfo.environment
  e["GIT_CONFIG_GLOBAL"] = "/dev/null"
  e["GIT_CONFIG_NOSYSTEM"] = "1"
  e["GIT_AUTHOR_NAME"] = "Testi Tekijä"
  e["GIT_AUTHOR_EMAIL"] = "testi@example.fi"
  e["GIT_COMMITTER_NAME"] = "Testi Tekijä"
  e["GIT_COMMITTER_EMAIL"] = "testi@example.fi"
  // The reader's language follows the locale: tests start from a neutral one.
  e["LANG"] = "C.UTF-8"
  e["LC_ALL"] = nil
  e["LC_MESSAGES"] = nil
  for (k, v) in extra {
    if v.isEmpty { e[k] = nil } else { e[k] = v }
  }
  return e
}
