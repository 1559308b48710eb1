/// Writes values as bytes in a compact, unambiguous form that ``ByteReader`` reads back: fixed-width
/// little-endian integers, and strings and lists prefixed with their length. For files that one build writes
/// and the next one reads (the render cache in `.teigen-cache/render/`).
///
/// ```swift
/// var writer = ByteWriter()
/// writer.write("proposals/1.md")
/// writer.write(42)
/// var reader = ByteReader(writer.bytes)   // reads "proposals/1.md", then 42
/// ```
public struct ByteWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Writes `value` as 8 bytes, little-endian.
    public mutating func write(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes `value` as 8 bytes, little-endian, two's complement.
    public mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64(value)))
    }

    /// Writes `value` as one byte.
    public mutating func write(_ value: Bool) {
        bytes.append(value ? 1 : 0)
    }

    /// Writes `value` as one byte.
    public mutating func write(_ value: UInt8) {
        bytes.append(value)
    }

    /// Writes the UTF-8 bytes of `text`, after their count.
    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes `raw` as it is, without its count (a header's magic bytes, a digest of known size).
    public mutating func write(raw: some Sequence<UInt8>) {
        bytes.append(contentsOf: raw)
    }

    /// Writes the count of `list`, then each element with `element`.
    public mutating func write<Element>(_ list: [Element], _ element: (inout ByteWriter, Element) -> Void) {
        write(list.count)
        for item in list { element(&self, item) }
    }

    /// Writes the strings of `list`, after their count.
    public mutating func write(_ list: [String]) {
        write(list) { $0.write($1) }
    }

    /// Empties the writer, keeping its capacity (after its bytes went to a file).
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }
}
