import Foundation
import ZIPFoundation

/// Writes a Word package: named parts into one ZIP file, in memory.
package enum DocxZip {
  /// Zips `parts` (path, bytes) in the order given; `[Content_Types].xml` should come first.
  /// Every entry is deflated, with a fixed date so the same input gives the same bytes.
  package static func zip(_ parts: [(path: String, bytes: [UInt8])]) throws(WordError) -> [UInt8] {
    do {
      let archive = try Archive(accessMode: .create)
      let date = Date(timeIntervalSince1970: 1_577_836_800)  // 2020-01-01, within the ZIP date range
      for (path, bytes) in parts {
        let data = Data(bytes)
        try archive.addEntry(
          with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
          compressionMethod: .deflate
        ) { position, size in
          data.subdata(in: Int(position)..<Int(position) + size)
        }
      }
      guard let d = archive.data else { throw WordError("could not write the .docx package") }
      return [UInt8](d)
    } catch let e as WordError {
      throw e
    } catch {
      throw WordError("could not write the .docx package: \(error)")
    }
  }
}
