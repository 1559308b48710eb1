/// A source image after processing: its header and the files it became, which sit in the cache until the
/// build copies them into its output.
public struct ProcessedImage: Sendable, Hashable {
    /// The source's path, as given in its `ImageSource`.
    public var sourcePath: String
    /// The source's format and upright size.
    public var header: ImageHeader
    /// The files: for a raster image, WebP at each width ascending, then the fallback format at each width;
    /// for an SVG, the file itself.
    public var variants: [ImageVariant]
    /// The cache folder holding the variants' files.
    public var cacheDirectory: String
    /// The cache key (SHA-256 hex of the source's content, the options and the libvips version).
    public var key: String
    /// Whether the files came from the cache or were made by this call.
    public var origin: CacheOrigin

    public init(
        sourcePath: String, header: ImageHeader, variants: [ImageVariant], cacheDirectory: String, key: String,
        origin: CacheOrigin
    ) {
        self.sourcePath = sourcePath
        self.header = header
        self.variants = variants
        self.cacheDirectory = cacheDirectory
        self.key = key
        self.origin = origin
    }

    /// The path of `variant`'s file in the cache, to copy or link into the output.
    public func path(of variant: ImageVariant) -> String {
        cacheDirectory + "/" + variant.fileName
    }

    /// The variants in `format`, ascending by width.
    public func variants(in format: ImageFormat) -> [ImageVariant] {
        variants.filter { $0.format == format }
    }

    /// The format browsers without WebP get (`<img src>`): the source's own when browsers show it.
    public var fallbackFormat: ImageFormat {
        header.format == .svg ? .svg : VariantPlan.fallback(for: header)
    }

    /// The largest variant in the fallback format: the `src` of the `<img>`, whose size is its `width` and `height`.
    public var fallback: ImageVariant? {
        variants(in: fallbackFormat).last
    }
}
