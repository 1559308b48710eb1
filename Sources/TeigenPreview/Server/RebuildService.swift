import Foundation
import ServiceLifecycle

/// The service that builds the site and turns file changes into rebuilds: first build once the
/// server listens, then watcher → debouncer → `SiteRebuilder`, one build at a time, a newer change
/// cancelling the build still running. On graceful shutdown it cancels the running build, stops
/// watching (removing the watches) and ends every live-reload stream, so that the HTTP server can
/// finish its open responses and stop.
struct RebuildService: Service {
    /// The port the server listens on, once it does: the first build waits for it, so that a port in
    /// use is reported before any build work. Nil when the site was built already (tests).
    let listening: AsyncStream<Int>?
    /// The watcher's changes; `nil` when not watching.
    let changes: AsyncStream<FileChange>?
    let rebuilder: SiteRebuilder
    let hub: LiveReloadHub
    let debounceDelay: Duration
    /// The site's content folder (a change of it, when a publication date passes, rebuilds the site).
    var contentFolder = ""
    /// Told the port once the first build ended (built or failed).
    var onFirstBuild: @Sendable (Int) async -> Void = { _ in }

    func run() async throws {
        await cancelWhenGracefulShutdown {
            guard await buildFirst() else { return }
            if let changes {
                await watch(changes)
            }
        }
        // Watching ended by itself (or never began): keep serving until shutdown.
        if !Task.isShuttingDownGracefully && !Task.isCancelled {
            try? await gracefulShutdown()
        }
        await hub.close()
    }

    /// Waits until the server listens, then builds everything. Returns false when the server never
    /// listened or the service is stopping.
    private func buildFirst() async -> Bool {
        guard let listening else { return true }
        var port: Int?
        for await value in listening {
            port = value
            break
        }
        guard let port, !Task.isCancelled else { return false }
        // The address is printed as soon as the site is served, before the PDFs are made.
        let onFirstBuild = onFirstBuild
        return await rebuilder.rebuild(changedPaths: nil, whenServed: { await onFirstBuild(port) }) != .cancelled
    }

    /// Rebuilds on every debounced batch of changes until the changes end or the service stops, and when a
    /// page's publication or expiry date passes.
    func watch(_ changes: AsyncStream<FileChange>) async {
        let debouncer = ChangeDebouncer(delay: debounceDelay)
        let dates = Task { await submitPublicationChanges(to: debouncer) }
        defer { dates.cancel() }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await change in changes {
                    await debouncer.submit(change)
                }
                await debouncer.finish()
            }
            group.addTask {
                await rebuildLatest(debouncer.batches)
            }
        }
    }

    /// Once the next publication change of the last build has passed (a `publishDate` or `expiryDate`, see
    /// `SiteSource.nextPublicationChange`), submits a change of the content folder so that the site is rebuilt
    /// with the page appeared or gone. Looks again at least every ``publicationCheck`` (a build may bring a nearer date).
    private func submitPublicationChanges(to debouncer: ChangeDebouncer<some Clock<Duration>>) async {
        var submitted: Date?
        while !Task.isCancelled {
            let next = await rebuilder.source.nextPublicationChange
            if let next, next != submitted, next <= Date() {
                submitted = next
                await debouncer.submit(FileChange(path: contentFolder, kind: .modified, isDirectory: true))
                continue
            }
            // Submitted already: the rebuild is on its way (or failed, and waits for an edit).
            let wait = next.map { $0 == submitted ? 1 : min(max($0.timeIntervalSinceNow, 0.1), Self.publicationCheck) } ?? Self.publicationCheck
            guard (try? await Task.sleep(for: .seconds(wait))) != nil else { return }
        }
    }

    /// How often the publication dates are looked at when none is near.
    static let publicationCheck: TimeInterval = 60

    /// Builds for each batch. A batch arriving while a build runs cancels that build (which stops at
    /// its next check; the builder keeps its changed paths) and starts one for everything so far.
    private func rebuildLatest(_ batches: AsyncStream<ChangeBatch>) async {
        var running: Task<SiteRebuilder.Outcome, Never>?
        for await batch in batches {
            if let running {
                running.cancel()
                _ = await running.value
            }
            guard !Task.isCancelled else { break }
            running = Task { [rebuilder] in await rebuilder.rebuild(changedPaths: batch.changedPaths) }
        }
        // The batches end when watching ends (let the last build finish) or when this service is
        // cancelled (Ctrl-C: stop it).
        if Task.isCancelled { running?.cancel() }
        _ = await running?.value
    }
}
