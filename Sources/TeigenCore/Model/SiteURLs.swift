/// Turns site paths (`/proposals/1/`, relative to the site root) into the URLs written in the output:
/// prefixed with the base path and percent-encoded. (`relativeURLs: true` rewrites the finished HTML instead.)
public struct SiteURLs: Sendable, Hashable {
    /// Absolute base URL ending in `/`.
    public var baseURL: String
    /// `/` or `/sub/path/`.
    public var basePath: String
    /// `https://example.org`: computed once, `absolute` is called for every page.
    public var origin: String

    public init(baseURL: String) {
        self.baseURL = baseURL
        self.basePath = URLPath.basePath(ofBaseURL: baseURL)
        self.origin = URLPath.origin(ofBaseURL: baseURL)
    }

    /// The root-relative URL including the base path: `/teigen/proposals/1/`.
    public func rooted(_ sitePath: String) -> String {
        let start = sitePath.utf8.firstIndex { $0 != UInt8(ascii: "/") } ?? sitePath.endIndex
        return URLPath.encode(basePath + Substring(sitePath.unicodeScalars[start...]))
    }

    /// The absolute URL: `https://example.org/teigen/proposals/1/`.
    public func absolute(_ sitePath: String) -> String {
        origin + rooted(sitePath)
    }
}
