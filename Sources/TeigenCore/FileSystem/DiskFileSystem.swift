import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Reads from the real disk.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func read(_ path: String) throws(FileSystemError) -> Data {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileSystemError(path: path, reason: "cannot read file: \(Self.reason(for: path))")
        }
        defer { try? handle.close() }
        do {
            return try handle.readToEnd() ?? Data()
        } catch {
            throw FileSystemError(path: path, reason: "cannot read file: \(error.localizedDescription)")
        }
    }

    public func files(under directory: String) throws(FileSystemError) -> [String] {
        guard isDirectory(directory) else { return [] }
        var result: [String] = []
        var visited = Set<String>()
        try walk(directory, relative: "", into: &result, visited: &visited)
        return result.sorted()
    }

    private func walk(_ path: String, relative: String, into result: inout [String], visited: inout Set<String>) throws(FileSystemError) {
        guard let resolved = realpath(path, nil) else {
            throw FileSystemError(path: path, reason: "cannot resolve folder: \(String(cString: strerror(errno)))")
        }
        let real = String(cString: resolved)
        free(resolved)
        guard visited.insert(real).inserted else {
            throw FileSystemError(path: path, reason: "symbolic link loop: this folder leads back to \(real)")
        }
        defer { visited.remove(real) }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw FileSystemError(path: path, reason: "cannot read folder: \(Self.reason(for: path))")
        }
        for name in names.sorted() {
            let child = path + "/" + name
            let childRelative = relative.isEmpty ? name : relative + "/" + name
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
            if (info.st_mode & S_IFMT) == S_IFDIR {
                try walk(child, relative: childRelative, into: &result, visited: &visited)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                result.append(childRelative)
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
