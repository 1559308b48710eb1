import Foundation
import TeigenCore

/// What the render stage produced: every output file, sorted by path, and the build's warnings.
public struct BuildProduct: Sendable {
    /// The output files not yet written (all of them unless pages were streamed to a `pageWriter`).
    public var files: [(path: String, data: Data)]
    /// The number of output files, including those already written.
    public var writtenCount: Int
    public var warnings: [Diagnostic]
    /// Each stage's name and duration, in order.
    public var timings: [(stage: String, duration: Duration)]
    public var pageCount: Int
    /// Output paths rendered anew (rather than taken from the cache).
    public var renderedPaths: [String]
    /// The path part of the base URL (`/` or `/teigen/`).
    public var basePath: String
    /// The absolute base URL.
    public var baseURL: String = ""
    /// Whether the site asked for a search index (`search: true`).
    public var search = false
    /// The print edition's PDFs not made by this build (the preview's, which makes them afterwards).
    public var stalePrintEditions: [String] = []
    /// The Markdown source of each rendered page, by output path.
    public var sources: [String: String] = [:]
    /// The pages left out of the build (drafts, future and expired pages), in content path order.
    public var skipped: [SkippedPage] = []
    /// The files of the site (or theme) used in place of others (`--verbose` lists them).
    public var overrides: [Override] = []
    /// The next instant a page appears or expires, when the build's result then changes (the preview rebuilds).
    public var nextPublicationChange: Date?
    /// How many page files the `pages` step made (each page, and each later page of a paginated list), rendered
    /// anew (``renderedPaths``) or taken from the render cache.
    public var pageFiles = 0
    /// The path of every page file the `pages` step made, whether written already (streamed into the staging
    /// folder) or still in ``files``.
    public var pagePaths: [String] = []

    /// How many page files came from the render cache without being rendered.
    public var reusedPageFiles: Int { pageFiles - renderedPaths.count }

    /// How many pages were left out for `reason`.
    public func skippedCount(_ reason: SkippedPage.Reason) -> Int {
        skipped.count { $0.reason == reason }
    }
}
