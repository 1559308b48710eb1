// CONTRACT between TeigenBuild and its callers (the command line and TeigenPreview).
import Foundation
import TeigenContent
import TeigenCore

/// What a build reads and how: the folders and the command-line overrides.
public struct BuildOptions: Sendable {
    /// The site folder (holds `config.yaml`, `content/`, `data/`, `static/`).
    public var sourceDirectory: URL
    /// The theme folder (holds `templates/` and `assets/`); by default `theme/` beside the site folder.
    public var themeDirectory: URL
    /// Overrides `baseURL` of the config when set.
    public var baseURL: String?
    /// Includes pages with `draft: true`.
    public var includeDrafts: Bool
    /// Includes pages whose `publishDate` (or `date`) is still to come (`--future`).
    public var includeFuture = false
    /// Includes pages whose `expiryDate` has passed (`--expired`).
    public var includeExpired = false
    /// The instant the build takes as now, to tell future and expired pages; nil: the system clock when the build
    /// starts. `teigen build` sets it from `SOURCE_DATE_EPOCH` when that is set (reproducible builds).
    public var now: Date?
    /// How many pages render at once; by default the number of cores.
    public var jobs: Int
    /// The folder the build writes into, when it writes one (`SiteBuilder` sets it): the load stage refuses input
    /// that leads into it, such as a symbolic link in `content/` to the output folder.
    public var outputDirectory: URL?
    /// Where the print step also writes each document's HTML with the files it refers to, to open in a
    /// browser while restyling the print stylesheet (`teigen build --print-html DIR`); nil: nowhere.
    public var printHTMLDirectory: URL?
    /// The highlighter and math converter, and where their results are cached; nil for Pygments and
    /// latex2mathml run by ``python``, cached in ``cacheDirectory``.
    public var tools: FragmentTools?
    /// Where processed images (`images/`), highlighted code (`highlight/`) and formulas (`math/`) are kept
    /// between builds: `.teigen-cache/` beside the site folder unless set.
    public var cacheDirectory: URL?

    /// ``cacheDirectory``, or `.teigen-cache/` beside the site folder.
    public var cacheFolder: URL {
        cacheDirectory ?? sourceDirectory.standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".teigen-cache")
    }
    /// The Python interpreter that runs Pygments and latex2mathml (`TEIGEN_PYTHON`, or `python3` on `PATH`).
    public var python = "python3"

    public init(
        sourceDirectory: URL, themeDirectory: URL? = nil, baseURL: String? = nil,
        includeDrafts: Bool = false, jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    ) {
        self.sourceDirectory = sourceDirectory
        self.themeDirectory = themeDirectory ?? sourceDirectory.deletingLastPathComponent().appendingPathComponent("theme")
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.jobs = max(1, jobs)
    }
}

/// A complete rendered site held in memory: output-relative paths (`proposals/1/index.html`) to bytes.
public struct SiteSnapshot: Sendable {
    /// Every output file, keyed by its path relative to the output root, without a leading slash.
    public var files: [String: Data]
    /// The path part of the base URL, always starting and ending with `/` (`/` or `/teigen/`).
    public var basePath: String
    /// Warnings of the build that produced this snapshot.
    public var warnings: [Diagnostic]
    /// The paths added, changed or removed since the previous snapshot of the same builder, when the
    /// builder knows them (nil: compare the files to find out).
    public var changedPaths: Set<String>?

    public init(files: [String: Data], basePath: String, warnings: [Diagnostic] = [], changedPaths: Set<String>? = nil) {
        self.files = files
        self.basePath = basePath
        self.warnings = warnings
        self.changedPaths = changedPaths
    }
}

/// What a rebuild did: for `--verbose` output.
public struct RebuildReport: Sendable {
    /// Output paths that were rendered or copied anew.
    public var rebuiltPaths: [String]
    /// Whether everything was rebuilt (config change, first build).
    public var wasFullBuild: Bool
    /// Whether the rebuild took the quick way for edits of page bodies only (see `IncrementalBuilder`).
    public var wasBodyEdit: Bool
    /// Whether the snapshot still carries the previous search index (`IncrementalBuilder.refreshSearchIndex()` makes the new one).
    public var searchIndexIsStale: Bool
    /// Whether the snapshot still carries the previous PDFs of the print edition (`IncrementalBuilder.refreshPrintEdition()` makes the new ones).
    public var printEditionIsStale: Bool
    public var duration: Duration

    public init(
        rebuiltPaths: [String], wasFullBuild: Bool, wasBodyEdit: Bool = false, searchIndexIsStale: Bool = false, printEditionIsStale: Bool = false,
        duration: Duration
    ) {
        self.rebuiltPaths = rebuiltPaths
        self.wasFullBuild = wasFullBuild
        self.wasBodyEdit = wasBodyEdit
        self.searchIndexIsStale = searchIndexIsStale
        self.printEditionIsStale = printEditionIsStale
        self.duration = duration
    }
}
