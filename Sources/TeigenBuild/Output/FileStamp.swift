import TeigenCore

#if canImport(Glibc)
import Glibc
#endif

/// What identifies one version of a file in the output folder without reading it: its device and inode, size and
/// modification time (to the nanosecond). The render cache on disk keeps each page's stamp, and a later build
/// links the page from the output folder without rendering it only while the file there still has that stamp.
///
/// Writing into a file changes its modification time; replacing it (an editor's save, a deploy tool) changes its
/// inode; hard-linking it into the next build's staging folder changes neither. A change within the same tick of
/// the file system's clock as the build's own write could keep the time, so a stamp is trusted only when the file is
/// older than the manifest written after it (``RenderCacheFiles``: as git does with its index).
public struct FileStamp: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int
    /// Nanoseconds since 1970.
    public var modified: Int

    public init(device: UInt64, inode: UInt64, size: Int, modified: Int) {
        self.device = device
        self.inode = inode
        self.size = size
        self.modified = modified
    }

    /// The stamp of the file `status` describes, when it is a regular file.
    init?(_ status: stat) {
        guard status.st_mode & S_IFMT == S_IFREG else { return nil }
        self.init(
            device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int(status.st_size),
            modified: Int(status.st_mtim.tv_sec) * 1_000_000_000 + Int(status.st_mtim.tv_nsec))
    }

    /// The stamp of the regular file at `path` (not following a symbolic link); nil when there is none.
    init?(path: String) {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        self.init(status)
    }

    /// The stamp of the open file `descriptor`.
    init?(descriptor: Int32) {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        self.init(status)
    }

    func write(to writer: inout ByteWriter) {
        writer.write(device)
        writer.write(inode)
        writer.write(size)
        writer.write(modified)
    }

    init(from reader: inout ByteReader) throws(ByteReader.Damaged) {
        self.init(device: try reader.uint64(), inode: try reader.uint64(), size: try reader.int(), modified: try reader.int())
    }
}
