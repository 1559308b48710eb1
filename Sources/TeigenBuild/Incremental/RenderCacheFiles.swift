import CXXHash
import Foundation
import TeigenContent
import TeigenCore

#if canImport(Glibc)
import Glibc
#endif

/// The render cache on disk (`.teigen-cache/render/`), which `teigen build` reads before a build and writes after
/// its commit (``RenderCache/onDisk(_:)``):
/// - `bodies.bin`: each page's converted Markdown (``PageBody``) by content path, with its ``BodyKeys`` key;
/// - `pages.bin`: each rendered page's ``PageKeys`` key by output path, with the stamp of its file in the output
///   folder (``FileStamp``) and the images its templates wrote; not its bytes, which the output folder holds.
///
/// Each file: a header (magic bytes, this format's version, Teigen's version, the stamp of the running executable,
/// the kind of entries), the count of entries, the entries (``ByteWriter``'s encoding), then the XXH3-128 digest
/// of all that (``Digest``). A file that is missing, truncated, damaged, of another format or written by another Teigen is passed over
/// whole (the build does the work again); files are written into a temporary file and renamed into place, so a
/// killed build leaves the last good file or none.
struct RenderCacheFiles {
    static let magic = Array("teigen-render-cache\n".utf8)

    let folder: URL

    var bodiesFile: String { folder.appendingPathComponent("bodies.bin").path }
    var pagesFile: String { folder.appendingPathComponent("pages.bin").path }

    // MARK: Reading

    /// The converted bodies kept by the last build; none when the file is not usable.
    func readBodies() -> [String: (key: CacheKey, value: PageBody)] {
        read(bodiesFile, kind: "bodies") { reader throws(ByteReader.Damaged) in try PageBody(from: &reader) } ?? [:]
    }

    /// The rendered pages kept by the last build; none when the file is not usable.
    func readPages() -> [String: (key: CacheKey, value: PageRenderer.Kept)] {
        read(pagesFile, kind: "pages") { reader throws(ByteReader.Damaged) in
            PageRenderer.Kept(data: nil, stamp: try FileStamp(from: &reader), resources: try reader.strings(), diagnostics: [])
        } ?? [:]
    }

    /// The entries of the file at `path`, each value read by `value`; nil when the file is not usable.
    private func read<Value>(
        _ path: String, kind: String, _ value: (inout ByteReader) throws(ByteReader.Damaged) -> Value
    ) -> [String: (key: CacheKey, value: Value)]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > Digest.size else { return nil }
        let size = Int(status.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), mapped != MAP_FAILED else { return nil }
        defer { munmap(mapped, size) }
        _ = madvise(mapped, size, MADV_SEQUENTIAL)
        let bytes = UnsafeRawBufferPointer(start: mapped, count: size)
        let content = UnsafeRawBufferPointer(rebasing: bytes[..<(size - Digest.size)])
        // The file's pages are let go as soon as they are read (twice: checked, then decoded), so that the mapping
        // never adds the whole file to the build's memory.
        var digest = Digest()
        var checked = 0
        while checked < content.count {
            let end = min(content.count, checked + Self.window)
            digest.update(UnsafeRawBufferPointer(rebasing: content[checked..<end]))
            Self.release(mapped, from: checked, to: end)
            checked = end
        }
        guard digest.finalize().elementsEqual(bytes[(size - Digest.size)...]) else { return nil }
        var reader = ByteReader(content)
        do throws(ByteReader.Damaged) {
            guard try header(&reader) == Self.header(kind: kind) else { return nil }
            let count = try reader.count()
            var entries: [String: (key: CacheKey, value: Value)] = [:]
            entries.reserveCapacity(count)
            var released = 0
            for _ in 0..<count {
                let name = try reader.string()
                let key = try CacheKey(from: &reader)
                entries[name] = (key, try value(&reader))
                if reader.offset - released >= Self.window {
                    released = Self.release(mapped, from: released, to: reader.offset)
                }
            }
            return reader.isAtEnd ? entries : nil
        } catch {
            return nil
        }
    }

    /// How many bytes of a mapped file are read before they are let go.
    static let window = 8 << 20

    /// Lets the kernel drop the mapped file's whole pages between `start` (a page boundary) and `end`: read again,
    /// they would come back from the file.
    /// - Returns: where the pages let go end (the next call's `start`).
    @discardableResult
    static func release(_ mapped: UnsafeMutableRawPointer, from start: Int, to end: Int) -> Int {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let limit = end / page * page
        if limit > start { _ = madvise(mapped + start, limit - start, MADV_DONTNEED) }
        return max(start, limit)
    }

    /// The header's fields as read (compared whole with ``header(kind:)``).
    private func header(_ reader: inout ByteReader) throws(ByteReader.Damaged) -> [String] {
        guard try reader.raw(Self.magic.count).elementsEqual(Self.magic) else { throw ByteReader.Damaged() }
        return [String(try reader.int()), try reader.string(), try reader.string(), try reader.string()]
    }

    /// What a usable file's header holds.
    private static func header(kind: String) -> [String] {
        [String(CacheKey.formatVersion), TeigenVersion.current, executable, kind]
    }

    /// The running executable's size and modification time: a cache written by another build of Teigen (a newer
    /// binary of the same version, during development) is not used.
    static let executable: String = {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "" }
        return "\(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }()

    // MARK: Writing

    /// Whether `bodies.bin` must be written for `bodies`: the build converted something (a body's key says what it
    /// holds), or there is no file.
    func needsBodies(_ bodies: Memo<PageBody>) -> Bool {
        !bodies.keptTheSame || !FileManager.default.fileExists(atPath: bodiesFile)
    }

    /// Writes `bodies.bin` from the build's converted Markdown.
    func writeBodies(_ bodies: Memo<PageBody>) {
        guard makeFolder() else { return }
        write(bodiesFile, kind: "bodies", entries: bodies.entries) { writer, body in body.write(to: &writer) }
    }

    /// Writes `pages.bin` from the build's pages, after its commit into `output`: only pages with no diagnostics
    /// (their warnings are not kept) and whose files are older than the output's manifest (``FileStamp``).
    func writePages(_ pages: Memo<PageRenderer.Kept>, output: String) {
        guard makeFolder() else { return }
        let manifest = FileStamp(path: output + "/" + OutputManifest.fileName)
        let trusted = pages.entries.filter { _, entry in
            guard let stamp = entry.value.stamp, let manifest else { return false }
            return entry.value.diagnostics.isEmpty && stamp.modified < manifest.modified
        }
        write(pagesFile, kind: "pages", entries: trusted) { writer, page in
            page.stamp!.write(to: &writer)
            writer.write(page.resources)
        }
    }

    /// Makes the cache folder; false when it cannot be made.
    private func makeFolder() -> Bool {
        (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil
    }

    /// Writes `entries` (each value by `value`) into a temporary file beside `path`, then renames it over `path`.
    /// On failure no file is left at `path` (the old one would no longer match the output folder's files).
    private func write<Value>(
        _ path: String, kind: String, entries: [String: (key: CacheKey, value: Value)], _ value: (inout ByteWriter, Value) -> Void
    ) {
        let temporary = path + ".tmp-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 36))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            unlink(path)
            return
        }
        var digest = Digest()
        var failed = false
        /// Hands the writer's bytes to the file and the digest.
        func flush(_ writer: inout ByteWriter) {
            writer.bytes.withUnsafeBytes { bytes in
                digest.update(bytes)
                failed = failed || !Self.writeAll(bytes, to: descriptor)
            }
            writer.removeAll()
        }
        var writer = ByteWriter(capacity: 1 << 20)
        writer.write(raw: Self.magic)
        writer.write(CacheKey.formatVersion)
        for field in Self.header(kind: kind).dropFirst() { writer.write(field) }
        writer.write(entries.count)
        for (name, entry) in entries {
            writer.write(name)
            entry.key.write(to: &writer)
            value(&writer, entry.value)
            if writer.bytes.count >= 1 << 20 { flush(&writer) }
        }
        flush(&writer)
        writer.write(raw: digest.finalize())
        writer.bytes.withUnsafeBytes { failed = failed || !Self.writeAll($0, to: descriptor) }
        failed = close(descriptor) != 0 || failed
        guard !failed, rename(temporary, path) == 0 else {
            unlink(temporary)
            unlink(path)
            return
        }
    }

    /// Writes every byte of `bytes` to `descriptor`; false on failure (a full disk).
    private static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }
}

extension RenderCacheFiles {
    /// XXH3-128 over a file's bytes, fed piece by piece: the check that a cache file is whole (it guards against a
    /// damaged or cut-off file, not against an attacker, who could as well write a good file).
    struct Digest: ~Copyable {
        static let size = 16
        private let state: OpaquePointer

        init() {
            state = XXH3_createState()
            XXH3_128bits_reset(state)
        }

        deinit {
            XXH3_freeState(state)
        }

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            XXH3_128bits_update(state, bytes.baseAddress, bytes.count)
        }

        /// The digest's 16 bytes (big-endian, as XXH3's canonical form).
        func finalize() -> [UInt8] {
            let hash = XXH3_128bits_digest(state)
            return withUnsafeBytes(of: hash.high64.bigEndian, Array.init) + withUnsafeBytes(of: hash.low64.bigEndian, Array.init)
        }
    }
}
