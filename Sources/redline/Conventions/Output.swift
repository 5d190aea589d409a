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

  /// The git-config settings of this run (loaded once the arguments are parsed).
  static var settings: Settings { state.withLock { $0.settings } }

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
