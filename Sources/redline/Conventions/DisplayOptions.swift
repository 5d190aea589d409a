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

  @Flag(name: .long, help: "Write to standard output directly, not through a pager (GIT_PAGER, core.pager, PAGER, else less -FRX).")
  var noPager = false

  /// Whether this command's terminal output is coloured: `--color`, else `redline.color`, else auto.
  var useColor: Bool {
    let mode = color ?? Output.settings.color ?? .auto
    return mode.wantsColor(environment: ProcessInfo.processInfo.environment, isTerminal: Output.stdoutIsTerminal)
  }
}

extension CommentCommand.Common {
  /// `--author`, else `git config redline.author` (else RedlineKit falls back to user.name).
  var authorOrSetting: String? { author ?? Output.settings.author }
}
