/// A rendered share image in the cache.
public struct ShareImage: Sendable, Hashable {
    /// The file's name (`share.3fa2c1d9.png`); the caller places it where `og:image` points.
    public var fileName: String
    /// Its path in the cache, to copy or link into the output.
    public var path: String
    /// 1200×630.
    public var size: PixelSize
    public var byteCount: Int
    /// Whether the file came from the cache or was drawn by this call.
    public var origin: CacheOrigin

    public init(fileName: String, path: String, size: PixelSize, byteCount: Int, origin: CacheOrigin) {
        self.fileName = fileName
        self.path = path
        self.size = size
        self.byteCount = byteCount
        self.origin = origin
    }
}
