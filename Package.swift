// swift-tools-version: 6.0
import Foundation
import PackageDescription

/// Release on Linux: each function in its own section, so the link can put the functions a
/// run executes next to one another (`Sources/redline/hot-functions.order`, decision 73).
let hotCold: [SwiftSetting] = [
  .unsafeFlags(["-Xfrontend", "-function-sections"], .when(platforms: [.linux], configuration: .release))
]

/// The order the release link gives those functions; without the file (a partial copy of
/// the sources) the link goes on without it. SwiftPM does not know the link reads it: after
/// it changes, remove `.build/release/redline` so that the next build links again.
let hotFunctions = Context.packageDirectory + "/Sources/redline/hot-functions.order"
let orderFlags =
  FileManager.default.fileExists(atPath: hotFunctions)
  ? ["-Xlinker", "--symbol-ordering-file=" + hotFunctions, "-Xlinker", "--no-warn-symbol-ordering"] : []

let package = Package(
  name: "Redline",
  platforms: [.macOS(.v15)],  // Mutex (Synchronization) and String(validating:) need macOS 15
  products: [
    .executable(name: "redline", targets: ["redline"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
  ],
  targets: [
    // C libraries from Debian, each imported by exactly one Swift module.
    // libgit2's headers (libgit2-dev); the library itself is loaded by CLibGit2Loader when a
    // repository is first opened, so runs that read no repository never map it.
    .systemLibrary(name: "CLibGit2", providers: [.apt(["libgit2-dev"])]),
    // Every program that links it exports mbedTLS's two certificate loaders, which it
    // defines as loading nothing (certificates.c, decision 83): libgit2 binds to them.
    .target(
      name: "CLibGit2Loader", exclude: ["gen_stubs.py"],
      linkerSettings: [
        .linkedLibrary("dl"),
        .unsafeFlags(
          [
            "-Xlinker", "--export-dynamic-symbol=mbedtls_x509_crt_parse_file",
            "-Xlinker", "--export-dynamic-symbol=mbedtls_x509_crt_parse_path",
          ], .when(platforms: [.linux])),
      ]),
    .systemLibrary(
      name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

    // Files mapped into memory for reading, with a one-line answer to a file that shrinks
    // while it is read (SIGBUS); imported by RedlineKit's SafeRead only.
    .target(name: "CFileMap"),
    // Byte scans of text 32 bytes at a time (AVX2, asked of the processor at run time):
    // UTF-8 and NUL, normalization's plain runs, JSON's escapes; and a prefetch hint.
    // Imported by RedlineDocument's FastText and Normalizer, RedlineDiff's ByteInterner
    // (the prefetch) and RedlineReport's JSONWriter only.
    .target(name: "CTextScan"),
    // Where the helper thread of RedlineDiff's `Workers` may run (decision 88): kept off the
    // processor of the thread handing it work. Imported by RedlineDiff only.
    .target(name: "CThreadPlace"),

    // Safe, value-returning wrapper over libgit2 (the only importer of CLibGit2).
    .target(name: "RedlineGit", dependencies: ["CLibGit2", "CLibGit2Loader"], swiftSettings: hotCold),
    // Document model and parsers (the only importer of CCmarkGFM).
    .target(name: "RedlineDocument", dependencies: ["CCmarkGFM", "CTextScan"], swiftSettings: hotCold),
    // Section alignment, block matching and word diff: Swift, with two small C helpers
    // (a prefetch hint, thread placement).
    .target(name: "RedlineDiff", dependencies: ["RedlineDocument", "CTextScan", "CThreadPlace"], swiftSettings: hotCold),
    // Review threads: storage, re-anchoring, status.
    .target(name: "RedlineReview", dependencies: ["RedlineDocument", "RedlineDiff"], swiftSettings: hotCold),
    // Output: terminal, Markdown, HTML, JSON; consultation summary.
    .target(
      name: "RedlineReport", dependencies: ["CTextScan", "RedlineDocument", "RedlineDiff", "RedlineReview"],
      swiftSettings: hotCold),
    // Word .docx in and out: WordprocessingML read into Markdown, tracked changes written.
    .target(
      name: "RedlineWord",
      dependencies: ["RedlineDocument", "RedlineDiff", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
      swiftSettings: hotCold),
    // Use cases over a drafts repository: what the CLI and tests drive.
    .target(
      name: "RedlineKit",
      dependencies: ["CFileMap", "RedlineGit", "RedlineDocument", "RedlineDiff", "RedlineReview", "RedlineReport", "RedlineWord"],
      swiftSettings: hotCold),
    // `redline serve`: review in the browser over RedlineKit (Hummingbird 2).
    .target(
      name: "RedlineServer",
      dependencies: [
        "RedlineKit", .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ],
      swiftSettings: hotCold),
    // Thin command line.
    .executableTarget(
      name: "redline",
      dependencies: [
        "RedlineKit", "RedlineServer",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release on Linux: linked by lld with packed relative relocations and without
      // exporting the program's own 24,000 symbols, so start-up reads 2.6 MB of relocation
      // table and 2.2 MB of symbol table less (peak memory 3 MB lower; docs/speed.md).
      exclude: ["hot-functions.order"],
      swiftSettings: hotCold,
      linkerSettings: [
        .unsafeFlags(
          [
            "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
          ] + orderFlags,
          .when(platforms: [.linux], configuration: .release))
      ]),
    // Fuzzing: the shared entry point, and the libFuzzer driver (`make fuzz`).
    .target(name: "RedlineFuzzing", dependencies: ["RedlineDocument", "RedlineReview", "RedlineWord"]),
    .executableTarget(name: "RedlineFuzz", dependencies: ["RedlineFuzzing"]),
    .testTarget(
      name: "RedlineTests",
      dependencies: [
        "RedlineKit", "RedlineServer", "RedlineFuzzing", "RedlineWord",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
      ],
      // Word fixtures are read from their path (`wordFixtures`), not bundled as resources.
      exclude: ["Word/Fixtures"]),
  ]
)
