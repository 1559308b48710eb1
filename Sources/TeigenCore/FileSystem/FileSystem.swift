import Foundation

/// The seam through which the build reads its input: the disk in the command, memory in tests.
public protocol FileSystem: Sendable {
    /// The bytes of the file at `path`.
    func read(_ path: String) throws(FileSystemError) -> Data
    /// Every regular file below `directory`, as paths relative to it (`a/b.md`), sorted.
    /// A missing directory gives an empty list. Symlinks to files are followed; symlink loops are errors.
    func files(under directory: String) throws(FileSystemError) -> [String]
    /// Whether a directory exists at `path`.
    func isDirectory(_ path: String) -> Bool
    /// Whether a regular file exists at `path`.
    func isFile(_ path: String) -> Bool
    /// Lists `directory` like `files(under:)`, also reporting every symbolic link met below it. A link for which
    /// `follow` returns false is reported but neither followed nor listed: a folder it leads to is never read.
    func list(_ directory: String, follow: (SymbolicLink) -> Bool) throws(FileSystemError) -> FolderListing
    /// The symbolic link at `path` (not following it), or nil when `path` is not one.
    func symbolicLink(at path: String) -> SymbolicLink?
    /// `path` with every symbolic link and `.`/`..` resolved, or nil when it does not exist.
    func resolve(_ path: String) -> String?
}

extension FileSystem {
    /// A file system without symbolic links (such as memory) lists files only.
    public func list(_ directory: String, follow: (SymbolicLink) -> Bool) throws(FileSystemError) -> FolderListing {
        FolderListing(files: try files(under: directory), links: [])
    }

    public func symbolicLink(at path: String) -> SymbolicLink? { nil }

    public func resolve(_ path: String) -> String? { path }
}

/// A file that could not be read or a folder that could not be listed.
public struct FileSystemError: Error, Sendable, Hashable {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// As a diagnostic at the file.
    public var diagnostic: Diagnostic {
        .error(reason, at: SourceLocation(path: path))
    }
}
