extension String {
    /// The text with `&`, `<`, `>`, `"` and `'` as character references: safe inside an HTML attribute
    /// value or element, and inside Pango markup, which takes the same five.
    var escapedForMarkup: String {
        var escaped = ""
        escaped.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
