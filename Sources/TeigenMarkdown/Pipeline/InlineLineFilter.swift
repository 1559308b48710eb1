/// The lines of a text that may hold inline content a pass wants: a footnote reference (`[^`) or a
/// link or image (`[`, or `<` for autolinks), so blocks without any are not walked inline by inline.
struct InlineLineFilter {
    /// `marked[n]`: how many of lines 1…n are marked (`marked[0]` is 0).
    private var marked: [Int32]
    /// Whether the text holds `[^` anywhere (when footnote references were asked for).
    private(set) var hasFootnoteMarker = false

    /// Marks the lines of `text` holding `[^` (when `footnoteReferences`) or `[` and `<` (when `links`).
    init(_ text: SourceText, footnoteReferences: Bool, links: Bool) {
        var flags = [Bool](repeating: false, count: text.lineCount + 1)
        var hasMarker = false
        if footnoteReferences || links {
            text.bytes.withUnsafeBufferPointer { buffer in
                func mark(_ byte: UInt8, when accept: (Int) -> Bool) {
                    var line = 1
                    buffer.forEachOffset(of: byte) { index in
                        line = text.lineNumber(of: index, from: line)
                        if accept(index) { flags[line] = true }
                        return true
                    }
                }
                mark(0x5B) { index in
                    let isMarker = footnoteReferences && index + 1 < buffer.count && buffer[index + 1] == 0x5E
                    if isMarker { hasMarker = true }
                    return links || isMarker
                }
                if links { mark(0x3C) { _ in true } }
            }
        }
        hasFootnoteMarker = hasMarker
        marked = [Int32](repeating: 0, count: flags.count)
        var count: Int32 = 0
        for line in 1..<flags.count {
            if flags[line] { count += 1 }
            marked[line] = count
        }
    }

    /// Whether any of lines `start`…`end` (1-based, clamped to the text) is marked.
    func any(from start: Int, through end: Int) -> Bool {
        let last = min(end, marked.count - 1)
        let first = max(start, 1)
        guard first <= last else { return false }
        return marked[last] - marked[first - 1] > 0
    }
}
