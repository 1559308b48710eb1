/// What the caller decides during a conversion: link destinations, images and shortcodes. Each hook is
/// called from the converting thread, once per link, image or shortcode, in document order.
///
/// ```swift
/// let hooks = MarkdownHooks(
///     rewriteLink: { destination in .keep },
///     image: { reference in .html("<img src=\"/figures/\(reference.destination)\" alt=\"…\">") },
///     shortcode: { call in .html("<aside class=\"note\">\(ShortcodeCall.innerMarker)</aside>") })
/// let html = MarkdownRenderer().render(markdown, hooks: hooks).html
/// ```
public struct MarkdownHooks: Sendable {
    /// Rewrites link and image destinations (``LinkRewriter``); images the ``image`` hook answers are not rewritten.
    public var rewriteLink: LinkRewriter?
    /// Writes the HTML of an image (`![alt](map.png)`), for example a responsive `<picture>`.
    public var image: ImageResolver?
    /// Writes the HTML of a shortcode (`{{< figure src="map.png" >}}`); without it shortcode syntax stays text.
    public var shortcode: ShortcodeRenderer?

    /// Hooks; each left out keeps Markdown's own behaviour.
    public init(rewriteLink: LinkRewriter? = nil, image: ImageResolver? = nil, shortcode: ShortcodeRenderer? = nil) {
        self.rewriteLink = rewriteLink
        self.image = image
        self.shortcode = shortcode
    }
}

/// An image written in Markdown: `![alt](destination "title")`.
public struct ImageReference: Sendable, Hashable {
    /// The destination as written (entities and escapes resolved by libcmark).
    public var destination: String
    /// The alternative text: the plain text of the image's description.
    public var alt: String
    /// The title, if one was written.
    public var title: String?

    public init(destination: String, alt: String, title: String? = nil) {
        self.destination = destination
        self.alt = alt
        self.title = title
    }
}

/// What becomes of one Markdown image (``ImageResolver``).
public enum ImageResolution: Sendable, Hashable {
    /// Keep libcmark's `<img>` (after link rewriting): for example an image on another site.
    case keep
    /// Write this HTML instead of the `<img>`; `resources` names the files it refers to that the caller must
    /// publish (``RenderedMarkdown/resources``).
    case html(String, resources: [String] = [])
    /// The image is missing or unusable: an error with this message at the image's line and column.
    case failure(String)
}

/// Decides how an image is written; called once per image, from any thread.
public typealias ImageResolver = @Sendable (ImageReference) -> ImageResolution
