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
        .library(name: "TeigenImages", targets: ["TeigenImages"]),
        .library(name: "TeigenTools", targets: ["TeigenTools"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        // What the preview server uses of Hummingbird's own dependencies (the versions Hummingbird needs).
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.14.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // Tests only: a clock the tests advance by hand (the preview's debouncer measures time with it).
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.1.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // libvips's headers, with GLib's flags (gobject-2.0): libvips itself is not linked but opened when the
        // first image is made (Sources/CVipsBridge/vips_bridge.c says why).
        .systemLibrary(
            name: "CVips",
            pkgConfig: "gobject-2.0",
            providers: [.apt(["libvips-dev"])]
        ),
        // libwebpmux removes the metadata chunks libvips 8.14.1 writes into WebP in spite of "strip";
        // ICU (icuuc) finds Japanese word boundaries for share-image titles.
        .target(
            name: "CVipsBridge",
            dependencies: ["CVips"],
            linkerSettings: [.linkedLibrary("webpmux"), .linkedLibrary("webp"), .linkedLibrary("icuuc")]
        ),
        .target(
            name: "TeigenImages",
            dependencies: ["TeigenCore", "CVipsBridge", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict
        ),
        // xxHash's XXH3 (128 bits) for the render cache's keys: stable across processes, and many times faster
        // than SHA-256 over the ten thousand page contexts a build keys.
        .systemLibrary(
            name: "CXXHash",
            pkgConfig: "libxxhash",
            providers: [.apt(["libxxhash-dev"])]
        ),
        .target(name: "CAtomicRename"),
        .target(name: "CCmarkArena"),
        .target(name: "TeigenMarkdown", dependencies: ["CCmark", "CCmarkArena"], swiftSettings: strict),
        .target(name: "TeigenCore", swiftSettings: strict),
        // The external tools: Pygments (highlighting) and latex2mathml (math) through one Python driver, cached.
        .target(
            name: "TeigenTools", dependencies: [.product(name: "Crypto", package: "swift-crypto")], swiftSettings: strict),
        .target(
            name: "TeigenContent",
            dependencies: [
                "TeigenCore", "TeigenMarkdown", "TeigenTools", .product(name: "Yams", package: "Yams"),
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
            dependencies: [
                "TeigenCore", "TeigenContent", "TeigenTheme", "TeigenImages", "CAtomicRename", "CXXHash",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "TeigenPreview",
            dependencies: [
                "TeigenCore", "TeigenBuild",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "teigen",
            dependencies: [
                "TeigenCore", "TeigenBuild", "TeigenPreview", "TeigenMarkdown", "TeigenContent", "TeigenTools",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict,
            // Release builds allocate with jemalloc (Debian's libjemalloc-dev) instead of glibc's malloc: a build makes
            // and frees millions of small values from several threads, and glibc's allocator slows down as the heap
            // grows. gperftools' TCMalloc, used before, built as fast but cleared 3.5 MB of page maps at start-up,
            // 2 ms of every process (README "Architecture" has the measurements). Debug builds, which the tests and
            // the AddressSanitizer run use, keep glibc's.
            //
            // Release builds also link with lld (in the Swift toolchain) and two flags that shorten every process's
            // start-up by about 1.5 ms (README "Architecture"): `--no-export-dynamic` undoes the static standard
            // library's `-export-dynamic`, which put all 31,000 of the executable's symbols into its dynamic table
            // (nothing loads plug-ins against them), and `-z pack-relative-relocs` stores its 120,000 relative
            // relocations in a few pages instead of 2.9 MB.
            linkerSettings: [
                .linkedLibrary("jemalloc", .when(platforms: [.linux], configuration: .release)),
                .unsafeFlags(
                    ["-use-ld=lld", "-Xlinker", "--no-export-dynamic", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"],
                    .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        .testTarget(name: "TeigenMarkdownTests", dependencies: ["TeigenMarkdown", "CCmark", "CCmarkArena"], swiftSettings: strict),
        .testTarget(name: "TeigenCoreTests", dependencies: ["TeigenCore"], swiftSettings: strict),
        .testTarget(name: "TeigenContentTests", dependencies: ["TeigenContent", "TeigenCore"], swiftSettings: strict),
        .testTarget(name: "TeigenToolsTests", dependencies: ["TeigenTools"], swiftSettings: strict),
        .testTarget(
            name: "TeigenThemeTests",
            dependencies: ["TeigenTheme", "TeigenCore", .product(name: "Mustache", package: "swift-mustache")],
            swiftSettings: strict),
        .testTarget(
            name: "TeigenImagesTests",
            dependencies: ["TeigenImages", "TeigenCore"],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TeigenBuildTests",
            dependencies: ["TeigenBuild", "TeigenContent", "TeigenCore", "TeigenTheme", "TeigenTools"],
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
                "TeigenPreview", "TeigenBuild", "TeigenCore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Clocks", package: "swift-clocks"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "teigenTests",
            dependencies: ["teigen", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        // Reads Package.swift, README.md and every module's imports: the architecture holds.
        .testTarget(name: "ArchitectureTests", swiftSettings: strict),
    ],
    swiftLanguageModes: [.v6]
)
