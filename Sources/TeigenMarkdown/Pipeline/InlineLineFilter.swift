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
                    mark(0x2A) { Self.mayBeDecidedAnew(buffer, run: $0) }
                    mark(0x5F) { Self.mayBeDecidedAnew(buffer, run: $0) }
                }
                if autolinks {
                    mark(0x3A) { index in index + 2 < buffer.count && buffer[index + 1] == 0x2F && buffer[index + 2] == 0x2F }
                    mark(0x2E) { index in index >= 3 && buffer[index - 1] == 0x77 && buffer[index - 2] == 0x77 && buffer[index - 3] == 0x77 }
                    mark(0x40) { _ in true }
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

    /// Whether the CJK-friendly rules may decide the `*` or `_` run around `index` differently from
    /// libcmark: a non-ASCII character next to the run, and the rules disagreeing with the character
    /// before it as it is in the line or as the start of a line (a container's marker may come before).
    private static func mayBeDecidedAnew(_ buffer: UnsafeBufferPointer<UInt8>, run index: Int) -> Bool {
        let character = buffer[index]
        // Only the run's first character decides, once for the whole run.
        if index > 0, buffer[index - 1] == character { return false }
        var end = index
        while end < buffer.count, buffer[end] == character { end += 1 }
        let after = end < buffer.count ? scalar(buffer, at: end) : 0x0A
        let before = index > 0 ? scalar(buffer, endingAt: index) : (value: UInt32(0x0A), start: index)
        guard after >= 0x80 || before.value >= 0x80 else { return false }
        let afterValue = after == 0x0D ? 0x0A : after
        for candidate in [before, (value: UInt32(0x0A), start: index)] {
            let around = Flanking.Surroundings(
                before: candidate.value, beforeBase: { candidate.start > 0 ? scalar(buffer, endingAt: candidate.start).value : 0x0A },
                after: afterValue)
            if Flanking.cjkFriendly(character, around) != Flanking.commonMark(character, before: candidate.value, after: afterValue) {
                return true
            }
        }
        return false
    }

    /// The scalar starting at `index` (a line feed for a line ending, U+FFFD for a broken sequence).
    private static func scalar(_ buffer: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32 {
        let lead = buffer[index]
        if lead < 0x80 { return lead == 0x0D ? 0x0A : UInt32(lead) }
        let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        return UnsafeBufferPointer(rebasing: buffer[index..<min(buffer.count, index + length)]).firstScalar?.value ?? 0xFFFD
    }

    /// The scalar ending just before `end`, and where it starts.
    private static func scalar(_ buffer: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> (value: UInt32, start: Int) {
        var start = end - 1
        while start > 0, end - start < 4, buffer[start] & 0xC0 == 0x80 { start -= 1 }
        return (scalar(buffer, at: start), start)
    }

    /// Whether any of lines `start`…`end` (1-based, clamped to the text) is marked.
    func any(from start: Int, through end: Int) -> Bool {
        let last = min(end, marked.count - 1)
        let first = max(start, 1)
        guard first <= last else { return false }
        return marked[last] - marked[first - 1] > 0
    }
}
