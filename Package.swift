// swift-tools-version:6.0
// FactArchive: an archive of fact-check articles in SQLite, and the stale ones listed.
//
// Dependencies run one way:
//
//   factarchive (CLI) ─→ FactArchiveDesk ─→ FactArchiveQuery ─┐
//   factarchive (CLI) ─→ FactArchiveQuery ─┬─→ FactArchiveDatabase ─┬─→ FactArchivePolicy ─→ FactArchiveCore
//                     └→ FactArchiveIngest ─┘                        └─→ FactArchiveStore ─→ CSQLite
//                        FactArchiveIngest ──→ FactArchiveParser ──→ FactArchiveCore
//
// - FactArchiveCore: the domain values (days, parsed documents, rules, verdicts, reason
//   codes). No SQLite, no Foundation.
// - FactArchiveParser: saved pages and ClaimReview in, parsed documents out. Core only.
// - FactArchivePolicy: the staleness rules applied (due dates, priority order, names). Core only.
// - FactArchiveStore: a thin layer over the SQLite C API (libsqlite3 via CSQLite). Knows no
//   fact-checks.
// - FactArchiveDatabase: the archive's schema (Schema/*.sql), opening it, and the
//   invariants kept on every write (due dates, evidence links, the rules as stored).
// - FactArchiveIngest / FactArchiveQuery: writing documents in; reading queues, reports,
//   searches out. The CLI is a thin layer over these two.
// - FactArchiveDesk: the editors' web desk (Hummingbird 2): thin routes over Query and
//   Database, pages through Query's HTML builder.
import PackageDescription

let package = Package(
  name: "FactArchive",
  products: [
    .executable(name: "factarchive", targets: ["factarchive"]),
    .library(name: "FactArchiveCore", targets: ["FactArchiveCore"]),
    .library(name: "FactArchiveParser", targets: ["FactArchiveParser"]),
    .library(name: "FactArchiveStore", targets: ["FactArchiveStore"]),
    .library(name: "FactArchivePolicy", targets: ["FactArchivePolicy"]),
    .library(name: "FactArchiveDatabase", targets: ["FactArchiveDatabase"]),
    .library(name: "FactArchiveDesk", targets: ["FactArchiveDesk"]),
    .library(name: "FactArchiveIngest", targets: ["FactArchiveIngest"]),
    .library(name: "FactArchiveQuery", targets: ["FactArchiveQuery"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
  ],
  targets: [
    .systemLibrary(
      name: "CSQLite",
      pkgConfig: "sqlite3",
      providers: [.apt(["libsqlite3-dev"])]
    ),
    .target(
      name: "FactArchiveCore"
    ),
    // libxml2's HTML parser, for pages saved from a browser (`make deps` installs libxml2-dev).
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    .target(
      name: "FactArchiveParser",
      dependencies: ["FactArchiveCore", "CLibXML2"]
    ),
    .target(
      name: "FactArchivePolicy",
      dependencies: ["FactArchiveCore"],
      // The common-names list is compiled in by `make schema` (CommonNames+Data.swift).
      exclude: ["Data"]
    ),
    .target(
      name: "FactArchiveStore",
      dependencies: ["CSQLite"]
    ),
    .target(
      name: "FactArchiveDatabase",
      dependencies: ["FactArchiveCore", "FactArchivePolicy", "FactArchiveStore"]
    ),
    .target(
      name: "FactArchiveIngest",
      dependencies: [
        "FactArchiveCore",
        "FactArchiveParser",
        "FactArchivePolicy",
        "FactArchiveStore",
        "FactArchiveDatabase",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .target(
      name: "FactArchiveQuery",
      dependencies: [
        "FactArchiveCore", "FactArchivePolicy", "FactArchiveStore", "FactArchiveDatabase",
      ]
    ),
    // The editors' desk: Hummingbird routes over the query and database modules.
    .target(
      name: "FactArchiveDesk",
      dependencies: [
        "FactArchiveCore", "FactArchiveDatabase", "FactArchivePolicy", "FactArchiveQuery",
        "FactArchiveStore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
    .executableTarget(
      name: "factarchive",
      dependencies: [
        "FactArchiveCore",
        "FactArchiveDatabase",
        "FactArchiveDesk",
        "FactArchiveIngest",
        "FactArchiveParser",
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
      dependencies: ["FactArchiveCore", "FactArchiveParser", "FactArchiveIngest"]
    ),
    .executableTarget(
      name: "FuzzArticleParser",
      dependencies: ["FactArchiveFuzzing"]
    ),
    .executableTarget(
      name: "FuzzClaimReview",
      dependencies: ["FactArchiveFuzzing"]
    ),
    .executableTarget(
      name: "FuzzHTMLReader",
      dependencies: ["FactArchiveFuzzing"]
    ),
    // Helpers the test targets share: temporary folders, fixture paths, running the binary.
    .target(
      name: "TestSupport",
      path: "Tests/TestSupport"
    ),
    .testTarget(
      name: "FactArchiveCoreTests",
      dependencies: ["FactArchiveCore"]
    ),
    .testTarget(
      name: "FactArchiveParserTests",
      dependencies: ["FactArchiveCore", "FactArchiveParser", "FactArchiveFuzzing", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchivePolicyTests",
      dependencies: ["FactArchiveCore", "FactArchivePolicy"]
    ),
    .testTarget(
      name: "FactArchiveStoreTests",
      dependencies: ["FactArchiveStore", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchiveDatabaseTests",
      dependencies: ["FactArchiveDatabase", "FactArchiveStore", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchiveIngestTests",
      dependencies: [
        "FactArchiveCore", "FactArchiveParser", "FactArchiveDatabase", "FactArchiveIngest",
        "FactArchiveStore", "TestSupport",
      ]
    ),
    .testTarget(
      name: "FactArchiveQueryTests",
      dependencies: [
        "FactArchiveCore", "FactArchiveDatabase", "FactArchiveQuery", "FactArchivePolicy",
        "FactArchiveIngest", "FactArchiveParser", "FactArchiveStore", "TestSupport",
      ]
    ),
    .testTarget(
      name: "FactArchiveDeskTests",
      dependencies: [
        "FactArchiveDesk", "FactArchiveCore", "FactArchiveDatabase", "FactArchiveIngest",
        "FactArchiveQuery", "FactArchiveStore", "TestSupport",
        .product(name: "HummingbirdTesting", package: "hummingbird"),
      ]
    ),
    // Runs the built `factarchive` binary; depending on it makes `swift test` build it.
    .testTarget(
      name: "FactArchiveCLITests",
      dependencies: [
        "factarchive", "FactArchiveIngest", "FactArchiveStore", "TestSupport",
        .product(name: "Crypto", package: "swift-crypto"),
      ]
    ),
  ]
)
