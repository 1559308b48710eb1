/// The lines of a text that may hold inline content a pass wants: a footnote reference (`[^`), a
/// link or image (`[`, or `<` for autolinks), a delimiter run the ``DelimiterPass`` may decide anew
/// (`~`, or `*` or `_` next to a non-ASCII byte), an extended autolink (`://`, `www.`, `@`) or a task
/// list marker (`[ ]`, `[x]`), so
/// blocks without any are not walked inline by inline.
struct InlineLineFilter {
    /// `marked[n]`: how many of lines 1…n are marked (`marked[0]` is 0).
    private var marked: [Int32]
    /// Whether the text holds `[^` anywhere (when footnote references were asked for).
    private(set) var hasFootnoteMarker = false

    /// Marks the lines of `text` holding `[^` (when `footnoteReferences`), `[` and `<` (when `links`),
    /// `~` (when `strikethrough`), `*` or `_` next to a non-ASCII byte (when `cjkEmphasis`), `://`, `www.`
    /// or `@` (when `autolinks`).
    init(
        _ text: SourceText, footnoteReferences: Bool, links: Bool, strikethrough: Bool = false, cjkEmphasis: Bool = false,
        autolinks: Bool = false, taskLists: Bool = false
    ) {
        var flags = [Bool](repeating: false, count: text.lineCount + 1)
        var hasMarker = false
        if footnoteReferences || links || strikethrough || cjkEmphasis || autolinks || taskLists {
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
                    let isTask = taskLists && index + 2 < buffer.count && buffer[index + 2] == 0x5D
                    return links || isMarker || isTask
                }
                if links { mark(0x3C) { _ in true } }
                if strikethrough { mark(0x7E) { _ in true } }
                if cjkEmphasis {
                    let nextToNonASCII = { (index: Int) in
                        (index > 0 && buffer[index - 1] >= 0x80) || (index + 1 < buffer.count && buffer[index + 1] >= 0x80)
                    }
                    mark(0x2A, when: nextToNonASCII)
                    mark(0x5F, when: nextToNonASCII)
                }
                if autolinks {
                    mark(0x3A) { index in index + 2 < buffer.count && buffer[index + 1] == 0x2F && buffer[index + 2] == 0x2F }
                    mark(0x40) { _ in true }
                    mark(0x77) { index in
                        index + 3 < buffer.count && buffer[index + 1] == 0x77 && buffer[index + 2] == 0x77 && buffer[index + 3] == 0x2E
                    }
                }
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
