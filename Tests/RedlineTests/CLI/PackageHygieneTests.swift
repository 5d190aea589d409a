import Foundation
import Testing

/// Rules for the source files themselves.
@Suite struct PackageHygieneTests {
  /// Every `import` sits at the top of its file, before the first declaration.
  @Test func importsAreAtTheTopOfEveryFile() throws {
    let root = packageRoot + "/Sources"
    let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".swift") }
    #expect(files.count > 40)
    for file in files {
      let lines = try String(contentsOfFile: root + "/" + file, encoding: .utf8).split(separator: "\n")
      let firstCode = lines.firstIndex { line in
        let t = line.trimmingCharacters(in: .whitespaces)
        return !t.isEmpty && !t.hasPrefix("//") && !isImport(t) && !isImportCondition(t)
      }
      guard let firstCode else { continue }
      let late = lines[firstCode...].filter { isImport($0.trimmingCharacters(in: .whitespaces)) }
      #expect(late.isEmpty, "\(file): \(late)")
    }
  }

  /// Every command names itself (`CommandConfiguration(commandName:)`): without a name,
  /// ArgumentParser derives one with `String(describing:)` on each run, whose first
  /// protocol-conformance lookups cost about 1 ms of every start, `--version` included.
  @Test func everyCommandNamesItself() throws {
    let root = packageRoot + "/Sources/redline"
    let files = try FileManager.default.subpathsOfDirectory(atPath: root).filter { $0.hasSuffix(".swift") }
    var commands = 0
    for file in files {
      let lines = try String(contentsOfFile: root + "/" + file, encoding: .utf8).components(separatedBy: "\n")
      for (i, line) in lines.enumerated() where line.hasSuffix(": ParsableCommand {") && line.contains("struct ") {
        commands += 1
        let head = lines[(i + 1)..<min(lines.count, i + 4)].joined(separator: " ")
        #expect(
          head.contains("static let configuration = CommandConfiguration(") && head.contains("commandName: \""),
          "\(file):\(i + 1) \(line.trimmingCharacters(in: .whitespaces))")
      }
    }
    #expect(commands >= 20)
  }

  /// `#if canImport(Glibc)` … `#endif` around platform imports.
  private func isImportCondition(_ line: String) -> Bool {
    line.hasPrefix("#if canImport") || line.hasPrefix("#elseif canImport") || line == "#else" || line == "#endif"
  }

  private func isImport(_ line: String) -> Bool {
    let words = line.split(separator: " ")
    guard let i = words.firstIndex(of: "import") else { return false }
    // `import X`, `internal import X`, `@preconcurrency import X`, `@_implementationOnly import X`
    return words[..<i].allSatisfy {
      $0.hasPrefix("@") || ["public", "package", "internal", "private", "fileprivate"].contains($0)
    }
  }
}
