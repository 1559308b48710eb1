/// A target outside the site that `allowSymlinksOutside` in `config.yaml` lets symbolic links lead to.
public struct SymlinkAllowance: Sendable, Hashable {
    /// The path as written: absolute, `~/…`, or relative to the site folder (the one holding `config.yaml`).
    public var path: String
    /// Where it is written, for messages.
    public var location: SourceLocation

    public init(path: String, location: SourceLocation) {
        self.path = path
        self.location = location
    }
}
