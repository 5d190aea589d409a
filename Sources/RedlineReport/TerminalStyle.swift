/// The terminal's marks for changed text, in one place: ANSI colour (red struck-through
/// deletions, green underlined insertions, bold headings) or `git diff --word-diff=plain`
/// brackets without colour. `TerminalText.sanitize` lets exactly these sequences through.
public struct TerminalStyle: Sendable, Hashable {
  /// True for ANSI colour, false for plain brackets.
  public var color: Bool

  public init(color: Bool) { self.color = color }

  public static let boldOn = "\u{1B}[1m"
  public static let insertOn = "\u{1B}[32;4m"
  public static let deleteOn = "\u{1B}[31;9m"
  public static let reset = "\u{1B}[0m"

  /// Inserted text: green underlined, or `{+…+}`.
  public func insert(_ t: String) -> String { color ? Self.insertOn + t + Self.reset : "{+" + t + "+}" }
  /// Deleted text: red struck through, or `[-…-]`.
  public func delete(_ t: String) -> String { color ? Self.deleteOn + t + Self.reset : "[-" + t + "-]" }
  /// A heading line: bold, or as is.
  public func bold(_ t: String) -> String { color ? Self.boldOn + t + Self.reset : t }
}
