import CVipsBridge

/// One libvips image, released when it goes out of scope. Not copyable: exactly one owner releases it.
///
/// Images opened from bytes read those bytes lazily; the caller keeps them alive (inside
/// `Data.withUnsafeBytes`) for as long as the image and everything made from it.
struct VipsImage: ~Copyable {
    private let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        teigen_vips_release(handle)
    }

    /// The image a bridge call made, or the failure libvips reported.
    private static func made(_ action: String, _ result: OpaquePointer?) throws(VipsFailure) -> VipsImage {
        guard let result else { throw VipsFailure.take(doing: action) }
        return VipsImage(handle: result)
    }

    /// The libvips loader that recognises `bytes` ("VipsForeignLoadJpegBuffer"), or nil if none does.
    static func loaderName(for bytes: UnsafeRawBufferPointer) -> String? {
        teigen_vips_loader(bytes.baseAddress, bytes.count).map { String(cString: $0) }
    }

    /// Opens the image in `bytes` lazily; `allFrames` stacks every frame of an animation.
    static func open(_ bytes: UnsafeRawBufferPointer, allFrames: Bool) throws(VipsFailure) -> VipsImage {
        try VipsRuntime.ensureStarted()
        return try made("read the image", teigen_vips_open(bytes.baseAddress, bytes.count, allFrames ? 1 : 0))
    }

    /// The image in `bytes` resized to exactly `size` (a frame's size for an animation), upright and in sRGB.
    static func thumbnail(_ bytes: UnsafeRawBufferPointer, size: PixelSize, allFrames: Bool) throws(VipsFailure) -> VipsImage {
        try VipsRuntime.ensureStarted()
        return try made(
            "resize the image",
            teigen_vips_thumbnail(bytes.baseAddress, bytes.count, Int32(size.width), Int32(size.height), allFrames ? 1 : 0)
        )
    }

    /// A `size` image of one colour.
    static func canvas(_ size: PixelSize, color: RGBColor) throws(VipsFailure) -> VipsImage {
        try VipsRuntime.ensureStarted()
        let (red, green, blue) = color.components
        return try made(
            "make a canvas",
            teigen_vips_canvas(Int32(size.width), Int32(size.height), red, green, blue)
        )
    }

    /// Pango markup set in `font`, wrapped at `width` pixels, as an image with alpha.
    static func text(markup: String, font: String, width: Int, alignment: TextAlignment) throws(VipsFailure) -> VipsImage {
        try VipsRuntime.ensureStarted()
        return try made("set text", teigen_vips_text(markup, font, Int32(width), alignment.rawValue))
    }

    /// How `text` aligns its lines.
    enum TextAlignment: Int32 {
        case leading = 0
        case center = 1
        case trailing = 2
    }

    var width: Int { Int(teigen_vips_width(handle)) }
    var height: Int { Int(teigen_vips_height(handle)) }
    var bands: Int { Int(teigen_vips_bands(handle)) }
    var hasAlpha: Bool { teigen_vips_has_alpha(handle) != 0 }
    /// The height of one frame (the image's height unless frames are stacked).
    var frameHeight: Int { Int(teigen_vips_page_height(handle)) }
    /// The number of frames in the file.
    var frameCount: Int { Int(teigen_vips_page_count(handle)) }
    /// The EXIF orientation, 1 (upright) when there is none.
    var orientation: Int { Int(teigen_vips_orientation(handle)) }

    /// The names of the metadata fields the image carries ("exif-ifd0-Orientation", "icc-profile-data").
    var fieldNames: [String] {
        guard let fields = teigen_vips_fields(handle) else { return [] }
        defer { teigen_vips_free_fields(fields) }
        var names: [String] = []
        var index = 0
        while let name = fields[index] {
            names.append(String(cString: name))
            index += 1
        }
        return names
    }

    /// The band values of the pixel at (`x`, `y`).
    func pixel(x: Int, y: Int) throws(VipsFailure) -> [Double] {
        var values = [Double](repeating: 0, count: 8)
        let count = teigen_vips_pixel(handle, Int32(x), Int32(y), &values, Int32(values.count))
        guard count >= 0 else { throw VipsFailure.take(doing: "read a pixel") }
        return Array(values.prefix(Int(count)))
    }

    /// The image computed into memory, so that several savers read its pixels once.
    func materialized() throws(VipsFailure) -> VipsImage {
        try Self.made("decode the image", teigen_vips_materialize(handle))
    }

    /// The image without alpha, on `background`.
    func flattened(on background: RGBColor) throws(VipsFailure) -> VipsImage {
        let (red, green, blue) = background.components
        return try Self.made("flatten the image", teigen_vips_flatten(handle, red, green, blue))
    }

    /// The image with the rectangle `frame` filled with `color`.
    func filling(_ frame: PixelRect, with color: RGBColor) throws(VipsFailure) -> VipsImage {
        let (red, green, blue) = color.components
        return try Self.made(
            "draw a rectangle",
            teigen_vips_fill(
                handle, red, green, blue, Int32(frame.x), Int32(frame.y), Int32(frame.width), Int32(frame.height)
            )
        )
    }

    /// `overlay` composited over this image with its top left corner at (`x`, `y`).
    func compositing(_ overlay: borrowing VipsImage, x: Int, y: Int) throws(VipsFailure) -> VipsImage {
        try Self.made("composite", teigen_vips_composite(handle, overlay.handle, Int32(x), Int32(y)))
    }

    /// The image encoded as `format`, with every metadata field stripped.
    func encoded(as format: ImageFormat, quality: EncodingQuality) throws(VipsFailure) -> [UInt8] {
        var bytes: UnsafeMutableRawPointer?
        var length = 0
        let status: Int32
        switch format {
        case .jpeg:
            status = teigen_vips_save_jpeg(handle, Int32(quality.jpeg), &bytes, &length)
        case .png:
            status = teigen_vips_save_png(handle, Int32(quality.pngCompression), &bytes, &length)
        case .webp:
            status = teigen_vips_save_webp(
                handle, Int32(quality.webp), quality.webpPreset.rawValue, Int32(quality.webpEffort), &bytes, &length
            )
        case .gif:
            status = teigen_vips_save_gif(handle, &bytes, &length)
        case .svg, .avif, .heif, .tiff:
            throw VipsFailure(action: "save \(format.name)", message: "Teigen does not write \(format.name) images")
        }
        guard status == 0, let bytes else { throw VipsFailure.take(doing: "save \(format.name)") }
        defer { teigen_vips_free(bytes) }
        return Array(UnsafeRawBufferPointer(start: bytes, count: length))
    }
}
