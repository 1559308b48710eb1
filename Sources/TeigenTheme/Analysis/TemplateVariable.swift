import TeigenCore

/// A name a template reads (`{{page.title}}`, `{{#site.menus}}`, `{{^data.members}}`), and where it is written.
public struct TemplateVariable: Sendable, Hashable {
    /// The template that reads it (`page`, `partials/head`).
    public var template: String
    /// The parts of the name: `["site", "menus"]` for `site.menus`.
    public var path: [String]
    /// Where the name starts.
    public var location: SourceLocation

    /// Where part `index` of ``path`` starts (`data` in `site.data.members` is part 1).
    public func location(ofPart index: Int) -> SourceLocation {
        let offset = path.prefix(index).reduce(0) { $0 + $1.unicodeScalars.count + 1 }
        return SourceLocation(path: location.path, line: location.line, column: location.column + offset)
    }
}
