/// Turns heading text into an identifier that keeps Unicode letters and digits.
enum SlugMaker {
    /// Letters, combining marks and numbers are kept (lower-cased), `_` is kept, whitespace and dashes
    /// separate words (joined by a single `-`), everything else (punctuation, symbols, controls) is dropped.
    static func slug(_ text: String) -> String {
        var text = text
        return text.withUTF8 { input in
            var output: [UInt8] = []
            output.reserveCapacity(input.count)
            var pendingSeparator = false
            var index = 0
            while index < input.count {
                let lead = input[index]
                let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
                let end = min(index + length, input.count)
                defer { index = end }
                let kind: Kind
                var lowered: Unicode.Scalar?
                if lead < 0x80 {
                    kind = asciiKind(lead)
                } else {
                    var value = UInt32(lead) & (lead < 0xE0 ? 0x1F : lead < 0xF0 ? 0x0F : 0x07)
                    for position in (index + 1)..<end { value = value << 6 | UInt32(input[position] & 0x3F) }
                    guard let scalar = Unicode.Scalar(value) else { continue }
                    if EastAsianWidth.isKanaOrKanji(scalar) {
                        kind = .keep
                    } else {
                        kind = self.kind(of: scalar)
                        if kind == .keep, scalar.properties.changesWhenLowercased { lowered = scalar }
                    }
                }
                switch kind {
                case .keep:
                    if pendingSeparator, !output.isEmpty { output.append(0x2D) }
                    pendingSeparator = false
                    if lead < 0x80 {
                        output.append(lead >= 0x41 && lead <= 0x5A ? lead + 0x20 : lead)
                    } else if let lowered {
                        output.append(contentsOf: lowered.properties.lowercaseMapping.utf8)
                    } else {
                        output.append(contentsOf: input[index..<end])
                    }
                case .separator:
                    pendingSeparator = true
                case .drop:
                    break
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    private enum Kind { case keep, separator, drop }

    private static func asciiKind(_ byte: UInt8) -> Kind {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return .keep  // 0-9 A-Z a-z _
        case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x2D: return .separator  // whitespace and -
        default: return .drop
        }
    }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        let properties = scalar.properties
        if properties.isWhitespace { return .separator }
        switch properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber, .connectorPunctuation:
            return .keep
        case .dashPunctuation, .spaceSeparator:
            return .separator
        default:
            return .drop
        }
    }
}
