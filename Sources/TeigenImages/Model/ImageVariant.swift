/// One file a source image became: what `srcset`, `<source type>`, `width` and `height` need.
public struct ImageVariant: Sendable, Hashable, Codable {
    /// The file's name, to be placed in the folder the page links it from (`map-960.3fa2c1d9.webp`):
    /// the source's name, the width, eight hex digits of the cache key (new content, new name) and the extension.
    public var fileName: String
    public var format: ImageFormat
    /// The pixel size; nil only for an SVG that declares no size.
    public var size: PixelSize?
    /// The file's size in bytes.
    public var byteCount: Int

    public init(fileName: String, format: ImageFormat, size: PixelSize?, byteCount: Int) {
        self.fileName = fileName
        self.format = format
        self.size = size
        self.byteCount = byteCount
    }
}
