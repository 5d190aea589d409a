/// Bytes someone else owns and frees: a file mapped into memory (`SafeRead` in RedlineKit
/// makes one). `release` runs once, when the last `SourceBytes` holding it goes away.
package final class ForeignBytes: @unchecked Sendable {
  let base: UnsafeMutablePointer<UInt8>
  let count: Int
  private let release: @Sendable (UnsafeMutablePointer<UInt8>, Int) -> Void
  /// Whether the bytes are still the ones first seen (a mapped file another program may
  /// rewrite in place: the loader asks once it has parsed them).
  let unchanged: @Sendable () -> Bool

  /// `count` bytes at `base`, readable and writable (a private mapping: a page written to is
  /// copied, the file does not change) until `release` is called.
  package init(
    base: UnsafeMutablePointer<UInt8>, count: Int, unchanged: @escaping @Sendable () -> Bool = { true },
    release: @escaping @Sendable (UnsafeMutablePointer<UInt8>, Int) -> Void
  ) {
    self.base = base
    self.count = count
    self.unchanged = unchanged
    self.release = release
  }

  deinit { release(base, count) }
}

/// The bytes of one version as the loader reads them: an array, or bytes held elsewhere
/// (a file mapped into memory, read where the page cache holds it instead of being copied
/// into fresh pages). A value with an array's semantics: changing the bytes (the byte-order
/// mark, CRLF, front matter) changes this value only, in place when nothing shares them.
package struct SourceBytes: Sendable {
  private enum Backing: Sendable {
    case array([UInt8])
    case foreign(ForeignBytes, Range<Int>)
  }

  private var backing: Backing

  package init(_ bytes: consuming [UInt8]) { backing = .array(bytes) }

  package init(_ bytes: ForeignBytes) { backing = .foreign(bytes, 0..<bytes.count) }

  package var count: Int {
    switch backing {
    case .array(let a): return a.count
    case .foreign(_, let r): return r.count
    }
  }

  /// Whether bytes held elsewhere are still the ones first seen (always, for an array).
  package var isUnchanged: Bool { unchangedCheck?() ?? true }

  /// The question `isUnchanged` asks, to ask later without holding these bytes (holding
  /// them would make a change to them copy them), or nil for an array.
  package var unchangedCheck: (@Sendable () -> Bool)? {
    if case .foreign(let f, _) = backing { return f.unchanged }
    return nil
  }

  /// Whether the bytes are held elsewhere (a mapped file), not in an array.
  package var isForeign: Bool {
    if case .foreign = backing { return true }
    return false
  }

  /// The bytes, for reading during `body` only (as `Array.withUnsafeBufferPointer`).
  package func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    switch backing {
    case .array(let a): return try a.withUnsafeBufferPointer(body)
    case .foreign(let f, let r): return try body(UnsafeBufferPointer(start: f.base + r.lowerBound, count: r.count))
    }
  }

  /// The bytes, for reading and writing during `body` only. Bytes shared with another
  /// value are copied first.
  package mutating func withUnsafeMutableBufferPointer<R>(
    _ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R
  ) rethrows -> R {
    switch backing {
    case .array(var a):
      backing = .array([])  // `a` is now the only reference: written in place
      defer { backing = .array(a) }
      return try a.withUnsafeMutableBufferPointer { try body($0) }
    case .foreign(var f, let r):
      backing = .array([])
      guard isKnownUniquelyReferenced(&f) else {
        backing = .array(Array(UnsafeBufferPointer(start: f.base + r.lowerBound, count: r.count)))
        return try withUnsafeMutableBufferPointer(body)
      }
      defer { backing = .foreign(f, r) }
      return try body(UnsafeMutableBufferPointer(start: f.base + r.lowerBound, count: r.count))
    }
  }

  /// Whether the bytes start with `prefix`.
  package func starts(with prefix: [UInt8]) -> Bool {
    withUnsafeBufferPointer { $0.starts(with: prefix) }
  }

  /// Drops the first `k` bytes (no copy of a file's).
  package mutating func removeFirst(_ k: Int) {
    precondition(k >= 0 && k <= count, "removeFirst beyond the bytes")
    switch backing {
    case .array(var a):
      backing = .array([])
      a.removeFirst(k)
      backing = .array(a)
    case .foreign(let f, let r): backing = .foreign(f, (r.lowerBound + k)..<r.upperBound)
    }
  }

  /// Drops the last `k` bytes.
  package mutating func removeLast(_ k: Int) {
    precondition(k >= 0 && k <= count, "removeLast beyond the bytes")
    switch backing {
    case .array(var a):
      backing = .array([])
      a.removeLast(k)
      backing = .array(a)
    case .foreign(let f, let r): backing = .foreign(f, r.lowerBound..<(r.upperBound - k))
    }
  }

  /// The bytes as an array (a copy of bytes held elsewhere).
  package var array: [UInt8] {
    switch backing {
    case .array(let a): return a
    case .foreign(let f, let r): return Array(UnsafeBufferPointer(start: f.base + r.lowerBound, count: r.count))
    }
  }
}

/// Bytes read through a pointer with an array's bounds checks: an index outside them
/// traps, as it would on `[UInt8]`, instead of reading memory beyond them. The parser's
/// byte-level code reads a version's bytes through this while `SourceBytes` lends them.
struct CheckedBytes: RandomAccessCollection {
  typealias Indices = Range<Int>
  let buffer: UnsafeBufferPointer<UInt8>

  init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

  var startIndex: Int { 0 }
  var endIndex: Int { buffer.count }

  @inline(__always)
  subscript(i: Int) -> UInt8 {
    precondition(i >= 0 && i < buffer.count, "byte index out of range")
    return buffer[i]
  }

  func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(buffer)
  }

  func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
    try body(buffer)
  }

  func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
    try body(UnsafeRawBufferPointer(buffer))
  }
}

/// `CheckedBytes` that can be written (front matter blanked in place).
struct CheckedMutableBytes: RandomAccessCollection, MutableCollection {
  typealias Indices = Range<Int>
  let buffer: UnsafeMutableBufferPointer<UInt8>

  init(_ buffer: UnsafeMutableBufferPointer<UInt8>) { self.buffer = buffer }

  var startIndex: Int { 0 }
  var endIndex: Int { buffer.count }

  @inline(__always)
  subscript(i: Int) -> UInt8 {
    get {
      precondition(i >= 0 && i < buffer.count, "byte index out of range")
      return buffer[i]
    }
    nonmutating set {
      precondition(i >= 0 && i < buffer.count, "byte index out of range")
      buffer[i] = newValue
    }
  }

  func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(UnsafeBufferPointer(buffer))
  }

  func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> R) rethrows -> R {
    try body(buffer)
  }

  func withContiguousStorageIfAvailable<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
    try body(UnsafeBufferPointer(buffer))
  }
}
