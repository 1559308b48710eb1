import TeigenBuild

/// Runs one build through the `SiteSource` within the budget, installs the result (or the failure)
/// in the store and tells the terminal.
///
/// A build whose task is cancelled (a newer change, Ctrl-C) ends at the builder's next check and
/// changes nothing: the last good build stays served and the builder keeps the changed paths for
/// the next build.
struct SiteRebuilder: Sendable {
    /// How a build ended.
    enum Outcome: Sendable, Equatable {
        /// The new build is served.
        case built
        /// The input is wrong, or the build went over the budget: the error is shown.
        case failed
        /// The build was cancelled before it finished: nothing changed.
        case cancelled
    }

    let source: any SiteSource
    let store: SiteStore
    let console: PreviewConsole
    let verbose: Bool
    var budget = RebuildBudget()
    /// Told when a build does not stop when asked (see `RebuildBudget.enforce`), after the message is printed.
    var onRunaway: @Sendable () -> Void = {}

    /// Builds; `nil` rebuilds everything (the first build, or after the watcher lost track). `whenServed`
    /// runs once the build is served or its failure shown, before what is made after the pages (the search
    /// index, the print edition's PDFs); not when the build is cancelled.
    @discardableResult
    func rebuild(changedPaths: Set<String>?, whenServed: @Sendable () async -> Void = {}) async -> Outcome {
        if verbose, let changedPaths {
            for path in changedPaths.sorted() { console.info("changed: \(path)") }
        }
        let start = ContinuousClock.now
        let isFirstSuccess = await store.status.site == nil
        // The page saying that the site is being built speaks the site's language too.
        if isFirstSuccess { await learnWords() }
        do {
            let (snapshot, report) = try await budget.enforce(
                { [source] in try await source.build(changedPaths: changedPaths) },
                whenExceeded: { exceeded in await fail(BuildFailure(message: exceeded.description + Self.cause(changedPaths))) },
                whenRunaway: { [console, onRunaway] message in
                    console.error(message)
                    onRunaway()
                })
            await learnWords()
            let event = await store.install(snapshot)
            for warning in snapshot.warnings { console.error(warning.description) }
            announce(event: event, isFirst: isFirstSuccess, report: report, files: snapshot.files.count, elapsed: ContinuousClock.now - start)
            await whenServed()
            if report.searchIndexIsStale { await refreshSearchIndex() }
            if report.printEditionIsStale { await refreshPrintEdition() }
            return .built
        } catch is RebuildBudget.Exceeded {
            await whenServed()
            return .failed  // shown when it happened
        } catch let error where error is CancellationError || Task.isCancelled {
            if verbose { console.info("Build cancelled after \(Self.milliseconds(ContinuousClock.now - start)) ms") }
            return .cancelled
        } catch {
            await learnWords()
            await fail(BuildFailure(error))
            await whenServed()
            return .failed
        }
    }

    /// Tells the store the words of the site's languages, as the source knows them after a build.
    private func learnWords() async {
        if let tables = await source.words() { await store.setWords(tables) }
    }

    /// Shows a failed build in the terminal and over the open pages.
    private func fail(_ failure: BuildFailure) async {
        await store.fail(failure)
        console.error(failure.message)
    }

    /// Makes the search index again after a rebuild that showed the edited pages first; the pages are
    /// not reloaded for it (the search page reads the index when it searches).
    private func refreshSearchIndex() async {
        await refresh("Search index") { try await source.refreshSearchIndex() }
    }

    /// Makes the print edition's PDFs again after a rebuild that showed the edited pages first (several
    /// seconds a document); the pages showing a PDF's size and page count reload if those changed.
    private func refreshPrintEdition() async {
        await refresh("Print edition") { try await source.refreshPrintEdition() }
    }

    /// Installs what `work` makes after a rebuild (nil: nothing to do). A newer change or Ctrl-C cancels it
    /// (what it was making stays stale and the next build makes it; a running engine is stopped); a
    /// failure (WeasyPrint missing, say) is printed and the last files stay served.
    private func refresh(_ name: String, _ work: () async throws -> SiteSnapshot?) async {
        let start = ContinuousClock.now
        do {
            guard let snapshot = try await work() else { return }
            await store.install(snapshot)
            if verbose { console.info("\(name) updated in \(Self.milliseconds(ContinuousClock.now - start)) ms") }
        } catch let error where error is CancellationError || Task.isCancelled {
            return
        } catch {
            console.error(BuildFailure(error).message)
        }
    }

    /// `; it began after changes to /site/content/a.md`: where to look for the input that ran away.
    static func cause(_ changedPaths: Set<String>?) -> String {
        guard let changedPaths, !changedPaths.isEmpty else { return "" }
        let shown = changedPaths.sorted().prefix(5).joined(separator: ", ")
        return "; it began after changes to " + shown + (changedPaths.count > 5 ? " and \(changedPaths.count - 5) more" : "")
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
