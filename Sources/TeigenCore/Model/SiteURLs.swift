/// Turns site paths (`/proposals/1/`, relative to the site root) into the URLs written in the output:
/// prefixed with the base path, percent-encoded, or relative to the current page when `relativeURLs` is on.
public struct SiteURLs: Sendable, Hashable {
    /// Absolute base URL ending in `/`.
    public var baseURL: String
    /// `/` or `/sub/path/`.
    public var basePath: String
    public var relative: Bool

    public init(baseURL: String, relative: Bool) {
        self.baseURL = baseURL
        self.basePath = URLPath.basePath(ofBaseURL: baseURL)
        self.relative = relative
    }

    /// The URL of `sitePath` as written on the page at `pagePath` (both site paths starting with `/`).
    public func link(_ sitePath: String, from pagePath: String) -> String {
        if relative {
            return URLPath.encode(URLPath.relative(from: pagePath, to: sitePath))
        }
        return rooted(sitePath)
    }

    /// The root-relative URL including the base path: `/teigen/proposals/1/`.
    public func rooted(_ sitePath: String) -> String {
        URLPath.encode(basePath + sitePath.drop(while: { $0 == "/" }))
    }

    /// The absolute URL: `https://example.org/teigen/proposals/1/`.
    public func absolute(_ sitePath: String) -> String {
        URLPath.origin(ofBaseURL: baseURL) + rooted(sitePath)
    }
}
