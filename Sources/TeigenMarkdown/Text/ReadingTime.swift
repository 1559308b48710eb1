/// Estimates reading time: Japanese (kana and kanji) characters at 500 a minute, other
/// whitespace-separated words at 200 a minute, rounded up, at least one minute.
enum ReadingTime {
    static let charactersPerMinute = 500
    static let wordsPerMinute = 200

    static func minutes(for text: String) -> Int {
        let (characters, words) = count(text)
        // characters / 500 + words / 200 == (2 × characters + 5 × words) / 1000
        let thousandths = characters * (1000 / charactersPerMinute) + words * (1000 / wordsPerMinute)
        return max(1, (thousandths + 999) / 1000)
    }

    /// Kana and kanji characters, and words: runs with a letter or digit between whitespace
    /// (or Japanese characters and punctuation).
    static func count(_ text: String) -> (characters: Int, words: Int) {
        var characters = 0
        var words = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            if EastAsianWidth.isKanaOrKanji(scalar) {
                characters += 1
                inWord = false
            } else if scalar.properties.isWhitespace || EastAsianWidth.joinsLines(scalar) {
                inWord = false
            } else if !inWord, isWordCharacter(scalar) {
                inWord = true
                words += 1
            }
        }
        return (characters, words)
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return LineSyntax.isASCIILetter(byte) || LineSyntax.isASCIIDigit(byte)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
