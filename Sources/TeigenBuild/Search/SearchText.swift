import Foundation

/// How the search index reads text. The search page's script (`theme/assets/js/search.js`) reads a query
/// by the same rules, so that both sides agree on every word, which is what Pagefind's Japanese lacks
/// (its indexer and the browser's `Intl.Segmenter` cut compounds differently):
///
/// 1. **Fold** each character on its own: NFKC, then lower case, kept only when the result is one
///    character (`Ｎ` → `n`, `ｶ` → `カ`, `（` → `(`; `㍻` stays); a combining mark that composes with the
///    character before it is absorbed into it (`ｶﾞ` → `ガ`). One character in, at most one out, so that a
///    position in the folded text is a position in the text shown.
/// 2. **Kinds**: CJK (Han, kana, Hangul and their marks, ranges in ``cjkRanges``), word (any other letter,
///    digit or mark), space, and everything else (punctuation, the `\n` between blocks).
/// 3. **Spaces next to a CJK character are dropped** (`トラック 2 核対話` reads as `トラック2核対話`): in
///    Japanese such a space is typography, not a word boundary. Other spaces stay, one for a run.
/// 4. **Tokens**, each at its position: every CJK character starts one, the bigram of it and the next
///    character of its run, or the character alone at the end of a run (as Lucene's CJK analyzer, plus
///    that last character); every run of word characters is one token (`npt`, `2024`).
///
/// A query matches where all its tokens sit at the same distances as in the query, so any part of a
/// compound finds it (`軍縮` in `核軍縮`) and nothing else does.
struct SearchText: Equatable {
    /// The folded characters, spaces dropped, one per position.
    var scalars: [Unicode.Scalar]
    /// The kind of each of `scalars`.
    var kinds: [Kind]
    /// The offsets (in Unicode scalars) of the characters of the source that were dropped, ascending.
    var skipped: [Int]

    /// The character classes of rule 2.
    enum Kind: UInt8, Equatable {
        case cjk, word, space, other
    }

    /// Rule 2's CJK characters, inclusive ranges of folded scalars. Written into the index's `meta.json`
    /// (`cjk`), from which the search page's script takes them.
    static let cjkRanges: [ClosedRange<UInt32>] = [
        0x1100...0x11FF,  // Hangul Jamo
        0x2E80...0x2FDF,  // CJK radicals, Kangxi radicals
        0x3005...0x3007,  // 々 〆 〇
        0x3021...0x3029,  // Hangzhou numerals
        0x3031...0x3035,  // kana repeat marks
        0x3038...0x303C,
        0x3041...0x3096,  // hiragana
        0x3099...0x309F,  // voicing marks, ゝ ゞ ゟ
        0x30A1...0x30FA,  // katakana (not ゠)
        0x30FC...0x30FF,  // ー ヽ ヾ ヿ (not the middle dot ・)
        0x3131...0x318E,  // Hangul compatibility jamo
        0x31F0...0x31FF,  // katakana phonetic extensions
        0x3400...0x4DBF,  // CJK extension A
        0x4E00...0x9FFF,  // CJK unified ideographs
        0xA960...0xA97F,  // Hangul jamo extended A
        0xAC00...0xD7FF,  // Hangul syllables, jamo extended B
        0xF900...0xFAFF,  // CJK compatibility ideographs
        0x1B000...0x1B16F,  // kana supplement and extensions
        0x20000...0x323AF,  // CJK extensions B to H
    ]

    /// Folds and reads `text` (rules 1 to 3) with `fold` (``ScalarFold``).
    init(_ text: some StringProtocol, fold: ScalarFold) {
        scalars = []
        kinds = []
        skipped = []
        scalars.reserveCapacity(text.unicodeScalars.count)
        kinds.reserveCapacity(text.unicodeScalars.count)
        var pendingSpace: Int?  // the offset of a run of spaces not yet kept or dropped
        var offset = 0
        var previousIsCJK = false
        var lastKept = -2  // the offset of the character last appended (or absorbed)
        for scalar in text.unicodeScalars {
            let (folded, kind, isMark) = fold.read(scalar)
            if isMark, lastKept == offset - 1, let composed = Self.composed(scalars[scalars.count - 1], folded) {
                let composedKind = fold.read(composed).kind
                scalars[scalars.count - 1] = composed
                kinds[kinds.count - 1] = composedKind
                previousIsCJK = composedKind == .cjk
                skipped.append(offset)
                lastKept = offset
                offset += 1
                continue
            }
            if kind == .space {
                if pendingSpace != nil || previousIsCJK || scalars.isEmpty { skipped.append(offset) } else { pendingSpace = offset }
                offset += 1
                continue
            }
            if let space = pendingSpace {
                if kind == .cjk {
                    skipped.append(space)
                } else {
                    scalars.append(" ")
                    kinds.append(.space)
                }
                pendingSpace = nil
            }
            scalars.append(folded)
            kinds.append(kind)
            previousIsCJK = kind == .cjk
            lastKept = offset
            offset += 1
        }
        if let space = pendingSpace { skipped.append(space) }
        skipped.sort()
    }

    /// A character and the combining mark after it as one character, if Unicode has one (`か` and U+3099
    /// are `が`): text in decomposed form (macOS file names, half-width `ｶﾞ`) reads as composed text does.
    static func composed(_ base: Unicode.Scalar, _ mark: Unicode.Scalar) -> Unicode.Scalar? {
        let composed = String(String.UnicodeScalarView([base, mark])).precomposedStringWithCanonicalMapping.unicodeScalars
        return composed.count == 1 ? composed.first : nil
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        guard scalar.value >= 0x300 else { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Rule 2: the kind of a folded character.
    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39, 0x61...0x7A, 0x41...0x5A: return .word
            case 0x20, 0x09, 0x0C, 0x0D: return .space
            default: return .other
            }
        }
        if value >= 0x1100, isCJK(value) { return .cjk }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return .word
        case .spaceSeparator: return .space
        default: return .other
        }
    }

    static func isCJK(_ value: UInt32) -> Bool {
        var low = 0
        var high = cjkRanges.count
        while low < high {
            let middle = (low + high) / 2
            if cjkRanges[middle].upperBound < value { low = middle + 1 } else { high = middle }
        }
        return low < cjkRanges.count && cjkRanges[low].contains(value)
    }

    /// Rule 4: every token with its position, in order of position.
    func tokens() -> [(token: SearchToken, position: Int)] {
        var tokens: [(token: SearchToken, position: Int)] = []
        forEachToken { tokens.append(($0, $1)) }
        return tokens
    }

    /// Calls `body` with every token and its position, in order of position.
    func forEachToken(_ body: (SearchToken, Int) -> Void) {
        var index = 0
        while index < scalars.count {
            switch kinds[index] {
            case .cjk:
                let next = index + 1
                if next < scalars.count, kinds[next] == .cjk {
                    body(.bigram(scalars[index], scalars[next]), index)
                } else {
                    body(.unigram(scalars[index]), index)
                }
                index = next
            case .word:
                var end = index + 1
                while end < scalars.count, kinds[end] == .word { end += 1 }
                body(.word(String(String.UnicodeScalarView(scalars[index..<end]))), index)
                index = end
            case .space, .other:
                index += 1
            }
        }
    }
}

/// A token of the index: a CJK bigram, a CJK character at the end of its run, or a word.
enum SearchToken: Hashable, Sendable {
    case bigram(Unicode.Scalar, Unicode.Scalar)
    case unigram(Unicode.Scalar)
    case word(String)

    /// The token as the index stores it: its characters.
    var key: String {
        switch self {
        case .bigram(let first, let second): String(String.UnicodeScalarView([first, second]))
        case .unigram(let scalar): String(scalar)
        case .word(let word): word
        }
    }
}
