import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The output tree a commit replaced, kept beside the output folder as `.NAME.spare` to become the next build's
/// staging folder, updated in place, instead of being deleted.
///
/// A rebuild then makes no folders and no links for what did not change: each folder is already there, and each
/// unchanged file is already a hard link to the output folder's file (checked by its inode, never trusted from the
/// tree's history). Changed files are replaced, and whatever the new build does not make is removed
/// (``prune(_:listing:keeping:)``) before the swap, so the swapped-in tree holds exactly this build's files. Deleting the
/// old tree after every build, as before, made ext4 scan the freed inodes one by one when the next build created its
/// own: the cost of each rebuild grew with the one before it.
///
/// The spare tree is never served and may hold anything: a killed build's staging folder is removed, not reused,
/// and a spare tree edited by hand is put right by the same checks. It costs the disk only the bytes of files that
/// changed in the last build; everything else is shared with the output folder.
enum SpareTree {
    /// `.NAME.spare` beside `destination`.
    static func path(beside destination: URL) -> String {
        destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).spare").path
    }

    /// Moves the spare tree beside `destination` to `staging` (which must not exist), when there is one and it is a
    /// real folder (a symbolic link or a file there is removed).
    /// - Returns: whether `staging` now holds the spare tree.
    static func adopt(beside destination: URL, as staging: String) -> Bool {
        let spare = path(beside: destination)
        guard AtomicOutput.isFolder(spare) else {
            unlink(spare)
            return false
        }
        return rename(spare, staging) == 0
    }

    /// Keeps `tree` (the output tree a commit just replaced) as the spare tree beside `destination`; a spare tree
    /// already there (a build that could not adopt it) is removed in the background first.
    static func keep(_ tree: URL, beside destination: URL) {
        let spare = path(beside: destination)
        if rename(tree.path, spare) == 0 { return }
        if errno == ENOTEMPTY || errno == EEXIST {
            AtomicOutput.removeInBackground(URL(fileURLWithPath: spare), name: destination.lastPathComponent)
            if rename(tree.path, spare) == 0 { return }
        }
        AtomicOutput.removeInBackground(tree, name: destination.lastPathComponent)
    }

    /// One file or folder of a spare tree, by its path relative to the tree.
    struct Entry: Sendable {
        var path: String
        var isFolder: Bool
    }

    /// Every file and folder in the tree at `root` (not following symbolic links), parents before their contents.
    /// Made while the build runs (``AtomicOutput``): the build only adds what it keeps and removes what is in its
    /// way, so whatever the listing holds that the build did not make is stale.
    static func list(_ root: String) -> [Entry] {
        var entries: [Entry] = []
        let descriptor = open(root, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor >= 0 { list(descriptor, relative: "", into: &entries) }
        return entries
    }

    /// Lists the folder open as `descriptor` (which this closes) into `entries`, reading each folder inside it
    /// through its parent's descriptor.
    private static func list(_ descriptor: Int32, relative: String, into entries: inout [Entry]) {
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return
        }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard name != "." && name != ".." else { continue }
            var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
            if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                var status = stat()
                isFolder = fstatat(dirfd(directory), name, &status, AT_SYMLINK_NOFOLLOW) == 0 && status.st_mode & S_IFMT == S_IFDIR
            }
            let path = relative.isEmpty ? name : relative + "/" + name
            entries.append(Entry(path: path, isFolder: isFolder))
            if isFolder {
                let child = openat(dirfd(directory), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                if child >= 0 { list(child, relative: path, into: &entries) }
            }
        }
    }

    /// Removes from the tree at `root` every entry of `listing` (``list(_:)``) that is not one of `files` (paths
    /// relative to `root`) or a folder holding one of them.
    static func prune(_ root: String, listing: [Entry], keeping files: Set<String>) {
        let folders = Set(AtomicOutput.folders(of: Array(files)))
        var removed: String?
        for entry in listing {
            // Inside a folder already removed.
            if let removed, entry.path.hasPrefix(removed) { continue }
            // Kept whatever its kind was when listed: the build clears what is in its way.
            guard !files.contains(entry.path), !folders.contains(entry.path) else { continue }
            clear(root + "/" + entry.path)
            if entry.isFolder { removed = entry.path + "/" }
        }
    }

    /// Removes whatever is at `path` (a file, link or folder), so that a file or folder can be made there.
    static func clear(_ path: String) {
        if unlink(path) != 0 && (errno == EISDIR || errno == EPERM) {
            try? FileManager.default.removeItem(atPath: path)
        }
    }
}
