/// One tag of a template (`{{name}}`, `{{#name}}`, `{{> partial}}`…), found by ``TagScanner``.
struct TemplateTag: Sendable {
    enum Kind: Sendable {
        /// `{{name}}`, `{{{name}}}` or `{{&name}}`.
        case variable
        /// `{{#name}}`.
        case section
        /// `{{^name}}`.
        case invertedSection
        /// `{{/name}}`.
        case close
        /// `{{> name}}`.
        case partial
        /// `{{< name}}` (a parent template, with block overrides).
        case parent
        /// `{{$name}}` (a block).
        case block
    }

    var kind: Kind
    /// The name as written, without transforms (`site.menus` in `{{#reversed(site.menus)}}`); for
    /// partials and parents the template name (`partials/nav`, `*dynamic` for a dynamic one).
    var name: String
    /// Where the tag starts (its opening delimiter), 1-based; columns count Unicode scalars.
    var line: Int
    var column: Int
    /// Where the name starts.
    var nameLine: Int
    var nameColumn: Int
    /// For a section, inverted section, block or parent: the text between it and its closing tag
    /// (what a lambda section receives), and whether that text holds tags of its own.
    var body: String?
    var bodyHasTags = false
}
