/// Byte strings of one kind of markup (every footnote reference's `<sup>…</sup>`, every heading's
/// attributes…), stored end to end in one buffer instead of one array each.
struct MarkupTable {
    /// The entries' bytes, one after the other.
    private var bytes: [UInt8] = []
    /// Where entry `i` ends in ``bytes`` (it starts where entry `i - 1` ends).
    private var ends: [Int] = []

    /// The number of entries.
    var count: Int { ends.count }

    /// Makes room for `entries` more entries of about `bytesEach` bytes.
    mutating func reserve(entries: Int, bytesEach: Int) {
        ends.reserveCapacity(ends.count + entries)
        bytes.reserveCapacity(bytes.count + entries * bytesEach)
    }

    /// Adds an entry: the bytes `write` appends to the buffer given. Returns the entry's index.
    @discardableResult
    mutating func append(_ write: (inout [UInt8]) -> Void) -> Int {
        write(&bytes)
        ends.append(bytes.count)
        return ends.count - 1
    }

    /// Calls `body` with entry `index`'s bytes.
    func withEntry<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let start = index == 0 ? 0 : ends[index - 1]
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<ends[index]])) }
    }
}
