import TeigenBuild

/// Runs one build through the `SiteSource`, installs the result (or the failure) in the store and
/// tells the terminal.
struct SiteRebuilder: Sendable {
    let source: any SiteSource
    let store: SiteStore
    let console: PreviewConsole
    let verbose: Bool

    /// Builds; `nil` rebuilds everything (the first build, or after the watcher lost track).
    /// - Returns: whether the build succeeded.
    @discardableResult
    func rebuild(changedPaths: Set<String>?) async -> Bool {
        if verbose, let changedPaths {
            for path in changedPaths.sorted() { console.info("changed: \(path)") }
        }
        let start = ContinuousClock.now
        do {
            let (snapshot, report) = try await source.build(changedPaths: changedPaths)
            let event = await store.install(snapshot)
            for warning in snapshot.warnings { console.error(warning.description) }
            announce(event: event, report: report, files: snapshot.files.count, elapsed: ContinuousClock.now - start)
            return true
        } catch is CancellationError {
            return false
        } catch {
            let failure = BuildFailure(error)
            await store.fail(failure)
            console.error(failure.message)
            return false
        }
    }

    private func announce(event: LiveReloadEvent?, report: RebuildReport, files: Int, elapsed: Duration) {
        let milliseconds = Int((elapsed.components.seconds * 1000) + elapsed.components.attoseconds / 1_000_000_000_000_000)
        let outcome: String
        switch event {
        case .reload?: outcome = "reloading pages"
        case .stylesheets?: outcome = "swapping stylesheets"
        default: outcome = "no output changed"
        }
        console.info("Built \(files) files in \(milliseconds) ms (\(report.wasFullBuild ? "full" : "\(report.rebuiltPaths.count) rebuilt")); \(outcome)")
        if verbose {
            for path in report.rebuiltPaths.sorted() { console.info("  rebuilt: \(path)") }
        }
    }
}
