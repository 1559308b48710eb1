import Foundation
import TeigenContent
import TeigenMarkdown

/// What a build keeps for the next one in the same process (the preview server): converted Markdown and
/// rendered pages, each with a key that changes whenever anything that could change it changes.
public struct RenderCache: Sendable {
    var markdown: [String: (key: Int, value: RenderedMarkdown)] = [:]
    var pages: [String: (key: Int, data: Data)] = [:]
    /// Decoded pages by content path, with a hash of the file's bytes.
    var sources: [String: (key: Int, page: SourcePage)] = [:]
    /// The last successful build's parts, for changing pages in place (``BodyEdit``).
    var state: RenderState?

    /// Whether builds read and fill this cache. A one-shot build (`teigen build`) turns it off and so
    /// skips computing cache keys.
    public let isEnabled: Bool

    public init(enabled: Bool = true) {
        isEnabled = enabled
    }
}
