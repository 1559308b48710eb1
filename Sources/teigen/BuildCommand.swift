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

    @Option(name: .customLong("print-html"), help: "Also writes the HTML of each print document (pdf in config.yaml), with its stylesheet, into this folder.")
    var printHTML: String?

    func run() async throws {
        var options = site.buildOptions()
        options.printHTMLDirectory = printHTML.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL }
        let outputURL = URL(fileURLWithPath: output, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)).standardizedFileURL
        do {
            let product = try await SiteBuilder(options: options, output: outputURL, failOnWarnings: failOnWarnings, force: force).build()
            DiagnosticPrinter.print(product.warnings)
            if verbose {
                let width = product.timings.map(\.stage.count).max() ?? 0
                for (stage, duration) in product.timings where !stage.isEmpty {
                    print("\(stage.padding(toLength: width + 2, withPad: " ", startingAt: 0))\(Self.milliseconds(duration)) ms")
                }
            }
            print("Built \(product.pageCount) pages, \(product.writtenCount) files into \(output)/")
        } catch {
            DiagnosticPrinter.print(error.diagnostics)
            DiagnosticPrinter.summary(errors: error.diagnostics.filter { $0.severity == .error }.count)
            throw ExitCode(1)
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
