/// Which files a raster image becomes: each width in WebP and in a format every browser shows.
struct VariantPlan: Sendable, Hashable {
    /// The widths to make, ascending, none larger than the image.
    var widths: [Int]
    /// The formats each width is written in: WebP first, then the fallback (one format for a WebP source).
    var formats: [ImageFormat]
    /// The size of each width's files: the image's aspect ratio, the height rounded to a whole pixel.
    var sizes: [PixelSize]

    /// The plan for an image with `header`, under `options`.
    ///
    /// Widths larger than the image give way to the image's own width, so a 1000-pixel photo with widths
    /// 480, 960 and 1440 is made at 480, 960 and 1000. The fallback is the source's own format when
    /// browsers show it (JPEG, PNG, GIF); HEIF, AVIF and TIFF fall back to JPEG, or PNG when they have alpha.
    init(header: ImageHeader, options: ImageOptions) {
        let width = header.size?.width ?? 1
        let requested = Set(options.widths)
        var widths = requested.filter { $0 <= width }
        if widths.count < requested.count { widths.insert(width) }
        self.widths = widths.sorted()
        self.formats = [.webp] + [Self.fallback(for: header)].filter { $0 != .webp }
        let height = header.size?.height ?? 1
        sizes = self.widths.map { target in
            PixelSize(width: target, height: target == width ? height : max(1, Int((Double(height) * Double(target) / Double(width)).rounded())))
        }
    }

    /// The files of an image `stem` with cache key prefix `key`, named and sized but not yet made: WebP
    /// widths ascending, then the fallback's.
    func variants(stem: String, key: String) -> [ImageVariant] {
        formats.sorted { ($0 == .webp ? 0 : 1) < ($1 == .webp ? 0 : 1) }.flatMap { format in
            sizes.map { size in
                ImageVariant(fileName: "\(stem)-\(size.width).\(key).\(format.fileExtension)", format: format, size: size, byteCount: 0)
            }
        }
    }

    /// The format beside WebP for a source with `header`.
    static func fallback(for header: ImageHeader) -> ImageFormat {
        switch header.format {
        case .jpeg, .png, .gif, .webp: header.format
        case .avif, .heif, .tiff, .svg: header.hasAlpha ? .png : .jpeg
        }
    }
}
