/// One change seen in a watched folder.
public struct FileChange: Sendable, Hashable {
    /// What happened to the path.
    public enum Kind: Sendable, Hashable {
        /// A file or folder appeared (including one that was already there when its new folder got watched).
        case created
        /// A file's contents or attributes changed.
        case modified
        /// A file or folder was deleted.
        case deleted
        /// A file or folder was renamed or moved away from this path.
        case movedAway
        /// A file or folder was renamed or moved to this path.
        case movedHere
        /// The kernel dropped events: anything may have changed under `path` (a watched root).
        case overflow
    }

    /// The absolute path of the file or folder.
    public var path: String
    /// What happened.
    public var kind: Kind
    /// Whether the path is a folder.
    public var isDirectory: Bool

    /// A change of `path`.
    public init(path: String, kind: Kind, isDirectory: Bool = false) {
        self.path = path
        self.kind = kind
        self.isDirectory = isDirectory
    }
}
