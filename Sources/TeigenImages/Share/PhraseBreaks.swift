import CVipsBridge

/// Japanese text cut into phrases (文節-like: a content word with the particles and punctuation that
/// follow it), so that a title breaks between phrases — 「核秩序維持の／重要性を」 — and not inside a word
/// as Pango's character rules alone would (「重／要性」).
///
/// ICU finds the words (dictionary-based for Japanese); a phrase then runs from a word that starts with a
/// kanji, katakana, letter, digit or opening bracket, up to the next such word that follows hiragana,
/// punctuation or a space. Kanji compounds stay whole (核使用リスク削減の), which is how Japanese headlines
/// are broken by hand.
enum PhraseBreaks {
    /// The phrases of `text`, in order; joined they give `text` back. One phrase if ICU cannot segment it.
    static func phrases(_ text: String, locale: String) -> [String] {
        let words = words(text, locale: locale)
        var phrases: [String] = []
        for word in words {
            guard let last = phrases.last?.unicodeScalars.last, let first = word.unicodeScalars.first else {
                phrases.append(word)
                continue
            }
            if endsPhrase(last) && startsPhrase(first) {
                phrases.append(word)
            } else {
                phrases[phrases.count - 1] += word
            }
        }
        return phrases
    }

    /// The words of `text` by ICU's word boundaries for `locale`.
    private static func words(_ text: String, locale: String) -> [String] {
        let bytes = Array(text.utf8)
        var offsets = [Int32](repeating: 0, count: bytes.count + 1)
        let count = teigen_word_boundaries(text, locale, &offsets, Int32(offsets.count))
        guard count > 0 else { return [text] }
        var words: [String] = []
        var start = 0
        for offset in offsets.prefix(Int(count)).map(Int.init) where offset > start && offset <= bytes.count {
            words.append(String(decoding: bytes[start..<offset], as: UTF8.self))
            start = offset
        }
        if start < bytes.count { words.append(String(decoding: bytes[start...], as: UTF8.self)) }
        return words
    }

    /// Whether a phrase may end after `scalar`: hiragana (particles, endings), punctuation or a space.
    private static func endsPhrase(_ scalar: Unicode.Scalar) -> Bool {
        isHiragana(scalar) || scalar.properties.isWhitespace || isClosing(scalar)
    }

    /// Whether a phrase may start with `scalar`: anything but hiragana, closing punctuation or a space.
    private static func startsPhrase(_ scalar: Unicode.Scalar) -> Bool {
        !isHiragana(scalar) && !scalar.properties.isWhitespace && !isClosing(scalar)
    }

    private static func isHiragana(_ scalar: Unicode.Scalar) -> Bool {
        (0x3041...0x309F).contains(scalar.value)
    }

    /// Commas, stops, colons, closing brackets and the like, which belong to the phrase before them.
    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .closePunctuation, .finalPunctuation: return true
        case .otherPunctuation: return !"#%&*@＃％＆＊＠".unicodeScalars.contains(scalar)
        default: return false
        }
    }
}
