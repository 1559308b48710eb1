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
        let isFirstSuccess = await store.status.site == nil
        do {
            let (snapshot, report) = try await source.build(changedPaths: changedPaths)
            let event = await store.install(snapshot)
            for warning in snapshot.warnings { console.error(warning.description) }
            announce(event: event, isFirst: isFirstSuccess, report: report, files: snapshot.files.count, elapsed: ContinuousClock.now - start)
            if report.searchIndexIsStale { await refreshSearchIndex() }
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

    /// Makes the search index again after a rebuild that showed the edited pages first; the pages are
    /// not reloaded for it (the search page reads the index when it searches). A failure is printed and
    /// the last index stays.
    private func refreshSearchIndex() async {
        let start = ContinuousClock.now
        do {
            guard let snapshot = try await source.refreshSearchIndex() else { return }
            await store.install(snapshot)
            if verbose { console.info("Search index updated in \(Self.milliseconds(ContinuousClock.now - start)) ms") }
        } catch is CancellationError {
        } catch {
            console.error(BuildFailure(error).message)
        }
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int((duration.components.seconds * 1000) + duration.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Prints what the build did and what the open pages were told (nothing for the first build).
    private func announce(event: LiveReloadEvent?, isFirst: Bool, report: RebuildReport, files: Int, elapsed: Duration) {
        let milliseconds = Self.milliseconds(elapsed)
        var line = "Built \(files) files in \(milliseconds) ms (\(report.wasFullBuild ? "full build" : "\(report.rebuiltPaths.count) rebuilt"))"
        switch event {
        case _ where isFirst: break
        case .reload?: line += "; reloading pages"
        case .stylesheets?: line += "; swapping stylesheets"
        default: line += "; no output changed"
        }
        console.info(line)
        if verbose {
            for path in report.rebuiltPaths.sorted() { console.info("  rebuilt: \(path)") }
        }
    }
}
