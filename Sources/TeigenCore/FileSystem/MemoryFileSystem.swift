import Foundation

/// An in-memory file system for tests: paths to bytes.
public struct MemoryFileSystem: FileSystem {
    public var contents: [String: Data]

    public init(_ contents: [String: Data] = [:]) {
        self.contents = contents
    }

    /// A file system holding text files.
    public init(text: [String: String]) {
        self.contents = text.mapValues { Data($0.utf8) }
    }

    public func read(_ path: String) throws(FileSystemError) -> Data {
        guard let data = contents[path] else { throw FileSystemError(path: path, reason: "cannot read file: no such file or folder") }
        return data
    }

    public func files(under directory: String) throws(FileSystemError) -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return contents.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return contents.keys.contains { $0.hasPrefix(prefix) }
    }

    public func isFile(_ path: String) -> Bool {
        contents[path] != nil
    }
}
