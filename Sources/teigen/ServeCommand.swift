import ArgumentParser
import Foundation
import TeigenBuild
import TeigenPreview

/// `teigen serve`: builds the site in memory, serves it, and rebuilds and reloads the open pages on every change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the site for preview, rebuilding it and reloading the open pages on every change.",
        discussion: """
            The site is built in memory: public/ is never written. Pages reload when a source or template \
            changes, stylesheets are swapped in place, and build errors show in the terminal and over the page.
            """)

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The address to listen on (0.0.0.0 or :: makes the preview visible to the network).")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The port to listen on (0: any free port).")
    var port = 8000

    @Flag(name: .long, help: "Prints changed files, rebuilt outputs and every request.")
    var verbose = false

    @Option(name: .long, help: "Stops a build that runs longer than this many seconds (the last good build stays served).")
    var rebuildTimeout = 60

    @Option(name: .long, help: ArgumentHelp(
        "Stops a build that grows the server's memory by more than this many MB (the last good build stays served).",
        discussion: "By default a quarter of the machine's memory, at least 1024."))
    var rebuildMemory = RebuildBudget.defaultMemory >> 20

    func validate() throws {
        guard (0...65535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535")
        }
        guard rebuildTimeout > 0 else {
            throw ValidationError("--rebuild-timeout must be a positive number of seconds")
        }
        guard rebuildMemory > 0 else {
            throw ValidationError("--rebuild-memory must be a positive number of MB")
        }
    }

    func run() async throws {
        let options = site.buildOptions()
        var configuration = PreviewServer.Configuration(
            host: host, port: port, watchedFolders: [options.sourceDirectory, options.themeDirectory], verbose: verbose,
            budget: RebuildBudget(time: .seconds(rebuildTimeout), memory: rebuildMemory << 20))
        // A build stuck in work that cannot be interrupted would take the machine's memory: stop here.
        configuration.onRunawayBuild = { Foundation.exit(1) }
        do {
            try await PreviewServer(configuration: configuration, source: IncrementalBuilder(options: options)).run()
        } catch let error as PreviewError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
