import Foundation
import Testing

/// The module structure the README's "Architecture" section draws holds: its arrows are exactly the
/// dependencies `Package.swift` declares between Teigen's modules, each module imports exactly what it
/// declares, and each third-party package is used by one module.
@Suite struct ArchitectureTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let manifest = PackageManifest(text: (try? String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)) ?? "")
    /// Modules of the toolchain, which need no declaration.
    static let system: Set<String> = [
        "Swift", "Foundation", "FoundationEssentials", "FoundationNetworking", "FoundationXML", "Dispatch", "Glibc", "Musl", "Darwin", "Synchronization",
        "_Concurrency",
    ]
    static let testing: Set<String> = ["Testing", "XCTest"]
    /// Packages that may serve several modules: swift-crypto is a hash function, not a framework.
    static let sharedPackages: Set<String> = ["swift-crypto"]

    static var swiftTargets: [PackageManifest.Target] {
        manifest.targets.filter { $0.kind != .system && !swiftFiles(of: $0).isEmpty }
    }

    @Test func manifestIsRead() {
        let names = Set(Self.manifest.targets.map(\.name))
        #expect(names.isSuperset(of: ["teigen", "TeigenCore", "TeigenMarkdown", "TeigenBuild", "TeigenBuildTests", "CCmark"]))
        #expect(Self.manifest.targets.first { $0.name == "TeigenTheme" }?.products == ["Mustache": "swift-mustache"])
    }

    /// The README's arrows, one line per module (`TeigenBuild → TeigenContent, TeigenTheme, …`), are the
    /// dependencies on Teigen's own modules that Package.swift declares.
    @Test func readmeArrowsAreThePackageDependencies() throws {
        let arrows = try Self.readmeArrows()
        for target in Self.swiftTargets where target.kind != .test {
            #expect(arrows[target.name] == target.targets, "README arrow of \(target.name) vs Package.swift")
        }
        let modules = Set(Self.swiftTargets.filter { $0.kind != .test }.map(\.name))
        #expect(Set(arrows.keys) == modules)
    }

    /// Every import of every module (tests included) is declared for it in Package.swift, or is the toolchain's.
    @Test(arguments: swiftTargets)
    func importsAreDeclared(_ target: PackageManifest.Target) throws {
        let allowed = target.targets.union(target.products.keys).union(Self.system).union(target.kind == .test ? Self.testing : [])
        let undeclared = try Self.imports(of: target).subtracting(allowed)
        #expect(undeclared.isEmpty, "\(target.name) imports \(undeclared.sorted()) without declaring them in Package.swift")
    }

    /// Every dependency a module declares (C targets included) is one it imports, so that the arrows say
    /// exactly what is used.
    @Test(arguments: swiftTargets.filter { $0.kind != .test })
    func declaredDependenciesAreImported(_ target: PackageManifest.Target) throws {
        let unused = target.targets.union(target.products.keys).subtracting(try Self.imports(of: target))
        #expect(unused.isEmpty, "\(target.name) declares \(unused.sorted()) but does not import them")
    }

    /// Each third-party package is used by one module (tests aside): Yams by Content, swift-mustache by
    /// Theme, Hummingbird and the packages under it by Preview, ArgumentParser by the command.
    @Test func eachPackageLivesInOneModule() {
        var users: [String: Set<String>] = [:]
        for target in Self.manifest.targets where target.kind != .test {
            for package in target.products.values where !Self.sharedPackages.contains(package) { users[package, default: []].insert(target.name) }
        }
        for (package, modules) in users {
            #expect(modules.count == 1, "\(package) is used by \(modules.sorted())")
        }
    }

    /// The README's arrows: each line `Module → A, B (note), C` of the fenced block in "## Architecture".
    static func readmeArrows() throws -> [String: Set<String>] {
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "\n## Architecture\n").dropFirst().first?.components(separatedBy: "\n## ").first ?? ""
        var arrows: [String: Set<String>] = [:]
        var inBlock = false
        for line in section.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inBlock.toggle()
                continue
            }
            let parts = line.components(separatedBy: " → ")
            guard inBlock, parts.count == 2 else { continue }
            let module = parts[0].trimmingCharacters(in: .whitespaces)
            guard !module.isEmpty, !module.contains(" ") else { continue }
            let targets = parts[1].replacingOccurrences(of: #"\([^)]*\)"#, with: "", options: .regularExpression)
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            arrows[module] = Set(targets)
        }
        return arrows
    }

    /// The Swift files of a target.
    static func swiftFiles(of target: PackageManifest.Target) -> [URL] {
        let folder = root.appendingPathComponent(target.path)
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "swift" }
    }

    /// The modules a target's Swift files import (`import X`, `@testable import X`, `import struct X.Y`); lines
    /// inside a multi-line string literal (a Python script, say) are text, not imports.
    static func imports(of target: PackageManifest.Target) throws -> Set<String> {
        var modules = Set<String>()
        let pattern = try Regex(#"^\s*(?:@\w+\s+)*import\s+(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?(\w+)"#)
        for file in swiftFiles(of: target) {
            var inString = false
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if !inString, let match = try pattern.firstMatch(in: line), let name = match.output[1].substring { modules.insert(String(name)) }
                if line.ranges(of: "\"\"\"").count % 2 == 1 { inString.toggle() }
            }
        }
        return modules
    }
}
