import ArgumentParser
import Foundation
import TeigenBuild
import TeigenCore

/// `teigen check`: checks the links of a built site (building it first into a temporary folder unless `--output` is given).
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Checks every internal link and fragment of the built site; lists external links.")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "A built output folder to check; when left out, the site is built into a temporary folder first.")
    var output: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: String = "text"

    @Flag(name: .long, help: "Lists external links (they are never fetched).")
    var external = false

    func run() async throws {
        let options = site.buildOptions()
        var root: URL
        var baseURL = "https://localhost/"
        var temporary: URL?
        var sources: [String: String] = [:]
        if let output {
            root = URL(fileURLWithPath: output)
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path) else {
                FileHandle.standardError.write(Data("\(output): error: no built site here (no index.html); run 'teigen build' first or leave out --output\n".utf8))
                throw ExitCode(1)
            }
            baseURL = site.baseURL ?? (try? BuildPipeline.configuration(options: options))?.baseURL ?? baseURL
        } else {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("teigen-check-\(getpid())")
            temporary = folder
            root = folder.appendingPathComponent("public")
            do {
                // Without the render cache: its pages would be stamped with this temporary folder's files, and the
                // next `teigen build` into the real output folder would render every page again.
                let product = try await SiteBuilder(options: options, output: root, usesCache: false).build()
                baseURL = product.baseURL
                sources = product.sources
            } catch {
                DiagnosticPrinter.print(error.diagnostics)
                throw ExitCode(1)
            }
        }
        defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
        let report = try LinkChecker(root: root, basePath: URLPath.basePath(ofBaseURL: baseURL), baseURL: baseURL).check(sources: sources)
        if format == "json" {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            for link in report.broken {
                let place = link.source ?? link.page
                print("\(place): error: broken link '\(link.url)' on \(link.page): \(link.reason)")
            }
            for orphan in report.orphans {
                print("\(orphan): warning: no link leads to this page from the home page")
            }
            if external {
                for url in report.external { print("external: \(url)") }
            }
            print("Checked \(report.checkedPages) pages: \(report.broken.count) broken links, \(report.orphans.count) orphans, \(report.external.count) external links")
        }
        if !report.broken.isEmpty { throw ExitCode(1) }
    }
}
