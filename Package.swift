// swift-tools-version: 6.0
import PackageDescription

/// Release builds of the model and extraction skip the run-time exclusivity checks: the extraction passes read a
/// document's arrays and the JSON writer its buffer millions of times, and the checks were a tenth of parse time;
/// debug builds and tests keep them.
let uncheckedExclusivityInRelease: [SwiftSetting] = [
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))
]

let package = Package(
    name: "workbench",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "workbench", targets: ["Workbench"]),
        .executable(name: "workbench-fuzz", targets: ["WorkbenchFuzz"]),
        .library(
            name: "WorkbenchCore",
            targets: [
                "WorkbenchModel", "WorkbenchExtraction", "WorkbenchLua", "WorkbenchScripting", "WorkbenchConsole",
            ]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // C shims over the system Lua 5.4 (Debian: liblua5.4-dev).
        .target(
            name: "CLua",
            linkerSettings: [.linkedLibrary("lua5.4"), .linkedLibrary("m")]
        ),
        // C shim over libedit for the console's line editing (Debian: libedit-dev).
        .target(
            name: "CEditLine",
            linkerSettings: [.linkedLibrary("edit")]
        ),
        // C shim over zlib, to check a bundle's compressed entries before extracting them (Debian: zlib1g-dev).
        .target(
            name: "CInflate",
            linkerSettings: [.linkedLibrary("z")]
        ),
        // The article model, its JSON form and documentation, errors, standard streams, and the data files the
        // workbench ships (lexicons, Lua modules, the shipped scripts with the seed they are tested on), so an
        // installed or copied binary finds them from any folder.
        .target(
            name: "WorkbenchModel",
            resources: [.copy("Resources"), .copy("../../Scripts"), .copy("../../seeds")],
            swiftSettings: uncheckedExclusivityInRelease
        ),
        // Reading articles and extracting the model from them: tokens, parties, dates, figures, quotes, events,
        // commitments.
        .target(
            name: "WorkbenchExtraction",
            dependencies: ["WorkbenchModel"],
            swiftSettings: uncheckedExclusivityInRelease
        ),
        // The Lua bridge: the only Swift code that sees the C API (through CLua's protected trampolines).
        .target(
            name: "WorkbenchLua",
            dependencies: ["CLua", "WorkbenchModel"]
        ),
        // Scripting on top of the bridge: the script runtime and its Lua API, script metadata, bundles, signing,
        // the sandbox policy, and reports.
        .target(
            name: "WorkbenchScripting",
            dependencies: [
                "WorkbenchModel", "WorkbenchExtraction", "WorkbenchLua", "CInflate",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        // The interactive console, with libedit's line editing.
        .target(
            name: "WorkbenchConsole",
            dependencies: ["CEditLine", "WorkbenchModel", "WorkbenchLua", "WorkbenchScripting"]
        ),
        // Flat exports of the model (CSV, JSON Lines, SQLite through GRDB; Debian: libsqlite3-dev).
        .target(
            name: "WorkbenchExport",
            dependencies: [
                "WorkbenchModel", "WorkbenchExtraction", "WorkbenchScripting",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The command-line interface: argument parsing, the commands, and the mapping of errors to exit codes.
        .executableTarget(
            name: "Workbench",
            dependencies: [
                "WorkbenchModel", "WorkbenchExtraction", "WorkbenchLua", "WorkbenchScripting", "WorkbenchConsole",
                "WorkbenchExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The parser's fuzz target: `make fuzz` builds it with -sanitize=fuzzer; a normal build replays files.
        .executableTarget(
            name: "WorkbenchFuzz", dependencies: ["WorkbenchModel", "WorkbenchExtraction", "WorkbenchScripting"]),
        .testTarget(
            name: "WorkbenchCoreTests",
            dependencies: [
                "WorkbenchModel", "WorkbenchExtraction", "WorkbenchLua", "WorkbenchScripting", "WorkbenchConsole",
                "WorkbenchExport",
            ]),
        .testTarget(
            name: "WorkbenchCLITests",
            dependencies: [
                "WorkbenchModel", "WorkbenchScripting", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
