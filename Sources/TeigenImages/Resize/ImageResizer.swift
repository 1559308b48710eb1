import Foundation

/// Resizes one source to one width and encodes it in each format: the unit of work an `ImageProcessor`
/// lane runs, so that cancellation is checked between widths.
///
/// libvips's thumbnail does the work: it decodes at a reduced size where the format allows (JPEG's
/// shrink-on-load, WebP's scaled decode), applies the EXIF orientation, moves pixels with an embedded
/// profile (Adobe RGB, Display P3, CMYK) into sRGB, and shrinks with a Lanczos kernel. The savers strip
/// every metadata field: EXIF (GPS, camera, dates), XMP, IPTC and the ICC profile; without a profile
/// browsers show pixels as sRGB, which they now are. The resized pixels are computed once into memory
/// and read by each saver.
struct ImageResizer: Sendable {
    var header: ImageHeader
    var quality: EncodingQuality

    /// `source` at `size` (from the ``VariantPlan``), in each of `formats`.
    func encode(_ source: ImageSource, size planned: PixelSize, formats: [ImageFormat]) throws(ImageError) -> [EncodedImage] {
        let animated = header.isAnimated
        do throws(VipsFailure) {
            return try source.bytes.withVipsBytes { (bytes) throws(VipsFailure) -> [EncodedImage] in
                let resized = try VipsImage.thumbnail(bytes, size: planned, allFrames: animated).materialized()
                let size = PixelSize(width: resized.width, height: animated ? resized.frameHeight : resized.height)
                var files: [EncodedImage] = []
                for format in formats {
                    files.append(EncodedImage(format: format, size: size, bytes: try encode(resized, as: format)))
                }
                return files
            }
        } catch {
            throw ImageError(path: source.path, problem: .corrupt(error.message.isEmpty ? error.reason : error.message))
        }
    }

    /// The resized image in `format`; a JPEG fallback of an image with alpha is flattened onto white.
    private func encode(_ image: borrowing VipsImage, as format: ImageFormat) throws(VipsFailure) -> [UInt8] {
        if format == .jpeg && image.hasAlpha {
            return try image.flattened(on: RGBColor(red: 255, green: 255, blue: 255)).encoded(as: .jpeg, quality: quality)
        }
        return try image.encoded(as: format, quality: quality)
    }
}
