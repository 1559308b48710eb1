/// An image file format Teigen reads; it writes JPEG, PNG, WebP and GIF, and passes SVG through.
public enum ImageFormat: String, Sendable, Hashable, Codable, CaseIterable {
    case jpeg
    case png
    case webp
    case gif
    /// Vector images: copied unchanged, never rasterised.
    case svg
    /// AVIF (AV1 in HEIF); read, and served as JPEG or PNG beside WebP.
    case avif
    /// HEIC and other HEIF images; read, and served as JPEG or PNG beside WebP.
    case heif
    /// TIFF; read, and served as JPEG or PNG beside WebP.
    case tiff

    /// The name people know it by ("JPEG").
    public var name: String {
        switch self {
        case .jpeg: "JPEG"
        case .png: "PNG"
        case .webp: "WebP"
        case .gif: "GIF"
        case .svg: "SVG"
        case .avif: "AVIF"
        case .heif: "HEIF"
        case .tiff: "TIFF"
        }
    }

    /// The extension of a file in this format, without a dot ("jpg").
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        case .webp: "webp"
        case .gif: "gif"
        case .svg: "svg"
        case .avif: "avif"
        case .heif: "heic"
        case .tiff: "tif"
        }
    }

    /// The media type, for `<source type>` ("image/webp").
    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .gif: "image/gif"
        case .svg: "image/svg+xml"
        case .avif: "image/avif"
        case .heif: "image/heif"
        case .tiff: "image/tiff"
        }
    }

    /// The format a libvips loader reads ("VipsForeignLoadJpegBuffer" is JPEG), or nil for one Teigen does not take.
    static func read(byLoader loader: String) -> ImageFormat? {
        let name = loader.lowercased()
        let formats: [(fragment: String, format: ImageFormat)] = [
            ("jpeg", .jpeg), ("png", .png), ("webp", .webp), ("gif", .gif), ("svg", .svg), ("heif", .heif),
            ("tiff", .tiff),
        ]
        return formats.first { name.contains($0.fragment) }?.format
    }
}
