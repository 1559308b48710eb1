#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// UTF-8 text handed to libcmark, split into lines the way libcmark splits them (`\n`, `\r\n` or `\r`),
/// with the origin of each line in the author's Markdown.
struct SourceText {
    /// The bytes libcmark parses.
    let bytes: [UInt8]
    /// Byte offset where each line starts (index 0 is line 1).
    private(set) var lineStarts: [Int] = []
    /// Byte offset where each line's content ends (before its line ending), kept only for a text with a
    /// `\r`: otherwise a line ends one byte before the next one starts.
    private(set) var lineEnds: [Int]?
    /// Origin of each line; `nil` when line N is line N of the original, byte for byte.
    let origins: [LineOrigin]?

    init(bytes: [UInt8], origins: [LineOrigin]? = nil) {
        self.bytes = bytes
        self.origins = origins
        (lineStarts, lineEnds) = Self.lines(of: bytes)
    }

    /// A text whose lines start and end where `other`'s do (same length, line endings in the same places),
    /// and come from the same lines of the original.
    init(bytes: [UInt8], sharingLinesOf other: SourceText) {
        self.bytes = bytes
        self.origins = other.origins
        self.lineStarts = other.lineStarts
        self.lineEnds = other.lineEnds
    }

    /// Where lines start and, in a text with a `\r`, where their content ends.
    private static func lines(of bytes: [UInt8]) -> (starts: [Int], ends: [Int]?) {
        var starts: [Int] = []
        var ends: [Int]?
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else { return }
            let count = buffer.count
            starts.reserveCapacity(count / 32 + 1)
            guard memchr(base, 0x0D, count) != nil else {
                var start = 0
                while start < count {
                    starts.append(start)
                    guard let found = memchr(base + start, 0x0A, count - start) else { break }
                    start = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                }
                return
            }
            var lineEnds: [Int] = []
            lineEnds.reserveCapacity(count / 32 + 1)
            var start = 0
            while start < count {
                var end: Int
                if let found = memchr(base + start, 0x0A, count - start) {
                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                } else {
                    end = count
                }
                if let found = memchr(base + start, 0x0D, end - start) {
                    // A lone CR ends the line; CR LF ends it once.
                    end = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    starts.append(start)
                    lineEnds.append(end)
                    start = end + (end + 1 < count && buffer[end + 1] == 0x0A ? 2 : 1)
                    continue
                }
                starts.append(start)
                lineEnds.append(end)
                start = end + 1
            }
            ends = lineEnds
        }
        if starts.isEmpty {
            starts.append(0)
            if ends != nil { ends = [0] }
        }
        return (starts, ends)
    }

    /// Number of lines.
    var lineCount: Int { lineStarts.count }

    /// Byte range of line `number`'s content (1-based); empty past the end.
    func line(_ number: Int) -> Range<Int> {
        guard number >= 1, number <= lineStarts.count else { return bytes.count..<bytes.count }
        if let lineEnds { return lineStarts[number - 1]..<lineEnds[number - 1] }
        // Without `\r`, every line but the last ends with the `\n` before the next line's start.
        let end = number < lineStarts.count ? lineStarts[number] - 1 : (bytes.last == 0x0A ? bytes.count - 1 : bytes.count)
        return lineStarts[number - 1]..<end
    }

    /// The line (1-based) holding byte `offset`, looking forward from line `start` (for offsets met in order).
    func lineNumber(of offset: Int, from start: Int) -> Int {
        var line = max(start, 1)
        while line < lineStarts.count, lineStarts[line] <= offset { line += 1 }
        return line
    }

    /// The original line and byte offset of byte `offset` (0-based) of line `number` (1-based).
    func original(line number: Int, offset: Int) -> (line: Int, offset: Int) {
        guard let origins else { return (number, offset) }
        guard number >= 1, number <= origins.count else { return (origins.last?.line ?? 1, 0) }
        let origin = origins[number - 1]
        return (origin.line, origin.originalOffset(offset))
    }

    /// The 1-based column, in Unicode scalars, of byte `offset` of line `number` (1-based). `start` is a known
    /// earlier place of the same line (its byte offset and column), from which the counting goes on.
    func scalarColumn(line number: Int, offset: Int, from start: (offset: Int, column: Int) = (0, 1)) -> Int {
        let range = line(number)
        let end = range.lowerBound + max(0, min(offset, range.count))
        return bytes.withUnsafeBufferPointer { buffer in
            var column = start.column
            var index = range.lowerBound + min(max(0, start.offset), range.count)
            while index < end {
                if buffer[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            return column
        }
    }
}
