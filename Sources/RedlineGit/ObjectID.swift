internal import CLibGit2

/// A git object id (SHA-1), as 40 lowercase hex digits.
package struct ObjectID: Hashable, Sendable, CustomStringConvertible, Codable {
  /// The full hex form.
  package let hex: String

  package init?(hex: String) {
    guard hex.count == 40, hex.allSatisfy({ $0.isHexDigit }) else { return nil }
    self.hex = hex.lowercased()
  }

  init(_ oid: git_oid) {
    var o = oid
    var buf = [CChar](repeating: 0, count: 41)
    git_oid_tostr(&buf, 41, &o)
    self.hex = String(decoding: buf.prefix(40).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  init(_ oid: UnsafePointer<git_oid>) { self.init(oid.pointee) }

  var oid: git_oid {
    var o = git_oid()
    _ = git_oid_fromstr(&o, hex)
    return o
  }

  /// The first seven digits, as git prints them.
  package var short: String { String(hex.prefix(7)) }
  package var description: String { hex }
}
