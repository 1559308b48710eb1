/// The encoder settings for one source: the options' numbers, and the WebP preset its kind of picture wants.
struct EncodingQuality: Sendable, Hashable {
    var jpeg: Int
    var webp: Int
    var webpEffort: Int
    var webpPreset: WebPPreset
    var pngCompression: Int

    /// libwebp's presets (VipsForeignWebpPreset): how the lossy encoder filters and spends bits.
    enum WebPPreset: Int32, Sendable {
        case standard = 0
        case photo = 2
        /// High-contrast lines and flat areas: keeps edges of charts and diagrams sharp.
        case drawing = 3
    }

    /// The settings for a source in `format`: photographs (JPEG, HEIF, AVIF) get WebP's photo preset,
    /// lossless sources (PNG, GIF, often charts and diagrams) its drawing preset.
    init(options: ImageOptions, source format: ImageFormat) {
        jpeg = options.jpegQuality
        webp = options.webpQuality
        webpEffort = options.webpEffort
        pngCompression = options.pngCompression
        switch format {
        case .jpeg, .avif, .heif: webpPreset = .photo
        case .png, .gif: webpPreset = .drawing
        case .webp, .svg, .tiff: webpPreset = .standard
        }
    }

    /// Settings for a generated picture of text and flat colour (a share image): PNG's, and WebP's drawing preset.
    static let graphic = EncodingQuality(options: .default, source: .png)
}
