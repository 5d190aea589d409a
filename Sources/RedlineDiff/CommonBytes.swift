/// Where two byte strings agree.
enum CommonBytes {
  /// How many bytes `p` and `q` share at their start, and how many at their end; each at
  /// most the shorter one's count (the two may overlap). Eight bytes at a time.
  static func ends(_ p: UnsafeBufferPointer<UInt8>, _ q: UnsafeBufferPointer<UInt8>) -> (lead: Int, trail: Int) {
    let shorter = min(p.count, q.count)
    guard shorter > 0, let x = UnsafeRawPointer(p.baseAddress), let y = UnsafeRawPointer(q.baseAddress) else {
      return (0, 0)
    }
    var lead = 0
    while lead &+ 8 <= shorter
      && x.loadUnaligned(fromByteOffset: lead, as: UInt64.self)
        == y.loadUnaligned(fromByteOffset: lead, as: UInt64.self)
    {
      lead &+= 8
    }
    while lead < shorter && p[lead] == q[lead] { lead &+= 1 }
    var trail = 0
    while trail &+ 8 <= shorter
      && x.loadUnaligned(fromByteOffset: p.count &- trail &- 8, as: UInt64.self)
        == y.loadUnaligned(fromByteOffset: q.count &- trail &- 8, as: UInt64.self)
    {
      trail &+= 8
    }
    while trail < shorter && p[p.count &- 1 &- trail] == q[q.count &- 1 &- trail] { trail &+= 1 }
    return (lead, trail)
  }
}
