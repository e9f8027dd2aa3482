// swift-tools-version:6.0
// FactArchive: an archive of fact-check articles in SQLite, and the stale ones listed.
//
// Dependencies run one way: factarchive (CLI) → FactArchiveQuery, FactArchiveIngest
// → FactArchivePolicy → FactArchiveStore → CSQLite (the system libsqlite3).
import PackageDescription

let package = Package(
  name: "FactArchive",
  products: [
    .executable(name: "factarchive", targets: ["factarchive"]),
    .library(name: "FactArchiveStore", targets: ["FactArchiveStore"]),
    .library(name: "FactArchivePolicy", targets: ["FactArchivePolicy"]),
    .library(name: "FactArchiveIngest", targets: ["FactArchiveIngest"]),
    .library(name: "FactArchiveQuery", targets: ["FactArchiveQuery"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    .target(
      name: "FactArchiveStore",
      dependencies: ["CSQLite"]
    ),
    .target(
      name: "FactArchivePolicy",
      dependencies: ["FactArchiveStore"]
    ),
    .target(
      name: "FactArchiveIngest",
      dependencies: [
        "FactArchivePolicy",
        "FactArchiveStore",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "FactArchiveQuery",
      dependencies: ["FactArchivePolicy", "FactArchiveStore"]
    ),
    .executableTarget(
      name: "factarchive",
      dependencies: [
        "FactArchiveIngest",
        "FactArchivePolicy",
        "FactArchiveQuery",
        "FactArchiveStore",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // Fuzzing (`make fuzz`): the properties every parse must keep, and one libFuzzer
    // target per parser. Built without libFuzzer, the targets replay inputs.
    .target(
      name: "FactArchiveFuzzing",
      dependencies: ["FactArchiveIngest"]
    ),
    .executableTarget(
      name: "FuzzArticleParser",
      dependencies: ["FactArchiveFuzzing"]
    ),
    .executableTarget(
      name: "FuzzClaimReview",
      dependencies: ["FactArchiveFuzzing"]
    ),
    // Helpers the test targets share: temporary folders, fixture paths, running the binary.
    .target(
      name: "TestSupport",
      path: "Tests/TestSupport"
    ),
    .testTarget(
      name: "FactArchiveStoreTests",
      dependencies: ["FactArchiveStore", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchivePolicyTests",
      dependencies: ["FactArchivePolicy", "FactArchiveIngest", "FactArchiveStore", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchiveIngestTests",
      dependencies: ["FactArchiveIngest", "FactArchiveStore", "FactArchiveFuzzing", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchiveQueryTests",
      dependencies: [
        "FactArchiveQuery", "FactArchivePolicy", "FactArchiveIngest", "FactArchiveStore",
        "TestSupport",
      ]
    ),
    // Runs the built `factarchive` binary; depending on it makes `swift test` build it.
    .testTarget(
      name: "FactArchiveCLITests",
      dependencies: [
        "factarchive", "FactArchiveStore", "TestSupport",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
  ]
)
