import Foundation
import RedlineFuzzing

#if FUZZING
  /// libFuzzer calls this for each input (built by `make fuzz` with `-sanitize=fuzzer`).
  @_cdecl("LLVMFuzzerTestOneInput")
  package func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.run(size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
  }

  /// libFuzzer's driver (SwiftPM names the executable's own `main`, so libFuzzer's `main`
  /// is not used; this starts the same loop with the same flags).
  @_silgen_name("LLVMFuzzerRunDriver")
  func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
  ) -> CInt

  @main struct RedlineFuzz {
    static func main() {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      exit(runFuzzerDriver(&argc, &argv, fuzzOneInput))
    }
  }
#else
  /// Without libFuzzer: runs every file named on the command line (or in the folders
  /// named) through the same entry point once, e.g. to replay a crash input.
  @main struct RedlineFuzz {
    static func main() {
      var n = 0
      for arg in CommandLine.arguments.dropFirst() {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: arg, isDirectory: &isDir) else { continue }
        let files =
          isDir.boolValue
          ? ((try? FileManager.default.contentsOfDirectory(atPath: arg)) ?? []).sorted().map { arg + "/" + $0 } : [arg]
        for f in files {
          guard let d = FileManager.default.contents(atPath: f) else { continue }
          FuzzEntry.run([UInt8](d))
          n += 1
        }
      }
      print("ran \(n) inputs")
    }
  }
#endif
