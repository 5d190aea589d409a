import ArgumentParser
import Foundation
import RedlineGit
import RedlineKit
import RedlineReport

/// Redline's exit statuses, the same for every command (README, docs/conventions.md):
///
/// | status | meaning |
/// |---|---|
/// | 0 | success (also `--help`, `--version`, completion scripts) |
/// | 1 | differences found, only with `diff --exit-code` |
/// | 2 | any error: bad usage, unknown revision, unreadable file, … |
enum ExitStatus {
  static let success: Int32 = 0
  static let differences: Int32 = 1
  static let error: Int32 = 2

  /// The status for an error that ended the run. ArgumentParser's usage errors (64) and
  /// any unexpected error become 2; a command's own `ExitCode(1)` stays 1.
  static func status(for error: Error) -> Int32 {
    let code = Redline.exitCode(for: error).rawValue
    if code == 0 { return success }
    if let e = error as? ExitCode, e.rawValue == differences || e.rawValue == Self.error { return e.rawValue }
    return Self.error
  }
}

extension Redline {
  /// Parses the arguments, loads the git-config settings, runs the command and exits with
  /// a status from `ExitStatus`. Help, version and completion scripts go to standard output
  /// with status 0; a usage error is one line on standard error with status 2.
  static func main() {
    let environment = ProcessInfo.processInfo.environment  // built once: each call builds it anew
    // git's external-diff (7 or 9 arguments) and difftool calls come first.
    if let call = ExternalDiff.recognize(Array(CommandLine.arguments.dropFirst()), environment: environment) {
      let status = ExternalDiff.run(call)
      if let e = OutputFile.standardOutputError { printError(e) }
      Foundation.exit(OutputFile.standardOutputError == nil ? status : ExitStatus.error)
    }
    #if DEBUG
      if let file = environment["REDLINE_CHECK_COMMAND_LINES"] { checkCommandLines(file) }
    #endif
    _ = Output.stdoutIsTerminal  // read before a pager takes standard output over
    _ = PhaseClock.run  // REDLINE_PROFILE: laps from here
    var status: Int32
    do {
      let args = hoistingGlobalOptions(Array(CommandLine.arguments.dropFirst()))
      if let quick = quickCommand(args) {
        try start(quick, environment: environment)
      } else {
        try start(parseAsRoot(args), environment: environment)
      }
      status = ExitStatus.success
    } catch {
      status = report(error)
    }
    Output.finish()
    PhaseClock.run.lap("output")
    if environment["REDLINE_PROFILE"] != nil {
      FileHandle.standardError.write(Data("[profile] libgit2 started: \(Repository.libgit2Started)\n".utf8))
      FileHandle.standardError.write(
        Data("[profile] CA certificate loads skipped: \(Repository.certificateLoadsSkipped)\n".utf8))
      if let mapped = Repository.libgit2Mapped {
        FileHandle.standardError.write(Data("[profile] libgit2 loaded: \(mapped)\n".utf8))
      }
    }
    if let e = OutputFile.standardOutputError {
      printError(e)
      status = ExitStatus.error
    }
    Foundation.exit(status)
  }

  /// Loads the settings and runs the command. Generic, so that for `diff` read quickly the
  /// compiler settles which of Redline's protocols the command adopts: at run time each
  /// such question about a new type scans every protocol conformance in the program.
  private static func start<C: ParsableCommand>(_ command: C, environment: [String: String]) throws {
    var command = command
    if command is ReadsOnly { Repository.skipRehashingOnRead() }
    try configureOutput(for: command, environment: environment)
    PhaseClock.run.lap("arguments and settings")
    try command.run()
  }

  /// The command a plain `diff` line names, read without ArgumentParser
  /// (`QuickCommandLine`), else nil. The debug build also has ArgumentParser read the line
  /// and stops if the two commands differ: every test that runs `diff` checks the quick
  /// reading.
  static func quickCommand(_ args: [String]) -> DiffCommand? {
    guard args.first == "diff", let command = DiffCommand(quick: args.dropFirst()) else { return nil }
    #if DEBUG
      let theirs = argumentParserReading(args)
      precondition(
        theirs == String(reflecting: command),
        "redline: the quick reading of \(args) is \(String(reflecting: command)), ArgumentParser's \(theirs)")
    #endif
    return command
  }

  /// Prints what ended the run and returns the exit status.
  private static func report(_ error: Error) -> Int32 {
    let status = ExitStatus.status(for: error)
    if status == ExitStatus.success {
      let text = fullMessage(for: error)
      if !text.isEmpty { writeStdout(Array((text.hasSuffix("\n") ? text : text + "\n").utf8)) }
      return status
    }
    if error is ExitCode { return status }  // the command has already said why
    let message: String
    if let e = error as? RedlineError {
      message = e.description
    } else {
      let first = firstLine(of: self.message(for: error)) ?? "\(error)"
      let command = (["redline"] + commandPath(Array(CommandLine.arguments.dropFirst()))).joined(separator: " ")
      let sentence = first.hasSuffix(".") ? String(first.dropLast()) : first
      message = lowercasedFirst(sentence) + "; see '\(command) --help'"
    }
    printError(message)
    return status
  }

  /// The first line of an ArgumentParser message; when it ends in "one of the following:"
  /// the values listed on the next lines (`- open: …`) are put on it, so the one-line
  /// error still says what is accepted.
  static func firstLine(of message: String) -> String? {
    let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    guard var first = lines.first else { return nil }
    if first.hasSuffix(":") {
      let values = lines.dropFirst().filter { $0.hasPrefix("- ") }.map { line -> String in
        let v = line.dropFirst(2)
        return String(v.prefix { $0 != ":" && $0 != " " })
      }
      if !values.isEmpty { first += " " + values.map { "'\($0)'" }.joined(separator: ", ") }
    }
    return first
  }

  /// The subcommand names at the start of `args` (`comment add`), for the usage hint.
  static func commandPath(_ args: [String]) -> [String] {
    var type: ParsableCommand.Type = Redline.self
    var path: [String] = []
    for a in args {
      guard let sub = type.configuration.subcommands.first(where: { $0._commandName == a }) else { break }
      path.append(a)
      type = sub
    }
    return path
  }

  private static func lowercasedFirst(_ s: String) -> String {
    guard let f = s.first, f.isUppercase, s.dropFirst().first?.isLowercase ?? true else { return s }
    return f.lowercased() + s.dropFirst()
  }

  /// Loads the settings from the repository the command names (or the current folder's,
  /// else the global git config) and sets up colour and paging; or, for a run that uses
  /// none, only the locale's language; or, for one that reads them later, starts reading
  /// them on another thread (`Output.configureLater`).
  private static func configureOutput<C: ParsableCommand>(for command: C, environment env: [String: String]) throws {
    if let c = command as? MayLeaveSettingsUnread, !c.readsSettings {
      // Nothing in this run would use a git-config setting: libgit2 is not started for them.
      Output.configure(
        settings: Settings(language: Settings.language(fromLocale: env) ?? .en),
        display: displayOptions(of: command),
        pagerCommand: Pager.command(environment: env, corePager: nil))
      return
    }
    let repoOptions = repositoryOptions(of: command)
    let path = repoOptions?.repo ?? FileManager.default.currentDirectoryPath
    if let c = command as? MayLeaveSettingsUnread, c.readsSettingsLater {
      let defaults = Settings(language: Settings.language(fromLocale: env) ?? .en)
      // No config file names a `redline` section or an include: every setting is unset,
      // and libgit2 need not be loaded to find that out (decision 87; the variable turns
      // the check off, for diagnosis and the tests that hold it to libgit2's answer).
      let precheck = env["REDLINE_NO_CONFIG_PRECHECK"] == nil
      guard !precheck || ConfigFiles.mayMention("redline", from: path) else {
        Output.configure(settings: defaults, display: displayOptions(of: command), pagerCommand: nil)
        return
      }
      Output.configureLater(defaults: defaults, display: displayOptions(of: command)) {
        () throws(RedlineError) -> Settings in
        try Settings.load(repository: try? Repository(discoverFrom: path), environment: env)
      }
      return
    }
    let repository = try? Repository(discoverFrom: path)
    let settings = try Settings.load(repository: repository, environment: env)
    let display = displayOptions(of: command)
    var corePager: String? = nil
    if display != nil && Output.stdoutIsTerminal {
      corePager = try? (repository.map { try $0.configString("core.pager") } ?? GitConfig.globalString("core.pager"))
    }
    Output.configure(
      settings: settings, display: display, pagerCommand: Pager.command(environment: env, corePager: corePager))
  }
}

/// Finds an option group of type `T` in a parsed command (its `@OptionGroup`s, nested).
func find<T>(_ type: T.Type, in value: Any, depth: Int = 0) -> T? {
  if let t = value as? T { return t }
  guard depth < 6 else { return nil }
  for child in Mirror(reflecting: value).children {
    if let t = find(type, in: child.value, depth: depth + 1) { return t }
  }
  return nil
}

/// A command that can tell, from its arguments, that this run uses no git-config setting
/// (`redline.lang`, `redline.color`, `redline.author`, `core.pager`); the settings are then
/// not read (decision 65).
protocol MayLeaveSettingsUnread {
  /// False when no setting could change what this run does.
  var readsSettings: Bool { get }
  /// True when the settings this run reads may be read on another thread while it reads
  /// its inputs: it writes through no pager, and calls `Output.settle()` before it uses
  /// them.
  var readsSettingsLater: Bool { get }
}

extension MayLeaveSettingsUnread {
  /// Read first, unless a command says otherwise.
  var readsSettingsLater: Bool { false }
}

/// A command that never writes to the repository: it may read objects without libgit2
/// hashing each one again (`Repository.skipRehashingOnRead`).
protocol ReadsOnly {}

extension DiffCommand: ReadsOnly {}
extension SummaryCommand: ReadsOnly {}
extension CommentsCommand: ReadsOnly {}
extension HistoryCommand: ReadsOnly {}
extension BlameCommand: ReadsOnly {}
extension ParallelCommand: ReadsOnly {}
extension LogCommand: ReadsOnly {}
extension OutlineCommand: ReadsOnly {}
extension ShowCommand: ReadsOnly {}
