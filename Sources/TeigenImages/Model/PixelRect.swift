/// A rectangle in an image, in pixels from its top left corner.
struct PixelRect: Sendable, Hashable {
    var x: Int
    var y: Int
    var width: Int
    var height: Int
}
