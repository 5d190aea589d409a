import Foundation
import RedlineKit
import RedlineReport
import Synchronization

/// Where the command's standard output goes: the terminal or file directly, or a pager
/// started on the first write when standard output is a terminal.
enum Output {
  private struct State {
    var settings = Settings()
    var color: ColorMode = .auto
    var pageable = false
    var pager: Pager?
  }

  private static let state = Mutex(State())

  /// Whether standard output was a terminal when Redline started (before any pager).
  static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1

  /// The git-config settings of this run (loaded once the arguments are parsed). When they
  /// were left for later (`readSettingsLater`), waits for them; a value that could not be
  /// used leaves the defaults here, and `awaitSettings` reports it.
  static var settings: Settings {
    if let pending = pending.withLock({ $0 }), let settings = try? pending.wait() { return settings }
    return state.withLock { $0.settings }
  }

  /// The run's colour choice: `--color`, else `redline.color`, else auto.
  static var colorChoice: ColorMode { state.withLock { $0.color } }

  /// Sets up this run: its settings, and whether its output may go through a pager.
  static func configure(settings: Settings, display: DisplayOptions?, pagerCommand: String?) {
    state.withLock {
      $0.settings = settings
      $0.color = display?.color ?? settings.color ?? .auto
      $0.pageable = display.map { !$0.noPager } ?? false
      if $0.pageable, stdoutIsTerminal, let pagerCommand {
        if Pager.canRun(pagerCommand, path: ProcessInfo.processInfo.environment["PATH"]) {
          $0.pager = Pager(command: pagerCommand)
        } else {
          FileHandle.standardError.write(
            Data(
              ("redline: warning: cannot run the pager '\(TerminalText.oneLine(pagerCommand))' (not found); "
                + "writing directly\n").utf8))
        }
      }
    }
  }

  /// Leaves the settings to be read later, on a thread of their own, for a run whose only
  /// use of them comes after its work (decision 75): until then the defaults and the locale
  /// stand in. The run starts the read when a core has time to spare
  /// (`startReadingSettings`) and waits for it before it uses them (`awaitSettings`);
  /// `Redline.main` waits for a read under way before the process exits, so that `exit()`
  /// never runs while libgit2 starts (decision 64).
  static func readSettingsLater(display: DisplayOptions?, _ read: @escaping @Sendable () throws -> Settings) {
    let defaults = Settings(language: Settings.language(fromLocale: ProcessInfo.processInfo.environment) ?? .en)
    configure(settings: defaults, display: display, pagerCommand: nil)
    pending.withLock { $0 = PendingSettings(read) }
  }

  /// Starts reading the settings left for later (`readSettingsLater`), if any.
  static func startReadingSettings() { pending.withLock { $0 }?.start() }

  /// The settings left for later, read now if their read has not started, then waited for;
  /// throws the error reading them met (a `redline.lang` it cannot use).
  static func awaitSettings() throws { _ = try pending.withLock({ $0 })?.wait() }

  /// Waits for a read of the settings under way, if any; called before the process exits.
  static func settleSettings() { pending.withLock { $0 }?.settle() }

  private static let pending = Mutex<PendingSettings?>(nil)

  /// Starts the pager if this run pages and it has not started yet (call before writing).
  static func willWrite() {
    state.withLock { s in
      guard var p = s.pager, !p.started else { return }
      p.start()
      s.pager = p
    }
  }

  /// Closes standard output and waits for the pager to quit; call once, before exiting.
  static func finish() {
    let pager = state.withLock { s in
      let p = s.pager
      s.pager = nil
      return p
    }
    pager?.finish()
  }
}

/// Settings read on a thread of their own, once started (`Output.readSettingsLater`).
private final class PendingSettings: Sendable {
  private let read: @Sendable () throws -> Settings
  private let started = Mutex(false)
  private let result = Mutex<Result<Settings, any Error>?>(nil)
  private let done = DispatchGroup()

  init(_ read: @escaping @Sendable () throws -> Settings) { self.read = read }

  /// Starts the read on a new thread; once only.
  func start() {
    guard
      started.withLock({ s in
        defer { s = true }
        return !s
      })
    else { return }
    done.enter()
    let thread = Thread { [self] in
      // The lowest priority: the thread runs when a core has nothing else to do, and has
      // one to itself once the run waits for it. (On Linux a thread's nice value is its
      // own, and `0` names the calling thread.)
      #if os(Linux)
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
      #endif
      let r = Result { try read() }
      result.withLock { $0 = r }
      done.leave()
    }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// The settings (started if need be, then waited for), or the error reading them met;
  /// the same answer every time.
  func wait() throws -> Settings {
    start()
    done.wait()
    return try result.withLock { $0! }.get()
  }

  /// Waits for the read if it has started; does not start it.
  func settle() { done.wait() }
}
