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
/// Debug builds (the tests' binary) also walk the command and stop if the two disagree, so
/// every test that runs the program checks the command's list.
func displayOptions(of command: ParsableCommand) -> DisplayOptions? {
  guard let named = command as? OutputOptionGroups else { return find(DisplayOptions.self, in: command) }
  assert(
    String(describing: named.displayOptions) == String(describing: find(DisplayOptions.self, in: command)),
    "\(type(of: command)) names the wrong display options")
  return named.displayOptions
}

/// A parsed command's repository options; as `displayOptions(of:)`.
func repositoryOptions(of command: ParsableCommand) -> RepositoryOptions? {
  guard let named = command as? OutputOptionGroups else { return find(RepositoryOptions.self, in: command) }
  assert(
    String(describing: named.repositoryOptions) == String(describing: find(RepositoryOptions.self, in: command)),
    "\(type(of: command)) names the wrong repository options")
  return named.repositoryOptions
}
