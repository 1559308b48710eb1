import Foundation
import TeigenContent

/// What a build keeps for the next one: decoded pages, converted Markdown and rendered pages, each under a key
/// that changes whenever anything that could change it changes (``CacheKey``), and, in the preview server, the
/// last build's parts for changing a few pages in place (``BodyEdit``).
///
/// Three ways to have one:
/// - in memory (``init(enabled:)``, the preview server): everything, the pages' bytes included;
/// - on disk (``onDisk(_:)``, `teigen build`): the converted Markdown and, for each page, the stamp of its file in
///   the output folder (``FileStamp``), read from `.teigen-cache/render/` before the build and written there after
///   its commit (``RenderCacheFiles``);
/// - off (`RenderCache(enabled: false)`, `teigen build --no-cache`), which skips computing keys and keeps nothing.
///
/// The steps read and fill it through its ``Memo``s the same way in each case.
public struct RenderCache: Sendable {
    /// Decoded pages by content path (the key: the file's bytes and path).
    var sources: Memo<SourcePage>
    /// Converted Markdown by content path (the key: ``BodyKeys``). The cache on disk reads its file when the
    /// `markdown` step first asks, not before the build: by then `teigen build` has dropped the pages' bytes, so
    /// the bodies read never sit beside them (at 100,000 pages, each is about 500 MB).
    var bodies: Memo<PageBody> {
        mutating get {
            if let unread = unreadBodies {
                storedBodies = Memo(entries: unread.readBodies())
                unreadBodies = nil
            }
            return storedBodies
        }
        set { storedBodies = newValue }
    }
    private var storedBodies: Memo<PageBody>
    /// The files whose bodies are still to be read (``bodies``).
    private var unreadBodies: RenderCacheFiles?
    /// The cache's files on disk (nil for a cache in memory or none).
    private let files: RenderCacheFiles?
    /// `bodies.bin` being written while the build goes on (``startWritingBodies()``).
    private var bodiesWritten: Task<Void, Never>?
    /// Rendered pages by output path (the key: ``PageKeys``).
    var pages: Memo<PageRenderer.Kept>
    /// The highlighter's and math converter's results, by request.
    var fragments = FragmentTools.Memory()
    /// The last successful build's parts (kept only in memory).
    private(set) var state: RenderState?

    /// Whether builds read and fill this cache in memory, with the parts ``BodyEdit`` needs.
    public let isEnabled: Bool
    /// Whether this is `teigen build`'s cache on disk.
    public var isOnDisk: Bool { files != nil }

    /// A cache in memory (the preview server's), or none (`enabled: false`).
    public init(enabled: Bool = true) {
        isEnabled = enabled
        files = nil
        sources = Memo(enabled: enabled)
        storedBodies = Memo(enabled: enabled)
        pages = Memo(enabled: enabled)
    }

    private init(files: RenderCacheFiles) {
        isEnabled = false
        sources = Memo(enabled: false)
        storedBodies = Memo(enabled: true)
        unreadBodies = files
        self.files = files
        pages = Memo(entries: files.readPages())
    }

    /// The cache `teigen build` keeps in `folder` (`.teigen-cache/render/`): what the last build wrote there, or
    /// an empty cache when there is nothing (or nothing usable: a missing, damaged or other version's file is passed over).
    public static func onDisk(_ folder: URL) -> RenderCache {
        RenderCache(files: RenderCacheFiles(folder: folder))
    }

    /// Starts writing the converted Markdown into `bodies.bin` while the build goes on, once the `markdown` step has
    /// filled ``bodies``: a body's key says what it holds, so the file is right for any later build, whether this one
    /// commits or not. Does nothing when the cache is not on disk, or when no body changed.
    mutating func startWritingBodies() {
        guard let files, bodiesWritten == nil, files.needsBodies(storedBodies) else { return }
        let bodies = storedBodies
        bodiesWritten = Task.detached(priority: .utility) { files.writeBodies(bodies) }
    }

    /// Waits until `bodies.bin` (``startWritingBodies()``) is written, when it is being written.
    func finishWritingBodies() async {
        await bodiesWritten?.value
    }

    /// Writes the pages' stamps into the cache folder for the next `teigen build`, after the build's commit into
    /// `output`, and waits for `bodies.bin` (``startWritingBodies()``, which the `markdown` step starts). Does nothing
    /// when the cache is not on disk; a failure leaves no file behind and is not an error (the next build does all
    /// the work).
    public func save(output: URL) async {
        guard let files else { return }
        await finishWritingBodies()
        files.writePages(pages, output: output.path)
    }

    /// The modification time (nanoseconds since 1970) of the newest page file in the cache: the manifest, written
    /// last, must be newer than it for the pages' stamps to be trusted (``FileStamp``).
    var newestPageStamp: Int? {
        pages.entries.values.lazy.compactMap { $0.value.stamp?.modified }.max()
    }

    /// Keeps the parts of a successful build for ``BodyEdit``.
    mutating func keep(_ state: @autoclosure () -> RenderState) {
        guard isEnabled else { return }
        self.state = state()
    }
}
