/// A width and height in pixels.
public struct PixelSize: Sendable, Hashable, Codable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The size turned a quarter: width and height swapped.
    var transposed: PixelSize { PixelSize(width: height, height: width) }

    /// "1200×630".
    public var description: String { "\(width)×\(height)" }
}
