/// What a cache entry holds, written as `manifest.json` inside it: read back instead of decoding the files.
struct CacheManifest: Sendable, Hashable, Codable {
    /// The layout of entries; an entry of another version is made again.
    /// 2: files are made at the exact size the plan computes.
    static let currentVersion = 2

    var version: Int
    var header: ImageHeader
    var variants: [ImageVariant]

    init(header: ImageHeader, variants: [ImageVariant]) {
        self.version = Self.currentVersion
        self.header = header
        self.variants = variants
    }
}
