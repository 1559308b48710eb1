/// The regular files below a folder (relative paths, sorted) and the symbolic links met on the way.
public struct FolderListing: Sendable, Hashable {
    public var files: [String]
    public var links: [SymbolicLink]

    public init(files: [String], links: [SymbolicLink]) {
        self.files = files
        self.links = links
    }
}
