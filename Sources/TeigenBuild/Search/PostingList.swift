/// Where one token occurs: for each page that has it, in page order, the positions in that page.
///
/// Encoded as the search page's script reads it (`theme/assets/js/search.js`), in unsigned LEB128
/// varints: the number of pages, then for each page the difference from the previous page's number
/// (the first: the number itself), the count of positions and the positions, each as the difference
/// from the one before (the first: the position itself).
struct PostingList {
    private(set) var pageCount = 0
    private var bytes: [UInt8] = []
    private var lastPage = 0

    /// Adds a page; pages come in ascending order, positions ascending.
    mutating func add(page: Int, positions: ArraySlice<Int32>) {
        Self.appendVarint(page - lastPage, to: &bytes)
        lastPage = page
        pageCount += 1
        Self.appendVarint(positions.count, to: &bytes)
        var previous: Int32 = 0
        for position in positions {
            Self.appendVarint(Int(position - previous), to: &bytes)
            previous = position
        }
    }

    /// The encoded list.
    var encoded: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 4)
        Self.appendVarint(pageCount, to: &output)
        output += bytes
        return output
    }

    static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var rest = UInt(value)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }
}
