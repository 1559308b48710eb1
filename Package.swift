// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [.enableUpcomingFeature("ExistentialAny")]

let package = Package(
    name: "Teigen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "teigen", targets: ["teigen"]),
        .library(name: "TeigenCore", targets: ["TeigenCore"]),
        .library(name: "TeigenMarkdown", targets: ["TeigenMarkdown"]),
        .library(name: "TeigenContent", targets: ["TeigenContent"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "CAtomicRename"),
        .target(name: "CCmarkArena"),
        .target(name: "TeigenMarkdown", dependencies: ["CCmark", "CCmarkArena"], swiftSettings: strict),
        .target(name: "TeigenCore", swiftSettings: strict),
        .target(
            name: "TeigenContent",
            dependencies: [
                "TeigenCore", "TeigenMarkdown", .product(name: "Yams", package: "Yams"),
                .product(name: "TOMLKit", package: "TOMLKit"), .product(name: "SwiftCSV", package: "SwiftCSV"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TeigenTheme",
            dependencies: ["TeigenCore", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict
        ),
        .target(
            name: "TeigenBuild",
            dependencies: ["TeigenCore", "TeigenContent", "TeigenTheme", "TeigenMarkdown", "CAtomicRename"],
            swiftSettings: strict
        ),
        .target(
            name: "TeigenPreview",
            dependencies: [
                "TeigenCore", "TeigenBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "teigen",
            dependencies: [
                "TeigenCore", "TeigenBuild", "TeigenPreview", "TeigenMarkdown",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .testTarget(name: "TeigenMarkdownTests", dependencies: ["TeigenMarkdown"], swiftSettings: strict),
        .testTarget(name: "TeigenCoreTests", dependencies: ["TeigenCore"], swiftSettings: strict),
        .testTarget(name: "TeigenContentTests", dependencies: ["TeigenContent"], swiftSettings: strict),
        .testTarget(name: "TeigenThemeTests", dependencies: ["TeigenTheme"], swiftSettings: strict),
        .testTarget(
            name: "TeigenBuildTests",
            dependencies: ["TeigenBuild"],
            resources: [],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ReliabilityTests",
            dependencies: ["TeigenContent", "TeigenMarkdown", "TeigenCore"],
            path: "Tests/reliability",
            exclude: ["interrupt_test.sh"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TeigenPreviewTests",
            dependencies: [
                "TeigenPreview",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)
