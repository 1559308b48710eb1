/// The changes of one burst of activity in the watched folders, after debouncing.
public struct ChangeBatch: Sendable, Hashable {
    /// Absolute paths of the files and folders that changed.
    public var paths: Set<String> = []
    /// Whether the watcher lost track (event queue overflow): everything must be rebuilt.
    public var needsFullRebuild = false

    /// A batch of the given paths (and a full rebuild when asked).
    public init(paths: Set<String> = [], needsFullRebuild: Bool = false) {
        self.paths = paths
        self.needsFullRebuild = needsFullRebuild
    }

    /// What to pass to `build(changedPaths:)`: the paths, or `nil` for a full rebuild.
    public var changedPaths: Set<String>? {
        needsFullRebuild ? nil : paths
    }

    /// Whether the batch holds nothing.
    public var isEmpty: Bool {
        paths.isEmpty && !needsFullRebuild
    }

    /// Adds one change.
    public mutating func add(_ change: FileChange) {
        if change.kind == .overflow {
            needsFullRebuild = true
        } else {
            paths.insert(change.path)
        }
    }

    /// Adds every change of another batch.
    public mutating func merge(_ other: ChangeBatch) {
        paths.formUnion(other.paths)
        needsFullRebuild = needsFullRebuild || other.needsFullRebuild
    }
}
