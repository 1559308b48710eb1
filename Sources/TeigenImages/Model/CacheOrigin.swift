/// Where a result's files came from: the cache (nothing was resized or drawn) or this very call.
public enum CacheOrigin: String, Sendable, Hashable, Codable {
    case cache
    case made
    /// Named and sized from the image's header, not made yet (``ImageProcessor/plan(_:)``).
    case planned
}
