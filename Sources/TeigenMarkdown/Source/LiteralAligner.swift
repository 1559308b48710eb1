/// Walks a text node's literal (what libcmark produced) alongside its raw Markdown, to find which raw
/// byte a literal byte came from and whether it was backslash-escaped.
///
/// Handles backslash escapes, entity and numeric character references, and smart punctuation
/// (curly quotes, en and em dashes, ellipses). Positions must be asked in increasing order.
struct LiteralAligner {
    private let raw: ArraySlice<UInt8>
    private let literal: [UInt8]
    private var rawIndex: Int
    private var literalIndex = 0
    /// Whether the literal byte at `literalIndex` came from a backslash escape.
    private var escaped = false

    init(raw: ArraySlice<UInt8>, literal: [UInt8]) {
        self.raw = raw
        self.literal = literal
        self.rawIndex = raw.startIndex
        escaped = isEscapeAtCurrent
    }

    /// The raw offset (from the span's start) where literal byte `target` came from, and whether it was escaped.
    mutating func locate(_ target: Int) -> (rawOffset: Int, escaped: Bool) {
        while literalIndex < target, rawIndex < raw.endIndex {
            step()
        }
        return (rawIndex - raw.startIndex, literalIndex == target && escaped)
    }

    /// The literal offset of the byte that raw offset `target` (from the span's start) turned into.
    mutating func literalOffset(forRaw target: Int) -> Int {
        let goal = raw.startIndex + target
        while rawIndex < goal, rawIndex < raw.endIndex, literalIndex < literal.count {
            step()
        }
        return min(literalIndex, literal.count)
    }

    private var isEscapeAtCurrent: Bool {
        guard rawIndex + 1 < raw.endIndex, raw[rawIndex] == 0x5C, literalIndex < literal.count else { return false }
        return isASCIIPunctuation(raw[rawIndex + 1]) && literal[literalIndex] == raw[rawIndex + 1]
    }

    /// Advances past one literal unit (a byte, an escape, a reference or a smart punctuation mark).
    private mutating func step() {
        let byte = raw[rawIndex]
        if isEscapeAtCurrent {
            rawIndex += 2
            literalIndex += 1
        } else if byte == 0x26, let end = referenceEnd(from: rawIndex), !literalMatchesRaw(rawIndex..<end) {
            rawIndex = end
            literalIndex += scalarLength(at: literalIndex)
        } else if let smart = smartPunctuation() {
            rawIndex += smart.raw
            literalIndex += smart.literal
        } else {
            rawIndex += 1
            literalIndex += 1
        }
        escaped = isEscapeAtCurrent
    }

    /// The end of `&name;`, `&#123;` or `&#x1F;` starting at `start`.
    private func referenceEnd(from start: Int) -> Int? {
        Self.referenceEnd(raw, from: start, to: raw.endIndex)
    }

    /// The end of `&name;`, `&#123;` or `&#x1F;` starting at `start` of `bytes`, before `end`.
    static func referenceEnd<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, from start: Int, to end: Int) -> Int?
    where Bytes.Index == Int {
        var index = start + 1
        while index < end, index - start <= 33 {
            let byte = bytes[index]
            if byte == 0x3B { return index > start + 1 ? index + 1 : nil }
            guard byte == 0x23 || LineSyntax.isASCIILetter(byte) || LineSyntax.isASCIIDigit(byte) else { return nil }
            index += 1
        }
        return nil
    }

    /// Whether the raw bytes appear unchanged at the literal's current position (an unknown entity stays as is).
    private func literalMatchesRaw(_ range: Range<Int>) -> Bool {
        guard literalIndex + range.count <= literal.count else { return false }
        var offset = literalIndex
        for index in range {
            if literal[offset] != raw[index] { return false }
            offset += 1
        }
        return true
    }

    /// Curly quotes for `'`/`"`, dashes for runs of `-`, an ellipsis for `...` (when the literal shows them).
    private func smartPunctuation() -> (raw: Int, literal: Int)? {
        Self.smartPunctuation(raw: raw[rawIndex], literal: literal, at: literalIndex)
    }

    /// What smart punctuation in `literal` at `index` took from the source byte `raw` (as many source and
    /// literal bytes), or `nil` when the literal shows none there.
    static func smartPunctuation(raw byte: UInt8, literal: [UInt8], at index: Int) -> (raw: Int, literal: Int)? {
        guard index + 2 < literal.count, literal[index] == 0xE2, literal[index + 1] == 0x80 else { return nil }
        switch literal[index + 2] {
        case 0x98, 0x99: return byte == 0x27 ? (1, 3) : nil
        case 0x9C, 0x9D: return byte == 0x22 ? (1, 3) : nil
        case 0x93: return byte == 0x2D ? (2, 3) : nil
        case 0x94: return byte == 0x2D ? (3, 3) : nil
        case 0xA6: return byte == 0x2E ? (3, 3) : nil
        default: return nil
        }
    }

    private func scalarLength(at index: Int) -> Int {
        guard index < literal.count else { return 1 }
        let lead = literal[index]
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    private func isASCIIPunctuation(_ byte: UInt8) -> Bool {
        (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
            || (0x7B...0x7E).contains(byte)
    }
}
