import CAtomicRename
import Foundation
import TeigenCore

#if canImport(Glibc)
import Glibc
#endif

/// Writes a build into a staging folder beside the output folder and swaps it in only when everything
/// was written: a failed or interrupted build leaves the output exactly as it was.
///
/// A file whose bytes are the same as the output folder's file at the same path is not written again: the
/// staging folder gets a hard link to the existing file (``PreviousOutput``). Nothing is ever written into a
/// file of the output folder, so a killed build still leaves it as it was; the staging folder still holds only
/// this build's files, so no stale file survives.
///
/// The staging folder is the tree the previous commit replaced (``SpareTree``) when there is one, updated in place:
/// its folders are kept, its files that already are links to the output folder's unchanged files are kept, and what
/// this build does not make is removed (``removeStale(keeping:)``) before the swap.
public struct AtomicOutput: Sendable {
    /// The output folder (`public/`).
    public let destination: URL
    /// The staging folder this build writes into.
    public let staging: URL
    /// `staging.path`, kept: file writes build their paths from it.
    let stagingPath: String
    /// The output folder as it is now, whose unchanged files are linked instead of written (nil: write every file).
    let previous: PreviousOutput?
    /// Whether the staging folder is the spare tree (``SpareTree``), whose files and folders may be in the way.
    var reusing: Bool { spareListing != nil }
    /// The spare tree's files and folders, listed while the build runs, for ``removeStale(keeping:)``.
    let spareListing: Task<[SpareTree.Entry], Never>?

    /// Prepares a fresh staging folder beside `destination`, removing folders left by interrupted builds.
    /// With `linkUnchanged`, files whose bytes the existing output folder already holds are hard-linked from it.
    public init(destination: URL, linkUnchanged: Bool = true) throws(DiagnosticError) {
        let destination = destination.standardizedFileURL
        self.destination = destination
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        if fileManager.fileExists(atPath: destination.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw DiagnosticError(.error("output '\(destination.path)' exists and is not a folder", at: SourceLocation(path: destination.path)))
        }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw DiagnosticError(.error("cannot create folder '\(parent.path)': \(error.localizedDescription)", at: SourceLocation(path: parent.path)))
        }
        Self.removeLeftovers(in: parent, name: name)
        previous = linkUnchanged && isDirectory.boolValue ? PreviousOutput(path: destination.path) : nil
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        staging = parent.appendingPathComponent(".\(name).staging-\(getpid())-\(token)")
        stagingPath = staging.path
        if SpareTree.adopt(beside: destination, as: stagingPath) {
            let path = stagingPath
            spareListing = Task.detached { SpareTree.list(path) }
            return
        }
        spareListing = nil
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw DiagnosticError(.error("cannot create staging folder '\(staging.path)': \(error.localizedDescription)", at: SourceLocation(path: staging.path)))
        }
    }

    /// Removes the previous output tree (now in the staging folder) without making the build wait for it:
    /// deleting many files is slow on some disks. The tree is renamed to `.NAME.old-…` at once and removed by a
    /// detached `rm -rf`; if that is interrupted, the next build removes what is left.
    static func removeInBackground(_ folder: URL, name: String) {
        let token = String(UInt64.random(in: 0...UInt64.max), radix: 36)
        let trash = folder.deletingLastPathComponent().appendingPathComponent(".\(name).old-\(token)")
        guard (try? FileManager.default.moveItem(at: folder, to: trash)) != nil else {
            try? FileManager.default.removeItem(at: folder)
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--", trash.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) == nil {
            try? FileManager.default.removeItem(at: trash)
        }
    }

    /// Removes staging folders of earlier builds that were killed (their process is gone) and old trees
    /// whose background removal did not finish.
    static func removeLeftovers(in parent: URL, name: String) {
        let prefix = ".\(name).staging-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries where entry.hasPrefix(".\(name).old-") {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
        for entry in entries where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix { $0 != "-" }
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// Creates folders (relative paths, parents first) in the staging folder.
    public func makeFolders(_ relativePaths: [String]) throws(WriteFailure) {
        for path in relativePaths where !path.isEmpty {
            let full = stagingPath + "/" + path
            if mkdir(full, 0o755) == 0 { continue }
            var error = errno
            if error == EEXIST {
                // A file of the spare tree where this build needs a folder is removed.
                guard reusing, !Self.isFolder(full) else { continue }
                SpareTree.clear(full)
                if mkdir(full, 0o755) == 0 { continue }
                error = errno
            }
            throw WriteFailure(
                path: path,
                diagnostic: .error(
                    "cannot create folder '\(path)' in the staging folder: \(String(cString: strerror(error))); the output folder was left unchanged",
                    at: SourceLocation(path: SiteFiles.display(destination.path))))
        }
    }

    /// Whether `path` is a folder (not following a symbolic link).
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// The folder holding the file at `path` (relative; "" for a file at the top).
    public static func folder(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
    }

    /// Every folder the files at `paths` (relative) need, parents before children, each once.
    public static func folders(of paths: [String]) -> [String] {
        var folders = Set<Substring>()
        for path in paths {
            var folder = path[...]
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                guard folders.insert(folder).inserted else { break }
            }
        }
        // Sorted, a parent comes before the folders inside it.
        return folders.map(String.init).sorted()
    }

    /// Writes one file into the staging folder (safe to call from many tasks at once); with `linking` (the
    /// default), a file the output folder already holds with the same bytes is hard-linked from it instead.
    /// - Returns: the stamp of the file in the staging folder, which the output folder will hold after the commit
    ///   (nil when the file system does not say).
    @discardableResult
    public func write(_ data: Data, to relativePath: String, createFolder: Bool = true, linking: Bool = true) throws(WriteFailure) -> FileStamp? {
        // A string path: `URL.appendingPathComponent` would ask the disk whether the file is a folder.
        let path = stagingPath + "/" + relativePath
        if createFolder, let slash = relativePath.lastIndex(of: "/") {
            try makeFolders(Self.folders(of: [String(relativePath[..<slash]) + "/"]))
        }
        if linking, let previous, let stamp = previous.stamp(of: relativePath, ifHolding: data), place(relativePath, linking: stamp) { return stamp }
        do {
            return try Self.writeFile(data, to: path)
        } catch {
            let reason = (error as? POSIXError).map { String(cString: strerror($0.code.rawValue)) } ?? error.localizedDescription
            throw WriteFailure(
                path: relativePath,
                diagnostic: .error(
                    "cannot write '\(relativePath)' into the staging folder: \(reason); the output folder was left unchanged",
                    at: SourceLocation(path: SiteFiles.display(destination.path))))
        }
    }

    /// Hard-links the output folder's file at `relativePath` into the staging folder when it still has `stamp`
    /// (``FileStamp``): a page the render cache knows to be unchanged, reused without rendering or reading it.
    /// The file's folder must exist in the staging folder.
    /// - Returns: whether the link was made (if not, the caller makes the file).
    func link(_ relativePath: String, ifStamped stamp: FileStamp) -> Bool {
        guard let previous, previous.has(relativePath, stamp: stamp) else { return false }
        return place(relativePath, linking: stamp)
    }

    /// Makes the staging folder's `relativePath` a hard link to the output folder's file there, whose stamp is
    /// `stamp`. Nothing to do when the spare tree's file already is that file (same device and inode); anything
    /// else in the way is removed first.
    /// - Returns: whether the link is there.
    private func place(_ relativePath: String, linking stamp: FileStamp) -> Bool {
        guard let previous else { return false }
        let target = stagingPath + "/" + relativePath
        if reusing {
            if let existing = FileStamp(path: target), existing.device == stamp.device, existing.inode == stamp.inode { return true }
            SpareTree.clear(target)
        }
        return Glibc.link(previous.path + "/" + relativePath, target) == 0
    }

    /// Removes from the staging folder every file and folder this build did not make: `files` (relative paths)
    /// are all it made. Needed only when the staging folder is the spare tree.
    public func removeStale(keeping files: [String]) async {
        guard let spareListing else { return }
        SpareTree.prune(stagingPath, listing: await spareListing.value, keeping: Set(files))
    }

    /// Replaces the output folder with the staging folder (atomically where the kernel supports it).
    public func commit() throws(DiagnosticError) {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: destination.path) {
            if teigen_exchange_paths(staging.path, destination.path) == 0 {
                SpareTree.keep(staging, beside: destination)
                return
            }
            // No RENAME_EXCHANGE (some file systems): two renames, with the old tree kept until the new one is in place.
            let old = destination.deletingLastPathComponent().appendingPathComponent(".\(destination.lastPathComponent).staging-\(getpid())-old")
            do {
                try fileManager.moveItem(at: destination, to: old)
                try fileManager.moveItem(at: staging, to: destination)
                SpareTree.keep(old, beside: destination)
            } catch {
                if !fileManager.fileExists(atPath: destination.path) { try? fileManager.moveItem(at: old, to: destination) }
                throw DiagnosticError(.error("cannot replace the output folder: \(error.localizedDescription)", at: SourceLocation(path: destination.path)))
            }
        } else {
            do {
                try fileManager.moveItem(at: staging, to: destination)
            } catch {
                throw DiagnosticError(.error("cannot move the staging folder into place: \(error.localizedDescription)", at: SourceLocation(path: destination.path)))
            }
        }
    }

    /// Writes bytes with plain POSIX calls: `Data.write(to:)` also flushes every file to the disk (fsync),
    /// which a build that swaps in a whole folder at the end does not need and which is slow on many disks.
    /// Always into a new file: a path written twice is unlinked first, so that bytes never go into a file
    /// hard-linked from the output folder.
    @discardableResult
    static func writeFile(_ data: Data, to path: String) throws -> FileStamp? {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == EEXIST {
            SpareTree.clear(path)
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
                }
                offset += written
            }
        }
        return FileStamp(descriptor: descriptor)
    }

    /// Removes the staging folder after a failure.
    public func discard() {
        try? FileManager.default.removeItem(at: staging)
    }
}
