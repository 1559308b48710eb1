/// One encoded file of a resized image, in memory before it goes to the cache.
struct EncodedImage: Sendable, Hashable {
    var format: ImageFormat
    var size: PixelSize
    var bytes: [UInt8]
}
