import ServiceLifecycle

/// The service that turns file changes into rebuilds: watcher → debouncer → `SiteRebuilder`, one
/// build at a time. On graceful shutdown it stops watching (removing the watches) and ends every
/// live-reload stream, so that the HTTP server can finish its open responses and stop.
struct RebuildService: Service {
    /// The watcher's changes; `nil` when not watching.
    let changes: AsyncStream<FileChange>?
    let rebuilder: SiteRebuilder
    let hub: LiveReloadHub
    let debounceDelay: Duration

    func run() async throws {
        if let changes {
            let debouncer = ChangeDebouncer(delay: debounceDelay)
            await cancelWhenGracefulShutdown { [rebuilder] in
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await change in changes {
                            await debouncer.submit(change)
                        }
                        await debouncer.finish()
                    }
                    group.addTask {
                        for await batch in debouncer.batches {
                            guard !Task.isCancelled else { break }
                            await rebuilder.rebuild(changedPaths: batch.changedPaths)
                        }
                    }
                }
            }
        }
        // Watching ended by itself (or never began): keep serving until shutdown.
        if !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await gracefulShutdown()
        }
        await hub.close()
    }
}
