import ArgumentParser
import Foundation
import TeigenBuild
import TeigenCore

/// `teigen build`: builds the site into the output folder, atomically.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the site into the output folder (atomically: a failed build changes nothing).")

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The output folder.")
    var output: String = "public"

    @Flag(name: .long, help: "Prints each stage's time and the page count.")
    var verbose = false

    @Flag(name: .customLong("fail-on-warnings"), help: "Treats warnings as errors: nothing is written when there are any.")
    var failOnWarnings = false

    @Flag(name: .long, help: "Replaces the output folder even when it holds files Teigen did not write (they are deleted).")
    var force = false

    @Flag(name: .customLong("no-cache"), help: "Converts and renders every page, neither reading nor writing the render cache in .teigen-cache/render/.")
    var noCache = false

    @Option(name: .customLong("print-html"), help: "Also writes the HTML of each print document (pdf in config.yaml), with its stylesheet, into this folder.")
    var printHTML: String?

    func run() async throws {
        var options = site.buildOptions()
        options.printHTMLDirectory = printHTML.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
        let outputURL = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        do {
            let product = try await SiteBuilder(
                options: options, output: outputURL, failOnWarnings: failOnWarnings, force: force, usesCache: !noCache
            ).build()
            DiagnosticPrinter.print(product.warnings)
            if verbose {
                let width = product.timings.map(\.stage.count).max() ?? 0
                for (stage, duration) in product.timings where !stage.isEmpty {
                    print("\(stage.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(Self.milliseconds(duration)) ms")
                }
            }
            if verbose {
                if !noCache { print("reused \(product.reusedPageFiles) of \(product.pageFiles) pages from the cache") }
                Self.printDetails(product)
            }
            print("Built \(product.pageCount) pages, \(product.writtenCount) files into \(output)/; \(Self.skippedSummary(product))")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.summary(errors: error.diagnostics.filter { $0.severity == .error }.count)
            throw ExitCode(1)
        }
    }

    /// How many pages the build left out, by reason: "skipped 2 drafts, 1 future, 0 expired".
    static func skippedSummary(_ product: BuildProduct) -> String {
        let draft = product.skippedCount(.draft)
        return "skipped \(draft) draft\(draft == 1 ? "" : "s"), \(product.skippedCount(.future)) future, \(product.skippedCount(.expired)) expired"
    }

    /// `--verbose`: each page left out and why, and each file used in place of another.
    static func printDetails(_ product: BuildProduct) {
        let format = ISO8601DateFormatter()
        for page in product.skipped {
            switch page.reason {
            case .draft: print("skipped (draft): \(page.sourcePath)")
            case .future: print("skipped (future, publishes \(page.instant.map(format.string(from:)) ?? "later")): \(page.sourcePath)")
            case .expired: print("skipped (expired \(page.instant.map(format.string(from:)) ?? "")): \(page.sourcePath)")
            }
        }
        for override in product.overrides {
            print("override: \(override.file) replaces \(override.replaces)")
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
