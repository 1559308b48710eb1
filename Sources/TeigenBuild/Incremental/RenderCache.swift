import Foundation
import TeigenContent

/// What a build keeps for the next one in the same process (the preview server): decoded pages,
/// converted Markdown and rendered pages, each under a key that changes whenever anything that could
/// change it changes, and the last build's parts for changing a few pages in place (``BodyEdit``).
///
/// The steps read and fill it through its ``Memo``s; a one-shot build (`teigen build`) turns it off,
/// which skips computing keys and keeps nothing.
public struct RenderCache: Sendable {
    /// Decoded pages by content path (the key: the file's bytes and path).
    var sources: Memo<SourcePage>
    /// Converted Markdown by content path (the key: ``PageBodyRenderer``'s inputs).
    var bodies: Memo<PageBody>
    /// Rendered pages by output path (the key: the page's template context and templates).
    var pages: Memo<PageRenderer.Kept>
    /// The highlighter's and math converter's results, by request.
    var fragments = FragmentTools.Memory()
    /// The last successful build's parts (kept only when caching is on).
    private(set) var state: RenderState?

    /// Whether builds read and fill this cache.
    public let isEnabled: Bool

    public init(enabled: Bool = true) {
        isEnabled = enabled
        sources = Memo(enabled: enabled)
        bodies = Memo(enabled: enabled)
        pages = Memo(enabled: enabled)
    }

    /// Keeps the parts of a successful build for ``BodyEdit``.
    mutating func keep(_ state: @autoclosure () -> RenderState) {
        guard isEnabled else { return }
        self.state = state()
    }
}
