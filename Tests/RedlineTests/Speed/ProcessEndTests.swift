import Testing

@testable import RedlineKit

/// `ProcessEnd.keep`: what a command hands over stays alive until the process exits (the
/// exit frees it all at once), so nothing is released object by object after the output.
@Suite struct ProcessEndTests {
  final class Tracked: Sendable {}

  @Test func keptValuesAreNotFreed() {
    weak var kept: Tracked?
    weak var dropped: Tracked?
    let before = ProcessEnd.count
    do {
      let a = Tracked()
      let b = Tracked()
      kept = a
      dropped = b
      ProcessEnd.keep(a)
    }
    #expect(kept != nil, "a kept value lives on")
    #expect(dropped == nil, "the control: a value not kept is freed")
    #expect(ProcessEnd.count == before + 1)
  }
}
