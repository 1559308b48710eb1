import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import TeigenBuild

/// The preview server of `teigen serve`: builds the site into memory, serves it over HTTP, watches
/// the site and theme folders, rebuilds on change and reloads the open pages.
///
/// It never writes output to disk. A failed rebuild keeps the last good site and shows the error in
/// the terminal and over every open page. SIGINT and SIGTERM shut it down gracefully.
///
/// ```swift
/// let builder = IncrementalBuilder(options: options)
/// let server = PreviewServer(
///     configuration: .init(host: "127.0.0.1", port: 8000, watchedFolders: [options.sourceDirectory, options.themeDirectory]),
///     source: builder)
/// try await server.run()  // prints "Serving at http://127.0.0.1:8000/"
/// ```
public struct PreviewServer: Sendable {
    /// Where to listen, what to watch, how much to say.
    public struct Configuration: Sendable {
        /// The address to listen on; `127.0.0.1` keeps the preview private to this machine.
        public var host: String
        /// The port; `0` lets the system choose a free one (printed once listening).
        public var port: Int
        /// The folders to watch for changes (the site and the theme). Missing folders are skipped.
        public var watchedFolders: [URL]
        /// Prints changed paths, rebuilt outputs and every request.
        public var verbose: Bool
        /// How long the folders must be quiet before a rebuild starts.
        public var debounceDelay: Duration
        /// How long a connection may idle or dawdle over its request, and how large a request head may be.
        public var limits: ConnectionLimits
        /// How long a build may run and how much memory it may take before it is stopped.
        public var budget: RebuildBudget
        /// Called when a build does not stop when asked, after the terminal was told (see
        /// `RebuildBudget`): `teigen serve` exits there, as such a build cannot be interrupted.
        public var onRunawayBuild: @Sendable () -> Void = {}

        public init(
            host: String = "127.0.0.1", port: Int = 8000, watchedFolders: [URL] = [], verbose: Bool = false,
            debounceDelay: Duration = .milliseconds(100), limits: ConnectionLimits = ConnectionLimits(),
            budget: RebuildBudget = RebuildBudget()
        ) {
            self.host = host
            self.port = port
            self.watchedFolders = watchedFolders
            self.verbose = verbose
            self.debounceDelay = debounceDelay
            self.limits = limits
            self.budget = budget
        }
    }

    /// Where the server listens and what it watches.
    public let configuration: Configuration
    private let source: any SiteSource
    private let console: PreviewConsole

    /// - Parameters:
    ///   - configuration: address, watched folders, verbosity.
    ///   - source: the builder (an `IncrementalBuilder`).
    ///   - console: where to print progress and errors.
    public init(configuration: Configuration, source: some SiteSource, console: PreviewConsole = .standard) {
        self.configuration = configuration
        self.source = source
        self.console = console
    }

    /// Listens, builds, serves and watches until SIGINT or SIGTERM.
    ///
    /// The server listens before anything is built: a port in use is reported at once. Until the
    /// first build ends, pages show that the site is being built and reload when it is.
    ///
    /// Throws `PreviewError.addressInUse` when the port is taken, `PreviewError.cannotListen` when
    /// the address cannot be used otherwise.
    public func run() async throws {
        let hub = LiveReloadHub()
        let store = SiteStore(hub: hub)
        var rebuilder = SiteRebuilder(source: source, store: store, console: console, verbose: configuration.verbose)
        rebuilder.budget = configuration.budget
        rebuilder.onRunaway = configuration.onRunawayBuild
        if ["0.0.0.0", "::", "[::]"].contains(configuration.host) {
            console.error("warning: listening on all interfaces (\(configuration.host)): other machines on the network can see the preview")
        }

        var logger = Logger(label: "teigen.preview")
        logger.logLevel = configuration.verbose ? .info : .critical
        let (listening, listeningContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = Self.application(
            responder: PreviewResponder(store: store, hub: hub, requestLog: configuration.verbose ? console : nil),
            configuration: configuration,
            logger: logger,
            onServerRunning: { channel in
                listeningContinuation.yield(channel.localAddress?.port ?? 0)
                listeningContinuation.finish()
            }
        )
        let host = configuration.host
        let console = console
        let rebuilds = RebuildService(
            listening: listening, changes: startWatching(), rebuilder: rebuilder, hub: hub, debounceDelay: configuration.debounceDelay,
            contentFolder: configuration.watchedFolders.first.map { $0.appendingPathComponent("content").path } ?? "",
            onFirstBuild: { port in
                let basePath = await store.status.site?.basePath ?? "/"
                console.info("Serving at \(Self.url(host: host, port: port, basePath: basePath))")
            })
        var groupConfiguration = ServiceGroupConfiguration(
            services: [app, rebuilds], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(5)
        do {
            try await ServiceGroup(configuration: groupConfiguration).run()
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PreviewError.addressInUse(host: configuration.host, port: configuration.port)
        } catch let error as IOError {
            throw PreviewError.cannotListen(host: configuration.host, port: configuration.port, reason: error.description)
        } catch let error as SocketAddressError {
            throw PreviewError.cannotListen(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
    }

    /// The HTTP application answering with `responder` on the configuration's address, within its
    /// connection limits (tests run the same application).
    static func application(
        responder: PreviewResponder, configuration: Configuration, logger: Logger,
        onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
    ) -> Application<PreviewResponder> {
        Application(
            responder: responder,
            server: configuration.limits.httpServer,
            // A deeper accept queue than the default 256: a page with many assets, several open tabs
            // reloading at once, or a burst of slow clients must not see connections dropped while the
            // server is busy rebuilding (the kernel caps it at net.core.somaxconn).
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), backlog: 1024),
            onServerRunning: onServerRunning,
            logger: logger
        )
    }

    /// Starts the watcher on the folders that exist; without it the preview still serves.
    private func startWatching() -> AsyncStream<FileChange>? {
        let folders = configuration.watchedFolders.filter { folder in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue
            if !exists { console.error("warning: \(folder.path) is not a folder: not watching it") }
            return exists
        }
        guard !folders.isEmpty else { return nil }
        do {
            return try DirectoryWatcher(roots: folders).changes()
        } catch {
            console.error("warning: \(error); pages will not reload on changes")
            return nil
        }
    }

    /// The URL to print: `http://127.0.0.1:8000/teigen/`, with brackets around IPv6 addresses.
    static func url(host: String, port: Int, basePath: String) -> String {
        let shownHost = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shownHost):\(port)\(basePath)"
    }
}
