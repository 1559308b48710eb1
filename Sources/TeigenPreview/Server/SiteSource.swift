import Foundation
import TeigenBuild
import TeigenCore

/// Where the preview server gets its builds: the incremental builder, or a fake in tests.
///
/// ```swift
/// let server = PreviewServer(configuration: configuration, source: IncrementalBuilder(options: options))
/// ```
public protocol SiteSource: Sendable {
    /// Builds everything (`changedPaths == nil`) or what the changed absolute paths can affect.
    /// Throws (preferably `DiagnosticError`) when the input is wrong.
    ///
    /// The server cancels a build's task when a newer change arrives, on Ctrl-C, or when the build
    /// goes over its budget: the build should then stop soon and throw. A build that throws, for any
    /// reason, leaves its changed paths to the next one.
    func build(changedPaths: Set<String>?) async throws -> (SiteSnapshot, RebuildReport)

    /// The fixed words of each of the site's languages (its i18n tables, the default language first), for the
    /// error overlay and the server's own pages; nil when unknown (Teigen's English words then).
    func words() async -> [I18nTable]?

    /// Brings a search index that a rebuild left stale (`RebuildReport.searchIndexIsStale`) up to date.
    /// - Returns: the snapshot with the new index, or nil when there was nothing to do.
    func refreshSearchIndex() async throws -> SiteSnapshot?

    /// Makes the print edition's PDFs that a rebuild left stale (`RebuildReport.printEditionIsStale`), and
    /// the pages that show their size and page count.
    /// - Returns: the snapshot with the new PDFs, or nil when there was nothing to do.
    func refreshPrintEdition() async throws -> SiteSnapshot?
    /// The next instant at which a page appears (its `publishDate`) or expires (its `expiryDate`), as the last
    /// build found it: the preview rebuilds then, as if a file had changed. Nil when no date lies ahead.
    var nextPublicationChange: Date? { get async }
}

extension SiteSource {
    public func refreshSearchIndex() async throws -> SiteSnapshot? { nil }
    public func refreshPrintEdition() async throws -> SiteSnapshot? { nil }
    public func words() async -> [I18nTable]? { nil }
    public var nextPublicationChange: Date? { get async { nil } }
}

extension IncrementalBuilder: SiteSource {}
