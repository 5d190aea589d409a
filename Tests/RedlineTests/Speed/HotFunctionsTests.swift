import Foundation
import Testing

/// The release link reads `Sources/redline/hot-functions.order` (decision 73): lld places
/// the functions it names side by side, so a run maps in fewer pages of program code. lld
/// skips a line it cannot use without a word, so the list is checked here.
@Suite struct HotFunctionsTests {
  static let path = packageRoot + "/Sources/redline/hot-functions.order"

  static func names() throws -> [Substring] {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
  }

  @Test func theListNamesEachFunctionOnceAsALinkerSymbol() throws {
    let names = try Self.names()
    #expect(names.count > 1000, "\(names.count) names")
    #expect(Set(names).count == names.count, "a name listed twice")
    // lld reads `#` as the start of a comment and trims spaces: neither may be in a name.
    let bad = names.filter { $0.isEmpty || $0.contains(" ") || $0.contains("#") || $0.contains("\t") }
    #expect(bad.isEmpty, "\(bad.prefix(3))")
  }

  /// What a comparison runs is in it: reading, parsing, the diff and the JSON writer, by
  /// their mangled module names, and the Swift runtime's own functions.
  @Test func theListHoldsTheComparisonsCode() throws {
    let names = try Self.names()
    for module in ["15RedlineDocument", "11RedlineDiff", "13RedlineReport", "10RedlineKit", "7redline"] {
      #expect(names.contains { $0.hasPrefix("$s" + module) }, "no function of \(module)")
    }
    #expect(names.contains("swift_allocObject") || names.contains("swift_retain"))
    // The Swift runtime's C++ functions too, by their mangled names (the link map that
    // lists them must not demangle them).
    #expect(names.contains { $0.hasPrefix("_ZN5swift") }, "no C++ function of the Swift runtime")
  }

  @Test func theReleaseLinkReadsIt() throws {
    let manifest = try String(contentsOfFile: packageRoot + "/Package.swift", encoding: .utf8)
    #expect(manifest.contains("\"/Sources/redline/hot-functions.order\""))
    #expect(manifest.contains("\"--symbol-ordering-file=\" + hotFunctions"))
    #expect(manifest.contains("\"-function-sections\""))
  }

}
