import TeigenMarkdown

/// What the build decides in a page's Markdown: the HTML of its images (the image pipeline's
/// `<picture>`) and of its shortcodes (the theme's shortcode templates). Each hook is told the page.
///
/// The Markdown module's types of these calls are named here, so that the build uses them through Content.
public struct PageHooks: Sendable {
    /// Writes one image of `page`.
    public var image: @Sendable (_ page: Page, _ reference: ImageReference) -> ImageResolution
    /// Writes one shortcode call of `page`.
    public var shortcode: @Sendable (_ page: Page, _ call: ShortcodeCall) -> ShortcodeOutcome
    /// Changes whenever a hook's answers may change (the images, the shortcode templates): part of the key
    /// under which converted pages are kept between builds (a digest's text: the same in every process).
    public var fingerprint: String

    public init(
        image: @escaping @Sendable (Page, ImageReference) -> ImageResolution,
        shortcode: @escaping @Sendable (Page, ShortcodeCall) -> ShortcodeOutcome, fingerprint: String
    ) {
        self.image = image
        self.shortcode = shortcode
        self.fingerprint = fingerprint
    }
}

/// A Markdown image (`![alt](map.png "title")`), as the image hook sees it.
public typealias ImageReference = TeigenMarkdown.ImageReference
/// What the image hook answers: keep the `<img>`, write HTML, or fail with a message.
public typealias ImageResolution = TeigenMarkdown.ImageResolution
/// A shortcode call (`{{< figure src="map.png" >}}`), as the shortcode hook sees it.
public typealias ShortcodeCall = TeigenMarkdown.ShortcodeCall
/// One argument of a shortcode call.
public typealias ShortcodeArgument = TeigenMarkdown.ShortcodeArgument
/// What the shortcode hook answers: HTML, or a failure at the call or one of its arguments.
public typealias ShortcodeOutcome = TeigenMarkdown.ShortcodeOutcome
