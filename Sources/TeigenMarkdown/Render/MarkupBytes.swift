/// Building HTML markup as UTF-8 bytes (``PassMarkup``), without Swift string interpolation.
extension Array where Element == UInt8 {
    /// Appends a fixed string.
    mutating func append(_ string: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }

    /// Appends `text` escaped as libcmark escapes text (``HTMLEscaper/entity(for:)``).
    mutating func append(escaping text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            reserveCapacity(count + bytes.count)
            HTMLEscaper.escapeHTML(
                base, length: bytes.count, copying: { append(contentsOf: UnsafeBufferPointer(start: $0, count: $1)) },
                entity: { append($0) })
        }
    }

    /// Appends `value` in decimal.
    mutating func append(decimal value: Int) {
        if value < 0 {
            append(0x2D)
            append(decimal: 0 - value)
            return
        }
        if value >= 10 { append(decimal: value / 10) }
        append(UInt8(0x30 + value % 10))
    }
}
