/// A suggested citation as a reader copies it, in the page's language, with the date of access left
/// for the reader to fill in:
/// - Japanese (`ja`), as Japanese reports cite: `著者『報告書名』発行者、2024年3月。URL（［閲覧日］閲覧）`, a chapter as
///   `著者「章題」『報告書名』発行者、2024年3月。URL（［閲覧日］閲覧）`;
/// - any other language, in English: `Authors. Title. Publisher, March 2024. URL (accessed [date]).`, a chapter as
///   `Authors. “Chapter.” In Title. Publisher, March 2024. URL (accessed [date]).`
enum CitationText {
    /// The whole citation.
    static func text(of citation: Citation) -> String {
        if isJapanese(citation.language) {
            let title = citation.containerTitle.map { "「\(citation.title)」『\($0)』" } ?? "『\(citation.title)』"
            return citation.authors.joined(separator: "・") + title + citation.publisher + "、" + issued(citation) + "。" + citation.url + "（［閲覧日］閲覧）"
        }
        let title = citation.containerTitle.map { "“\(sentence(citation.title))” In \(sentence($0))" } ?? sentence(citation.title)
        return sentence(citation.authors.joined(separator: ", ")) + " " + title + " " + citation.publisher + ", " + issued(citation) + ". "
            + citation.url + " (accessed [date])."
    }

    /// The year and month, as the citation's language writes them (`2024年3月`, `March 2024`).
    static func issued(_ citation: Citation) -> String {
        isJapanese(citation.language) ? "\(citation.year)年\(citation.month)月" : "\(months[citation.month - 1]) \(citation.year)"
    }

    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    private static func isJapanese(_ language: String) -> Bool {
        language == "ja" || language.hasPrefix("ja-")
    }

    /// `text` ending with a full stop (unless it ends with one, or with ? or !).
    private static func sentence(_ text: String) -> String {
        guard let last = text.last, !".?!".contains(last) else { return text }
        return text + "."
    }
}
