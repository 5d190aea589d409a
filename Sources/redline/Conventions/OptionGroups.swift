import ArgumentParser

/// The option groups that set up a run's output and settings, named by each command.
/// Start-up once found them by walking the parsed command with `Mirror`; each new type
/// that walk meets costs a scan of every protocol conformance in the program (some 50 of
/// them, over a millisecond a run). A command that does not adopt this is still walked.
protocol OutputOptionGroups {
  /// `--color`, `--no-pager`: nil for a command without them.
  var displayOptions: DisplayOptions? { get }
  /// `--repo`: nil for a command without it.
  var repositoryOptions: RepositoryOptions? { get }
}

extension OutputOptionGroups {
  var displayOptions: DisplayOptions? { nil }
  var repositoryOptions: RepositoryOptions? { nil }
}

/// Commands with both groups of their own.
protocol DisplayAndRepository: OutputOptionGroups {
  var display: DisplayOptions { get }
  var repository: RepositoryOptions { get }
}

extension DisplayAndRepository {
  var displayOptions: DisplayOptions? { display }
  var repositoryOptions: RepositoryOptions? { repository }
}

/// Commands with only `--repo`.
protocol RepositoryOnly: OutputOptionGroups {
  var repository: RepositoryOptions { get }
}

extension RepositoryOnly {
  var repositoryOptions: RepositoryOptions? { repository }
}

extension BlameCommand: DisplayAndRepository {}
extension CommentsCommand: DisplayAndRepository {}
extension DiffCommand: DisplayAndRepository {}
extension HistoryCommand: DisplayAndRepository {}
extension LogCommand: DisplayAndRepository {}
extension OutlineCommand: DisplayAndRepository {}
extension ParallelCommand: DisplayAndRepository {}
extension ShowCommand: DisplayAndRepository {}
extension SummaryCommand: DisplayAndRepository {}
extension ImportCommand: RepositoryOnly {}
extension ServeCommand: RepositoryOnly {}
extension ReviewersCommand.Add: RepositoryOnly {}
extension ReviewersCommand.List: RepositoryOnly {}
extension ReviewersCommand.Remove: RepositoryOnly {}

extension DemoCommand: OutputOptionGroups {
  var displayOptions: DisplayOptions? { display }
}

/// The `comment` subcommands keep their groups in `Common`.
protocol CommonOptions: DisplayAndRepository {
  var common: CommentCommand.Common { get }
}

extension CommonOptions {
  var display: DisplayOptions { common.display }
  var repository: RepositoryOptions { common.repository }
}

extension CommentCommand.Add: CommonOptions {}
extension CommentCommand.Reply: CommonOptions {}
extension CommentCommand.Resolve: CommonOptions {}
extension CommentCommand.Reopen: CommonOptions {}

/// A parsed command's display options, without reflection when the command names them.
func displayOptions<C: ParsableCommand>(of command: C) -> DisplayOptions? { named(command) { $0.displayOptions } }

/// A parsed command's repository options, without reflection when the command names them.
func repositoryOptions<C: ParsableCommand>(of command: C) -> RepositoryOptions? {
  named(command) { $0.repositoryOptions }
}

/// The group `pick` names, or for a command that names none, the one a walk finds. Debug
/// builds (the tests' binary) also walk a command that names its groups and stop if the
/// two disagree, so every test that runs the program checks the command's list.
private func named<C: ParsableCommand, T>(_ command: C, _ pick: (OutputOptionGroups) -> T?) -> T? {
  guard let groups = command as? OutputOptionGroups else { return find(T.self, in: command) }
  assert(
    String(describing: pick(groups)) == String(describing: find(T.self, in: command)),
    "\(type(of: command)) names the wrong \(T.self)")
  return pick(groups)
}
