/// A folder of `content/`: its own page (`_index.md`), its pages in order, its subsections.
public struct Section: Sendable, Hashable {
    /// The content folder (`proposals`, `` for the home page).
    public var path: String
    /// Index of the section's own page in `ContentGraph.pages`.
    public var pageIndex: Int
    /// Indices of the regular pages listed in this section, in order (weight, then newest date, then title).
    public var pageIndices: [Int]
    /// Content folders of the direct subsections, in the order of their pages.
    public var subsections: [String]
    /// The parent section's folder, nil for the root.
    public var parent: String?
    /// Position of each listed page in `pageIndices`.
    public var positions: [Int: Int] = [:]
}
