// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Samsyn",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "samsyn", targets: ["samsyn"]),
        .library(name: "Samsyn", targets: ["Samsyn"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // At the bottom: parallel map, suggestions, HTML escaping, Swedish letters, file bytes.
        .target(name: "SamsynSupport"),
        .target(name: "SamsynMarkdown", dependencies: ["CMarkGFM", "SamsynSupport"]),
        .target(name: "SamsynData", dependencies: ["SamsynSupport"]),
        .target(name: "SamsynCharts", dependencies: ["SamsynSupport"]),
        .target(
            name: "Samsyn",
            dependencies: [
                "SamsynSupport", "SamsynMarkdown", "SamsynData", "SamsynCharts", "Yams",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .executableTarget(
            name: "samsyn",
            dependencies: [
                "Samsyn", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // libFuzzer targets (scripts/fuzz.sh builds them with the fuzzer and address sanitizers).
        .executableTarget(name: "samsyn-fuzz", dependencies: ["Samsyn", "SamsynData", "SamsynSupport"]),
        .testTarget(name: "SamsynSupportTests", dependencies: ["SamsynSupport"]),
        .testTarget(name: "SamsynMarkdownTests", dependencies: ["SamsynMarkdown"]),
        .testTarget(name: "SamsynDataTests", dependencies: ["SamsynData"]),
        .testTarget(name: "SamsynChartsTests", dependencies: ["SamsynCharts"], exclude: ["Snapshots"]),
        .testTarget(
            name: "SamsynTests",
            dependencies: ["Samsyn", .product(name: "Mustache", package: "swift-mustache")],
            exclude: ["search-cases.json"]
        ),
        .testTarget(name: "SamsynCLITests", dependencies: ["samsyn"], exclude: ["Kolada"]),
    ]
)
