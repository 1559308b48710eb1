/// The lines of a text that may hold inline content a pass wants: a footnote reference (`[^`), a
/// link or image (`[`, or `<` for autolinks), a delimiter run the ``DelimiterPass`` may decide anew
/// (`~`, or `*` or `_` next to a non-ASCII byte), an extended autolink (`://`, `www.`, `@`) or a task
/// list marker (`[ ]`, `[x]`), so
/// blocks without any are not walked inline by inline.
struct InlineLineFilter {
    /// What a line may hold; each kind has its own counts, so each pass asks only about its own.
    enum Kind: Int, CaseIterable {
        /// A footnote reference, a link or image, a task list marker: the collector's and the task list pass's.
        case inline
        /// A `~` run, or a `*` or `_` run the CJK-friendly rules decide differently: the ``DelimiterPass``'s.
        case delimiters
        /// `://`, `www.` or `@`: the ``AutolinkPass``'s.
        case autolinks
    }

    /// `marked[kind][n]`: how many of lines 1…n are marked for `kind` (`[0]` is 0); empty when none is.
    private var marked: [[Int32]]
    /// Whether the text holds `[^` anywhere (when footnote references were asked for).
    private(set) var hasFootnoteMarker = false

    /// Marks the lines of `text` holding `[^` (when `footnoteReferences`), `[` and `<` (when `links`),
    /// `[ ]`-like markers (when `taskLists`) as ``Kind/inline``; `~` (when `strikethrough`), a `*` or `_`
    /// run decided anew (when `cjkEmphasis`) as ``Kind/delimiters``; `://`, `www.` or `@` (when
    /// `autolinks`) as ``Kind/autolinks``.
    init(
        _ text: SourceText, footnoteReferences: Bool, links: Bool, strikethrough: Bool = false, cjkEmphasis: Bool = false,
        autolinks: Bool = false, taskLists: Bool = false
    ) {
        var flags = [[Bool]](repeating: [], count: Kind.allCases.count)
        var hasMarker = false
        text.bytes.withUnsafeBufferPointer { buffer in
            func mark(_ kind: Kind, _ byte: UInt8, when accept: (Int) -> Bool) {
                var line = 1
                buffer.forEachOffset(of: byte) { index in
                    line = text.lineNumber(of: index, from: line)
                    if accept(index) {
                        if flags[kind.rawValue].isEmpty { flags[kind.rawValue] = [Bool](repeating: false, count: text.lineCount + 1) }
                        flags[kind.rawValue][line] = true
                    }
                    return true
                }
            }
            if footnoteReferences || links || taskLists {
                mark(.inline, 0x5B) { index in
                    let isMarker = footnoteReferences && index + 1 < buffer.count && buffer[index + 1] == 0x5E
                    if isMarker { hasMarker = true }
                    let isTask = taskLists && index + 2 < buffer.count && buffer[index + 2] == 0x5D
                    return links || isMarker || isTask
                }
            }
            if links { mark(.inline, 0x3C) { _ in true } }
            if strikethrough { mark(.delimiters, 0x7E) { _ in true } }
            if cjkEmphasis {
                mark(.delimiters, 0x2A) { Self.mayBeDecidedAnew(buffer, run: $0) }
                mark(.delimiters, 0x5F) { Self.mayBeDecidedAnew(buffer, run: $0) }
            }
            if autolinks {
                mark(.autolinks, 0x3A) { index in index + 2 < buffer.count && buffer[index + 1] == 0x2F && buffer[index + 2] == 0x2F }
                mark(.autolinks, 0x2E) { index in
                    index >= 3 && buffer[index - 1] == 0x77 && buffer[index - 2] == 0x77 && buffer[index - 3] == 0x77
                }
                mark(.autolinks, 0x40) { _ in true }
            }
        }
        hasFootnoteMarker = hasMarker
        marked = flags.map { lines in
            guard !lines.isEmpty else { return [] }
            var counts = [Int32](repeating: 0, count: lines.count)
            var count: Int32 = 0
            for line in 1..<lines.count {
                if lines[line] { count += 1 }
                counts[line] = count
            }
            return counts
        }
    }

    /// Whether any of lines `start`…`end` (1-based, clamped to the text) is marked, for any kind.
    func any(from start: Int, through end: Int) -> Bool {
        Kind.allCases.contains { any($0, from: start, through: end) }
    }

    /// Whether any of lines `start`…`end` (1-based, clamped to the text) is marked for `kind`.
    func any(_ kind: Kind, from start: Int, through end: Int) -> Bool {
        let counts = marked[kind.rawValue]
        let last = min(end, counts.count - 1)
        let first = max(start, 1)
        guard first <= last else { return false }
        return counts[last] - counts[first - 1] > 0
    }

    /// Whether the CJK-friendly rules may decide the `*` or `_` run around `index` differently from
    /// libcmark: a non-ASCII character next to the run, and the rules disagreeing with the character
    /// before it as it is in the line or as the start of a line (a container's marker may come before).
    static func mayBeDecidedAnew(_ buffer: UnsafeBufferPointer<UInt8>, run index: Int) -> Bool {
        let character = buffer[index]
        // Only the run's first character decides, once for the whole run.
        if index > 0, buffer[index - 1] == character { return false }
        var end = index
        while end < buffer.count, buffer[end] == character { end += 1 }
        let after = end < buffer.count ? scalar(buffer, at: end) : 0x0A
        let before = index > 0 ? scalar(buffer, endingAt: index) : (value: UInt32(0x0A), start: index)
        guard after >= 0x80 || before.value >= 0x80 else { return false }
        let afterValue = after == 0x0D ? 0x0A : after
        func decidedAnew(_ value: UInt32, start: Int) -> Bool {
            let base = CharacterClass.isTextVariationSelector(value) && start > 0 ? scalar(buffer, endingAt: start).value : 0x0A
            let around = Flanking.Surroundings(before: value, beforeBase: base, after: afterValue)
            return Flanking.cjkFriendly(character, around) != Flanking.commonMark(character, before: value, after: afterValue)
        }
        return decidedAnew(before.value, start: before.start) || decidedAnew(0x0A, start: index)
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

}
