import Foundation
import RedlineKit
import RedlineReport
import RedlineReview
import Synchronization

/// Where the command's standard output goes: the terminal or file directly, or a pager
/// started on the first write when standard output is a terminal.
enum Output {
  private struct State {
    var settings = Settings()
    var color: ColorMode = .auto
    /// `--color`, when given.
    var colorOption: ColorMode?
    var pageable = false
    var pager: Pager?
    /// Settings being read on another thread (`configureLater`), until `settle`.
    var pending: Aside<Result<Settings, RedlineError>>?
  }

  private static let state = Mutex(State())

  /// Whether standard output was a terminal when Redline started (before any pager).
  static let stdoutIsTerminal = isatty(STDOUT_FILENO) == 1

  /// The git-config settings of this run (loaded once the arguments are parsed; read on
  /// another thread, they are waited for here, and a bad one leaves the defaults: a command
  /// that reads them later calls `settle` first, which reports it).
  static var settings: Settings {
    try? settle()
    return state.withLock { $0.settings }
  }

  /// The run's colour choice: `--color`, else `redline.color`, else auto.
  static var colorChoice: ColorMode {
    try? settle()
    return state.withLock { $0.color }
  }

  /// Sets up a run that writes through no pager, its settings read on another thread while
  /// the command reads its inputs (starting libgit2 only to read `redline.lang` costs a
  /// few milliseconds, a tenth of comparing two 5 MB files). `settle` waits for them.
  static func configureLater(
    defaults: Settings, display: DisplayOptions?, load: @escaping @Sendable () throws(RedlineError) -> Settings
  ) {
    configure(settings: defaults, display: display, pagerCommand: nil)
    let pending = Aside { () -> Result<Settings, RedlineError> in
      do throws(RedlineError) { return .success(try load()) } catch { return .failure(error) }
    }
    state.withLock { $0.pending = pending }
  }

  /// Waits for settings read on another thread and puts them in place; throws the error
  /// reading them met (a bad `redline.lang`), once. Does nothing when none are pending.
  static func settle() throws(RedlineError) {
    guard let pending = state.withLock({ $0.pending }) else { return }
    let result = pending.take()
    state.withLock {
      guard $0.pending != nil else { return }
      $0.pending = nil
      if case .success(let settings) = result {
        $0.settings = settings
        $0.color = $0.colorOption ?? settings.color ?? .auto
      }
    }
    if case .failure(let e) = result { throw e }
  }

  /// Sets up this run: its settings, and whether its output may go through a pager.
  static func configure(settings: Settings, display: DisplayOptions?, pagerCommand: String?) {
    state.withLock {
      $0.settings = settings
      $0.colorOption = display?.color
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

  /// Starts the pager if this run pages and it has not started yet (call before writing).
  static func willWrite() {
    state.withLock { s in
      guard var p = s.pager, !p.started else { return }
      p.start()
      s.pager = p
    }
  }

  /// Closes standard output and waits for the pager to quit; call once, before exiting.
  /// Settings still being read are waited for: the process never exits while another
  /// thread is starting libgit2.
  static func finish() {
    if let pending = state.withLock({ $0.pending }) { _ = pending.take() }
    let pager = state.withLock { s in
      let p = s.pager
      s.pager = nil
      return p
    }
    pager?.finish()
  }
}
