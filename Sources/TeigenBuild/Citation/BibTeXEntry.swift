/// A citation as a BibTeX entry (`citation.bib`): `@techreport` for a report (the publisher as its
/// `institution`), `@incollection` for a chapter (the whole work as its `booktitle`).
///
/// Values are written in braces with TeX's special characters escaped (`\&`, `\%`, `\{`, `\textbackslash{}`…);
/// a group as author is braced once more, so that BibTeX does not read it as a family and given name.
/// The URL is written as it is (it is already percent-encoded ASCII, which biblatex and BibTeX's `url`
/// field read verbatim), only braces and backslashes escaped.
struct BibTeXEntry {
    let citation: Citation

    /// The file's text, UTF-8.
    var text: String {
        var fields: [(String, String)] = [("author", citation.authors.map { "{" + Self.escape($0) + "}" }.joined(separator: " and "))]
        fields.append(("title", Self.escape(citation.title)))
        switch citation.kind {
        case .report:
            fields.append(("institution", Self.escape(citation.publisher)))
        case .chapter:
            fields.append(("booktitle", Self.escape(citation.containerTitle ?? "")))
            fields.append(("publisher", Self.escape(citation.publisher)))
        }
        fields.append(("year", String(citation.year)))
        var lines = fields.map { "  \($0.0) = {\($0.1)}," }
        lines.append("  month = \(Self.months[citation.month - 1]),")
        lines.append("  url = {\(citation.url.replacingOccurrences(of: "\\", with: "%5C").replacingOccurrences(of: "{", with: "%7B").replacingOccurrences(of: "}", with: "%7D"))},")
        lines.append("  language = {\(Self.escape(citation.language))}")
        let type = citation.kind == .report ? "techreport" : "incollection"
        return "@\(type){\(citation.key),\n" + lines.joined(separator: "\n") + "\n}\n"
    }

    /// BibTeX's month macros (`month = mar`), which every style knows.
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    /// `text` with TeX's special characters escaped, for a braced value; line breaks become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": out += "\\" + String(character)
            case "~": out += "\\textasciitilde{}"
            case "^": out += "\\textasciicircum{}"
            case "\n", "\r", "\r\n", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
