// swift-tools-version: 6.1
// Fuzz targets for Teigen's parsers, built with libFuzzer and AddressSanitizer. See Fuzz/README.md.
//
//   swift build --package-path Fuzz --scratch-path Fuzz/.build -c debug -Xswiftc -sanitize=fuzzer,address \
//       -Xcc -fsanitize=address
//
// or simply `scripts/fuzz.sh [SECONDS_PER_TARGET]`.
import PackageDescription

let package = Package(
    name: "TeigenFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The main package, by path; `name:` keeps the product references below independent of the
        // folder the repository was cloned into (a path dependency's identity is its folder's name).
        .package(name: "Teigen", path: "..")
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver, which each target's `@main` calls.
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "FuzzFrontMatter",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "TeigenContent", package: "Teigen"),
                .product(name: "TeigenCore", package: "Teigen"),
            ]
        ),
        .executableTarget(
            name: "FuzzMarkdown",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "TeigenMarkdown", package: "Teigen"),
                .product(name: "TeigenCore", package: "Teigen"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
