import TeigenCore

/// One top-level key of a page's front matter with its value and where both were written, in whichever format
/// the front matter is in: what `FrontMatterDecoder` checks, the same way for YAML, TOML and JSON.
struct FrontMatterField {
    var key: String
    var keyLocation: SourceLocation
    var value: FrontMatterValue
}

/// A front matter value as its format typed it, with where it was written.
struct FrontMatterValue {
    /// The value (a TOML date becomes its ISO 8601 text).
    var value: TemplateValue
    /// A scalar's text as written (YAML's `010` stays `010`); nil for null, lists and maps.
    var text: String?
    /// Where the value starts in the page file.
    var location: SourceLocation
    /// A list's items, each with its own location, for messages about one of them.
    var items: [FrontMatterValue] = []
}
