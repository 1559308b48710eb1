/// One entry of a site menu (`menus.main` in `config.yaml`).
public struct MenuEntry: Sendable, Hashable {
    /// Where an entry points.
    public enum Target: Sendable, Hashable {
        /// A content file, relative to `content/` (`proposals/_index.md`, `about.md`).
        case page(String)
        /// A URL: root-relative (`/members/`, prefixed with the base path) or absolute (`https://…`).
        case url(String)
    }

    public var name: String
    public var target: Target
    /// Where the entry was written, for errors about it.
    public var location: SourceLocation

    public init(name: String, target: Target, location: SourceLocation) {
        self.name = name
        self.target = target
        self.location = location
    }
}
