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
        var text = text
        return text.withUTF8 { bytes in
            var characters = 0
            var words = 0
            var inWord = false
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                if lead < 0x80 {
                    index += 1
                    if lead <= 0x20 {
                        inWord = false
                    } else if !inWord, Self.asciiWordBytes[Int(lead)] {
                        inWord = true
                        words += 1
                    }
                    continue
                }
                // Three-byte sequences of kanji (U+4000–9FFF), kana (U+3041–30FF) and Japanese punctuation
                // (U+3000–303F) are told apart by their first two bytes alone.
                if lead >= 0xE4 && lead <= 0xE9 {
                    characters += 1
                    inWord = false
                    index += 3
                    continue
                }
                if lead == 0xE3, index + 1 < count {
                    let second = bytes[index + 1]
                    if second == 0x80 {
                        let third = index + 2 < count ? bytes[index + 2] : 0
                        if third >= 0x85 && third <= 0x87 { characters += 1 }  // 々 〆 〇
                        inWord = false
                        index += 3
                        continue
                    }
                    if second >= 0x81 && second <= 0x83 {
                        let third = index + 2 < count ? bytes[index + 2] : 0
                        if !(second == 0x83 && third == 0xBB) { characters += 1 }  // not ・
                        inWord = false
                        index += 3
                        continue
                    }
                }
                let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                var value = UInt32(lead) & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07)
                var offset = 1
                while offset < length, index + offset < count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                    offset += 1
                }
                index += length
                guard let scalar = Unicode.Scalar(value) else { continue }
                if EastAsianWidth.isKanaOrKanji(scalar) {
                    characters += 1
                    inWord = false
                } else if EastAsianWidth.joinsLines(scalar) || scalar.properties.isWhitespace {
                    inWord = false
                } else if !inWord, isWordCharacter(scalar) {
                    inWord = true
                    words += 1
                }
            }
            return (characters, words)
        }
    }

    /// Which ASCII bytes are letters or digits.
    private static let asciiWordBytes: [Bool] = (0..<128).map { byte in
        LineSyntax.isASCIILetter(UInt8(byte)) || LineSyntax.isASCIIDigit(UInt8(byte))
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let byte = UInt8(scalar.value)
            return LineSyntax.isASCIILetter(byte) || LineSyntax.isASCIIDigit(byte)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
