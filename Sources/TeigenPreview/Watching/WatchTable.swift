#if os(Linux)
import Glibc

/// The folders an inotify instance watches: watch descriptor to absolute path.
///
/// Owned by one thread at a time (built by `DirectoryWatcher`, then handed to the reader thread).
struct WatchTable: Sendable {
    /// The events each folder reports.
    static let mask: UInt32 =
        UInt32(IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_MOVED_FROM | IN_MOVED_TO)
        | UInt32(IN_DELETE_SELF | IN_MOVE_SELF | IN_DONT_FOLLOW | IN_ONLYDIR | IN_EXCL_UNLINK)

    let descriptor: Int32
    private(set) var paths: [Int32: String] = [:]

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The folder a watch descriptor stands for.
    subscript(watch: Int32) -> String? {
        paths[watch]
    }

    /// Watches `folder` and every folder below it (not following symbolic links). When `report` is
    /// given, the entries found below `folder` are appended to it as `.created`: they may have
    /// appeared before the watch was in place.
    mutating func addRecursively(_ folder: String, report: inout [FileChange]?) throws(PreviewError) {
        let watch = inotify_add_watch(descriptor, folder, Self.mask)
        guard watch >= 0 else {
            throw .cannotWatch(path: folder, reason: String(cString: strerror(errno)))
        }
        paths[watch] = folder
        for entry in Self.entries(of: folder) {
            let path = folder + "/" + entry.name
            if entry.isDirectory {
                guard !TemporaryFileFilter.isIgnoredFolder(name: entry.name) else { continue }
                report?.append(FileChange(path: path, kind: .created, isDirectory: true))
                // A folder that vanished or cannot be watched meanwhile is skipped, not fatal.
                try? addRecursively(path, report: &report)
            } else if !TemporaryFileFilter.isIgnored(name: entry.name) {
                report?.append(FileChange(path: path, kind: .created))
            }
        }
    }

    /// Stops watching `folder` and every folder below it (it moved away).
    mutating func removeTree(_ folder: String) {
        for (watch, path) in paths where path == folder || path.hasPrefix(folder + "/") {
            inotify_rm_watch(descriptor, watch)
            paths[watch] = nil
        }
    }

    /// Forgets a watch the kernel removed (its folder was deleted).
    mutating func forget(_ watch: Int32) {
        paths[watch] = nil
    }

    /// Removes every watch.
    mutating func removeAll() {
        for watch in paths.keys {
            inotify_rm_watch(descriptor, watch)
        }
        paths = [:]
    }

    /// The names in a folder and whether each is a folder itself (symbolic links count as files).
    static func entries(of folder: String) -> [(name: String, isDirectory: Bool)] {
        guard let stream = opendir(folder) else { return [] }
        defer { closedir(stream) }
        var result: [(name: String, isDirectory: Bool)] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
                String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name != ".", name != ".." else { continue }
            var info = stat()
            guard lstat(folder + "/" + name, &info) == 0 else { continue }
            result.append((name, (info.st_mode & S_IFMT) == S_IFDIR))
        }
        return result
    }
}
#endif
