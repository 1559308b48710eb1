import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads from the real disk.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws(FileSystemError) -> Data {
        try read(path, as: Data.self)
    }

    /// The file's bytes as an array, read straight into it (for callers handing them to C, such as libcmark).
    public func readBytes(_ path: String) throws(FileSystemError) -> [UInt8] {
        try read(path, as: [UInt8].self)
    }

    private func read<Bytes: ReadBuffer>(
        _ path: String, as type: Bytes.Type
    ) throws(FileSystemError) -> Bytes {
        // Plain POSIX calls: one open, one fstat for the size, reads straight into the buffer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw FileSystemError(path: path, reason: "cannot read file: \(Self.reason(for: path))")
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            throw FileSystemError(path: path, reason: "cannot read file: \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            throw FileSystemError(path: path, reason: "cannot read file: it is a folder")
        }
        var data = Bytes(repeating: 0, count: max(Int(info.st_size), 0))
        var length = 0
        while true {
            let got: Int
            if length < data.count {
                let capacity = data.count
                got = data.withUnsafeMutableBytes { buffer in Glibc.read(descriptor, buffer.baseAddress! + length, capacity - length) }
            } else {
                // The size fstat gave is read: a small read beside the buffer tells whether the file grew (or
                // has no size, as in /proc) without growing the buffer for nothing.
                got = withUnsafeTemporaryAllocation(byteCount: 4096, alignment: 1) { probe in
                    let got = Glibc.read(descriptor, probe.baseAddress!, probe.count)
                    if got > 0 { data.append(contentsOf: UnsafeRawBufferPointer(rebasing: probe[0..<got])) }
                    return got
                }
            }
            if got == 0 { break }
            if got < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, reason: "cannot read file: \(String(cString: strerror(errno)))")
            }
            length += got
        }
        data.removeLast(data.count - length)
        return data
    }

    public func files(under directory: String) throws(FileSystemError) -> [String] {
        try list(directory, follow: { _ in true }).files
    }

    public func list(_ directory: String, follow: (SymbolicLink) -> Bool) throws(FileSystemError) -> FolderListing {
        guard isDirectory(directory) else { return FolderListing(files: [], links: []) }
        var listing = FolderListing(files: [], links: [])
        var visited = Set<String>()
        try walk(directory, relative: "", into: &listing, visited: &visited, follow: follow)
        listing.files.sort()
        return listing
    }

    public func symbolicLink(at path: String) -> SymbolicLink? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK else { return nil }
        let destination = Self.destination(ofLink: path)
        var target = stat()
        let isFolder = stat(path, &target) == 0 && (target.st_mode & S_IFMT) == S_IFDIR
        // A broken link resolves to nothing: it is reported as what it says, from its folder.
        return SymbolicLink(path: path, destination: destination, resolved: resolve(path) ?? destination, isFolder: isFolder)
    }

    public func resolve(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func destination(ofLink path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(path, &buffer, buffer.count - 1)
        guard length >= 0 else { return "" }
        return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func walk(
        _ path: String, relative: String, into listing: inout FolderListing, visited: inout Set<String>,
        follow: (SymbolicLink) -> Bool
    ) throws(FileSystemError) {
        guard let real = resolve(path) else {
            throw FileSystemError(path: path, reason: "cannot resolve folder: \(String(cString: strerror(errno)))")
        }
        guard visited.insert(real).inserted else {
            throw FileSystemError(path: path, reason: "symbolic link loop: this folder leads back to \(real)")
        }
        defer { visited.remove(real) }
        guard let directory = opendir(path) else {
            throw FileSystemError(path: path, reason: "cannot read folder: \(Self.reason(for: path))")
        }
        // The entry types readdir gives save a stat per file; links and unknown types are stat'ed.
        var entries: [(name: String, type: UInt8)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            entries.append((name, entry.pointee.d_type))
        }
        closedir(directory)
        for (name, type) in entries.sorted(by: { $0.name < $1.name }) {
            let child = path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
            if type == UInt8(DT_REG) {
                listing.files.append(childRelative)
                continue
            }
            if type == UInt8(DT_DIR) {
                try walk(child, relative: childRelative, into: &listing, visited: &visited, follow: follow)
                continue
            }
            var info = stat()
            guard stat(child, &info) == 0 else {
                var linkInfo = stat()
                if lstat(child, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK {
                    if errno == ELOOP {
                        throw FileSystemError(path: child, reason: "symbolic link loop")
                    }
                    throw FileSystemError(path: child, reason: "broken symbolic link")
                }
                throw FileSystemError(path: child, reason: "cannot read: \(String(cString: strerror(errno)))")
            }
            if type == UInt8(DT_LNK) || type == UInt8(DT_UNKNOWN), var link = symbolicLink(at: child) {
                link.path = childRelative
                listing.links.append(link)
                guard follow(link) else { continue }
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try walk(child, relative: childRelative, into: &listing, visited: &visited, follow: follow)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                listing.files.append(childRelative)
            }
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    public func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    private static func reason(for path: String) -> String {
        if access(path, F_OK) != 0 { return "no such file or folder" }
        if access(path, R_OK) != 0 { return "permission denied" }
        return String(cString: strerror(errno))
    }
}

/// What a file is read into: `Data` or `[UInt8]`, both of which have these members.
private protocol ReadBuffer: RangeReplaceableCollection, BidirectionalCollection where Element == UInt8 {
    mutating func withUnsafeMutableBytes<Result>(_ body: (UnsafeMutableRawBufferPointer) throws -> Result) rethrows -> Result
}

extension Data: ReadBuffer {}
extension Array: ReadBuffer where Element == UInt8 {}
