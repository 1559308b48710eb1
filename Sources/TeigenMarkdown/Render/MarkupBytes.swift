/// Building HTML markup as UTF-8 bytes (``PassMarkup``), without Swift string interpolation.
extension Array where Element == UInt8 {
    /// Appends a fixed string.
    mutating func append(_ string: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: string.utf8Start, count: string.utf8CodeUnitCount))
    }

    /// Appends `text` with `&`, `<`, `>` and `"` escaped (as libcmark escapes text).
    mutating func append(escaping text: String) {
        for byte in text.utf8 {
            switch byte {
            case 0x26: append("&amp;")
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x22: append("&quot;")
            default: append(byte)
            }
        }
    }

    /// Appends `text`'s bytes as they are.
    mutating func append(utf8 text: String) {
        append(contentsOf: text.utf8)
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
