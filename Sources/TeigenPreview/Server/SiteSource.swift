import TeigenBuild

/// Where the preview server gets its builds: the incremental builder, or a fake in tests.
///
/// ```swift
/// let server = PreviewServer(configuration: configuration, source: IncrementalBuilder(options: options))
/// ```
public protocol SiteSource: Sendable {
    /// Builds everything (`changedPaths == nil`) or what the changed absolute paths can affect.
    /// Throws (preferably `DiagnosticError`) when the input is wrong.
    func build(changedPaths: Set<String>?) async throws -> (SiteSnapshot, RebuildReport)

    /// Brings a search index that a rebuild left stale (`RebuildReport.searchIndexIsStale`) up to date.
    /// - Returns: the snapshot with the new index, or nil when there was nothing to do.
    func refreshSearchIndex() async throws -> SiteSnapshot?
}

extension SiteSource {
    public func refreshSearchIndex() async throws -> SiteSnapshot? { nil }
}

extension IncrementalBuilder: SiteSource {}
