import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The output folder of the previous build, seen from the staging folder of the next one: a file the new build
/// makes with the same bytes as the file at the same path here is hard-linked into the staging folder instead of
/// written again (`link(2)`: one metadata operation, no data written; none at all when the spare tree already holds that link).
///
/// The bytes are compared, not trusted from a manifest or timestamps: a file edited by hand in the output folder,
/// or replaced by a deploy tool, is simply written anew. Only regular files are linked (a symbolic link is never
/// followed), and a link that fails for any reason (another file system, a link limit) falls back to writing.
struct PreviousOutput: Sendable {
    /// The output folder's path.
    let path: String

    /// The stamp of `relativePath` in the previous output when that file holds exactly `data` (nil: the caller
    /// writes the file).
    func stamp(of relativePath: String, ifHolding data: Data) -> FileStamp? {
        holds(data, at: path + "/" + relativePath)
    }

    /// Whether `relativePath` in the previous output still has `stamp` (the render cache on disk knows what it holds:
    /// ``FileStamp``), checked without reading it.
    func has(_ relativePath: String, stamp: FileStamp) -> Bool {
        FileStamp(path: path + "/" + relativePath) == stamp
    }

    /// The stamp of the regular file at `file` when it holds exactly `data`.
    private func holds(_ data: Data, at file: String) -> FileStamp? {
        let descriptor = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let stamp = FileStamp(descriptor: descriptor), stamp.size == data.count else { return nil }
        guard !data.isEmpty else { return stamp }
        let same = data.withUnsafeBytes { (expected: UnsafeRawBufferPointer) -> Bool in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: expected.count + 1, alignment: 16)
            defer { buffer.deallocate() }
            var offset = 0
            // One byte more than expected: a file that grew since the stat is not the same.
            while offset <= expected.count {
                let count = read(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                offset += count
            }
            return offset == expected.count && memcmp(buffer.baseAddress!, expected.baseAddress!, expected.count) == 0
        }
        return same ? stamp : nil
    }
}
