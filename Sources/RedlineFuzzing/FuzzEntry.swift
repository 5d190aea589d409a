import RedlineDocument
import RedlineReview
import RedlineWord

/// The fuzzing entry point shared by the libFuzzer target (`make fuzz`) and the seeded
/// test in `make test`: arbitrary bytes through every parser, the thread-file reader and
/// the XML reader of Word parts.
/// A bad input may be refused with an error; it must never crash, hang or blow up memory.
/// It also holds `PlainPieces` to cmark on every input.
package enum FuzzEntry {
  /// Runs one input. The first byte picks nothing: every path sees the same bytes.
  package static func run(_ bytes: [UInt8]) {
    _ = try? DocumentLoader.load(bytes, path: "fuzz.md")
    _ = try? DocumentLoader.load(bytes, path: "fuzz.txt")
    _ = try? ThreadFile.decode(bytes, file: "reviews/fuzz.jsonl")
    _ = try? XMLReader.read(bytes)
    _ = Normalizer.normalize(String(decoding: bytes, as: UTF8.self)[...])
    // The plain reading of a piece must be cmark's, byte for byte (a finding, not an error).
    if !PlainPieces.agreesWithCmark(bytes) { fatalError("PlainPieces reads this input differently from cmark") }
  }
}
