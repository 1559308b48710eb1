import TeigenCore

/// A section whose content holds no tags, such as `{{#asset}}css/style.css{{/asset}}`: its text is
/// exactly what a lambda of that name receives, known before any page is rendered.
public struct LiteralSection: Sendable, Hashable {
    /// The template it is written in.
    public var template: String
    /// The text between the opening and closing tags, as written (`css/style.css`).
    public var text: String
    /// Where the opening tag starts.
    public var location: SourceLocation
}
