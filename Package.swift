// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "workbench",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "workbench", targets: ["Workbench"]),
        .executable(name: "workbench-fuzz", targets: ["WorkbenchFuzz"]),
        .library(name: "WorkbenchCore", targets: ["WorkbenchCore"]),
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
        // Everything the workbench does: loading, extraction, the Lua bridge, scripts, reports.
        .target(
            name: "WorkbenchCore",
            dependencies: [
                "CLua", "CEditLine", "CInflate",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            // the lexicons and Lua modules, and the shipped scripts with the seed they are tested on,
            // so an installed or copied binary finds them from any folder
            resources: [.copy("Resources"), .copy("../../Scripts"), .copy("../../seeds")],
            // Release builds skip the run-time exclusivity checks: the extraction passes read a document's arrays
            // millions of times, and the checks were a tenth of parse time; debug builds and tests keep them.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release))]
        ),
        // Flat exports of the model (CSV, JSON Lines, SQLite through GRDB; Debian: libsqlite3-dev).
        .target(
            name: "WorkbenchExport",
            dependencies: ["WorkbenchCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // The thin command-line executable.
        .executableTarget(
            name: "Workbench",
            dependencies: [
                "WorkbenchCore", "WorkbenchExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The parser's fuzz target: `make fuzz` builds it with -sanitize=fuzzer; a normal build replays files.
        .executableTarget(name: "WorkbenchFuzz", dependencies: ["WorkbenchCore"]),
        .testTarget(name: "WorkbenchCoreTests", dependencies: ["WorkbenchCore", "WorkbenchExport"]),
        .testTarget(
            name: "WorkbenchCLITests",
            dependencies: [
                "WorkbenchCore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
