/// A symbolic link met while reading a folder: where it is, what it says and where it really leads.
public struct SymbolicLink: Sendable, Hashable {
    /// The link's path: relative to the folder listed (`static/ext`), or as given to `FileSystem.symbolicLink(at:)`.
    public var path: String
    /// What the link contains (`/etc/passwd`, `../shared`), as `readlink` gives it.
    public var destination: String
    /// The absolute path it leads to, every link and `..` on the way resolved.
    public var resolved: String
    /// Whether it leads to a folder.
    public var isFolder: Bool

    public init(path: String, destination: String, resolved: String, isFolder: Bool) {
        self.path = path
        self.destination = destination
        self.resolved = resolved
        self.isFolder = isFolder
    }
}
