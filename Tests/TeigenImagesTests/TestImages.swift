import Foundation
import Testing

@testable import TeigenImages

/// Images made for tests with libvips itself, a temporary cache, and the committed fixtures.
enum TestImages {
    /// `Tests/TeigenImagesTests/Fixtures`.
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// An 80×60 JPEG, red on the left and blue on the right, with EXIF orientation 6 (shown turned a quarter
    /// clockwise: 60×80, red on top), GPS coordinates, a camera make and an artist. Made with
    /// `vips black/linear/join/jpegsave` and `exiftool -Orientation#=6 -GPSLatitude=35.6812 ... -Make=TestCam`.
    static func orientedWithGPS() throws -> ImageSource {
        let url = fixtures.appendingPathComponent("oriented-gps.jpg")
        return ImageSource(path: "Fixtures/oriented-gps.jpg", bytes: try Data(contentsOf: url))
    }

    /// A 40×30 GIF of two frames, red then blue (`vips join red.v blue.v anim.v vertical` and
    /// `vips gifsave anim.v two-frames.gif --page-height 30`).
    static func twoFrames() throws -> ImageSource {
        let url = fixtures.appendingPathComponent("two-frames.gif")
        return ImageSource(path: "Fixtures/two-frames.gif", bytes: try Data(contentsOf: url))
    }

    /// A `size` image of one `color` plus a darker left half (so resizing has something to do), as `format`.
    static func make(_ format: ImageFormat, _ size: PixelSize, name: String? = nil, color: RGBColor = RGBColor(red: 40, green: 120, blue: 200)) throws -> ImageSource {
        let half = PixelRect(x: 0, y: 0, width: size.width / 2, height: size.height)
        let image = try VipsImage.canvas(size, color: color).filling(half, with: RGBColor(red: 200, green: 60, blue: 30))
        let quality = EncodingQuality(options: .default, source: format)
        let bytes = try image.encoded(as: format, quality: quality)
        return ImageSource(path: name ?? "images/test.\(format.fileExtension)", bytes: Data(bytes))
    }

    /// The header libvips reads from the file at `path` (decoding it back).
    static func header(ofFile path: String) throws -> ImageHeader {
        try ImageHeader.read(ImageSource(path: path, bytes: try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    /// The metadata field names of the file at `path`, and one pixel's values, read by decoding it.
    static func decoded(_ path: String, pixelAt point: (x: Int, y: Int)) throws -> (fields: [String], pixel: [Double]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        return try data.withUnsafeBytes { bytes in
            let image = try VipsImage.open(bytes, allFrames: false)
            return (image.fieldNames, try image.pixel(x: point.x, y: point.y))
        }
    }
}

/// A folder under the system's temporary folder, removed when the test is done with it.
final class TemporaryFolder: Sendable {
    let path: String

    init(_ name: String = "teigen-images") throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A cache in `cache/` inside the folder.
    var cache: ImageCache { ImageCache(directory: path + "/cache") }
}
