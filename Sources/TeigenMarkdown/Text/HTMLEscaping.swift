/// Escaping for text Teigen writes into HTML itself (attributes and labels).
enum HTMLEscaping {
    /// `&`, `<`, `>` and `"` as character references.
    static func escape(_ text: String) -> String {
        var copy = text
        let needsEscaping = copy.withUTF8 { bytes in
            bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }
        }
        guard needsEscaping else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }
}
