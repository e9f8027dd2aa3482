// swift-tools-version:6.1
// FactArchive: an archive of fact-check articles in SQLite, and the stale ones listed.
//
// Dependencies run one way (an arrow points at what a module uses):
//
//   factarchive (CLI) ──┬─→ FactArchiveDesk ──┐
//                       ├───────────────────→ FactArchiveRecording ─→ FactArchiveQuery ─┐
//                       ├───────────────────→ FactArchiveIngest ─→ FactArchiveParser     │
//                       │                        │                      │                 │
//                       │                        └──────→ FactArchiveSchema ←────────────┘
//                       │                                  │            │
//                       │                     FactArchivePolicy    FactArchiveStore ─→ CSQLite
//                       │                                  │
//                       └─────────────────────────→ FactArchiveCore (every module uses it)
//
// - FactArchiveCore: the domain values (days, parsed documents, rules, verdicts, tiers, a
//   stale check and a report with their one JSON shape). No SQLite, no Foundation.
// - FactArchiveWebPage: any publisher's article page read (libxml2 via CLibXML2): encoding,
//   the DOM with its limits, metadata, the main text and its links. Core only otherwise.
// - FactArchiveParser: saved pages, feeds and ClaimReview in, parsed documents out (uses
//   WebPage for HTML).
// - FactArchivePolicy: the staleness rules applied (due dates, tiers, the queue's orders,
//   names). Core only.
// - FactArchiveStore: a thin layer over the SQLite C API (libsqlite3 via CSQLite):
//   `Connection`, `Statement`, `Row`, `DatabaseError`, migrations. Knows no fact-checks.
// - FactArchiveSchema: the archive's tables (Schema/*.sql), opening and migrating them, the
//   SQL generated from the rules (`QueueSQL`, `CheckSQL`), and the derived columns every
//   write keeps right (due dates, tiers, evidence links, name counts: `Judging/`). Writes
//   only what migrations and those invariants need.
// - FactArchiveDigest: SHA-256 through the system's libcrypto (CLibCrypto), the key of every
//   stored document.
// - FactArchiveIngest: writes documents in (checks, sources, rejected files).
// - FactArchiveFetch: pages and feeds fetched by URL (libcurl via CCurl) and ingested, under
//   the address policy.
// - FactArchiveRecording: writes what editors and the nightly run decide: reviews,
//   snoozes, policy changes, report runs and the queue's periods.
// - FactArchiveQuery: reads: the queue, checks, sources, searches, reports, exports. Never
//   writes.
// - FactArchiveDesk: the editors' web desk (Hummingbird 2): controllers whose handlers call
//   the same library functions as the CLI, pages through Query's HTML builder.
import PackageDescription

let package = Package(
  name: "FactArchive",
  products: [
    .executable(name: "factarchive", targets: ["factarchive"]),
    .library(name: "FactArchiveCore", targets: ["FactArchiveCore"]),
    .library(name: "FactArchiveWebPage", targets: ["FactArchiveWebPage"]),
    .library(name: "FactArchiveParser", targets: ["FactArchiveParser"]),
    .library(name: "FactArchiveStore", targets: ["FactArchiveStore"]),
    .library(name: "FactArchivePolicy", targets: ["FactArchivePolicy"]),
    .library(name: "FactArchiveSchema", targets: ["FactArchiveSchema"]),
    .library(name: "FactArchiveRecording", targets: ["FactArchiveRecording"]),
    .library(name: "FactArchiveDesk", targets: ["FactArchiveDesk"]),
    .library(name: "FactArchiveIngest", targets: ["FactArchiveIngest"]),
    .library(name: "FactArchiveQuery", targets: ["FactArchiveQuery"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    // No traits: the desk reads no swift-configuration files and uses full Foundation anyway;
    // Hummingbird's default traits compile swift-configuration into every first build.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0", traits: []),
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
    // The system's libcrypto (OpenSSL), for SHA-256 (`make deps` installs libssl-dev).
    .systemLibrary(
      name: "CLibCrypto",
      pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]
    ),
    // SHA-256, the key of every stored document.
    .target(
      name: "FactArchiveDigest",
      dependencies: ["CLibCrypto"]
    ),
    // libxml2's HTML parser, for pages saved from a browser (`make deps` installs libxml2-dev).
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // Any publisher's article page, read: encoding, libxml2's DOM, metadata, main text.
    .target(
      name: "FactArchiveWebPage",
      dependencies: ["FactArchiveCore", "CLibXML2"],
      // The hints are compiled in by `make schema` (PageHints+Data.swift).
      exclude: ["Data"]
    ),
    .target(
      name: "FactArchiveParser",
      dependencies: ["FactArchiveCore", "FactArchiveWebPage"]
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
      name: "FactArchiveSchema",
      dependencies: ["FactArchiveCore", "FactArchivePolicy", "FactArchiveStore"]
    ),
    .target(
      name: "FactArchiveIngest",
      dependencies: [
        "FactArchiveCore",
        "FactArchiveParser",
        "FactArchivePolicy",
        "FactArchiveStore",
        "FactArchiveSchema",
        "FactArchiveDigest",
      ]
    ),
    .target(
      name: "FactArchiveQuery",
      dependencies: [
        "FactArchiveCore", "FactArchivePolicy", "FactArchiveStore", "FactArchiveSchema",
      ]
    ),
    .target(
      name: "FactArchiveRecording",
      dependencies: [
        "FactArchiveCore", "FactArchivePolicy", "FactArchiveStore", "FactArchiveSchema",
        "FactArchiveQuery",
      ]
    ),
    // The system's libcurl, which fetching runs on (`make deps` installs
    // libcurl4-openssl-dev).
    .systemLibrary(
      name: "CCurl",
      pkgConfig: "libcurl",
      providers: [.apt(["libcurl4-openssl-dev"])]
    ),
    // Fetching pages and feeds by URL (libcurl), read by the ingest module.
    .target(
      name: "FactArchiveFetch",
      dependencies: [
        "FactArchiveCore", "FactArchiveIngest", "FactArchiveParser", "FactArchiveStore", "CCurl",
      ]
    ),
    // The editors' desk: Hummingbird controllers over the query and recording modules.
    .target(
      name: "FactArchiveDesk",
      dependencies: [
        "FactArchiveCore", "FactArchiveSchema", "FactArchivePolicy", "FactArchiveQuery",
        "FactArchiveRecording", "FactArchiveStore", "FactArchiveFetch", "FactArchiveIngest",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
        "FactArchiveDigest",
      ]
    ),
    .executableTarget(
      name: "factarchive",
      dependencies: [
        "FactArchiveCore",
        "FactArchiveSchema",
        "FactArchiveDesk",
        "FactArchiveFetch",
        "FactArchiveIngest",
        "FactArchiveParser",
        "FactArchivePolicy",
        "FactArchiveQuery",
        "FactArchiveRecording",
        "FactArchiveStore",
        "FactArchiveWebPage",
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
    .executableTarget(
      name: "FuzzFeedReader",
      dependencies: ["FactArchiveFuzzing"]
    ),
    // Helpers the test targets share: temporary folders, fixture paths, running the binary.
    .target(
      name: "TestSupport",
      path: "Tests/TestSupport"
    ),
    // Archives the query, recording and desk tests share: the fixtures ingested, a scenario
    // that shows every reason.
    .target(
      name: "ArchiveTestSupport",
      dependencies: [
        "FactArchiveCore", "FactArchiveIngest", "FactArchivePolicy", "FactArchiveQuery",
        "FactArchiveSchema", "FactArchiveStore", "TestSupport",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
      ],
      path: "Tests/ArchiveTestSupport"
    ),
    .testTarget(
      name: "FactArchiveCoreTests",
      dependencies: ["FactArchiveCore"]
    ),
    .testTarget(
      name: "FactArchiveWebPageTests",
      dependencies: ["FactArchiveCore", "FactArchiveWebPage", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchiveParserTests",
      dependencies: ["FactArchiveCore", "FactArchiveParser", "FactArchiveFuzzing", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchivePolicyTests",
      dependencies: ["FactArchiveCore", "FactArchivePolicy", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchiveStoreTests",
      dependencies: ["CSQLite", "FactArchiveStore", "TestSupport"]
    ),
    .testTarget(
      name: "FactArchiveSchemaTests",
      dependencies: [
        "FactArchiveCore", "FactArchivePolicy", "FactArchiveSchema", "FactArchiveStore",
        "TestSupport",
      ]
    ),
    .testTarget(
      name: "FactArchiveIngestTests",
      dependencies: [
        "ArchiveTestSupport", "FactArchiveCore", "FactArchiveParser", "FactArchiveSchema",
        "FactArchiveIngest", "FactArchiveStore", "FactArchiveWebPage", "FactArchiveDigest",
        "TestSupport",
      ]
    ),
    .testTarget(
      name: "FactArchiveQueryTests",
      dependencies: [
        "FactArchiveCore", "FactArchiveSchema", "FactArchiveQuery", "FactArchivePolicy",
        "FactArchiveIngest", "FactArchiveParser", "FactArchiveRecording", "FactArchiveStore",
        "FactArchiveDigest", "TestSupport", "ArchiveTestSupport",
      ]
    ),
    .testTarget(
      name: "FactArchiveRecordingTests",
      dependencies: [
        "FactArchiveCore", "FactArchiveSchema", "FactArchiveQuery", "FactArchivePolicy",
        "FactArchiveIngest", "FactArchiveParser", "FactArchiveRecording", "FactArchiveStore",
        "TestSupport", "ArchiveTestSupport",
      ]
    ),
    .testTarget(
      name: "FactArchiveFetchTests",
      dependencies: [
        "ArchiveTestSupport", "FactArchiveCore", "FactArchiveFetch", "FactArchiveIngest",
        "FactArchiveQuery", "FactArchiveRecording", "FactArchiveSchema", "FactArchiveStore",
        "TestSupport",
      ]
    ),
    .testTarget(
      name: "FactArchiveDeskTests",
      dependencies: [
        "FactArchiveDesk", "FactArchiveCore", "FactArchiveSchema", "FactArchiveIngest",
        "FactArchiveQuery", "FactArchiveRecording", "FactArchiveStore", "TestSupport",
        "ArchiveTestSupport", .product(name: "Hummingbird", package: "hummingbird"),
      ]
    ),
    // Runs the built `factarchive` binary; depending on it makes `swift test` build it.
    .testTarget(
      name: "FactArchiveCLITests",
      dependencies: [
        "factarchive", "FactArchiveDigest", "FactArchiveIngest", "FactArchiveStore", "TestSupport",
      ]
    ),
  ]
)
