import Foundation

/// The targets of `Package.swift` and what each declares it depends on, read from the manifest's text
/// (running `swift package dump-package` inside `swift test` would wait for the build folder's lock).
struct PackageManifest {
    struct Target: CustomStringConvertible {
        enum Kind { case regular, executable, test, system }
        var name: String
        var kind: Kind
        /// The folder of its sources, relative to the package root.
        var path: String
        /// The targets of this package it depends on.
        var targets: Set<String>
        /// The products of other packages it depends on: product name to package identity (`swift-crypto`).
        var products: [String: String]
        var description: String { name }
    }

    var targets: [Target]

    init(text: String) {
        var targets: [Target] = []
        let kinds: [(String, Target.Kind)] = [
            (".target(", .regular), (".executableTarget(", .executable), (".testTarget(", .test), (".systemLibrary(", .system),
        ]
        for (opening, kind) in kinds {
            var rest = text[...]
            while let start = rest.range(of: opening) {
                let arguments = Self.balanced(rest[start.upperBound...], open: "(", close: ")")
                rest = rest[start.upperBound...]
                guard let name = Self.string(after: "name:", in: arguments) else { continue }
                let folder = kind == .test ? "Tests/" : "Sources/"
                var dependencies = ""
                if let label = arguments.range(of: "dependencies:"), let open = arguments[label.upperBound...].firstIndex(of: "[") {
                    dependencies = Self.balanced(arguments[arguments.index(after: open)...], open: "[", close: "]")
                }
                var products: [String: String] = [:]
                while let product = dependencies.range(of: ".product(") {
                    let productArguments = Self.balanced(dependencies[product.upperBound...], open: "(", close: ")")
                    if let productName = Self.string(after: "name:", in: productArguments), let package = Self.string(after: "package:", in: productArguments) {
                        products[productName] = package
                    }
                    dependencies.removeSubrange(product.lowerBound..<dependencies.index(product.upperBound, offsetBy: productArguments.count + 1))
                }
                let names = Self.strings(in: dependencies)
                targets.append(Target(
                    name: name, kind: kind, path: Self.string(after: "path:", in: arguments) ?? folder + name, targets: Set(names), products: products))
            }
        }
        self.targets = targets.sorted { $0.name < $1.name }
    }

    /// The text after `text`'s start up to the `close` that balances an `open` before it (string literals skipped).
    static func balanced(_ text: Substring, open: Character, close: Character) -> String {
        var depth = 1
        var inString = false
        var result = ""
        for character in text {
            if character == "\"" { inString.toggle() }
            if !inString {
                if character == open { depth += 1 }
                if character == close {
                    depth -= 1
                    if depth == 0 { break }
                }
            }
            result.append(character)
        }
        return result
    }

    /// The string literal right after `label` in `text`.
    static func string(after label: String, in text: String) -> String? {
        guard let range = text.range(of: label) else { return nil }
        let rest = text[range.upperBound...].drop { $0 == " " || $0 == "\n" }
        guard rest.first == "\"" else { return nil }
        return String(rest.dropFirst().prefix { $0 != "\"" })
    }

    /// Every string literal in `text`.
    static func strings(in text: String) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }
}
