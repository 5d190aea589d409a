import ArgumentParser
import Foundation
import RedlineKit

extension ColorMode: ExpressibleByArgument {}

/// `--color` and `--no-pager`: shared by every command that prints.
struct DisplayOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Colour terminal output: auto (on a terminal, unless NO_COLOR is set or TERM=dumb), always or never (default: git config redline.color, else auto).",
      valueName: "when"))
  var color: ColorMode?

  @Flag(
    name: .long,
    help: "Write to standard output directly, not through a pager (GIT_PAGER, core.pager, PAGER, else less -FRX).")
  var noPager = false

  /// Whether this command's terminal output is coloured: `--color`, else `redline.color`, else auto.
  var useColor: Bool { wantsColor(color ?? Output.settings.color ?? .auto) }
}

extension CommentCommand.Common {
  /// `--author`, else `git config redline.author` (else RedlineKit falls back to user.name).
  var authorOrSetting: String? { author ?? Output.settings.author }
}

extension DiffCommand {
  /// The colour modes (kept under this name for code written before `DisplayOptions`).
  typealias ColorMode = RedlineKit.ColorMode
}

/// Whether to colour: `.always` and `.never` as given; `.auto` follows this run's `--color`,
/// else `git config redline.color`, else the terminal, `NO_COLOR` and `TERM`.
func wantsColor(_ mode: ColorMode) -> Bool {
  switch mode {
  case .always: return true
  case .never: return false
  case .auto:
    return Output.colorChoice.wantsColor(
      environment: ProcessInfo.processInfo.environment, isTerminal: Output.stdoutIsTerminal)
  }
}
