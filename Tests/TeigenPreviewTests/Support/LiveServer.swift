import Foundation
import Logging
import ServiceLifecycle
@testable import TeigenPreview

/// A fixture's site served over real sockets the way `teigen serve` serves it (same application,
/// same connection limits), on 127.0.0.1 and a free port, without watching: tests drive rebuilds.
struct LiveServer: Sendable {
    /// Whether the server stopped before the test was done with it.
    actor State {
        private(set) var hasStopped = false
        private(set) var error: (any Error)?

        func stop(_ error: (any Error)?) {
            hasStopped = true
            self.error = error
        }
    }

    struct DidNotStart: Error, CustomStringConvertible {
        var description: String { "the server did not start listening" }
    }

    let host = "127.0.0.1"
    let port: Int
    let state: State

    /// Whether the server still runs.
    var isRunning: Bool {
        get async { await !state.hasStopped }
    }

    /// Runs `fixture`'s site with `configuration` (its host and port are replaced with
    /// `127.0.0.1:0`) during `body`, then shuts it down gracefully, ending the event streams.
    static func run<T: Sendable>(
        _ fixture: PreviewFixture, configuration: PreviewServer.Configuration = .init(),
        _ body: @Sendable (LiveServer) async throws -> T
    ) async throws -> T {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        var logger = Logger(label: "teigen.preview.tests")
        logger.logLevel = .critical
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let application = PreviewServer.application(
            responder: PreviewResponder(store: fixture.store, hub: fixture.hub), configuration: configuration, logger: logger,
            onServerRunning: { channel in
                portContinuation.yield(channel.localAddress?.port ?? 0)
                portContinuation.finish()
            })
        // Without changes to watch, the rebuild service only closes the hub on shutdown.
        let rebuilds = RebuildService(listening: nil, changes: nil, rebuilder: fixture.rebuilder, hub: fixture.hub, debounceDelay: .milliseconds(10))
        var groupConfiguration = ServiceGroupConfiguration(services: [application, rebuilds], logger: logger)
        groupConfiguration.maximumGracefulShutdownDuration = .seconds(10)
        let group = ServiceGroup(configuration: groupConfiguration)
        let state = State()
        let running = Task {
            do {
                try await group.run()
                await state.stop(nil)
            } catch {
                await state.stop(error)
            }
            portContinuation.finish()
        }
        var port: Int?
        for await value in ports {
            port = value
            break
        }
        guard let port, port > 0 else {
            running.cancel()
            _ = await running.value
            throw DidNotStart()
        }
        let server = LiveServer(port: port, state: state)
        let result: Result<T, any Error>
        do {
            result = .success(try await body(server))
        } catch {
            result = .failure(error)
        }
        await group.triggerGracefulShutdown()
        _ = await running.value
        return try result.get()
    }
}
