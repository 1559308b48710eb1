import Foundation

/// What an image is, read from its header without decoding its pixels: format and upright size.
public struct ImageHeader: Sendable, Hashable, Codable {
    public var format: ImageFormat
    /// The size as displayed: after the EXIF orientation is applied, one frame of an animation.
    /// Nil only for an SVG that declares neither `width`/`height` nor a `viewBox`.
    public var size: PixelSize?
    /// The number of frames: more than one for an animated GIF or WebP.
    public var frameCount: Int
    /// Whether the image has an alpha channel.
    public var hasAlpha: Bool

    public init(format: ImageFormat, size: PixelSize?, frameCount: Int, hasAlpha: Bool) {
        self.format = format
        self.size = size
        self.frameCount = frameCount
        self.hasAlpha = hasAlpha
    }

    /// Whether the image is an animation (more than one frame).
    public var isAnimated: Bool { frameCount > 1 }

    /// The header of `source`: an unknown format or unreadable header is an `ImageError` naming the file.
    public static func read(_ source: ImageSource) throws(ImageError) -> ImageHeader {
        let format = try Self.format(of: source)
        if format == .svg {
            return ImageHeader(format: .svg, size: try SVGSize.read(source), frameCount: 1, hasAlpha: true)
        }
        do throws(VipsFailure) {
            return try source.bytes.withVipsBytes { (bytes) throws(VipsFailure) -> ImageHeader in
                let image = try VipsImage.open(bytes, allFrames: format.canAnimate)
                let frames = max(1, image.frameCount)
                let stored = PixelSize(width: image.width, height: frames > 1 ? image.frameHeight : image.height)
                let upright = (5...8).contains(image.orientation) ? stored.transposed : stored
                return ImageHeader(format: format, size: upright, frameCount: frames, hasAlpha: image.hasAlpha)
            }
        } catch {
            throw ImageError(path: source.path, problem: .corrupt(error.message.isEmpty ? error.reason : error.message))
        }
    }

    /// The format libvips recognises in the bytes; an error if none that Teigen takes.
    private static func format(of source: ImageSource) throws(ImageError) -> ImageFormat {
        do throws(VipsFailure) { try VipsRuntime.ensureStarted() } catch { throw ImageError(path: source.path, problem: .engine(error.reason)) }
        let loader = source.bytes.withUnsafeBytes { VipsImage.loaderName(for: $0) }
        guard let loader, var format = ImageFormat.read(byLoader: loader) else {
            throw ImageError(path: source.path, problem: .unsupportedFormat)
        }
        if format == .heif && source.isAVIF { format = .avif }
        return format
    }
}

extension ImageFormat {
    /// Whether files of this format can hold several frames that Teigen keeps (GIF and WebP animations).
    var canAnimate: Bool { self == .gif || self == .webp }
}

extension ImageSource {
    /// Whether the HEIF container's brand says AVIF (`ftypavif` or `ftypavis` at byte 4).
    var isAVIF: Bool {
        guard bytes.count >= 12 else { return false }
        let brand = String(decoding: bytes[bytes.startIndex + 4..<bytes.startIndex + 12], as: UTF8.self)
        return brand == "ftypavif" || brand == "ftypavis"
    }
}
