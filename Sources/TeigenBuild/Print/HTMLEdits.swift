/// Replacements of byte ranges of an HTML text, applied at once: each range is replaced by its new
/// bytes, the rest is copied. Ranges must not overlap.
struct HTMLEdits {
    private var edits: [(range: Range<Int>, bytes: [UInt8])] = []

    /// Replaces `range` with `text`.
    mutating func replace(_ range: Range<Int>, with text: String) {
        edits.append((range, Array(text.utf8)))
    }

    /// Replaces `range` with `bytes`.
    mutating func replace(_ range: Range<Int>, with bytes: [UInt8]) {
        edits.append((range, bytes))
    }

    /// `bytes` with every replacement made.
    func applied(to bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.bytes.count })
        var position = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out.append(contentsOf: bytes[position..<edit.range.lowerBound])
            out.append(contentsOf: edit.bytes)
            position = edit.range.upperBound
        }
        out.append(contentsOf: bytes[position...])
        return out
    }
}
