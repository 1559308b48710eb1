import Foundation

#if os(Linux)
import Glibc
#endif

/// Watches folders and everything below them through inotify (no polling) and reports what changes.
///
/// Folders created later are watched as they appear; editors' temporary files are left out
/// (see `TemporaryFileFilter`). Events are read on a dedicated thread that sleeps in `poll(2)`.
/// Watching stops, and the watches are removed, when the consumer stops iterating the stream.
///
/// ```swift
/// let watcher = DirectoryWatcher(roots: [siteFolder, themeFolder])
/// for await change in try watcher.changes() {
///     print(change.path, change.kind)
/// }
/// ```
public struct DirectoryWatcher: Sendable {
    /// Absolute, standardised paths of the watched folders; none lies inside another.
    public let roots: [String]

    /// - Parameter roots: the folders to watch; a folder inside another is watched once.
    public init(roots: [URL]) {
        let paths = roots.map { $0.standardizedFileURL.path }.map { $0.count > 1 && $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        var kept: [String] = []
        for path in paths.sorted(by: { $0.count < $1.count }) {
            if !kept.contains(where: { path == $0 || path.hasPrefix($0 == "/" ? "/" : $0 + "/") }) {
                kept.append(path)
            }
        }
        self.roots = kept
    }

    /// Starts watching. Every root must be an existing folder.
    ///
    /// Changes made after this returns are reported. The stream ends when watching fails; cancelling
    /// the consuming task (or dropping the stream) stops the thread and removes the watches.
    public func changes() throws(PreviewError) -> AsyncStream<FileChange> {
        #if os(Linux)
        let descriptors = try InotifyDescriptors()
        var table = WatchTable(descriptor: descriptors.inotify)
        var noReport: [FileChange]? = nil
        for root in roots {
            do {
                try table.addRecursively(root, report: &noReport)
            } catch {
                table.removeAll()
                throw error
            }
        }
        let (stream, continuation) = AsyncStream.makeStream(of: FileChange.self)
        continuation.onTermination = { _ in descriptors.requestStop() }
        let reader = InotifyReader(descriptors: descriptors, table: table, roots: roots, continuation: continuation)
        let thread = Thread {
            var reader = reader
            reader.run()
        }
        thread.name = "teigen-watcher"
        thread.start()
        return stream
        #else
        throw .cannotWatch(path: roots.first ?? "", reason: "watching folders needs Linux (inotify)")
        #endif
    }
}
