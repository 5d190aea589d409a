/// The terminal's marks for changed text, in one place: ANSI colour (red struck-through
/// deletions, green underlined insertions, bold headings) or `git diff --word-diff=plain`
/// brackets without colour. `TerminalText.sanitize` lets exactly these sequences through.
package struct TerminalStyle: Sendable, Hashable {
  /// True for ANSI colour, false for plain brackets.
  package var color: Bool

  package init(color: Bool) { self.color = color }

  package static let boldOn = "\u{1B}[1m"
  package static let insertOn = "\u{1B}[32;4m"
  package static let deleteOn = "\u{1B}[31;9m"
  package static let reset = "\u{1B}[0m"

  /// Inserted text: green underlined, or `{+…+}`.
  package func insert(_ t: String) -> String { color ? Self.insertOn + t + Self.reset : "{+" + t + "+}" }
  /// Deleted text: red struck through, or `[-…-]`.
  package func delete(_ t: String) -> String { color ? Self.deleteOn + t + Self.reset : "[-" + t + "-]" }
  /// A heading line: bold, or as is.
  package func bold(_ t: String) -> String { color ? Self.boldOn + t + Self.reset : t }
}
