/// How images are resized and encoded. Part of every cache key: changing an option makes new files.
public struct ImageOptions: Sendable, Hashable, Codable {
    /// The widths, in pixels, each raster image is made in. A width larger than the image is replaced by
    /// the image's own width: images are never enlarged.
    public var widths: [Int]
    /// JPEG quality, 1 to 100.
    public var jpegQuality: Int
    /// WebP quality, 1 to 100 (lossy WebP).
    public var webpQuality: Int
    /// WebP encoder effort, 0 (fastest) to 6 (smallest files).
    public var webpEffort: Int
    /// zlib level for PNG, 0 to 9 (PNG stays lossless).
    public var pngCompression: Int

    /// 480, 960 and 1440 pixels: a phone's column, a text column of about 40 full-width characters at
    /// 1x and 2x, and a wide figure on a 2x screen. Quality 82 for JPEG and 80 for WebP are where both
    /// stop looking different from the source at a normal viewing distance; PNG at level 9.
    public static let `default` = ImageOptions(
        widths: [480, 960, 1440], jpegQuality: 82, webpQuality: 80, webpEffort: 4, pngCompression: 9
    )

    public init(widths: [Int], jpegQuality: Int, webpQuality: Int, webpEffort: Int, pngCompression: Int) {
        self.widths = widths
        self.jpegQuality = jpegQuality
        self.webpQuality = webpQuality
        self.webpEffort = webpEffort
        self.pngCompression = pngCompression
    }

    /// Why these options cannot be used, or nil when they can.
    public var problem: String? {
        if widths.isEmpty { return "images.widths is empty" }
        if let width = widths.first(where: { $0 < 1 || $0 > 16_384 }) {
            return "images.widths has \(width); a width is 1 to 16384 pixels"
        }
        if !(1...100).contains(jpegQuality) { return "images.jpegQuality is \(jpegQuality); it is 1 to 100" }
        if !(1...100).contains(webpQuality) { return "images.webpQuality is \(webpQuality); it is 1 to 100" }
        if !(0...6).contains(webpEffort) { return "images.webpEffort is \(webpEffort); it is 0 to 6" }
        if !(0...9).contains(pngCompression) { return "images.pngCompression is \(pngCompression); it is 0 to 9" }
        return nil
    }

    /// The options as one canonical line, for cache keys.
    var fingerprint: String {
        let sortedWidths = Set(widths).sorted().map(String.init).joined(separator: ",")
        return "w=\(sortedWidths);jpeg=\(jpegQuality);webp=\(webpQuality)/\(webpEffort);png=\(pngCompression)"
    }
}
