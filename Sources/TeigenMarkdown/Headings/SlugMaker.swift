/// Turns heading text into an identifier that keeps Unicode letters and digits.
enum SlugMaker {
    /// Letters, combining marks and numbers are kept (lower-cased), `_` is kept, whitespace and dashes
    /// separate words (joined by a single `-`), everything else (punctuation, symbols, controls) is dropped.
    static func slug(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        var pendingSeparator = false
        for scalar in text.unicodeScalars {
            switch kind(of: scalar) {
            case .keep:
                if pendingSeparator, !output.isEmpty { output.append("-") }
                pendingSeparator = false
                if scalar.isASCII {
                    let value = scalar.value
                    output.append((0x41...0x5A).contains(value) ? Unicode.Scalar(UInt8(value + 0x20)) : scalar)
                } else {
                    output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                }
            case .separator:
                pendingSeparator = true
            case .drop:
                break
            }
        }
        return String(output)
    }

    private enum Kind { case keep, separator, drop }

    private static func kind(of scalar: Unicode.Scalar) -> Kind {
        if scalar.isASCII {
            switch scalar.value {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: return .keep  // 0-9 A-Z a-z _
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x2D: return .separator  // whitespace and -
            default: return .drop
            }
        }
        if scalar.properties.isWhitespace { return .separator }
        switch scalar.properties.generalCategory {
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
