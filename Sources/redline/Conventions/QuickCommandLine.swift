import ArgumentParser
import Foundation

/// A command line read without ArgumentParser, for `diff`, the command whose runs must start
/// at once (decision 84). ArgumentParser finds a command's options by reflection, and in
/// this program each new type it meets costs a scan of all of its 8,200 protocol
/// conformances: some 18 M instructions, 4 ms, a run.
///
/// Only the plain shapes are read here: `--name VALUE`, `--name=VALUE`, `-o VALUE`, flags,
/// and positional arguments. Anything else (help, an unknown or repeated option, a value or
/// argument that is empty or starts with `-`, `--`) gives nil, and ArgumentParser reads
/// the whole line as before, with its own messages. The debug build (the tests' binary)
/// reads every line both ways and stops if the two disagree.
struct QuickCommandLine {
  /// Each value option given, by its long name without dashes.
  private(set) var values: [String: String] = [:]
  /// Each flag given, by its long name without dashes.
  private(set) var flags: Set<String> = []
  /// The positional arguments, in order.
  private(set) var positionals: [String] = []

  /// Reads `args` (the words after the subcommand), or nil when one of them is not in a
  /// plain shape. `values` and `flags` list the long names without dashes; `short` maps a
  /// one-letter option (`o`) to its long name.
  init?(
    _ args: ArraySlice<String>, values valueNames: Set<String>, flags flagNames: Set<String>, short: [Character: String]
  ) {
    var rest = args
    while let arg = rest.popFirst() {
      guard let first = arg.utf8.first else { return nil }  // "" is left to ArgumentParser
      guard first == UInt8(ascii: "-") else {
        positionals.append(arg)
        continue
      }
      var name: String
      var inline: String? = nil
      if arg.hasPrefix("--") {
        let body = arg.dropFirst(2)
        if let eq = body.firstIndex(of: "=") {
          name = String(body[..<eq])
          inline = String(body[body.index(after: eq)...])
        } else {
          name = String(body)
        }
      } else {
        // Two bytes, not two characters: `-` and a combining mark before the `o` is one
        // character to ArgumentParser, a positional argument.
        guard arg.utf8.count == 2, let long = short[Character(Unicode.Scalar(arg.utf8.last!))] else { return nil }
        name = long
      }
      if flagNames.contains(name), inline == nil {
        guard flags.insert(name).inserted else { return nil }
      } else if valueNames.contains(name), values[name] == nil {
        guard let value = inline ?? rest.popFirst(), let f = value.utf8.first, f != UInt8(ascii: "-") else {
          return nil
        }
        values[name] = value
      } else {
        return nil
      }
    }
  }

  /// The option's value read as `T`: `.some(nil)` when it was not given, nil when it does not
  /// read as `T` (ArgumentParser then says why).
  func value<T: ExpressibleByArgument>(_ name: String, as: T.Type = T.self) -> T?? {
    guard let text = values[name] else { return .some(nil) }
    guard let v = T(argument: text) else { return nil }
    return .some(v)
  }
}

extension DiffCommand {
  /// The options `diff` reads from a plain command line: every option it has.
  private static let quickValues: Set<String> = [
    "repo", "format", "section", "color", "output", "budget", "context", "lang",
  ]
  private static let quickFlags: Set<String> = ["stat", "files", "no-pager", "exit-code", "compact"]

  /// `diff`'s arguments read as a plain command line (`QuickCommandLine`), or nil for
  /// ArgumentParser to read. Runs `validate()`: a line it rejects is also left to
  /// ArgumentParser, which reports the error.
  init?(quick args: ArraySlice<String>) {
    guard
      let line = QuickCommandLine(args, values: Self.quickValues, flags: Self.quickFlags, short: ["o": "output"]),
      (2...3).contains(line.positionals.count),
      let format = line.value("format", as: Format.self),
      let color = line.value("color", as: ColorMode.self),
      let budget = line.value("budget", as: Int.self),
      let context = line.value("context", as: Int.self),
      let lang = line.value("lang", as: ReaderLanguage.self)
    else { return nil }
    self.init()
    var repository = RepositoryOptions()
    repository.repo = line.values["repo"]
    self.repository = repository
    var display = DisplayOptions()
    display.color = color
    display.noPager = line.flags.contains("no-pager")
    self.display = display
    self.format = format
    self.stat = line.flags.contains("stat")
    self.section = line.values["section"]
    self.files = line.flags.contains("files")
    self.output = line.values["output"]
    self.exitCode = line.flags.contains("exit-code")
    self.budget = budget
    self.context = context
    self.compact = line.flags.contains("compact")
    self.lang = lang
    self.old = line.positionals[0]
    self.new = line.positionals[1]
    self.path = line.positionals.count > 2 ? line.positionals[2] : nil
    guard (try? validate()) != nil else { return nil }
  }
}

#if DEBUG
  extension Redline {
    /// The tests' check of the quick reading, in the debug build only: with
    /// `REDLINE_CHECK_COMMAND_LINES=FILE` (a JSON array of argument lists), prints for each
    /// list a JSON object with the command the quick reading made (`quick`, null when it left
    /// the line to ArgumentParser) and the one ArgumentParser made (`full`, or its error),
    /// each as `String(reflecting:)` shows it, and exits.
    static func checkCommandLines(_ file: String) -> Never {
      do {
        let lines = try JSONDecoder().decode([[String]].self, from: Data(contentsOf: URL(fileURLWithPath: file)))
        let report = lines.map { args -> [String: String?] in
          let quick = args.first == "diff" ? DiffCommand(quick: args.dropFirst()).map { String(reflecting: $0) } : nil
          return ["quick": quick, "full": argumentParserReading(args)]
        }
        FileHandle.standardOutput.write(try JSONEncoder().encode(report))
        Foundation.exit(0)
      } catch {
        FileHandle.standardError.write(Data("redline: error: \(error)\n".utf8))
        Foundation.exit(2)
      }
    }

    /// The command ArgumentParser makes of `args`, as `String(reflecting:)` shows it, or its
    /// error: what the quick reading is compared with.
    static func argumentParserReading(_ args: [String]) -> String {
      let full = Result { try parseAsRoot(args) }
      return (try? full.get()).map { String(reflecting: $0) } ?? "an error: \(full)"
    }
  }
#endif
