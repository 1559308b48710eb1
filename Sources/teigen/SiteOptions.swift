import ArgumentParser
import Foundation
import TeigenBuild

/// Options shared by the commands that read a site.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site folder (holds config.yaml and content/).")
    var source: String = "site"

    @Option(name: .long, help: "The theme folder (default: theme/ beside the site folder).")
    var theme: String?

    @Option(name: .customLong("base-url"), help: "Overrides baseURL of config.yaml (e.g. https://example.org/sub/path/).")
    var baseURL: String?

    @Flag(name: .long, help: "Includes pages with 'draft: true'.")
    var drafts = false

    @Option(name: .long, help: "How many pages to render at once (default: the number of cores).")
    var jobs: Int?

    func buildOptions() -> BuildOptions {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let sourceURL = URL(fileURLWithPath: source, relativeTo: cwd).standardizedFileURL
        var options = BuildOptions(
            sourceDirectory: sourceURL,
            themeDirectory: theme.map { URL(fileURLWithPath: $0, relativeTo: cwd).standardizedFileURL },
            baseURL: baseURL, includeDrafts: drafts,
            jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        if let python = ProcessInfo.processInfo.environment["TEIGEN_PYTHON"], !python.isEmpty { options.python = python }
        return options
    }
}
