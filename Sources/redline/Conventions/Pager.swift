import Foundation
import RedlineKit

/// The pager a run's output is piped through, chosen like git's: `GIT_PAGER`, then the
/// repository's `core.pager`, then `PAGER`, else `less -FRX` (quits at once when the
/// text fits on one screen, keeps colours). An empty value or `cat` means no pager.
struct Pager {
  let command: String
  private(set) var started = false
  private var pid: pid_t = 0

  init(command: String) { self.command = command }

  /// The pager command, or nil when none should run.
  static func command(environment: [String: String], corePager: String?) -> String? {
    let chosen = environment["GIT_PAGER"] ?? corePager ?? environment["PAGER"] ?? "less -FRX"
    let trimmed = trimmingSpaces(chosen)
    return trimmed.isEmpty || trimmed == "cat" ? nil : trimmed
  }

  /// `s` without the spaces and tabs at either end: what Foundation's `.whitespaces` trims
  /// (tab, Unicode's space separators and, on Linux, the zero-width space), without
  /// Foundation's `NSString` round trip (a million instructions on each run's start).
  static func trimmingSpaces(_ s: String) -> String {
    func space(_ u: Unicode.Scalar) -> Bool {
      u == "\t" || u == "\u{200B}" || u.properties.generalCategory == .spaceSeparator
    }
    let scalars = s.unicodeScalars
    guard let first = scalars.firstIndex(where: { !space($0) }), let last = scalars.lastIndex(where: { !space($0) })
    else { return "" }
    return String(scalars[first...last])
  }

  /// Whether the pager can run. A command with no shell syntax whose program is not found
  /// (a name not on `PATH`, or a path that is not executable) cannot: output then goes to
  /// the terminal directly with a warning, as git does, instead of being lost.
  static func canRun(_ command: String, path: String?) -> Bool {
    let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+=,: ")
    guard command.unicodeScalars.allSatisfy({ plain.contains($0) }),
      let program = command.split(separator: " ").first.map(String.init)
    else { return true }
    if program.contains("/") { return access(program, X_OK) == 0 }
    return (path ?? "/usr/bin:/bin").split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
  }

  /// Spawns `/bin/sh -c COMMAND` reading a pipe, and points standard output at the pipe.
  /// When the pager cannot start, output goes to the terminal directly.
  mutating func start() {
    started = true
    var fds: [Int32] = [0, 0]
    guard pipe(&fds) == 0 else { return }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, fds[0], STDIN_FILENO)
    posix_spawn_file_actions_addclose(&actions, fds[0])
    posix_spawn_file_actions_addclose(&actions, fds[1])
    var env = ProcessInfo.processInfo.environment
    if env["LESS"] == nil { env["LESS"] = "FRX" }
    if env["LV"] == nil { env["LV"] = "-c" }
    let argv = ["/bin/sh", "-c", command]
    let envp = env.map { "\($0.key)=\($0.value)" }
    var child: pid_t = 0
    let rc = withCStrings(argv) { a in
      withCStrings(envp) { e in posix_spawn(&child, "/bin/sh", &actions, nil, a, e) }
    }
    pid = child
    close(fds[0])
    guard rc == 0 else {
      close(fds[1])
      return
    }
    // A pager quit early closes the pipe: writes then fail (EPIPE) and are dropped.
    signal(SIGPIPE, SIG_IGN)
    dup2(fds[1], STDOUT_FILENO)
    close(fds[1])
  }

  /// Closes the pipe so the pager sees the end, then waits for the person to quit it.
  func finish() {
    guard started, pid > 0 else { return }
    close(STDOUT_FILENO)
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
  }
}

/// Calls `body` with a NULL-terminated C array of the strings.
private func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
  let pointers = strings.map { strdup($0) } + [nil]
  defer { pointers.forEach { free($0) } }
  return body(pointers)
}
